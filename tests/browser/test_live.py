"""Live sessions in Chromium: the session page (learner in the join window, visitor), the
learner dashboard's upcoming sessions and calendar address, and the tutor's attendance form.

axe-core finds no WCAG 2.2 AA violation on each page, in English and Spanish, at desktop and
360 px widths; nothing scrolls sideways at 360 px; no console error (e.g. a CSP violation);
the attendance form saves without JavaScript."""

from dataclasses import dataclass

import pytest

from tests.browser.helpers import MOBILE, log_in, page_problems

pytestmark = pytest.mark.browser


@dataclass
class LiveData:
    learner: object
    tutor: object
    session_urls: dict
    slot_id: int


@pytest.fixture
def live_data(site):
    from datetime import timedelta

    from django.utils import timezone

    from courses.models import CourseIndexPage, LiveSessionPage, SessionSlot
    from learners.models import Attendance, Enrolment
    from tests.factories import CohortFactory, UserFactory, build_course, learner

    catalogue = CourseIndexPage.objects.filter(locale__language_code="en").first()
    course = build_course(catalogue, modules=1, sessions=2, title="Care systems", slug="care")
    first, second = LiveSessionPage.objects.child_of(course).order_by("path")
    cohort = CohortFactory(course=course, title="March edition", time_zone="America/Lima")
    tutor = UserFactory(email="tutor@example.org", first_name="Lucía", last_name="Ramírez")
    cohort.tutors.add(tutor)
    person = learner(email="learner@example.org", certificate_name="Ana Núñez")
    person.profile.time_zone = "America/Santiago"
    person.profile.save()
    enrolment = Enrolment.objects.create(learner=person, cohort=cohort, status="active")
    for n in range(4):
        other = learner(email=f"learner{n}@example.org", certificate_name=f"Learner Núñez {n}")
        Enrolment.objects.create(learner=other, cohort=cohort, status="active")
    now = timezone.now()
    SessionSlot.objects.create(
        cohort=cohort,
        session=first,
        starts_at=now + timedelta(minutes=10),
        join_url="https://meet.example.org/care",
    )
    past = SessionSlot.objects.create(
        cohort=cohort,
        session=second,
        starts_at=now - timedelta(days=2),
        join_url="https://meet.example.org/care",
        recording_url="https://video.example.org/care",
    )
    SessionSlot.objects.create(
        cohort=cohort, session=second, starts_at=now + timedelta(days=7), is_cancelled=True
    )
    Attendance.objects.create(enrolment=enrolment, slot=past, joined_at=past.starts_at)
    return LiveData(
        learner=person,
        tutor=tutor,
        session_urls={"first": first.url, "second": second.url},
        slot_id=past.pk,
    )


def _check(page, live_server, axe, paths, width):
    problems = []
    for path in paths.values():
        problems += page_problems(page, axe, live_server.url + path, phone=width == "phone")
    assert not page.console_errors, page.console_errors
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_live_pages_are_accessible_and_fit_small_screens(
    page, live_server, live_data, axe, language, width
):
    if width == "phone":
        page.set_viewport_size(MOBILE)
    sessions = live_data.session_urls
    _check(page, live_server, axe, {"session, visitor": sessions["first"]}, width)
    log_in(page, live_server.url, live_data.learner)
    _check(
        page,
        live_server,
        axe,
        {
            "session in the join window": sessions["first"],
            "past session with recording": sessions["second"],
            "dashboard": f"/{language}/learn/",
        },
        width,
    )
    page.goto(live_server.url + sessions["first"])
    assert page.locator("form.live-slot__join button").count() == 1
    page.context.clear_cookies()
    log_in(page, live_server.url, live_data.tutor)
    _check(
        page,
        live_server,
        axe,
        {"attendance": f"/{language}/tutor/sessions/{live_data.slot_id}/attendance/"},
        width,
    )


def test_attendance_form_saves_without_javascript(no_js_page, live_server, live_data):
    from learners.models import Attendance

    log_in(no_js_page, live_server.url, live_data.tutor)
    no_js_page.goto(f"{live_server.url}/en/tutor/sessions/{live_data.slot_id}/attendance/")
    assert no_js_page.locator("input[type=radio][value=present]:checked").count() == 1
    no_js_page.locator("fieldset.attendance-row").nth(1).locator("input[value=excused]").check()
    no_js_page.locator("form.attendance-form button[type=submit]").click()
    no_js_page.wait_for_load_state()
    assert "Attendance is saved." in no_js_page.locator("body").inner_text()
    assert set(Attendance.objects.values_list("status", flat=True)) == {"present", "excused"}
