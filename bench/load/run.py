"""The load test: `python bench/load/run.py` (or `make bench-load`), against a running stack.

1. Checks that the stack answers (``/health/``, or ``/en/`` where there is no health check) and
   prints the load average: figures count only on a quiet machine (below 1 before the run).
2. Runs bench/load/prepare.py (learners, their sessions, the tutor: see its docstring) with this
   process's environment, which must be the server's (database, cache, secret key).
3. Checks one learner's session on the server (200 on /en/learn/, not a redirect to the login)
   and whether the server sends the ``Server-Timing`` header (``AULA_SERVER_TIMING=1``).
4. Runs locust headless (bench/load/locustfile.py): by default 1,251 users (1,000 learners,
   250 visitors, 1 tutor), ramped up over 60 s, for 5 minutes; and prints per request type the
   requests, req/s, errors, median, p95 and p99 ms and the server CPU ms per request, then the
   overall req/s and p95, and how much CPU locust itself used.

``--saturation`` steps the user count up instead (200, 400, … 2,000 users; a separate locust run
per step, its ramp-up left out of the figures with ``--reset-stats``) and prints req/s and p95
per step and the req/s at which p95 crosses 500 ms. Beside locust's p95 of the step, "steady" is
the p95 of the requests sent ``--settle`` seconds (15) or more after the ramp-up: the first
requests of users all starting at once, on server processes just started, can otherwise be a
step's slowest 5 % at loads the server handles easily.

Results: bench/results/load-<mode>-<time>.json and load-<mode>-latest.json (git-ignored), with
locust's CSV files beside them. Options and their environment variables: ``--help``.
"""

import argparse
import csv
import json
import math
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
RESULTS = REPO / "bench" / "results"
PYTHON = sys.executable
LOCUST = [PYTHON, "-m", "locust"]
P95_LIMIT_MS = 500.0
STOP_ABOVE_MS = 3000.0  # saturation: no further step once p95 is past this
DEFAULT_STEPS = "200,400,600,800,1000,1250,1500,2000"


def env(name: str, default: str) -> str:
    return os.environ.get(name) or default


def seconds(text: str) -> int:
    """``300``, ``300s``, ``5m``, ``1h30m`` → seconds."""
    text, total, number = str(text).strip().lower(), 0, ""
    for char in text:
        if char.isdigit():
            number += char
        elif char in "hms" and number:
            total += int(number) * {"h": 3600, "m": 60, "s": 1}[char]
            number = ""
        else:
            raise argparse.ArgumentTypeError(f"not a duration: {text!r}")
    return total + int(number or 0)


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Aula's load test (locust) against a stack.")
    add = parser.add_argument
    add("--host", default=env("LOAD_HOST", "http://127.0.0.1:8000"), help="LOAD_HOST")
    add(
        "--users",
        type=int,
        default=int(env("LOAD_USERS", "1251")),
        help="LOAD_USERS: all simulated people, 4 learners to 1 visitor and 1 tutor (1251)",
    )
    add(
        "--learners",
        type=int,
        default=int(env("LOAD_LEARNERS", "1000")),
        help="LOAD_LEARNERS: learners prepared in the cohort (1000); more learner users share them",
    )
    add("--duration", type=seconds, default=env("LOAD_DURATION", "5m"), help="LOAD_DURATION (5m)")
    add("--ramp", type=seconds, default=env("LOAD_RAMP", "60"), help="LOAD_RAMP: ramp-up s (60)")
    add(
        "--processes",
        type=int,
        default=int(env("LOAD_PROCESSES", "1")),
        help="LOAD_PROCESSES: locust worker processes, when one core cannot generate the load",
    )
    add("--saturation", action="store_true", help="step the users up (MODE=saturation)")
    add("--steps", default=env("LOAD_STEPS", DEFAULT_STEPS), help="LOAD_STEPS: users per step")
    add(
        "--step-duration",
        type=seconds,
        default=env("LOAD_STEP_DURATION", "75"),
        help="LOAD_STEP_DURATION: measured seconds per step, after its ramp-up (75)",
    )
    add(
        "--settle",
        type=seconds,
        default=env("LOAD_SETTLE", "15"),
        help="LOAD_SETTLE: seconds after the ramp-up before a request counts in the steady p95",
    )
    add(
        "--step-rate",
        type=float,
        default=float(env("LOAD_STEP_RATE", "50")),
        help="LOAD_STEP_RATE: users started per second in a saturation step (50)",
    )
    add("--skip-prepare", action="store_true", help="use the sessions file as it is")
    add(
        "--stack",
        choices=["serve", "env"],
        default=env("LOAD_STACK", "serve"),
        help="LOAD_STACK: the environment prepare.py runs with: 'serve' (default) is what "
        "bin/serve (`make serve`) gives the stack, its defaults unless set here, the secret key "
        "from .serve/secret-key; 'env' is this process's environment as it is",
    )
    add(
        "--env-file",
        default=os.environ.get("LOAD_ENV_FILE"),
        help="LOAD_ENV_FILE: KEY=VALUE lines added to the environment of prepare.py "
        "(the server's settings, database, cache and secret key)",
    )
    add("--sessions", type=Path, default=HERE / "sessions.json", help="prepare.py's JSON file")
    return parser.parse_args(argv)


