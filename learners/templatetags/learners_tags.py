"""Learner-specific parts of course pages, kept out of the courses app."""

import hashlib
import json
import re
from uuid import UUID

from django import template
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info

from courses.blocks import CSRF_TOKEN_SLOT
from courses.models import ModulePage
from home import cache as page_cache
from learners.enrolment.sanitize import safe_html
from learners.enrolment.selectors import cohorts_for_course
from learners.learn.forms import REFLECTION_DRAFTS, EnrolForm
from learners.learn.page_cache import (
    DISCUSSION_END,
    DISCUSSION_START,
    PART_END,
    PART_START,
    learner_part_template,
)
from learners.models import Reflection
from learners.progress.selectors import (
    completed_module_keys,
    course_seat,
    module_state,
    next_module,
    with_rollup,
)
from learners.progress.services import InvalidAnswers, QuestionResult, grade

register = template.Library()


@register.inclusion_tag("learners/components/course_cohorts.html", takes_context=True)
def course_cohorts(context, course):
    request = context["request"]
    language = get_language()
    cohorts = cohorts_for_course(course=course, user=request.user, language=language)
    for cohort in cohorts:
        # Another language's cohort is labelled with that language's own name ("English").
        cohort.language_name = get_language_info(cohort.language)["name_local"]
    return {
        "request": request,
        "course": course,
        "cohorts": [cohort for cohort in cohorts if cohort.language == language],
        "other_cohorts": [cohort for cohort in cohorts if cohort.language != language],
        "enrol_form": EnrolForm(),
        "csrf_token": context.get("csrf_token"),
    }


# How long a module's work as rendered for one state is kept (its key holds all it shows).
SHARED_WORK_SECONDS = 600


@register.simple_tag(takes_context=True)
def learner_part(context, markers=True):
    """The part of a course or module page that the learner's own progress or work changes
    (``page_cache.LEARNER_PARTS``), rendered with the page's context. On a page being kept for
    a learner (``request.aula_keeping``), between the markers by which
    learners/learn/page_cache.py renders this part alone once only it changes (which renders
    it with ``markers=False``)."""
    page = context["page"]
    template = context.template.engine.get_template(learner_part_template(page))
    if isinstance(page, ModulePage):
        html = _module_work(context, page, template)
    else:
        html = template.render(context)
    if markers and getattr(context.get("request"), "aula_keeping", False):
        html = f"{PART_START}{html}{PART_END}"
    return mark_safe(html)  # noqa: S308  (a template's output)


@register.simple_tag(takes_context=True)
def discussion_marker(context, end=False):
    """Around a module page's discussion panel on a page being kept for a learner: the rest of
    the page is shared by learners (learners/learn/page_cache.py), the panel is theirs."""
    if not getattr(context.get("request"), "aula_keeping", False):
        return ""
    return mark_safe(DISCUSSION_END if end else DISCUSSION_START)  # noqa: S308  (a comment)


def _module_work(context, page, template) -> str:
    """A module page's learner part (courses/module_work.html), rendered once for every
    learner whose work on the module shows the same: kept in the cache (``page_cache.remember``,
    until the next publish) under a digest of all the part shows (``_work_shown``), with the
    CSRF token and the learner's own reflections (``REFLECTION_SLOTS``) put in afterwards.
    Learners who have not started a module see the same part, as do those whose attempts and
    answers are the same, whatever they wrote; visitors, staff and previews (no
    ``module_progress``) and a learner whose draft failed to save get it rendered."""
    progress = module_progress(context, page)
    shown = _work_shown(page, progress) if progress is not None else None
    if shown is None:
        html = template.render(context)
    else:
        token = context.get("csrf_token")
        key = f"aula:module-work:{page.pk}:{_digest(shown, bool(token))}"
        html = page_cache.remember(
            key,
            lambda: _render_with_slot(context, template, token),
            SHARED_WORK_SECONDS,
        )
        if token:
            html = html.replace(CSRF_TOKEN_SLOT, str(token))
    return _with_reflections(html, progress) if progress is not None else html


def _render_with_slot(context, template, token) -> str:
    with context.push(csrf_token=CSRF_TOKEN_SLOT if token else token):
        return template.render(context)


def _work_shown(page, progress) -> str | None:
    """Everything courses/module_work.html and its blocks show of the learner's work, as JSON,
    but the text of their reflections (where it goes, ``REFLECTION_SLOTS``, is the same for
    everyone: only whether there is one counts); None (rendered, not shared) when a draft that
    failed to save is shown (theirs alone, so nobody would share the rendering and it would
    only take room in the cache) or it holds a value of a kind not known here."""
    if any("draft" in state for state in progress.blocks.values()):
        return None
    shown = {
        "template": learner_part_template(page),
        "language": get_language(),
        "completed": progress.completed,
        "has_quiz": progress.has_quiz,
        "urls": [progress.quiz_url, progress.reflection_url, progress.complete_url],
        "blocks": progress.blocks,
    }
    try:
        return json.dumps(shown, default=_plain, sort_keys=True)
    except TypeError:
        return None


