"""The load test's simulated people (locust): run by `bench/load/run.py`, or by hand with
`locust -f bench/load/locustfile.py --host http://127.0.0.1:8000` after `bench/load/prepare.py`.

Three kinds of user, 3-10 s of think time between two actions (``between(3, 10)``):

- ``Learner`` (weight 4): logged in with a session prepared by prepare.py (its cookie set
  directly; the CSRF cookie and the form's token come from the pages it GETs, as in a
  browser). Opens /en/learn/, the course page, a module; submits the module's quiz (mostly
  right answers) and saves a reflection, each a POST with the CSRF token of the module page it
  is on, followed by the GET of the page it is redirected to, as a browser would; marks a
  module complete (a POST, only on modules without a quiz: the module page offers the form
  only there); reads its calendar feed (/calendar/<token>.ics).
- ``Visitor`` (weight 1: one per four learners): anonymous; the home page, the catalogue,
  course pages in English and Spanish, search.
- ``Tutor`` (exactly one): pages through the cohort's learner table, 100 rows a page.

Every request is named by its type (``name=``), so locust's statistics are per type. A
response counts as an error unless it is a 2xx; a redirect is an error too, except the 302 a
POST answers with (and a redirect to the login page is always an error: the session is not
valid on this server).

Server CPU: with ``AULA_SERVER_TIMING=1`` on the server, every response carries
``Server-Timing: cpu;dur=<ms>, app;dur=<ms>`` (aula/timing.py); each locust process keeps the
values per request type and writes them to ``$LOAD_CPU_DIR/cpu-<pid>.json`` when it stops, and
run.py reports their mean and 95th percentile.

Environment: ``LOAD_SESSIONS`` (the JSON file prepare.py wrote, default bench/load/sessions.json),
``LOAD_CPU_DIR`` (where to write the server CPU samples; unset: not written), ``LOAD_PROCESSES``
(the number of locust worker processes, so that each process takes its own learners).
"""

import itertools
import json
import os
import random
import re
import time
from http.cookiejar import Cookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from locust import FastHttpUser, between, events, task

HERE = Path(__file__).resolve().parent
DATA = json.loads(Path(os.environ.get("LOAD_SESSIONS", HERE / "sessions.json")).read_text())
PROCESSES = max(1, int(os.environ.get("LOAD_PROCESSES", "1") or 1))
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
REFLECTIONS = [
    "<p>At home my mother did most of the care work, and nobody called it work.</p>",
    "In my ministry, inspectors rarely ask who cares for the workers' children.",
    "<p>I will <strong>share</strong> this with my team:</p><ul><li>recognise</li>"
    "<li>reduce</li><li>redistribute</li></ul>",
]
MODULES = DATA["modules"]
QUIZ_MODULES = [m for m in MODULES if m["quiz"]]
REFLECTION_MODULES = [m for m in MODULES if m["reflection"]]
COMPLETE_MODULES = [m for m in MODULES if m["complete_url"]]
VISITOR = DATA["visitor"]
_learner_numbers = itertools.count()


# --- requests and their verdicts --------------------------------------------------------------


def cookie(host: str, name: str, value: str) -> Cookie:
    """A cookie the jar sends to ``host`` (http.cookiejar's name for a dotless host)."""
    domain = host if "." in host else f"{host}.local"
    return Cookie(
        0,
        name,
        value,
        None,
        False,
        domain,
        False,
        False,
        "/",
        True,
        False,
        None,
        True,
        None,
        None,
        {},
    )


