"""The discussion's emails, each in its reader's language, with absolute links on
``AULA_PUBLIC_URL``: new questions for tutors who want them at once, new replies for the
followers of a thread who want them at once, and the daily summary (new replies in the threads
someone follows, new questions for tutors who chose a summary). Every thread in an email has
its own one-click unsubscribe link (a signed token). Subjects never name a sensitive course.

``Subscription.notified_until`` is how far a follower has been told of a thread's replies,
whichever email told them: a reply emailed at once is not counted again by the summary, and a
summary sent before the immediate email was (a slow queue) stops that email."""

import logging
from collections import defaultdict
from datetime import timedelta

from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from learners.accounts.recipients import recipient
from learners.enrolment.models import SEAT_STATUSES, Enrolment

from .models import (
    NotificationPreference,
    Post,
    QuestionAlerts,
    ReplyAlerts,
    Subscription,
    Thread,
)

logger = logging.getLogger(__name__)

UNSUBSCRIBE_SALT = "aula.discussion.unsubscribe"


def unsubscribe_token(subscription_id: int) -> str:
    return signing.dumps(subscription_id, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> int | None:
    try:
        return int(signing.loads(token, salt=UNSUBSCRIBE_SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return None


def _thread_url(base_url: str, thread: Thread) -> str:
    return base_url + reverse("learn_discussion_thread", args=[thread.cohort_id, thread.pk])


def _still_in(user, cohort) -> bool:
    """The reader may still read the cohort's discussion (an emailed summary is not sent to a
    learner who left)."""
    if user.is_superuser or cohort.tutors.filter(pk=user.pk).exists():
        return True
    return Enrolment.objects.filter(learner=user, cohort=cohort, status__in=SEAT_STATUSES).exists()


def _alert_users(cohort, mode: QuestionAlerts):
    """The cohort's tutors whose choice for new questions is ``mode`` (no choice: summary)."""
    tutors = cohort.tutors.filter(is_active=True).select_related("profile")
    if mode == QuestionAlerts.DIGEST:
        return tutors.filter(
            Q(discussion_preference__isnull=True)
            | Q(discussion_preference__question_alerts=QuestionAlerts.DIGEST)
        )
    return tutors.filter(discussion_preference__question_alerts=mode)


def send_question_alerts(*, thread_id: int) -> int:
    thread = Thread.objects.select_related("cohort__course").filter(pk=thread_id).first()
    if thread is None or thread.hidden_at is not None:
        return 0
    sent = 0
    for tutor in _alert_users(thread.cohort, QuestionAlerts.IMMEDIATE):
        to = recipient(tutor)
        course = to.course(thread.cohort.course)
        with translation.override(to.language):
            if thread.cohort.course.is_sensitive:
                subject = _("A new question from your cohort")
            else:
                subject = _("New question in %(course)s") % {"course": course.public_name}
            body = render_to_string(
                "learners/discussion/email/question.txt",
                {
                    "name": to.name,
                    "thread": thread,
                    "course": course,
                    "thread_url": _thread_url(to.base_url, thread),
                    "learn_url": to.learn_url,
                },
            )
        EmailMultiAlternatives(subject=subject, body=body, to=[tutor.email]).send()
        sent += 1
    return sent


def _unsubscribe_url(base_url: str, subscription_id: int) -> str:
    return base_url + reverse(
        "learn_discussion_unsubscribe", args=[unsubscribe_token(subscription_id)]
    )


def _reply_alerts(user) -> str:
    """The follower's choice for new replies (no choice: the daily summary)."""
    preference = getattr(user, "discussion_preference", None)
    return preference.reply_alerts if preference is not None else ReplyAlerts.DIGEST


def send_reply_alerts(*, post_id: int) -> int:
    """Email the reply at once to the thread's followers who chose so (not its author), each
    in their language; returns how many were sent. Each follower is told in a transaction of
    their own that locks their subscription, so a retry after a failure emails only those not
    told yet, and a summary that already counted the reply stops this email."""
    post = (
        Post.objects.select_related("thread__cohort__course")
        .filter(pk=post_id, deleted_at__isnull=True, hidden_at__isnull=True)
        .first()
    )
    if post is None or post.thread.hidden_at is not None:
        return 0
    thread = post.thread
    followers = (
        Subscription.objects.filter(
            thread=thread,
            unsubscribed_at__isnull=True,
            user__is_active=True,
            user__discussion_preference__reply_alerts=ReplyAlerts.IMMEDIATE,
        )
        .exclude(user_id=post.author_id)
        .values_list("pk", flat=True)
    )
    sent = 0
    for subscription_id in list(followers):
        with transaction.atomic():
            subscription = (
                Subscription.objects.select_for_update(of=("self",))
                .select_related("user__profile")
                .filter(pk=subscription_id, notified_until__lt=post.created_at)
                .first()
            )
            if subscription is None or not _still_in(subscription.user, thread.cohort):
                continue
            _send_reply_alert(subscription, thread)
            subscription.notified_until = post.created_at
            subscription.save(update_fields=["notified_until"])
        sent += 1
    return sent


def _send_reply_alert(subscription, thread) -> None:
    user = subscription.user
    to = recipient(user, thread.cohort)
    course = to.course(thread.cohort.course)
    with translation.override(to.language):
        if thread.cohort.course.is_sensitive:
            subject = _("An update about your course")
        else:
            subject = _("New reply in %(course)s") % {"course": course.public_name}
        body = render_to_string(
            "learners/discussion/email/reply.txt",
            {
                "name": to.name,
                "thread": thread,
                "course": course,
                "thread_url": _thread_url(to.base_url, thread),
                "unsubscribe_url": _unsubscribe_url(to.base_url, subscription.pk),
                "preferences_url": to.base_url + reverse("learn_discussion_preferences"),
                "learn_url": to.learn_url,
            },
        )
    EmailMultiAlternatives(subject=subject, body=body, to=[user.email]).send()


def _new_replies(now):
    """(subscription, new replies) for every followed thread with replies by others since its
    follower was last told of them (by a summary or at once). Followers who want no email of
    replies are moved on without counting, so choosing a summary later does not bring back
    what was said meanwhile."""
    subscriptions = Subscription.objects.filter(
        unsubscribed_at__isnull=True,
        thread__hidden_at__isnull=True,
        thread__last_post_at__gt=F("notified_until"),
        user__is_active=True,
    ).select_related("thread__cohort__course", "user__profile", "user__discussion_preference")
    for subscription in subscriptions:
        if _reply_alerts(subscription.user) == ReplyAlerts.OFF:
            yield subscription, 0
            continue
        count = (
            Post.objects.filter(
                thread=subscription.thread,
                created_at__gt=subscription.notified_until,
                created_at__lte=now,
                deleted_at__isnull=True,
                hidden_at__isnull=True,
            )
            .exclude(author=subscription.user)
            .count()
        )
        if count:
            yield subscription, count


def send_digests(*, now=None) -> int:
    """One summary per reader with something new; returns how many were sent."""
    now = now or timezone.now()
    replies = defaultdict(list)
    users = {}
    done = []
    for subscription, count in _new_replies(now):
        done.append(subscription.pk)
        thread = subscription.thread
        if not count or not _still_in(subscription.user, thread.cohort):
            continue
        users[subscription.user.pk] = subscription.user
        replies[subscription.user.pk].append((thread, count, subscription.pk))
    questions = defaultdict(list)
    preferences = {}
    for thread in Thread.objects.filter(
        is_question=True, hidden_at__isnull=True, created_at__gt=now - timedelta(days=8)
    ).select_related("cohort__course"):
        for tutor in _alert_users(thread.cohort, QuestionAlerts.DIGEST):
            if tutor.pk not in preferences:
                preferences[tutor.pk] = NotificationPreference.objects.get_or_create(user=tutor)[0]
            since = preferences[tutor.pk].questions_notified_until or now - timedelta(days=1)
            if since < thread.created_at <= now:
                users[tutor.pk] = tutor
                questions[tutor.pk].append(thread)
    sent = 0
    for user_id, user in users.items():
        _send_digest(user, replies.get(user_id, []), questions.get(user_id, []))
        sent += 1
    Subscription.objects.filter(pk__in=done).update(notified_until=now)
    NotificationPreference.objects.filter(pk__in=[p.pk for p in preferences.values()]).update(
        questions_notified_until=now
    )
    return sent


def _send_digest(user, replies, questions) -> None:
    to = recipient(user)
    with translation.override(to.language):
        items = [
            {
                "thread": thread,
                "count": count,
                "course": to.course(thread.cohort.course).public_name,
                "url": _thread_url(to.base_url, thread),
                "unsubscribe_url": _unsubscribe_url(to.base_url, pk),
            }
            for thread, count, pk in replies
        ]
        asked = [
            {
                "thread": thread,
                "course": to.course(thread.cohort.course).public_name,
                "url": _thread_url(to.base_url, thread),
            }
            for thread in questions
        ]
        threads = [item["thread"] for item in items + asked]
        if any(thread.cohort.course.is_sensitive for thread in threads):
            subject = _("An update about your course")
        else:
            subject = _("Your discussion summary")
        body = render_to_string(
            "learners/discussion/email/digest.txt",
            {"name": to.name, "replies": items, "questions": asked, "learn_url": to.learn_url},
        )
    EmailMultiAlternatives(subject=subject, body=body, to=[user.email]).send()
