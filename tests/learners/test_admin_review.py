"""Application review in the Wagtail admin: staff and a cohort's tutors approve or reject;
a tutor sees only the cohorts they tutor, and learners never reach these views."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learners.enrolment import services
from learners.models import Enrolment, EnrolmentStatus
from learners.permissions import TUTORS_GROUP, tutors_group
from tests.factories import CohortFactory, UserFactory, build_course, learner

pytestmark = pytest.mark.django_db

QUESTION = "Why do you want to take this course?"


@pytest.fixture
def course(catalogue):
    """One application question (QUESTION), published."""
    course = build_course(catalogue, modules=1, title="Decent work in the care economy")
    course.application_questions.create(text=QUESTION)
    course.save_revision().publish()
    return course


@pytest.fixture
def tutor():
    user = UserFactory(email="tutor@example.org", first_name="Lucía", last_name="Ramírez")
    user.groups.add(tutors_group())
    return user


@pytest.fixture
def other_tutor():
    user = UserFactory(email="other-tutor@example.org")
    user.groups.add(tutors_group())
    return user


@pytest.fixture
def cohort(course, tutor):
    cohort = CohortFactory(course=course, title="Spanish edition", enrolment_mode="application")
    cohort.tutors.add(tutor)
    return cohort


@pytest.fixture
def other_cohort(course, other_tutor):
    cohort = CohortFactory(course=course, title="English edition", enrolment_mode="application")
    cohort.tutors.add(other_tutor)
    return cohort


@pytest.fixture
def staff():
    return UserFactory(email="admin@example.org", is_staff=True, is_superuser=True)


def application(cohort, email, answer="I run the care policy unit."):
    return services.apply(
        learner=learner(email=email, first_name="Ana", last_name=email.split("@")[0]),
        cohort=cohort,
        answers=[{"question": QUESTION, "answer": answer}],
    )


def url(name, *args):
    return reverse(f"enrolments:{name}", args=args)


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


# --- staff and tutors decide --------------------------------------------------------------


def test_staff_reads_the_answers_and_approves_with_a_message(
    staff, cohort, django_capture_on_commit_callbacks
):
    enrolment = application(cohort, "ana@example.org", answer="I coordinate care inspections.")
    client = client_for(staff)

    review = client.get(url("review", enrolment.pk))
    assert review.status_code == 200
    html = review.content.decode()
    assert QUESTION in html
    assert "I coordinate care inspections." in html
    assert url("approve", enrolment.pk) in html

    confirm = client.get(url("approve", enrolment.pk))
    assert confirm.status_code == 200
    assert 'name="message"' in confirm.content.decode()
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.APPLIED  # GET changes nothing

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("approve", enrolment.pk), {"message": "Welcome aboard!"})
    assert response.status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ACTIVE
    assert enrolment.decided_by == staff
    assert enrolment.decision_message == "Welcome aboard!"
    assert [m.to for m in mail.outbox] == [["ana@example.org"]]
    assert "Welcome aboard!" in mail.outbox[0].body


def test_tutor_approves_an_application_to_their_cohort(tutor, cohort):
    enrolment = application(cohort, "ana@example.org")
    response = client_for(tutor).post(url("approve", enrolment.pk), {"message": ""})
    assert response.status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ACTIVE
    assert enrolment.decided_by == tutor


def test_tutor_rejects_with_a_message_sent_in_the_learners_language(
    tutor, cohort, django_capture_on_commit_callbacks
):
    enrolment = application(cohort, "ana@example.org")
    profile = enrolment.learner.profile
    profile.preferred_language = "es"
    profile.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(tutor).post(
            url("reject", enrolment.pk), {"message": "El cupo está reservado a ministerios."}
        )
    assert response.status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.REJECTED
    assert len(mail.outbox) == 1
    assert "El cupo está reservado a ministerios." in mail.outbox[0].body


def test_approval_when_the_cohort_is_full_goes_to_the_waiting_list(staff, course):
    cohort = CohortFactory(course=course, enrolment_mode="application", capacity=1)
    first = application(cohort, "first@example.org")
    second = application(cohort, "second@example.org")
    client = client_for(staff)
    client.post(url("approve", first.pk), {"message": ""})
    response = client.post(url("approve", second.pk), {"message": ""}, follow=True)
    second.refresh_from_db()
    assert second.status == EnrolmentStatus.WAITLISTED
    assert "waiting list" in response.content.decode()


def test_a_refused_decision_shows_the_reason_and_changes_nothing(staff, cohort):
    enrolment = application(cohort, "ana@example.org")
    services.reject(enrolment=enrolment, by=staff)
    response = client_for(staff).post(url("approve", enrolment.pk), {"message": "Sorry"})
    assert response.status_code == 200
    assert "Only applications under review can be approved." in response.content.decode()
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.REJECTED
    assert enrolment.decision_message == ""


def test_decisions_need_a_csrf_token(staff, cohort):
    enrolment = application(cohort, "ana@example.org")
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(staff)
    response = strict.post(url("approve", enrolment.pk), {"message": ""})
    assert response.status_code == 403
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.APPLIED


# --- tutors see only their cohorts --------------------------------------------------------


def test_tutor_lists_only_the_cohorts_they_tutor(tutor, cohort, other_cohort):
    application(cohort, "mine@example.org")
    application(other_cohort, "theirs@example.org")
    client = client_for(tutor)
    html = client.get(url("index")).content.decode()
    assert "mine@example.org" in html
    assert "theirs@example.org" not in html
    # Asking for the other cohort by id does not show it either.
    html = client.get(url("index"), {"cohort": other_cohort.pk}).content.decode()
    assert "theirs@example.org" not in html
    html = client.get(url("index_results"), {"cohort": other_cohort.pk}).content.decode()
    assert "theirs@example.org" not in html


def test_tutor_cannot_open_or_decide_enrolments_of_other_cohorts(tutor, cohort, other_cohort):
    theirs = application(other_cohort, "theirs@example.org")
    client = client_for(tutor)
    # (Django's LocaleMiddleware answers a 404 outside /<lang>/ with a redirect to the same
    # path under /en/, which is a 404 too: follow it.)
    assert client.get(url("review", theirs.pk), follow=True).status_code == 404
    assert client.get(url("approve", theirs.pk), follow=True).status_code == 404
    assert client.post(url("approve", theirs.pk), {"message": ""}, follow=True).status_code == 404
    assert client.post(url("reject", theirs.pk), {"message": ""}, follow=True).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == EnrolmentStatus.APPLIED
    assert theirs.decided_by is None


def test_former_tutor_loses_access(tutor, cohort):
    enrolment = application(cohort, "ana@example.org")
    cohort.tutors.remove(tutor)
    client = client_for(tutor)
    # Wagtail's refusal for a user with admin access: back to the dashboard, nothing shown.
    response = client.get(url("review", enrolment.pk))
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    response = client.post(url("approve", enrolment.pk), {"message": ""})
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.APPLIED


def test_learner_cannot_reach_the_review_views(cohort):
    enrolment = application(cohort, "ana@example.org")
    client = client_for(enrolment.learner)
    for response in (
        client.get(url("index")),
        client.get(url("review", enrolment.pk)),
        client.post(url("approve", enrolment.pk), {"message": ""}),
        client.post(url("reject", enrolment.pk), {"message": ""}),
    ):
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"] or response["Location"] == "/admin/"
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.APPLIED


def test_anonymous_visitors_are_sent_to_the_admin_login(cohort):
    enrolment = application(cohort, "ana@example.org")
    response = Client().post(url("approve", enrolment.pk), {"message": ""})
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.APPLIED


def test_editor_who_tutors_nothing_cannot_review(cohort):
    enrolment = application(cohort, "ana@example.org")
    editor = UserFactory(email="editor@example.org", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client = client_for(editor)
    response = client.get(url("review", enrolment.pk))
    assert response.status_code == 302  # Wagtail turns the 403 into "no permission" + home
    assert response["Location"] == reverse("wagtailadmin_home")
    assert "/admin/enrolments/" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_course_staff_with_the_enrolment_permission_see_every_cohort(cohort, other_cohort):
    application(cohort, "mine@example.org")
    application(other_cohort, "theirs@example.org")
    manager = UserFactory(email="manager@example.org")
    manager.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_enrolment"),
    )
    html = client_for(manager).get(url("index")).content.decode()
    assert "mine@example.org" in html and "theirs@example.org" in html


def test_a_new_tutor_joins_the_tutors_group_and_sees_the_menu(cohort):
    person = UserFactory(email="new-tutor@example.org")
    assert not person.groups.filter(name=TUTORS_GROUP).exists()
    cohort.tutors.add(person)
    assert person.groups.filter(name=TUTORS_GROUP).exists()
    home = client_for(person).get(reverse("wagtailadmin_home"))
    assert home.status_code == 200
    assert url("index") in home.content.decode()


# --- the list -------------------------------------------------------------------------------


def test_list_filters_by_status_and_searches_by_name_and_email(staff, cohort):
    waiting = application(cohort, "waiting@example.org")
    decided = application(cohort, "decided@example.org")
    services.approve(enrolment=decided, by=staff)
    client = client_for(staff)

    html = client.get(url("index"), {"status": "applied"}).content.decode()
    assert "waiting@example.org" in html and "decided@example.org" not in html

    html = client.get(url("index"), {"q": "Ana decided"}).content.decode()
    assert "decided@example.org" in html and "waiting@example.org" not in html

    html = client.get(url("index"), {"q": "WAITING@example"}).content.decode()
    assert "waiting@example.org" in html and "decided@example.org" not in html

    html = client.get(url("index"), {"cohort": cohort.pk}).content.decode()
    assert waiting.learner.email in html


def queries_for_list(client):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url("index"))
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("who", ["staff", "tutor"])
def test_list_queries_do_not_grow_with_the_number_of_enrolments(
    who, staff, tutor, cohort, django_assert_num_queries
):
    user = staff if who == "staff" else tutor
    client = client_for(user)
    for n in range(3):
        application(cohort, f"small{n}@example.org")
    queries_for_list(client)  # warm per-process caches (content types, site root paths)
    small = queries_for_list(client)

    for n in range(30):
        application(cohort, f"large{n}@example.org")
    with django_assert_num_queries(small):
        response = client.get(url("index"))
    assert response.content.decode().count("@example.org") >= 30
    assert Enrolment.objects.count() == 33
