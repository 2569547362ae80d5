"""Aula's side of ``bench/peer/run.py``; runs in Aula's own ``.venv``.

As ``bench/run.py`` does: ``bench/settings.py`` on a throwaway SQLite file in ``AULA_BENCH_DIR``
(never db.sqlite3), migrated, content from ``tests/factories.py``. Builds a course of 12 modules
(the bench's module body: text, a callout, a three-question quiz, a reflection) with three
cohorts; the learner is enrolled in one of them (``learners.enrolment.services.enrol``, as the enrol
button does) beside a few other learners, and passed the quizzes of the first modules
(``learners.progress.services.submit_quiz``, which completes those modules and updates the rollups).
The page cache is on as in production (600 s); it does not serve logged-in learners (their
session cookie bypasses it). Their own kept copy of the course page (learners/learn/page_cache.py)
serves every request after the first, unless ``AULA_LEARNER_PAGE_CACHE=0``, when Wagtail renders
every request. Logs the learner in with
Django's test client and answers the runner's commands (``timing.py``).
"""

import os
import sys
from datetime import timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))

from timing import protocol_channel, serve_commands  # noqa: E402

MODULES = int(os.environ.get("PEER_LESSONS", "12"))
COMPLETED = int(os.environ.get("PEER_COMPLETED", "5"))
PAGE_CACHE_SECONDS = 600  # production's default (AULA_PAGE_CACHE_SECONDS)


def build():
    from django.utils import timezone

    from bench.run import MODULE_BODY
    from learners.enrolment import services as enrolment
    from learners.progress import services as progress
    from tests.factories import (
        CohortFactory,
        CoursePageFactory,
        ModulePageFactory,
        build_site,
        learner,
    )

    tree = build_site()
    course = CoursePageFactory(
        parent=tree.catalogue, title="Decent work in the care economy", slug="care-economy"
    )
    course.outcomes.create(text="Explain the 5R framework.")
    course.competencies.create(title="Care policy")
    modules = [
        ModulePageFactory(parent=course, title=f"Module {n + 1}", body=MODULE_BODY)
        for n in range(MODULES)
    ]
    today = timezone.localdate()
    cohorts = [
        CohortFactory(
            course=course,
            title=f"{name} edition",
            capacity=30,
            starts_on=today + timedelta(days=start),
            ends_on=today + timedelta(days=start + 60),
        )
        for name, start in (("March", -30), ("June", 60), ("Andean", 120))
    ]
    me = learner(email="bench-learner@example.org")
    seat = enrolment.enrol(learner=me, cohort=cohorts[0])
    for n, cohort in enumerate(cohorts):
        for m in range(4):
            enrolment.enrol(learner=learner(email=f"other-{n}-{m}@example.org"), cohort=cohort)
    for module in modules[:COMPLETED]:
        quiz = next(block for block in module.body if block.block_type == "quiz")
        answers = {1: {1}, 2: {1}, 3: {1}}  # the first choice is the right one
        progress.submit_quiz(enrolment=seat, module=module, block_id=quiz.id, answers=answers)
    seat.refresh_from_db()
    assert seat.modules_done == COMPLETED, (seat.status, seat.modules_done)
    return me, course


def main() -> None:
    channel = protocol_channel()
    import tempfile

    from bench.run import setup_django

    bench_dir = os.environ.get("AULA_BENCH_DIR") or tempfile.mkdtemp(prefix="aula-peer-bench-")
    setup_django(bench_dir)
    from django.test import Client
    from django.test.utils import override_settings

    me, course = build()
    override_settings(AULA_PAGE_CACHE_SECONDS=PAGE_CACHE_SECONDS).enable()
    client = Client()
    client.force_login(me)

    def check(response):
        html = response.content.decode()
        assert 'id="course-progress"' in html, "the course page does not show the progress"
        assert html.count('class="outline__item"') == MODULES, "not every module listed"
        assert response.get("X-Aula-Cache") is None, "served from the page cache"

    import django
    import wagtail

    info = {
        "versions": {"wagtail": wagtail.__version__, "django": django.__version__},
        "modules": MODULES,
        "completed": COMPLETED,
    }
    serve_commands(channel, client, course.url, check, info)


if __name__ == "__main__":
    main()
