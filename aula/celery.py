"""Celery application.

Tasks run eagerly (in-process) when no ``CELERY_BROKER_URL`` is configured, so the embedded
default needs no server; production points the broker at Redis and runs workers.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aula.settings.dev")

app = Celery("aula")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
