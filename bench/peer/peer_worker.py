"""The peer's side of ``bench/peer/run.py``; runs in ``bench/peer/.venv`` (wagtail-lms).

Migrates a throwaway SQLite database (``PEER_BENCH_DIR``), builds a course page with 12 H5P
lesson pages (rich text; the lesson type that carries content without a SCORM package), a user
enrolled in the course (``CourseEnrollment``) who completed the first few lessons
(``H5PLessonCompletion``), logs the user in with Django's test client and serves the course
page through Wagtail, answering the runner's commands (``timing.py``).
"""

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from timing import protocol_channel, serve_commands  # noqa: E402

LESSONS = int(os.environ.get("PEER_LESSONS", "12"))
COMPLETED = int(os.environ.get("PEER_COMPLETED", "5"))


def build():
    from django.contrib.auth import get_user_model
    from wagtail.models import Site
    from wagtail_lms.models import (
        CourseEnrollment,
        CoursePage,
        H5PLessonCompletion,
        H5PLessonPage,
    )

    def publish(parent, page):
        parent.add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        return page

    home = Site.objects.get(is_default_site=True).root_page
    course = publish(
        home,
        CoursePage(
            title="Decent work in the care economy",
            slug="care-economy",
            description="<p>A short professional course on the care economy.</p>",
        ),
    )
    lessons = [
        publish(
            course,
            H5PLessonPage(
                title=f"Lesson {n + 1}",
                slug=f"lesson-{n + 1}",
                intro="<p>Why care work counts.</p>",
                body=[("paragraph", "<h2>Why care work counts</h2>" + "<p>Care work.</p>" * 6)],
            ),
        )
        for n in range(LESSONS)
    ]
    user = get_user_model().objects.create_user(
        username="learner", email="learner@example.org", password=None
    )
    CourseEnrollment.objects.create(user=user, course=course)
    for lesson in lessons[:COMPLETED]:
        H5PLessonCompletion.objects.create(user=user, lesson=lesson)
    return user, course


def main() -> None:
    channel = protocol_channel()
    os.environ["DJANGO_SETTINGS_MODULE"] = "peer_settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0, interactive=False)
    user, course = build()
    client = Client()
    client.force_login(user)

    def check(response):
        html = response.content.decode()
        assert "Enrolled:" in html, "the course page does not show the enrolment"
        assert html.count('class="lms-lesson-list__link"') == LESSONS, "not every lesson listed"
        assert html.count("lms-lesson-list__item--completed") == COMPLETED, "wrong completions"

    from importlib.metadata import version

    import wagtail

    info = {
        "versions": {
            "wagtail-lms": version("wagtail-lms"),
            "wagtail": wagtail.__version__,
            "django": django.__version__,
        },
        "lessons": LESSONS,
        "completed": COMPLETED,
    }
    serve_commands(channel, client, course.url, check, info)


if __name__ == "__main__":
    main()
