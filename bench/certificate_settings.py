"""Settings of the certificate benchmark (bench/certificates.py): the bench settings with the
database in ``AULA_BENCH_DATABASE_URL`` (a throwaway PostgreSQL database, or the bench's
SQLite file), media files on disk in the bench directory (the worker is another process), and
a real broker in ``AULA_BENCH_BROKER_URL`` when one is given."""

import os

import dj_database_url

from bench.settings import *  # noqa: F403
from bench.settings import BENCH_DIR

if os.environ.get("AULA_BENCH_DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["AULA_BENCH_DATABASE_URL"])}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # The private certificate PDFs, on disk where the worker (another process) writes them.
    "certificates": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(BENCH_DIR / "media" / "private")},
    },
}
MEDIA_ROOT = BENCH_DIR / "media"
CELERY_BROKER_URL = os.environ.get("AULA_BENCH_BROKER_URL", "memory://")
CELERY_TASK_ALWAYS_EAGER = not os.environ.get("AULA_BENCH_BROKER_URL")
CELERY_RESULT_BACKEND = os.environ.get("AULA_BENCH_BROKER_URL") or None
