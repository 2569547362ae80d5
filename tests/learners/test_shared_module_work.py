"""A module page's learner part (courses/module_work.html: the module's body with the learner's
quiz results, reflection and completion) is rendered once for every learner whose work on the
module shows the same, each response with its own CSRF token; what one learner wrote or answered
never shows on another's page."""

import re

from django.test import Client
from django.urls import reverse

from learners.enrolment.sanitize import MAX_LENGTH
from tests.factories import EnrolmentFactory, translate_page
from tests.learners.test_progress import block_id, post_quiz

WORK_TEMPLATE = "courses/module_work.html"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ONE_TIME = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}")


def but_tokens(html: str) -> str:
    """The page without its CSRF and the discussion's one-time tokens (each response's own)."""
    return ONE_TIME.sub("", TOKEN.sub("", html))


def signed_in(user, *, check_csrf: bool = False) -> Client:
    client = Client(enforce_csrf_checks=check_csrf)
    client.force_login(user)
    return client


def rendered_work(response) -> bool:
    return WORK_TEMPLATE in {template.name for template in response.templates}


def test_learners_who_have_not_started_share_the_rendering_and_each_saves_with_their_token(
    cohort, module
):
    first, second = (
        signed_in(EnrolmentFactory(cohort=cohort).learner, check_csrf=True) for _ in range(2)
    )
    responses = [client.get(module.url) for client in (first, second)]

    assert [rendered_work(response) for response in responses] == [True, False]
    pages = [response.content.decode() for response in responses]
    tokens = [set(TOKEN.findall(page)) for page in pages]
    assert all(len(found) == 1 for found in tokens)  # quiz and reflection: the page's token
    assert tokens[0] != tokens[1]
    assert but_tokens(pages[0]) == but_tokens(pages[1])
    for client, (token,) in zip((first, second), tokens, strict=True):
        data = {"block_id": block_id(module, "reflection"), "text": "My grandmother."}
        data["csrfmiddlewaretoken"] = token
        url = reverse("learn_reflection", args=[module.pk])
        assert client.post(url, data).status_code == 302


def test_what_a_learner_wrote_and_answered_shows_on_their_page_only(cohort, module):
    me, other = (EnrolmentFactory(cohort=cohort).learner for _ in range(2))
    mine = signed_in(me)
    mine.post(
        reverse("learn_reflection", args=[module.pk]),
        {"block_id": block_id(module, "reflection"), "text": "Only mine."},
    )
    post_quiz(mine, module, {1: [1], 2: [3]})

    html = mine.get(module.url).content.decode()
    assert "Only mine." in html and "Best score 50% after 1 attempt." in html
    theirs = signed_in(other).get(module.url).content.decode()
    assert "Only mine." not in theirs and "Best score" not in theirs


def test_the_same_work_shares_a_rendering(cohort, module):
    me, same = (EnrolmentFactory(cohort=cohort).learner for _ in range(2))
    clients = [signed_in(user) for user in (me, same)]
    for client in clients:
        post_quiz(client, module, {1: [1], 2: [1, 2]})
    responses = [client.get(module.url) for client in clients]
    assert [rendered_work(response) for response in responses] == [True, False]
    assert "You have completed this module." in responses[1].content.decode()


def test_a_published_change_to_the_module_shows_at_once(cohort, module):
    first, second = (signed_in(EnrolmentFactory(cohort=cohort).learner) for _ in range(2))
    first.get(module.url)
    module.introduction = "Read the ILO report first."
    module.save_revision().publish()
    response = second.get(module.url)
    assert rendered_work(response)
    assert "Read the ILO report first." in response.content.decode()


def test_a_draft_that_failed_to_save_is_shown_again_to_its_writer_only(cohort, module):
    me, other = (EnrolmentFactory(cohort=cohort).learner for _ in range(2))
    typed = "Mi respuesta sobre el cuidado. " * (MAX_LENGTH // 20)
    response = signed_in(me).post(
        reverse("learn_reflection", args=[module.pk]),
        {"block_id": block_id(module, "reflection"), "text": typed},
        follow=True,
    )
    assert typed.strip() in response.content.decode()
    assert typed.strip() not in signed_in(other).get(module.url).content.decode()


def test_each_language_has_its_own_rendering(site_tree, course, cohort, module):
    first, second = (signed_in(EnrolmentFactory(cohort=cohort).learner) for _ in range(2))
    assert "Check my answers" in first.get(module.url).content.decode()
    for page in (site_tree.home, site_tree.catalogue, course):
        translate_page(page, "es")
    spanish = translate_page(module, "es")
    response = second.get(spanish.url)
    html = response.content.decode()
    assert rendered_work(response)
    assert "Revisar mis respuestas" in html and "Check my answers" not in html


def reflect(client, module, text: str) -> None:
    response = client.post(
        reverse("learn_reflection", args=[module.pk]),
        {"block_id": block_id(module, "reflection"), "text": text},
    )
    assert response.status_code == 302


def test_parts_with_different_reflections_share_a_rendering_each_showing_its_own(cohort, module):
    """What a learner wrote fills slots of the shared rendering: theirs on their page only."""
    clients = [signed_in(EnrolmentFactory(cohort=cohort).learner) for _ in range(2)]
    for client, text in zip(clients, ("My grandmother.", "Mi abuela."), strict=True):
        reflect(client, module, text)
    responses = [client.get(module.url) for client in clients]

    assert [rendered_work(response) for response in responses] == [True, False]
    mine, theirs = (response.content.decode() for response in responses)
    assert mine.count("My grandmother.") == 2 and "Mi abuela." not in mine  # shown, textarea
    assert theirs.count("Mi abuela.") == 2 and "My grandmother." not in theirs
    assert "aula:reflection-" not in mine + theirs


def test_a_reflection_is_cleaned_where_shown_escaped_in_its_textarea_and_never_read_as_a_slot(
    cohort, module
):
    me = signed_in(EnrolmentFactory(cohort=cohort).learner)
    bid = block_id(module, "reflection")
    forged = f"<!--aula:reflection-html:{bid}-->"
    reflect(me, module, f"<p><strong>Care</strong> is work.</p><p>&lt;!--aula:x--&gt; {forged}</p>")

    html = me.get(module.url).content.decode()
    saved = html.split('class="reflection__saved"', 1)[1].split("</div>", 1)[0]
    textarea = html.split(f'id="reflection-text-{bid}"', 1)[1].split("</textarea>", 1)[0]
    assert "<strong>Care</strong> is work." in saved
    assert "&lt;strong&gt;Care&lt;/strong&gt; is work." in textarea
    assert "<!--aula:" not in html
