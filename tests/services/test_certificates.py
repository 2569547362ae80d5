"""Certificates issued by a real Celery worker through Redis, on PostgreSQL: repeated completion
signals and retried tasks leave one certificate; simultaneous issuing races are settled by the
partial unique constraint."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core import mail
from django.db import connection, connections

from learners.certificates import tasks
from learners.certificates.services import issue_after_commit, issue_certificate
from learners.models import Certificate, EnrolmentStatus
from tests.factories import CohortFactory, EnrolmentFactory, build_course, build_site, learner

pytestmark = pytest.mark.services


def _completed_enrolment(email="camila@example.org"):
    tree = build_site()
    course = build_course(tree.catalogue, modules=1, title="Decent work and the care economy")
    cohort = CohortFactory(course=course)
    user = learner(email=email, certificate_name="Camila Núñez Peña")
    return EnrolmentFactory(learner=user, cohort=cohort, status=EnrolmentStatus.COMPLETED)


def test_repeated_completion_signals_through_a_real_worker_issue_one_certificate(
    celery_worker, monkeypatch
):
    enrolment = _completed_enrolment()
    queued = []
    real_delay = tasks.issue_certificate.delay

    def recording_delay(*args, **kwargs):
        result = real_delay(*args, **kwargs)
        queued.append(result)
        return result

    monkeypatch.setattr(tasks.issue_certificate, "delay", recording_delay)
    for _ in range(3):  # the completion signal, sent again (e.g. a re-evaluation)
        issue_after_commit(enrolment_id=enrolment.pk)
    for _ in range(3):  # and the task itself redelivered
        tasks.issue_certificate.delay(enrolment.pk)
    assert len(queued) == 6
    ids = {result.get(timeout=60) for result in queued}
    assert len(ids) == 1
    certificate = Certificate.objects.get(enrolment=enrolment)
    assert ids == {certificate.pk}
    assert certificate.pdf and certificate.pdf.storage.exists(certificate.pdf.name)
    # The email task is queued by the issuing task, through the broker: wait for it.
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not _emails_for(certificate):
        time.sleep(0.2)
    time.sleep(1)  # a second email, if one were (wrongly) queued, would have arrived by now
    assert len(_emails_for(certificate)) == 1


def _emails_for(certificate):
    return [message for message in mail.outbox if certificate.number in message.body]


@pytest.mark.django_db(transaction=True)
def test_simultaneous_issuing_on_postgresql_yields_one_certificate():
    if connection.vendor != "postgresql":
        pytest.fail("this test needs DATABASE_URL pointing at PostgreSQL (see .ci/run)")
    enrolment = _completed_enrolment(email="race@example.org")
    start = threading.Barrier(8)

    def issue(_n):
        try:
            start.wait(timeout=30)
            certificate, created = issue_certificate(enrolment_id=enrolment.pk)
            return certificate.pk, created
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(issue, range(8)))
    assert len({pk for pk, _created in results}) == 1
    assert sum(created for _pk, created in results) == 1
    assert Certificate.objects.filter(enrolment=enrolment).count() == 1
