"""The language switcher leads to the same page in the other language, and back."""

import pytest

from tests.browser.helpers import h1

pytestmark = pytest.mark.browser


def test_switching_language_keeps_the_page(page, site):
    for which in ("course", "module"):
        urls, titles = getattr(site, which), site.titles[which]
        page.goto(urls["en"])
        switcher = page.get_by_role("navigation", name="Language", exact=True)
        english = switcher.get_by_role("link", name="English", exact=True)
        spanish = switcher.get_by_role("link", name="Español", exact=True)
        assert english.get_attribute("aria-current") == "true"
        assert spanish.get_attribute("lang") == "es"

        spanish.click()
        page.wait_for_url(urls["es"])
        assert h1(page) == titles["es"]
        assert page.locator("html").get_attribute("lang") == "es"
        # The switcher's own label is translated, so find it by its class on the Spanish page.
        switcher = page.locator("nav.language-switcher")
        spanish = switcher.get_by_role("link", name="Español", exact=True)
        assert spanish.get_attribute("aria-current") == "true"

        switcher.get_by_role("link", name="English", exact=True).click()
        page.wait_for_url(urls["en"])
        assert h1(page) == titles["en"]
        assert page.locator("html").get_attribute("lang") == "en"
