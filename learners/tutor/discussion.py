"""The cohort discussion, tutor side: the reported posts of a cohort, hiding and restoring
posts and dismissing reports (audited), and marking questions answered. The thread pages
themselves are the learner side's (learners/learn/discussion.py), which tutors open too, as is
the choice of emails."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses.models import Cohort
from learners import permissions
from learners.discussion import selectors, services
from learners.discussion.models import Post, Thread


def _moderator(request, cohort_id: int):
    cohort = get_object_or_404(Cohort.objects.select_related("course"), pk=cohort_id)
    access = permissions.discussion_access(request.user, cohort)
    if access is None or not permissions.can_moderate(access):
        raise Http404
    return cohort


def _thread_url(cohort_id: int, thread_id: int, anchor: str = "") -> str:
    url = reverse("learn_discussion_thread", args=[cohort_id, thread_id])
    return f"{url}#{anchor}" if anchor else url


def _post(cohort, post_id: int) -> Post:
    return get_object_or_404(
        Post.objects.select_related("thread"), pk=post_id, thread__cohort=cohort
    )


def _back(request, cohort, post):
    """Back to the list of reported posts when the action came from it, else to the post."""
    if request.POST.get("back") == "reports":
        return redirect("tutor_discussion_reports", cohort_id=cohort.pk)
    return redirect(_thread_url(cohort.pk, post.thread_id, f"post-{post.pk}"))


@login_required
def reports(request, cohort_id: int):
    """The cohort's reported posts waiting for a tutor, the longest waiting first, each with
    its thread, how many learners reported it and since when; hide it or keep it."""
    cohort = _moderator(request, cohort_id)
    page = selectors.open_reports(
        cohort=cohort, user=request.user, page_number=request.GET.get("page")
    )
    context = {"cohort": cohort, "course": cohort.course, "page": page, "now": timezone.now()}
    return TemplateResponse(request, "learners/discussion/reports.html", context)


@login_required
@require_POST
def hide_post(request, cohort_id: int, post_id: int):
    cohort = _moderator(request, cohort_id)
    post = _post(cohort, post_id)
    services.hide_post(post=post, by=request.user)
    messages.success(request, _("The message is hidden from learners."))
    return _back(request, cohort, post)


@login_required
@require_POST
def dismiss_reports(request, cohort_id: int, post_id: int):
    cohort = _moderator(request, cohort_id)
    post = _post(cohort, post_id)
    services.dismiss_reports(post=post, by=request.user)
    messages.success(request, _("The reports are dismissed; the message stays."))
    return _back(request, cohort, post)


@login_required
@require_POST
def restore_post(request, cohort_id: int, post_id: int):
    cohort = _moderator(request, cohort_id)
    post = _post(cohort, post_id)
    services.restore_post(post=post, by=request.user)
    messages.success(request, _("The message is shown again."))
    return redirect(_thread_url(cohort.pk, post.thread_id, f"post-{post.pk}"))


@login_required
@require_POST
def set_answered(request, cohort_id: int, thread_id: int):
    cohort = _moderator(request, cohort_id)
    thread = get_object_or_404(Thread, pk=thread_id, cohort=cohort)
    answered = request.POST.get("answered") != "0"
    services.set_answered(thread=thread, by=request.user, answered=answered)
    if answered:
        messages.success(request, _("The question is marked answered."))
    else:
        messages.success(request, _("The question is open again."))
    return redirect(_thread_url(cohort.pk, thread.pk))
