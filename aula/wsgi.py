"""WSGI entry point (gunicorn aula.wsgi).

Under production settings the process first checks that the database, the cache and the
Celery broker answer (aula/services.py) and, if one does not, prints one line per server and
exits with gunicorn's "worker failed to boot" status, so gunicorn stops instead of restarting
workers in a loop. AULA_PREFLIGHT=0 skips the check.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aula.settings.dev")

application = get_wsgi_application()


def _preflight() -> None:
    from django.conf import settings

    if getattr(settings, "AULA_PREFLIGHT", False):
        from aula.services import preflight_or_exit

        preflight_or_exit(exit_code=3)  # gunicorn.arbiter.Arbiter.WORKER_BOOT_ERROR


_preflight()
