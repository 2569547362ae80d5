"""Instructions per request type, counted by valgrind: `python bench/instructions.py`.

`bench/request_cpu.py` times each request type of the load test in CPU milliseconds, which move
with the machine: from one session's machine to the next by a factor of three, and on one
machine by a fifth within minutes. A change that saves 5 % cannot be told apart that way. This
counts the instructions the web process executes for each request type instead (callgrind's
``Ir``), which are the same from run to run and from machine to machine for the same code and
data (within about 1 % a type when the same requests find the same caches: see below), so two
commits compare by running this on each.

How: this process builds `request_cpu.py`'s data (its throwaway database and settings, its
1,000-learner cohort) and makes `--warmup` of its interleaved rounds natively (310: each of the
300 learners has made each type of request once, so the caches, Redis's and the database's own,
are as a load test's steady state leaves them: the learners' accounts, seats and profiles
kept); then a second Python process, under ``valgrind --tool=callgrind``, signs in as the same
learners (their sessions, not a new login), makes a few uncounted rounds of its own (its
templates compiled, its copies of cached values made: a gunicorn worker that has served a
while; as such a worker, it knows whose session each is, home/sessions.py), and `--rounds`
counted rounds, each request counted alone. A POST's redirect is
followed, as the load test's browser does, and counted as its own type ("page after a POST":
the module page the learner is sent back to). Valgrind counts the Python process only (not
PostgreSQL's and Redis's own work), in user space (not the kernel's share of the system calls).
How many of the counted requests find a cached value that expires with time (a process's copies
after 60 s, a learner's course page after 120 s, a search after 60 s) depends on how fast the
machine runs the rounds: compare runs made on an otherwise idle machine, and look at the
queries and round trips beside the counts.

Printed: per type, millions of instructions per request (mean and the spread of the counted
requests), queries and round trips to Redis (a command or a pipeline: each costs the process
about 0.3 million instructions and a system call); then the mean per request weighted as the
load test's mix (the locust tasks' weights: 1,000 learners, 250 visitors, a learner's POST with
its follow-up GET). Needs valgrind and gcc (a small helper that starts and stops the counting
is compiled into the temporary folder), PostgreSQL and Redis: `DATABASE_URL` and `REDIS_URL`
as for `request_cpu.py` (SQLite and the memory cache cannot be shared by the second process).
Takes about 8 minutes with the defaults on a machine where `make test` takes 4; raw counts go
to `bench/results/instructions.json`.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/aula_perf \\
    REDIS_URL=redis://127.0.0.1:6379/9 .venv/bin/python bench/instructions.py
"""

import argparse
import ctypes
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import request_cpu  # noqa: E402

REPO = request_cpu.REPO
AFTER_POST = "page after a POST"
# The load test's tasks (bench/load/locustfile.py) and their weights; a learner's POST is
# followed by the GET of the page it redirects to.
LEARNER_TASKS = {
    "learner /en/learn/": 3,
    "learner course page": 3,
    "learner module page": 4,
    "quiz submit (POST)": 3,
    "save reflection (POST)": 2,
    "mark complete (POST)": 2,
    "calendar feed .ics": 1,
}
VISITOR_TASKS = {
    "visitor home /en/": 2,
    "visitor catalogue": 2,
    "visitor course page en": 3,
    "visitor course page es": 2,
    "visitor search ?q=care": 1,
}
HELPER_C = r"""
#include <valgrind/callgrind.h>
void aula_toggle(void) { CALLGRIND_TOGGLE_COLLECT; }
void aula_dump(const char *label) { CALLGRIND_DUMP_STATS_AT(label); }
void aula_instrument(void) { CALLGRIND_START_INSTRUMENTATION; }
"""


def arguments(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=6, help="counted rounds (6)")
    parser.add_argument(
        "--warmup",
        type=int,
        default=310,
        help="rounds made natively before counting (310: each of the 300 learners has made"
        " each type of request once, as in a load test's steady state)",
    )
    parser.add_argument(
        "--child-warmup", type=int, default=3, help="uncounted rounds under valgrind (3)"
    )
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


# --- the first process: data, warm-up, then valgrind -----------------------------------------


def prepare(bench_dir: str, warmup: int) -> dict:
    """Builds the data and warms the caches; what the counted process needs to find them."""
    from django.conf import settings

    request_cpu.setup_django(bench_dir)
    data = request_cpu.build()
    sessions = {}

    def login(client, user):
        client.force_login(user)
        sessions[user.pk] = client.cookies[settings.SESSION_COOKIE_NAME].value

    requests = request_cpu.make_requests(data, login=login)
    for round_no in range(warmup):
        for name in request_cpu.ROUND:
            follow_redirect(send(requests[name](round_no)))
    return {
        "course": data["course"].pk,
        "spanish": data["spanish"].pk,
        "catalogue": data["catalogue"].pk,
        "modules": [module.pk for module in data["modules"]],
        "cohort": data["cohort"].pk,
        "tutor": data["tutor"].pk,
        "learners": [user.pk for user in data["learners"]],
        "feeds": {str(key): str(token) for key, token in data["feeds"].items()},
        "sessions": {str(key): value for key, value in sessions.items()},
    }


