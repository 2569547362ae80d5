"""Joining through Aula: for enrolled learners, from 15 minutes before the start until the end;
it records that the learner joined (once); the recording appears after the end."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from learners.models import Attendance, EnrolmentStatus
from tests.factories import CohortFactory, learner

from .conftest import client_for, enrol, learner_in, make_slot

pytestmark = pytest.mark.django_db


def join(client, slot):
    return client.post(reverse("live_join", args=[slot.pk]))


def test_joining_in_the_window_records_once_and_redirects_to_the_meeting(cohort, session):
    user = learner_in(cohort)
    slot = make_slot(cohort, session, timezone.now() + timedelta(minutes=10))
    client = client_for(user)
    response = join(client, slot)
    assert response.status_code == 302
    assert response["Location"] == "https://meet.example.org/care"
    first = Attendance.objects.get(slot=slot).joined_at
    assert join(client, slot)["Location"] == "https://meet.example.org/care"
    assert Attendance.objects.filter(slot=slot).count() == 1
    assert Attendance.objects.get(slot=slot).joined_at == first


@pytest.mark.parametrize(
    "starts_in", [timedelta(minutes=16), timedelta(minutes=-91)], ids=["too early", "ended"]
)
def test_outside_the_window_there_is_a_message_and_no_redirect_to_the_meeting(
    cohort, session, starts_in
):
    user = learner_in(cohort)
    slot = make_slot(cohort, session, timezone.now() + starts_in)
    client = client_for(user)
    response = join(client, slot)
    assert response.status_code == 302
    assert response["Location"] == session.url
    assert not Attendance.objects.exists()
    page = client.get(response["Location"]).content.decode()
    assert "15 minutes before" in page


def test_learners_of_other_cohorts_and_waitlisted_learners_cannot_join(cohort, session, course):
    slot = make_slot(cohort, session, timezone.now() + timedelta(minutes=5))
    other = learner_in(CohortFactory(course=course, title="Other"))
    waiting = learner()
    enrol(waiting, cohort, status=EnrolmentStatus.WAITLISTED)
    for user in (other, waiting):
        response = join(client_for(user), slot)
        assert response["Location"] != slot.join_url
    assert not Attendance.objects.exists()
    assert Client().post(reverse("live_join", args=[slot.pk])).status_code == 302  # login
    assert not Attendance.objects.exists()


def test_join_is_a_post(cohort, session):
    user = learner_in(cohort)
    slot = make_slot(cohort, session, timezone.now() + timedelta(minutes=5))
    assert client_for(user).get(reverse("live_join", args=[slot.pk])).status_code == 405


def test_session_page_shows_the_join_button_only_in_the_window_and_to_the_cohort(
    cohort, session, course
):
    user = learner_in(cohort)
    slot = make_slot(cohort, session, timezone.now() + timedelta(minutes=10))
    join_action = reverse("live_join", args=[slot.pk])
    assert join_action in client_for(user).get(session.url).content.decode()
    stranger = learner_in(CohortFactory(course=course, title="Other"))
    assert join_action not in client_for(stranger).get(session.url).content.decode()
    anonymous = Client().get(session.url).content.decode()
    assert join_action not in anonymous and slot.join_url not in anonymous

    slot.starts_at = timezone.now() + timedelta(hours=2)
    slot.save()
    html = client_for(user).get(session.url).content.decode()
    assert join_action not in html
    assert "15 minutes before the start" in html


def test_recording_link_appears_after_the_end(cohort, session):
    user = learner_in(cohort)
    slot = make_slot(
        cohort,
        session,
        timezone.now() - timedelta(hours=3),
        recording_url="https://video.example.org/rec1",
    )
    html = client_for(user).get(session.url).content.decode()
    assert "https://video.example.org/rec1" in html
    slot.starts_at = timezone.now() + timedelta(minutes=5)
    slot.save()
    html = client_for(user).get(session.url).content.decode()
    assert "https://video.example.org/rec1" not in html
