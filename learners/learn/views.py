"""Learner-facing views. Thin: rules live in the domain rooms' services (enrolment, progress),
reads in their selectors."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from aula import throttle
from courses.models import Cohort, ModulePage
from courses.selectors import course_outline, live_module
from home import cache as home_cache
from learners.accounts.forms import ProfileForm
from learners.accounts.models import LearnerProfile
from learners.accounts.page_state import learner_profile
from learners.enrolment import services
from learners.enrolment.models import Enrolment
from learners.enrolment.selectors import attach_waitlist_positions, learner_enrolments
from learners.progress import services as progress
from learners.progress.selectors import (
    attach_next_modules,
    attach_session_totals,
    where_to_continue,
)

from . import page_cache
from .forms import REFLECTION_DRAFTS, ApplicationForm, EnrolForm


def _course_url(cohort: Cohort) -> str:
    course = cohort.course.localized
    return course.get_url() or "/"


@login_required
def dashboard(request):
    return page_cache.serve_dashboard(request, _dashboard)


def _dashboard(request):
    enrolments = learner_enrolments(user=request.user, language=get_language())
    attach_waitlist_positions(enrolments)
    if any(enrolment.waitlist_position is not None for enrolment in enrolments):
        # Others' enrolments move a place on a waiting list: rendered on every view.
        home_cache.changes_at(request, timezone.now())
    attach_next_modules(enrolments)
    attach_session_totals(enrolments)
    profile = learner_profile(request.user)
    return TemplateResponse(
        request,
        "learners/dashboard.html",
        {
            "enrolments": enrolments,
            "profile": profile,
            "continue_with": where_to_continue(enrolments),
        },
    )


def _safe_next(request, default: str) -> str:
    """The ``next`` parameter when it stays on this site (a path, or a URL of an allowed host,
    https only on a secure request), else ``default``: never an open redirect, never a
    ``javascript:`` or other scheme."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse(default)


@login_required
def profile(request):
    instance, _created = LearnerProfile.objects.get_or_create(user=request.user)
    form = ProfileForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile is saved."))
        return redirect(_safe_next(request, "learn_dashboard"))
    return TemplateResponse(request, "learners/profile.html", {"form": form})


@login_required
@require_POST
def enrol(request, cohort_id: int):
    cohort = get_object_or_404(Cohort.objects.select_related("course"), pk=cohort_id)
    back = _course_url(cohort)
    form = EnrolForm(request.POST)
    code = form.data.get("invitation_code", "") if form.is_valid() else ""
    invitation = cohort.by_invitation
    # Wrong codes count against the account typing them, never against its address.
    account = throttle.account_key(request.user)
    if invitation and throttle.is_throttled(throttle.INVITATION_CODES, account):
        messages.error(request, _("Too many wrong codes. Please wait a few minutes and try again."))
        return redirect(back)
    try:
        enrolment = services.enrol(learner=request.user, cohort=cohort, invitation_code=code)
    except services.InvalidInvitationCode as error:
        throttle.record_failure(throttle.INVITATION_CODES, account)
        messages.error(request, error.message)
        return redirect(back)
    except services.EnrolmentError as error:
        messages.error(request, error.message)
        return redirect(back)
    if enrolment.holds_seat:
        messages.success(request, _("You are enrolled. Welcome!"))
    else:
        messages.info(request, _("The cohort is full: you are on the waiting list."))
    return redirect("learn_dashboard")


@login_required
def apply(request, cohort_id: int):
    cohort = get_object_or_404(Cohort.objects.select_related("course"), pk=cohort_id)
    course = cohort.course.localized
    form = ApplicationForm(
        request.POST or None, questions=course.specific.application_questions.all()
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.apply(learner=request.user, cohort=cohort, answers=form.answers())
        except services.EnrolmentError as error:
            form.add_error(None, error.message)  # what was typed stays in the form
        else:
            messages.success(
                request, _("Your application is sent. We will email you the decision.")
            )
            return redirect("learn_dashboard")
    return TemplateResponse(
        request, "learners/apply.html", {"form": form, "cohort": cohort, "course": course}
    )


@login_required
@require_POST
def withdraw(request, enrolment_id: int):
    enrolment = get_object_or_404(Enrolment.objects.for_learner(request.user), pk=enrolment_id)
    try:
        services.withdraw(enrolment=enrolment)
    except services.EnrolmentError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("You have withdrawn from the cohort."))
    return redirect("learn_dashboard")