# --- before the run ---------------------------------------------------------------------------


def fetch(url: str, *, cookie: str | None = None, timeout: float = 10.0):
    """(status, headers, body) of a GET that does not follow redirects."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(url)  # noqa: S310 (http(s) URL given by the operator)
    if cookie:
        request.add_header("Cookie", cookie)
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def check_stack(host: str) -> None:
    base = host.rstrip("/")
    try:
        status, _headers, body = fetch(f"{base}/health/", timeout=15)
        if status == 404:
            status, _headers, body = fetch(f"{base}/en/", timeout=30)
            what = "/en/ (no /health/ here)"
        else:
            what = "/health/"
    except OSError as error:
        sys.exit(f"The stack at {base} does not answer ({error}). Start it first: `make serve`.")
    if status != 200:
        sys.exit(f"The stack at {base} is not healthy: {what} answered {status}: {body[:300]!r}")
    print(f"stack: {base} is up ({what} 200)")


def report_load() -> float:
    one, five, fifteen = os.getloadavg()
    print(f"machine: {os.cpu_count()} CPUs, load average {one:.2f} {five:.2f} {fifteen:.2f}")
    if one >= 1:
        bar = "!" * 78
        print(
            f"{bar}\n!! The load average is {one:.2f} (≥ 1): something else is running on this "
            "machine.\n!! The figures of this run do NOT count: run it again on a quiet "
            f"machine.\n{bar}"
        )
    return one


def env_from_file(path: str | None) -> dict[str, str]:
    if not path:
        return {}
    values = {}
    for line in Path(path).read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, value = line.removeprefix("export ").split("=", 1)
            values[key.strip()] = value.strip().strip("'\"")
    return values


def serve_environment(host: str) -> dict[str, str]:
    """The environment bin/serve gives the stack (`make serve`): its defaults, unless this
    process sets them; the secret key it generated, from its state directory."""
    get = os.environ.get
    values = {
        "DJANGO_SETTINGS_MODULE": get("AULA_SERVE_SETTINGS", "aula.settings.serve"),
        "DATABASE_URL": get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/aula"),
        "REDIS_URL": get("REDIS_URL", "redis://127.0.0.1:6379/0"),
        "CELERY_BROKER_URL": get("CELERY_BROKER_URL", "redis://127.0.0.1:6379/1"),
        "ALLOWED_HOSTS": get("ALLOWED_HOSTS", "127.0.0.1,localhost"),
        "AULA_PUBLIC_URL": get("AULA_PUBLIC_URL", host.rstrip("/")),
        "EMAIL_BACKEND": get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"),
    }
    state = Path(get("AULA_SERVE_STATE", str(REPO / ".serve")))
    signing_key = state / "credential-key.pem"  # bin/serve generates it as it does the secret
    given = get("AULA_CREDENTIAL_SIGNING_KEY") or get("AULA_CREDENTIAL_SIGNING_KEY_FILE")
    if not given and signing_key.is_file():
        values["AULA_CREDENTIAL_SIGNING_KEY_FILE"] = str(signing_key.resolve())
    secret = get("SECRET_KEY")
    key_file = state / "secret-key"
    if not secret and key_file.is_file():
        secret = key_file.read_text().strip()
    if not secret:
        sys.exit(
            f"No SECRET_KEY and no {key_file}: start the stack with `make serve` first (it writes"
            " the key there), or set SECRET_KEY as the server has it."
        )
    values["SECRET_KEY"] = secret
    return values


def prepare(args) -> None:
    environment = dict(os.environ)
    if args.stack == "serve":
        environment.update(serve_environment(args.host))
    environment.update(env_from_file(args.env_file))
    print(
        f"prepare: settings {environment.get('DJANGO_SETTINGS_MODULE')}, database "
        f"{environment.get('DATABASE_URL', '(default)').rsplit('@', 1)[-1]}"
    )
    command = [PYTHON, str(HERE / "prepare.py"), "--learners", str(args.learners)]
    command += ["--out", str(args.sessions)]
    subprocess.run(command, env=environment, check=True, cwd=REPO)  # noqa: S603


def preflight(args, data: dict) -> bool:
    """A learner's session works on this server; True when it sends Server-Timing."""
    base = args.host.rstrip("/")
    session = data["learners"][0]["session"]
    status, headers, _body = fetch(
        base + data["dashboard_url"], cookie=f"{data['session_cookie']}={session}", timeout=60
    )
    if status != 200:
        where = headers.get("Location", "")
        sys.exit(
            f"A prepared learner session is refused: {data['dashboard_url']} answered {status} "
            f"{where}. prepare.py must run with the server's settings, database, cache and "
            "secret key: --stack serve (the default) for `make serve`; otherwise --stack env with"
            " DJANGO_SETTINGS_MODULE, DATABASE_URL, REDIS_URL and SECRET_KEY exported as the "
            "server has them, or --env-file."
        )
    timing = headers.get("Server-Timing")
    if not timing:
        print(
            "note: the server sends no Server-Timing header: start it with AULA_SERVER_TIMING=1 "
            "to get the server CPU per request (that column stays empty)."
        )
    print(f"preflight: a learner's session is valid ({data['dashboard_url']} 200)")
    return bool(timing)


