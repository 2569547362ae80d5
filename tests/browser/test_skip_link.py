"""The skip link is reachable at once, visible when focused, and moves focus to <main>."""

import pytest

from tests.browser.helpers import focused

pytestmark = pytest.mark.browser


def test_skip_link_moves_focus_to_main(page, site):
    # First Tab on an ordinary course; second on a sensitive one (quick exit comes first).
    for which, tabs in (("plain_course", 1), ("course", 2)):
        page.goto(getattr(site, which)["en"])
        for _ in range(tabs):
            page.keyboard.press("Tab")
        link = focused(page)
        assert "skip-link" in link["className"], f"{which}: focused {link}"
        assert link["text"] == "Skip to main content"
        viewport = page.viewport_size
        assert link["left"] >= 0 and link["right"] <= viewport["width"], f"{which}: off screen"
        assert link["top"] >= 0 and link["bottom"] <= viewport["height"], f"{which}: off screen"
        if which == "course":
            bar = page.locator(".quick-exit-bar").bounding_box()
            assert link["top"] >= bar["y"] + bar["height"], "Skip link hidden by quick exit"

        page.keyboard.press("Enter")
        page.wait_for_function("() => document.activeElement.id === 'main'")
        assert page.url.endswith("#main")
        # The next Tab continues from the start of the main content.
        page.keyboard.press("Tab")
        inside = page.evaluate(
            "() => document.getElementById('main').contains(document.activeElement)"
        )
        assert inside, f"{which}: Tab after skipping went to {focused(page)}"
