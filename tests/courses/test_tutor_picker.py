"""Issue 13, item 5: the cohort form's tutor picker offers only people who may tutor (the
Tutors group, and staff), by name and email, with a search box; anyone else is refused."""

import pytest
from django.test import Client
from django.urls import reverse

from courses import tutor_picker
from courses.models import Cohort
from learners.permissions import TUTORS_GROUP, tutors_group
from tests.factories import CohortFactory, UserFactory, learner

pytestmark = pytest.mark.django_db

SLOTS = {
    "session_slots-TOTAL_FORMS": "0",
    "session_slots-INITIAL_FORMS": "0",
    "session_slots-MIN_NUM_FORMS": "0",
    "session_slots-MAX_NUM_FORMS": "1000",
}


@pytest.fixture
def admin_client_(db):
    client = Client()
    client.force_login(UserFactory(email="admin@example.org", is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def people(db):
    tutor = UserFactory(email="yolanda@example.org", first_name="Yolanda", last_name="Pérez")
    tutor.groups.add(tutors_group())
    staff = UserFactory(
        email="coord@example.org", first_name="Coord", last_name="Ina", is_staff=True
    )
    pupil = learner(email="rosa@example.org", first_name="Rosa", last_name="Quispe")
    return tutor, staff, pupil


def cohort_data(course, **fields):
    return {
        "course": course.pk,
        "title": "March edition",
        "language": "en",
        "time_zone": "America/Bogota",
        "enrolment_mode": "open",
        **SLOTS,
        **fields,
    }


def test_the_group_named_here_is_the_tutors_group():
    assert tutor_picker.TUTORS_GROUP == TUTORS_GROUP


def test_picker_lists_tutors_and_staff_by_name_and_email_never_learners(admin_client_, people):
    tutor, staff, pupil = people
    response = admin_client_.get(reverse("cohorts:add"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Yolanda Pérez · yolanda@example.org" in html
    assert "Coord Ina · coord@example.org" in html
    assert "rosa@example.org" not in html
    assert "data-tutor-picker" in html and 'type="search"' in html
    assert "js/tutor-picker.js" in html
    choices = response.context["form"].fields["tutors"].queryset
    assert set(choices) >= {tutor, staff} and pupil not in choices
    assert choices.filter(pk=tutor.pk).count() == 1  # no duplicate rows from the join


def test_a_learner_posted_as_tutor_is_refused_and_the_form_keeps_the_rest(
    admin_client_, people, course
):
    tutor, _staff, pupil = people
    response = admin_client_.post(
        reverse("cohorts:add"), cohort_data(course, tutors=[tutor.pk, pupil.pk])
    )
    assert response.status_code == 200
    assert "tutors" in response.context["form"].errors
    assert 'value="March edition"' in response.content.decode()
    assert not Cohort.objects.exists()


def test_a_tutor_from_the_group_is_saved(admin_client_, people, course):
    tutor, _staff, _pupil = people
    response = admin_client_.post(reverse("cohorts:add"), cohort_data(course, tutors=[tutor.pk]))
    assert response.status_code == 302
    assert list(Cohort.objects.get().tutors.all()) == [tutor]


def test_a_former_tutor_stays_listed_on_the_cohort_they_tutor(admin_client_, course):
    former = UserFactory(email="former@example.org")
    cohort = CohortFactory(course=course)
    cohort.tutors.add(former)  # joins the Tutors group (learners.permissions)
    former.groups.clear()
    html = admin_client_.get(reverse("cohorts:edit", args=[cohort.pk])).content.decode()
    assert "former@example.org" in html
