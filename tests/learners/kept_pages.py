"""Helpers of the kept-page tests (test_kept_course_page.py, test_kept_module_page.py,
test_kept_dashboard.py)."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from courses.models import CoursePage
from tests.factories import CohortFactory, EnrolmentFactory, build_course

# Queries of a kept page: the session (database sessions here; cached_db in production; the
# account and the view restrictions, which Wagtail checks before, come from the cache).
KEPT_QUERIES = 1


def view(client, url) -> tuple[str, int]:
    """The page's HTML and the number of queries it took (it must answer 200)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(captured)


def kept(client, url) -> str:
    """The page twice after a first view (which sets the CSRF cookie): the second is kept."""
    client.get(url)
    view(client, url)
    html, queries = view(client, url)
    assert queries == KEPT_QUERIES
    return html


def published_course(catalogue, **options):
    """ "Care work", three modules (and ``options`` for build_course), published."""
    course = build_course(catalogue, modules=3, slug="care", title="Care work", **options)
    course.save_revision().publish()
    return CoursePage.objects.get(pk=course.pk)


def march_seat(course):
    """A learner's seat in the course's "March edition"."""
    return EnrolmentFactory(cohort=CohortFactory(course=course, title="March edition"))


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def modules_of(course):
    return list(course.get_children().specific().order_by("path"))
