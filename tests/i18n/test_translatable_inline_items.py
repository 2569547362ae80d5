"""Every text an editor writes on a course reaches wagtail-localize's translation editor: the
inline items (outcomes, competencies, support links, application questions, speakers) and the
slug; synchronised fields stay the source's."""

import importlib
import uuid

import pytest
from django.apps import apps

from courses.models import CourseLearningOutcome, CoursePage, CourseSupportLink
from tests.factories import translate_page
from tests.i18n.translating import (
    COMPETENCIES,
    OUTCOMES,
    SPANISH,
    add_session_with_speaker,
    bilingual_site,
    client_for,
    member_of,
    source_segments,
    start_translation,
    translate_strings,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    return bilingual_site()


def test_inline_items_and_slug_are_segments_of_the_translation_source(site):
    translation = start_translation(client_for(member_of("Editors")), site.course, site.spanish)

    segments = source_segments(translation)
    by_path = {segment.context.path: segment.string.data for segment in segments}
    texts = set(by_path.values())
    assert set(OUTCOMES) <= texts
    assert set(COMPETENCIES) <= texts
    assert {"Care helpline", "Free and confidential."} <= texts
    assert {"Why do you want to take this course?", "Two or three sentences."} <= texts
    assert by_path["slug"] == "decent-work-care"
    outcome = site.course.outcomes.first()
    assert by_path[f"outcomes.{outcome.translation_key}.text"] == outcome.text
    # An address is not a text to translate: it is copied from the source.
    assert "https://help.example.org/" not in texts


def test_a_speakers_role_and_organisation_are_translated_and_the_name_is_kept(site):
    session = add_session_with_speaker(site.course)
    translate_page(site.course, "es", title="Trabajo decente")
    translation = start_translation(client_for(member_of("Editors")), session, site.spanish)

    texts = {segment.string.data for segment in source_segments(translation)}
    assert {"Director", "ECLAC"} <= texts
    assert "Ana Güezmes" not in texts


def test_the_translation_keeps_each_item_linked_to_its_source_item(site):
    editor = member_of("Editors")
    translation = start_translation(client_for(editor), site.course, site.spanish)

    copy = CoursePage.objects.get(translation_key=site.course.translation_key, locale=site.spanish)
    source_keys = [item.translation_key for item in site.course.outcomes.all()]
    assert [item.translation_key for item in copy.outcomes.all()] == source_keys
    assert {item.locale_id for item in copy.outcomes.all()} == {site.spanish.pk}
    assert translation.enabled


def test_published_translation_shows_every_item_in_spanish(
    site, client, django_capture_on_commit_callbacks
):
    editor = client_for(member_of("Editors"))
    translation = start_translation(editor, site.course, site.spanish)
    translate_strings(editor, translation, SPANISH)

    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes then
        translation.save_target(publish=True)

    copy = CoursePage.objects.get(translation_key=site.course.translation_key, locale=site.spanish)
    assert [item.text for item in copy.outcomes.all()] == list(OUTCOMES.values())
    assert copy.slug == "trabajo-decente-cuidado"
    assert copy.competencies.get().title == "Análisis de políticas de cuidado"
    link = copy.support_links.get()
    assert (link.title, link.url) == ("Línea de apoyo", "https://help.example.org/")
    assert copy.application_questions.get().text == "¿Por qué quiere hacer este curso?"
    # The English items are untouched, and stay distinct rows.
    assert [item.text for item in site.course.outcomes.all()] == list(OUTCOMES)
    assert CourseLearningOutcome.objects.count() == 4

    response = client.get("/es/courses/trabajo-decente-cuidado/")
    assert response.status_code == 200
    html = response.content.decode()
    for spanish in OUTCOMES.values():
        assert spanish in html
    for english in OUTCOMES:
        assert english not in html


def test_an_edited_source_item_updates_its_translation_in_place(
    site, django_capture_on_commit_callbacks
):
    editor = client_for(member_of("Editors"))
    translation = start_translation(editor, site.course, site.spanish)
    translate_strings(editor, translation, SPANISH)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    copy = CoursePage.objects.get(translation_key=site.course.translation_key, locale=site.spanish)
    rows_before = {item.translation_key: item.pk for item in copy.outcomes.all()}

    # The support address changes in English: the Spanish copy follows on the next sync.
    link = site.course.support_links.get()
    link.url = "https://help.example.org/new/"
    site.course.support_links = [link]
    site.course.save_revision().publish()
    translation.source.update_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    copy.refresh_from_db()
    assert copy.support_links.get().url == "https://help.example.org/new/"
    assert {item.translation_key: item.pk for item in copy.outcomes.all()} == rows_before


def test_data_migration_gives_existing_items_their_page_locale_and_shared_keys(site):
    """Rows that existed before the items were translatable: the Spanish copy's n-th item gets
    the translation key of the English n-th item, and its page's locale."""
    copy = translate_page(site.course, "es", title="Trabajo decente")
    # As before the migration: unrelated keys, and the locale of no page in particular.
    english = site.course.locale
    for model in (CourseLearningOutcome, CourseSupportLink):
        for item in model.objects.filter(page=copy):
            model.objects.filter(pk=item.pk).update(translation_key=uuid.uuid4(), locale=english)
    migration = importlib.import_module("courses.migrations.0008_translatable_inlines_data")

    migration.fill(apps, None)

    source = list(site.course.outcomes.all())
    translated = list(CourseLearningOutcome.objects.filter(page=copy).order_by("sort_order"))
    assert [item.translation_key for item in translated] == [i.translation_key for i in source]
    assert {item.locale_id for item in translated} == {site.spanish.pk}
    assert {item.locale_id for item in source} == {english.pk}
    assert CourseSupportLink.objects.get(page=copy).locale_id == site.spanish.pk
    assert CourseLearningOutcome.objects.count() == 4  # nothing lost, nothing added
