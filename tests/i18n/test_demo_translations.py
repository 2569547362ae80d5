"""The demo's Spanish courses are translations item by item: each outcome, competency and
support link of a Spanish course shares its translation key with the English one in the same
position (so wagtail-localize updates it in place), and /es/ shows them in Spanish."""

from html import unescape

import pytest
from wagtail.models import Locale

from courses.models import CoursePage
from learners.demo import content_en, content_es

pytestmark = pytest.mark.django_db

RELATIONS = ("outcomes", "competencies", "support_links", "application_questions")


def test_spanish_items_translate_the_english_ones_position_by_position(demo):
    checked = 0
    for english in CoursePage.objects.filter(locale__language_code="en"):
        spanish = english.get_translation(Locale.objects.get(language_code="es"))
        for relation in RELATIONS:
            source = list(getattr(english, relation).all())
            translated = list(getattr(spanish.specific, relation).all())
            assert [i.translation_key for i in translated] == [i.translation_key for i in source]
            assert {i.locale_id for i in translated} <= {spanish.locale_id}
            checked += len(source)
    assert checked > 0


def test_the_spanish_demo_course_shows_its_outcomes_in_spanish(demo, client):
    spec = content_en.COURSES[0]
    spanish = content_es.TRANSLATIONS[spec["slug"]]
    page = CoursePage.objects.get(locale__language_code="es", slug=spanish["slug"])

    response = client.get(page.url)

    assert response.status_code == 200
    html = unescape(response.content.decode())
    for outcome in spanish["outcomes"]:
        assert outcome in html
    for outcome in spec["outcomes"]:
        assert outcome not in html
