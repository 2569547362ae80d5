"""Aula against its peer, wagtail-lms: `.venv/bin/python bench/peer/run.py` (part of `make bench`).

One logged-in learner's course page on each side, measured the same way in the same run:

- the peer: wagtail-lms (``PEER_VERSION``) in a virtualenv of its own, ``bench/peer/.venv``
  (git-ignored; created here with ``python3.11 -m venv`` on the first run, with the same Wagtail
  and Django versions as Aula's ``.venv``), settings mirroring its example project
  (``peer_settings.py``, ``peer_urls.py``); a course page with 12 H5P lesson pages, the user
  enrolled (``CourseEnrollment``) with 5 lessons completed (``peer_worker.py``);
- Aula, in its own ``.venv``: a course of 12 modules with three cohorts, the learner enrolled in
  one with 5 modules completed, page cache on as in production; measured twice, as two sides:
  as production serves a learner's repeat view (their kept copy, learners/learn/page_cache.py),
  and rendered on every request (``AULA_LEARNER_PAGE_CACHE=0``: what the first view after a
  change of anything the page shows costs) (``aula_worker.py``).

Each side runs in its own subprocess, kept alive for the whole run, with its own throwaway
SQLite database in a temporary directory (deleted afterwards). After the warm-up, the timed
requests go in rounds, the three sides in turn (each first in turn, the order reversed every
other round), so other load on the machine falls on all alike. For each side: median and
95th-percentile wall ms per request, CPU ms per request (``time.process_time`` of the worker),
queries per request; then the ratios Aula / peer (target: at most 0.5x, for the kept copy) and
Aula rendered / peer. ``--profile`` adds cProfile's top 15 entries for Aula's page (its own
code by cumulative time, then everything by own time). Exit status 0 with the figures; 2 when
the peer cannot be installed (says why).
"""

import argparse
import json
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
PEER_VENV = HERE / ".venv"
PEER_PYTHON = PEER_VENV / "bin" / "python"
PEER_MARKER = PEER_VENV / ".aula-peer-requirements"
# 0.11.1 installs and serves its course page on Wagtail 8.0 / Django 5.2 (0.11.0 also exists).
PEER_VERSION = os.environ.get("AULA_PEER_VERSION", "0.11.1")
BASE_PYTHON = os.environ.get("AULA_PEER_PYTHON", "python3.11")

ROUNDS = int(os.environ.get("AULA_PEER_ROUNDS", "5"))
REQUESTS = int(os.environ.get("AULA_BENCH_REQUESTS", "300"))  # timed, per side, in all rounds
WARMUP = int(os.environ.get("AULA_BENCH_WARMUP", "50"))  # per side, before the first round
ROUND_WARMUP = 10  # per side, untimed, at the start of each of its rounds
PROFILE_REQUESTS = 200
TARGET_RATIO = 0.5


class PeerUnavailable(Exception):
    pass


class WorkerFailed(Exception):
    pass


# --- the peer's virtualenv -------------------------------------------------------------------


def peer_requirements() -> list[str]:
    """wagtail-lms, pinned with the Wagtail and Django of Aula's .venv: the two sides differ in
    their own code only."""
    try:
        return [
            f"wagtail-lms=={PEER_VERSION}",
            f"wagtail=={version('wagtail')}",
            f"Django=={version('Django')}",
        ]
    except PackageNotFoundError as error:
        raise SystemExit(
            f"run this with Aula's virtualenv (.venv/bin/python bench/peer/run.py): {error}"
        ) from error


