"""A real Celery worker for the `services` tests.

The worker runs in a thread of the test process, consuming from the broker in
CELERY_BROKER_URL (Redis in CI), so tasks travel through the real broker and execute with their
own database connection: tests using it need `transactional_db`.
"""

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings

from aula.celery import app


@pytest.fixture(scope="session")
def celery_worker_session(django_db_setup, django_db_blocker):
    broker = settings.CELERY_BROKER_URL
    if not broker.startswith("redis://"):
        pytest.fail(
            "services tests need CELERY_BROKER_URL=redis://… (see .ci/run); got " + repr(broker)
        )
    app.conf.task_always_eager = False
    with django_db_blocker.unblock(), start_worker(
        app, pool="threads", concurrency=2, perform_ping_check=False, loglevel="WARNING"
    ) as worker:
        yield worker
    app.conf.task_always_eager = True


@pytest.fixture
def celery_worker(celery_worker_session, transactional_db):
    return celery_worker_session
