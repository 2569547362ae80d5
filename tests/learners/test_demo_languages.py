"""The demo in Portuguese and French: the site offers four languages, and /pt/ and /fr/ work.

Portuguese has the home page, the catalogue and the self-paced course with its modules and a
Portuguese cohort; French has the home page and the catalogue (content_pt.py, content_fr.py).
"""

import pytest
from django.conf import settings
from django.utils.html import escape
from wagtail.models import Locale

from courses.models import Cohort, CoursePage, ModulePage
from learners.demo import content_en, content_fr, content_pt, front_page

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("modules_open")]

SELF_PACED = "intro-gender-diversity-human-rights"


def translation(slug, language):
    english = CoursePage.objects.get(slug=slug, locale__language_code="en")
    return english.get_translation(Locale.objects.get(language_code=language)).specific


def test_the_site_offers_four_languages():
    assert settings.AULA_PUBLIC_LANGUAGES == ["en", "es", "pt", "fr"]


@pytest.mark.parametrize("language", ["pt", "fr"])
def test_home_and_catalogue_answer_in_the_language(demo, client, language):
    translations = {"pt": content_pt.TRANSLATIONS, "fr": content_fr.TRANSLATIONS}[language]
    home = client.get(f"/{language}/")
    assert home.status_code == 200
    assert f'lang="{language}"' in home.text
    catalogue = client.get(f"/{language}/courses/")
    assert catalogue.status_code == 200
    assert translations["courses"]["title"] in catalogue.text
    assert escape(front_page.HOME[language]["hero_heading"]) in home.text
    assert f'lang="{language}"' in catalogue.text


def test_the_switcher_offers_portuguese_and_french(demo, client):
    page = client.get("/en/courses/").text
    assert 'hreflang="pt"' in page
    assert 'hreflang="fr"' in page
    assert "Português" in page
    assert "Français" in page


def test_the_self_paced_course_is_translated_into_portuguese_with_its_modules(demo, client):
    spec = content_pt.TRANSLATIONS[SELF_PACED]
    course = translation(SELF_PACED, "pt")
    assert course.live
    assert course.title == spec["title"]
    assert [outcome.text for outcome in course.outcomes.all()] == spec["outcomes"]
    response = client.get(course.url)
    assert response.status_code == 200
    assert spec["outcomes"][0] in response.text

    english_modules = [item["slug"] for item in _outline(SELF_PACED)]
    modules = ModulePage.objects.child_of(course).live().order_by("path")
    assert [module.title for module in modules] == [
        content_pt.TRANSLATIONS[slug]["title"] for slug in english_modules
    ]
    module = client.get(modules.first().url)
    assert module.status_code == 200
    assert "Verifique o que aprendeu" in module.text


def test_the_portuguese_catalogue_lists_the_portuguese_course(demo, client):
    page = client.get("/pt/courses/").text
    assert content_pt.TRANSLATIONS[SELF_PACED]["title"] in page


def test_the_portuguese_course_has_a_portuguese_cohort(demo, client):
    course = translation(SELF_PACED, "pt")
    cohort = Cohort.objects.get(course=course)
    assert cohort.language == "pt"
    assert cohort.starts_on is None  # self-paced: start any time
    page = client.get(course.url).text
    assert cohort.title in page
    assert "Inscrever-se" in page


@pytest.mark.parametrize("language", ["pt", "fr"])
def test_account_and_learn_pages_answer_in_the_language(demo, client, language):
    assert client.get(f"/{language}/accounts/login/").status_code == 200
    client.force_login(_learner())
    learn = client.get(f"/{language}/learn/")
    assert learn.status_code == 200
    assert f'lang="{language}"' in learn.text
    assert {"pt": "Meus cursos", "fr": "Mes cours"}[language] in learn.text


def _outline(slug):
    course = next(spec for spec in content_en.COURSES if spec["slug"] == slug)
    return course["outline"]


def _learner():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(email="learner@aula.example")


def test_a_portuguese_learner_holds_a_certificate_in_portuguese(demo):
    from learners.models import Certificate

    certificate = Certificate.objects.get(enrolment__cohort__language="pt")
    assert certificate.language == "pt"
    assert certificate.course_title == content_pt.TRANSLATIONS[SELF_PACED]["title"]
    assert certificate.is_valid and certificate.pdf


def test_portuguese_search_finds_the_portuguese_course(demo, client):
    response = client.get("/pt/search/", {"q": "interseccionalidade"})
    assert response.status_code == 200
    assert content_pt.TRANSLATIONS["intersectionality-and-gender-analysis"]["title"] in (
        response.text
    )
    assert "Intersectionality and gender-based analysis" not in response.text
