"""Writes of the cohort discussion: threads, replies, edits, deletions, moderation, reports,
answered questions, subscriptions and read state. Each is one transaction; emails are queued
after the commit (``tasks``). Who may do what is decided by the caller with
``learners.permissions`` (this room never imports it); the services enforce what holds for
everyone: lengths, safe HTML, the rate limit, one post per submitted form, the edit window.
"""

import secrets
import uuid
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aula import throttle
from learners import audit
from learners.accounts.page_state import discussion_changed, reading_changed
from learners.enrolment.sanitize import MAX_LENGTH, clean_html

from . import tasks
from .models import (
    TITLE_MAX_LENGTH,
    NotificationPreference,
    Post,
    Pseudonym,
    ReadState,
    Report,
    ReportStatus,
    Subscription,
    Thread,
)

EDIT_WINDOW = timedelta(minutes=15)
# Posting is limited per account (the counter is aula.throttle's, counting posts here): a
# learner may post 10 messages in 5 minutes, a tutor or staff member answering a queue 40.
POSTS = throttle.Limit("discussion-post", failures=10, window=5 * 60)
MODERATOR_POSTS = throttle.Limit("discussion-post-moderator", failures=40, window=5 * 60)
PSEUDONYM_RANGE = (100, 9999)


class DiscussionError(Exception):
    message = _("This message cannot be posted.")
    status = 400

    def __init__(self, message=None):
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class EmptyPost(DiscussionError):
    message = _("Write a message. Nothing would be left of it once unsafe markup is removed.")


class PostTooLong(DiscussionError):
    message = _("The message is too long: at most 10,000 characters.")


class MissingTitle(DiscussionError):
    message = _("Give your thread a title of at most 200 characters.")


class RateLimited(DiscussionError):
    message = _("You have posted many messages in a short time. Please wait a few minutes.")
    status = 429


class EditWindowClosed(DiscussionError):
    message = _("Messages can be edited within 15 minutes of posting them.")
    status = 403


def _body(body: str) -> str:
    if len(body or "") > MAX_LENGTH:
        raise PostTooLong()
    cleaned = clean_html(body)
    if not cleaned:
        raise EmptyPost()
    return cleaned


def _title(title: str) -> str:
    title = " ".join((title or "").split())
    if not title or len(title) > TITLE_MAX_LENGTH:
        raise MissingTitle()
    return title


def _limit(moderator: bool) -> throttle.Limit:
    return MODERATOR_POSTS if moderator else POSTS


def _check_rate(author, moderator: bool) -> None:
    if throttle.is_throttled(_limit(moderator), throttle.account_key(author)):
        raise RateLimited()


def _count_post(author, moderator: bool) -> None:
    throttle.record_failure(_limit(moderator), throttle.account_key(author))


def _existing(author, token) -> Post | None:
    if token is None:
        return None
    return Post.objects.select_related("thread").filter(author=author, token=token).first()


def _token(token) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(token)) if token else None
    except ValueError:
        return None


def _subscribe(thread: Thread, user, now) -> None:
    Subscription.objects.get_or_create(thread=thread, user=user, defaults={"notified_until": now})


def mark_read(*, thread: Thread, user, now=None) -> None:
    """The reader has seen the thread up to now; written only when there is something new
    since their last visit (reading a thread again writes nothing)."""
    now = now or timezone.now()
    read_at = (
        ReadState.objects.filter(thread=thread, user=user).values_list("read_at", flat=True).first()
    )
    if read_at is None or read_at < thread.last_post_at:
        ReadState.objects.update_or_create(thread=thread, user=user, defaults={"read_at": now})
        reading_changed(user.pk)


