"""The cohort discussion on other pages: a module's questions (module pages, which the courses
app renders without importing learners), unread counts on /learn/ and the tutor's dashboard,
unanswered questions for tutors, and the posts the completion rule counts."""

import functools

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from home.templatetags.aula_tags import ONE_TIME_SLOT, fresh_tokens
from learners import permissions
from learners.discussion import selectors
from learners.discussion.forms import ThreadForm
from learners.progress.selectors import course_seat

register = template.Library()


@register.inclusion_tag("learners/discussion/module_panel.html", takes_context=True)
def module_discussion(context, module):
    """*Questions about this module*: the threads about it in the enrolled learner's cohort
    and a form to ask one (nothing for visitors, tutors and editors' previews)."""
    request = context.get("request")
    if request is None or getattr(request, "is_preview", False):
        return {"show": False}
    enrolment = course_seat(user=request.user, course=module.course)
    if enrolment is None:
        return {"show": False}
    cohort = enrolment.cohort
    return {
        "show": True,
        "cohort": cohort,
        "threads": selectors.module_threads(
            cohort=cohort, module=module, user=request.user, moderator=False
        ),
        "fields": _with_token(_question_fields(module.pk, get_language()), request),
        "action": reverse("learn_discussion", args=[cohort.pk]),
        "csrf_token": context.get("csrf_token"),
    }


def _with_token(fields: str, request):
    """Rendered by Django's templates, with a fresh token (a UUID) in place of the slot; on a
    page being kept for a learner, the slot stays for each response to fill
    (learners/learn/page_cache.py)."""
    if getattr(request, "aula_keeping", False):
        return mark_safe(fields)  # noqa: S308
    return mark_safe(fresh_tokens(fields))  # noqa: S308


@functools.lru_cache(maxsize=512)
def _question_fields(module_id: int, language: str) -> str:
    """The fields of a module's empty question form, as ``learners/form_fields.html`` renders
    them: the same for every learner but for the form's token, which the caller puts in. Kept
    per process, module and language (the labels are translated): Django's widget templates
    cost a module page about half a millisecond of CPU."""
    form = ThreadForm(initial={"module": module_id, "is_question": True, "token": ONE_TIME_SLOT})
    return render_to_string("learners/form_fields.html", {"form": form})


@register.simple_tag(takes_context=True)
def discussion_unread(context, enrolments=None, cohorts=None):
    """{cohort id: threads with unread messages} for the learner's seats (``enrolments``:
    from the cache, ``selectors.learner_unread_counts``) or the tutor's ``cohorts`` (one
    query)."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return {}
    seats = [e for e in enrolments or () if e.holds_seat]
    tutor_ids = [cohort.pk for cohort in cohorts or ()]
    if not seats and not tutor_ids:
        return {}
    if not tutor_ids:  # a learner's own page: kept until a thread or what they read changes
        return selectors.learner_unread_counts(user=request.user, enrolments=seats)
    learner_ids = [e.cohort_id for e in seats]
    return selectors.unread_counts(
        user=request.user, learner_cohort_ids=learner_ids, moderator_cohort_ids=tutor_ids
    )


@register.inclusion_tag("learners/discussion/tutor_panel.html", takes_context=True)
def tutor_discussion_panel(context, cohorts):
    """Unanswered questions first (oldest first, with their age), then each cohort's unread
    threads and reported posts waiting (on the cohort page, a link to its reported posts even
    when none waits), for the tutor's dashboard and cohort page."""
    request = context["request"]
    one_cohort = hasattr(cohorts, "pk")
    cohorts = [cohorts] if one_cohort else list(cohorts)
    ids = [cohort.pk for cohort in cohorts]
    return {
        "questions": selectors.unanswered_questions(cohort_ids=ids),
        "unread": selectors.unread_counts(user=request.user, moderator_cohort_ids=ids),
        "reports": selectors.open_report_counts(cohort_ids=ids),
        "one_cohort": one_cohort,
        "cohorts": cohorts,
        "now": timezone.now(),
        "show_preferences": permissions.tutors_cohorts(request.user),
    }


@register.simple_tag
def discussion_posts(enrolment):
    """The learner's posts against the course's minimum, or None when it requires none."""
    minimum = enrolment.cohort.course.completion_min_posts
    if not minimum:
        return None
    counts = selectors.posts_by_learner(
        cohort_ids=[enrolment.cohort_id], learner_ids=[enrolment.learner_id]
    )
    return {"done": counts.get((enrolment.cohort_id, enrolment.learner_id), 0), "minimum": minimum}