class AulaUser(FastHttpUser):
    abstract = True
    wait_time = between(3, 10)
    # A slow answer is a measurement, not a failure: wait as long as the server takes.
    network_timeout = 120.0
    connection_timeout = 30.0

    def login_with(self, session_key: str) -> None:
        host = urlsplit(self.host).hostname
        self.client.cookiejar.set_cookie(cookie(host, DATA["session_cookie"], session_key))

    def get(self, url: str, name: str):
        """GET that must answer 2xx; returns the response (or None when it failed)."""
        with self.client.get(
            url, name=name, allow_redirects=False, catch_response=True
        ) as response:
            if 200 <= response.status_code < 300:
                response.success()
                return response
            response.failure(self._why(response))
        return None

    def post(self, url: str, name: str, fields: list[tuple[str, str]], page: str):
        """POST a form from ``page`` as a browser does (the page's CSRF token, Origin, Referer,
        repeated fields for several answers): it must answer a redirect that is not to the
        login page. Returns the path it redirects to, or None when it failed."""
        base = self.host.rstrip("/")
        headers = {
            "Origin": base,
            "Referer": base + page,
            "Content-Type": "application/x-www-form-urlencoded",
        }
        body = urlencode([("csrfmiddlewaretoken", self.token or ""), *fields])
        with self.client.post(
            url, name=name, data=body, headers=headers, allow_redirects=False, catch_response=True
        ) as response:
            location = response.headers.get("Location") or response.headers.get("location")
            if response.status_code in (302, 303) and location and not _to_login(location):
                response.success()
                return urlsplit(location).path
            response.failure(self._why(response))
        return None

    @staticmethod
    def _why(response) -> str:
        location = response.headers.get("Location") or response.headers.get("location")
        if location and _to_login(location):
            return f"{response.status_code} to the login page: the session is not valid here"
        if location:
            return f"{response.status_code} redirect to {urlsplit(location).path}"
        return f"HTTP {response.status_code}"


def _to_login(location: str) -> bool:
    return "/accounts/login/" in location


# --- the people ------------------------------------------------------------------------------


class Learner(AulaUser):
    weight = 4

    def on_start(self):
        rows = DATA["learners"]
        # Each locust process takes every PROCESSES-th learner, from its own offset, so two
        # processes never start with the same account (past the list they share, round robin).
        worker = getattr(self.environment.runner, "worker_index", 0) or 0
        number = worker + PROCESSES * next(_learner_numbers)
        self.me = rows[number % len(rows)]
        self.login_with(self.me["session"])
        self.module = None
        self.token = None
        # Where a learner starts: the module they were on (sets the CSRF cookie and token).
        self.open_module(random.choice(MODULES))

    def open_module(self, module, name="learner: module page"):
        response = self.get(module["url"], name)
        if response is not None:
            self.module = module
            match = CSRF_INPUT.search(response.text or "")
            self.token = match.group(1) if match else None
        return response

    def on_page_with(self, modules: list):
        """The module page the learner is on if it has the form, else one that has (opened)."""
        if self.module in modules and self.token:
            return self.module
        module = random.choice(modules)
        return module if self.open_module(module) is not None and self.token else None

    def follow(self, path: str | None) -> None:
        """The GET a browser makes after the POST's redirect (messages, new state)."""
        if path is None:
            return
        if path == self.module["url"]:
            self.open_module(self.module, "learner: module page after a POST")
        else:
            self.get(path, "learner: page after a POST")

    @task(3)
    def dashboard(self):
        self.get(DATA["dashboard_url"], "learner: /learn/ dashboard")

    @task(3)
    def course_page(self):
        self.get(DATA["course"]["url"], "learner: course page")

    @task(4)
    def module_page(self):
        self.open_module(random.choice(MODULES))

    @task(3)
    def submit_quiz(self):
        if not QUIZ_MODULES:
            return
        module = self.on_page_with(QUIZ_MODULES)
        if module is None:
            return
        quiz = module["quiz"]
        answers = quiz["right"] if random.random() < 0.8 else quiz["wrong"]
        fields = [("block_id", quiz["block_id"])]
        for question, chosen in answers.items():
            fields.extend((question, str(choice)) for choice in chosen)
        self.follow(self.post(quiz["url"], "learner: quiz POST", fields, module["url"]))

    @task(2)
    def save_reflection(self):
        if not REFLECTION_MODULES:
            return
        module = self.on_page_with(REFLECTION_MODULES)
        if module is None:
            return
        reflection = module["reflection"]
        fields = [("block_id", reflection["block_id"]), ("text", random.choice(REFLECTIONS))]
        self.follow(self.post(reflection["url"], "learner: reflection POST", fields, module["url"]))

    @task(2)
    def mark_complete(self):
        if not COMPLETE_MODULES:
            return  # every module has a quiz: passing it is how a module is completed
        module = self.on_page_with(COMPLETE_MODULES)
        if module is None:
            return
        self.follow(
            self.post(module["complete_url"], "learner: mark complete POST", [], module["url"])
        )

    @task(1)
    def calendar_feed(self):
        self.get(self.me["feed_url"], "learner: calendar feed .ics")


