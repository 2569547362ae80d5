"""Settings of the live-session bench (bench/live.py): the test settings on the throwaway
PostgreSQL database in DATABASE_URL and the Redis broker in CELERY_BROKER_URL, without a result
backend, as in production (tasks' results are not stored)."""

from aula.settings.test import *  # noqa: F403

CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
DEBUG = False
