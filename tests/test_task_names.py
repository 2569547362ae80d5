"""Every Celery task has an explicit, stable ``name=``: queued messages and the beat schedule
refer to tasks by name, so moving a task to another module must not orphan them."""

import ast
from pathlib import Path

from django.conf import settings

from aula.celery import app

REPO = Path(__file__).resolve().parent.parent
APPS = ("aula", "home", "courses", "learners", "search")


def task_decorators():
    for app_dir in APPS:
        for path in (REPO / app_dir).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not isinstance(node, ast.FunctionDef):
                    continue
                for decorator in node.decorator_list:
                    func = getattr(decorator, "func", decorator)
                    if getattr(func, "id", getattr(func, "attr", None)) == "shared_task":
                        yield path.relative_to(REPO), node.name, decorator


def test_every_task_names_itself():
    found = list(task_decorators())
    assert found
    for path, function, decorator in found:
        keywords = {k.arg: k.value for k in getattr(decorator, "keywords", [])}
        assert "name" in keywords, f"{path}: {function} has no explicit name="
        assert isinstance(keywords["name"], ast.Constant)
        assert keywords["name"].value.endswith(f".{function}")


def test_beat_schedule_names_registered_tasks():
    app.loader.import_default_modules()
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        assert entry["task"] in app.tasks, entry["task"]
