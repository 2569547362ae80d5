"""Learner-specific parts of course pages, kept out of the courses app."""

from django import template
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info

from learners.enrolment.sanitize import safe_html
from learners.enrolment.selectors import cohorts_for_course
from learners.learn.forms import EnrolForm
from learners.learn.page_cache import PART_END, PART_START, learner_part_template
from learners.learn.views import REFLECTION_DRAFTS
from learners.progress.selectors import (
    completed_module_keys,
    course_seat,
    module_state,
    next_module,
    with_rollup,
)
from learners.progress.services import InvalidAnswers, grade

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


@register.simple_tag(takes_context=True)
def learner_part(context):
    """The part of a course or module page that the learner's own progress or work changes
    (``page_cache.LEARNER_PARTS``), rendered with the page's context. On a page being kept for
    a learner (``request.aula_keeping``), between the markers by which
    learners/learn/page_cache.py renders this part alone once only it changes."""
    name = learner_part_template(context["page"])
    html = context.template.engine.get_template(name).render(context)
    if getattr(context.get("request"), "aula_keeping", False):
        html = f"{PART_START}{html}{PART_END}"
    return mark_safe(html)  # noqa: S308  (a template's output)


@register.simple_tag(takes_context=True)
def module_progress(context, module):
    """The enrolled learner's own work on this module page, or None (visitors, staff, tutors,
    editors' previews). Sets what the quiz and reflection block templates read:
    ``quiz_action_url``, ``reflection_action_url`` and, per block id, ``learner_blocks``."""
    request = context.get("request")
    if request is None or getattr(request, "is_preview", False):
        return None
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
        elif block.block_type == "reflection" and block.id in drafts:
            block_state["draft"] = drafts[block.id]
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
