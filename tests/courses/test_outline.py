"""The course outline: the course page's children in tree order, with their effort."""

import re

import pytest
from wagtail.models import PageViewRestriction

from courses.models import LiveSessionPage, ModulePage
from tests.factories import (
    CoursePageFactory,
    LiveSessionPageFactory,
    ModulePageFactory,
    build_course,
)

# Course content renders here without any learner; access to modules is tested in
# tests/learners/test_module_access.py.
pytestmark = pytest.mark.usefixtures("modules_open")


def outline_items(html: str) -> list[tuple[str, str]]:
    """(title, meta) of each outline item, in page order."""
    return re.findall(
        r'<li class="outline__item">\s*<a href="[^"]+">([^<]+)</a>\s*'
        r'<span class="outline__meta">([^<]+)</span>',
        html,
    )


def test_outline_interleaves_modules_and_live_sessions_in_tree_order(client, catalogue):
    course = CoursePageFactory(parent=catalogue, slug="blended")
    ModulePageFactory(parent=course, title="What care work is", estimated_minutes=30)
    LiveSessionPageFactory(parent=course, title="Opening session", duration_minutes=90)
    ModulePageFactory(parent=course, title="Measuring care", estimated_minutes=45)
    LiveSessionPageFactory(parent=course, title="Closing session", duration_minutes=60)

    response = client.get(course.url)

    assert response.status_code == 200
    outline = response.context["outline"]
    assert [item.title for item in outline] == [
        "What care work is",
        "Opening session",
        "Measuring care",
        "Closing session",
    ]
    assert [type(item) for item in outline] == [
        ModulePage,
        LiveSessionPage,
        ModulePage,
        LiveSessionPage,
    ]
    assert [title for title, _meta in outline_items(response.content.decode())] == [
        "What care work is",
        "Opening session",
        "Measuring care",
        "Closing session",
    ]


def test_outline_shows_each_items_effort_and_the_total(client, catalogue):
    course = CoursePageFactory(parent=catalogue, slug="effort")
    ModulePageFactory(parent=course, title="Reading", estimated_minutes=30)
    LiveSessionPageFactory(parent=course, title="Seminar", duration_minutes=90)
    ModulePageFactory(parent=course, title="Case study", estimated_minutes=45)

    response = client.get(course.url)

    assert [item.effort_minutes for item in response.context["outline"]] == [30, 90, 45]
    assert response.context["total_minutes"] == 165
    assert response.context["module_count"] == 2
    assert response.context["session_count"] == 1
    html = response.content.decode()
    metas = [meta for _title, meta in outline_items(html)]
    assert metas[0].endswith("30 min")
    assert metas[1].endswith("1 h 30 min")
    assert metas[2].endswith("45 min")
    assert "2 h 45 min" in html  # the total, 165 minutes


def test_outline_links_each_item_to_its_page(client, catalogue):
    course = build_course(catalogue, modules=2, sessions=1, slug="links")
    html = client.get(course.url).content.decode()
    for child in course.get_children().specific():
        assert f'href="{child.url}"' in html
        assert client.get(child.url).status_code == 200


def test_draft_modules_and_sessions_are_not_listed(client, catalogue):
    course = CoursePageFactory(parent=catalogue, slug="drafts")
    ModulePageFactory(parent=course, title="Published module")
    ModulePageFactory(parent=course, title="Draft module", live=False)
    LiveSessionPageFactory(parent=course, title="Draft session", live=False)

    response = client.get(course.url)

    assert [item.title for item in response.context["outline"]] == ["Published module"]
    assert "Draft module" not in response.content.decode()
    assert "Draft session" not in response.content.decode()
    assert response.context["total_minutes"] == 45


def test_private_modules_are_not_listed(client, catalogue):
    course = CoursePageFactory(parent=catalogue, slug="private")
    ModulePageFactory(parent=course, title="Open module")
    members_only = ModulePageFactory(parent=course, title="Members-only module")
    password_session = LiveSessionPageFactory(parent=course, title="Password session")
    PageViewRestriction.objects.create(
        page=members_only, restriction_type=PageViewRestriction.LOGIN
    )
    PageViewRestriction.objects.create(
        page=password_session,
        restriction_type=PageViewRestriction.PASSWORD,
        password="secret",  # noqa: S106
    )

    response = client.get(course.url)

    assert [item.title for item in response.context["outline"]] == ["Open module"]
    html = response.content.decode()
    assert "Members-only module" not in html
    assert "Password session" not in html


def test_outline_hides_everything_under_a_restricted_course(catalogue):
    course = build_course(catalogue, modules=2, slug="restricted")
    PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.LOGIN)
    # Same rule as Wagtail's PageQuerySet.public(): a restriction covers the whole subtree.
    assert course.outline == []
    assert list(course.get_children().live().public()) == []


def test_outline_lists_only_this_courses_children(client, catalogue):
    course = build_course(catalogue, modules=2, slug="mine")
    build_course(catalogue, modules=3, slug="other")
    response = client.get(course.url)
    assert [item.title for item in response.context["outline"]] == ["Module 1", "Module 2"]


def test_module_page_links_back_to_its_course(client, catalogue):
    course = build_course(catalogue, modules=1, slug="back", title="Care and the economy")
    module = course.get_children().first().specific
    response = client.get(module.url)
    assert response.status_code == 200
    assert response.context["course"] == course
    assert f'href="{course.url}"' in response.content.decode()


def test_module_outside_routing_finds_its_course(catalogue):
    course = build_course(catalogue, modules=1, slug="lookup")
    module = ModulePage.objects.child_of(course).get()
    assert module.course == course


def test_unknown_draft_and_private_outline_items_are_not_served(client, catalogue):
    course = CoursePageFactory(parent=catalogue, slug="routing")
    draft = ModulePageFactory(parent=course, slug="draft", live=False)
    members_only = ModulePageFactory(parent=course, slug="members-only")
    PageViewRestriction.objects.create(
        page=members_only, restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get(f"{course.url}no-such-module/").status_code == 404
    assert client.get(f"{course.url}{draft.slug}/").status_code == 404
    assert client.get(f"{course.url}members-only/").status_code == 302  # to the login page
    assert client.get("/en/courses/no-such-course/").status_code == 404
