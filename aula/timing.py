"""Server CPU per request, for the load test (bench/load/): a ``Server-Timing`` header.

Opt-in: aula/settings/base.py puts ``ServerTimingMiddleware`` first in MIDDLEWARE only when the
environment has ``AULA_SERVER_TIMING=1``, so it measures the whole request (every other
middleware, the view, the templates, the page cache). It adds

    Server-Timing: cpu;dur=<ms>, app;dur=<ms>[, kept;desc=copy|part|page|chrome]

``cpu`` is the CPU time this thread spent on the request (``time.thread_time()``: with gunicorn's
threaded workers other requests' threads are not counted); ``app`` is the wall time from the
first middleware in to the response out, so ``app - cpu`` is time spent waiting (database,
Redis, another thread holding the GIL). Neither counts the database server's own CPU, nor the
WSGI server's work before and after Django, nor a streamed body produced after the response
leaves the middleware (the tutor's CSV and Excel exports). ``kept``, on a signed-in learner's
/learn/, course or module page (learners/learn/page_cache.py), says whether they got their
kept copy, that copy with their own part rendered again, the whole page rendered, or the page
made from the rest that learners share with their own part and discussion panel.

It tells anyone who can read the response how long the server worked on it: leave it off in
production.
"""

import time


class ServerTimingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        cpu_started = time.thread_time()
        wall_started = time.perf_counter()
        response = self.get_response(request)
        cpu_ms = (time.thread_time() - cpu_started) * 1000
        wall_ms = (time.perf_counter() - wall_started) * 1000
        timing = f"cpu;dur={cpu_ms:.2f}, app;dur={wall_ms:.2f}"
        kept = getattr(request, "aula_kept", None)
        if kept:
            timing = f"{timing}, kept;desc={kept}"
        existing = response.get("Server-Timing")
        response["Server-Timing"] = f"{existing}, {timing}" if existing else timing
        return response
