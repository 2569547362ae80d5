"""/learn/ in Chromium with a course to continue and a live series: "Continue where you left off"
is the first thing under the heading, the course cards carry no list bullet, the series shows
the sessions attended; axe-core finds no WCAG 2.2 AA violation at 1,280 and 360 px and the page
does not scroll sideways on a phone."""

import pytest

from tests.browser.helpers import DESKTOP, MOBILE, log_in, page_problems

pytestmark = pytest.mark.browser


@pytest.fixture
def me(site):
    from datetime import timedelta

    from django.utils import timezone

    from courses.models import CourseIndexPage, LiveSessionPage, ModulePage
    from tests.factories import (
        CohortFactory,
        EnrolmentFactory,
        SessionSlotFactory,
        build_course,
        learner,
    )

    catalogue = CourseIndexPage.objects.filter(locale__language_code="en").first()
    person = learner(email="learner@example.org", certificate_name="Ana Núñez")
    course = build_course(catalogue, modules=3, title="Decent work and the care economy")
    first = ModulePage.objects.child_of(course).order_by("path").first()
    EnrolmentFactory(
        learner=person,
        cohort=CohortFactory(course=course, title="March edition"),
        last_activity_at=timezone.now() - timedelta(days=1),
        last_module_key=first.translation_key,
    )
    series = build_course(catalogue, modules=0, sessions=3, title="Care webinars")
    cohort = CohortFactory(course=series, title="Webinar series")
    for n, session in enumerate(LiveSessionPage.objects.child_of(series).order_by("path")):
        SessionSlotFactory(
            cohort=cohort, session=session, starts_at=timezone.now() + timedelta(days=7 * n - 6)
        )
    EnrolmentFactory(learner=person, cohort=cohort, sessions_attended=1)
    return person


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["1280", "360"])
def test_learn_page_reads_in_order_without_bullets(page, live_server, me, axe, viewport):
    page.set_viewport_size(viewport)
    log_in(page, live_server.url, me)
    url = f"{live_server.url}/en/learn/"
    problems = page_problems(page, axe, url, phone=viewport == MOBILE)
    assert not problems, "\n".join(problems)
    first_section = page.locator("main h1 ~ section").first
    assert "Continue where you left off" in first_section.inner_text()
    markers = page.evaluate(
        """() => [...document.querySelectorAll(".enrolments > li")]
            .map((item) => getComputedStyle(item).listStyleType)"""
    )
    assert markers == ["none", "none"]
    assert "1 of 3 live sessions attended" in page.locator(".enrolments").inner_text()
    assert not page.console_errors, page.console_errors
