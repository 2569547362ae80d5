"""Settings of the learner-list import bench (bench/roster_import.py): the live-session bench's
(test settings on the throwaway PostgreSQL database in DATABASE_URL, the Redis broker in
CELERY_BROKER_URL, no result backend) with tasks never run eagerly, so the tasks the import
queues from the worker (its emails) go through the broker, as in production."""

from bench.live_settings import *  # noqa: F403

CELERY_TASK_ALWAYS_EAGER = False
