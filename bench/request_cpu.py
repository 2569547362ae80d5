"""Server CPU per request type under the load test's mix: `python bench/request_cpu.py`.

The load test (1,000 logged-in learners, 250 anonymous visitors and a tutor against gunicorn on
two cores) needs the web process to spend about 5 ms of CPU per request on average. This
measures, in process with Django's test client (server work only: routing, middleware, session,
cache and database round trips, templates), for each request type of that load test:

- CPU ms per request: ``time.process_time()`` deltas, which other work on the machine does not
  inflate the way it inflates wall time (the database server's own CPU is not counted);
- wall ms, median and 95th percentile;
- queries per request (mean: a cached page makes none, a miss makes them all), and for the
  anonymous pages the share served from the page cache.

Production-like settings: the page cache on (``AULA_PAGE_CACHE_SECONDS``, default 600), the
``cached_db`` session engine (``home.sessions``), module pages only for enrolled learners,
Celery tasks queued (an in-memory broker), not run in the request. The data, built in a
throwaway database: a 12-module course (8 modules with a quiz, all with a reflection prompt, 3
live sessions) in English and Spanish, three smaller courses, a 1,000-learner English cohort
(about half of the learners part-way through, with progress rows and rollups) and a small
Spanish one, scheduled sessions, a tutor.

Requests are interleaved as under load: every round makes one request of each type, a
different learner and visitor each time, learners' writes (quiz, mark complete, reflection)
between the visitors' reads, so whatever a write invalidates shows in the reads after it.

Database: PostgreSQL when ``DATABASE_URL`` is set (it must name a database of its own, whose
name contains "bench" or "perf": it is dropped and created again, and dropped at the end),
otherwise a SQLite file in a temporary directory. Cache: Redis when ``REDIS_URL`` is set (the
script empties that Redis database: give it one of its own), otherwise the in-process memory
cache. For example::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/aula_perf \\
    REDIS_URL=redis://127.0.0.1:6379/9 .venv/bin/python bench/request_cpu.py

``AULA_BENCH_ROUNDS`` (default 100) and ``AULA_BENCH_WARMUP`` (rounds, default 10) change the
number of requests; raw numbers go to ``bench/results/request_cpu.json`` (git-ignored).
"""

import json
import math
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import types
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlparse

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

ROUNDS = int(os.environ.get("AULA_BENCH_ROUNDS", "100"))
WARMUP = int(os.environ.get("AULA_BENCH_WARMUP", "10"))
LEARNERS = 1000
ACTIVE_LEARNERS = 300  # the learners the timed requests rotate through (logged in once each)
MODULES = 12
SESSIONS = 3
TARGET_MEAN_CPU_MS = 5.0
# The load test's users: learners and visitors think 3-10 s between requests (the tutor
# hardly counts). The weighted mean gives each group its share of the requests, spread evenly
# over its request types.
LEARNER_USERS, VISITOR_USERS = 1000, 250

LEARNER_TYPES = (
    "learner /en/learn/",
    "learner course page",
    "learner module page",
    "quiz submit (POST)",
    "mark complete (POST)",
    "save reflection (POST)",
    "calendar feed .ics",
)
VISITOR_TYPES = (
    "visitor home /en/",
    "visitor catalogue",
    "visitor course page en",
    "visitor course page es",
    "visitor search ?q=care",
)
TUTOR_TYPES = ("tutor cohort table",)
# The order of one round: each learner write is followed by visitors' reads.
ROUND = (
    "learner /en/learn/",
    "visitor home /en/",
    "learner course page",
    "visitor course page en",
    "quiz submit (POST)",
    "visitor catalogue",
    "learner module page",
    "visitor course page es",
    "mark complete (POST)",
    "visitor course page en",
    "save reflection (POST)",
    "visitor course page es",
    "calendar feed .ics",
    "visitor search ?q=care",
    "tutor cohort table",
    "visitor home /en/",
)


def _quiz(n: int) -> dict:
    return {
        "type": "quiz",
        "value": {
            "title": f"Check your understanding {n}",
            "pass_mark": 70,
            "questions": [
                {
                    "prompt": f"Question {q}?",
                    "explanation": "Because care work counts.",
                    "choices": [
                        {"text": "Recognise", "is_correct": True},
                        {"text": "Reduce", "is_correct": False},
                        {"text": "Reward", "is_correct": False},
                    ],
                }
                for q in range(1, 4)
            ],
        },
    }


