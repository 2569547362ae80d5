"""Reports → Course translations: per course, each content language published, in moderation,
draft or missing, for the people who edit pages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.translation import TranslationState, course_translation_rows
from tests.factories import CoursePageFactory, translate_page
from tests.i18n.translating import (
    SPANISH,
    bilingual_site,
    client_for,
    member_of,
    start_translation,
    translate_strings,
)

pytestmark = pytest.mark.django_db

URL = reverse("courses_translations")


@pytest.fixture
def site():
    return bilingual_site()


def states(rows) -> dict[str, dict[str, str]]:
    return {row.course.title: {cell.language: cell.state for cell in row.cells} for row in rows}


def test_each_language_of_each_course_has_its_state(site):
    editor = client_for(member_of("Editors"))
    published = CoursePageFactory(parent=site.course.get_parent(), title="Published in Spanish")
    translate_page(published, "es", title="Publicado en español")
    translation = start_translation(editor, site.course, site.spanish)
    translate_strings(editor, translation, SPANISH)
    editor.post(reverse("courses_submit_translation", args=[translation.pk]))
    draft = CoursePageFactory(parent=site.course.get_parent(), title="Draft in Spanish")
    start_translation(editor, draft, site.spanish)
    aliased = CoursePageFactory(parent=site.course.get_parent(), title="Only an alias")
    aliased.create_alias(parent=site.catalogue_es, update_locale=site.spanish)

    found = states(course_translation_rows())

    assert found["Decent work in the care economy"] == {
        "en": TranslationState.PUBLISHED,
        "es": TranslationState.IN_MODERATION,
        "pt": TranslationState.MISSING,
        "fr": TranslationState.MISSING,
    }
    assert found["Published in Spanish"]["es"] == TranslationState.PUBLISHED
    assert found["Draft in Spanish"]["es"] == TranslationState.DRAFT
    assert found["Only an alias"]["es"] == TranslationState.MISSING
    # Only the default language's courses are rows: the Spanish copies are cells.
    assert "Publicado en español" not in found


def test_editors_open_the_report_and_learners_do_not(site):
    response = client_for(member_of("Editors")).get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Decent work in the care economy" in html
    assert 'data-language="es" data-state="missing"' in html

    tutor = client_for(member_of("Tutors"))  # may open the admin, edits no page
    assert tutor.get(URL).status_code == 302  # Wagtail's permission-denied redirect


def test_the_report_takes_the_same_queries_for_more_courses(site):
    editor = client_for(member_of("Editors"))
    editor.get(URL)  # warm the session and Wagtail's menus

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert editor.get(URL).status_code == 200
        return len(queries)

    few = count()
    for n in range(5):
        course = CoursePageFactory(parent=site.course.get_parent(), title=f"Course {n}")
        translate_page(course, "es", title=f"Curso {n}")
    assert count() == few
