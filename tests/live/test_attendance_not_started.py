"""Attendance is for sessions already under way or held: the tutor's form of a session that
has not started says so instead of showing the form, a mark sent anyway is refused (400) and
the service refuses it too; nothing is written."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from learners.live import services as live
from learners.models import Attendance, Enrolment
from tests.factories import UserFactory

from .conftest import client_for, learner_in, make_slot

pytestmark = pytest.mark.django_db

NOT_STARTED = "This session has not started yet: attendance can be marked once it has begun."


@pytest.fixture
def tutor(cohort):
    user = UserFactory(email="tutor@example.org")
    cohort.tutors.add(user)
    return user


@pytest.fixture
def tomorrow(cohort, session):
    return make_slot(cohort, session, timezone.now() + timedelta(days=1))


def test_service_refuses_a_session_that_has_not_started(tutor, cohort, tomorrow):
    enrolment = Enrolment.objects.get(learner=learner_in(cohort))
    with pytest.raises(live.SessionNotStarted):
        live.mark_attendance(slot=tomorrow, marks={enrolment.pk: "present"}, by=tutor)
    assert not Attendance.objects.exists()
    # Once it has started, the same marks are saved.
    started = tomorrow.starts_at + timedelta(minutes=5)
    live.mark_attendance(slot=tomorrow, marks={enrolment.pk: "present"}, by=tutor, now=started)
    assert Attendance.objects.get().status == "present"


def test_form_of_a_session_to_come_says_when_it_opens_instead_of_the_form(tutor, cohort, tomorrow):
    learner_in(cohort)
    response = client_for(tutor).get(reverse("live_attendance", args=[tomorrow.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert NOT_STARTED in html
    assert "Save attendance" not in html


def test_marks_posted_for_a_session_to_come_are_refused_with_the_message(tutor, cohort, tomorrow):
    enrolment = Enrolment.objects.get(learner=learner_in(cohort))
    response = client_for(tutor).post(
        reverse("live_attendance", args=[tomorrow.pk]), {f"learner-{enrolment.pk}": "present"}
    )
    assert response.status_code == 400
    assert NOT_STARTED in response.content.decode()
    assert not Attendance.objects.exists()


def test_a_session_under_way_can_be_marked(tutor, cohort, session):
    slot = make_slot(cohort, session, timezone.now() - timedelta(minutes=10))
    enrolment = Enrolment.objects.get(learner=learner_in(cohort))
    response = client_for(tutor).post(
        reverse("live_attendance", args=[slot.pk]), {f"learner-{enrolment.pk}": "present"}
    )
    assert response.status_code == 302
    assert Attendance.objects.get().status == "present"
