"""Quick exit on a sensitive course: first in the tab order, and it leaves no way back.

The quick-exit address is a neutral page on another origin, answered by the browser context
itself (see conftest.py): there is no network here.
"""

import pytest

from tests.browser.helpers import NEUTRAL_TITLE, NEUTRAL_URL, focused

pytestmark = pytest.mark.browser


def visit_catalogue_then_course(page, site):
    page.goto(site.catalogue["en"])
    page.get_by_role("link", name=site.titles["course"]["en"]).click()
    page.wait_for_url(site.course["en"])


def assert_left_without_trace(page, site):
    page.wait_for_url(NEUTRAL_URL)
    assert page.title() == NEUTRAL_TITLE
    page.go_back()
    page.wait_for_load_state()
    assert page.url == site.catalogue["en"], "Back returned to the sensitive course"


def test_quick_exit_is_the_first_focusable_element(page, site):
    for which in ("course", "module"):
        page.goto(getattr(site, which)["en"])
        page.keyboard.press("Tab")
        element = focused(page)
        assert element["id"] == "quick-exit", f"{which}: first Tab focused {element}"
        assert element["href"] == NEUTRAL_URL
        assert element["top"] >= 0 and element["height"] > 0

    # A course that is not sensitive has no quick exit, no content note and no script.
    page.goto(site.plain_course["en"])
    assert page.locator("#quick-exit").count() == 0
    assert page.locator(".content-note").count() == 0
    assert page.locator("script[src*='quick-exit']").count() == 0


def test_quick_exit_link_replaces_the_page_in_history(page, site):
    visit_catalogue_then_course(page, site)
    page.locator("#quick-exit").click()
    assert_left_without_trace(page, site)


def test_pressing_escape_twice_exits(page, site):
    visit_catalogue_then_course(page, site)
    page.keyboard.press("Escape")
    # One press alone (closing a menu, say) does nothing…
    page.wait_for_timeout(250)
    assert page.url == site.course["en"]
    # …a second one within a second leaves.
    page.keyboard.press("Escape")
    assert_left_without_trace(page, site)
