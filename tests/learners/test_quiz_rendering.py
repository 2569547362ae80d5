"""A quiz is rendered once per process for each thing it can show: learners who have not
answered it yet (and those who gave the same answers) get the same HTML, each with their own
CSRF token; what one learner answered never shows on another's quiz."""

import re
from unittest import mock

import pytest
from django.test import Client
from wagtail.blocks import base as wagtail_blocks

from courses.blocks import CSRF_TOKEN_SLOT
from home.cache import HIT_HEADER
from tests.factories import EnrolmentFactory, translate_page
from tests.learners.test_progress import QUIZ, block_id, post_quiz

QUIZ_TEMPLATE = "components/blocks/quiz_block.html"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def quiz_renders():
    """The quiz template's renders, counted."""
    real = wagtail_blocks.render_to_string
    calls = []

    def counted(template, context=None, *args, **kwargs):
        if template == QUIZ_TEMPLATE:
            calls.append(template)
        return real(template, context, *args, **kwargs)

    with mock.patch.object(wagtail_blocks, "render_to_string", counted):
        yield calls


def quiz_html(page_html: str) -> str:
    return re.search(r'<section class="quiz">.*?</section>', page_html, re.S).group(0)


def signed_in(user, *, check_csrf: bool = True) -> Client:
    client = Client(enforce_csrf_checks=check_csrf)
    client.force_login(user)
    return client


def test_learners_who_have_not_answered_share_one_rendering_and_each_posts_with_their_token(
    cohort, module, quiz_renders
):
    first, second = (signed_in(EnrolmentFactory(cohort=cohort).learner) for _ in range(2))
    pages = [client.get(module.url).content.decode() for client in (first, second)]

    assert len(quiz_renders) == 1
    tokens = [TOKEN.search(quiz_html(page)).group(1) for page in pages]
    assert tokens[0] != tokens[1]
    assert CSRF_TOKEN_SLOT not in pages[0] + pages[1]
    # The same quiz but for the token.
    assert TOKEN.sub("", quiz_html(pages[0])) == TOKEN.sub("", quiz_html(pages[1]))
    for client, token in zip((first, second), tokens, strict=True):
        data = {"block_id": block_id(module, "quiz"), "question-1": "1"}
        data["csrfmiddlewaretoken"] = token
        assert client.post(f"/en/learn/modules/{module.pk}/quiz/", data).status_code == 302


def test_a_learners_answers_show_on_their_quiz_only_and_the_same_answers_share_a_rendering(
    cohort, module, quiz_renders
):
    me, other, same = (EnrolmentFactory(cohort=cohort).learner for _ in range(3))
    for user in (me, same):
        post_quiz(signed_in(user, check_csrf=False), module, {1: [1], 2: [3]})

    mine = quiz_html(signed_in(me).get(module.url).content.decode())
    assert "Best score 50% after 1 attempt." in mine
    assert "Your last answer was right. Recognition makes it visible." in mine
    assert 'value="1" checked' in mine
    theirs = quiz_html(signed_in(other).get(module.url).content.decode())
    assert "checked" not in theirs
    assert "Best score" not in theirs
    assert "Check my answers" in theirs
    renders = len(quiz_renders)
    same_answers = quiz_html(signed_in(same).get(module.url).content.decode())
    assert len(quiz_renders) == renders  # the same answers: the same quiz
    assert TOKEN.sub("", same_answers) == TOKEN.sub("", mine)

    client = signed_in(me, check_csrf=False)
    post_quiz(client, module, {1: [1], 2: [1, 2]})
    again = quiz_html(client.get(module.url).content.decode())
    assert "Best score 100% after 2 attempts." in again
    assert "Your last answer was not right." not in again


def test_a_published_change_to_the_quiz_shows_at_once(cohort, module):
    client = signed_in(EnrolmentFactory(cohort=cohort).learner)
    assert "Which R stands for making care work visible?" in client.get(module.url).content.decode()
    quiz = {**QUIZ, "questions": [{**QUIZ["questions"][0], "prompt": "Which R comes first?"}]}
    module.body = [("quiz", quiz)]
    module.save_revision().publish()

    html = client.get(module.url).content.decode()
    assert "Which R comes first?" in html
    assert "Which R stands for" not in html


def test_each_language_has_its_own_rendering(site_tree, course, cohort, module):
    client = signed_in(EnrolmentFactory(cohort=cohort).learner)
    assert "Check my answers" in client.get(module.url).content.decode()
    for page in (site_tree.home, site_tree.catalogue, course):
        translate_page(page, "es")
    spanish = translate_page(module, "es")
    html = client.get(spanish.url).content.decode()
    assert "Revisar mis respuestas" in html
    assert "Check my answers" not in html


def test_a_visitors_quiz_has_no_form_and_a_learners_has_theirs(cohort, module, modules_open):
    visitor = quiz_html(Client().get(module.url).content.decode())
    assert "csrfmiddlewaretoken" not in visitor
    assert "disabled" in visitor
    assert "Enrolled learners answer this quiz here" in visitor

    client = signed_in(EnrolmentFactory(cohort=cohort).learner)
    learner = quiz_html(client.get(module.url).content.decode())
    assert TOKEN.search(learner)
    assert "disabled" not in learner


def test_a_visitors_module_page_draws_no_token_and_is_kept_for_the_next(
    cohort, module, modules_open, page_cache_on
):
    """Where modules are open to visitors: no form, so no CSRF cookie (the quiz only asks for
    the token where it shows its form), and the page cache keeps the page."""
    for expected in ("miss", "hit"):
        response = Client().get(module.url)
        assert response.status_code == 200
        assert not response.cookies
        assert response[HIT_HEADER] == expected
