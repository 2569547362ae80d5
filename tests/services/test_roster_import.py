"""The learner-list import against PostgreSQL, Redis and a real Celery worker: confirming queues
the import after the commit and answers without waiting for it; the worker imports the list,
then sends one invitation per new learner through its own tasks; a redelivered import task
changes nothing and sends nothing more."""

import time

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from learners.enrolment.models import RosterStatus
from learners.enrolment.tasks import import_roster_upload
from learners.models import Enrolment, RosterUpload
from tests.factories import (
    CohortFactory,
    RosterUploadFactory,
    UserFactory,
    build_course,
    build_site,
)

pytestmark = pytest.mark.services

ROWS = 40


def wait_for(predicate, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not predicate():
        time.sleep(0.1)
    return predicate()


def test_a_real_worker_imports_a_confirmed_list_and_invites_each_learner_once(celery_worker):
    tree = build_site()
    cohort = CohortFactory(course=build_course(tree.catalogue, modules=1), language="es")
    staff = UserFactory(email="admin@example.org", is_staff=True, is_superuser=True)
    lines = ["correo;nombre"] + [f"p{n}@ministerio.example;Persona {n}" for n in range(ROWS)]
    upload = RosterUploadFactory(
        cohort=cohort, uploaded_by=staff, data="\r\n".join(lines).encode(), total=ROWS
    )
    client = Client()
    client.force_login(staff)
    mail.outbox.clear()

    response = client.post(reverse("enrolments:import_preview", args=[upload.pk]))

    assert response.status_code == 302
    assert wait_for(lambda: RosterUpload.objects.get(pk=upload.pk).is_done)
    upload.refresh_from_db()
    assert (upload.processed, upload.summary["created_accounts"]) == (ROWS, ROWS)
    assert Enrolment.objects.filter(cohort=cohort).count() == ROWS
    assert wait_for(lambda: len(mail.outbox) >= ROWS)
    time.sleep(0.5)  # and nothing more arrives
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        f"p{n}@ministerio.example" for n in range(ROWS)
    )

    # Redelivered: the finished list is left alone.
    assert import_roster_upload.delay(upload.pk).get(timeout=30) == 0
    time.sleep(1)
    assert len(mail.outbox) == ROWS
    assert Enrolment.objects.filter(cohort=cohort).count() == ROWS
    assert RosterUpload.objects.get(pk=upload.pk).status == RosterStatus.DONE
