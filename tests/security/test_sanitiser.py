"""Issue 14, item 5: what the sanitiser stores is safe for any reader, and a reflection that
cleans to nothing never replaces the answer saved before."""

import sys
import threading
from html import unescape

import bleach
import pytest
from django.urls import reverse
from django.utils.html import escape

from learners.enrolment.sanitize import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_PROTOCOLS,
    ALLOWED_TAGS,
    UGC_LINK_REL,
    clean_html,
    safe_html,
)
from learners.models import Reflection
from tests.factories import CohortFactory, EnrolmentFactory, ModulePageFactory, build_course

NESTED = [
    "<<script>script>alert(1)<</script>/script>",
    "<<SCRIPT>SCRIPT>alert(1)<</SCRIPT>/SCRIPT>",
    "<<ScRiPt>script>alert(1)<</sCrIpT>/script>",
    "<<<script>script>script>alert(1)<<</script>/script>/script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<<b>script>alert(1)<</b>/script>",
    "<<img src=x onerror=alert(1)>img src=x onerror=alert(1)>",
    "&lt;script&gt;alert(1)&lt;/script&gt; <<script>script>alert(2)<</script>/script>",
    "<p><<script>script>alert(1)<</script>/script></p>",
    "Mi respuesta <<script>script>alert(1)<</script>/script> <strong>bien</strong>",
]

EMPTY_ONCE_CLEANED = [
    "<p></p>",
    "<p> &nbsp; </p>",
    "<b></b><i> </i>",
    "<script></script>",
    "<p>\u200b\u200d</p>",
    "<img src=x onerror=alert(1)>",
    "<!-- a comment -->",
]


def _bleach(text: str) -> str:
    return bleach.clean(
        text,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
    )


@pytest.mark.parametrize("payload", NESTED)
def test_markup_assembled_by_stripping_is_never_stored(payload):
    stored = clean_html(payload)
    assert "<script" not in stored.lower()
    assert "onerror" not in stored.lower()
    # Nothing left for any reader to clean: cleaning removes nothing (at most it writes a bare
    # ">" of plain text as "&gt;"), and saving it again changes nothing.
    assert unescape(_bleach(stored)) == unescape(stored)
    assert clean_html(stored) == stored


def test_the_issue_payload_keeps_only_its_text():
    stored = clean_html("<<script>script>alert(1)<</script>/script>")
    assert stored == "alert(1)"
    assert bleach.clean(stored) == stored  # bleach's own defaults agree


@pytest.mark.parametrize("payload", EMPTY_ONCE_CLEANED)
def test_text_that_cleans_to_nothing_visible_is_nothing(payload):
    assert clean_html(payload) == ""


@pytest.mark.parametrize(
    "typed",
    ["x < y and y > z", "3 > 2 & 1 < 2", "I <3 care work", "a <- b", "Plain answer."],
)
def test_plain_text_with_angle_brackets_is_kept_as_typed(typed):
    assert clean_html(typed) == typed


@pytest.mark.parametrize(
    "html",
    [
        "<p>One</p><p>Two <strong>bold</strong></p>",
        '<a href="https://example.org" title="t">link</a>',
        "<ul><li>a</li><li>b &amp; c</li></ul>",
    ],
)
def test_allowed_markup_is_stored_as_cleaned_and_stable(html):
    stored = clean_html(html)
    assert stored == _bleach(html)
    assert clean_html(stored) == stored


# --- reflections through the module page ----------------------------------------------------


@pytest.fixture
def module(catalogue):
    course = build_course(catalogue, modules=0, title="Decent work in the care economy")
    return ModulePageFactory(
        parent=course,
        title="Reflection module",
        body=[("reflection", {"prompt": "Who cares in your household?", "guidance": ""})],
    )


@pytest.fixture
def me(module):
    return EnrolmentFactory(cohort=CohortFactory(course=module.get_parent().specific)).learner


def _reflection_block(module) -> str:
    return next(block.id for block in module.body if block.block_type == "reflection")


@pytest.mark.parametrize("typed", EMPTY_ONCE_CLEANED)
def test_a_reflection_that_cleans_to_nothing_keeps_the_previous_answer(client, module, me, typed):
    url = reverse("learn_reflection", args=[module.pk])
    block = _reflection_block(module)
    client.force_login(me)
    client.post(url, {"block_id": block, "text": "First thoughts on care"})

    response = client.post(url, {"block_id": block, "text": typed}, follow=True)

    assert response.status_code == 200
    assert Reflection.objects.get().text == "First thoughts on care"
    html = response.content.decode()
    assert "Nothing would be left of your answer once unsafe markup is removed" in html
    # What was typed is back in the form, escaped, to be corrected.
    assert f">{escape(typed.strip())}</textarea>" in html


def test_an_empty_reflection_still_asks_for_an_answer(client, module, me):
    url = reverse("learn_reflection", args=[module.pk])
    client.force_login(me)
    response = client.post(url, {"block_id": _reflection_block(module), "text": "  "}, follow=True)
    assert "Write your answer before saving it." in response.content.decode()
    assert not Reflection.objects.exists()


def test_the_nested_script_payload_is_stored_safe_through_the_page(client, module, me):
    client.force_login(me)
    client.post(
        reverse("learn_reflection", args=[module.pk]),
        {
            "block_id": _reflection_block(module),
            "text": "Mi respuesta <<script>script>alert(1)<</script>/script>",
        },
    )
    stored = Reflection.objects.get().text
    assert "<script" not in stored.lower()
    assert _bleach(stored) == stored


def test_threads_clean_at_the_same_time_without_breaking_each_others_parse():
    """A web process serves requests in several threads: bleach's Cleaner is not thread-safe,
    so each thread cleans with its own (two pages rendering reflections at once raised
    ``IndexError: pop from empty list`` in the load test)."""
    texts = [
        "<p>At home my mother did most of the care work.</p><ul><li>recognise</li></ul>",
        "<p>I will <strong>share</strong> this:</p><ol><li>reduce</li><li>redistribute</li></ol>",
        "<blockquote><p>Care is work.</p></blockquote><p>See <a href='https://ilo.org'>ILO</a></p>",
    ] * 4
    expected = [str(safe_html(text)) for text in texts]
    errors, mismatches = [], []

    def clean_many():
        try:
            for _round in range(60):
                if [str(safe_html(text)) for text in texts] != expected:
                    mismatches.append(1)
        except Exception as error:  # noqa: BLE001  (any failure is the finding)
            errors.append(error)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads take turns as often as the interpreter allows
    try:
        threads = [threading.Thread(target=clean_many) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert errors == [] and mismatches == []


def test_a_text_shown_again_is_cleaned_once_and_shown_the_same(monkeypatch):
    calls = []
    linkify = bleach.linkify
    monkeypatch.setattr(bleach, "linkify", lambda *a, **kw: calls.append(a) or linkify(*a, **kw))
    text = "<p>Twice: <a href='https://example.org/twice'>a link</a><script>x</script></p>"
    first, second = safe_html(text), safe_html(f"  {text}\n")
    assert first == second
    assert "<script" not in first and 'rel="nofollow noopener noreferrer"' in first
    assert len(calls) == 1
    assert safe_html(text, rel=UGC_LINK_REL) != first  # another rel: its own work
    assert len(calls) == 2
