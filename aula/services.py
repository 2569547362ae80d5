"""Probes of the servers Aula needs: the database, the cache and the Celery broker.

Each probe answers within about ``timeout`` seconds and raises ``ServiceUnreachable`` with one
line an operator can act on ("Cannot reach the Celery broker at redis://127.0.0.1:6399/0:
Connection refused. Start Redis or set CELERY_BROKER_URL."), never a traceback and never a
password. The web process runs them before it serves (``aula/wsgi.py``), ``bin/serve`` runs
them before it starts anything (``python -m aula.services``), and ``/health/`` runs them on
every request (``aula/health.py``), where only "ok" or "unavailable" is shown.

Nothing here runs at import: settings can be imported with no server answering.
"""

from __future__ import annotations

import socket
import sys
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit, urlunsplit

DEFAULT_TIMEOUT = 2.0

# Django's own keys in a PostgreSQL OPTIONS dict; everything else there is a libpq parameter.
_DJANGO_PG_OPTIONS = {
    "assume_role",
    "context",
    "cursor_factory",
    "isolation_level",
    "pool",
    "prepare_threshold",
    "server_side_binding",
}


class ServiceUnreachable(Exception):
    """A server did not answer. ``str()`` is the one line to print."""

    def __init__(self, service: str, url: str, reason: str, hint: str):
        self.service, self.url, self.reason, self.hint = service, url, reason, hint
        super().__init__(f"Cannot reach {service} at {url}: {reason}. {hint}")


def redact_url(url: str) -> str:
    """The URL without its password (``redis://:secret@host`` → ``redis://:***@host``)."""
    try:
        parts = urlsplit(url)
        if parts.password is None:
            return url
        user = parts.username or ""
        host = parts.hostname or ""
        if ":" in host:
            host = f"[{host}]"
        netloc = f"{user}:***@{host}" + (f":{parts.port}" if parts.port else "")
        return urlunsplit(parts._replace(netloc=netloc))
    except ValueError:
        return "(an unparseable URL)"


def _reason(exc: BaseException, timeout: float) -> str:
    """A short cause: "Connection refused", "no answer within 2 s", "Name or service…"."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, TimeoutError | socket.timeout):
            return f"no answer within {timeout:g} s"
        if isinstance(current, socket.gaierror):
            return f"unknown host ({current.strerror})"
        if isinstance(current, OSError) and current.strerror:
            return current.strerror
        current = current.__cause__ or current.__context__
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    # libpq: 'connection to server at "…", port 1 failed: Connection refused' → the cause.
    text = text.rsplit("failed:", 1)[-1].strip()
    text = text.removeprefix("FATAL:").strip()
    if "timeout expired" in text or "timed out" in text.lower():
        return f"no answer within {timeout:g} s"
    return text.rstrip(".") or type(exc).__name__


# --- the database ----------------------------------------------------------------------------


def _database_display(settings_dict: dict) -> str:
    engine = settings_dict.get("ENGINE", "")
    if "sqlite" in engine:
        return f"sqlite:///{settings_dict.get('NAME', '')}"
    user = settings_dict.get("USER") or ""
    host = settings_dict.get("HOST") or "localhost"
    port = settings_dict.get("PORT") or 5432
    auth = f"{user}@" if user else ""
    return f"postgres://{auth}{host}:{port}/{settings_dict.get('NAME') or ''}"


def _libpq_params(settings_dict: dict, timeout: float) -> dict:
    params = {
        key: value
        for key, value in (settings_dict.get("OPTIONS") or {}).items()
        if key not in _DJANGO_PG_OPTIONS
    }
    params.update(
        dbname=settings_dict.get("NAME") or "postgres",
        user=settings_dict.get("USER") or None,
        password=settings_dict.get("PASSWORD") or None,
        host=settings_dict.get("HOST") or None,
        port=settings_dict.get("PORT") or None,
        # libpq counts whole seconds and waits at least 2.
        connect_timeout=max(2, round(timeout)),
    )
    return {key: value for key, value in params.items() if value not in (None, "")}


def probe_database(
    *, alias: str = "default", url: str | None = None, timeout: float = DEFAULT_TIMEOUT
) -> None:
    """Open a new connection (PostgreSQL: with a short connect timeout) and run SELECT 1.

    ``url`` (a DATABASE_URL) probes that database instead of the configured ``alias``.
    """
    if url is not None:
        import dj_database_url

        settings_dict = dj_database_url.parse(url)
    else:
        from django.db import connections

        settings_dict = connections.settings[alias]
    display = _database_display(settings_dict)
    hint = "Start PostgreSQL or set DATABASE_URL."
    try:
        if "postgresql" in settings_dict.get("ENGINE", ""):
            import psycopg

            with psycopg.connect(**_libpq_params(settings_dict, timeout)) as connection:
                connection.execute("SELECT 1").fetchone()
        else:
            from django.db import connections

            with connections[alias].temporary_connection() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()
    except Exception as exc:
        raise ServiceUnreachable("the database", display, _reason(exc, timeout), hint) from exc


def create_database(url: str, *, timeout: float = DEFAULT_TIMEOUT) -> bool:
    """Create the PostgreSQL database of ``url`` if it does not exist; True if created.

    Connects to the server's ``postgres`` database with the same credentials (``make serve``
    on a local PostgreSQL with trust authentication).
    """
    import dj_database_url
    import psycopg
    from psycopg import sql

    settings_dict = dj_database_url.parse(url)
    name = settings_dict["NAME"]
    server = {**settings_dict, "NAME": "postgres"}
    try:
        with psycopg.connect(**_libpq_params(server, timeout), autocommit=True) as connection:
            exists = connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [name]
            ).fetchone()
            if not exists:
                connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            return not exists
    except psycopg.Error as exc:
        raise ServiceUnreachable(
            "the database server",
            _database_display(server),
            _reason(exc, timeout),
            "Start PostgreSQL or set DATABASE_URL.",
        ) from exc


# --- Redis: the cache and the broker ---------------------------------------------------------


def _ping_redis(url: str, timeout: float) -> None:
    import redis

    client = redis.Redis.from_url(
        url, socket_connect_timeout=timeout, socket_timeout=timeout, retry_on_timeout=False
    )
    try:
        client.ping()
    finally:
        client.close()


def probe_cache(*, alias: str = "default", timeout: float = DEFAULT_TIMEOUT) -> None:
    """Ping the cache's Redis server; for other caches, write and read a key."""
    import re

    from django.conf import settings
    from django.core.cache import caches
    from django.core.cache.backends.redis import RedisCache

    cache = caches[alias]
    hint = "Start Redis or set REDIS_URL."
    if isinstance(cache, RedisCache):
        location = settings.CACHES[alias]["LOCATION"]
        servers = re.split("[;,]", location) if isinstance(location, str) else location
        for server in servers:
            try:
                _ping_redis(server, timeout)
            except Exception as exc:
                reason = _reason(exc, timeout)
                raise ServiceUnreachable("the cache", redact_url(server), reason, hint) from exc
        return
    try:
        cache.set("aula:probe", "ok", 10)
        if cache.get("aula:probe") != "ok":
            raise RuntimeError("the value written could not be read back")
    except Exception as exc:
        location = type(cache).__name__
        raise ServiceUnreachable("the cache", location, _reason(exc, timeout), hint) from exc


