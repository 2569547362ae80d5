"""Benchmarks of live sessions: `python bench/live.py` (part of `make bench`).

1. Reminders: 10,000 learners of one cohort whose session starts in 45 minutes. The reminder
   scan (``learners.live.services.schedule_reminders``, as Celery beat runs it) records the 10,000
   reminders and queues one task each on Redis; a real Celery worker (a subprocess, prefork)
   sends them. Target: all sent in under 2 minutes. Needs PostgreSQL (127.0.0.1:5432, user
   postgres) and Redis (127.0.0.1:6379): both processes share a throwaway PostgreSQL database
   (``aula_bench_live_<pid>``, dropped afterwards) and Redis database 11 (purged first). Emails go
   to Django's in-memory backend in the worker: the figure is Aula's work (scan, queue, render,
   claim), not an SMTP server's.
2. The calendar feed of a learner with 100 sessions: median ms and queries of
   ``GET /calendar/<token>.ics`` through the full middleware stack (Django test client).

Without PostgreSQL or Redis, part 1 is skipped with a message and part 2 runs on a throwaway
SQLite database.
"""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

REMINDERS = int(os.environ.get("AULA_BENCH_REMINDERS", "10000"))
TARGET_SECONDS = 120.0
FEED_SESSIONS = 100
FEED_REQUESTS = int(os.environ.get("AULA_BENCH_REQUESTS", "200")) // 4 or 10
PG = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}
REDIS_URL = os.environ.get("AULA_BENCH_REDIS_URL", "redis://127.0.0.1:6379/11")


def postgres_available() -> str | None:
    """None when reachable, else why not."""
    try:
        import psycopg

        with psycopg.connect(dbname="postgres", connect_timeout=3, **PG):
            return None
    except Exception as error:  # noqa: BLE001 - any failure means "not here"
        return str(error).strip().splitlines()[0] if str(error).strip() else repr(error)


def redis_available() -> str | None:
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).ping()
        return None
    except Exception as error:  # noqa: BLE001
        return str(error) or repr(error)


def _admin_sql(sql: str) -> None:
    import psycopg

    with psycopg.connect(dbname="postgres", autocommit=True, **PG) as connection:
        connection.execute(sql)


def setup_postgresql(name: str) -> str:
    _admin_sql(f'DROP DATABASE IF EXISTS "{name}"')
    _admin_sql(f'CREATE DATABASE "{name}"')
    url = f"postgres://{PG['user']}@{PG['host']}:{PG['port']}/{name}"
    os.environ["DATABASE_URL"] = url
    os.environ["CELERY_BROKER_URL"] = REDIS_URL
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.live_settings"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    return url


