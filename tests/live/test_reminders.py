"""Reminder emails: 24 hours and 1 hour before (setting), once per learner, slot, lead and
announced start, in the learner's language and time zone; neutral subjects for sensitive
courses; fresh reminders for a rescheduled slot."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from learners.live import services as live
from learners.live.tasks import scan_session_reminders, send_session_reminder
from learners.live.times import zone_for
from learners.models import EnrolmentStatus, SentReminder
from tests.factories import learner

from .conftest import enrol, learner_in, make_slot

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def leads(settings):
    settings.AULA_REMINDER_LEAD_MINUTES = (24 * 60, 60)


@pytest.fixture(autouse=True)
def commit_callbacks_run_at_once(monkeypatch):
    """The test runs inside a transaction that is never committed: run the email tasks queued
    for after the commit at once, as they run in autocommit mode. (The real commit and a real
    worker: tests/services/test_reminders.py.)"""
    from django.db import transaction

    monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())


def test_each_reminder_is_sent_once_however_often_the_scan_runs(cohort, session):
    learner_in(cohort)
    learner_in(cohort)
    waiting = learner()
    enrol(waiting, cohort, status=EnrolmentStatus.WAITLISTED)
    make_slot(cohort, session, timezone.now() + timedelta(hours=20))
    assert scan_session_reminders() == 2
    assert scan_session_reminders() == 0
    assert len(mail.outbox) == 2
    assert waiting.email not in {m.to[0] for m in mail.outbox}
    assert set(SentReminder.objects.values_list("lead_minutes", flat=True)) == {24 * 60}
    assert SentReminder.objects.filter(sent_at__isnull=True).count() == 0


def test_a_session_scheduled_at_short_notice_gets_only_the_one_hour_reminder(cohort, session):
    learner_in(cohort)
    make_slot(cohort, session, timezone.now() + timedelta(minutes=40))
    live.schedule_reminders()
    assert list(SentReminder.objects.values_list("lead_minutes", flat=True)) == [60]


def test_both_leads_over_time(cohort, session):
    learner_in(cohort)
    slot = make_slot(cohort, session, timezone.now() + timedelta(hours=23))
    live.schedule_reminders()
    live.schedule_reminders(now=slot.starts_at - timedelta(minutes=59))
    assert sorted(SentReminder.objects.values_list("lead_minutes", flat=True)) == [60, 24 * 60]


def test_cancelled_started_and_far_sessions_get_none(cohort, session):
    learner_in(cohort)
    make_slot(cohort, session, timezone.now() + timedelta(hours=2), is_cancelled=True)
    make_slot(cohort, session, timezone.now() - timedelta(minutes=5))
    make_slot(cohort, session, timezone.now() + timedelta(days=3))
    assert live.schedule_reminders() == []
    assert not mail.outbox


def test_a_rescheduled_session_gets_fresh_reminders(cohort, session):
    learner_in(cohort)
    slot = make_slot(cohort, session, timezone.now() + timedelta(minutes=50))
    live.schedule_reminders()
    slot.starts_at += timedelta(minutes=5)
    slot.save()
    live.schedule_reminders()
    assert SentReminder.objects.filter(slot=slot).count() == 2
    assert len(mail.outbox) == 2


def test_reminder_of_a_moved_slot_is_not_sent(cohort, session):
    learner_in(cohort)
    slot = make_slot(cohort, session, timezone.now() + timedelta(minutes=50))
    with mock.patch("learners.live.tasks.send_session_reminder.apply_async"):
        [reminder_id] = live.schedule_reminders()
    slot.starts_at += timedelta(days=2)
    slot.save()
    assert send_session_reminder(reminder_id) is False
    assert not mail.outbox


def test_email_is_in_the_learners_language_and_time_zone(cohort, session):
    learner_in(cohort, time_zone="Europe/Madrid", language="es")
    start = timezone.now() + timedelta(minutes=50)
    make_slot(cohort, session, start)
    live.schedule_reminders()
    [message] = mail.outbox
    local = start.astimezone(zone_for("Europe/Madrid"))
    assert f"{local:%H:%M}" in message.body
    assert "Madrid, UTC+" in message.body
    assert "/es/" in message.body or session.url in message.body
    assert session.title in message.subject


def test_sensitive_course_reminders_have_a_neutral_subject(cohort, session, course):
    course.is_sensitive = True
    course.content_note = "<p>About violence at work.</p>"
    course.save_revision().publish()
    learner_in(cohort)
    make_slot(cohort, session, timezone.now() + timedelta(minutes=50))
    live.schedule_reminders()
    [message] = mail.outbox
    assert message.subject == "A reminder about your course"
    assert session.title not in message.body and "Care economy" not in message.body


def test_the_task_is_idempotent(cohort, session):
    learner_in(cohort)
    make_slot(cohort, session, timezone.now() + timedelta(minutes=50))
    with mock.patch("learners.live.tasks.send_session_reminder.apply_async"):
        [reminder_id] = live.schedule_reminders()
    assert send_session_reminder(reminder_id) is True
    assert send_session_reminder(reminder_id) is False
    assert len(mail.outbox) == 1


def test_a_failed_send_is_released_for_the_retry(cohort, session):
    learner_in(cohort)
    make_slot(cohort, session, timezone.now() + timedelta(minutes=50))
    with mock.patch("learners.live.tasks.send_session_reminder.apply_async"):
        [reminder_id] = live.schedule_reminders()
    with (
        mock.patch(
            "django.core.mail.EmailMultiAlternatives.send", side_effect=OSError("SMTP down")
        ),
        pytest.raises(OSError),
    ):
        send_session_reminder.run(reminder_id)
    assert SentReminder.objects.get(pk=reminder_id).sent_at is None
    assert send_session_reminder(reminder_id) is True
    assert len(mail.outbox) == 1
