"""Cohort announcements against PostgreSQL, Redis and a real Celery worker: posting queues the
emails after commit; the worker sends one email per active learner, and a second run of the
fan-out (a redelivery) sends nothing more (the per-learner mark is in the cache: the test
settings' in-memory cache, shared with the worker's threads; Redis in production)."""

import time

import pytest
from django.core import mail

from learners.enrolment.announcements import post_announcement
from learners.enrolment.tasks import send_announcement
from learners.models import Enrolment, EnrolmentStatus
from tests.factories import CohortFactory, UserFactory, build_course, build_site, learner

pytestmark = pytest.mark.services


def wait_for_mail(count, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and len(mail.outbox) < count:
        time.sleep(0.1)
    time.sleep(0.5)  # and nothing more arrives
    return len(mail.outbox)


def test_a_real_worker_emails_each_active_learner_once(celery_worker):
    tree = build_site()
    cohort = CohortFactory(course=build_course(tree.catalogue, modules=1))
    tutor = UserFactory()
    cohort.tutors.add(tutor)
    active = [learner() for _ in range(4)]
    Enrolment.objects.bulk_create(
        [
            Enrolment(learner=person, cohort=cohort, status=EnrolmentStatus.ACTIVE)
            for person in active
        ]
        + [Enrolment(learner=learner(), cohort=cohort, status=EnrolmentStatus.WITHDRAWN)]
    )
    announcement = post_announcement(
        cohort=cohort, author=tutor, subject="Friday session", body="<p>See you</p>"
    )
    assert announcement.recipients == 4
    assert wait_for_mail(4) == 4
    assert sorted(message.to[0] for message in mail.outbox) == sorted(p.email for p in active)
    assert {message.subject for message in mail.outbox} == {"Friday session"}
    # Redelivered: every learner's task runs again and finds its mark.
    assert send_announcement.delay(announcement.pk).get(timeout=30) == 4
    assert wait_for_mail(5, seconds=3) == 4