class Visitor(AulaUser):
    weight = 1

    @task(2)
    def home_page(self):
        self.get(random.choice(VISITOR["home"]), "visitor: home page")

    @task(2)
    def catalogue(self):
        self.get(random.choice(VISITOR["catalogue"]), "visitor: catalogue")

    @task(3)
    def course_en(self):
        self.get(random.choice(VISITOR["courses_en"]), "visitor: course page (en)")

    @task(2)
    def course_es(self):
        self.get(random.choice(VISITOR["courses_es"]), "visitor: course page (es)")

    @task(1)
    def search(self):
        self.get(random.choice(VISITOR["search"]), "visitor: search")


class Tutor(AulaUser):
    fixed_count = 1
    sorts = ["", "", "-progress", "activity", "country"]

    def on_start(self):
        tutor = DATA["tutor"]
        self.login_with(tutor["session"])
        self.page = 0
        self.get(tutor["dashboard_url"], "tutor: dashboard")

    @task
    def next_page(self):
        tutor = DATA["tutor"]
        self.page = self.page % tutor["pages"] + 1
        sort = random.choice(self.sorts)
        query = f"?page={self.page}" + (f"&sort={sort}" if sort else "")
        self.get(tutor["cohort_url"] + query, "tutor: cohort table, 100 rows")


# --- server CPU per request type (the Server-Timing header) ----------------------------------

_cpu: dict[str, list[float]] = {}
_app: dict[str, list[float]] = {}
_missing = {"count": 0}
# Response times of the requests started once the ramp-up is over plus LOAD_SETTLE seconds
# (saturation steps): the first requests of users all starting at once, on a server whose
# processes are cold, would otherwise be a step's slowest 5 %.
_steady: list[float] = []
_spawned = {"at": None}
TIMING = re.compile(r"\b(cpu|app);dur=([0-9.]+)")
KEPT = re.compile(r"\bkept;desc=(\w+)")
# {request type: {what the learner's page cache gave: [requests, server CPU ms]}}
_kept: dict[str, dict[str, list[float]]] = {}


@events.request.add_listener
def _server_timing(name, response=None, exception=None, response_time=None, **_kwargs):
    settle = float(os.environ.get("LOAD_SETTLE", "0") or 0)
    spawned = _spawned["at"]
    if spawned is not None and response_time is not None:
        started = time.time() - response_time / 1000
        if started >= spawned + settle:
            _steady.append(response_time)
    if response is None or not getattr(response, "headers", None):
        return
    header = response.headers.get("Server-Timing") or response.headers.get("server-timing")
    if not header:
        _missing["count"] += 1
        return
    timings = dict(TIMING.findall(header))
    for metric, value in timings.items():
        (_cpu if metric == "cpu" else _app).setdefault(name, []).append(float(value))
    kept = KEPT.search(header)
    if kept:
        counts = _kept.setdefault(name, {}).setdefault(kept.group(1), [0, 0.0])
        counts[0] += 1
        counts[1] += float(timings.get("cpu", 0))


@events.spawning_complete.add_listener
def _reset_with_stats(user_count, **_kwargs):
    # --reset-stats (the saturation steps) drops the ramp-up from locust's figures: and here.
    _spawned["at"] = time.time()
    if os.environ.get("LOAD_RESET_CPU") == "1":
        _cpu.clear()
        _app.clear()
        _kept.clear()
        _missing["count"] = 0


def _write_samples(**_kwargs):
    directory = os.environ.get("LOAD_CPU_DIR")
    if not directory or not (_cpu or _missing["count"]):
        return
    path = Path(directory) / f"cpu-{os.getpid()}.json"
    path.write_text(
        json.dumps(
            {
                "cpu": _cpu,
                "app": _app,
                "kept": _kept,
                "missing": _missing["count"],
                "steady": _steady,
            }
        )
    )


events.test_stop.add_listener(_write_samples)
events.quitting.add_listener(_write_samples)
