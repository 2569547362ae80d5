"""Constants and small helpers shared by the browser tests."""

# Quick exit leaves for a neutral site on another origin. There is no network in the test
# environment, so the browser context answers this address itself (conftest.py).
NEUTRAL_ORIGIN = "https://weather.example"
NEUTRAL_URL = NEUTRAL_ORIGIN + "/today"
NEUTRAL_TITLE = "Weather today"

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
LANGUAGES = ["en", "es"]
MOBILE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


def run_axe(axe, page, tags):
    """axe-core's violations on the current page for the given rule tags."""
    results = axe.run(
        page,
        options={"runOnly": {"type": "tag", "values": tags}, "resultTypes": ["violations"]},
    )
    return results.response["violations"]


def format_violations(violations) -> str:
    """One line per violation (id, impact, help), then one per offending node (target, html)."""
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            target = ", ".join(map(str, node["target"]))
            lines.append(f"    at {target}: {node['html'][:200]}")
            if node.get("failureSummary"):
                lines.append("      " + node["failureSummary"].replace("\n", "\n      "))
    return "\n".join(lines)


def focused(page) -> dict:
    """What has keyboard focus: tag, id, classes, text and box (in viewport coordinates)."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            if (!el || el === document.body) return {tag: el ? "body" : null};
            const box = el.getBoundingClientRect();
            return {
                tag: el.tagName.toLowerCase(), id: el.id, className: el.className,
                text: (el.innerText || "").trim(), href: el.getAttribute("href"),
                top: box.top, bottom: box.bottom, left: box.left, right: box.right,
                width: box.width, height: box.height,
            };
        }"""
    )


def h1(page) -> str:
    return page.locator("h1").inner_text().strip()


def log_in(page, base_url: str, user) -> None:
    """Sign ``user`` in for this tab: a session made by Django's test client, as a cookie."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base_url}]
    )


def page_problems(page, axe, url: str, *, phone: bool, status: int = 200) -> list[str]:
    """Open ``url`` and list what is wrong with it: axe-core's WCAG violations and, on a phone,
    a page that scrolls sideways. The response status must be ``status``."""
    response = page.goto(url)
    assert response.status == status, (url, response.status)
    problems = []
    violations = run_axe(axe, page, WCAG_TAGS)
    if violations:
        problems.append(f"{url}:\n{format_violations(violations)}")
    if phone:
        scroll = page.evaluate("() => document.scrollingElement.scrollWidth")
        if scroll > MOBILE["width"]:
            problems.append(f"{url}: scrolls sideways ({scroll}px)")
    return problems
