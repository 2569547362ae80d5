"""PageRows (home/page_rows.py) gives the same pages, with the same field values, as the ORM."""

import pytest
from wagtail.models import Page, PageViewRestriction

from courses.models import CoursePage, LiveSessionPage, ModulePage
from courses.selectors import OUTLINE_ITEMS, OUTLINE_ITEMS_LISTED
from home.page_rows import PageRows
from tests.factories import LiveSessionPageFactory, ModulePageFactory, build_course


def field_values(page, model):
    names = [field.attname for field in model._meta.concrete_fields]
    return {name: getattr(page, name) for name in names if name in page.__dict__}


@pytest.fixture
def course(catalogue):
    """Two modules, a session, a draft module and a session open only to logged-in users."""
    course = build_course(catalogue, modules=2, sessions=1, slug="care")
    ModulePageFactory(parent=course, title="Draft", live=False)
    private = LiveSessionPageFactory(parent=course, title="Private session")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return course


def test_children_are_the_orms_children_in_tree_order_as_their_types(course):
    expected = list(Page.objects.child_of(course).specific())
    pages = OUTLINE_ITEMS.children(course)
    assert [(type(page), page.pk) for page in pages] == [(type(page), page.pk) for page in expected]
    for page, stored in zip(pages, expected, strict=True):
        values = field_values(page, type(page))
        assert values == field_values(stored, type(stored))
        assert len(values) == len(type(page)._meta.concrete_fields)  # nothing left out


def test_values_have_their_python_types(course):
    page = OUTLINE_ITEMS.children(course)[0]
    stored = ModulePage.objects.get(pk=page.pk)
    assert page.live is True
    assert page.translation_key == stored.translation_key  # a UUID, not a string
    assert page.first_published_at == stored.first_published_at  # an aware datetime
    assert page.first_published_at.tzinfo is not None


def test_live_and_public_are_wagtails_live_and_public(course):
    expected = list(Page.objects.child_of(course).live().public())
    assert [page.pk for page in OUTLINE_ITEMS.children(course, live=True, public=True)] == [
        page.pk for page in expected
    ]


def test_a_restricted_course_has_no_public_children(course):
    PageViewRestriction.objects.create(page=course, restriction_type="login")
    assert OUTLINE_ITEMS.children(course, public=True) == []
    assert list(Page.objects.child_of(course).public()) == []


def test_by_slug(course):
    (page,) = OUTLINE_ITEMS.children(course, slug="module-2")
    assert isinstance(page, ModulePage)
    assert page.title == "Module 2"
    assert OUTLINE_ITEMS.children(course, slug="no-such-module") == []


def test_deferred_fields_are_loaded_when_read(course):
    session = next(
        p for p in OUTLINE_ITEMS_LISTED.children(course) if isinstance(p, LiveSessionPage)
    )
    assert "agenda" not in session.__dict__
    assert session.agenda == LiveSessionPage.objects.get(pk=session.pk).agenda


def test_a_page_of_another_type_is_loaded_as_wagtail_would(course):
    course.add_child(
        instance=CoursePage(
            title="Odd child",
            slug="odd",
            summary="x",
            topic="care-economy",
            format="blended",
            effort_hours=1,
        )
    )
    (page,) = PageRows(ModulePage).children(course, slug="odd")
    assert type(page) is CoursePage
    assert page.title == "Odd child"
