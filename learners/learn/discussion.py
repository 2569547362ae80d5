"""The cohort discussion, learner side (tutors and staff read and write here too; their
moderation actions are learners/tutor/discussion.py). Who may do what is
learners/permissions.py; writes are learners/discussion/services.py, reads its selectors."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses.models import Cohort, ModulePage
from learners import permissions
from learners.discussion import emails, selectors, services
from learners.discussion.forms import (
    EditForm,
    PreferenceForm,
    ReplyForm,
    ReportForm,
    ThreadForm,
)
from learners.discussion.models import NotificationPreference, Post
from learners.progress import services as progress


def _access(request, cohort_id: int):
    """The cohort and the reader's access to its discussion; 404 for anyone else. A learner
    who left the cohort and posts from a page still open is told why (403)."""
    cohort = get_object_or_404(Cohort.objects.select_related("course"), pk=cohort_id)
    access = permissions.discussion_access(request.user, cohort)
    if access is None:
        if request.method == "POST" and permissions.left_the_cohort(request.user, cohort):
            raise _Refused(_("You have left this cohort, so you can no longer post in it."))
        raise Http404
    return cohort, access


class _Refused(Exception):
    def __init__(self, message, status=403):
        super().__init__(message)
        self.message, self.status = message, status


def _refused(request, error):
    return TemplateResponse(
        request, "learners/progress_error.html", {"message": error.message}, status=error.status
    )


def _in_discussion(view):
    """Log the reader in, then give the view the cohort and their access to its discussion
    (anyone else: 404; a learner who left the cohort and posts: told why)."""

    @login_required
    @wraps(view)
    def wrapper(request, cohort_id: int, *args, **kwargs):
        try:
            cohort, access = _access(request, cohort_id)
        except _Refused as error:
            return _refused(request, error)
        return view(request, cohort, access, *args, **kwargs)

    return wrapper


def _counted(access) -> None:
    """A learner's post counts towards a course rule that asks for posts."""
    if access.enrolment is not None:
        progress.discussion_post_written(enrolment=access.enrolment, course=access.cohort.course)


def _context(cohort, access, **extra):
    return {"cohort": cohort, "course": cohort.course, "access": access, **extra}


@_in_discussion
def discussion(request, cohort, access):
    form = ThreadForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            module = None
            if data["module"]:
                module = ModulePage.objects.filter(pk=data["module"]).first()
            try:
                thread = services.create_thread(
                    cohort=cohort,
                    author=request.user,
                    title=data["title"],
                    body=data["body"],
                    is_question=data["is_question"],
                    is_private=data["is_private"],
                    module=module,
                    token=data["token"],
                    moderator=access.moderates,
                )
            except services.DiscussionError as error:
                form.add_error(None, error.message)
                status = error.status
            else:
                _counted(access)
                messages.success(request, _("Your message is posted."))
                return redirect("learn_discussion_thread", cohort_id=cohort.pk, thread_id=thread.pk)
        else:
            status = 400
    page, announcements = selectors.thread_list(
        cohort=cohort,
        user=request.user,
        moderator=access.moderates,
        page_number=request.GET.get("page"),
        pseudonyms=access.sees_pseudonyms,
    )
    context = _context(cohort, access, page=page, announcements=announcements, form=form)
    return TemplateResponse(request, "learners/discussion/list.html", context, status=status)


def _annotate(posts, access, now):
    for post in posts:
        post.can_edit = permissions.can_edit_post(access, post, now)
        post.can_delete = permissions.can_delete_post(access, post)
        post.can_report = permissions.can_report_post(access, post)


@_in_discussion
def thread(request, cohort, access, thread_id: int):
    item = selectors.visible_thread(
        cohort=cohort, thread_id=thread_id, user=request.user, moderator=access.moderates
    )
    item.cohort = cohort
    form = ReplyForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not permissions.can_reply(access, item):
            raise Http404
        if form.is_valid():
            try:
                post = services.reply(
                    thread=item,
                    author=request.user,
                    body=form.cleaned_data["body"],
                    token=form.cleaned_data["token"],
                    moderator=access.moderates,
                )
            except services.DiscussionError as error:
                form.add_error(None, error.message)
                status = error.status
            else:
                _counted(access)
                messages.success(request, _("Your reply is posted."))
                url = reverse("learn_discussion_thread", args=[cohort.pk, item.pk])
                last = (item.reply_count + 1) // selectors.PAGE_SIZE + 1  # opening + replies
                return redirect(f"{url}?page={last}#post-{post.pk}")
        else:
            status = 400
    page, _namer = selectors.thread_posts(
        thread=item,
        user=request.user,
        page_number=request.GET.get("page"),
        pseudonyms=access.sees_pseudonyms,
    )
    now = timezone.now()
    _annotate(page.object_list, access, now)
    if request.method == "GET":
        services.mark_read(thread=item, user=request.user, now=now)
    context = _context(
        cohort,
        access,
        thread=item,
        page=page,
        form=form,
        can_reply=permissions.can_reply(access, item),
        report_form=ReportForm(),
    )
    return TemplateResponse(request, "learners/discussion/thread.html", context, status=status)


