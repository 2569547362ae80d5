"""Certificate benchmarks: `python bench/certificates.py` (part of `make bench`).

1. One certificate PDF (A4 landscape, embedded subset fonts, QR code, two signatories with
   signature images): median and 95th-percentile milliseconds to render (wall time, and the
   median CPU time, which a busy machine does not inflate), and its size (targets: median
   under 100 ms, under 100 KB).
2. 1,000 completed enrolments issued by a real Celery worker (a separate process, two
   processes of the prefork pool) consuming from Redis: wall time from queueing the 1,000 tasks
   to the last certificate stored (row, signed Open Badges credential, PDF on disk, email
   queued) — target under 3 minutes.
   The database is a throwaway PostgreSQL database shared with the worker (SQLite file if
   PostgreSQL is unreachable); if Redis is unreachable this part is skipped with a message.

Never touches db.sqlite3 or the development media.
"""

import io
import os
import shutil
import statistics
import subprocess  # noqa: S404
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

PDF_SAMPLES = int(os.environ.get("AULA_BENCH_PDF_SAMPLES", "60"))
CERTIFICATES = int(os.environ.get("AULA_BENCH_CERTIFICATES", "1000"))
WORKER_CONCURRENCY = int(os.environ.get("AULA_BENCH_WORKER_CONCURRENCY", "2"))
REDIS_URL = os.environ.get("AULA_BENCH_REDIS_URL", "redis://127.0.0.1:6379/12")
POSTGRES_URL = os.environ.get("AULA_BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
TARGET_PDF_MS = 100
TARGET_PDF_BYTES = 100_000
TARGET_BATCH_SECONDS = 180


def redis_reachable() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping())
    except Exception:
        return False


def create_postgres_database() -> str | None:
    """A throwaway database; None when PostgreSQL is unreachable."""
    try:
        import psycopg

        name = f"aula_bench_certs_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(f"{POSTGRES_URL}/postgres", autocommit=True, connect_timeout=3) as db:
            db.execute(f'CREATE DATABASE "{name}"')
        return name
    except Exception:
        return None


