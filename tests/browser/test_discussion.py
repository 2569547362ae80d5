"""The cohort discussion in Chromium: a learner asks a question from a module page, the tutor
answers, the learner sees it answered and gets the daily summary by email; a private question
stays out of another learner's sight; a sensitive course shows pseudonyms (and the quick exit);
axe-core finds no WCAG 2.2 AA violation on the discussion pages at 1,280 and 360 px."""

from dataclasses import dataclass
from datetime import timedelta

import pytest

from tests.browser.helpers import MOBILE, log_in, page_problems

pytestmark = pytest.mark.browser


@dataclass
class Discussion:
    tutor: object
    ana: object
    beto: object
    cohort: object
    module: object
    sensitive_cohort: object


@pytest.fixture
def discussion(site):
    from courses.models import CourseIndexPage, ModulePage
    from tests.factories import (
        CohortFactory,
        EnrolmentFactory,
        UserFactory,
        build_course,
        learner,
        publish_course,
    )

    catalogue = CourseIndexPage.objects.filter(locale__language_code="en").first()
    course = build_course(catalogue, modules=2, title="Decent work and the care economy")
    cohort = CohortFactory(course=course, title="March edition")
    tutor = UserFactory(email="tutor@example.org", first_name="Lucía", last_name="Ramírez")
    cohort.tutors.add(tutor)
    ana = learner(email="ana@example.org", certificate_name="Ana Pereira")
    beto = learner(email="beto@example.org", certificate_name="Beto Silva")
    for person in (ana, beto):
        EnrolmentFactory(learner=person, cohort=cohort)
    sensitive = build_course(catalogue, modules=1, title="Harassment at work", slug="harassment")
    publish_course(sensitive, sensitive=True)
    sensitive_cohort = CohortFactory(course=sensitive, title="April edition")
    sensitive_cohort.tutors.add(tutor)
    for person in (ana, beto):
        EnrolmentFactory(learner=person, cohort=sensitive_cohort)
    module = ModulePage.objects.child_of(course).order_by("path").first()
    return Discussion(tutor, ana, beto, cohort, module, sensitive_cohort)


def _as(page, live_server, user):
    page.context.clear_cookies()
    log_in(page, live_server.url, user)


def test_module_question_answered_by_the_tutor_reaches_the_learner(
    page, live_server, discussion, mailoutbox
):
    from django.utils import timezone

    from learners.discussion.emails import send_digests

    _as(page, live_server, discussion.ana)
    page.goto(live_server.url + discussion.module.url)
    panel = page.locator(".module-questions")
    assert "Questions about this module" in panel.inner_text()
    panel.locator("#id_title").fill("Is the first reading required?")
    panel.locator("#id_body").fill("The outline lists two readings.")
    panel.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Is the first reading required?"
    thread_url = page.url

    _as(page, live_server, discussion.tutor)
    page.goto(live_server.url + "/en/tutor/")
    assert "Is the first reading required?" in page.locator(".tutor-discussion").inner_text()
    page.goto(thread_url)
    page.fill("#id_body", "Only the first one.")
    page.locator("#reply-title + form button[type=submit]").click()
    page.wait_for_load_state()
    assert "Only the first one." in page.locator(".posts").inner_text()

    _as(page, live_server, discussion.ana)
    page.goto(f"{live_server.url}/en/learn/cohorts/{discussion.cohort.pk}/discussion/")
    assert "Answered" in page.locator(".threads").inner_text()
    page.goto(live_server.url + discussion.module.url)
    assert "Answered" in page.locator(".module-questions").inner_text()

    send_digests(now=timezone.now() + timedelta(minutes=1))
    [message] = [m for m in mailoutbox if m.to == ["ana@example.org"]]
    assert "Is the first reading required?" in message.body
    assert "1 new reply" in message.body


def test_private_question_is_invisible_to_another_learner(page, live_server, discussion):
    listing = f"{live_server.url}/en/learn/cohorts/{discussion.cohort.pk}/discussion/"
    _as(page, live_server, discussion.ana)
    page.goto(listing)
    page.fill("#id_title", "A personal situation")
    page.fill("#id_body", "Only for the tutor.")
    page.check("#id_is_private")
    page.locator("#new-thread-title + form button[type=submit]").click()
    page.wait_for_load_state()
    thread_url = page.url
    assert "Private" in page.locator("main").inner_text()

    _as(page, live_server, discussion.beto)
    page.goto(listing)
    assert "A personal situation" not in page.locator("main").inner_text()
    assert page.goto(thread_url).status == 404


def test_pseudonyms_and_quick_exit_on_a_sensitive_course(page, live_server, discussion):
    from learners.discussion import services
    from learners.discussion.models import Pseudonym

    cohort = discussion.sensitive_cohort
    thread = services.create_thread(cohort=cohort, author=discussion.ana, title="Hard", body="…")
    number = Pseudonym.objects.get(cohort=cohort, user=discussion.ana).number
    _as(page, live_server, discussion.beto)
    page.goto(f"{live_server.url}/en/learn/cohorts/{cohort.pk}/discussion/{thread.pk}/")
    main = page.locator("main").inner_text()
    assert f"Participant {number}" in main and "Ana Pereira" not in main
    assert page.locator("#quick-exit").is_visible()


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_discussion_pages_are_accessible(page, live_server, discussion, axe, language, width):
    from learners.discussion import services

    cohort = discussion.cohort
    thread = services.create_thread(
        cohort=cohort,
        author=discussion.ana,
        title="When is the deadline?",
        body="<p>For <strong>module 1</strong>.</p>",
        is_question=True,
        module=discussion.module,
    )
    services.reply(thread=thread, author=discussion.tutor, body="Friday.", moderator=True)
    hidden = services.reply(thread=thread, author=discussion.beto, body="Spam")
    services.hide_post(post=hidden, by=discussion.tutor)
    reported = services.reply(thread=thread, author=discussion.beto, body="<p>Rude</p>")
    services.report_post(post=reported, reporter=discussion.ana, reason="Insulting")
    if width == "phone":
        page.set_viewport_size(MOBILE)
    site = f"{live_server.url}/{language}"
    base = f"{site}/learn/cohorts/{cohort.pk}/discussion/"
    emails = f"{site}/learn/discussion/notifications/"
    reports = f"{site}/tutor/cohorts/{cohort.pk}/discussion/reports/"
    problems = []
    for user, paths in (
        (discussion.beto, [base, f"{base}{thread.pk}/", emails]),
        (discussion.tutor, [base, f"{base}{thread.pk}/", f"{site}/tutor/", reports, emails]),
    ):
        _as(page, live_server, user)
        for url in paths:
            problems += page_problems(page, axe, url, phone=width == "phone")
    assert not page.console_errors, page.console_errors
    assert not problems, "\n".join(problems)
