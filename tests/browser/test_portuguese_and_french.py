"""/pt/ and /fr/ in a browser: the pages in Portuguese and French have nothing for axe-core to
fix (WCAG 2.2 AA), say their language, and fit a 360 px phone with four languages in the
switcher. Portuguese: the home page, the catalogue, a sensitive course and its module, the
account pages; French: the home page, the catalogue and the account pages."""

import pytest

from tests.browser.helpers import MOBILE, WCAG_TAGS, format_violations, run_axe

pytestmark = pytest.mark.browser


@pytest.fixture
def translated(site):
    """The test site's home page and catalogue in Portuguese and French, and its sensitive
    course with its module in Portuguese; the addresses to visit, by language."""
    from wagtail.models import Locale

    from courses.models import CourseIndexPage, CoursePage, ModulePage
    from home.models import HomePage
    from tests.factories import translate_page

    home = HomePage.objects.get(locale__language_code="en")
    catalogue = CourseIndexPage.objects.get(locale__language_code="en")
    course = CoursePage.objects.get(slug="violence-at-work", locale__language_code="en")
    module = ModulePage.objects.child_of(course).first()
    urls = {}
    for language, title in (("pt", "Cursos"), ("fr", "Cours")):
        Locale.objects.get_or_create(language_code=language)
        translate_page(home, language, title="Aula")
        translate_page(catalogue, language, title=title)
        urls[language] = {
            "home": f"{site.base}/{language}/",
            "catalogue": f"{site.base}/{language}/courses/",
            "login": f"{site.base}/{language}/accounts/login/",
            "signup": f"{site.base}/{language}/accounts/signup/",
        }
    course_pt = translate_page(course, "pt", title="Violência e assédio no trabalho")
    module_pt = translate_page(module, "pt", title="O quadro da Convenção 190")
    urls["pt"]["course"] = site.base + course_pt.url
    urls["pt"]["module"] = site.base + module_pt.url
    return urls


@pytest.mark.parametrize("language", ["pt", "fr"])
def test_portuguese_and_french_pages_have_no_wcag22_aa_violations(page, axe, translated, language):
    found = []
    for name, url in translated[language].items():
        response = page.goto(url)
        assert response.ok, f"{name}: {url} answered {response.status}"
        assert page.locator("html").get_attribute("lang") == language
        violations = [
            violation
            for violation in run_axe(axe, page, WCAG_TAGS)
            if set(violation["tags"]) & set(WCAG_TAGS)
        ]
        if violations:
            found.append(f"## {name} ({url})\n{format_violations(violations)}")
    assert not found, "axe-core WCAG 2.2 AA violations:\n" + "\n".join(found)


@pytest.mark.parametrize("language", ["pt", "fr"])
def test_portuguese_and_french_pages_fit_a_phone(page, translated, language):
    page.set_viewport_size(MOBILE)
    too_wide = []
    for name, url in translated[language].items():
        page.goto(url)
        width = page.evaluate("() => document.scrollingElement.scrollWidth")
        if width > MOBILE["width"]:
            too_wide.append(f"{name}: {width}px")
        switcher = page.locator(".language-switcher a")
        assert switcher.count() == 4
        assert all(link.is_visible() for link in switcher.all()), name
    assert not too_wide
