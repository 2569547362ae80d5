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
