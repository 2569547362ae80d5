"""Calendars and reminders name a course by its public title: calendar files are often shared or
shown on a screen. A sensitive course's events never name the session, and link to /learn/
rather than to an address that spells out the course."""

from datetime import timedelta

import icalendar
import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from learners.live import services as live
from tests.factories import publish_course

from .conftest import client_for, learner_in, make_slot

pytestmark = pytest.mark.django_db

REAL = "Care economy"
PUBLIC = "Professional course on public administration"


def set_public_title(course, title, *, sensitive=False):
    return publish_course(course, sensitive=sensitive, public_title=title)


def feed(user):
    response = Client().get(reverse("calendar_feed", args=[live.feed_for(user).token]))
    assert response.status_code == 200
    return response.content.decode()


def only_event(ics: str):
    [event] = icalendar.Calendar.from_ical(ics).walk("VEVENT")
    return event


def test_feed_names_the_course_by_its_public_title(cohort, session, course):
    set_public_title(course, PUBLIC)
    user = learner_in(cohort)
    make_slot(cohort, session)
    ics = feed(user)
    assert str(only_event(ics)["SUMMARY"]) == f"{session.title} · {PUBLIC}"
    assert REAL not in ics


def test_sensitive_course_events_show_only_the_public_title_and_link_to_learn(
    cohort, session, course
):
    set_public_title(course, PUBLIC, sensitive=True)
    user = learner_in(cohort)
    make_slot(cohort, session)
    ics = feed(user)
    event = only_event(ics)
    assert str(event["SUMMARY"]) == f"Live session · {PUBLIC}"
    assert str(event["URL"]) == "http://testserver/en/learn/"
    assert REAL not in ics
    assert session.title not in ics
    assert "/courses/" not in ics


def test_one_session_calendar_file_of_a_sensitive_course_is_named_neutrally(
    cohort, session, course
):
    set_public_title(course, PUBLIC, sensitive=True)
    user = learner_in(cohort)
    slot = make_slot(cohort, session)
    response = client_for(user).get(reverse("live_slot_ics", args=[slot.pk]))
    assert response.status_code == 200
    ics = response.content.decode()
    calendar = icalendar.Calendar.from_ical(ics)
    assert str(calendar["X-WR-CALNAME"]) == f"Live session · {PUBLIC}"
    assert session.title not in ics
    assert REAL not in ics


def test_reminder_names_the_course_by_its_public_title(
    settings, cohort, session, course, django_capture_on_commit_callbacks
):
    settings.AULA_REMINDER_LEAD_MINUTES = (24 * 60, 60)
    set_public_title(course, PUBLIC)
    learner_in(cohort)
    make_slot(cohort, session, timezone.now() + timedelta(minutes=50))
    with django_capture_on_commit_callbacks(execute=True):
        live.schedule_reminders()
    [message] = mail.outbox
    assert f"({PUBLIC})" in message.body
    assert REAL not in message.subject + message.body