def ensure_pseudonym(*, cohort, user) -> Pseudonym:
    """The learner's pseudonym in ``cohort`` (drawn at random once: "Participant 4821")."""
    existing = Pseudonym.objects.filter(cohort=cohort, user=user).first()
    if existing is not None:
        return existing
    for _attempt in range(20):
        number = PSEUDONYM_RANGE[0] + secrets.randbelow(PSEUDONYM_RANGE[1] - PSEUDONYM_RANGE[0])
        try:
            with transaction.atomic():
                return Pseudonym.objects.create(cohort=cohort, user=user, number=number)
        except IntegrityError:
            existing = Pseudonym.objects.filter(cohort=cohort, user=user).first()
            if existing is not None:
                return existing
    raise RuntimeError("no free pseudonym number in the cohort")


def create_thread(
    *,
    cohort,
    author,
    title: str,
    body: str,
    is_question: bool = False,
    is_private: bool = False,
    module=None,
    token=None,
    moderator: bool = False,
    now=None,
) -> Thread:
    """Open a thread with its first message. A private thread is a question to the tutors.
    The same form sent twice (its ``token``) opens one thread."""
    token = _token(token)
    existing = _existing(author, token)
    if existing is not None:
        return existing.thread
    title, cleaned = _title(title), _body(body)
    _check_rate(author, moderator)
    now = now or timezone.now()
    is_question = bool(is_question or is_private)
    try:
        with transaction.atomic():
            thread = Thread.objects.create(
                cohort=cohort,
                module=module,
                author=author,
                title=title,
                is_question=is_question,
                is_private=bool(is_private),
                last_post_at=now,
            )
            Post.objects.create(
                thread=thread, author=author, body=cleaned, is_opening=True, token=token
            )
            _subscribe(thread, author, now)
            mark_read(thread=thread, user=author, now=now)
            if cohort.course.is_sensitive and not moderator:
                ensure_pseudonym(cohort=cohort, user=author)
            if is_question:
                transaction.on_commit(lambda: tasks.send_question_alerts.delay(thread.pk))
    except IntegrityError:  # the same form, sent twice at the same moment
        existing = _existing(author, token)
        if existing is None:
            raise
        return existing.thread
    _count_post(author, moderator)
    return thread


def reply(*, thread: Thread, author, body: str, token=None, moderator=False, now=None) -> Post:
    """Add a reply. A tutor's or staff member's reply to a question marks it answered; the
    thread's followers who chose so are emailed at once (after the commit)."""
    token = _token(token)
    existing = _existing(author, token)
    if existing is not None:
        return existing
    cleaned = _body(body)
    _check_rate(author, moderator)
    now = now or timezone.now()
    try:
        with transaction.atomic():
            post = Post.objects.create(thread=thread, author=author, body=cleaned, token=token)
            changes = {"reply_count": F("reply_count") + 1, "last_post_at": now}
            if moderator and thread.is_question and thread.answered_at is None:
                changes.update(answered_at=now, answered_by=author)
                thread.answered_at, thread.answered_by = now, author
            Thread.objects.filter(pk=thread.pk).update(**changes)
            discussion_changed(thread.cohort_id)  # module pages: latest activity, "Answered"
            thread.last_post_at = now
            _subscribe(thread, author, now)
            mark_read(thread=thread, user=author, now=now)
            if thread.cohort.course.is_sensitive and not moderator:
                ensure_pseudonym(cohort=thread.cohort, user=author)
            transaction.on_commit(lambda: tasks.send_reply_alerts.delay(post.pk))
    except IntegrityError:
        existing = _existing(author, token)
        if existing is None:
            raise
        return existing
    _count_post(author, moderator)
    return post


def edit_post(*, post: Post, body: str, title: str | None = None, now=None) -> Post:
    """The author's correction within 15 minutes (the caller checked it is the author)."""
    now = now or timezone.now()
    if now - post.created_at > EDIT_WINDOW:
        raise EditWindowClosed()
    cleaned = _body(body)
    with transaction.atomic():
        post.body, post.edited_at = cleaned, now
        post.save(update_fields=["body", "edited_at"])
        if title is not None and post.is_opening:
            post.thread.title = _title(title)
            post.thread.save(update_fields=["title"])
    return post


