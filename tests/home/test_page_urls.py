"""A page handed its parent (by routing, the outline or the catalogue) derives its URL from
the parent's (BasePage.get_url_parts): always the URL Wagtail itself gives."""

from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page, Site

from courses.models import CoursePage
from home import routing
from tests.factories import HomePageFactory, ModulePageFactory, build_course, translate_page


def wagtail_url(page, request):
    fresh = Page.objects.get(pk=page.pk).specific  # no parent handed over
    assert getattr(fresh, "_cached_parent_obj", None) is None
    return fresh.get_url(request)


def routed_request(url, host="localhost"):
    request = RequestFactory().get(url, HTTP_HOST=host)
    language, path = url.strip("/").split("/", 1)[0], url.split("/", 2)[2]
    with translation.override(language):
        routing.route_for_request(request, path)
    return request, request._wagtail_route_for_request[0]


def assert_outline_urls_are_wagtails(course_url, host="localhost"):
    request, course = routed_request(course_url, host)
    language = course_url.split("/")[1]
    with translation.override(language):
        assert course.outline
        for item in course.outline:
            assert item._cached_parent_obj is course
            assert item.get_url(request) == wagtail_url(item, request), item.slug
            assert item.get_full_url(request) == Page.objects.get(pk=item.pk).get_full_url(request)
        assert course.get_url(request) == wagtail_url(course, request)
        assert course.get_parent().get_url(request) == wagtail_url(course.get_parent(), request)


def test_outline_urls(catalogue):
    course = build_course(catalogue, modules=3, sessions=1, slug="care")
    ModulePageFactory(parent=course, title="Cuidados", slug="módulo-ñandú")
    assert_outline_urls_are_wagtails(course.url)


def test_outline_urls_in_spanish(site_tree):
    course = build_course(site_tree.catalogue, modules=2, slug="care")
    translate_page(site_tree.home, "es", title="Inicio")
    translate_page(site_tree.catalogue, "es", title="Cursos")
    spanish = translate_page(course, "es", title="Cuidados", slug="cuidados")
    for module in course.get_children().specific():
        translate_page(module, "es", title=f"{module.title} (es)")
    assert_outline_urls_are_wagtails(spanish.url)


def test_outline_urls_with_two_sites(site_tree):
    course = build_course(site_tree.catalogue, modules=2, slug="care")
    other_home = HomePageFactory(parent=Page.get_first_root_node(), slug="other")
    Site.objects.create(hostname="other.example", port=80, root_page=other_home)
    # Seen from the other site, the course's links are full URLs to this one.
    assert_outline_urls_are_wagtails(course.get_url_parts()[2])
    request, _home = routed_request("/en/", "other.example")
    with translation.override("en"):
        item = CoursePage.objects.get(pk=course.pk).outline[0]
        assert item.get_url(request) == wagtail_url(item, request)
        assert item.get_url(request).startswith("http://localhost")


def test_a_site_rooted_at_a_module_keeps_wagtails_url(site_tree):
    course = build_course(site_tree.catalogue, modules=2, slug="care")
    module = course.get_children().first()
    Site.objects.create(hostname="module.example", port=80, root_page=module)
    assert_outline_urls_are_wagtails(course.get_url_parts()[2])
    # Seen from the module's own site, the module is that site's root.
    request = RequestFactory().get("/en/", HTTP_HOST="module.example")
    with translation.override("en"):
        item = CoursePage.objects.get(pk=course.pk).outline[0]
        assert item.pk == module.pk
        assert item.get_url(request) == wagtail_url(item, request) == "/en/"


def test_catalogue_links_to_its_courses_with_wagtails_urls(client, site_tree):
    for slug in ("care", "cuidado-ñ"):
        build_course(site_tree.catalogue, modules=0, slug=slug)
    response = client.get(site_tree.catalogue.url)
    for course in response.context["courses"]:
        assert course._cached_parent_obj.pk == site_tree.catalogue.pk
        assert f'href="{wagtail_url(course, response.wsgi_request)}"' in response.content.decode()