def probe_broker(*, url: str | None = None, timeout: float = DEFAULT_TIMEOUT) -> None:
    """Connect to the Celery broker (``url``, by default CELERY_BROKER_URL)."""
    if url is None:
        from django.conf import settings

        url = settings.CELERY_BROKER_URL
    is_redis = urlsplit(url).scheme in ("redis", "rediss")
    hint = f"Start {'Redis' if is_redis else 'the broker'} or set CELERY_BROKER_URL."
    try:
        if is_redis:
            _ping_redis(url, timeout)
        else:
            from kombu import Connection

            with Connection(url, connect_timeout=timeout) as connection:
                connection.ensure_connection(max_retries=0, timeout=timeout)
    except Exception as exc:
        reason = _reason(exc, timeout)
        raise ServiceUnreachable("the Celery broker", redact_url(url), reason, hint) from exc


# --- all of them -----------------------------------------------------------------------------


def preflight(*, timeout: float = DEFAULT_TIMEOUT) -> list[ServiceUnreachable]:
    """Probe the database, the cache and the broker at once; the ones that did not answer."""
    from django.conf import settings

    probes = [
        lambda: probe_database(timeout=timeout),
        lambda: probe_cache(timeout=timeout),
    ]
    if settings.CELERY_BROKER_URL and not settings.CELERY_TASK_ALWAYS_EAGER:
        probes.append(lambda: probe_broker(timeout=timeout))

    def attempt(probe):
        try:
            probe()
        except ServiceUnreachable as exc:
            return exc
        return None

    with ThreadPoolExecutor(max_workers=len(probes)) as pool:
        return [failure for failure in pool.map(attempt, probes) if failure is not None]


def preflight_or_exit(*, timeout: float = DEFAULT_TIMEOUT, exit_code: int = 1) -> None:
    """Print one line per server that did not answer, then exit; return if all answered."""
    failures = preflight(timeout=timeout)
    if failures:
        for failure in failures:
            print(failure, file=sys.stderr, flush=True)
        raise SystemExit(exit_code)


def main(argv: list[str]) -> int:
    """``python -m aula.services [preflight]``: probe the servers of the configured settings;
    ``python -m aula.services create-database``: create DATABASE_URL's database if missing."""
    import os

    command = argv[0] if argv else "preflight"
    if command == "create-database":
        try:
            if create_database(os.environ["DATABASE_URL"]):
                print(f"Created the database {redact_url(os.environ['DATABASE_URL'])}.")
        except ServiceUnreachable as exc:
            print(exc, file=sys.stderr)
            return 1
        return 0
    if command != "preflight":
        print(main.__doc__, file=sys.stderr)
        return 2

    import django
    from django.core.exceptions import ImproperlyConfigured

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aula.settings.dev")
    try:
        django.setup()
    except ImproperlyConfigured as exc:
        print(exc, file=sys.stderr)
        return 1
    failures = preflight()
    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