# --- one locust run ---------------------------------------------------------------------------


def run_locust(args, *, users: int, rate: float, run_time: int, prefix: Path, reset: bool):
    """Run locust headless; returns (stats rows by name, failures, cpu samples, usage)."""
    cpu_dir = Path(tempfile.mkdtemp(prefix="aula-load-cpu-"))
    command = [
        *LOCUST,
        "-f",
        str(HERE / "locustfile.py"),
        "--headless",
        "--host",
        args.host,
        "-u",
        str(users),
        "-r",
        f"{rate:g}",
        "-t",
        f"{run_time}s",
        "--stop-timeout",
        "10",
        "--csv",
        str(prefix),
        "--only-summary",
        "--exit-code-on-error",
        "0",
        "--loglevel",
        "WARNING",
    ]
    if reset:
        command.append("--reset-stats")
    if args.processes > 1:
        command += ["--processes", str(args.processes)]
    environment = {
        **os.environ,
        "LOAD_SESSIONS": str(args.sessions),
        "LOAD_CPU_DIR": str(cpu_dir),
        "LOAD_PROCESSES": str(max(1, args.processes)),
        "LOAD_RESET_CPU": "1" if reset else "0",
        "LOAD_SETTLE": str(args.settle),
    }
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    log = prefix.with_name(prefix.name + ".log")
    with log.open("w") as output:
        result = subprocess.run(command, env=environment, cwd=REPO, stdout=output, stderr=output)  # noqa: S603
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        print(log.read_text()[-3000:])
        sys.exit(f"locust exited with {result.returncode} (log: {log})")
    used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    usage = {
        "cpu_s": used,
        "wall_s": wall,
        "processes": max(1, args.processes),
        "core_share": used / wall if wall else 0.0,
    }
    samples = {"cpu": {}, "app": {}, "kept": {}, "missing": 0, "steady": []}
    for path in cpu_dir.glob("cpu-*.json"):
        part = json.loads(path.read_text())
        samples["missing"] += part.get("missing", 0)
        samples["steady"].extend(part.get("steady", []))
        for name, outcomes in part.get("kept", {}).items():
            for outcome, (count, cpu_ms) in outcomes.items():
                merged = samples["kept"].setdefault(name, {}).setdefault(outcome, [0, 0.0])
                merged[0] += count
                merged[1] += cpu_ms
        for kind in ("cpu", "app"):
            for name, values in part.get(kind, {}).items():
                samples[kind].setdefault(name, []).extend(values)
    shutil.rmtree(cpu_dir, ignore_errors=True)
    return read_stats(prefix), read_failures(prefix), samples, usage


