"""Routes kept in the cache (home/serving.py): a signed-in reader's second request to a page
finds it without routing queries; a publish, an unpublish, a move or a new view restriction is
seen at once; who may see a page is still asked on every request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from courses.models import CoursePage
from tests.factories import UserFactory, build_course

pytestmark = pytest.mark.usefixtures("modules_open")


@pytest.fixture
def course(catalogue):
    course = build_course(catalogue, modules=2, slug="care", title="Care work")
    course.save_revision().publish()
    return course


@pytest.fixture
def reader(client, db):
    client.force_login(UserFactory())
    return client


def _get(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, [query["sql"] for query in captured]


def _routing_queries(sql: list[str]) -> list[str]:
    return [q for q in sql if '"wagtailcore_site"' in q or 'FROM "wagtailcore_locale"' in q]


def test_second_request_finds_the_route_without_site_locale_or_page_queries(reader, course):
    module = course.get_children().first().specific
    first, cold = _get(reader, module.url)
    second, warm = _get(reader, module.url)

    assert first.status_code == second.status_code == 200
    assert _routing_queries(cold)
    assert _routing_queries(warm) == []
    # The module's own row and its course's (breadcrumb) came with the route.
    assert not any('FROM "courses_modulepage"' in q for q in warm)
    assert len(warm) <= len(cold) - 5
    assert second.content == first.content


def test_route_cache_off_routes_every_request(reader, course, settings):
    settings.AULA_ROUTE_CACHE = False
    reader.get(course.url)
    _response, sql = _get(reader, course.url)
    assert _routing_queries(sql)


def test_publishing_a_new_title_is_served_at_once(reader, course):
    assert "Care work" in reader.get(course.url).content.decode()
    page = CoursePage.objects.get(pk=course.pk)
    page.title = "Care work, second edition"
    page.save_revision().publish()

    assert "Care work, second edition" in reader.get(course.url).content.decode()


def test_unpublished_page_is_404_at_once(reader, course):
    assert reader.get(course.url).status_code == 200
    CoursePage.objects.get(pk=course.pk).unpublish()
    assert reader.get(course.url).status_code == 404


def test_moved_page_is_found_at_its_new_address_only(reader, course, catalogue):
    module = course.get_children().first()
    old_url = module.specific.url
    assert reader.get(old_url).status_code == 200
    other = build_course(catalogue, modules=0, slug="other", title="Other")
    Page.objects.get(pk=module.pk).move(other, pos="last-child")

    new_url = Page.objects.get(pk=module.pk).specific.url
    old = reader.get(old_url)  # Wagtail's redirects app leaves a permanent redirect
    assert (old.status_code, old["Location"]) == (301, new_url)
    assert reader.get(new_url).status_code == 200


def test_new_view_restriction_applies_at_once(client, course):
    assert client.get(course.url).status_code == 200
    PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(course.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_view_restrictions_come_with_the_route_and_still_apply_to_each_reader(client, course):
    module = course.get_children().first().specific
    PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.LOGIN)
    client.force_login(UserFactory())
    client.get(module.url)
    _response, sql = _get(client, module.url)
    assert not any('"wagtailcore_pageviewrestriction"' in q for q in sql)
    client.logout()
    response = client.get(module.url)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_removed_view_restriction_applies_at_once(client, course):
    restriction = PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get(course.url).status_code == 302
    restriction.delete()
    assert client.get(course.url).status_code == 200


def test_languages_have_routes_of_their_own(reader, course):
    """No Spanish tree here: /es/ serves the English page (Wagtail's fallback), in Spanish
    around it, not the English response kept for /en/."""
    english = reader.get(course.url)
    spanish = reader.get(course.url.replace("/en/", "/es/", 1))
    assert '<html lang="en">' in english.content.decode()
    assert '<html lang="es">' in spanish.content.decode()


def test_unknown_path_is_404_every_time(reader, course):
    assert reader.get("/en/courses/nowhere/").status_code == 404
    assert reader.get("/en/courses/nowhere/").status_code == 404


def test_views_under_a_language_find_the_site_in_the_cache(reader, course):
    """Learners' views show page URLs and site settings too (home.serving.SiteMiddleware)."""
    reader.get("/en/learn/")
    response, sql = _get(reader, "/en/learn/")
    assert response.status_code == 200
    assert not any('"wagtailcore_site"' in q for q in sql)


def test_a_changed_site_is_looked_up_again(reader, course):
    from wagtail.models import Site

    reader.get(course.url)
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Renamed"
    site.save()
    response, sql = _get(reader, course.url)
    assert response.status_code == 200
    assert any('"wagtailcore_site"' in q for q in sql)


def test_a_new_translation_of_the_home_page_is_in_the_root_paths_at_once(reader, course):
    """A root page saved without a publish (a translation just made) changes Wagtail's root
    paths: the site and its root paths are looked up again."""
    from wagtail.models import Locale, Site

    reader.get("/en/learn/")
    home = Site.objects.get(is_default_site=True).root_page
    Locale.objects.get_or_create(language_code="es")
    spanish = home.copy_for_translation(Locale.objects.get(language_code="es"))
    _response, sql = _get(reader, "/en/learn/")
    assert any('"wagtailcore_site"' in q for q in sql)
    assert "es" in {path.language_code for path in Site.get_site_root_paths()}
    assert not Page.objects.get(pk=spanish.pk).live
