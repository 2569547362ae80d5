"""Learner-facing views. Thin: rules live in learners/enrolment.py, reads in selectors.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses.models import Cohort

from . import enrolment as services
from . import throttle
from .forms import ApplicationForm, EnrolForm, ProfileForm
from .models import Enrolment, LearnerProfile
from .selectors import attach_waitlist_positions, learner_enrolments


def _course_url(cohort: Cohort) -> str:
    course = cohort.course.localized
    return course.get_url() or "/"


@login_required
def dashboard(request):
    enrolments = learner_enrolments(user=request.user, language=get_language())
    attach_waitlist_positions(enrolments)
    profile, _created = LearnerProfile.objects.get_or_create(user=request.user)
    return TemplateResponse(
        request, "learners/dashboard.html", {"enrolments": enrolments, "profile": profile}
    )


@login_required
def profile(request):
    instance, _created = LearnerProfile.objects.get_or_create(user=request.user)
    form = ProfileForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile is saved."))
        return redirect(request.GET.get("next") or "learn_dashboard")
    return TemplateResponse(request, "learners/profile.html", {"form": form})


@login_required
@require_POST
def enrol(request, cohort_id: int):
    cohort = get_object_or_404(Cohort.objects.select_related("course"), pk=cohort_id)
    back = _course_url(cohort)
    form = EnrolForm(request.POST)
    code = form.data.get("invitation_code", "") if form.is_valid() else ""
    if cohort.enrolment_mode == "invitation" and throttle.is_throttled("invitation", request):
        messages.error(request, _("Too many wrong codes. Please wait a few minutes and try again."))
        return redirect(back)
    try:
        enrolment = services.enrol(learner=request.user, cohort=cohort, invitation_code=code)
    except services.InvalidInvitationCode as error:
        throttle.record_failure("invitation", request)
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
