"""Query counts of the public pages, pinned at two sizes: they must not grow with the content.

Anonymous visitor, page cache off, every page requested once before (warm). Routing (the site,
the locale and each page of the path) comes with the route from the cache (home/serving.py;
tests/home/test_route_cache.py pins what it spares), and so do the outline, the site settings,
the language switcher's links and a course's cohorts (home.cache.remember); the outcomes,
competencies and support links from the page's cached content fragment ({% wagtailpagecache
%}, keyed by its last publish), except on a sensitive course, whose content note lists the
support links on every view (3 more). The view restrictions on the page or any ancestor come
with the route too (BasePage.keep_view_restrictions), so a course or module page takes no query.
A live session page asks for its speakers and scheduled slots; the catalogue, the count and page
of its courses and its own catalogue; the home page, its catalogue, the newest courses and the
next public live sessions (none here; tests/home/test_home_page.py pins it with sessions, chosen
courses and organisations).
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.factories import CoursePageFactory, LiveSessionPageFactory, build_course

# Course content renders here without any learner; access to modules is tested in
# tests/learners/test_module_access.py.
pytestmark = pytest.mark.usefixtures("modules_open")

# Warm: the outcomes and competencies come from the cached content fragment
# (tests/courses/test_cached_fragments.py pins what a cold cache adds).
COURSE_PAGE_QUERIES = 0
# The content note lists the support links: outcomes, competencies and support links (3 more).
SENSITIVE_COURSE_PAGE_QUERIES = COURSE_PAGE_QUERIES + 3
MODULE_PAGE_QUERIES = 0
# Its speakers and its scheduled slots (live_tags).
LIVE_SESSION_PAGE_QUERIES = MODULE_PAGE_QUERIES + 2
CATALOGUE_QUERIES = 2
HOME_PAGE_QUERIES = 3


def warm(client, url):
    """One request first: Wagtail caches the site root paths and content types per process,
    and Aula the outline, site settings and switcher links (home.cache.remember)."""
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


@pytest.mark.parametrize("courses", [4, 20])
def test_home_page_queries_do_not_grow_with_the_catalogue(
    client, site_tree, django_assert_num_queries, courses
):
    for n in range(courses):
        CoursePageFactory(parent=site_tree.catalogue, slug=f"course-{n}")
    warm(client, site_tree.home.url)

    with django_assert_num_queries(HOME_PAGE_QUERIES):
        response = client.get(site_tree.home.url)

    assert response.context["catalogue"] == site_tree.catalogue


@pytest.mark.parametrize("route_cache", [True, False])
@pytest.mark.parametrize("level", ["catalogue", "course"])
def test_a_restriction_on_the_way_is_checked_on_every_view_in_one_query_at_most(
    client, catalogue, settings, level, route_cache
):
    """From the cached route (none), else one query finds them, on the page or any ancestor."""
    settings.AULA_ROUTE_CACHE = route_cache
    course = build_course(catalogue, modules=4, slug="course")
    restricted = catalogue if level == "catalogue" else course
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="x")
    warm_response = client.get(course.url)
    assert warm_response.status_code == 200  # the password form

    with CaptureQueriesContext(connection) as captured:
        response = client.get(course.url)

    assert "password" in response.content.decode().lower()
    loads = [
        query
        for query in captured.captured_queries
        if query["sql"].startswith('SELECT "wagtailcore_pageviewrestriction"')
    ]
    assert len(loads) == (0 if route_cache else 1)


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
