"""A learner's own progress in Chromium: the module page with a quiz answered (score, feedback,
answers shown again) and a reflection saved, the course page with its progress bar and
"continue" link, and /learn/.

axe-core finds no WCAG 2.2 AA violation on each, in English and Spanish, at desktop and 360 px
(no sideways scroll); answering a quiz and marking a module complete work without JavaScript."""

import pytest

from tests.browser.helpers import MOBILE, log_in, page_problems

pytestmark = pytest.mark.browser


@pytest.fixture
def enrolled(site, settings):
    """A learner enrolled in the sensitive course, with one quiz attempt and one reflection."""
    from courses.models import CoursePage, ModulePage
    from learners.models import Enrolment
    from learners.progress import services as progress
    from tests.factories import CohortFactory, learner

    settings.AULA_MODULES_REQUIRE_ENROLMENT = True
    path = site.module["en"].removeprefix(site.base)
    module = next(page for page in ModulePage.objects.live() if page.url == path)
    course = CoursePage.objects.ancestor_of(module).get()
    user = learner(email="camila@example.org", certificate_name="Camila Núñez")
    enrolment = Enrolment.objects.create(
        learner=user, cohort=CohortFactory(course=course), status="active"
    )
    quiz = next(block for block in module.body if block.block_type == "quiz")
    reflection = next(block for block in module.body if block.block_type == "reflection")
    progress.submit_quiz(enrolment=enrolment, module=module, block_id=quiz.id, answers={1: {1}})
    progress.save_reflection(
        enrolment=enrolment,
        module=module,
        block_id=reflection.id,
        text="In my ministry <strong>nobody</strong> counts care work.",
    )
    return user


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_a_learners_progress_pages_are_accessible_and_fit_small_screens(
    page, live_server, site, enrolled, axe, language, width
):
    if width == "phone":
        page.set_viewport_size(MOBILE)
    log_in(page, live_server.url, enrolled)
    problems = []
    for url in (
        site.module[language],
        site.course[language],
        f"{live_server.url}/{language}/learn/",
    ):
        problems += page_problems(page, axe, url, phone=width == "phone")
    assert not page.console_errors, page.console_errors
    assert not problems, "\n".join(problems)


def test_a_quiz_is_answered_and_graded_without_javascript(no_js_page, live_server, site, enrolled):
    log_in(no_js_page, live_server.url, enrolled)
    no_js_page.goto(site.module["en"])
    quiz = no_js_page.locator("section.quiz").first
    quiz.locator("input[name='question-1']").first.check()
    quiz.locator("button[type='submit']").click()
    no_js_page.wait_for_load_state()
    main = no_js_page.locator("main").inner_text()
    assert "You scored" in main
    assert "Best score" in main
    assert (
        no_js_page.locator("section.quiz")
        .first.locator("input[name='question-1']")
        .first.is_checked()
    )
