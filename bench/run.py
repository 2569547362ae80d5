"""Benchmarks of the public course pages: `python bench/run.py` (or `make bench`).

Builds a throwaway SQLite database in a temporary directory, creates courses of 4, 12 and 40
modules with the test factories, then times anonymous GETs with Django's test client
(in process: server time only, no network) through the full middleware stack:

- uncached: the page rendered by Wagtail (AULA_PAGE_CACHE_SECONDS=0);
- cached: the anonymous page cache on and warm (every timed request is a hit);
- bare: a plain Django view returning the same HTML bytes through the same middleware, with
  the page cache on (it looks the bare page up and misses, as any uncached page would).

Prints median and 95th-percentile milliseconds and the queries per request, the cached/bare
ratio (target: within 3x), and the uncached course page beside the peer reference figure.

Then, for learners and staff:

- /en/learn/: a logged-in learner's dashboard with 20 enrolments (median ms, queries);
- the bulk enrolment of a generated learner list of 5,000 rows (target: well under 20 s):
  reading the CSV, the import (one transaction: seconds and queries), and, separately, the
  invitation emails that follow the commit (eager Celery here: sent in process).
"""

import json
import math
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

REQUESTS = int(os.environ.get("AULA_BENCH_REQUESTS", "200"))
WARMUP = int(os.environ.get("AULA_BENCH_WARMUP", "20"))
# The peer figure the uncached course page is compared with (a 12-lesson course).
PEER = {"queries": 8, "median_ms": 6.0, "lessons": 12}
TARGET_CACHED_OVER_BARE = 3.0
IMPORT_ROWS = int(os.environ.get("AULA_BENCH_IMPORT_ROWS", "5000"))
TARGET_IMPORT_SECONDS = 20.0
DASHBOARD_ENROLMENTS = 20
COHORT_LEARNERS = 1000
TARGET_MARK_COMPLETE_MS = 20.0

MODULE_BODY = [
    {"type": "paragraph", "value": "<h2>Why care work counts</h2>" + "<p>Care work. </p>" * 6},
    {
        "type": "callout",
        "value": {
            "kind": "key_fact",
            "heading": "76.2%",
            "body": "<p>Share of unpaid care work done by women worldwide.</p>",
        },
    },
    {"type": "paragraph", "value": "<p>The 5R framework: recognise, reduce, redistribute.</p>"},
    {
        "type": "quiz",
        "value": {
            "title": "Check your understanding",
            "pass_mark": 70,
            "questions": [
                {
                    "prompt": f"Question {n}?",
                    "explanation": "",
                    "choices": [
                        {"text": "Recognise", "is_correct": True},
                        {"text": "Reduce", "is_correct": False},
                        {"text": "Reward", "is_correct": False},
                    ],
                }
                for n in range(1, 4)
            ],
        },
    },
    {"type": "reflection", "value": {"prompt": "Who does the care work at home?", "guidance": ""}},
]


def setup_django(bench_dir: str) -> None:
    os.environ["AULA_BENCH_DIR"] = bench_dir
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    Path(bench_dir, "static").mkdir()  # STATIC_ROOT, empty: pages only link to static files
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def build_content() -> dict[str, str]:
    """Courses of 4, 12 and 40 modules (with a live session every fourth item); their URLs."""
    from tests.factories import (
        CoursePageFactory,
        LiveSessionPageFactory,
        ModulePageFactory,
        build_site,
    )

    tree = build_site()
    urls = {}
    for size in (4, 12, 40):
        course = CoursePageFactory(parent=tree.catalogue, slug=f"course-{size}")
        course.outcomes.create(text="Explain the 5R framework.")
        course.competencies.create(title="Care policy")
        last_module = None
        for n in range(size):
            last_module = ModulePageFactory(
                parent=course, title=f"Module {n + 1}", body=MODULE_BODY
            )
            if n % 4 == 3:
                LiveSessionPageFactory(parent=course, title=f"Live session {n // 4 + 1}")
        urls[f"course page, {size} modules"] = course.url
        urls[f"module page, {size} siblings"] = last_module.url
    return urls


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def measure(client, url: str, *, expect: str | None = None) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(WARMUP):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    # Read now: the next request resets the connection's query log the context reads from.
    queries = len(captured)
    assert response.get("X-Aula-Cache") == expect, (url, response.get("X-Aula-Cache"), expect)

    samples = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    return {
        "median_ms": statistics.median(samples),
        "p95_ms": percentile(samples, 0.95),
        "queries": queries,
        "bytes": len(response.content),
    }


def run(urls: dict[str, str]) -> dict[str, dict]:
    from django.core.cache import cache
    from django.test import Client
    from django.test.utils import override_settings

    from bench.urls import BARE_PAGES

    client = Client()
    results = {}
    for n, (label, url) in enumerate(urls.items()):
        uncached = measure(client, url)

        with override_settings(AULA_PAGE_CACHE_SECONDS=600):
            cache.clear()
            assert client.get(url)["X-Aula-Cache"] == "miss"
            cached = measure(client, url, expect="hit")

            key = f"page{n}"
            BARE_PAGES[key] = client.get(url).content
            bare = measure(client, f"/en/__bench__/bare/{key}/")
        results[label] = {"uncached": uncached, "cached": cached, "bare": bare}
    return results


