"""A real Celery worker for the `services` tests.

The worker runs in a thread of the test process, consuming from the broker in
CELERY_BROKER_URL (Redis in CI), so tasks travel through the real broker and execute with their
own database connection: tests using it need `transactional_db`.

With pytest-xdist each test process has its own database, so each gets its own queue too
(``aula-tests-<worker id>``): otherwise one process's worker could take the other's tasks and
run them against the wrong database. Tasks go through the broker only while a test holds the
``celery_worker`` fixture; every other test keeps running them eagerly.
"""

import pytest
from celery._state import _set_task_join_will_block
from celery.contrib.testing.worker import start_worker
from django.conf import settings

from aula.celery import app


@pytest.fixture(scope="session")
def celery_worker_session(django_db_setup, django_db_blocker, worker_id):
    broker = settings.CELERY_BROKER_URL
    if not broker.startswith("redis://"):
        pytest.fail(
            "services tests need CELERY_BROKER_URL=redis://… (see .ci/run); got " + repr(broker)
        )
    queue = f"aula-tests-{worker_id}"
    previous_queue = app.conf.task_default_queue
    app.conf.task_default_queue = queue
    with app.connection_for_write() as connection:
        connection.default_channel.queue_purge(queue)  # nothing left from an earlier run
    try:
        with (
            django_db_blocker.unblock(),
            start_worker(
                app,
                pool="threads",
                concurrency=2,
                perform_ping_check=False,
                loglevel="WARNING",
                queues=[queue],
            ) as worker,
        ):
            yield worker
    finally:
        app.conf.task_default_queue = previous_queue


@pytest.fixture
def celery_worker(celery_worker_session, transactional_db):
    # The worker thread's pool marks the whole process as one where joining a result would
    # block (celery.worker.components.Pool.create); the test thread is not a task and waits on
    # results. start_worker clears the mark once, after start-up; clear it for every test.
    _set_task_join_will_block(False)
    app.conf.task_always_eager = False
    yield celery_worker_session
    app.conf.task_always_eager = True