def read_stats(prefix: Path) -> dict[str, dict]:
    rows = {}
    with open(f"{prefix}_stats.csv", newline="") as handle:
        for row in csv.DictReader(handle):
            rows[row["Name"]] = {
                "method": row["Type"],
                "requests": int(row["Request Count"]),
                "failures": int(row["Failure Count"]),
                "rps": float(row["Requests/s"]),
                "median_ms": float(row["Median Response Time"] or 0),
                "mean_ms": float(row["Average Response Time"] or 0),
                "p95_ms": float(row["95%"] or 0) if row["95%"] != "N/A" else None,
                "p99_ms": float(row["99%"] or 0) if row["99%"] != "N/A" else None,
                "max_ms": float(row["Max Response Time"] or 0),
            }
    return rows


def read_failures(prefix: Path) -> list[dict]:
    try:
        with open(f"{prefix}_failures.csv", newline="") as handle:
            return [
                {"name": r["Name"], "error": r["Error"], "count": int(r["Occurrences"])}
                for r in csv.DictReader(handle)
            ]
    except FileNotFoundError:
        return []


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def cpu_summary(samples: dict) -> dict[str, dict]:
    summary = {}
    for name, values in samples["cpu"].items():
        app = samples["app"].get(name, [])
        summary[name] = {
            "samples": len(values),
            "cpu_mean_ms": statistics.fmean(values),
            "cpu_p95_ms": percentile(values, 0.95),
            "app_mean_ms": statistics.fmean(app) if app else None,
        }
    every = [v for values in samples["cpu"].values() for v in values]
    if every:
        summary["Aggregated"] = {
            "samples": len(every),
            "cpu_mean_ms": statistics.fmean(every),
            "cpu_p95_ms": percentile(every, 0.95),
            "app_mean_ms": None,
        }
    return summary


def ms(value) -> str:
    return "–" if value is None else f"{value:,.0f}" if value >= 100 else f"{value:.1f}"


def print_table(stats: dict, cpu: dict, failures: list, usage: dict, *, measured_s: int) -> None:
    header = (
        f"{'request type':<36} {'requests':>8} {'req/s':>7} {'errors':>7} "
        f"{'median':>7} {'p95':>7} {'p99':>7} {'cpu ms':>7} {'cpu p95':>7}"
    )
    print(f"\n{header}\n{'-' * len(header)}")
    names = sorted(name for name in stats if name != "Aggregated")
    for name in [*names, "Aggregated"]:
        row = stats.get(name)
        if row is None:
            continue
        server = cpu.get(name, {})
        label = "all requests" if name == "Aggregated" else name
        if name == "Aggregated":
            print("-" * len(header))
        print(
            f"{label:<36} {row['requests']:>8,} {row['rps']:>7.1f} {row['failures']:>7,} "
            f"{ms(row['median_ms']):>7} {ms(row['p95_ms']):>7} {ms(row['p99_ms']):>7} "
            f"{ms(server.get('cpu_mean_ms')):>7} {ms(server.get('cpu_p95_ms')):>7}"
        )
    total = stats.get("Aggregated", {})
    print(
        f"\noverall: {total.get('rps', 0):.1f} req/s, p95 {ms(total.get('p95_ms'))} ms, "
        f"{total.get('failures', 0):,} errors in {total.get('requests', 0):,} requests "
        f"({measured_s} s measured). Times in ms; cpu = server CPU per request (Server-Timing)."
    )
    if failures:
        print("\nerrors:")
        for failure in sorted(failures, key=lambda f: -f["count"]):
            print(f"  {failure['count']:>6,} × {failure['name']}: {failure['error'][:150]}")
    per_process = usage["core_share"] / usage["processes"]
    print(
        f"\nlocust itself: {usage['cpu_s']:.0f} CPU s in {usage['wall_s']:.0f} s, "
        f"{100 * usage['core_share']:.0f}% of one core over {usage['processes']} process(es)"
    )
    if per_process > 0.7:
        print(
            "  warning: a locust process used over 70% of a core: the generator may be the limit;"
            " use --processes 2 (LOAD_PROCESSES) or a second machine."
        )