def report(results: dict[str, dict]) -> None:
    header = (
        f"{'page':<26} {'uncached ms':>14} {'q':>3}   {'cached ms':>13} {'q':>3}"
        f"   {'bare ms':>13}   {'cached/bare':>11}   {'KB':>4}"
    )
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(
        f"\nAnonymous GETs, Django test client, {REQUESTS} timed requests after {WARMUP} "
        "warm-up; median / p95 in ms; q = queries per request."
        f"\nMachine: {os.cpu_count()} CPUs, load average {load} (other work skews the times).\n"
    )
    print(header)
    print("-" * len(header))
    worst_ratio = 0.0
    for label, row in results.items():
        uncached, cached, bare = row["uncached"], row["cached"], row["bare"]
        ratio = cached["median_ms"] / bare["median_ms"]
        worst_ratio = max(worst_ratio, ratio)
        print(
            f"{label:<26} "
            f"{uncached['median_ms']:6.2f} / {uncached['p95_ms']:5.2f} {uncached['queries']:>3}   "
            f"{cached['median_ms']:5.2f} / {cached['p95_ms']:5.2f} {cached['queries']:>3}   "
            f"{bare['median_ms']:5.2f} / {bare['p95_ms']:5.2f}   "
            f"{ratio:>10.2f}x   {uncached['bytes'] / 1024:4.0f}"
        )

    verdict = "within" if worst_ratio <= TARGET_CACHED_OVER_BARE else "OVER"
    print(
        f"\ncached/bare, worst row: {worst_ratio:.2f}x ({verdict} the "
        f"{TARGET_CACHED_OVER_BARE:.0f}x target)"
    )
    peer_row = results[f"course page, {PEER['lessons']} modules"]["uncached"]
    print(
        f"uncached course page, {PEER['lessons']} modules: {peer_row['queries']} queries, "
        f"{peer_row['median_ms']:.2f} ms median  |  peer reference: {PEER['queries']} queries, "
        f"~{PEER['median_ms']:.0f} ms median for {PEER['lessons']} lessons "
        "(ratio of medians "
        f"{peer_row['median_ms'] / PEER['median_ms']:.2f}; different machines, compare loosely)"
    )


def run_learner_dashboard() -> dict:
    """/en/learn/ for a logged-in learner with 20 enrolments (half active, half waitlisted)."""
    from django.test import Client
    from django.utils import timezone

    from courses.models import CourseIndexPage
    from learners.models import Enrolment, EnrolmentStatus
    from tests.factories import CohortFactory, build_course, learner

    catalogue = CourseIndexPage.objects.first()
    me = learner(email="bench-learner@example.org")
    for n in range(DASHBOARD_ENROLMENTS):
        course = build_course(catalogue, modules=1, title=f"Dashboard course {n + 1}")
        waiting = n % 2 == 1
        Enrolment.objects.create(
            learner=me,
            cohort=CohortFactory(course=course, capacity=30),
            status=EnrolmentStatus.WAITLISTED if waiting else EnrolmentStatus.ACTIVE,
            waitlisted_at=timezone.now() if waiting else None,
        )
    client = Client()
    client.force_login(me)
    return measure(client, "/en/learn/")


