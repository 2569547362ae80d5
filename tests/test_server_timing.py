"""The load test's Server-Timing header (aula/timing.py): CPU and wall milliseconds of the whole
request, only when AULA_SERVER_TIMING=1 puts the middleware first in MIDDLEWARE."""

import json
import os
import re
import subprocess
import sys

from django.conf import settings
from django.test import override_settings

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
