"""BasePage.get_view_restrictions answers in one query what Wagtail's answers in two (the
ancestors' paths are prefixes of the page's own), and always with the same restrictions: on
the page, on any ancestor up to the tree root, an alias standing for its source."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from courses.models import CourseIndexPage, ModulePage
from tests.factories import build_course

pytestmark = pytest.mark.usefixtures("modules_open")


@pytest.fixture
def tree(site_tree):
    course = build_course(site_tree.catalogue, modules=2, slug="care")
    module = ModulePage.objects.child_of(course).first()
    return {
        "root": Page.get_first_root_node(),
        "home": site_tree.home,
        "catalogue": site_tree.catalogue,
        "course": course,
        "module": module,
    }


def routed(url):
    """The page at ``url`` as routing hands it to Wagtail's view-restriction hook."""
    path = url.removeprefix("/en/")
    request = RequestFactory().get(url)
    with translation.override("en"):
        page, _args, _kwargs = Page.route_for_request(request, path)
    return page


def restriction_ids(restrictions):
    return sorted(restriction.pk for restriction in restrictions)


def wagtail_restriction_ids(page):
    return restriction_ids(Page.get_view_restrictions(page))  # Wagtail's own, unchanged


@pytest.mark.parametrize(
    "restricted",
    [(), ("root",), ("home",), ("catalogue",), ("course",), ("module",), ("home", "course")],
)
def test_same_restrictions_as_wagtail_for_every_page(tree, restricted):
    for name in restricted:
        PageViewRestriction.objects.create(page=tree[name], restriction_type="login")
    for name in ("home", "catalogue", "course", "module"):
        page = routed(tree[name].url)
        assert restriction_ids(page.get_view_restrictions()) == wagtail_restriction_ids(page), name


def queries_to_check(page) -> int:
    with CaptureQueriesContext(connection) as captured:
        list(page.get_view_restrictions())
    return len(captured)


@pytest.mark.parametrize("restricted", [(), ("catalogue",), ("course",), ("root", "module")])
def test_one_query_whatever_lies_on_the_way(tree, restricted):
    for name in restricted:
        PageViewRestriction.objects.create(page=tree[name], restriction_type="login")
    for name in ("home", "module"):
        assert queries_to_check(routed(tree[name].url)) == 1, name


def test_a_page_loaded_on_its_own_gets_wagtails_answer_in_one_query(tree):
    PageViewRestriction.objects.create(page=tree["catalogue"], restriction_type="login")
    module = ModulePage.objects.get(pk=tree["module"].pk)  # not routed: no parents handed over
    assert restriction_ids(module.get_view_restrictions()) == wagtail_restriction_ids(module)
    assert restriction_ids(module.get_view_restrictions())
    assert queries_to_check(module) == 1


def test_an_alias_is_restricted_as_its_source(client, tree):
    course = tree["course"].specific
    alias = course.create_alias(parent=tree["catalogue"], update_slug="care-alias")
    PageViewRestriction.objects.create(page=course, restriction_type="login")

    page = routed(alias.url)
    assert restriction_ids(page.get_view_restrictions()) == wagtail_restriction_ids(page)
    assert restriction_ids(page.get_view_restrictions())
    assert client.get(alias.url).status_code == 302


def test_a_page_under_an_alias_is_restricted_as_under_its_source(client, tree):
    catalogue = CourseIndexPage.objects.get(pk=tree["catalogue"].pk)
    catalogue.create_alias(parent=tree["home"], update_slug="courses-alias", recursive=True)
    PageViewRestriction.objects.create(page=catalogue, restriction_type="login")
    url = "/en/courses-alias/care/"

    page = routed(url)
    assert page.alias_of_id == tree["course"].pk
    assert restriction_ids(page.get_view_restrictions()) == wagtail_restriction_ids(page)
    assert client.get(url).status_code == 302


def test_a_restriction_on_the_tree_root_applies_everywhere(client, tree):
    PageViewRestriction.objects.create(page=tree["root"], restriction_type="login")
    for name in ("home", "catalogue", "course", "module"):
        assert client.get(tree[name].url).status_code == 302, name