def run_mark_complete() -> dict:
    """POST "mark this module as complete" through the site (view, service, rollup, rule) in a
    cohort of COHORT_LEARNERS learners and a 12-module course: each timed request completes a
    module for a different learner (target: median under 20 ms)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from courses.models import CourseIndexPage
    from learners.models import Enrolment, LearnerProfile
    from tests.factories import CohortFactory, ModulePageFactory, build_course

    catalogue = CourseIndexPage.objects.first()
    course = build_course(catalogue, modules=0, title="Mark-complete course")
    modules = [
        ModulePageFactory(parent=course, title=f"Module {n + 1}", body=MODULE_BODY[:3])
        for n in range(12)
    ]
    cohort = CohortFactory(course=course)
    User = get_user_model()
    password = make_password(None)
    users = User.objects.bulk_create(
        User(email=f"complete-{n}@example.org", password=password) for n in range(COHORT_LEARNERS)
    )
    LearnerProfile.objects.bulk_create(LearnerProfile(user=user) for user in users)
    Enrolment.objects.bulk_create(
        Enrolment(learner=user, cohort=cohort, status="active") for user in users
    )
    client = Client()
    samples, queries = [], 0
    for n, user in enumerate(users[: WARMUP + REQUESTS]):
        client.force_login(user)
        module = modules[n % len(modules)]
        url = f"/en/learn/modules/{module.pk}/complete/"
        start = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            response = client.post(url)
        elapsed = (time.perf_counter() - start) * 1000
        assert response.status_code == 302, response.status_code
        if n >= WARMUP:
            samples.append(elapsed)
            queries = len(captured)
    return {
        "median_ms": statistics.median(samples),
        "p95_ms": percentile(samples, 0.95),
        "queries": queries,
        "cohort_learners": COHORT_LEARNERS,
    }


def roster_csv(rows: int) -> bytes:
    """A learner list as a ministry would send it: Spanish headers, semicolons, accents."""
    lines = ["nombre;correo;país;organización;cargo"]
    for n in range(rows):
        lines.append(
            f"María José Núñez {n};persona{n}@ministerio.example;Uruguay;"
            f"Ministerio de Trabajo y Seguridad Social;Técnica {n % 7}"
        )
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def run_import() -> dict:
    """Parse and import a generated list of IMPORT_ROWS learners into a cohort with seats for
    most of them (the rest go on the waiting list); 1 in 50 already has an account."""
    from django.contrib.auth import get_user_model
    from django.core import mail
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from courses.models import CourseIndexPage
    from learners.enrolment.roster import parse_roster
    from learners.enrolment.roster_import import import_roster
    from learners.models import Enrolment
    from tests.factories import CohortFactory, build_course, learner

    catalogue = CourseIndexPage.objects.first()
    course = build_course(catalogue, modules=1, title="Bulk enrolment")
    cohort = CohortFactory(course=course, language="es", capacity=IMPORT_ROWS - 100)
    staff = get_user_model().objects.create_superuser(email="bench-admin@example.org")
    for n in range(0, IMPORT_ROWS, 50):
        learner(email=f"persona{n}@ministerio.example")
    data = roster_csv(IMPORT_ROWS)

    started = time.perf_counter()
    preview = parse_roster(data)
    parse_seconds = time.perf_counter() - started
    assert preview.is_valid and len(preview.rows) == IMPORT_ROWS, preview.errors[:3]

    mail.outbox = []
    with transaction.atomic():  # hold the after-commit emails back to time them apart
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            result = import_roster(cohort=cohort, rows=preview.rows, by=staff)
        import_seconds = time.perf_counter() - started
        queries = len(captured)
        started = time.perf_counter()
    emails_seconds = time.perf_counter() - started
    assert Enrolment.objects.filter(cohort=cohort).count() == IMPORT_ROWS
    return {
        "rows": IMPORT_ROWS,
        "bytes": len(data),
        "parse_s": parse_seconds,
        "import_s": import_seconds,
        "queries": queries,
        "enrolled": result.enrolled,
        "waitlisted": result.waitlisted,
        "created_accounts": result.created_accounts,
        "matched_accounts": result.matched_accounts,
        "emails": len(mail.outbox),
        "emails_s": emails_seconds,
    }


def report_learners(dashboard: dict, roster: dict) -> None:
    print(
        f"\n/en/learn/, logged in, {DASHBOARD_ENROLMENTS} enrolments: "
        f"{dashboard['median_ms']:.2f} ms median, {dashboard['p95_ms']:.2f} ms p95, "
        f"{dashboard['queries']} queries"
    )
    verdict = "within" if roster["import_s"] < TARGET_IMPORT_SECONDS else "OVER"
    print(
        f"CSV import, {roster['rows']:,} rows ({roster['bytes'] / 1024:.0f} KB, Windows-1252, "
        f"semicolons): read in {roster['parse_s']:.2f} s; imported in one transaction in "
        f"{roster['import_s']:.2f} s with {roster['queries']} queries ({verdict} the "
        f"{TARGET_IMPORT_SECONDS:.0f} s target)"
    )
    print(
        f"  {roster['enrolled']:,} enrolled, {roster['waitlisted']:,} waitlisted, "
        f"{roster['created_accounts']:,} new accounts, {roster['matched_accounts']:,} matched; "
        f"after the commit {roster['emails']:,} emails sent in process (eager Celery, "
        f"in-memory email) in {roster['emails_s']:.1f} s (with a broker these are queued tasks)"
    )


def main() -> int:
    started = time.perf_counter()
    bench_dir = tempfile.mkdtemp(prefix="aula-bench-")
    try:
        setup_django(bench_dir)
        print(
            f"database: {bench_dir}/bench.sqlite3 (migrated in "
            f"{time.perf_counter() - started:.0f} s)"
        )
        urls = build_content()
        results = run(urls)
        report(results)
        results["learner dashboard, 20 enrolments"] = run_learner_dashboard()
        results["csv import"] = run_import()
        report_learners(results["learner dashboard, 20 enrolments"], results["csv import"])
        results["mark module complete"] = complete = run_mark_complete()
        print(
            f"\nmark a module complete (POST, {complete['cohort_learners']} learners, 12 modules):"
            f" median {complete['median_ms']:.1f} ms, p95 {complete['p95_ms']:.1f} ms,"
            f" {complete['queries']} queries"
            f" (target: median under {TARGET_MARK_COMPLETE_MS:.0f} ms)"
        )
        out_dir = REPO / "bench" / "results"
        out_dir.mkdir(exist_ok=True)
        (out_dir / "latest.json").write_text(json.dumps(results, indent=2))
        elapsed = time.perf_counter() - started
        print(f"\nraw numbers: bench/results/latest.json · total {elapsed:.0f} s")
    finally:
        shutil.rmtree(bench_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