def build_learners(count: int):
    """A course with one live session, a cohort of ``count`` active learners (with profiles:
    half in Spanish, zones from Mexico City to Madrid) and a slot starting in 45 minutes."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from courses.models import LiveSessionPage, SessionSlot
    from learners.models import Enrolment, EnrolmentStatus, LearnerProfile
    from tests.factories import CohortFactory, build_course, build_site

    tree = build_site()
    course = build_course(tree.catalogue, modules=1, sessions=1, slug="care")
    cohort = CohortFactory(course=course, time_zone="America/Bogota")
    unusable = make_password(None)
    users = get_user_model().objects.bulk_create(
        get_user_model()(email=f"learner{n}@bench.example.org", first_name="Ana", password=unusable)
        for n in range(count)
    )
    zones = ("America/Mexico_City", "America/Bogota", "America/Santiago", "Europe/Madrid")
    LearnerProfile.objects.bulk_create(
        [
            LearnerProfile(
                user=user,
                certificate_name=f"Ana {n}",
                preferred_language="es" if n % 2 else "en",
                time_zone=zones[n % len(zones)],
            )
            for n, user in enumerate(users)
        ],
        ignore_conflicts=True,
        batch_size=2000,
    )
    Enrolment.objects.bulk_create(
        [Enrolment(learner=user, cohort=cohort, status=EnrolmentStatus.ACTIVE) for user in users],
        batch_size=2000,
    )
    session = LiveSessionPage.objects.child_of(course).get()
    slot = SessionSlot.objects.create(
        cohort=cohort,
        session=session,
        starts_at=timezone.now() + timedelta(minutes=45),
        join_url="https://meet.example.org/care",
    )
    return course, cohort, slot, users


def run_reminders(database_url: str) -> dict:
    from django.conf import settings

    from aula.celery import app
    from learners.live.services import schedule_reminders
    from learners.models import SentReminder

    settings.AULA_REMINDER_LEAD_MINUTES = (60,)
    app.conf.task_always_eager = False
    build_learners(REMINDERS)
    app.control.purge()
    concurrency = int(os.environ.get("AULA_BENCH_WORKERS", "0")) or max(2, (os.cpu_count() or 2))
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "CELERY_BROKER_URL": REDIS_URL,
        "DJANGO_SETTINGS_MODULE": "bench.live_settings",
        "PYTHONPATH": str(REPO),
    }
    celery = str(Path(sys.executable).with_name("celery"))
    worker = subprocess.Popen(  # noqa: S603 - our own venv's celery, fixed arguments
        [
            celery,
            "-A",
            "aula",
            "worker",
            "-l",
            "WARNING",
            "-P",
            "prefork",
            f"--concurrency={concurrency}",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "-n",
            f"bench-live-{os.getpid()}@%h",
        ],
        cwd=REPO,
        env=env,
    )
    try:
        # Wait for the worker to answer before starting the clock.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not app.control.ping(timeout=0.5):
            if worker.poll() is not None:
                raise RuntimeError("the Celery worker exited at start")
        started = time.perf_counter()
        inserted = schedule_reminders()  # records and queues (after the commit)
        scanned = time.perf_counter() - started
        pending = SentReminder.objects.filter(sent_at__isnull=True)
        deadline = time.monotonic() + TARGET_SECONDS * 3
        while time.monotonic() < deadline and pending.exists():
            time.sleep(0.25)
        total = time.perf_counter() - started
        left = pending.count()
        second_scan = len(schedule_reminders())
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
        app.control.purge()
    return {
        "reminders": len(inserted),
        "worker_processes": concurrency,
        "scan_and_queue_s": scanned,
        "all_sent_s": total,
        "not_sent": left,
        "second_scan_inserted": second_scan,
        "per_second": len(inserted) / total if total else 0.0,
    }


def run_feed() -> dict:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from courses.models import CoursePage, SessionSlot
    from learners.live import services as live
    from learners.models import Enrolment, EnrolmentStatus
    from tests.factories import (
        CohortFactory,
        LiveSessionPageFactory,
        build_course,
        build_site,
        learner,
    )

    tree = build_site() if not CoursePage.objects.exists() else None
    catalogue = tree.catalogue if tree else CoursePage.objects.first().get_parent().specific
    course = build_course(catalogue, modules=0, sessions=0, slug="feed-course")
    sessions = [LiveSessionPageFactory(parent=course, title=f"Session {n}") for n in range(10)]
    cohort = CohortFactory(course=course, time_zone="America/Santiago")
    user = learner(email="feed@bench.example.org")
    Enrolment.objects.create(learner=user, cohort=cohort, status=EnrolmentStatus.ACTIVE)
    first = timezone.now() - timedelta(days=50)
    SessionSlot.objects.bulk_create(
        SessionSlot(
            cohort=cohort,
            session=sessions[n % len(sessions)],
            starts_at=first + timedelta(days=n),
            join_url="https://meet.example.org/x",
            is_cancelled=n % 17 == 0,
        )
        for n in range(FEED_SESSIONS)
    )
    url = f"/calendar/{live.feed_for(user).token}.ics"
    client = Client()
    for _ in range(5):
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    queries = len(captured)
    samples = []
    for _ in range(FEED_REQUESTS):
        start = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - start) * 1000)
    return {
        "sessions": FEED_SESSIONS,
        "events": response.content.count(b"BEGIN:VEVENT"),
        "median_ms": statistics.median(samples),
        "queries": queries,
        "kb": len(response.content) / 1024,
    }


def main() -> int:
    started = time.perf_counter()
    print("\nLive sessions")
    pg_error, redis_error = postgres_available(), redis_available()
    database = f"aula_bench_live_{os.getpid()}"
    bench_dir = None
    try:
        if pg_error is None and redis_error is None:
            url = setup_postgresql(database)
            reminders = run_reminders(url)
            verdict = "OK" if reminders["all_sent_s"] < TARGET_SECONDS else "OVER TARGET"
            print(
                f"reminders: {reminders['reminders']} due at once, sent by a real worker "
                f"({reminders['worker_processes']} processes, Redis, PostgreSQL): scan and "
                f"queue {reminders['scan_and_queue_s']:.1f} s, all sent after "
                f"{reminders['all_sent_s']:.1f} s ({reminders['per_second']:.0f}/s; target "
                f"under {TARGET_SECONDS:.0f} s: {verdict}); not sent: {reminders['not_sent']}; "
                f"a second scan inserted {reminders['second_scan_inserted']}"
            )
        else:
            print(
                "reminders: SKIPPED: they need PostgreSQL on 127.0.0.1:5432 (user postgres) and "
                "Redis on 127.0.0.1:6379 for a real worker"
                f" (PostgreSQL: {pg_error or 'ok'}; Redis: {redis_error or 'ok'})."
            )
            from bench.run import setup_django

            bench_dir = tempfile.mkdtemp(prefix="aula-bench-live-")
            setup_django(bench_dir)
        feed = run_feed()
        print(
            f"calendar feed: {feed['sessions']} sessions ({feed['events']} events, "
            f"{feed['kb']:.0f} KB): median {feed['median_ms']:.1f} ms, {feed['queries']} queries"
        )
    finally:
        if bench_dir:
            shutil.rmtree(bench_dir, ignore_errors=True)
        if pg_error is None and redis_error is None:
            from django.db import connections

            connections.close_all()
            _admin_sql(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    print(f"live sessions bench: {time.perf_counter() - started:.0f} s in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
