"""The tutor dashboard in Chromium: the cohort list, the learner table (filters, sort, an
announcement refused and kept), one learner's page, and the staff report in the admin.

axe-core finds no WCAG 2.2 AA violation on each page, in English and Spanish, at desktop and
360 px widths; the page itself never scrolls sideways at 360 px (the wide table scrolls inside
its own focusable region); the filters and sorting work without JavaScript; no console error
(e.g. a Content-Security-Policy violation) shows up."""

from dataclasses import dataclass

import pytest

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
class TutorData:
    tutor: object
    staff: object
    cohort_id: int
    enrolment_id: int


@pytest.fixture
def tutor_data(site):
    from datetime import timedelta

    from django.utils import timezone

    from courses.models import CourseIndexPage, ModulePage
    from learners.enrolment.announcements import post_announcement
    from learners.models import Enrolment, ModuleProgress, Reflection
    from tests.factories import CohortFactory, UserFactory, build_course, learner

    catalogue = CourseIndexPage.objects.filter(locale__language_code="en").first()
    course = build_course(catalogue, modules=3, title="Decent work and the care economy")
    today = timezone.localdate()
    cohort = CohortFactory(
        course=course,
        title="March edition",
        starts_on=today - timedelta(days=20),
        ends_on=today + timedelta(days=20),
    )
    tutor = UserFactory(email="tutor@example.org", first_name="Lucía", last_name="Ramírez")
    cohort.tutors.add(tutor)
    staff = UserFactory(email="staff@example.org", is_superuser=True, is_staff=True)
    first = None
    for n, (country, organisation) in enumerate(
        [("PE", "MTPE"), ("CL", "SENCE"), ("UY", "MTSS"), ("MX", "STPS")] * 3
    ):
        person = learner(
            email=f"learner{n}@example.org",
            certificate_name=f"Learner Núñez {n}",
            country=country,
            organisation=organisation,
        )
        enrolment = Enrolment.objects.create(
            learner=person,
            cohort=cohort,
            status="completed" if n % 5 == 0 else "active",
            progress_percent=(n * 13) % 100,
            modules_done=n % 4,
            quiz_average=None if n % 3 == 0 else 60 + n,
            sessions_attended=n % 3,
            last_activity_at=timezone.now() - timedelta(days=n * 3),
        )
        first = first or enrolment
    module = ModulePage.objects.child_of(course).first()
    ModuleProgress.objects.create(
        enrolment=first, module_key=module.translation_key, completed_at=timezone.now()
    )
    Reflection.objects.create(
        enrolment=first,
        module_key=module.translation_key,
        block_id="orphan",
        text="<p>Care work is <strong>invisible</strong> in our statistics.</p>",
    )
    post_announcement(
        cohort=cohort,
        author=tutor,
        subject="Welcome",
        body="Start with <em>module one</em>.\n\nSee you on Friday.",
    )
    return TutorData(tutor=tutor, staff=staff, cohort_id=cohort.pk, enrolment_id=first.pk)


def _pages(data, language):
    base = f"/{language}/tutor/"
    cohort = f"{base}cohorts/{data.cohort_id}/"
    return {
        "dashboard": base,
        "cohort": cohort,
        "cohort filtered": cohort + "?country=CL&status=all&sort=-progress",
        "learner": f"{cohort}learners/{data.enrolment_id}/",
    }


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_tutor_pages_are_accessible_and_fit_small_screens(
    page, live_server, tutor_data, axe, language, width
):
    if width == "phone":
        page.set_viewport_size(MOBILE)
    log_in(page, live_server.url, tutor_data.tutor)
    problems = []
    for path in _pages(tutor_data, language).values():
        problems += page_problems(page, axe, live_server.url + path, phone=width == "phone")
    assert not page.console_errors, page.console_errors
    assert not problems, "\n".join(problems)


def test_refused_announcement_page_is_accessible_and_keeps_the_text(
    page, live_server, tutor_data, axe
):
    from learners.enrolment.sanitize import MAX_LENGTH

    log_in(page, live_server.url, tutor_data.tutor)
    page.goto(f"{live_server.url}/en/tutor/cohorts/{tutor_data.cohort_id}/")
    page.fill("#id_subject", "A long one")
    text = "word " * (MAX_LENGTH // 5 + 5)
    page.fill("#id_body", text)
    page.locator(".announcement-form button").click()
    page.wait_for_load_state()
    assert "The message is too long" in page.locator("main").inner_text()
    assert page.input_value("#id_body").strip() == text.strip()
    violations = run_axe(axe, page, WCAG_TAGS)
    assert not violations, format_violations(violations)


def test_filters_and_sorting_work_without_javascript(no_js_page, live_server, tutor_data):
    log_in(no_js_page, live_server.url, tutor_data.tutor)
    no_js_page.goto(f"{live_server.url}/en/tutor/cohorts/{tutor_data.cohort_id}/")
    no_js_page.select_option("#id_country", label="Chile")  # the code CL, by its name
    no_js_page.locator("form.filters button").click()
    no_js_page.wait_for_load_state()
    names = no_js_page.locator(".learner-table tbody th").all_inner_texts()
    assert names and len(names) == 3
    no_js_page.locator(".learner-table thead a", has_text="Progress").click()
    no_js_page.wait_for_load_state()
    assert "country=CL" in no_js_page.url and "sort=progress" in no_js_page.url
    cells = no_js_page.locator(".learner-table tbody td:nth-child(4)").all_inner_texts()
    values = [int(cell.strip().rstrip("%")) for cell in cells]
    assert values == sorted(values)


def test_staff_report_is_accessible(page, live_server, tutor_data, axe):
    log_in(page, live_server.url, tutor_data.staff)
    response = page.goto(f"{live_server.url}/admin/reports/progress/")
    assert response.status == 200
    assert page.locator("svg.aula-bar rect").count() > 0
    violations = run_axe(axe, page, WCAG_TAGS)
    assert not violations, format_violations(violations)
