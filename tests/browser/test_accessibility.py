"""axe-core finds nothing to fix on the public pages, in English and in Spanish.

The rule set is WCAG 2.2 AA (every WCAG A/AA tag up to 2.2); axe's best practices (landmarks,
unique landmark names, heading order…) are checked too, and reported apart. The pages include
a sensitive course (quick exit, content note, support links) and a module whose body has
callouts, two quizzes and two reflection prompts, so the markup of every block is exercised.
The same visit checks that each page is sent with the Content-Security-Policy and renders
under it without a console error (a blocked inline script or style would show up there).
"""

import pytest

from tests.browser.helpers import LANGUAGES, WCAG_TAGS, format_violations, run_axe

pytestmark = pytest.mark.browser

# axe-core 4.12 retired its duplicate-id rules (WCAG 2.2 dropped 4.1.1 Parsing), but a repeated
# id still breaks label[for], aria-labelledby and in-page links, so it is checked here.
ID_PROBLEMS = """() => {
    const problems = [];
    const seen = new Map();
    for (const el of document.querySelectorAll("[id]")) {
        seen.set(el.id, (seen.get(el.id) || 0) + 1);
    }
    for (const [id, count] of seen) if (count > 1) problems.push(`id "${id}" used ${count} times`);
    for (const el of document.querySelectorAll("[aria-labelledby], [aria-describedby]")) {
        for (const attr of ["aria-labelledby", "aria-describedby"]) {
            for (const ref of (el.getAttribute(attr) || "").split(/\\s+/).filter(Boolean)) {
                if (!document.getElementById(ref)) problems.push(`${attr}="${ref}" points nowhere`);
            }
        }
    }
    for (const label of document.querySelectorAll("label[for]")) {
        const target = document.getElementById(label.htmlFor);
        if (!target || !target.labels || ![...target.labels].includes(label)) {
            problems.push(`label for="${label.htmlFor}" does not label its control`);
        }
    }
    return problems;
}"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_have_no_wcag22_aa_violations(page, site, axe, language):
    wcag, best_practice, ids = [], [], []
    for name, url in site.every(language).items():
        response = page.goto(url)
        assert response.ok, f"{name}: {url} answered {response.status}"
        assert "default-src 'self'" in response.headers.get("content-security-policy", "")
        assert page.locator("html").get_attribute("lang") == language
        violations = run_axe(axe, page, [*WCAG_TAGS, "best-practice"])
        found_wcag = [v for v in violations if set(v["tags"]) & set(WCAG_TAGS)]
        found_other = [v for v in violations if v not in found_wcag]
        if found_wcag:
            wcag.append(f"## {name} ({url})\n{format_violations(found_wcag)}")
        if found_other:
            best_practice.append(f"## {name} ({url})\n{format_violations(found_other)}")
        ids.extend(f"{name}: {problem}" for problem in page.evaluate(ID_PROBLEMS))

    assert not wcag, "axe-core WCAG 2.2 AA violations:\n" + "\n".join(wcag)
    assert not best_practice, "axe-core best-practice violations:\n" + "\n".join(best_practice)
    assert not ids, "Broken ids and references:\n" + "\n".join(ids)
    assert page.console_errors == [], "Console errors (CSP violations?)"


def test_quiz_labels_check_their_own_radio_button(page, site):
    """Two quizzes on one module page: each label belongs to its own quiz's radio group."""
    page.goto(site.module["en"])
    quizzes = page.locator("section.quiz")
    assert quizzes.count() == 2
    groups = page.evaluate(
        """() => [...document.querySelectorAll("section.quiz fieldset")].map(fs => ({
            legend: fs.querySelector("legend").innerText,
            radios: [...fs.querySelectorAll("input[type=radio]")].map(r => ({
                label: [...r.labels].map(l => l.innerText).join(" "), name: r.name,
            })),
        }))"""
    )
    assert [len(g["radios"]) for g in groups] == [2, 2, 3]
    for group in groups:
        assert all(radio["label"] for radio in group["radios"]), group
        assert len({radio["name"] for radio in group["radios"]}) == 1, group
    # The second quiz's answers are labelled with its own choices, not the first quiz's.
    assert [r["label"] for r in groups[2]["radios"]] == ["The employer", "The victim", "Nobody"]
    # Each quiz has its own heading, and the page's headings go down one level at a time.
    levels = page.evaluate(
        "() => [...document.querySelectorAll('main h1, main h2, main h3, main h4')]"
        ".map(h => Number(h.tagName[1]))"
    )
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels


def test_keyboard_focus_is_always_visible(page, site):
    """Every element reached with Tab shows a focus indicator (outline or ring)."""
    page.goto(site.course["en"])
    missing = []
    for _ in range(12):
        page.keyboard.press("Tab")
        style = page.evaluate(
            """() => {
                const el = document.activeElement, s = getComputedStyle(el);
                return {
                    what: el.outerHTML.slice(0, 80),
                    outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2,
                    ring: s.boxShadow !== "none",
                };
            }"""
        )
        if not (style["outline"] or style["ring"]):
            missing.append(style["what"])
    assert not missing, "No visible focus indicator on:\n" + "\n".join(missing)
