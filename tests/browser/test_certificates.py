"""Certificate pages in Chromium: verification (valid, revoked, replaced, unknown, throttled),
the lookup form and the learner's dashboard with a certificate. axe-core finds no WCAG 2.2 AA
violation, nothing scrolls sideways at 360 px, the lookup form works without JavaScript, and
no console error (e.g. a Content-Security-Policy violation) shows up."""

from dataclasses import dataclass

import pytest

from aula.throttle import VERIFICATION_MISSES
from tests.browser.helpers import (
    MOBILE,
    WCAG_TAGS,
    format_violations,
    log_in,
    page_problems,
    run_axe,
)

pytestmark = pytest.mark.browser


@dataclass
class CertificateUrls:
    valid: str
    revoked: str
    replaced: str
    number: str
    learner: object


@pytest.fixture
def certificates(site):
    from courses.models import CourseCompetency, CourseIndexPage
    from learners.certificates.services import issue_certificate, reissue, revoke
    from tests.certificates.conftest import complete
    from tests.factories import CohortFactory, UserFactory, build_course, learner

    catalogue = CourseIndexPage.objects.filter(locale__language_code="en").first()
    course = build_course(catalogue, modules=1, title="Decent work and the care economy")
    CourseCompetency.objects.create(page=course, title="Analyse care policies", sort_order=0)
    cohort = CohortFactory(course=course)
    staff = UserFactory(email="staff@example.org", is_superuser=True, is_staff=True)
    camila = learner(email="camila@example.org", certificate_name="Camila Núñez Peña")
    valid, _ = issue_certificate(enrolment_id=complete(camila, cohort).pk)
    revoked, _ = issue_certificate(enrolment_id=complete(learner(email="r@example.org"), cohort).pk)
    revoke(certificate=revoked, by=staff, reason="Issued in error")
    old, _ = issue_certificate(
        enrolment_id=complete(learner(email="j@example.org", certificate_name="Joao"), cohort).pk
    )
    reissue(certificate=old, by=staff)
    return CertificateUrls(
        valid=f"/certificates/verify/{valid.code}/",
        revoked=f"/certificates/verify/{revoked.code}/",
        replaced=f"/certificates/verify/{old.code}/",
        number=valid.number,
        learner=camila,
    )


def _pages(certificates, language):
    return {
        "valid": f"/{language}{certificates.valid}",
        "revoked": f"/{language}{certificates.revoked}",
        "replaced": f"/{language}{certificates.replaced}",
        "unknown": f"/{language}/certificates/verify/NoSuchCode0000000000000/",
        "form": f"/{language}/certificates/verify/",
        "dashboard": f"/{language}/learn/",
    }


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_certificate_pages_are_accessible_and_fit_small_screens(
    page, live_server, certificates, axe, language, width
):
    if width == "phone":
        page.set_viewport_size(MOBILE)
    log_in(page, live_server.url, certificates.learner)
    problems = []
    for name, path in _pages(certificates, language).items():
        status = 404 if name == "unknown" else 200
        problems += page_problems(
            page, axe, live_server.url + path, phone=width == "phone", status=status
        )
    # The unknown code's page answers 404 on purpose, which the console reports; nothing else.
    errors = [e for e in page.console_errors if "status of 404" not in e]
    assert not errors, errors
    assert not problems, "\n".join(problems)


def test_lookup_form_finds_a_typed_number_without_javascript(no_js_page, live_server, certificates):
    no_js_page.goto(live_server.url + "/es/certificates/verify/")
    no_js_page.fill("#certificate-code", certificates.number.lower().replace("-", " "))
    no_js_page.locator(".certificate-lookup button").click()
    no_js_page.wait_for_load_state()
    assert "Camila Núñez Peña" in no_js_page.locator("main").inner_text()


def test_throttled_page_is_accessible(page, live_server, certificates, axe):
    for n in range(VERIFICATION_MISSES.failures):
        page.goto(f"{live_server.url}/en/certificates/verify/guess{n}/")
    response = page.goto(f"{live_server.url}/en/certificates/verify/one-more/")
    assert response.status == 429
    violations = run_axe(axe, page, WCAG_TAGS)
    assert not violations, format_violations(violations)