def module_body(n: int, *, with_quiz: bool) -> list[dict]:
    body = [
        {"type": "paragraph", "value": "<h2>Why care work counts</h2>" + "<p>Care work. </p>" * 8},
        {
            "type": "callout",
            "value": {
                "kind": "key_fact",
                "heading": "76.2%",
                "body": "<p>Share of unpaid care work done by women worldwide.</p>",
            },
        },
        {"type": "paragraph", "value": "<p>The 5R framework: recognise, reduce, redistribute.</p>"},
    ]
    if with_quiz:
        body.append(_quiz(n))
    prompt = {"prompt": "Who does the care work at home?", "guidance": ""}
    body.append({"type": "reflection", "value": prompt})
    return body


# --- settings and database -------------------------------------------------------------------


def _settings_module(bench_dir: str) -> str:
    """A settings module built here: the test settings made production-like."""
    module = types.ModuleType("request_cpu_settings")
    exec("from aula.settings.test import *", module.__dict__)  # noqa: S102
    settings = module.__dict__
    if os.environ.get("DATABASE_URL"):
        import dj_database_url

        settings["DATABASES"] = {"default": dj_database_url.parse(os.environ["DATABASE_URL"])}
    else:
        settings["DATABASES"] = {
            "default": {
                "ENGINE": "django.db.backends.sqlite3",
                "NAME": str(Path(bench_dir) / "bench.sqlite3"),
            }
        }
    if os.environ.get("REDIS_URL"):
        settings["CACHES"] = {
            "default": {
                "BACKEND": "aula.cache.RedisCache",
                "LOCATION": os.environ["REDIS_URL"],
            }
        }
    settings.update(
        DEBUG=False,
        AULA_PAGE_CACHE_SECONDS=int(os.environ.get("AULA_PAGE_CACHE_SECONDS", "600")),
        SESSION_ENGINE="home.sessions",
        AULA_MODULES_REQUIRE_ENROLMENT=True,
        # Tasks are queued (in memory), not run in the request: a worker runs them.
        CELERY_BROKER_URL="memory://",
        CELERY_TASK_ALWAYS_EAGER=False,
        WHITENOISE_AUTOREFRESH=False,
        STATIC_ROOT=Path(bench_dir) / "static",
        MEDIA_ROOT=Path(bench_dir) / "media",
        LOGGING={"version": 1, "disable_existing_loggers": False},
    )
    sys.modules[module.__name__] = module
    return module.__name__


def _postgres_admin(sql: str) -> None:
    import psycopg

    url = urlparse(os.environ["DATABASE_URL"])
    with psycopg.connect(
        host=url.hostname or "127.0.0.1",
        port=url.port or 5432,
        user=url.username or "postgres",
        password=url.password,
        dbname="postgres",
        autocommit=True,
    ) as connection:
        connection.execute(sql)


def _database_name() -> str:
    name = urlparse(os.environ["DATABASE_URL"]).path.lstrip("/")
    if not any(word in name for word in ("bench", "perf")):
        sys.exit(
            f"DATABASE_URL names {name!r}: give the bench a database of its own, whose name "
            "contains 'bench' or 'perf' (it is dropped and created again)."
        )
    return name


def setup_django(bench_dir: str) -> None:
    Path(bench_dir, "static").mkdir()
    if os.environ.get("DATABASE_URL"):
        name = _database_name()
        _postgres_admin(f'DROP DATABASE IF EXISTS "{name}"')
        _postgres_admin(f'CREATE DATABASE "{name}"')
    os.environ["DJANGO_SETTINGS_MODULE"] = _settings_module(bench_dir)
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command

    cache.clear()
    call_command("migrate", verbosity=0, interactive=False)


def teardown() -> None:
    if os.environ.get("DATABASE_URL"):
        from django.db import connections

        connections.close_all()
        _postgres_admin(f'DROP DATABASE IF EXISTS "{_database_name()}"')


# --- the data --------------------------------------------------------------------------------


