"""A course page's outcomes, competencies and support links come in one query
(selectors.course_details), the same rows in the same order as the page's relations give."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.models import CourseCompetency, CourseLearningOutcome, CoursePage, CourseSupportLink
from courses.selectors import course_details
from tests.factories import build_course

pytestmark = pytest.mark.usefixtures("modules_open")


@pytest.fixture
def course(catalogue):
    """A sensitive course with a content note."""
    course = build_course(
        catalogue,
        modules=1,
        slug="violence",
        is_sensitive=True,
        content_note="<p>This course discusses violence at work.</p>",
    )
    course = CoursePage.objects.get(pk=course.pk)
    course.outcomes = [
        CourseLearningOutcome(text="Recognise violence at work."),
        CourseLearningOutcome(text="Act on it."),
    ]
    course.competencies = [
        CourseCompetency(title="Prevention", description="Policies that prevent it."),
        CourseCompetency(title="Support", description=""),
    ]
    course.support_links = [
        CourseSupportLink(title="Helpline", url="https://help.example/", description="Any time.")
    ]
    course.save_revision().publish()
    return CoursePage.objects.get(pk=course.pk)


def test_same_rows_in_the_same_order_as_the_relations(course):
    with CaptureQueriesContext(connection) as captured:
        details = course_details(course=course)
    assert len(captured) == 1

    def rows(items, *fields):
        return [(item.pk, item.sort_order, *(getattr(item, f) for f in fields)) for item in items]

    assert rows(details.outcomes, "text") == rows(course.outcomes.all(), "text")
    assert rows(details.competencies, "title", "description") == rows(
        course.competencies.all(), "title", "description"
    )
    assert rows(details.support_links, "title", "url", "description") == rows(
        course.support_links.all(), "title", "url", "description"
    )
    assert [o.text for o in details.outcomes] == ["Recognise violence at work.", "Act on it."]
    assert all(item.page is course for item in details.outcomes)


def test_another_courses_rows_are_not_included(course, catalogue):
    other = build_course(catalogue, modules=0, slug="other")
    other.outcomes.create(text="Someone else's outcome")
    assert [o.text for o in course_details(course=course).outcomes] == [
        "Recognise violence at work.",
        "Act on it.",
    ]


def test_course_page_shows_them_and_the_support_links(client, course):
    html = client.get(course.url).content.decode()
    for text in ("Act on it.", "Prevention", "Policies that prevent it.", "Helpline"):
        assert text in html


def test_module_page_of_a_sensitive_course_shows_the_support_links(client, course):
    module = course.get_children().first()
    html = client.get(module.url).content.decode()
    assert 'href="https://help.example/"' in html