def send(request):
    """The request (client, method, url, data) made, its status checked."""
    client, method, url, post = request
    response = client.get(url) if method == "get" else client.post(url, post)
    expected = 302 if method == "post" else 200
    assert response.status_code == expected, (url, response.status_code)
    return response


def compile_helper(directory: Path) -> Path:
    source, library = directory / "aula_callgrind.c", directory / "aula_callgrind.so"
    source.write_text(HELPER_C)
    compiler = ["gcc", "-shared", "-fPIC", "-O2", "-o", str(library), str(source)]
    subprocess.run(compiler, check=True)  # noqa: S603, S607 - gcc on our own helper
    return library


def count(bench_dir: str, state: dict, args) -> dict:
    """Runs the counting process under callgrind; {type: [(instructions, queries, round
    trips to Redis), ...]}."""
    directory = Path(bench_dir)
    (directory / "state.json").write_text(json.dumps(state))
    compile_helper(directory)
    out = directory / "callgrind"
    out.mkdir()
    command = [
        "valgrind",
        "--tool=callgrind",
        "--instr-atstart=no",
        "--collect-atstart=no",
        f"--callgrind-out-file={out}/cg.out",
        sys.executable,
        __file__,
        "--child",
        str(directory),
        "--rounds",
        str(args.rounds),
        "--warmup",
        str(args.warmup),
        "--child-warmup",
        str(args.child_warmup),
    ]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    # valgrind on our own interpreter and script, fixed arguments
    subprocess.run(command, check=True, env=env, stderr=subprocess.DEVNULL)  # noqa: S603
    requests = json.loads((directory / "counted.json").read_text())
    samples: dict[str, list] = {}
    for path in sorted(out.glob("cg.out*")):
        label, total = None, None
        with path.open() as lines:
            for line in lines:
                if line.startswith("desc: Trigger: Client Request: "):
                    label = line.split(": ", 3)[3].strip()
                elif line.startswith(("summary: ", "totals: ")):
                    total = int(line.split()[1])
        if label in requests and total is not None:
            name, queries, trips = requests[label]
            samples.setdefault(name, []).append((total, queries, trips))
    return samples


# --- the counted process ---------------------------------------------------------------------


def child(args) -> None:
    directory = args.child
    os.environ["DJANGO_SETTINGS_MODULE"] = request_cpu._settings_module(str(directory))
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection
    from wagtail.models import Page

    from home import sessions

    state = json.loads((directory / "state.json").read_text())
    helper = ctypes.CDLL(str(directory / "aula_callgrind.so"))
    helper.aula_dump.argtypes = [ctypes.c_char_p]
    users = get_user_model().objects.in_bulk(state["learners"] + [state["tutor"]])
    pages = Page.objects.in_bulk([state["course"], state["spanish"], state["catalogue"]])
    module_pages = Page.objects.in_bulk(state["modules"])
    data = {
        "course": pages[state["course"]].specific,
        "spanish": pages[state["spanish"]].specific,
        "catalogue": pages[state["catalogue"]].specific,
        "modules": [module_pages[pk].specific for pk in state["modules"]],
        "cohort": types_namespace(pk=state["cohort"]),
        "tutor": users[state["tutor"]],
        "learners": [users[pk] for pk in state["learners"]],
        "feeds": {int(key): token for key, token in state["feeds"].items()},
    }

    def login(client, user):
        client.cookies[settings.SESSION_COOKIE_NAME] = state["sessions"][str(user.pk)]

    # This process has served each learner before (home/sessions.py remembers whose session it
    # is), as each of the three gunicorn processes has in the load test's steady state: a
    # learner makes about 45 requests in its five minutes.
    for user_id, session_key in state["sessions"].items():
        sessions.signed_in(session_key, user_id)
    requests = request_cpu.make_requests(data, login=login)
    counter = request_cpu.QueryCounter()
    trips = redis_trips()

    def counted(make, name):
        """``make()``, its instructions counted and dumped under a label of their own."""
        label = f"request-{len(counted.requests)}"
        counter.count = trips.count = 0
        helper.aula_toggle()
        response = make()
        helper.aula_toggle()
        helper.aula_dump(label.encode())
        counted.requests[label] = (name, counter.count, trips.count)
        return response

    counted.requests = {}
    first = args.warmup
    with connection.execute_wrapper(counter):
        for round_no in range(first, first + args.child_warmup):
            for name in request_cpu.ROUND:
                follow_redirect(send(requests[name](round_no)))
        helper.aula_instrument()
        for round_no in range(first + args.child_warmup, first + args.child_warmup + args.rounds):
            for name in request_cpu.ROUND:
                request = requests[name](round_no)
                response = counted(lambda request=request: send(request), name)
                if request[1] == "post":
                    counted(lambda response=response: follow_redirect(response), AFTER_POST)
    (directory / "counted.json").write_text(json.dumps(counted.requests))