def build() -> dict:
    from django.contrib.auth import get_user_model
    from django.utils import timezone
    from wagtail.models import Locale

    from courses.models import SessionSlot
    from learners.models import (
        CalendarFeed,
        Enrolment,
        EnrolmentStatus,
        LearnerProfile,
        ModuleProgress,
        QuizAttempt,
        Reflection,
    )
    from tests.factories import (
        CohortFactory,
        CoursePageFactory,
        LiveSessionPageFactory,
        ModulePageFactory,
        UserFactory,
        build_course,
        build_site,
        translate_page,
    )

    rng = random.Random(2026)
    tree = build_site()
    translate_page(tree.home, "es")
    translate_page(tree.catalogue, "es")
    course = CoursePageFactory(
        parent=tree.catalogue,
        slug="decent-work-care",
        title="Decent work in the care economy",
        overview="<h2>About</h2>" + "<p>Care work sustains every economy.</p>" * 6,
        audience="<p>Public officials and care workers.</p>",
    )
    for n in range(4):
        course.outcomes.create(text=f"Explain the 5R framework, part {n + 1}.")
        course.competencies.create(title=f"Care policy {n + 1}", description="Design and review.")
    course.save_revision().publish()
    modules, sessions = [], []
    for n in range(MODULES):
        modules.append(
            ModulePageFactory(
                parent=course,
                title=f"Module {n + 1}",
                slug=f"module-{n + 1}",
                body=module_body(n, with_quiz=n % 3 != 2),
            )
        )
        if n % 4 == 3:
            sessions.append(
                LiveSessionPageFactory(parent=course, title=f"Live session {n // 4 + 1}")
            )
    spanish = translate_page(course, "es", title="Trabajo decente en la economía del cuidado")
    for module in modules:
        translate_page(module, "es")
    for session in sessions:
        translate_page(session, "es")
    for n in range(3):
        build_course(tree.catalogue, modules=4, title=f"Care professions {n + 1}")

    now = timezone.now()
    today = timezone.localdate()
    cohort = CohortFactory(
        course=course,
        title="March edition",
        starts_on=today - timedelta(days=30),
        ends_on=today + timedelta(days=30),
        capacity=1200,
    )
    spanish_cohort = CohortFactory(
        course=spanish, title="Edición de marzo", language="es", capacity=200
    )
    for n, session in enumerate(sessions):
        for target in (cohort, spanish_cohort):
            SessionSlot.objects.create(
                cohort=target,
                session=session,
                starts_at=now + timedelta(days=7 * (n + 1)),
                duration_minutes=90,
                join_url="https://meet.example.org/care",
            )
    tutor = UserFactory(email="tutor@bench.example")
    cohort.tutors.add(tutor)

    user_model = get_user_model()
    users = user_model.objects.bulk_create(
        user_model(email=f"learner-{n}@bench.example", first_name="Learner", password="!")  # noqa: S106
        for n in range(LEARNERS + 50)
    )
    LearnerProfile.objects.bulk_create(
        LearnerProfile(
            user=user,
            certificate_name=f"Learner {n}",
            country=rng.choice(["UY", "CL", "PE", "MX", "CO"]),
            organisation=f"Ministerio {rng.randint(1, 20)}",
            time_zone="America/Montevideo",
        )
        for n, user in enumerate(users)
    )
    CalendarFeed.objects.bulk_create(CalendarFeed(user=user) for user in users)
    enrolments = Enrolment.objects.bulk_create(
        Enrolment(
            learner=user,
            cohort=cohort if n < LEARNERS else spanish_cohort,
            status=EnrolmentStatus.ACTIVE,
        )
        for n, user in enumerate(users)
    )
    # About half the cohort part-way through: completed modules, quiz attempts, reflections
    # and the rollup as learners.progress keeps it (never all modules: nobody completed yet).
    progress_rows, attempts, reflections = [], [], []
    for enrolment in enrolments[:LEARNERS]:
        if rng.random() < 0.5:
            continue
        done = rng.randint(1, MODULES - 2)
        for module in modules[:done]:
            blocks = {block.block_type: block.id for block in module.body}
            progress_rows.append(
                ModuleProgress(
                    enrolment=enrolment, module_key=module.translation_key, completed_at=now
                )
            )
            if "quiz" in blocks:
                attempts.append(
                    QuizAttempt(
                        enrolment=enrolment,
                        module_key=module.translation_key,
                        block_id=blocks["quiz"],
                        answers={"1": [1], "2": [1], "3": [1]},
                        correct=3,
                        total=3,
                        score=100,
                        passed=True,
                    )
                )
            reflections.append(
                Reflection(
                    enrolment=enrolment,
                    module_key=module.translation_key,
                    block_id=blocks["reflection"],
                    text="<p>My mother and my aunt do most of it.</p>",
                )
            )
        enrolment.modules_done = done
        enrolment.progress_percent = round(100 * done / MODULES)
        enrolment.quiz_average = 100
        enrolment.last_activity_at = now - timedelta(days=rng.randint(0, 30))
        enrolment.last_module_key = modules[done - 1].translation_key
    ModuleProgress.objects.bulk_create(progress_rows, batch_size=500)
    QuizAttempt.objects.bulk_create(attempts, batch_size=500)
    Reflection.objects.bulk_create(reflections, batch_size=500)
    Enrolment.objects.bulk_update(
        enrolments,
        ["modules_done", "progress_percent", "quiz_average", "last_activity_at", "last_module_key"],
        batch_size=500,
    )
    assert Locale.objects.filter(language_code="es").exists()
    return {
        "course": course,
        "spanish": spanish,
        "catalogue": tree.catalogue,
        "modules": modules,
        "cohort": cohort,
        "tutor": tutor,
        "learners": users[:ACTIVE_LEARNERS],
        "feeds": dict(
            CalendarFeed.objects.filter(user__in=users[:ACTIVE_LEARNERS]).values_list(
                "user_id", "token"
            )
        ),
    }


