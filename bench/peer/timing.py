"""The measurement loop both workers run (stdlib and Django only: it runs in either virtualenv).

A worker builds its site, then answers commands from ``bench/peer/run.py``, one JSON object a
line on stdin, with one JSON object a line on its own copy of stdout (everything else the
process prints goes to stderr, which the runner keeps in a log file):

- ``{"cmd": "warmup", "n": N}``: N untimed GETs;
- ``{"cmd": "measure", "n": N}``: one GET under CaptureQueriesContext (its query count), then
  N timed GETs: wall milliseconds (``time.perf_counter``) and CPU milliseconds of this process
  (``time.process_time``) per request;
- ``{"cmd": "profile", "n": N, "top": K, "sort": ..., "restrict": ...}``: N GETs under
  cProfile, the top K entries (optionally only those whose "file:line(function)" matches the
  regular expression ``restrict``);
- ``{"cmd": "quit"}``.
"""

import cProfile
import io
import json
import os
import pstats
import sys
import time


def protocol_channel():
    """A private copy of stdout for the protocol; fd 1 then points at stderr, so migrations,
    warnings and prints cannot corrupt the protocol stream."""
    channel = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    return channel


def serve_commands(channel, client, url: str, check, info: dict) -> None:
    """Answer the runner's commands until "quit" or end of input. ``check(response)`` raises
    when the page is not the one being measured (wrong user, lost enrolment, error page)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def get():
        response = client.get(url)
        if response.status_code != 200:
            raise AssertionError(f"GET {url}: {response.status_code}")
        return response

    first = get()
    check(first)
    channel.write(json.dumps({"ready": True, "url": url, "bytes": len(first.content), **info}))
    channel.write("\n")

    for line in sys.stdin:
        command = json.loads(line)
        name, count = command["cmd"], command.get("n", 0)
        if name == "quit":
            break
        if name == "warmup":
            for _ in range(count):
                get()
            reply = {"ok": True}
        elif name == "measure":
            with CaptureQueriesContext(connection) as captured:
                response = get()
            queries = len(captured)  # read now: the next request resets the query log
            check(response)
            wall, cpu = [], []
            for _ in range(count):
                cpu_start = time.process_time()
                wall_start = time.perf_counter()
                client.get(url)
                wall_end = time.perf_counter()
                cpu_end = time.process_time()
                wall.append((wall_end - wall_start) * 1000)
                cpu.append((cpu_end - cpu_start) * 1000)
            reply = {"wall": wall, "cpu": cpu, "queries": queries}
        elif name == "profile":
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(count):
                client.get(url)
            profiler.disable()
            out = io.StringIO()
            stats = pstats.Stats(profiler, stream=out)
            stats.sort_stats(command.get("sort", "cumulative"))
            # "restrict": a regular expression on "file:line(function)", applied before "top".
            restrictions = [command["restrict"]] if command.get("restrict") else []
            stats.print_stats(*restrictions, command.get("top", 15))
            reply = {"text": out.getvalue()}
        else:
            reply = {"error": f"unknown command {name!r}"}
        channel.write(json.dumps(reply) + "\n")