def redis_trips():
    """Counts the round trips to Redis (a command, or a pipeline) from now on: ``.count``."""
    from redis import client

    trips = types_namespace(count=0)

    def counting(method):
        def call(*args, **kwargs):
            trips.count += 1
            return method(*args, **kwargs)

        return call

    client.Redis.execute_command = counting(client.Redis.execute_command)
    client.Pipeline.execute = counting(client.Pipeline.execute)
    return trips


def types_namespace(**values):
    import types

    return types.SimpleNamespace(**values)


def follow_redirect(response):
    """The GET a browser makes after a POST's redirect (any other response: nothing)."""
    if response.status_code != 302:
        return None
    followed = response.client.get(response["Location"])
    assert followed.status_code == 200, (response["Location"], followed.status_code)
    return followed


# --- the report ------------------------------------------------------------------------------


def summarise(samples: dict) -> dict:
    results = {}
    for name, rows in samples.items():
        totals = [total for total, _queries, _trips in rows]
        results[name] = {
            "requests": len(rows),
            "instructions_m": statistics.fmean(totals) / 1e6,
            "min_m": min(totals) / 1e6,
            "max_m": max(totals) / 1e6,
            "queries": statistics.fmean(row[1] for row in rows),
            "redis": statistics.fmean(row[2] for row in rows),
        }
    return results


def load_mix(results: dict) -> float:
    """Millions of instructions per request, weighted as the load test's requests."""
    learners = sum(
        weight * results[name]["instructions_m"] for name, weight in LEARNER_TASKS.items()
    )
    posts = sum(weight for name, weight in LEARNER_TASKS.items() if "POST" in name)
    learners += posts * results[AFTER_POST]["instructions_m"]
    learner_requests = sum(LEARNER_TASKS.values()) + posts
    visitors = sum(
        weight * results[name]["instructions_m"] for name, weight in VISITOR_TASKS.items()
    )
    learner_rate = request_cpu.LEARNER_USERS / sum(LEARNER_TASKS.values())
    visitor_rate = request_cpu.VISITOR_USERS / sum(VISITOR_TASKS.values())
    total = learner_rate * learners + visitor_rate * visitors
    requests = learner_rate * learner_requests + visitor_rate * sum(VISITOR_TASKS.values())
    return total / requests


def report(results: dict, args) -> None:
    print(
        f"\nInstructions per request type (callgrind, the web process only); {args.rounds}"
        f" counted rounds after {args.warmup} native and {args.child_warmup} uncounted ones.\n"
    )
    header = (
        f"{'request type':<26} {'M instr':>8} {'min':>8} {'max':>8} {'queries':>8} {'Redis':>6}"
    )
    print(header)
    print("-" * len(header))
    order = [*LEARNER_TASKS, AFTER_POST, *VISITOR_TASKS, *request_cpu.TUTOR_TYPES]
    for name in order:
        row = results[name]
        print(
            f"{name:<26} {row['instructions_m']:8.2f} {row['min_m']:8.2f} {row['max_m']:8.2f}"
            f" {row['queries']:8.1f} {row['redis']:6.1f}"
        )
    print(
        f"\nmillions of instructions per request, weighted as the load test's mix: "
        f"{load_mix(results):.2f}"
    )


def main(argv=None) -> int:
    args = arguments(argv)
    if args.child:
        child(args)
        return 0
    if not (os.environ.get("DATABASE_URL") and os.environ.get("REDIS_URL")):
        raise SystemExit("set DATABASE_URL (PostgreSQL) and REDIS_URL: see the docstring")
    for tool in ("valgrind", "gcc"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is not installed (apt-get install -y {tool})")
    started = time.perf_counter()
    bench_dir = tempfile.mkdtemp(prefix="aula-instructions-")
    try:
        state = prepare(bench_dir, args.warmup)
        print(f"data built and {args.warmup} rounds made in {time.perf_counter() - started:.0f} s")
        from django.db import connections

        connections.close_all()  # the counting process has the database to itself
        results = summarise(count(bench_dir, state, args))
        report(results, args)
        out_dir = REPO / "bench" / "results"
        out_dir.mkdir(exist_ok=True)
        results["load mix instructions_m"] = load_mix(results)
        (out_dir / "instructions.json").write_text(json.dumps(results, indent=2))
        elapsed = time.perf_counter() - started
        print(f"raw counts: bench/results/instructions.json · total {elapsed:.0f} s")
    finally:
        try:
            request_cpu.teardown()
        finally:
            shutil.rmtree(bench_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
