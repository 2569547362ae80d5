"""The emails of enrolment: decisions and seats, invitations of imported learners, and cohort
announcements. Each is written in the learner's language and names the course by its public
title when it has one (``CoursePage.public_name``); the subject line of a sensitive course names
neither the course nor its subject (inboxes are often seen by others)."""

import html
import logging
import re

from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from learners.accounts.recipients import recipient

from .models import Announcement, Enrolment

logger = logging.getLogger(__name__)

EMAIL_KINDS = ("applied", "approved", "rejected", "enrolled", "waitlisted", "promoted")
ANNOUNCEMENT_SENT_TTL = 14 * 24 * 3600  # how long "already emailed" is remembered per learner


def _subject(kind: str, course_title: str, sensitive: bool) -> str:
    if sensitive:
        # The subject line of a sensitive course names neither the course nor its subject:
        # inboxes are often seen by others.
        return _("An update about your course")
    subjects = {
        "applied": _("We received your application: %(course)s"),
        "approved": _("You are enrolled: %(course)s"),
        "rejected": _("About your application: %(course)s"),
        "enrolled": _("You are enrolled: %(course)s"),
        "waitlisted": _("You are on the waiting list: %(course)s"),
        "promoted": _("A seat is yours: %(course)s"),
    }
    return subjects[kind] % {"course": course_title}


def send_enrolment_email(*, enrolment_id: int, kind: str) -> bool:
    """Email the learner about their enrolment, in their language."""
    if kind not in EMAIL_KINDS:
        raise ValueError(f"unknown enrolment email kind {kind!r}")
    enrolment = (
        Enrolment.objects.select_related("learner__profile", "cohort__course")
        .filter(pk=enrolment_id)
        .first()
    )
    if enrolment is None:
        logger.warning("Enrolment %s vanished before its %s email was sent", enrolment_id, kind)
        return False
    to = recipient(enrolment.learner, enrolment.cohort)
    source_course = enrolment.cohort.course
    course = to.course(source_course)
    with translation.override(to.language):
        context = {
            "enrolment": enrolment,
            "name": to.name,
            "course": course,
            "course_url": to.base_url + (course.get_url() or ""),
            "learn_url": to.learn_url,
        }
        subject = _subject(kind, course.public_name, source_course.is_sensitive)
        body = render_to_string(f"learners/email/enrolment_{kind}.txt", context)
    message = EmailMultiAlternatives(subject=subject, body=body, to=[to.learner.email])
    message.send()
    return True


def _invitation_subject(course_title: str, sensitive: bool) -> str:
    if sensitive:
        return _("An update about your course")
    return _("You are invited to %(course)s: set your password") % {"course": course_title}


def send_invitation_email(*, enrolment_id: int) -> bool:
    """Invite a learner whose account a list import created to set a password, in their
    language, with a link from allauth's password-reset machinery. Nothing is sent once the
    learner has a password (a retry after they set one changes nothing)."""
    enrolment = (
        Enrolment.objects.select_related("learner__profile", "cohort__course")
        .filter(pk=enrolment_id)
        .first()
    )
    if enrolment is None:
        logger.warning("Enrolment %s vanished before its invitation was sent", enrolment_id)
        return False
    learner = enrolment.learner
    if learner.has_usable_password() or not learner.is_active:
        return False
    to = recipient(learner, enrolment.cohort)
    source_course = enrolment.cohort.course
    course = to.course(source_course)
    key = f"{user_pk_to_url_str(learner)}-{default_token_generator.make_token(learner)}"
    with translation.override(to.language):
        set_password_path = reverse(
            "account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"}
        ).replace("UID-KEY", key)
        context = {
            "enrolment": enrolment,
            "name": to.name,
            "email": learner.email,
            "course": course,
            "course_url": to.base_url + (course.get_url() or ""),
            "learn_url": to.learn_url,
            "set_password_url": to.base_url + set_password_path,
            "reset_url": to.base_url + reverse("account_reset_password"),
            "valid_days": max(settings.PASSWORD_RESET_TIMEOUT // 86400, 1),
        }
        subject = _invitation_subject(course.public_name, source_course.is_sensitive)
        body = render_to_string("learners/email/invitation.txt", context)
    EmailMultiAlternatives(subject=subject, body=body, to=[learner.email]).send()
    return True


def _announcement_text(body_html: str) -> str:
    """The sanitised announcement as plain text: paragraphs and list items on their own lines,
    links followed by their address."""
    text = re.sub(
        r'<a\s[^>]*href="([^"]*)"[^>]*>(.*?)</a>',
        lambda match: f"{match.group(2)} ({html.unescape(match.group(1))})",
        body_html,
        flags=re.IGNORECASE | re.DOTALL,
    )
    text = re.sub(r"<br\s*/?>", "\n", text, flags=re.IGNORECASE)
    text = re.sub(r"<li[^>]*>", "\n- ", text, flags=re.IGNORECASE)
    text = re.sub(r"</(p|blockquote|ul|ol)>", "\n\n", text, flags=re.IGNORECASE)
    text = html.unescape(strip_tags(text))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def send_announcement_email(*, announcement_id: int, enrolment_id: int) -> bool:
    """Email one learner an announcement, in their language. Sent once: a repeated task (a
    retry of the fan-out, a redelivery) finds the learner's "sent" mark and stops. The subject
    is the tutor's, except for a sensitive course, whose subject lines stay neutral."""
    announcement = (
        Announcement.objects.select_related("cohort__course").filter(pk=announcement_id).first()
    )
    enrolment = (
        Enrolment.objects.select_related("learner__profile")
        .filter(pk=enrolment_id, cohort_id=getattr(announcement, "cohort_id", None))
        .first()
    )
    if announcement is None or enrolment is None:
        return False
    sent_key = f"aula:announcement-sent:{announcement_id}:{enrolment_id}"
    if not cache.add(sent_key, 1, ANNOUNCEMENT_SENT_TTL):
        return False
    learner = enrolment.learner
    to = recipient(learner, announcement.cohort)
    source_course = announcement.cohort.course
    course = to.course(source_course)
    with translation.override(to.language):
        context = {
            "announcement": announcement,
            "message": _announcement_text(announcement.body),
            "sensitive": source_course.is_sensitive,
            "name": to.name,
            "course": course,
            "course_url": to.base_url + (course.get_url() or ""),
            "learn_url": to.learn_url,
        }
        if source_course.is_sensitive:
            subject = _subject("enrolled", course.public_name, sensitive=True)
        else:
            subject = announcement.subject
        body = render_to_string("learners/email/announcement.txt", context)
    try:
        EmailMultiAlternatives(subject=subject, body=body, to=[learner.email]).send()
    except Exception:
        cache.delete(sent_key)  # not sent: a retry may send it
        raise
    return True
