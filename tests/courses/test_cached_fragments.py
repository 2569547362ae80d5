"""Fragments of course pages cached for every reader (``{% wagtailpagecache %}`` in
templates/courses/course_page.html): fresh after a publish, never in a preview, and never
holding anything personal — a learner's progress, status or enrol form."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.models import CourseLearningOutcome, CoursePage
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    ModulePageFactory,
    build_course,
    learner,
    publish_new,
)


@pytest.fixture
def course(catalogue):
    """Three modules, an outcome and a competency: the content of the cached fragments."""
    course = build_course(catalogue, modules=3, slug="care", title="Care work")
    course.outcomes.create(text="Explain the 5R framework.")
    course.competencies.create(title="Care policy")
    course.save_revision().publish()
    return course


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return response, len(captured)


def test_warm_course_page_skips_the_details_query(client, course, settings):
    """Cold: the cache emptied, the site configuration back in it (a request to /en/). The
    route cache is off: its queries are tests/home/test_route_cache.py's."""
    settings.AULA_ROUTE_CACHE = False
    client.get(course.url)
    _response, warm = _queries(client, course.url)
    cache.clear()
    client.get("/en/")
    _response, cold = _queries(client, course.url)
    # The content fragment (outcomes, competencies and support links: a query each), the
    # outline (a query per page type), the language switcher's links of this page and the
    # course's cohorts (learners.enrolment.selectors.course_cohorts).
    assert cold == warm + 7


def test_publishing_the_course_refreshes_the_cached_content(client, course):
    assert "Explain the 5R framework." in client.get(course.url).content.decode()

    page = CoursePage.objects.get(pk=course.pk)
    page.outcomes = [CourseLearningOutcome(text="Design a care policy.")]
    page.save_revision().publish()

    html = client.get(course.url).content.decode()
    assert "Design a care policy." in html
    assert "Explain the 5R framework." not in html


def test_publishing_a_module_refreshes_the_outline(client, course):
    client.get(course.url)
    publish_new(ModulePageFactory, parent=course, title="Care in the pandemic")
    assert "Care in the pandemic" in client.get(course.url).content.decode()


def test_nothing_personal_is_shared_through_the_cached_content(client, course):
    cohort = CohortFactory(course=course, capacity=10, title="March edition")
    first = learner(email="first@example.org", certificate_name="Primera Persona")
    EnrolmentFactory(learner=first, cohort=cohort, progress_percent=67)
    client.force_login(first)
    mine = client.get(course.url).content.decode()
    assert "Your progress" in mine and "67%" in mine

    other = learner(email="other@example.org")
    client.force_login(other)
    theirs = client.get(course.url).content.decode()
    client.logout()
    visitor = client.get(course.url).content.decode()

    for html in (theirs, visitor):
        assert "Your progress" not in html
        assert "67%" not in html
        assert "Your status" not in html
        assert "first@example.org" not in html and "Primera Persona" not in html
        assert "Explain the 5R framework." in html  # the shared fragment is there
    assert "csrfmiddlewaretoken" not in visitor