# --- the two modes ----------------------------------------------------------------------------


def steady(args, data: dict, stamp: str) -> dict:
    rate = max(1.0, args.users / max(1, args.ramp))
    print(
        f"\nlocust: {args.users:,} users ({composition(args.users)}), ramp-up {args.ramp} s "
        f"({rate:.1f}/s), {args.duration} s in all, think time 3-10 s"
    )
    prefix = RESULTS / f"load-steady-{stamp}"
    stats, failures, samples, usage = run_locust(
        args, users=args.users, rate=rate, run_time=args.duration, prefix=prefix, reset=False
    )
    cpu = cpu_summary(samples)
    print_table(stats, cpu, failures, usage, measured_s=args.duration)
    if not any(module["complete_url"] for module in data["modules"]):
        print(
            "  (no “mark complete” POST: every module of the course has a quiz, and a module"
            " with a quiz is completed by passing it (the quiz POST); the page offers no"
            " “mark complete” form there)"
        )
    if samples["missing"]:
        print(f"  ({samples['missing']:,} responses had no Server-Timing header)")
    print_kept(samples["kept"])
    return {
        "stats": stats,
        "server_cpu": cpu,
        "kept": samples["kept"],
        "failures": failures,
        "locust": usage,
    }


KEPT_OUTCOMES = {
    "copy": "their kept copy",
    "part": "their part rendered again",
    "page": "rendered whole",
    "chrome": "made from the shared rest",
}


def print_kept(kept: dict) -> None:
    """What the learners' page cache gave (the server's ``kept`` in Server-Timing): requests and
    mean server CPU of each outcome, per request type."""
    if not kept:
        return
    print("\nlearners' kept pages (learners/learn/page_cache.py):")
    for name in sorted(kept):
        shown = []
        for outcome, label in KEPT_OUTCOMES.items():
            count, cpu_ms = kept[name].get(outcome, (0, 0.0))
            if count:
                shown.append(f"{count:,} {label} ({cpu_ms / count:.1f} ms)")
        print(f"  {name}: " + ", ".join(shown))


def saturation(args, data: dict, stamp: str) -> dict:
    steps = [int(step) for step in args.steps.split(",") if step.strip()]
    print(
        f"\nsaturation: steps of {', '.join(map(str, steps))} users; each a locust run that "
        f"starts {args.step_rate:g} users/s and then measures {args.step_duration} s"
    )
    header = (
        f"{'users':>6} {'req/s':>7} {'p95 ms':>7} {'steady':>7} {'median':>7} {'errors':>7}"
        f" {'cpu ms':>7} {'locust':>7}"
    )
    print(f"\n{header}\n{'-' * len(header)}")
    rows = []
    for users in steps:
        ramp = math.ceil(users / args.step_rate)
        prefix = RESULTS / f"load-saturation-{stamp}-{users}"
        stats, failures, samples, usage = run_locust(
            args,
            users=users,
            rate=args.step_rate,
            run_time=ramp + args.step_duration,
            prefix=prefix,
            reset=True,
        )
        total = stats["Aggregated"]
        cpu = cpu_summary(samples).get("Aggregated", {})
        steady = sorted(samples["steady"])
        row = {
            "users": users,
            "rps": total["rps"],
            "p95_ms": total["p95_ms"],
            "steady_p95_ms": percentile(steady, 0.95) if steady else None,
            "steady_requests": len(steady),
            "median_ms": total["median_ms"],
            "failures": total["failures"],
            "requests": total["requests"],
            "cpu_mean_ms": cpu.get("cpu_mean_ms"),
            "cpu_samples": cpu.get("samples", 0),
            "locust_core_share": usage["core_share"],
            "stats": stats,
        }
        rows.append(row)
        print(
            f"{users:>6,} {row['rps']:>7.1f} {ms(row['p95_ms']):>7} "
            f"{ms(row['steady_p95_ms']):>7} {ms(row['median_ms']):>7} "
            f"{row['failures']:>7,} {ms(row['cpu_mean_ms']):>7} "
            f"{100 * usage['core_share'] / usage['processes']:>6.0f}%"
        )
        if (row["steady_p95_ms"] or row["p95_ms"] or 0) > STOP_ABOVE_MS:
            print(f"  (p95 above {STOP_ABOVE_MS:.0f} ms: no further steps)")
            break
    crossing = p95_crossing(rows)
    steady = p95_crossing(rows, "steady_p95_ms")
    print(f"\n{crossing['text']}\n{steady['text']}")
    return {"steps": rows, "crossing": crossing, "steady_crossing": steady}


