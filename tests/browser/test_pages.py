"""The live server serves the stylesheet and the quick-exit script, and the page uses them."""

import pytest

pytestmark = pytest.mark.browser


def test_static_files_are_served_and_applied(page, site):
    loaded = {}
    page.on("response", lambda r: loaded.setdefault(r.url.split("?")[0], r))
    page.goto(site.course["en"])
    page.wait_for_load_state("load")

    css = loaded.get(site.base + "/static/css/aula.css")
    js = loaded.get(site.base + "/static/js/quick-exit.js")
    assert css is not None and css.status == 200, "aula.css was not served by the live server"
    assert css.headers["content-type"].startswith("text/css")
    assert js is not None and js.status == 200, "quick-exit.js was not served by the live server"
    assert "javascript" in js.headers["content-type"]
    # The stylesheet is applied (the header's brand colour) and the script ran (its hint shows).
    header = page.locator(".site-header").evaluate("el => getComputedStyle(el).backgroundColor")
    assert header == "rgb(31, 92, 74)"
    assert page.locator(".quick-exit__hint").is_visible()
