"""The cached site configuration (home/site_cache.py): the site for a host, the active locale,
the site settings and the language switcher's links come from the cache, are never another
site's or language's, and are read again as soon as an editor changes them."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, Site

from home.cache import HIT_HEADER
from home.models import SiteSettings
from tests.factories import HomePageFactory, build_course, translate_page

pytestmark = pytest.mark.usefixtures("modules_open")


def organisation(response) -> str:
    match = re.search(r'<a class="site-name" href="[^"]*">([^<]*)</a>', response.content.decode())
    assert match, "the page has no site name"
    return match.group(1)


def switcher_links(response) -> dict[str, str]:
    html = response.content.decode()
    nav = html[html.index('<nav class="language-switcher"') :]
    nav = nav[: nav.index("</nav>")]
    return {code: url for url, code in re.findall(r'<a href="([^"]*)" lang="([^"]+)"', nav)}


def queries_for(client, url, **extra) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, **extra).status_code == 200
    return [query["sql"] for query in captured.captured_queries]


def set_organisation(site, name):
    site_settings = SiteSettings.for_site(site)
    site_settings.organisation_name = name
    site_settings.save()


@pytest.fixture
def other_site(site_tree):
    """A second site on its own host, with its own home page and settings."""
    home = HomePageFactory(parent=Page.get_first_root_node(), title="Other home", slug="other")
    site = Site.objects.create(hostname="other.example", port=80, root_page=home)
    set_organisation(site, "Other organisation")
    set_organisation(site_tree.site, "Aula organisation")
    return site


def test_site_locale_and_settings_are_not_queried_once_cached(client, catalogue):
    course = build_course(catalogue, modules=2, slug="care")
    client.get(course.url)

    tables = " ".join(queries_for(client, course.url))

    assert "wagtailcore_site" not in tables
    assert "wagtailcore_locale" not in tables
    assert "home_sitesettings" not in tables


def test_each_host_gets_its_own_site_and_settings(client, site_tree, other_site):
    for _ in range(2):  # the second time round, everything comes from the cache
        default = client.get("/en/")
        other = client.get("/en/", HTTP_HOST="other.example")
        assert default.context["page"].pk == site_tree.home.pk
        assert other.context["page"].pk == other_site.root_page_id
        assert organisation(default) == "Aula organisation"
        assert organisation(other) == "Other organisation"


def test_each_language_gets_its_own_home_page(client, site_tree):
    spanish_home = translate_page(site_tree.home, "es", title="Inicio")
    for _ in range(2):
        assert client.get("/en/").context["page"].pk == site_tree.home.pk
        assert client.get("/es/").context["page"].pk == spanish_home.pk


def test_changing_a_sites_root_page_is_seen_by_the_next_request(client, site_tree):
    client.get("/en/")
    new_home = HomePageFactory(parent=Page.get_first_root_node(), title="New home", slug="new")

    site_tree.site.root_page = new_home
    site_tree.site.save()

    assert client.get("/en/").context["page"].pk == new_home.pk


def test_changing_a_sites_host_is_seen_by_the_next_request(client, site_tree, other_site):
    assert (
        client.get("/en/", HTTP_HOST="other.example").context["page"].pk == other_site.root_page_id
    )

    other_site.hostname = "elsewhere.example"
    other_site.save()

    # other.example is no longer a site's host: the default site serves it.
    assert client.get("/en/", HTTP_HOST="other.example").context["page"].pk == site_tree.home.pk
    assert (
        client.get("/en/", HTTP_HOST="elsewhere.example").context["page"].pk
        == other_site.root_page_id
    )


def test_a_new_locale_is_seen_by_the_next_request(client, site_tree):
    # No Portuguese locale yet: Wagtail falls back to the default locale's home page.
    assert client.get("/pt/").context["page"].pk == site_tree.home.pk

    Locale.objects.create(language_code="pt")
    portuguese_home = translate_page(site_tree.home, "pt", title="Início")

    assert client.get("/pt/").context["page"].pk == portuguese_home.pk


def test_a_deleted_site_root_is_not_served_from_the_cache(client, site_tree):
    client.get("/en/")
    new_home = HomePageFactory(parent=Page.get_first_root_node(), title="New home", slug="new")
    # Behind the signals (as a restored database would): the cached site names a root page
    # that is gone, and routing reads the site again rather than fail.
    Site.objects.filter(pk=site_tree.site.pk).update(root_page=new_home)
    Page.objects.filter(pk=site_tree.home.pk).delete()

    response = client.get("/en/")

    assert response.status_code == 200
    assert response.context["page"].pk == new_home.pk


def test_saved_settings_are_shown_by_the_next_request(client, site_tree):
    assert organisation(client.get("/en/")) == "Aula"

    set_organisation(site_tree.site, "Red de cuidados")

    assert organisation(client.get("/en/")) == "Red de cuidados"


def test_saved_settings_make_cached_pages_stale(client, site_tree, settings):
    settings.AULA_PAGE_CACHE_SECONDS = 600
    client.get("/en/")
    assert client.get("/en/")[HIT_HEADER] == "hit"

    set_organisation(site_tree.site, "Red de cuidados")

    response = client.get("/en/")
    assert response[HIT_HEADER] == "miss"
    assert organisation(response) == "Red de cuidados"


def test_creating_settings_with_their_defaults_keeps_cached_pages(client, site_tree, settings):
    settings.AULA_PAGE_CACHE_SECONDS = 600
    SiteSettings.objects.filter(site=site_tree.site).delete()
    client.get("/en/")  # creates the settings row, with the defaults the page shows
    assert client.get("/en/")[HIT_HEADER] == "hit"


def test_admin_reads_settings_from_the_database(site_tree, client):
    cached = SiteSettings.for_site(site_tree.site)
    client.get("/en/")  # fills the cache
    SiteSettings.objects.filter(pk=cached.pk).update(organisation_name="Behind the cache")
    # The admin's settings form uses for_site: never the cached copy.
    assert SiteSettings.for_site(site_tree.site).organisation_name == "Behind the cache"


def test_language_switcher_links_are_not_queried_once_cached(client, site_tree):
    translate_page(site_tree.home, "es", title="Inicio")
    client.get("/en/")
    with CaptureQueriesContext(connection) as captured:
        client.get("/en/")
    # The switcher's query looks the page's translations up by their translation key.
    assert not [q for q in captured.captured_queries if 'translation_key" = ' in q["sql"]]


def test_publishing_a_translation_adds_it_to_the_language_switcher(client, site_tree):
    course = build_course(site_tree.catalogue, modules=0, slug="care")
    assert switcher_links(client.get(course.url))["es"] == "/es/"

    translate_page(site_tree.home, "es", title="Inicio")
    translate_page(site_tree.catalogue, "es", title="Cursos")
    spanish = translate_page(course, "es", title="Cuidados", slug="cuidados")

    assert switcher_links(client.get(course.url))["es"] == spanish.url == "/es/courses/cuidados/"


def test_unpublishing_a_translation_removes_it_from_the_language_switcher(client, site_tree):
    course = build_course(site_tree.catalogue, modules=0, slug="care")
    translate_page(site_tree.home, "es", title="Inicio")
    translate_page(site_tree.catalogue, "es", title="Cursos")
    spanish = translate_page(course, "es", title="Cuidados")
    assert switcher_links(client.get(course.url))["es"] == spanish.url

    spanish.unpublish()

    assert switcher_links(client.get(course.url))["es"] == "/es/"


def test_moving_a_translation_updates_the_language_switcher(client, site_tree):
    course = build_course(site_tree.catalogue, modules=0, slug="care")
    translate_page(site_tree.home, "es", title="Inicio")
    translate_page(site_tree.catalogue, "es", title="Cursos")
    spanish = translate_page(course, "es", title="Cuidados", slug="cuidados")
    client.get(course.url)

    spanish.slug = "cuidados-2027"
    spanish.save_revision().publish()

    assert switcher_links(client.get(course.url))["es"] == "/es/courses/cuidados-2027/"