# --- progress: completing modules, quizzes, reflections (rules in learners/progress/) ---------


def _module_and_enrolment(request, page_id: int):
    module = live_module(page_id)
    if module is None:
        raise Http404
    enrolment = progress.enrolment_for_module(user=request.user, module=module)
    return module, enrolment


def _refused(request, error: progress.ProgressError):
    return TemplateResponse(
        request, "learners/progress_error.html", {"message": error.message}, status=error.status
    )


@login_required
@require_POST
def complete_module(request, page_id: int):
    try:
        module, enrolment = _module_and_enrolment(request, page_id)
        progress.mark_module_complete(enrolment=enrolment, module=module)
    except progress.ProgressError as error:
        return _refused(request, error)
    messages.success(request, _("Module completed."))
    return redirect(_after_module(request, module, enrolment))


def _after_module(request, module, enrolment) -> str:
    """Completed the course: the dashboard; otherwise the next module, else the course page."""
    if enrolment.is_completed:
        return reverse("learn_dashboard")
    following = next(
        (
            item
            for item in course_outline(course=module.course)
            if isinstance(item, ModulePage) and item.path > module.path
        ),
        None,
    )
    return (following or module.course).get_url(request)


def _answers(request) -> dict[int, set[int]]:
    answers = {}
    for key in request.POST:
        if not key.startswith("question-"):
            continue
        try:
            number = int(key.removeprefix("question-"))
            answers[number] = {int(value) for value in request.POST.getlist(key)}
        except ValueError as error:
            raise progress.InvalidAnswers() from error
    return answers


@login_required
@require_POST
def submit_quiz(request, page_id: int):
    block_id = request.POST.get("block_id", "")
    try:
        module, enrolment = _module_and_enrolment(request, page_id)
        result = progress.submit_quiz(
            enrolment=enrolment,
            module=module,
            block_id=block_id,
            answers=_answers(request),
        )
    except progress.ProgressError as error:
        return _refused(request, error)
    attempt = result.attempt
    summary = _("You scored %(score)s%% (%(correct)s of %(total)s).") % {
        "score": attempt.score,
        "correct": attempt.correct,
        "total": attempt.total,
    }
    if attempt.passed:
        messages.success(request, f"{summary} {_('Passed.')}")
    else:
        messages.warning(request, f"{summary} {_('Not passed yet: review and try again.')}")
    return redirect(f"{module.get_url(request)}#quiz-{block_id}")


@login_required
@require_POST
def save_reflection(request, page_id: int):
    block_id = request.POST.get("block_id", "")
    text = request.POST.get("text", "")
    try:
        module, enrolment = _module_and_enrolment(request, page_id)
        progress.save_reflection(enrolment=enrolment, module=module, block_id=block_id, text=text)
    except (progress.AnswerTooLong, progress.EmptyAnswer) as error:
        # Nothing typed is lost, and the answer saved before stays: the module page shows the
        # draft again, with the message.
        drafts = request.session.get(REFLECTION_DRAFTS, {})
        drafts[block_id] = text
        request.session[REFLECTION_DRAFTS] = drafts
        message = error.message
        if isinstance(error, progress.EmptyAnswer) and text.strip():
            message = _(
                "Nothing would be left of your answer once unsafe markup is removed. Write it as "
                "plain text, or with simple formatting (bold, italics, lists, links)."
            )
        messages.error(request, message)
        return redirect(f"{module.get_url(request)}#reflection-{block_id}")
    except progress.ProgressError as error:
        return _refused(request, error)
    drafts = request.session.get(REFLECTION_DRAFTS, {})
    if drafts.pop(block_id, None) is not None:
        request.session[REFLECTION_DRAFTS] = drafts
    messages.success(request, _("Your reflection is saved. Your tutors can read it."))
    return redirect(f"{module.get_url(request)}#reflection-{block_id}")
