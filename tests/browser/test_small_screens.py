"""At 360×740 (a small phone) nothing scrolls sideways and the core navigation is reachable."""

import pytest
from django.conf import settings

from tests.browser.helpers import LANGUAGES, MOBILE, focused, h1

pytestmark = pytest.mark.browser

NAV_NAMES = {"en": ["Courses", "Search", "English", "Español"]}


@pytest.fixture
def phone(page):
    page.set_viewport_size(MOBILE)
    return page


def visible_in_viewport(locator) -> bool:
    box = locator.bounding_box()
    return (
        locator.is_visible()
        and box is not None
        and box["x"] >= 0
        and box["x"] + box["width"] <= MOBILE["width"]
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_horizontal_scroll_and_navigation_reachable(phone, site, language):
    problems = []
    for name, url in site.core(language).items():
        phone.goto(url)
        scroll_width = phone.evaluate("() => document.scrollingElement.scrollWidth")
        if scroll_width > MOBILE["width"]:
            wide = phone.evaluate(
                """(limit) => [...document.querySelectorAll("body *")]
                    .filter(el => el.getBoundingClientRect().right > limit)
                    .slice(0, 5).map(el => el.outerHTML.slice(0, 100))""",
                MOBILE["width"],
            )
            problems.append(f"{name}: scrollWidth {scroll_width}px; too wide: {wide}")
        main_nav = phone.locator(".site-nav a")
        language_nav = phone.locator(".language-switcher a")
        links = [*main_nav.all(), *language_nav.all(), phone.locator(".site-name")]
        languages = len(settings.AULA_PUBLIC_LANGUAGES)
        assert language_nav.count() == languages, f"{name}: expected {languages} languages"
        assert main_nav.count() >= 3, f"{name}: expected the menu links"
        for link in links:
            if not visible_in_viewport(link):
                problems.append(f"{name}: {link.inner_text()!r} is not on screen")
        if name != "catalogue" and not visible_in_viewport(phone.locator("#quick-exit")):
            problems.append(f"{name}: quick exit is not on screen")
    assert not problems, "\n".join(problems)

    # The menu works at this size: from the module page to the catalogue.
    phone.goto(site.module[language])
    phone.locator(".site-nav a").first.click()
    phone.wait_for_url(site.catalogue[language])
    assert h1(phone) == ("Courses" if language == "en" else "Cursos")


def test_sticky_quick_exit_never_hides_the_focused_element(phone, site):
    """WCAG 2.4.11: tabbing down a long module page keeps focus clear of the sticky bar."""
    phone.goto(site.module["en"])
    bar_bottom = phone.locator(".quick-exit-bar").bounding_box()["height"]
    hidden = []
    for _ in range(20):
        phone.keyboard.press("Tab")
        element = focused(phone)
        if element["tag"] in ("body", None) or element["id"] == "quick-exit":
            continue
        if element["top"] < bar_bottom or element["bottom"] > MOBILE["height"]:
            hidden.append(element)
    assert not hidden, f"Focused elements under the quick-exit bar ({bar_bottom}px): {hidden}"