def _tail(text: str, lines: int = 15) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def ensure_peer_venv() -> list[str]:
    """Create bench/peer/.venv and install the peer on the first run (or when the pins change)."""
    requirements = peer_requirements()
    wanted = "\n".join(requirements)
    if PEER_PYTHON.exists() and PEER_MARKER.exists() and PEER_MARKER.read_text() == wanted:
        return requirements
    base = shutil.which(BASE_PYTHON)
    if base is None:
        raise PeerUnavailable(f"{BASE_PYTHON} not found: it creates the peer's virtualenv")
    if not PEER_PYTHON.exists():
        print(f"creating the peer's virtualenv: {PEER_VENV.relative_to(REPO)} ({BASE_PYTHON})")
        done = subprocess.run(  # noqa: S603
            [base, "-m", "venv", str(PEER_VENV)], capture_output=True, text=True, check=False
        )
        if done.returncode:
            raise PeerUnavailable(f"{BASE_PYTHON} -m venv failed:\n{_tail(done.stderr)}")
    print(f"installing into it: {' '.join(requirements)} (from PyPI)")
    done = subprocess.run(  # noqa: S603
        [
            str(PEER_PYTHON),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            *requirements,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        raise PeerUnavailable(
            f"pip install {' '.join(requirements)} failed:\n{_tail(done.stderr + done.stdout)}"
        )
    done = subprocess.run(  # noqa: S603
        [str(PEER_PYTHON), "-c", "import django, wagtail, wagtail_lms"],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        raise PeerUnavailable(f"wagtail-lms does not import:\n{_tail(done.stderr)}")
    PEER_MARKER.write_text(wanted)
    return requirements


# --- the two workers -------------------------------------------------------------------------


class Worker:
    """One side's subprocess: its site built once, then commands over its stdin/stdout."""

    def __init__(self, label: str, python: Path | str, script: str, env: dict, log: Path):
        self.label = label
        self.log_path = log
        self.log = log.open("w")
        self.process = subprocess.Popen(  # noqa: S603
            [str(python), str(HERE / script)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.log,
            text=True,
            cwd=REPO,
            env={**os.environ, **env},
        )
        self.info: dict = {}

    def _read(self) -> dict:
        line = self.process.stdout.readline()
        if not line:
            self.process.wait(timeout=30)
            self.log.flush()
            raise WorkerFailed(
                f"the {self.label} worker stopped (exit {self.process.returncode}):\n"
                f"{_tail(self.log_path.read_text(), 25)}"
            )
        reply = json.loads(line)
        if "error" in reply:
            raise WorkerFailed(f"{self.label}: {reply['error']}")
        return reply

    def ready(self) -> dict:
        self.info = self._read()
        return self.info

    def send(self, cmd: str, **fields) -> dict:
        self.process.stdin.write(json.dumps({"cmd": cmd, **fields}) + "\n")
        self.process.stdin.flush()
        return self._read()

    def close(self) -> None:
        if self.process.poll() is None:
            try:
                self.process.stdin.write(json.dumps({"cmd": "quit"}) + "\n")
                self.process.stdin.close()
                self.process.wait(timeout=30)
            except (BrokenPipeError, OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait()
        self.log.close()


# --- figures ---------------------------------------------------------------------------------


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def summarise(rounds: list[dict]) -> dict:
    wall = [ms for one in rounds for ms in one["wall"]]
    cpu = [ms for one in rounds for ms in one["cpu"]]
    return {
        "requests": len(wall),
        "median_ms": statistics.median(wall),
        "p95_ms": percentile(wall, 0.95),
        "cpu_ms": sum(cpu) / len(cpu),
        "cpu_median_ms": statistics.median(cpu),
        "queries": sorted({one["queries"] for one in rounds}),
        "round_medians": [statistics.median(one["wall"]) for one in rounds],
    }


def load_average() -> str:
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def report(
    peer: dict, aula: dict, peer_info: dict, aula_info: dict, loads: tuple, rendered: tuple
) -> float:
    per_round = REQUESTS // ROUNDS
    versions = peer_info["versions"]
    print(
        f"\nA logged-in learner's course page, {aula_info['modules']} lessons/modules "
        f"({aula_info['completed']} completed); Django test client in process (server time "
        "only);\n"
        f"{peer['requests']} timed requests per side in {ROUNDS} rounds of {per_round}, the "
        f"sides in turn (order changed every round; {ROUND_WARMUP} untimed requests before "
        f"each; {WARMUP} warm-up first)."
        f"\nWagtail {versions['wagtail']}, Django {versions['django']} on both sides. Machine: "
        f"{os.cpu_count()} CPUs, load average {loads[0]} before, {loads[1]} after "
        "(other work skews the times).\n"
    )
    header = f"{'':<28} {'median ms':>10} {'p95 ms':>8} {'CPU ms/req':>11} {'queries':>8} {'KB':>5}"
    print(header)
    print("-" * len(header))
    rows = (
        (f"peer (wagtail-lms {versions['wagtail-lms']})", peer, peer_info),
        ("Aula (kept copy)", aula, aula_info),
        ("Aula, rendered every time", *rendered),
    )
    for label, row, info in rows:
        queries = "/".join(str(q) for q in row["queries"])
        print(
            f"{label:<28} {row['median_ms']:>10.2f} {row['p95_ms']:>8.2f} {row['cpu_ms']:>11.2f}"
            f" {queries:>8} {info['bytes'] / 1024:>5.1f}"
        )
    ratio = aula["median_ms"] / peer["median_ms"]
    print(
        f"{'Aula / peer':<28} {ratio:>9.2f}x {aula['p95_ms'] / peer['p95_ms']:>7.2f}x "
        f"{aula['cpu_ms'] / peer['cpu_ms']:>10.2f}x"
    )
    again = rendered[0]
    print(
        f"{'Aula rendered / peer':<28} {again['median_ms'] / peer['median_ms']:>9.2f}x "
        f"{again['p95_ms'] / peer['p95_ms']:>7.2f}x {again['cpu_ms'] / peer['cpu_ms']:>10.2f}x"
    )
    for label, row in (("peer", peer), ("Aula", aula), ("Aula rendered", again)):
        medians = " ".join(f"{ms:.2f}" for ms in row["round_medians"])
        print(f"  median of each round, {label}: {medians}")
    verdict = "met" if ratio <= TARGET_RATIO else "not met"
    print(
        f"\ntarget: ≤ {TARGET_RATIO}× (Aula / peer, median wall ms, as Aula runs in production: "
        f"a learner's repeat view is their kept copy): {ratio:.2f}× ({verdict})"
    )
    return ratio


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--profile", action="store_true", help="also print cProfile's top 15 for Aula's page"
    )
    args = parser.parse_args()
    started = time.perf_counter()
    try:
        requirements = ensure_peer_venv()
    except PeerUnavailable as error:
        print(f"the peer (wagtail-lms {PEER_VERSION}) cannot be installed: {error}")
        return 2

    work = Path(tempfile.mkdtemp(prefix="aula-peer-bench-"))
    workers: list[Worker] = []
    try:
        (work / "peer" / "static").mkdir(parents=True)
        (work / "aula").mkdir()  # bench.run.setup_django adds its static/
        peer = Worker(
            "peer",
            PEER_PYTHON,
            "peer_worker.py",
            {"PEER_BENCH_DIR": str(work / "peer"), "DJANGO_SETTINGS_MODULE": "peer_settings"},
            work / "peer.log",
        )
        workers.append(peer)
        aula = Worker(
            "Aula",
            sys.executable,
            "aula_worker.py",
            {"AULA_BENCH_DIR": str(work / "aula")},
            work / "aula.log",
        )
        workers.append(aula)
        # The same Aula page rendered on every request: the learner's kept copy off
        # (learners/learn/page_cache.py), for what the first view after a change costs.
        (work / "aula-rendered").mkdir()
        rendered = Worker(
            "Aula, rendered",
            sys.executable,
            "aula_worker.py",
            {"AULA_BENCH_DIR": str(work / "aula-rendered"), "AULA_LEARNER_PAGE_CACHE": "0"},
            work / "aula-rendered.log",
        )
        workers.append(rendered)
        for worker in workers:
            worker.ready()
        print(
            f"peer: {' '.join(requirements)} in {PEER_VENV.relative_to(REPO)}; "
            f"both sites built in {time.perf_counter() - started:.0f} s"
        )
        for worker in workers:
            worker.send("warmup", n=WARMUP)

        loads_before = load_average()
        keys = {peer: "peer", aula: "aula", rendered: "aula_rendered"}
        results: dict[str, list[dict]] = {key: [] for key in keys.values()}
        per_round = REQUESTS // ROUNDS
        for number in range(ROUNDS):
            order = workers[number % 3 :] + workers[: number % 3]  # each side first in turn
            for worker in order if number % 2 == 0 else reversed(order):
                worker.send("warmup", n=ROUND_WARMUP)
                results[keys[worker]].append(worker.send("measure", n=per_round))
        loads_after = load_average()

        peer_summary, aula_summary = summarise(results["peer"]), summarise(results["aula"])
        rendered_summary = summarise(results["aula_rendered"])
        ratio = report(
            peer_summary,
            aula_summary,
            peer.info,
            aula.info,
            (loads_before, loads_after),
            rendered=(rendered_summary, rendered.info),
        )
        if args.profile:
            own_code = re.escape(f"{REPO}{os.sep}") + r"(?!\.venv)"
            print(
                f"\ncProfile, Aula's course page, {PROFILE_REQUESTS} requests: Aula's own code "
                "(not .venv) by cumulative time (cProfile roughly doubles the times):"
            )
            print(aula.send("profile", n=PROFILE_REQUESTS, top=15, restrict=own_code)["text"])
            print(
                f"cProfile, same page, everything by own time (tottime), {PROFILE_REQUESTS} "
                "requests:"
            )
            print(aula.send("profile", n=PROFILE_REQUESTS, top=15, sort="tottime")["text"])

        out_dir = REPO / "bench" / "results"
        out_dir.mkdir(exist_ok=True)
        (out_dir / "peer.json").write_text(
            json.dumps(
                {
                    "peer": {**peer_summary, **peer.info},
                    "aula": {**aula_summary, **aula.info},
                    "aula_rendered": {**rendered_summary, **rendered.info},
                    "ratio_median": ratio,
                    "load_average": [loads_before, loads_after],
                    "raw": results,
                },
                indent=1,
            )
        )
        print(f"raw numbers: bench/results/peer.json · total {time.perf_counter() - started:.0f} s")
        return 0
    except WorkerFailed as error:
        print(f"benchmark failed: {error}")
        return 1
    finally:
        for worker in workers:
            worker.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
