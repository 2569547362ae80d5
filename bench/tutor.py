"""Benchmarks of the tutor dashboard: `python bench/tutor.py` (part of `make bench`).

Builds a throwaway SQLite database (bench/run.py's ``setup_django``: never db.sqlite3), a course
of 12 modules and a cohort of 1,000 learners with realistic progress rollups (bulk inserts),
then measures, in process with Django's test client (server time only):

- the tutor's cohort page (100 rows of 1,000; default sort, and sorted by progress with the
  at-risk filter): median and 95th percentile ms, queries per request (target: median < 150 ms);
- the learner detail page of one learner who did all 12 modules (quizzes, reflections);
- the CSV export of a 10,000-learner cohort (target: < 5 s), and its memory: tracemalloc's peak
  while streaming 2,000 and 10,000 rows (the response consumed block by block, as a server
  would send it) — it must not grow with the row count;
- the Excel export likewise (openpyxl in write-only mode, through a temporary file).
"""

import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

REQUESTS = int(os.environ.get("AULA_BENCH_REQUESTS", "50"))
WARMUP = 5
LEARNERS = 1000
EXPORT_ROWS = int(os.environ.get("AULA_BENCH_EXPORT_ROWS", "10000"))
SMALL_EXPORT_ROWS = 2000
MODULES = 12
TARGET_PAGE_MS = 150.0
TARGET_EXPORT_S = 5.0

COUNTRIES = ["UY", "CL", "PE", "MX", "CR", "CO", "AR"]  # ISO codes, as profiles keep them
ORGANISATIONS = [f"Ministerio {n}" for n in range(1, 28)]


