"""Cohorts in the Wagtail admin: a ModelViewSet for users with the cohort permissions."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from courses.models import Cohort
from learners.models import EnrolmentStatus
from tests.factories import CohortFactory, EnrolmentFactory, UserFactory

pytestmark = pytest.mark.django_db


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def admin_client_(db):
    return client_for(UserFactory(email="admin@example.org", is_staff=True, is_superuser=True))


def test_superuser_lists_cohorts_with_seats_taken(admin_client_, course):
    cohort = CohortFactory(course=course, title="Spanish edition", language="es", capacity=30)
    for status in (EnrolmentStatus.ACTIVE, EnrolmentStatus.ACTIVE, EnrolmentStatus.APPLIED):
        EnrolmentFactory(cohort=cohort, status=status)
    CohortFactory(course=course, title="Self-paced")

    response = admin_client_.get(reverse("cohorts:index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Spanish edition" in html and "Self-paced" in html
    assert "Seats taken" in html
    rows = {row.title: row for row in response.context["object_list"]}
    assert rows["Spanish edition"].seats_taken == 2
    assert rows["Self-paced"].seats_taken == 0

    filtered = admin_client_.get(reverse("cohorts:index"), {"language": "es"})
    assert [c.title for c in filtered.context["object_list"]] == ["Spanish edition"]
    searched = admin_client_.get(reverse("cohorts:index"), {"q": "self"})
    assert [c.title for c in searched.context["object_list"]] == ["Self-paced"]


def test_superuser_creates_a_cohort_with_the_models_panels(admin_client_, course):
    tutor = UserFactory(email="tutor@example.org", is_staff=True)  # the picker offers staff
    response = admin_client_.get(reverse("cohorts:add"))
    assert response.status_code == 200
    html = response.content.decode()
    for field in ("course", "title", "enrolment_mode", "invitation_code", "tutors"):
        assert f'name="{field}"' in html

    response = admin_client_.post(
        reverse("cohorts:add"),
        {
            "course": course.pk,
            "title": "English edition",
            "language": "en",
            "time_zone": "America/Bogota",
            "starts_on": "2027-03-01",
            "ends_on": "2027-03-28",
            "enrolment_mode": "invitation",
            "capacity": "40",
            "invitation_code": "rial2027",
            "tutors": [tutor.pk],
            # The scheduled-sessions inline (none here; see tests/live/test_slot_validation.py).
            "session_slots-TOTAL_FORMS": "0",
            "session_slots-INITIAL_FORMS": "0",
            "session_slots-MIN_NUM_FORMS": "0",
            "session_slots-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    cohort = Cohort.objects.get(title="English edition")
    assert cohort.invitation_code == "RIAL2027"
    assert list(cohort.tutors.all()) == [tutor]
    assert tutor.groups.filter(name="Tutors").exists()  # so the tutor can open the admin


def test_model_validation_errors_are_shown(admin_client_, course):
    response = admin_client_.post(
        reverse("cohorts:add"),
        {
            "course": course.pk,
            "title": "No code",
            "language": "en",
            "time_zone": "America/Bogota",
            "enrolment_mode": "invitation",
            "invitation_code": "",
        },
    )
    assert response.status_code == 200
    assert "needs a code" in response.content.decode()
    assert not Cohort.objects.exists()


def test_editors_and_tutors_do_not_see_cohorts(course):
    cohort = CohortFactory(course=course)
    editor = UserFactory(email="editor@example.org", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    tutor = UserFactory(email="tutor@example.org")
    cohort.tutors.add(tutor)
    for user in (editor, tutor):
        client = client_for(user)
        home = client.get(reverse("wagtailadmin_home")).content.decode()
        assert reverse("cohorts:index") not in home
        response = client.get(reverse("cohorts:index"))
        assert response.status_code == 302
        assert client.get(reverse("cohorts:edit", args=[cohort.pk])).status_code == 302


def test_a_group_granted_the_cohort_permissions_sees_them(course):
    CohortFactory(course=course, title="Spanish edition")
    manager = UserFactory(email="manager@example.org")
    group = Group.objects.create(name="Course team")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="courses", codename__endswith="cohort"),
    )
    manager.groups.add(group)
    client = client_for(manager)
    assert reverse("cohorts:index") in client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Spanish edition" in client.get(reverse("cohorts:index")).content.decode()
