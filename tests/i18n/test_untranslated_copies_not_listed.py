"""A page's copy in another language stays out of that language's catalogue and search until
its translation is published: a translation just started, one abandoned half-way, an alias
standing for the untranslated source."""

import pytest
from wagtail.models import Page

from courses.models import CoursePage
from courses.selectors import catalogue_courses
from home.models import HomePage
from tests.i18n.translating import (
    SPANISH,
    bilingual_site,
    client_for,
    member_of,
    start_translation,
    translate_strings,
)

pytestmark = [pytest.mark.django_db, pytest.mark.search_index]


@pytest.fixture
def site():
    return bilingual_site()


def spanish_copy(site) -> CoursePage:
    return CoursePage.objects.get(translation_key=site.course.translation_key, locale=site.spanish)


def listed_in_spanish(client, site) -> dict[str, bool]:
    catalogue = client.get("/es/courses/")
    search = client.get("/es/search/", {"q": "care"})
    assert (catalogue.status_code, search.status_code) == (200, 200)
    return {
        "catalogue": site.course.title in catalogue.content.decode(),
        "search": site.course.title in search.content.decode(),
        "selector": list(catalogue_courses(index=site.catalogue_es)) != [],
    }


def test_a_translation_just_started_is_a_draft_and_not_listed(
    site, client, django_capture_on_commit_callbacks
):
    # wagtail-localize publishes on commit what it means to publish: run those callbacks.
    with django_capture_on_commit_callbacks(execute=True):
        start_translation(client_for(member_of("Editors")), site.course, site.spanish)

    assert not spanish_copy(site).live
    assert listed_in_spanish(client, site) == {
        "catalogue": False,
        "search": False,
        "selector": False,
    }
    # Nor does the English catalogue's language filter claim a Spanish edition.
    english = client.get("/en/courses/", {"language": "es"})
    assert site.course.title not in english.content.decode()


def test_an_abandoned_translation_is_never_listed(site, client, django_capture_on_commit_callbacks):
    editor = client_for(member_of("Editors"))
    with django_capture_on_commit_callbacks(execute=True):
        translation = start_translation(editor, site.course, site.spanish)
    half = dict(list(SPANISH.items())[:3])
    translate_strings(editor, translation, half)  # and then nobody comes back to it

    assert listed_in_spanish(client, site) == {
        "catalogue": False,
        "search": False,
        "selector": False,
    }
    assert "Trabajo decente" not in client.get("/es/courses/").content.decode()


def test_an_alias_of_the_untranslated_course_is_not_listed(site, client):
    # wagtail-localize makes aliases for untranslated pages (copying parents, synchronised
    # locales): live, but showing the English text.
    alias = site.course.create_alias(parent=site.catalogue_es, update_locale=site.spanish)
    assert alias.live and alias.alias_of_id == site.course.pk

    assert listed_in_spanish(client, site) == {
        "catalogue": False,
        "search": False,
        "selector": False,
    }
    # Nor among the Spanish home page's newest courses.
    assert HomePage.objects.get(locale=site.spanish).featured() == []


def test_the_published_translation_is_listed(site, client, django_capture_on_commit_callbacks):
    editor = client_for(member_of("Editors"))
    translation = start_translation(editor, site.course, site.spanish)
    translate_strings(editor, translation, SPANISH)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    spanish_title = SPANISH[site.course.title]

    catalogue = client.get("/es/courses/").content.decode()
    search = client.get("/es/search/", {"q": "cuidado"}).content.decode()
    assert spanish_title in catalogue
    assert spanish_title in search
    assert [course.title for course in catalogue_courses(index=site.catalogue_es)] == [
        spanish_title
    ]
    assert Page.objects.filter(locale=site.spanish, alias_of__isnull=False).count() == 0