def add_learners(cohort, count: int, *, prefix: str, modules: int) -> None:
    """``count`` learners with profiles and enrolments, in batches of bulk inserts."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from learners.models import Enrolment, EnrolmentStatus, LearnerProfile

    user_model = get_user_model()
    rng = random.Random(count)
    now = timezone.now()
    batch = 2000
    for offset in range(0, count, batch):
        size = min(batch, count - offset)
        emails = [f"{prefix}-{offset + n}@example.org" for n in range(size)]
        user_model.objects.bulk_create(
            user_model(email=email, first_name="Learner", last_name=str(n), password="!")  # noqa: S106
            for n, email in enumerate(emails)
        )
        users = list(user_model.objects.filter(email__in=emails).order_by("pk"))
        LearnerProfile.objects.bulk_create(
            LearnerProfile(
                user=user,
                certificate_name=f"Learner {prefix} {offset + n}",
                country=rng.choice(COUNTRIES),
                organisation=rng.choice(ORGANISATIONS),
                position="Inspector",
            )
            for n, user in enumerate(users)
        )
        enrolments = []
        for user in users:
            done = rng.randint(0, modules)
            status = EnrolmentStatus.COMPLETED if done == modules else EnrolmentStatus.ACTIVE
            enrolments.append(
                Enrolment(
                    learner=user,
                    cohort=cohort,
                    status=status,
                    progress_percent=round(100 * done / modules),
                    modules_done=done,
                    quiz_average=rng.randint(40, 100) if done else None,
                    sessions_attended=rng.randint(0, 4),
                    last_activity_at=now - timedelta(days=rng.randint(0, 40)) if done else None,
                    completed_at=now if status == EnrolmentStatus.COMPLETED else None,
                )
            )
        Enrolment.objects.bulk_create(enrolments)


def build():
    from django.utils import timezone

    from courses.models import ModulePage
    from learners.models import Enrolment, ModuleProgress, QuizAttempt, Reflection
    from tests.factories import (
        CohortFactory,
        CoursePageFactory,
        ModulePageFactory,
        UserFactory,
        build_site,
    )

    sys.path.insert(0, str(REPO / "bench"))
    from run import MODULE_BODY

    tree = build_site()
    course = CoursePageFactory(parent=tree.catalogue, title="Decent work in the care economy")
    for n in range(MODULES):
        ModulePageFactory(parent=course, title=f"Module {n + 1}", body=MODULE_BODY)
    today = timezone.localdate()
    tutor = UserFactory(email="tutor@bench.example")
    cohort = CohortFactory(
        course=course,
        title="March edition",
        starts_on=today - timedelta(days=30),
        ends_on=today + timedelta(days=30),
    )
    cohort.tutors.add(tutor)
    big = CohortFactory(course=course, title="Regional edition")
    big.tutors.add(tutor)
    add_learners(cohort, LEARNERS, prefix="c", modules=MODULES)
    add_learners(big, EXPORT_ROWS, prefix="big", modules=MODULES)
    mid = CohortFactory(course=course, title="Andean edition")
    mid.tutors.add(tutor)
    add_learners(mid, SMALL_EXPORT_ROWS, prefix="mid", modules=MODULES)

    # One learner with everything: all modules, two attempts per quiz, a reflection each.
    enrolment = Enrolment.objects.filter(cohort=cohort).order_by("pk").first()
    now = timezone.now()
    for module in ModulePage.objects.child_of(course):
        blocks = {block.block_type: block.id for block in module.body}
        key = module.translation_key
        ModuleProgress.objects.create(enrolment=enrolment, module_key=key, completed_at=now)
        for score in (33, 100):
            QuizAttempt.objects.create(
                enrolment=enrolment,
                module_key=key,
                block_id=blocks["quiz"],
                correct=score // 33,
                total=3,
                score=score,
                passed=score >= 70,
            )
        Reflection.objects.create(
            enrolment=enrolment,
            module_key=key,
            block_id=blocks["reflection"],
            text="<p>My mother and my aunt do most of it.</p>" * 5,
        )
    return tutor, cohort, mid, big, enrolment


def time_get(client, url: str) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(WARMUP):
        assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    queries = len(captured)
    samples = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    samples.sort()
    return {
        "median_ms": statistics.median(samples),
        "p95_ms": samples[max(0, int(0.95 * len(samples)) - 1)],
        "queries": queries,
    }


def consume(response) -> int:
    """Read a streamed response block by block, as a server would send it; its size in bytes."""
    size = 0
    for block in response.streaming_content:
        size += len(block)
    response.close()
    return size


def export_run(client, url: str, *, trace: bool) -> tuple[float, int, int]:
    """(seconds, bytes, tracemalloc peak bytes or 0)."""
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    size = consume(client.get(url))
    seconds = time.perf_counter() - started
    peak = 0
    if trace:
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return seconds, size, peak


def main() -> int:
    sys.path.insert(0, str(REPO / "bench"))
    from run import setup_django

    started = time.perf_counter()
    bench_dir = tempfile.mkdtemp(prefix="aula-bench-tutor-")
    try:
        setup_django(bench_dir)
        from django.test import Client
        from django.urls import reverse

        tutor, cohort, mid, big, enrolment = build()
        print(
            f"\nTutor dashboard · {LEARNERS:,} learners × {MODULES} modules "
            f"(+ cohorts of {SMALL_EXPORT_ROWS:,} and {EXPORT_ROWS:,} for the exports) · built in "
            f"{time.perf_counter() - started:.0f} s · {os.cpu_count()} CPUs, "
            f"load {os.getloadavg()[0]:.1f}"
        )
        client = Client()
        client.force_login(tutor)
        page = reverse("tutor_cohort", args=[cohort.pk])
        rows = [
            ("cohort page, 100 rows", page),
            ("cohort page, by progress, at risk", page + "?sort=-progress&at_risk=on"),
            ("cohort page, page 10", page + "?page=10"),
            (
                "learner detail, 12 modules",
                reverse("tutor_learner", args=[cohort.pk, enrolment.pk]),
            ),
        ]
        print(f"{'page':<40}{'median ms':>11}{'p95 ms':>9}{'queries':>9}")
        medians = {}
        for label, url in rows:
            result = time_get(client, url)
            medians[label] = result["median_ms"]
            print(
                f"{label:<40}{result['median_ms']:>11.1f}{result['p95_ms']:>9.1f}"
                f"{result['queries']:>9}"
            )
        verdict = "ok" if medians["cohort page, 100 rows"] < TARGET_PAGE_MS else "SLOWER"
        print(f"target: cohort page median < {TARGET_PAGE_MS:.0f} ms → {verdict}")

        def export_url(kind, of):
            return reverse(f"tutor_export_{kind}", args=[of.pk]) + "?status=all"

        print(f"\n{'export':<40}{'rows':>8}{'seconds':>9}{'MB':>7}{'peak MB':>9}")
        results = {}
        for label, url, count in (
            ("CSV", export_url("csv", mid), SMALL_EXPORT_ROWS),
            ("CSV", export_url("csv", big), EXPORT_ROWS),
            ("Excel", export_url("xlsx", mid), SMALL_EXPORT_ROWS),
            ("Excel", export_url("xlsx", big), EXPORT_ROWS),
        ):
            consume(client.get(url))  # warm
            seconds, size, _peak = export_run(client, url, trace=False)
            _seconds, _size, peak = export_run(client, url, trace=True)
            results[(label, count)] = (seconds, peak)
            print(f"{label:<40}{count:>8,}{seconds:>9.2f}{size / 1e6:>7.1f}{peak / 1e6:>9.2f}")
        csv_seconds = results[("CSV", EXPORT_ROWS)][0]

        def mb(kind, rows):
            return f"{results[(kind, rows)][1] / 1e6:.2f}"

        print(
            f"target: CSV of {EXPORT_ROWS:,} rows < {TARGET_EXPORT_S:.0f} s → "
            f"{'ok' if csv_seconds < TARGET_EXPORT_S else 'SLOWER'}; "
            f"peak memory {SMALL_EXPORT_ROWS:,} vs {EXPORT_ROWS:,} rows: CSV "
            f"{mb('CSV', SMALL_EXPORT_ROWS)} vs {mb('CSV', EXPORT_ROWS)} MB, Excel "
            f"{mb('Excel', SMALL_EXPORT_ROWS)} vs {mb('Excel', EXPORT_ROWS)} MB (tracemalloc)"
        )
        print(f"total {time.perf_counter() - started:.0f} s")
    finally:
        shutil.rmtree(bench_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
