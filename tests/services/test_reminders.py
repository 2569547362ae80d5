"""Live-session reminders against PostgreSQL, Redis and a real Celery worker: two scans at the
same moment record and send each reminder once; the real task on a real worker sends once."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection, connections
from django.utils import timezone

from courses.models import LiveSessionPage
from learners.live import services as live
from learners.live.tasks import send_session_reminder
from learners.models import Enrolment, EnrolmentStatus, SentReminder
from tests.factories import CohortFactory, SessionSlotFactory, build_course, build_site, learner

pytestmark = pytest.mark.services


def scheduled_session(learners: int, starts_in=timedelta(minutes=45)):
    tree = build_site()
    course = build_course(tree.catalogue, modules=1, sessions=1, slug="care")
    cohort = CohortFactory(course=course)
    Enrolment.objects.bulk_create(
        Enrolment(learner=learner(), cohort=cohort, status=EnrolmentStatus.ACTIVE)
        for _ in range(learners)
    )
    return SessionSlotFactory(
        cohort=cohort,
        session=LiveSessionPage.objects.child_of(course).get(),
        starts_at=timezone.now() + starts_in,
        join_url="https://meet.example.org/care",
    )


@pytest.mark.django_db(transaction=True)
def test_two_scans_at_the_same_time_send_each_reminder_once(settings):
    if connection.vendor != "postgresql":
        pytest.fail("this test needs DATABASE_URL pointing at PostgreSQL (see .ci/run)")
    settings.AULA_REMINDER_LEAD_MINUTES = (24 * 60, 60)
    scheduled_session(learners=30)
    start = threading.Barrier(2)

    def scan():
        try:
            start.wait(timeout=30)
            return live.schedule_reminders()
        finally:
            connections.close_all()

    # Both scans see the same 30 due reminders (neither has inserted yet) and race to insert.
    real_due = live.due_reminders
    computed = threading.Barrier(2)
    seen = []

    def due_then_wait(now=None):
        rows = real_due(now)
        seen.append(len(rows))
        computed.wait(timeout=30)
        return rows

    live.due_reminders = due_then_wait
    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            results = list(pool.map(lambda _: scan(), range(2)))
    finally:
        live.due_reminders = real_due

    assert seen == [30, 30]  # both scans found every reminder due
    assert sum(len(inserted) for inserted in results) == 30
    assert set(results[0]).isdisjoint(results[1])
    assert SentReminder.objects.count() == 30
    assert len(mail.outbox) == 30  # eager tasks here: one email per inserted row
    assert len({message.to[0] for message in mail.outbox}) == 30


def test_a_real_worker_sends_the_reminder_once(celery_worker, settings):
    settings.AULA_REMINDER_LEAD_MINUTES = (60,)
    slot = scheduled_session(learners=1)
    enrolment = Enrolment.objects.get()
    reminder = SentReminder.objects.create(
        slot=slot, enrolment=enrolment, lead_minutes=60, starts_at=slot.starts_at
    )
    # Queued twice (as a redelivery would): the worker sends once.
    assert send_session_reminder.delay(reminder.pk).get(timeout=30) is True
    assert send_session_reminder.delay(reminder.pk).get(timeout=30) is False
    reminder.refresh_from_db()
    assert reminder.sent_at is not None
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and len(mail.outbox) < 1:
        time.sleep(0.1)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [enrolment.learner.email]


def test_the_scan_on_a_real_worker_queues_one_task_per_reminder(celery_worker, settings):
    from learners.live.tasks import scan_session_reminders

    settings.AULA_REMINDER_LEAD_MINUTES = (60,)
    scheduled_session(learners=5)
    assert scan_session_reminders.delay().get(timeout=30) == 5
    assert scan_session_reminders.delay().get(timeout=30) == 0
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and SentReminder.objects.filter(sent_at=None).exists():
        time.sleep(0.2)
    assert not SentReminder.objects.filter(sent_at=None).exists()
    assert SentReminder.objects.count() == 5
    assert len(mail.outbox) == 5
