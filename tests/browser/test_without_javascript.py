"""Everything a visitor needs works with JavaScript turned off."""

import pytest

from tests.browser.helpers import NEUTRAL_URL, h1

pytestmark = pytest.mark.browser


def test_catalogue_filter_submits_and_filters(no_js_page, site):
    page = no_js_page
    page.goto(site.catalogue["en"])
    titles = page.locator(".card__title")
    assert titles.count() == 2

    page.get_by_label("Topic").select_option("gender-violence")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**/courses/?*topic=gender-violence*")
    assert titles.all_inner_texts() == [site.titles["course"]["en"]]
    assert page.locator(".result-count").inner_text() == "1 course"
    assert page.get_by_label("Topic").input_value() == "gender-violence"

    page.get_by_role("link", name="Clear filters").click()
    page.wait_for_url(site.catalogue["en"])
    assert titles.count() == 2


def test_links_work(no_js_page, site):
    page = no_js_page
    page.goto(site.home["es"])
    page.locator(".site-nav a").first.click()  # the main menu's courses link
    page.wait_for_url(site.catalogue["es"])
    page.get_by_role("link", name=site.titles["course"]["es"]).click()
    page.wait_for_url(site.course["es"])
    assert h1(page) == site.titles["course"]["es"]

    page.get_by_role("link", name=site.titles["module"]["es"]).click()
    page.wait_for_url(site.module["es"])
    assert h1(page) == site.titles["module"]["es"]

    page.locator("nav.breadcrumb a").click()
    page.wait_for_url(site.course["es"])

    page.locator(".language-switcher").get_by_role("link", name="English").click()
    page.wait_for_url(site.course["en"])
    assert h1(page) == site.titles["course"]["en"]

    # Quick exit is a plain link.
    link = page.locator("#quick-exit")
    assert link.get_attribute("href") == NEUTRAL_URL
    # The Escape shortcut needs the script, so it is not promised.
    assert not page.locator(".quick-exit__hint").is_visible()
    link.click()
    page.wait_for_url(NEUTRAL_URL)
