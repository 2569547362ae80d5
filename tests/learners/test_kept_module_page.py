"""A signed-in learner's module page kept for them (learners/learn/page_cache.py): a second view
is not rendered again; the learner's work on that module, the cohort's threads about it, their
seat and the messages waiting are on the very next view; work on another module leaves it kept."""

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from home.templatetags.aula_tags import ONE_TIME_SLOT
from learners.accounts import page_state
from learners.discussion import services as discussion
from learners.discussion.models import Thread
from learners.enrolment import services as enrolment_services
from learners.learn import page_cache as learner_page_cache
from tests.factories import EnrolmentFactory, build_course, learner
from tests.learners.kept_pages import KEPT_QUERIES, kept, view
from tests.learners.test_progress import block_id, post_quiz, quiz_module

TOKEN = re.compile(r'name="token" value="([^"]+)"')
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def course(catalogue):
    return build_course(catalogue, modules=2, title="Decent work in the care economy")


@pytest.fixture
def reader(seat):
    client = Client()
    client.force_login(seat.learner)
    return client


@pytest.fixture
def module(course):
    return quiz_module(course)


def test_second_view_of_a_module_is_the_kept_copy(reader, module):
    first, rendered = view(reader, module.url)  # the first sets the CSRF cookie: kept under it
    second, kept = view(reader, module.url)
    assert TOKEN.sub("", second) == TOKEN.sub("", first)  # each view has its own question token
    assert kept == KEPT_QUERIES < rendered


def test_a_quiz_answer_is_shown_at_once_with_its_message_and_the_next_view_iskept(reader, module):
    assert "Best score" not in kept(reader, module.url)
    post_quiz(reader, module, {1: [1], 2: [1, 2]})
    html, queries = view(reader, module.url)  # the page the POST redirects to
    assert queries > KEPT_QUERIES
    assert "You scored 100% (2 of 2). Passed." in html and "Best score 100%" in html
    again, queries = view(reader, module.url)
    assert queries == KEPT_QUERIES
    assert "Best score 100%" in again
    assert "You scored" not in again  # a message is shown once


def test_work_on_another_module_leaves_this_onekept(reader, module, course):
    other = quiz_module(course, "Second quiz")
    kept(reader, module.url)
    post_quiz(reader, other, {1: [1], 2: [1, 2]})
    _html, queries = view(reader, module.url)
    assert queries == KEPT_QUERIES


def test_marking_a_module_complete_is_shown_at_once(reader, course):
    module = course.get_children().specific().first()
    assert "Mark this module as complete" in kept(reader, module.url)
    reader.post(reverse("learn_module_complete", args=[module.pk]))
    html, _queries = view(reader, module.url)
    assert "You have completed this module." in html


def test_a_saved_reflection_is_shown_at_once(reader, module):
    kept(reader, module.url)
    reader.post(
        reverse("learn_reflection", args=[module.pk]),
        {"block_id": block_id(module, "reflection"), "text": "My grandmother cared for us all."},
    )
    assert "My grandmother cared for us all." in view(reader, module.url)[0]


def test_a_refused_reflection_shows_what_was_typed_not_the_kept_copy(reader, module):
    kept(reader, module.url)
    typed = "Mi respuesta sobre el cuidado. " * 2000
    reader.post(
        reverse("learn_reflection", args=[module.pk]),
        {"block_id": block_id(module, "reflection"), "text": typed},
    )
    html, _queries = view(reader, module.url)
    assert "Your answer is too long" in html
    assert typed.strip() in html


def test_a_question_in_the_cohort_and_its_answer_are_shown_at_once(reader, module, seat):
    kept(reader, module.url)
    classmate = EnrolmentFactory(cohort=seat.cohort).learner
    thread = discussion.create_thread(
        cohort=seat.cohort,
        author=classmate,
        title="Is commuting care work?",
        body="I am not sure.",
        is_question=True,
        module=module,
    )
    html, _queries = view(reader, module.url)
    assert "Is commuting care work?" in html and "Not answered yet" in html

    kept(reader, module.url)
    tutor = learner()
    seat.cohort.tutors.add(tutor)
    discussion.reply(thread=thread, author=tutor, body="It is not.", moderator=True)
    assert "Answered" in view(reader, module.url)[0]


def test_each_view_of_a_kept_page_gets_its_own_question_token(reader, module, seat):
    """The question form's one-time token makes a double submission one post: a kept page must
    not hand the same token to two questions asked from two views of it."""
    first = kept(reader, module.url)
    second, queries = view(reader, module.url)
    assert queries == KEPT_QUERIES
    tokens = [TOKEN.search(html).group(1) for html in (first, second)]
    assert tokens[0] != tokens[1] and ONE_TIME_SLOT not in tokens
    for n, token in enumerate(tokens):
        reader.post(
            reverse("learn_discussion", args=[seat.cohort_id]),
            {
                "title": f"Question {n}",
                "body": "Is commuting care work?",
                "module": module.pk,
                "is_question": "on",
                "token": token,
            },
        )
    assert Thread.objects.filter(cohort=seat.cohort).count() == 2


