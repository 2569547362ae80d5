"""Digital credential benchmark: `python bench/credentials.py` (part of `make bench`).

Milliseconds that issuing a certificate's Open Badges 3.0 credential adds: building the payload
(the course in the cohort's language, its completion rule and competencies, the issuer's
Profile, a random status-list place), signing it (EdDSA) and storing it, per certificate, over
``AULA_BENCH_CREDENTIALS`` certificates (median, 95th percentile, mean; wall and CPU time) and
the queries each takes. Target: under 10 ms. On a throwaway SQLite database; never touches
db.sqlite3.

``--with-worker`` then runs bench/certificates.py: 1,000 completed enrolments issued by a real
Celery worker on PostgreSQL and Redis, each with its PDF and its credential (target: under
3 minutes). Run it on a quiet machine, with PostgreSQL and Redis on 127.0.0.1.
"""

import os
import shutil
import statistics
import subprocess  # noqa: S404
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

COUNT = int(os.environ.get("AULA_BENCH_CREDENTIALS", "300"))
TARGET_MS = 10


def certificates_without_credentials(cohort, count: int):
    """Rows as issue_certificate writes them, before their credential and PDF."""
    from bench.certificates import completed_enrolments
    from learners.certificates.services import _load_enrolment, _new_certificate

    rows = []
    for enrolment_id in completed_enrolments(cohort, count):
        certificate = _new_certificate(_load_enrolment(enrolment_id))
        certificate.save()
        rows.append(certificate)
    return rows


def bench_credentials(cohort) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from learners.certificates.credentials import ensure_credential, sign_certificate
    from learners.models import Certificate

    for certificate in certificates_without_credentials(cohort, 5):
        ensure_credential(certificate)  # warm up: imports, key, translations
    rows = certificates_without_credentials(cohort, COUNT)
    wall, cpu, queries, signing = [], [], [], []
    for certificate in rows:
        certificate = Certificate.objects.select_related(
            "enrolment__learner", "enrolment__cohort__course"
        ).get(pk=certificate.pk)
        started = time.perf_counter()
        sign_certificate(certificate)  # payload and signature alone: no write
        signing.append((time.perf_counter() - started) * 1000)
        with CaptureQueriesContext(connection) as captured:
            started, cpu_started = time.perf_counter(), time.process_time()
            ensure_credential(certificate)
            wall.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - cpu_started) * 1000)
        queries.append(len(captured))
        assert certificate.credential.count(".") == 2
    wall.sort()
    return {
        "median_ms": statistics.median(wall),
        "p95_ms": wall[max(0, int(0.95 * len(wall)) - 1)],
        "mean_ms": statistics.fmean(wall),
        "cpu_median_ms": statistics.median(cpu),
        "signing_median_ms": statistics.median(signing),
        "queries": statistics.median(queries),
        "bytes": statistics.median(len(row.credential) for row in Certificate.objects.all()),
    }


def main() -> int:
    from bench.certificates import build_cohort, setup_django

    bench_dir = tempfile.mkdtemp(prefix="aula-bench-credentials-")
    try:
        setup_django(bench_dir, f"sqlite:///{bench_dir}/bench.sqlite3", "")
        cohort = build_cohort()
        figures = bench_credentials(cohort)
        load = os.getloadavg()
        print("credentials")
        print(
            f"  one Open Badges credential issued (payload, EdDSA signature, stored), over"
            f" {COUNT}: median {figures['median_ms']:.2f} ms, p95 {figures['p95_ms']:.2f} ms,"
            f" mean {figures['mean_ms']:.2f} ms (CPU median {figures['cpu_median_ms']:.2f} ms;"
            f" payload and signature without the write: median"
            f" {figures['signing_median_ms']:.2f} ms),"
            f" {figures['queries']:.0f} queries, {figures['bytes'] / 1000:.1f} KB"
            f" (target: under {TARGET_MS} ms; load average {load[0]:.2f} {load[1]:.2f})"
        )
    finally:
        from django.db import connections

        connections.close_all()
        shutil.rmtree(bench_dir, ignore_errors=True)
    if "--with-worker" in sys.argv[1:]:
        # A process of its own: the worker part sets up Django on PostgreSQL and Redis.
        return subprocess.call([sys.executable, str(REPO / "bench" / "certificates.py")])  # noqa: S603
    return 0


if __name__ == "__main__":
    sys.exit(main())