# --- the requests ----------------------------------------------------------------------------


class QueryCounter:
    """Counts the queries of the default connection (cheaper than capturing them)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def make_requests(data: dict, login=None):
    """{request type: a function of the round number returning (client, method, url, data)}.
    ``login(client, user)`` signs each learner's and the tutor's client in (by default
    ``client.force_login(user)``)."""
    from django.test import Client

    login = login or (lambda client, user: client.force_login(user))
    modules = data["modules"]
    blocks = [{block.block_type: block.id for block in module.body} for module in modules]
    quiz_modules = [n for n, b in enumerate(blocks) if "quiz" in b]
    plain_modules = [n for n, b in enumerate(blocks) if "quiz" not in b]
    clients = []
    for user in data["learners"]:
        client = Client()
        login(client, user)
        clients.append((user, client))
    visitor = Client()
    tutor = Client()
    login(tutor, data["tutor"])
    course_url = data["course"].url
    spanish_url = data["spanish"].url
    rng = random.Random(7)

    def learner(round_no: int, offset: int):
        return clients[(round_no * 7 + offset) % len(clients)]

    def learn(n):
        return learner(n, 0)[1], "get", "/en/learn/", None

    def course_page(n):
        return learner(n, 1)[1], "get", course_url, None

    def module_page(n):
        return learner(n, 2)[1], "get", modules[n % MODULES].url, None

    def quiz(n):
        index = quiz_modules[n % len(quiz_modules)]
        answer = "1" if rng.random() < 0.7 else "2"  # most pass
        post = {"block_id": blocks[index]["quiz"]}
        post.update({f"question-{q}": answer for q in range(1, 4)})
        return learner(n, 3)[1], "post", f"/en/learn/modules/{modules[index].pk}/quiz/", post

    def complete(n):
        index = plain_modules[n % len(plain_modules)]
        return learner(n, 4)[1], "post", f"/en/learn/modules/{modules[index].pk}/complete/", None

    def reflection(n):
        index = n % MODULES
        post = {"block_id": blocks[index]["reflection"], "text": f"<p>Answer {n}.</p>"}
        url = f"/en/learn/modules/{modules[index].pk}/reflection/"
        return learner(n, 5)[1], "post", url, post

    def feed(n):
        user, client = learner(n, 6)
        return client, "get", f"/calendar/{data['feeds'][user.pk]}.ics", None

    def anonymous(url):
        def request(_n):
            visitor.cookies.clear()  # a visitor's browser with no session
            return visitor, "get", url, None

        return request

    def tutor_table(n):
        return tutor, "get", f"/en/tutor/cohorts/{data['cohort'].pk}/?page={n % 10 + 1}", None

    return {
        "learner /en/learn/": learn,
        "learner course page": course_page,
        "learner module page": module_page,
        "quiz submit (POST)": quiz,
        "mark complete (POST)": complete,
        "save reflection (POST)": reflection,
        "calendar feed .ics": feed,
        "visitor home /en/": anonymous("/en/"),
        "visitor catalogue": anonymous(data["catalogue"].url),
        "visitor course page en": anonymous(course_url),
        "visitor course page es": anonymous(spanish_url),
        "visitor search ?q=care": anonymous("/en/search/?q=care"),
        "tutor cohort table": tutor_table,
    }


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def run(requests) -> dict:
    from django.db import connection

    counter = QueryCounter()
    samples = {name: {"cpu": [], "wall": [], "queries": [], "hits": 0} for name in requests}
    with connection.execute_wrapper(counter):
        for round_no in range(WARMUP + ROUNDS):
            for name in ROUND:
                client, method, url, post = requests[name](round_no)
                counter.count = 0
                wall, cpu = time.perf_counter(), time.process_time()
                response = client.get(url) if method == "get" else client.post(url, post)
                cpu = time.process_time() - cpu
                wall = time.perf_counter() - wall
                expected = (302,) if method == "post" else (200,)
                assert response.status_code in expected, (name, url, response.status_code)
                if round_no < WARMUP:
                    continue
                row = samples[name]
                row["cpu"].append(cpu * 1000)
                row["wall"].append(wall * 1000)
                row["queries"].append(counter.count)
                row["hits"] += response.get("X-Aula-Cache") == "hit"
    results = {}
    for name, row in samples.items():
        results[name] = {
            "requests": len(row["cpu"]),
            "cpu_ms": statistics.fmean(row["cpu"]),
            "wall_median_ms": statistics.median(row["wall"]),
            "wall_p95_ms": percentile(row["wall"], 0.95),
            "queries": statistics.fmean(row["queries"]),
            "cache_hits": row["hits"] / len(row["cpu"]),
        }
    return results


def weighted_mean(results: dict) -> float:
    learners = statistics.fmean(results[name]["cpu_ms"] for name in LEARNER_TYPES)
    visitors = statistics.fmean(results[name]["cpu_ms"] for name in VISITOR_TYPES)
    return (LEARNER_USERS * learners + VISITOR_USERS * visitors) / (LEARNER_USERS + VISITOR_USERS)


def report(results: dict, backend: str) -> None:
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(
        f"\nCPU per request type ({backend}); {ROUNDS} interleaved rounds after {WARMUP} warm-up"
        f" rounds; page cache {os.environ.get('AULA_PAGE_CACHE_SECONDS', '600')} s."
        f"\nMachine: {os.cpu_count()} CPUs, load average {load} (wall times move with it; CPU"
        " ms much less).\n"
    )
    header = (
        f"{'request type':<26} {'CPU ms':>7} {'wall med':>9} {'wall p95':>9} {'queries':>8}"
        f" {'cached':>7}"
    )
    print(header)
    print("-" * len(header))
    for group in (LEARNER_TYPES, VISITOR_TYPES, TUTOR_TYPES):
        for name in group:
            row = results[name]
            cached = f"{100 * row['cache_hits']:.0f}%" if name in VISITOR_TYPES else ""
            print(
                f"{name:<26} {row['cpu_ms']:7.2f} {row['wall_median_ms']:9.2f}"
                f" {row['wall_p95_ms']:9.2f} {row['queries']:8.1f} {cached:>7}"
            )
    mean = weighted_mean(results)
    verdict = "within" if mean <= TARGET_MEAN_CPU_MS else "OVER"
    print(
        f"\nmean CPU per request, weighted as the load test's mix ({LEARNER_USERS} learners, "
        f"{VISITOR_USERS} visitors): {mean:.2f} ms ({verdict} the {TARGET_MEAN_CPU_MS:.0f} ms "
        "target)"
    )


def main() -> int:
    started = time.perf_counter()
    bench_dir = tempfile.mkdtemp(prefix="aula-request-cpu-")
    backend = (
        ("PostgreSQL" if os.environ.get("DATABASE_URL") else "SQLite")
        + " + "
        + ("Redis" if os.environ.get("REDIS_URL") else "locmem cache")
    )
    try:
        setup_django(bench_dir)
        data = build()
        print(f"{backend}: data built in {time.perf_counter() - started:.0f} s")
        results = run(make_requests(data))
        report(results, backend)
        results["weighted mean cpu_ms"] = weighted_mean(results)
        out_dir = REPO / "bench" / "results"
        out_dir.mkdir(exist_ok=True)
        (out_dir / "request_cpu.json").write_text(json.dumps(results, indent=2))
        elapsed = time.perf_counter() - started
        print(f"raw numbers: bench/results/request_cpu.json · total {elapsed:.0f} s")
    finally:
        try:
            teardown()
        finally:
            shutil.rmtree(bench_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