def test_a_browser_without_the_csrf_cookie_gets_a_page_whose_forms_it_can_send(
    reader, module, seat
):
    """Same session, CSRF cookie gone (cleared, or another browser tab profile): the page it
    gets must carry a token of the secret its response sets, not the kept copy's; and its own
    copy, kept under that secret, too."""
    kept(reader, module.url)
    browser = Client(enforce_csrf_checks=True)
    browser.cookies[settings.SESSION_COOKIE_NAME] = reader.cookies[settings.SESSION_COOKIE_NAME]
    first = browser.get(module.url).content.decode()
    html, queries = view(browser, module.url)
    assert queries == KEPT_QUERIES
    assert TOKEN.sub("", html) == TOKEN.sub("", first)
    for page in (first, html):
        response = browser.post(
            reverse("learn_quiz", args=[module.pk]),
            {
                "csrfmiddlewaretoken": CSRF.search(page).group(1),
                "block_id": block_id(module, "quiz"),
                "question-1": "1",
                "question-2": ["1", "2"],
            },
        )
        assert response.status_code == 302


def test_a_withdrawn_learner_is_sent_to_the_course_not_served_the_copy(reader, module, seat):
    kept(reader, module.url)
    enrolment_services.withdraw(enrolment=seat)
    response = reader.get(module.url)
    assert response.status_code == 302


def test_another_learner_never_gets_my_copy(reader, module, seat):
    reader.post(
        reverse("learn_reflection", args=[module.pk]),
        {
            "block_id": block_id(module, "reflection"),
            "text": "Only mine.",
        },
    )
    assert "Only mine." in kept(reader, module.url)
    other = Client()
    other.force_login(EnrolmentFactory(cohort=seat.cohort).learner)
    other.get(module.url)
    html, _queries = view(other, module.url)
    assert "Only mine." not in html


def _normalised(html: str) -> str:
    return CSRF.sub("", TOKEN.sub("", html))


def test_after_the_learners_work_changes_only_their_part_of_the_kept_page_is_rendered(
    reader, seat, module
):
    kept(reader, module.url)
    page_state.module_work_changed(seat.learner_id, module.translation_key)
    response = reader.get(module.url)
    names = {template.name for template in response.templates}
    # The part alone (its work as rendered for this state is shared: learners_tags).
    assert "learners/components/learner_part.html" in names
    assert not names & {"courses/module_page.html", "base.html"}
    spliced = response.content.decode()
    assert "aula:module-work" not in spliced  # the markers stay in the kept copy
    cache.clear()
    rendered, _queries = view(reader, module.url)  # rendered from scratch
    assert _normalised(spliced) == _normalised(rendered)


def test_a_quiz_answer_renders_only_the_learners_part_and_keeps_it(reader, module):
    kept(reader, module.url)
    post_quiz(reader, module, {1: [1], 2: [1, 2]})
    response = reader.get(module.url)
    assert "base.html" not in {template.name for template in response.templates}
    html = response.content.decode()
    assert "You scored 100% (2 of 2). Passed." in html and "Best score 100%" in html
    again, queries = view(reader, module.url)
    assert queries == KEPT_QUERIES and "Best score 100%" in again


def test_a_change_beside_the_learners_work_renders_all_that_is_theirs(reader, seat, module):
    """Not only their part: their part and their cohort's panel, in the rest of the module page
    that every learner shares (or the whole page, without it)."""
    kept(reader, module.url)
    page_state.module_work_changed(seat.learner_id, module.translation_key)
    page_state.learner_changed(seat.learner_id)
    response = reader.get(module.url)
    names = {template.name for template in response.templates}
    assert "learners/components/module_parts.html" in names or "base.html" in names
    assert "learners/discussion/module_panel.html" in names
    cache.clear()
    page_state.learner_changed(seat.learner_id)
    assert "base.html" in {template.name for template in reader.get(module.url).templates}


def _kept_for(reader, course, module):
    kept_for = {}
    keep = learner_page_cache.page_cache.keep

    def spy(key, versions, value, timeout=600, **kwargs):
        if key.startswith(learner_page_cache.KEY_PREFIX):
            kept_for[type(course if f":{course.pk}:" in key else module).__name__] = timeout
        return keep(key, versions, value, timeout, **kwargs)

    with mock.patch.object(learner_page_cache.page_cache, "keep", spy):
        for url in (module.url, course.url):
            reader.get(url)
            reader.get(url)
    return kept_for


def test_a_module_page_and_a_course_page_are_kept_as_long_as_the_shared_rest(
    reader, module, course
):
    assert _kept_for(reader, course, module) == {
        "ModulePage": learner_page_cache.CHROME_SECONDS,
        "CoursePage": learner_page_cache.CHROME_SECONDS,
    }


def test_a_course_page_is_kept_until_a_cohorts_enrolment_window_closes(
    reader, module, course, seat
):
    """A course page shows its cohorts' enrolment windows, which the clock alone opens and
    closes: its copy does not outlive the next of those moments."""
    from courses.models import Cohort

    Cohort.objects.filter(pk=seat.cohort_id).update(
        enrolment_closes_at=timezone.now() + timedelta(minutes=5)
    )
    page_state.learner_changed(seat.learner_id)
    kept_for = _kept_for(reader, course, module)
    assert kept_for["ModulePage"] == learner_page_cache.CHROME_SECONDS
    assert 290 <= kept_for["CoursePage"] <= 300