# Where a saved reflection shows in the learner's part (components/blocks/reflection_prompt_
# block.html): its cleaned HTML and, in the form's textarea, its text, as slots that
# ``_with_reflections`` fills for each response, so that a part with reflections is shared.
REFLECTION_SLOTS = {
    "reflection_html": "<!--aula:reflection-html:{}-->",
    "reflection_text": "<!--aula:reflection-text:{}-->",
}
REFLECTION_SLOT = re.compile(r"<!--aula:reflection-(html|text):([0-9A-Za-z_-]+)-->")


def _reflection_slots(block_id: str, state: dict) -> None:
    for name, slot in REFLECTION_SLOTS.items():
        state[name] = mark_safe(slot.format(block_id))  # noqa: S308 (a comment of our own)


def _with_reflections(html: str, progress) -> str:
    """The part with the learner's reflections in their slots: cleaned HTML where it is shown,
    escaped text in the textarea. One pass, so nothing a reflection contains is read as a
    slot."""
    texts = {
        block_id: state["reflection"].text
        for block_id, state in progress.blocks.items()
        if state.get("reflection") is not None
    }
    if not texts:
        return html

    def fill(match) -> str:
        kind, block_id = match.groups()
        text = texts.get(block_id)
        if text is None:
            return ""
        return safe_html(text) if kind == "html" else escape(text)

    return REFLECTION_SLOT.sub(fill, html)


def _plain(value):
    if isinstance(value, QuestionResult):
        return [value.number, value.correct, value.explanation]
    if isinstance(value, Reflection):  # its text is the learner's alone: in its slots
        return True
    if isinstance(value, set | frozenset):
        return sorted(value)
    if isinstance(value, UUID):
        return str(value)
    raise TypeError(type(value).__name__)


def _digest(shown: str, has_token: bool) -> str:
    return hashlib.sha256(f"{shown}{has_token}".encode()).hexdigest()[:32]


@register.simple_tag(takes_context=True)
def module_progress(context, module):
    """The enrolled learner's own work on this module page, or None (visitors, staff, tutors,
    editors' previews), worked out once per request and module. Sets what the quiz and
    reflection block templates read: ``quiz_action_url``, ``reflection_action_url`` and, per
    block id, ``learner_blocks``."""
    request = context.get("request")
    if request is None or getattr(request, "is_preview", False):
        return None
    known = request.__dict__.setdefault("_aula_module_progress", {})
    if module.pk not in known:
        known[module.pk] = _module_progress(request, module)
    return known[module.pk]


def _module_progress(request, module):
    enrolment = course_seat(user=request.user, course=module.course)
    if enrolment is None:  # as progress's enrolment_for_module, sharing the module gate's query
        return None
    state = module_state(enrolment=enrolment, module=module)
    drafts = request.session.get(REFLECTION_DRAFTS, {})
    for block in module.body:
        block_state = state.blocks.setdefault(block.id, {})
        if block.block_type == "quiz" and "last_answers" in block_state:
            answers = {int(n): set(chosen) for n, chosen in block_state["last_answers"].items()}
            try:
                _correct, results = grade(block.value, answers)
            except InvalidAnswers:  # the quiz was edited since: show the score only
                results = []
            block_state["results"] = {result.number: result for result in results}
            block_state["chosen"] = {n: sorted(chosen) for n, chosen in answers.items()}
        elif block.block_type == "reflection":
            if block.id in drafts:
                block_state["draft"] = drafts[block.id]
            if block_state.get("reflection") is not None:
                _reflection_slots(block.id, block_state)
    state.quiz_url = reverse("learn_quiz", args=[module.pk])
    state.reflection_url = reverse("learn_reflection", args=[module.pk])
    state.complete_url = reverse("learn_module_complete", args=[module.pk])
    return state


@register.simple_tag(takes_context=True)
def course_progress(context, course, outline):
    """The signed-in learner's progress in this course: percent, done module keys and where
    to continue; None for anyone not enrolled (2 queries for a learner: the rollup and the modules
    done; none for visitors)."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return None
    enrolment = course_seat(user=request.user, course=course)
    if enrolment is None:
        return None
    with_rollup(enrolment)
    done = completed_module_keys(enrolment)
    return {
        "enrolment": enrolment,
        "done": done,
        "next": next_module(outline, done, enrolment.last_module_key),
    }


@register.filter
def get_item(mapping, key):
    """``mapping|get_item:key`` for dicts in templates; None when missing."""
    if not mapping:
        return None
    return mapping.get(key)


@register.filter(name="safe_html")
def safe_html_filter(text):
    """Learner- or tutor-written HTML, cleaned again on the way out."""
    return safe_html(text or "")
