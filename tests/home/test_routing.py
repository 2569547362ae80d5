"""Routing with cached lookups (home/routing.py, the route overrides, home/page_rows.py) finds
exactly the page Wagtail's own routing finds, and serving keeps Wagtail's rules: drafts are
404s, private pages stay restricted, previews and the editors' userbar keep working."""

import pytest
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from courses.models import CourseLearningOutcome, CoursePage, ModulePage
from home import routing
from tests.factories import (
    CoursePageFactory,
    ModulePageFactory,
    UserFactory,
    build_course,
    translate_page,
)

pytestmark = pytest.mark.usefixtures("modules_open")

PATHS = [
    "",
    "courses/",
    "courses/care/",
    "courses/care/module-1/",
    "courses/care/module-1/more/",
    "courses/care/draft-module/",
    "courses/draft-course/",
    "courses/nothing-here/",
    "nothing-here/",
]


@pytest.fixture
def tree(site_tree):
    course = build_course(site_tree.catalogue, modules=2, slug="care")
    ModulePageFactory(parent=course, slug="draft-module", live=False)
    CoursePageFactory(parent=site_tree.catalogue, slug="draft-course", live=False)
    home_es = translate_page(site_tree.home, "es", title="Inicio")
    translate_page(site_tree.catalogue, "es", title="Cursos")
    return {"course": course, "home_es": home_es, **vars(site_tree)}


def wagtail_route(language, path):
    with translation.override(language):
        return Page.route_for_request(RequestFactory().get(f"/{language}/{path}"), path)


def aula_route(language, path):
    request = RequestFactory().get(f"/{language}/{path}")
    with translation.override(language):
        routing.route_for_request(request, path)
    return request._wagtail_route_for_request


def describe(result):
    if result is None:
        return None
    page, args, kwargs = result
    return (type(page), page.pk, tuple(args), dict(kwargs))


@pytest.mark.parametrize("language", ["en", "es", "pt"])
def test_routing_finds_the_page_wagtail_finds(tree, language):
    for path in PATHS:
        for _ in range(2):  # cold, then from the cache
            assert describe(aula_route(language, path)) == describe(
                wagtail_route(language, path)
            ), (language, path)


def test_routed_pages_carry_all_their_fields(tree):
    module = ModulePage.objects.get(slug="module-1")
    page, _args, _kwargs = aula_route("en", "courses/care/module-1/")
    stored = ModulePage.objects.get(pk=module.pk)
    fields = [field.attname for field in ModulePage._meta.concrete_fields]
    assert {name: getattr(page, name) for name in fields} == {
        name: getattr(stored, name) for name in fields
    }
    assert list(page.body.raw_data) == list(stored.body.raw_data)


def test_a_draft_translation_of_the_home_page_routes_from_the_root_as_wagtail_does(tree):
    tree["home_es"].unpublish()
    for path in PATHS:
        assert describe(aula_route("es", path)) == describe(wagtail_route("es", path)), path
    assert aula_route("es", "")[0].pk == tree["home"].pk


def test_drafts_and_unknown_pages_are_404s(client, tree):
    course = tree["course"]
    assert client.get(f"{course.url}draft-module/").status_code == 404
    assert client.get("/en/courses/draft-course/").status_code == 404
    assert client.get("/en/courses/nothing-here/").status_code == 404
    assert client.get("/en/nothing-here/").status_code == 404


@pytest.mark.parametrize("level", ["home", "catalogue", "course", "module"])
def test_a_restriction_anywhere_above_a_page_still_applies(client, tree, level):
    course = tree["course"]
    module = ModulePage.objects.child_of(course).first()
    restricted = {"home": tree["home"], "catalogue": tree["catalogue"], "course": course}.get(
        level, module
    )
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")

    response = client.get(module.url)

    assert response.status_code == 302
    assert "/_util/login/" in response["Location"]


def test_a_password_restriction_still_asks_for_the_password(client, tree):
    course = tree["course"]
    PageViewRestriction.objects.create(page=course, restriction_type="password", password="x")
    response = client.get(course.url)
    assert response.status_code == 200
    assert "password" in response.content.decode().lower()
    assert course.title not in response.content.decode()


def test_editors_still_get_the_userbar(client, tree):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.get(tree["course"].url)
    assert response.status_code == 200
    assert "wagtail-userbar" in response.content.decode()


def test_anonymous_visitors_get_no_userbar(client, tree):
    assert "wagtail-userbar" not in client.get(tree["course"].url).content.decode()


def test_preview_shows_unsaved_outcomes(tree):
    course = CoursePage.objects.get(pk=tree["course"].pk)
    course.outcomes = [CourseLearningOutcome(text="An outcome not saved yet")]
    course.title = "A title not saved yet"

    response = course.make_preview_request()

    html = response.content.decode()
    assert response.status_code == 200
    assert "An outcome not saved yet" in html
    assert "A title not saved yet" in html


def test_home_page_links_its_catalogue_only_while_live_and_public(client, site_tree):
    assert client.get("/en/").context["catalogue"].pk == site_tree.catalogue.pk

    restriction = PageViewRestriction.objects.create(
        page=site_tree.catalogue, restriction_type="login"
    )
    assert client.get("/en/").context["catalogue"] is None

    restriction.delete()
    site_tree.catalogue.unpublish()
    assert client.get("/en/").context["catalogue"] is None