def p95_crossing(rows: list[dict], key: str = "p95_ms") -> dict:
    """The req/s at which p95 (``key``: locust's, or the steady one) crosses P95_LIMIT_MS,
    interpolated between the two steps around it."""
    label = "steady p95" if key == "steady_p95_ms" else "p95"
    below = None
    for row in rows:
        p95 = row.get(key) or 0
        if p95 > P95_LIMIT_MS:
            if below is None:
                return {
                    "rps": None,
                    "text": f"{label} was over {P95_LIMIT_MS:.0f} ms from the first step "
                    f"({row['users']} users, {row['rps']:.1f} req/s)",
                }
            before = below.get(key) or 0
            share = (P95_LIMIT_MS - before) / (p95 - before)
            rps = below["rps"] + share * (row["rps"] - below["rps"])
            return {
                "rps": rps,
                "text": f"{label} crosses {P95_LIMIT_MS:.0f} ms at about {rps:.0f} req/s (between "
                f"{below['users']} users, {below['rps']:.1f} req/s, {label} {ms(before)} ms "
                f"and {row['users']} users, {row['rps']:.1f} req/s, {label} {ms(p95)} ms)",
            }
        below = row
    last = rows[-1] if rows else None
    return {
        "rps": None,
        "text": f"{label} stayed under {P95_LIMIT_MS:.0f} ms up to the last step"
        + (f" ({last['users']} users, {last['rps']:.1f} req/s)" if last else ""),
    }


def composition(users: int) -> str:
    rest = max(0, users - 1)
    learners = round(rest * 4 / 5)
    return f"≈{learners:,} learners, {rest - learners:,} visitors, 1 tutor"


def main(argv=None) -> int:
    args = parse_args(argv)
    args.sessions = args.sessions.resolve()
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    check_stack(args.host)
    load_before = report_load()
    if not args.skip_prepare:
        prepare(args)
    data = json.loads(args.sessions.read_text())
    timing = preflight(args, data)
    mode = "saturation" if args.saturation else "steady"
    result = saturation(args, data, stamp) if args.saturation else steady(args, data, stamp)
    one, five, fifteen = os.getloadavg()
    out = {
        "mode": mode,
        "host": args.host,
        "started": stamp,
        "cpus": os.cpu_count(),
        "load_average_before": load_before,
        "load_average_after": [one, five, fifteen],
        "counts": load_before < 1,
        "server_timing": timing,
        "users": args.users,
        "learners_prepared": len(data["learners"]),
        "duration_s": args.duration,
        "ramp_s": args.ramp,
        "processes": args.processes,
        **result,
    }
    for name in (f"load-{mode}-{stamp}.json", f"load-{mode}-latest.json"):
        (RESULTS / name).write_text(json.dumps(out, indent=2))
    print(f"\nresults: bench/results/load-{mode}-{stamp}.json (and locust's CSV files beside it)")
    if load_before >= 1:
        print(f"(load average was {load_before:.2f} before the run: these figures do not count)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