def drop_postgres_database(name: str) -> None:
    import psycopg

    with psycopg.connect(f"{POSTGRES_URL}/postgres", autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def setup_django(bench_dir: str, database_url: str, broker_url: str) -> None:
    os.environ["AULA_BENCH_DIR"] = bench_dir
    os.environ["AULA_BENCH_DATABASE_URL"] = database_url
    if broker_url:
        os.environ["AULA_BENCH_BROKER_URL"] = broker_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.certificate_settings"
    Path(bench_dir, "static").mkdir(exist_ok=True)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def signature_image(title: str):
    from django.core.files.images import ImageFile
    from PIL import Image, ImageDraw

    from home.models import CustomImage

    image = Image.new("RGBA", (480, 160), (255, 255, 255, 0))
    ImageDraw.Draw(image).line(
        [(30, 110), (120, 40), (200, 120), (300, 50), (450, 90)], fill=(20, 40, 90, 255), width=4
    )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return CustomImage.objects.create(
        title=title, file=ImageFile(io.BytesIO(buffer.getvalue()), name="signature.png")
    )


def build_cohort():
    from datetime import date

    from courses.models import CourseCompetency
    from home.models import Signatory, SiteSettings
    from tests.factories import CohortFactory, build_course, build_site

    tree = build_site()
    settings = SiteSettings.for_site(tree.site)
    settings.organisation_name = "Centro Interamericano de Formación"
    settings.save()
    for order, (name, title) in enumerate(
        [("Verónica Lagos Iturbe", "Directora de Formación"), ("Tomás Aguirre", "Coordinador")]
    ):
        Signatory.objects.create(
            settings=settings,
            name=name,
            title=title,
            sort_order=order,
            signature=signature_image(f"Signature {order}"),
        )
    course = build_course(
        tree.catalogue, modules=1, title="Trabajo decente y economía del cuidado", effort_hours=40
    )
    for order, title in enumerate(
        ["Analizar políticas de cuidado", "Aplicar el marco de las 5R", "Diseñar sistemas"]
    ):
        CourseCompetency.objects.create(page=course, title=title, sort_order=order)
    return CohortFactory(
        course=course, language="es", starts_on=date(2026, 3, 2), ends_on=date(2026, 4, 24)
    )


def completed_enrolments(cohort, count: int) -> list[int]:
    """``count`` learners with profiles and completed enrolments (bulk inserts)."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from learners.models import Enrolment, EnrolmentStatus, LearnerProfile

    user_model = get_user_model()
    run = uuid.uuid4().hex[:6]
    users = user_model.objects.bulk_create(
        user_model(email=f"learner{n}-{run}@example.org", first_name="João", last_name=f"G {n}")
        for n in range(count)
    )
    LearnerProfile.objects.bulk_create(
        LearnerProfile(
            user=user, certificate_name=f"João Gonçalves Núñez {n}", preferred_language="es"
        )
        for n, user in enumerate(users)
    )
    now = timezone.now()
    enrolments = Enrolment.objects.bulk_create(
        Enrolment(learner=user, cohort=cohort, status=EnrolmentStatus.COMPLETED, completed_at=now)
        for user in users
    )
    return [enrolment.pk for enrolment in enrolments]


def bench_one_pdf(cohort) -> dict:
    from learners.certificates.services import issue_certificate, render_pdf

    [enrolment_id] = completed_enrolments(cohort, 1)
    certificate, _created = issue_certificate(enrolment_id=enrolment_id)
    certificate.refresh_from_db()
    for _ in range(5):
        render_pdf(certificate)  # warm up: imports, font coverage tables
    samples, cpu, size = [], [], 0
    for _ in range(PDF_SAMPLES):
        started, cpu_started = time.perf_counter(), time.process_time()
        data = render_pdf(certificate)
        samples.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
        size = len(data)
    samples.sort()
    return {
        "median_ms": statistics.median(samples),
        "cpu_median_ms": statistics.median(cpu),
        "p95_ms": samples[max(0, int(0.95 * len(samples)) - 1)],
        "bytes": size,
    }


def start_worker(bench_dir: str, log_path: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    celery = Path(sys.executable).parent / "celery"
    log = log_path.open("w")
    return subprocess.Popen(  # noqa: S603
        [
            str(celery),
            "-A",
            "aula",
            "worker",
            "-l",
            "warning",
            "-P",
            "prefork",
            f"--concurrency={WORKER_CONCURRENCY}",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "-n",
            f"bench-certs-{os.getpid()}@%h",
        ],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def wait_for_worker(process: subprocess.Popen, timeout: float = 60) -> bool:
    from aula.celery import app

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        if app.control.ping(timeout=1.0):
            return True
    return False


def bench_batch(cohort, bench_dir: str) -> dict | None:
    from learners.certificates.tasks import issue_certificate
    from learners.models import Certificate

    enrolment_ids = completed_enrolments(cohort, CERTIFICATES)
    log_path = Path(bench_dir, "worker.log")
    worker = start_worker(bench_dir, log_path)
    try:
        if not wait_for_worker(worker):
            print(f"  the worker did not start; its log:\n{log_path.read_text()[-2000:]}")
            return None
        started = time.perf_counter()
        results = [issue_certificate.delay(pk) for pk in enrolment_ids]
        queued = time.perf_counter() - started
        issued = [result.get(timeout=TARGET_BATCH_SECONDS * 3) for result in results]
        elapsed = time.perf_counter() - started
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
    stored = Certificate.objects.filter(enrolment_id__in=enrolment_ids).exclude(pdf="")
    signed = Certificate.objects.filter(enrolment_id__in=enrolment_ids).exclude(credential="")
    media = Path(bench_dir, "media")
    pdf_bytes = sum(path.stat().st_size for path in media.rglob("*.pdf"))
    return {
        "seconds": elapsed,
        "queue_seconds": queued,
        "issued": len([pk for pk in issued if pk]),
        "stored": stored.count(),
        "signed": signed.count(),
        "per_second": len(issued) / elapsed if elapsed else 0,
        "mean_pdf_bytes": pdf_bytes / max(stored.count() + 1, 1),
    }


def main() -> int:
    bench_dir = tempfile.mkdtemp(prefix="aula-bench-certs-")
    have_redis = redis_reachable()
    database = create_postgres_database() if have_redis else None
    database_url = (
        f"{POSTGRES_URL}/{database}" if database else f"sqlite:///{bench_dir}/bench.sqlite3"
    )
    broker_url = REDIS_URL if have_redis else ""
    if have_redis:
        import redis

        redis.Redis.from_url(REDIS_URL).flushdb()  # the benchmark's own Redis database
    try:
        setup_django(bench_dir, database_url, broker_url)
        cohort = build_cohort()
        print("certificates")
        one = bench_one_pdf(cohort)
        print(
            f"  one certificate PDF: median {one['median_ms']:.1f} ms, p95 {one['p95_ms']:.1f} ms"
            f" (CPU time: median {one['cpu_median_ms']:.1f} ms; wall time grows on a busy machine),"
            f" {one['bytes'] / 1000:.1f} KB"
            f" (targets: median under {TARGET_PDF_MS} ms, under {TARGET_PDF_BYTES // 1000} KB)"
        )
        if not have_redis:
            print(
                f"  {CERTIFICATES} certificates by a real worker: SKIPPED, Redis is not reachable"
                f" at {REDIS_URL} (set AULA_BENCH_REDIS_URL)"
            )
            return 0
        where = "PostgreSQL" if database else "SQLite (PostgreSQL unreachable)"
        batch = bench_batch(cohort, bench_dir)
        if batch is None:
            return 1
        print(
            f"  {CERTIFICATES} certificates by a real worker ({WORKER_CONCURRENCY} processes,"
            f" Redis, {where}): {batch['seconds']:.1f} s"
            f" ({batch['per_second']:.1f}/s; queueing took {batch['queue_seconds']:.1f} s),"
            f" {batch['issued']} issued, {batch['stored']} PDFs stored,"
            f" {batch['signed']} credentials signed,"
            f" mean {batch['mean_pdf_bytes'] / 1000:.1f} KB"
            f" (target: under {TARGET_BATCH_SECONDS // 60} minutes)"
        )
    finally:
        from django.db import connections

        connections.close_all()
        if database:
            drop_postgres_database(database)
        if have_redis:
            import redis

            redis.Redis.from_url(REDIS_URL).flushdb()
        shutil.rmtree(bench_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
