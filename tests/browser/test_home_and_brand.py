"""The composed home page and the brand in a real browser: axe-core finds no WCAG violation at
1,280 and 360 px in either language, nothing scrolls sideways on a phone, the verify box leads
to the verification, the brand colour reaches the header and the favicon is never a 404."""

from datetime import timedelta

import pytest

from tests.browser.helpers import DESKTOP, LANGUAGES, MOBILE, page_problems

pytestmark = pytest.mark.browser


@pytest.fixture
def composed(site):
    """The test site's home pages with every section filled, a public session to come and a
    brand colour other than the default."""
    from django.utils import timezone
    from wagtail.models import Page

    from courses.models import CoursePage, LiveSessionPage
    from home.models import HomePage, SiteSettings
    from tests.factories import CohortFactory, SessionSlotFactory

    session = LiveSessionPage.objects.filter(locale__language_code="en").first()
    for language in LANGUAGES:
        cohort = CohortFactory(
            course=session.get_parent().specific, language=language, title=f"Cohort {language}"
        )
        SessionSlotFactory(
            cohort=cohort, session=session, starts_at=timezone.now() + timedelta(days=5)
        )
    for home in HomePage.objects.all():
        courses = CoursePage.objects.live().filter(locale_id=home.locale_id)
        home.hero_heading = "Courses on care and on work free from violence"
        home.call_to_action_label = "Browse the courses"
        home.featured_courses = [("course", course) for course in courses]
        home.certification_text = (
            "<ol><li>Complete the modules.</li><li>Receive the certificate.</li></ol>"
        )
        home.organisations = [
            (
                "organisation",
                {
                    "name": "Regional Training Centre",
                    "description": "Designs the courses.",
                    "url": "https://example.org",
                },
            ),
            ("organisation", {"name": "Ministries of labour", "description": "Nominate."}),
        ]
        home.save_revision().publish()
    brand = SiteSettings.for_site(Page.objects.get(pk=home.pk).get_site())
    brand.brand_colour = "#0b57d0"
    brand.accessibility_statement_url = "https://example.org/accessibility"
    brand.save()
    return site


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["1280px", "360px"])
def test_home_page_passes_axe_and_fits_the_screen(page, axe, composed, language, viewport):
    page.set_viewport_size(viewport)

    problems = page_problems(page, axe, composed.home[language], phone=viewport == MOBILE)

    assert not problems, "\n".join(problems)
    assert page.locator(".home-sessions__item").count() == 1
    assert page.locator(".organisation").count() == 2


def test_the_verify_box_leads_to_the_verification(page, composed):
    page.goto(composed.home["en"])

    page.get_by_label("Certificate number or verification code").fill("AULA-NONE-0000")
    page.get_by_role("button", name="Verify").click()

    page.wait_for_url("**/en/certificates/verify/**")
    assert page.locator("h1").is_visible()


def test_the_brand_colour_reaches_the_header(page, composed):
    page.goto(composed.home["en"])

    background = page.locator(".site-header").evaluate("el => getComputedStyle(el).backgroundColor")

    assert background == "rgb(11, 87, 208)"


@pytest.mark.parametrize("path", ["/favicon.ico", "/apple-touch-icon.png"])
def test_icons_are_never_a_404(page, composed, path):
    response = page.request.get(composed.base + path)  # follows the redirect

    assert response.status == 200
    assert response.headers["content-type"] == "image/png"
