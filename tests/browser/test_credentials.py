"""The digital credential check in Chromium: a credential pasted on the verification page
without JavaScript gives its verdict; the verdict pages (valid, altered) pass axe-core's
WCAG 2.2 AA checks at 1,280 and 360 px with nothing scrolling sideways."""

import pytest

from tests.browser.helpers import MOBILE, WCAG_TAGS, format_violations, run_axe

pytestmark = pytest.mark.browser


@pytest.fixture
def credential(site):
    from courses.models import CourseIndexPage
    from learners.certificates.services import issue_certificate
    from tests.certificates.conftest import complete
    from tests.factories import CohortFactory, build_course, learner

    catalogue = CourseIndexPage.objects.filter(locale__language_code="en").first()
    course = build_course(catalogue, modules=1, title="Decent work and the care economy")
    camila = learner(email="camila@example.org", certificate_name="Camila Núñez Peña")
    certificate, _created = issue_certificate(
        enrolment_id=complete(camila, CohortFactory(course=course)).pk
    )
    certificate.refresh_from_db()
    return certificate.credential


def _check(page, base_url, language, text):
    page.goto(f"{base_url}/{language}/certificates/verify/")
    page.fill("#id_credential", text)
    page.locator(".credential-check button").click()
    page.wait_for_load_state()
    return page.locator("main").inner_text()


@pytest.mark.parametrize("language", ["en", "es"])
def test_pasted_credential_is_checked_without_javascript(
    no_js_page, live_server, credential, language
):
    text = _check(no_js_page, live_server.url, language, credential)
    assert "Camila Núñez Peña" in text
    assert ("Valid credential" if language == "en" else "Credencial válida") in text


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_verdict_pages_are_accessible(page, live_server, credential, axe, width):
    from tests.certificates.credential_helpers import parts, with_payload

    if width == "phone":
        page.set_viewport_size(MOBILE)
    payload = parts(credential)[1]
    payload["name"] = "Doctorate"
    altered = with_payload(credential, payload)
    for text, heading in ((credential, "Valid credential"), (altered, "Altered credential")):
        assert heading in _check(page, live_server.url, "en", text)
        violations = run_axe(axe, page, WCAG_TAGS)
        assert not violations, format_violations(violations)
        scroll = page.evaluate("() => document.scrollingElement.scrollWidth")
        assert scroll <= page.viewport_size["width"], f"scrolls sideways ({scroll}px)"
