"""The account pages in a real browser (issue 13, item 3): axe-core finds no WCAG 2.2 AA
violation at 1,280 and 360 px in either language, nothing scrolls sideways on a phone, a
refused form shows its errors with what was typed; the profile's time zone is proposed from
the browser's own zone and from a country with one zone (static/js/profile-zone.js)."""

import pytest

from tests.browser.helpers import (
    DESKTOP,
    LANGUAGES,
    MOBILE,
    WCAG_TAGS,
    format_violations,
    log_in,
    page_problems,
    run_axe,
)

pytestmark = pytest.mark.browser

ENTRANCE = [
    "accounts/signup/",
    "accounts/login/",
    "accounts/password/reset/",
    "accounts/password/reset/done/",
    "accounts/confirm-email/",
    "accounts/password/reset/key/1-set-password/",
]
MANAGE = [
    "accounts/email/",
    "accounts/password/change/",
    "accounts/logout/",
    "accounts/2fa/",
    "accounts/sessions/",
    "learn/profile/",
]


@pytest.fixture
def member(site):
    from allauth.account.models import EmailAddress

    from tests.factories import learner

    user = learner(email="ana@example.org", certificate_name="Ana Pérez", organisation="OIT")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["1280", "360"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_account_pages_pass_axe(page, site, axe, member, language, viewport):
    page.set_viewport_size(viewport)
    phone = viewport is MOBILE
    problems = []
    for path in ENTRANCE:
        problems += page_problems(page, axe, f"{site.base}/{language}/{path}", phone=phone)
    # A refused sign-up: the errors are announced next to the fields, the address stays.
    page.goto(f"{site.base}/{language}/accounts/signup/")
    page.fill("#id_email", "rosa@example.org")
    page.fill("#id_password1", "short")
    page.fill("#id_password2", "other")
    page.locator("main form button[type=submit]").click()
    # The answer's errors exist only on the new page; axe runs once it has loaded (styles
    # included: without them every link is too small a target).
    page.locator("main .error").first.wait_for()
    page.wait_for_load_state("load")
    assert page.locator("#id_email").input_value() == "rosa@example.org"
    assert page.locator("main .error").count() >= 1
    violations = run_axe(axe, page, WCAG_TAGS)
    if violations:
        problems.append(f"refused sign-up:\n{format_violations(violations)}")
    log_in(page, site.base, member)
    for path in MANAGE:
        problems += page_problems(page, axe, f"{site.base}/{language}/{path}", phone=phone)
    assert not problems, "\n".join(problems)
    assert not page.console_errors, page.console_errors


def test_header_links_to_sign_up(page, site):
    page.goto(f"{site.base}/en/courses/")
    page.get_by_role("link", name="Sign up").click()
    assert page.locator("h1").inner_text() == "Sign up"


def test_profile_proposes_the_browsers_zone_then_the_countrys(browser, site):
    from django.contrib.auth import get_user_model

    from tests.browser.conftest import _new_context

    user = get_user_model().objects.create_user(email="new@example.org", password="x" * 12)
    context = _new_context(browser, timezone_id="America/Lima")
    try:
        page = context.new_page()
        log_in(page, site.base, user)
        page.goto(f"{site.base}/en/learn/profile/")
        assert page.locator("#id_time_zone").input_value() == "America/Lima"
        page.select_option("#id_country", "UY")
        assert page.locator("#id_time_zone").input_value() == "America/Montevideo"
        page.select_option("#id_time_zone", "America/Argentina/Buenos_Aires")
        page.select_option("#id_country", "PE")  # chosen by hand: kept
        assert page.locator("#id_time_zone").input_value() == "America/Argentina/Buenos_Aires"
    finally:
        context.close()
