"""The load test's Server-Timing header (aula/timing.py): CPU and wall milliseconds of the whole
request, only when AULA_SERVER_TIMING=1 puts the middleware first in MIDDLEWARE."""

import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client, override_settings

TIMING = "aula.timing.ServerTimingMiddleware"
HEADER = re.compile(r"^cpu;dur=\d+\.\d{2}, app;dur=\d+\.\d{2}$")


def middleware_in_subprocess(value: str | None) -> list[str]:
    code = "import json; from aula.settings import dev as s; print(json.dumps(s.MIDDLEWARE))"
    env = {k: v for k, v in os.environ.items() if k != "AULA_SERVER_TIMING"}
    if value is not None:
        env["AULA_SERVER_TIMING"] = value
    result = subprocess.run(  # noqa: S603 (our own interpreter, fixed code)
        [sys.executable, "-c", code], env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_environment_variable_puts_the_middleware_first():
    on = middleware_in_subprocess("1")
    assert on[0] == TIMING
    assert on[1:] == middleware_in_subprocess(None)
    assert TIMING not in middleware_in_subprocess(None)
    assert TIMING not in middleware_in_subprocess("0")


def test_header_present_when_on(client, site_tree):
    with override_settings(MIDDLEWARE=[TIMING, *settings.MIDDLEWARE]):
        page = client.get("/en/")
        missing = client.get("/calendar/no-such-token.ics")
    assert page.status_code == 200
    assert HEADER.match(page["Server-Timing"]), page["Server-Timing"]
    cpu, wall = (float(part.split("dur=")[1]) for part in page["Server-Timing"].split(", "))
    assert cpu > 0
    assert wall > 0
    # Every response gets it, errors too.
    assert missing.status_code == 404
    assert HEADER.match(missing["Server-Timing"])


def test_header_absent_when_off(client, site_tree):
    assert TIMING not in settings.MIDDLEWARE
    page = client.get("/en/")
    assert page.status_code == 200
    assert "Server-Timing" not in page


@pytest.mark.django_db
def test_a_learners_page_says_what_their_page_cache_gave(catalogue):
    from tests.factories import CohortFactory, EnrolmentFactory, build_course
    from tests.learners.test_progress import post_quiz, quiz_module

    course = build_course(catalogue, modules=1, title="Decent work in the care economy")
    module = quiz_module(course)
    seat = EnrolmentFactory(cohort=CohortFactory(course=course))
    reader = Client()
    reader.force_login(seat.learner)
    with override_settings(MIDDLEWARE=[TIMING, *settings.MIDDLEWARE]):
        first = reader.get(module.url)["Server-Timing"]
        second = reader.get(module.url)["Server-Timing"]
        post_quiz(reader, module, {1: [1], 2: [1, 2]})
        after_answer = reader.get(module.url)["Server-Timing"]
        outline = reader.get(course.url)["Server-Timing"]
        dashboard = [reader.get("/en/learn/")["Server-Timing"] for _view in range(3)]
    assert first.endswith(", kept;desc=page")
    assert second.endswith(", kept;desc=copy")
    assert after_answer.endswith(", kept;desc=part")
    assert outline.endswith(", kept;desc=page")
    # /learn/: the first view creates the learner's calendar address; the views after it kept
    assert dashboard[1].endswith(", kept;desc=page")
    assert dashboard[2].endswith(", kept;desc=copy")


def test_the_load_report_lists_what_the_page_cache_gave(capsys):
    path = Path(settings.BASE_DIR) / "bench" / "load" / "run.py"
    spec = importlib.util.spec_from_file_location("aula_load_run", path)
    load_run = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(load_run)
    load_run.print_kept(
        {"learner: module page": {"copy": [3, 1.5], "page": [1, 12.0], "part": [2, 15.0]}}
    )
    out = capsys.readouterr().out
    assert (
        "learner: module page: 3 their kept copy (0.5 ms), 2 their part rendered again (7.5 ms),"
        " 1 rendered whole (12.0 ms)"
    ) in out
