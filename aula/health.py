"""`GET /health/`: can this process reach its database, its cache and its Celery broker?

Built on django-health-check: its ``HealthCheck`` runs each check concurrently with a
wall-clock budget and logs failures (with their cause) to the server log; its view marks the
response never-cache. The checks call the probes in ``aula/services.py`` with a short timeout,
so the answer comes within 2 seconds even when a server is down or silent. The body says only
"ok" or "unavailable" per server: no host names, URLs, versions or tracebacks.

200 when all answer, 503 otherwise. No language prefix, no session, never in the page cache
(home/cache.py stores only language-prefixed pages; this view sends no-cache headers).
"""

import asyncio
import contextlib
import dataclasses
import datetime
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.http import JsonResponse
from health_check.base import HealthCheck
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView

from aula import services

# Each probe gives up after PROBE_SECONDS; django-health-check stops waiting for a check after
# its `timeout` plus one second (health_check.base.HealthCheck.get_result), here 1.5 s in all.
PROBE_SECONDS = 1.0
CHECK_TIMEOUT = datetime.timedelta(seconds=0.5)


@dataclasses.dataclass
class Database(HealthCheck):
    """SELECT 1 on a new connection. ``url`` probes another database (used by tests)."""

    name = "database"
    timeout = CHECK_TIMEOUT
    url: str | None = dataclasses.field(default=None, repr=False)

    def run(self):
        try:
            services.probe_database(url=self.url, timeout=PROBE_SECONDS)
        except services.ServiceUnreachable as exc:
            raise ServiceUnavailable("the database does not answer") from exc


@dataclasses.dataclass
class Cache(HealthCheck):
    """A ping of the shared Redis cache (a write and read for other cache backends)."""

    name = "cache"
    timeout = CHECK_TIMEOUT

    def run(self):
        try:
            services.probe_cache(timeout=PROBE_SECONDS)
        except services.ServiceUnreachable as exc:
            raise ServiceUnavailable("the cache does not answer") from exc


@dataclasses.dataclass
class Broker(HealthCheck):
    """A connection to CELERY_BROKER_URL (or ``url``). Workers are not asked: a busy worker
    is not an unhealthy web process."""

    name = "broker"
    timeout = CHECK_TIMEOUT
    url: str | None = dataclasses.field(default=None, repr=False)

    def run(self):
        url = self.url if self.url is not None else settings.CELERY_BROKER_URL
        if not url:
            return  # no broker configured (development): tasks run in the web process
        try:
            services.probe_broker(url=url, timeout=PROBE_SECONDS)
        except services.ServiceUnreachable as exc:
            raise ServiceUnavailable("the broker does not answer") from exc


class HealthView(HealthCheckView):
    checks = (Database, Cache, Broker)

    @contextlib.contextmanager
    def get_executor(self):
        # Not the event loop's default executor: under WSGI the view runs in asyncio.run(),
        # which waits for that executor's threads, so a probe still blocked in a connect
        # (libpq waits at least 2 s) would hold the answer past its budget. These threads
        # are left to finish on their own.
        executor = ThreadPoolExecutor(max_workers=len(self.checks), thread_name_prefix="health")
        try:
            yield executor
        finally:
            executor.shutdown(wait=False, cancel_futures=True)

    async def get(self, request, *args, **kwargs):
        with self.get_executor() as executor:
            self.results = await asyncio.gather(
                *(check.get_result(executor) for check in self.get_checks())
            )
        body = {
            result.check.name: "unavailable" if result.error else "ok" for result in self.results
        }
        healthy = not any(result.error for result in self.results)
        return JsonResponse(
            {"status": "ok" if healthy else "unavailable", **body},
            status=200 if healthy else 503,
        )


health = HealthView.as_view()
