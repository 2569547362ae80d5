"""A web process keeps the garbage collector off what it loaded and runs it less often."""

import json

from tests.production.conftest import run_python

# In a process of its own: importing aula.wsgi here would tune the test process's collector.
PROBE = """
import gc, json
default = gc.get_threshold()
import aula.wsgi
print(json.dumps({
    "default": default,
    "thresholds": gc.get_threshold(),
    "wanted": aula.wsgi.GC_THRESHOLDS,
    "frozen": gc.get_freeze_count(),
}))
"""


def test_loading_the_web_application_freezes_what_it_loaded_and_raises_the_thresholds():
    result = run_python(PROBE, {"DJANGO_SETTINGS_MODULE": "aula.settings.dev"})
    assert result.returncode == 0, result.stderr
    state = json.loads(result.stdout.strip().splitlines()[-1])
    assert state["thresholds"] == state["wanted"]
    assert state["thresholds"][0] > 10 * state["default"][0]
    # Django, Wagtail and Aula's own modules: far more than a bare interpreter's few thousand.
    assert state["frozen"] > 50_000
