"""Query counts of the public pages, pinned at two sizes: they must not grow with the content.

Where the course page's 13 queries go (anonymous visitor, page cache off):
  Wagtail routing: 1 site, 2 active locale, 3 home page (specific), 4-5 catalogue (page, then
  specific), 6 course (CourseIndexPage.route: one query) · view restrictions: 7 ancestors,
  8 restrictions · 9 outline (modules and sessions joined in one query, private pages excluded
  in the same query) · 10 site settings · 11 language switcher (translations) · 12 outcomes ·
  13 competencies.
A module page: routing 1-6 as above, 7 module (CoursePage.route: one query, specific fields
joined), 8-9 view restrictions, 10 site settings, 11 language switcher; its course comes from
routing, no query.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import CoursePageFactory, LiveSessionPageFactory, build_course

COURSE_PAGE_QUERIES = 13
SENSITIVE_COURSE_PAGE_QUERIES = COURSE_PAGE_QUERIES + 1  # support links
MODULE_PAGE_QUERIES = 11
LIVE_SESSION_PAGE_QUERIES = MODULE_PAGE_QUERIES + 1  # speakers
CATALOGUE_QUERIES = 11


def warm(client, url):
    """One request first: Wagtail caches the site root paths and content types per process."""
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(("modules", "sessions"), [(4, 0), (40, 0), (4, 2), (40, 10)])
def test_course_page_queries_do_not_grow_with_its_outline(
    client, catalogue, django_assert_num_queries, modules, sessions
):
    course = build_course(catalogue, modules=modules, sessions=sessions, slug="course")
    warm(client, course.url)

    with django_assert_num_queries(COURSE_PAGE_QUERIES):
        response = client.get(course.url)

    assert response.status_code == 200
    assert len(response.context["outline"]) == modules + sessions


@pytest.mark.parametrize("modules", [4, 40])
def test_sensitive_course_page_queries_do_not_grow_with_its_outline(
    client, catalogue, django_assert_num_queries, modules
):
    course = build_course(
        catalogue,
        modules=modules,
        slug="sensitive",
        is_sensitive=True,
        content_note="<p>This course discusses violence at work.</p>",
    )
    warm(client, course.url)

    with django_assert_num_queries(SENSITIVE_COURSE_PAGE_QUERIES):
        response = client.get(course.url)

    assert 'class="quick-exit"' in response.content.decode()


@pytest.mark.parametrize("siblings", [4, 40])
def test_module_page_queries_do_not_grow_with_its_siblings(
    client, catalogue, django_assert_num_queries, siblings
):
    course = build_course(catalogue, modules=siblings, sessions=2, slug="course")
    module = course.get_children().last()
    warm(client, module.url)

    with django_assert_num_queries(MODULE_PAGE_QUERIES):
        response = client.get(module.url)

    assert response.status_code == 200
    assert response.context["course"] == course


@pytest.mark.parametrize("siblings", [4, 40])
def test_live_session_page_queries_do_not_grow_with_its_siblings(
    client, catalogue, django_assert_num_queries, siblings
):
    course = build_course(catalogue, modules=siblings, slug="course")
    session = LiveSessionPageFactory(parent=course, title="Closing session")
    warm(client, session.url)

    with django_assert_num_queries(LIVE_SESSION_PAGE_QUERIES):
        response = client.get(session.url)

    assert response.status_code == 200


@pytest.mark.parametrize("courses", [4, 20])
def test_catalogue_queries_do_not_grow_with_its_courses(
    client, catalogue, django_assert_num_queries, courses
):
    for n in range(courses):
        CoursePageFactory(parent=catalogue, slug=f"course-{n}")
    warm(client, catalogue.url)

    with django_assert_num_queries(CATALOGUE_QUERIES):
        response = client.get(catalogue.url)

    assert response.status_code == 200
    assert response.context["courses"].paginator.count == courses


@pytest.mark.parametrize("courses", [4, 20])
def test_filtered_catalogue_queries_do_not_grow_with_its_courses(
    client, catalogue, django_assert_num_queries, courses
):
    for n in range(courses):
        CoursePageFactory(parent=catalogue, slug=f"course-{n}")
    warm(client, catalogue.url)

    with django_assert_num_queries(CATALOGUE_QUERIES):
        response = client.get(
            catalogue.url, {"topic": "care-economy", "format": "blended", "language": "en"}
        )

    assert response.context["courses"].paginator.count == courses


def test_cached_course_page_needs_no_query(client, catalogue, settings):
    settings.AULA_PAGE_CACHE_SECONDS = 600
    cache.clear()
    course = build_course(catalogue, modules=4, slug="cached")
    warm(client, course.url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(course.url)
    cache.clear()
    assert response["X-Aula-Cache"] == "hit"
    assert len(queries) == 0
