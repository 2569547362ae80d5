"""Where one request type of the load test spends its time: cProfile over the requests of that
type, made as `bench/request_cpu.py` makes them (its data, settings and interleaved rounds).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/aula_perf REDIS_URL=redis://127.0.0.1:6379/9 \\
      .venv/bin/python bench/profile_request.py dashboard
    .venv/bin/python bench/profile_request.py quiz --after      # the GET after the redirect
    .venv/bin/python bench/profile_request.py "module page" --callees module_state

The request type is any unique part of a name in `request_cpu.ROUND` ("dashboard" stands for
"learner /en/learn/"). Every round makes one request of each type, as in request_cpu, so the
caches are in the state the load test leaves them; only the chosen type is profiled, and only
after the warm-up (`--warmup` rounds: by default enough for each of the 300 learners to have
made a request of that type once, so that what a session asks once is asked). With `--after`,
the GET a browser makes after a POST's redirect (the load test's "module page after a POST") is
profiled instead of the POST (those of the other types are not followed, as in request_cpu).

Printed: CPU ms per profiled request (`time.process_time()`, inflated by the profiler: compare
runs of this script, not with request_cpu's figures), queries per request, the functions by
cumulative and by own time, and the callees or callers of any function asked for. `--output`
writes the raw profile for pstats or snakeviz. cProfile measures wall time: waits on the
database and Redis are in it.
"""

import argparse
import cProfile
import io
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import request_cpu  # noqa: E402

ALIASES = {"dashboard": "learner /en/learn/"}


def request_type(text: str) -> str:
    text = ALIASES.get(text, text)
    names = sorted(set(request_cpu.ROUND))
    matches = [name for name in names if text in name]
    if len(matches) != 1:
        listed = "\n  ".join(names)
        found = "several" if matches else "none"
        raise SystemExit(f"{text!r} names {found} of the request types:\n  {listed}")
    return matches[0]


def arguments(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("type", help='a unique part of a request type\'s name ("quiz")')
    parser.add_argument("--rounds", type=int, default=300, help="profiled rounds (300)")
    parser.add_argument(
        "--warmup", type=int, default=310, help="rounds before profiling starts (310)"
    )
    parser.add_argument(
        "--after", action="store_true", help="profile the GET after a POST's redirect"
    )
    parser.add_argument("--top", type=int, default=40, help="functions listed per order (40)")
    parser.add_argument("--callees", action="append", default=[], metavar="FUNCTION")
    parser.add_argument("--callers", action="append", default=[], metavar="FUNCTION")
    parser.add_argument("--output", type=Path, help="write the raw profile to this file")
    return parser.parse_args(argv)


def profile(requests, chosen: str, *, rounds: int, warmup: int, after: bool):
    """(cProfile.Profile, CPU ms per profiled request, queries per profiled request)."""
    from django.db import connection

    profiler = cProfile.Profile()
    counter = request_cpu.QueryCounter()
    cpu_total, queries, profiled = 0.0, 0, 0

    def send(measured: bool, make_request, *args):
        """The request; profiled and counted when ``measured``."""
        nonlocal cpu_total, queries, profiled
        if not measured:
            return make_request(*args)
        counter.count, started = 0, time.process_time()
        profiler.enable()
        response = make_request(*args)
        profiler.disable()
        cpu_total += time.process_time() - started
        queries += counter.count
        profiled += 1
        return response

    with connection.execute_wrapper(counter):
        for round_no in range(warmup + rounds):
            for name in request_cpu.ROUND:
                client, method, url, post = requests[name](round_no)
                measured = name == chosen and round_no >= warmup
                if method == "get":
                    response = send(measured, client.get, url)
                    assert response.status_code == 200, (name, url, response.status_code)
                    continue
                response = send(measured and not after, client.post, url, post)
                assert response.status_code == 302, (name, url, response.status_code)
                if after and name == chosen:  # as the load test's browser does
                    followed = send(measured, client.get, response["Location"])
                    assert followed.status_code == 200, (name, response["Location"])
    if not profiled:
        raise SystemExit(f"no request of {chosen!r} was profiled")
    return profiler, 1000 * cpu_total / profiled, queries / profiled


def main(argv=None) -> int:
    args = arguments(argv)
    chosen = request_type(args.type)
    if args.after and "POST" not in chosen:
        raise SystemExit("--after is for a POST's request type")
    bench_dir = tempfile.mkdtemp(prefix="aula-profile-")
    try:
        request_cpu.setup_django(bench_dir)
        data = request_cpu.build()
        requests = request_cpu.make_requests(data)
        profiler, cpu_ms, queries = profile(
            requests, chosen, rounds=args.rounds, warmup=args.warmup, after=args.after
        )
    finally:
        try:
            request_cpu.teardown()
        finally:
            shutil.rmtree(bench_dir, ignore_errors=True)
    what = f"the GET after {chosen}" if args.after else chosen
    print(f"{what}: {args.rounds} requests after {args.warmup} warm-up rounds")
    print(f"{cpu_ms:.2f} ms CPU a request under the profiler, {queries:.1f} queries")
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    stats.sort_stats("cumulative").print_stats(args.top)
    stats.sort_stats("tottime").print_stats(args.top)
    for name in args.callees:
        stats.print_callees(name)
    for name in args.callers:
        stats.print_callers(name)
    print(out.getvalue())
    if args.output:
        profiler.dump_stats(args.output)
        print(f"raw profile: {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