def _own_post(request, cohort, access, post_id: int) -> Post:
    post = get_object_or_404(
        Post.objects.select_related("thread__cohort__course"),
        pk=post_id,
        thread__cohort=cohort,
    )
    if not permissions.can_read_thread(access, post.thread):
        raise Http404
    return post


@_in_discussion
def edit_post(request, cohort, access, post_id: int):
    post = _own_post(request, cohort, access, post_id)
    if post.author_id != request.user.pk:
        raise Http404
    back = reverse("learn_discussion_thread", args=[cohort.pk, post.thread_id])
    if not permissions.can_edit_post(access, post, timezone.now()):
        messages.error(request, services.EditWindowClosed.message)
        return redirect(back)
    form = EditForm(request.POST or None, initial={"body": post.body})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.edit_post(post=post, body=form.cleaned_data["body"])
            except services.DiscussionError as error:
                form.add_error(None, error.message)
                status = error.status
            else:
                messages.success(request, _("Your message is saved."))
                return redirect(f"{back}#post-{post.pk}")
        else:
            status = 400
    context = _context(cohort, access, thread=post.thread, post=post, form=form)
    return TemplateResponse(request, "learners/discussion/edit.html", context, status=status)


@_in_discussion
@require_POST
def delete_post(request, cohort, access, post_id: int):
    post = _own_post(request, cohort, access, post_id)
    if not permissions.can_delete_post(access, post):
        raise Http404
    thread_gone = services.delete_post(post=post)
    messages.success(request, _("Your message is deleted."))
    if thread_gone:
        return redirect("learn_discussion", cohort_id=cohort.pk)
    return redirect("learn_discussion_thread", cohort_id=cohort.pk, thread_id=post.thread_id)


@_in_discussion
@require_POST
def report_post(request, cohort, access, post_id: int):
    post = _own_post(request, cohort, access, post_id)
    if not permissions.can_report_post(access, post):
        raise Http404
    form = ReportForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    services.report_post(post=post, reporter=request.user, reason=reason)
    messages.success(request, _("Thank you. The cohort's tutors will look at this message."))
    url = reverse("learn_discussion_thread", args=[cohort.pk, post.thread_id])
    return redirect(f"{url}#post-{post.pk}")


def unsubscribe(request, token: str):
    """One click from an email (no login): a page with one button; the button stops the
    emails about that thread."""
    subscription_id = emails.read_unsubscribe_token(token)
    if subscription_id is None:
        raise Http404
    done = False
    if request.method == "POST":
        done = services.unsubscribe(subscription_id=subscription_id) is not None
        if not done:
            raise Http404
    return TemplateResponse(
        request, "learners/discussion/unsubscribe.html", {"done": done, "token": token}
    )


@login_required
def preferences(request):
    """How someone who takes part in a discussion hears of new replies in the threads they
    follow and, a tutor, of new questions in their cohorts (anyone else: 404)."""
    if not permissions.takes_part_in_discussions(request.user):
        raise Http404
    tutor = permissions.tutors_cohorts(request.user)
    preference = NotificationPreference.objects.filter(user=request.user).first()
    preference = preference or NotificationPreference(user=request.user)
    initial = {
        "reply_alerts": preference.reply_alerts,
        "question_alerts": preference.question_alerts,
    }
    form = PreferenceForm(request.POST or None, initial=initial, tutor=tutor)
    if request.method == "POST" and form.is_valid():
        services.set_preferences(
            user=request.user,
            reply_alerts=form.cleaned_data["reply_alerts"],
            question_alerts=form.cleaned_data.get("question_alerts"),
        )
        messages.success(request, _("Your choice is saved."))
        return redirect("learn_discussion_preferences")
    status = 400 if request.method == "POST" else 200  # shown again with the error
    context = {"form": form, "tutor": tutor}
    return TemplateResponse(request, "learners/discussion/preferences.html", context, status=status)
