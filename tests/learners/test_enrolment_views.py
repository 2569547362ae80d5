"""Enrolment through the site: POST with CSRF, clear messages, nothing changed on refusal."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from learners.models import Enrolment, EnrolmentStatus
from tests.factories import CohortFactory, EnrolmentFactory, build_course, learner


@pytest.fixture
def course(catalogue):
    """Two application questions, the second optional, published."""
    course = build_course(catalogue, modules=2, title="Decent work in the care economy")
    course.application_questions.create(text="Why do you want to take this course?")
    course.application_questions.create(text="Anything else?", required=False)
    course.save_revision().publish()
    return course


@pytest.fixture(autouse=True)
def clear_throttle():
    cache.clear()


def messages_of(response):
    return [str(m) for m in response.context["messages"]] if response.context else []


def test_enrol_is_post_only(client, course):
    cohort = CohortFactory(course=course)
    client.force_login(learner())
    response = client.get(reverse("learn_enrol", args=[cohort.pk]))
    assert response.status_code == 405
    assert not Enrolment.objects.exists()


def test_enrol_requires_login(client, course):
    cohort = CohortFactory(course=course)
    response = client.post(reverse("learn_enrol", args=[cohort.pk]))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not Enrolment.objects.exists()


def test_enrol_rejects_a_post_without_csrf_token(course):
    from django.test import Client

    cohort = CohortFactory(course=course)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(learner())
    response = strict.post(reverse("learn_enrol", args=[cohort.pk]))
    assert response.status_code == 403
    assert not Enrolment.objects.exists()


def test_learner_enrols_in_open_cohort_and_sees_it_on_learn(client, course):
    cohort = CohortFactory(course=course, title="Spanish edition")
    ana = learner()
    client.force_login(ana)
    response = client.post(reverse("learn_enrol", args=[cohort.pk]), follow=True)
    assert response.request["PATH_INFO"] == "/en/learn/"
    assert "You are enrolled. Welcome!" in messages_of(response)
    html = response.content.decode()
    assert "Decent work in the care economy" in html
    assert "Spanish edition" in html
    assert Enrolment.objects.get(learner=ana).status == EnrolmentStatus.ACTIVE


def test_closed_window_shows_a_clear_message_and_enrols_nobody(client, course):
    cohort = CohortFactory(course=course, enrolment_closes_at=timezone.now() - timedelta(days=1))
    client.force_login(learner())
    response = client.post(reverse("learn_enrol", args=[cohort.pk]), follow=True)
    assert "Enrolment for this cohort is not open." in messages_of(response)
    assert not Enrolment.objects.exists()


def test_wrong_invitation_codes_are_throttled_per_account(client, course):
    cohort = CohortFactory(course=course, enrolment_mode="invitation", invitation_code="RIGHT")
    client.force_login(learner())
    url = reverse("learn_enrol", args=[cohort.pk])
    for _attempt in range(5):
        response = client.post(url, {"invitation_code": "guess"}, follow=True)
        assert "That invitation code is not valid" in " ".join(messages_of(response))
    response = client.post(url, {"invitation_code": "RIGHT"}, follow=True)
    assert "Too many wrong codes" in " ".join(messages_of(response))
    assert not Enrolment.objects.exists()


def test_application_form_keeps_what_was_typed_when_a_required_answer_is_missing(client, course):
    cohort = CohortFactory(course=course, enrolment_mode="application")
    client.force_login(learner())
    url = reverse("learn_apply", args=[cohort.pk])
    response = client.post(url, {"answer_1": "", "answer_2": "I work on care policy."})
    assert response.status_code == 200
    html = response.content.decode()
    assert "I work on care policy." in html
    assert "This field is required." in html
    assert not Enrolment.objects.exists()

    response = client.post(url, {"answer_1": "To design a care system.", "answer_2": ""})
    assert response.status_code == 302
    application = Enrolment.objects.get()
    assert application.status == EnrolmentStatus.APPLIED
    assert application.application_answers[0] == {
        "question": "Why do you want to take this course?",
        "answer": "To design a care system.",
    }


def test_learner_cannot_withdraw_someone_elses_enrolment(client, course):
    cohort = CohortFactory(course=course)
    other = EnrolmentFactory(cohort=cohort)
    client.force_login(learner())
    response = client.post(reverse("learn_withdraw", args=[other.pk]))
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.status == EnrolmentStatus.ACTIVE


def test_learn_page_shows_only_the_learners_own_enrolments(client, catalogue, course):
    cohort = CohortFactory(course=course)
    secret = build_course(catalogue, title="Someone else's course")
    EnrolmentFactory(cohort=CohortFactory(course=secret))
    me = EnrolmentFactory(cohort=cohort).learner
    client.force_login(me)
    html = client.get(reverse("learn_dashboard")).content.decode()
    assert "Decent work in the care economy" in html
    assert "Someone else" not in html


def test_learn_page_query_count_does_not_grow_with_enrolments(
    client, catalogue, django_assert_num_queries
):
    me = learner()
    client.force_login(me)

    def add_enrolments(count):
        for n in range(count):
            course = build_course(catalogue, modules=1, title=f"Course {n}")
            EnrolmentFactory(
                learner=me,
                cohort=CohortFactory(course=course),
                status="waitlisted" if n % 2 else "active",
            )

    add_enrolments(2)
    # Warm the caches (site, locale): twice, as the first view creates the calendar feed, which
    # makes what is kept of the person (account, profile, feed) stale once.
    client.get(reverse("learn_dashboard"))
    client.get(reverse("learn_dashboard"))
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("learn_dashboard"))
    # Counted now: the connection keeps its last 9,000 queries, so the slice moves later.
    small_count = len(small)
    add_enrolments(8)
    client.get(reverse("learn_dashboard"))  # publishing the new courses emptied them
    with django_assert_num_queries(small_count):
        client.get(reverse("learn_dashboard"))


def test_withdrawing_from_a_full_cohort_promotes_the_first_on_the_waiting_list(client, course):
    cohort = CohortFactory(course=course, capacity=1)
    mine = EnrolmentFactory(cohort=cohort)
    waiting = EnrolmentFactory(cohort=cohort, status="waitlisted")
    client.force_login(mine.learner)
    client.post(reverse("learn_withdraw", args=[mine.pk]))
    waiting.refresh_from_db()
    assert waiting.status == EnrolmentStatus.ACTIVE


def test_profile_form_reshows_input_and_saves_certificate_name(client, db):
    me = learner(certificate_name="")
    client.force_login(me)
    url = reverse("learn_profile")
    response = client.post(
        url,
        {
            "certificate_name": "",
            "country": "Perú",
            "organisation": "MTPE",
            "position": "",
            "preferred_language": "es",
            "time_zone": "Nowhere/Atlantis",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Perú" in html and "MTPE" in html
    response = client.post(
        url,
        {
            "certificate_name": "Ana María Quispe",
            "country": "PE",
            "organisation": "MTPE",
            "position": "Analista",
            "preferred_language": "es",
            "time_zone": "America/Lima",
        },
    )
    assert response.status_code == 302
    me.profile.refresh_from_db()
    assert me.profile.certificate_name == "Ana María Quispe"
    assert me.profile.time_zone == "America/Lima"