def delete_post(*, post: Post, now=None) -> bool:
    """The author deletes their post: removed when nobody replied after it, else kept as
    "deleted" (its text erased) so the conversation still reads. Deleting the opening post of
    a thread without replies deletes the thread. True when the thread is gone."""
    now = now or timezone.now()
    thread = post.thread
    with transaction.atomic():
        replied = Post.objects.filter(thread=thread, created_at__gt=post.created_at).exists()
        if replied or (post.is_opening and thread.reply_count):
            post.body, post.deleted_at = "", now
            post.save(update_fields=["body", "deleted_at"])
            return False
        if post.is_opening:
            thread.delete()
            return True
        post.delete()
        Thread.objects.filter(pk=thread.pk).update(reply_count=F("reply_count") - 1)
    return False


def hide_post(*, post: Post, by, now=None) -> None:
    """A tutor or staff member hides a post (kept, with who and when, in the audit trail);
    hiding the opening post hides the thread."""
    now = now or timezone.now()
    with transaction.atomic():
        post.hidden_at, post.hidden_by = now, by
        post.save(update_fields=["hidden_at", "hidden_by"])
        if post.is_opening:
            Thread.objects.filter(pk=post.thread_id).update(hidden_at=now, hidden_by=by)
            discussion_changed(post.thread.cohort_id)
        post.reports.filter(status=ReportStatus.OPEN).update(status=ReportStatus.RESOLVED)
        audit.record_post_moderation(post, audit.AuditAction.POST_HIDE, by=by)


def dismiss_reports(*, post: Post, by) -> int:
    """A tutor or staff member keeps a reported post: its open reports are dismissed (kept, with
    who and when, in the audit trail). Returns how many were open (none: nothing recorded)."""
    with transaction.atomic():
        dismissed = post.reports.filter(status=ReportStatus.OPEN).update(
            status=ReportStatus.DISMISSED
        )
        if dismissed:
            audit.record_post_moderation(
                post, audit.AuditAction.REPORTS_DISMISS, by=by, data={"reports": dismissed}
            )
    return dismissed


def restore_post(*, post: Post, by) -> None:
    with transaction.atomic():
        post.hidden_at, post.hidden_by = None, None
        post.save(update_fields=["hidden_at", "hidden_by"])
        if post.is_opening:
            Thread.objects.filter(pk=post.thread_id).update(hidden_at=None, hidden_by=None)
            discussion_changed(post.thread.cohort_id)
        audit.record_post_moderation(post, audit.AuditAction.POST_RESTORE, by=by)


def set_answered(*, thread: Thread, by, answered: bool = True, now=None) -> None:
    now = now or timezone.now()
    thread.answered_at, thread.answered_by = (now, by) if answered else (None, None)
    thread.save(update_fields=["answered_at", "answered_by"])


def report_post(*, post: Post, reporter, reason: str = "") -> Report:
    """A learner reports a post to the tutors (once per post and learner)."""
    reason = " ".join((reason or "").split())[:500]
    report, _created = Report.objects.get_or_create(
        post=post, reporter=reporter, defaults={"reason": reason}
    )
    return report


def unsubscribe(*, subscription_id: int, now=None) -> Subscription | None:
    subscription = Subscription.objects.filter(pk=subscription_id).first()
    if subscription is not None and subscription.unsubscribed_at is None:
        subscription.unsubscribed_at = now or timezone.now()
        subscription.save(update_fields=["unsubscribed_at"])
    return subscription


def set_preferences(
    *, user, reply_alerts: str, question_alerts: str | None = None
) -> NotificationPreference:
    """Save how ``user`` hears of new replies and (a tutor's choice; None: unchanged) of new
    questions."""
    preference, _created = NotificationPreference.objects.get_or_create(user=user)
    preference.reply_alerts = reply_alerts
    fields = ["reply_alerts"]
    if question_alerts is not None:
        preference.question_alerts = question_alerts
        fields.append("question_alerts")
    preference.save(update_fields=fields)
    return preference
