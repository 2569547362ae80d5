"""WSGI entry point (gunicorn aula.wsgi).

Under production settings the process first checks that the database, the cache and the
Celery broker answer (aula/services.py) and, if one does not, prints one line per server and
exits with gunicorn's "worker failed to boot" status, so gunicorn stops instead of restarting
workers in a loop. AULA_PREFLIGHT=0 skips the check.

Then the garbage collector is set for a web process (``tune_gc``).
"""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aula.settings.dev")

application = get_wsgi_application()

# A request allocates tens of thousands of short-lived objects (querysets, template contexts,
# stream blocks): at Python's default first threshold (700) the collector runs several times a
# request, and every tenth full pass walks the whole of Django and Wagtail. Measured over the
# load test's mix in process (bench/request_cpu.py's requests): 6.2 % of the CPU in the
# collector by default, 1.5 % with these thresholds. Cyclic garbage is still collected, later.
GC_THRESHOLDS = (50_000, 20, 10)


def tune_gc() -> None:
    """Move what loading the application created (modules, settings, URL patterns, templates'
    code) out of the collector's reach, ``gc.freeze()``: it lives as long as the process, and a
    full collection no longer walks it. Then raise the thresholds (``GC_THRESHOLDS``)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def _preflight() -> None:
    from django.conf import settings

    if getattr(settings, "AULA_PREFLIGHT", False):
        from aula.services import preflight_or_exit

        preflight_or_exit(exit_code=3)  # gunicorn.arbiter.Arbiter.WORKER_BOOT_ERROR


_preflight()
tune_gc()
