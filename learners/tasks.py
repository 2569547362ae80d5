"""Background work for learners. Tasks take ids, are idempotent and safe to retry."""

import logging
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from .models import Enrolment, RosterUpload

logger = logging.getLogger(__name__)

EMAIL_KINDS = ("applied", "approved", "rejected", "enrolled", "waitlisted", "promoted")


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


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_enrolment_email(enrolment_id: int, kind: str) -> bool:
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
    learner = enrolment.learner
    profile = getattr(learner, "profile", None)
    language = profile.preferred_language if profile else settings.LANGUAGE_CODE
    source_course = enrolment.cohort.course
    locale = Locale.objects.filter(language_code=language).first()
    course = (locale and source_course.get_translation_or_none(locale)) or source_course
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    with translation.override(language):
        context = {
            "enrolment": enrolment,
            "name": (profile.certificate_name if profile else "") or learner.get_full_name(),
            "course": course,
            "course_url": base_url + (course.get_url() or ""),
            "learn_url": f"{base_url}/{language}/learn/",
        }
        subject = _subject(kind, course.title, source_course.is_sensitive)
        body = render_to_string(f"learners/email/enrolment_{kind}.txt", context)
    message = EmailMultiAlternatives(subject=subject, body=body, to=[learner.email])
    message.send()
    return True


def _invitation_subject(course_title: str, sensitive: bool) -> str:
    if sensitive:
        return _("An update about your course")
    return _("You are invited to %(course)s: set your password") % {"course": course_title}


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_invitation_email(enrolment_id: int) -> bool:
    """Invite a learner whose account a list import created to set a password, in their
    language, with a link from allauth's password-reset machinery. Nothing is sent once the
    learner has a password (a retry after they set one changes nothing)."""
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str
    from django.urls import reverse

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
    profile = getattr(learner, "profile", None)
    language = profile.preferred_language if profile else settings.LANGUAGE_CODE
    source_course = enrolment.cohort.course
    locale = Locale.objects.filter(language_code=language).first()
    course = (locale and source_course.get_translation_or_none(locale)) or source_course
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    key = f"{user_pk_to_url_str(learner)}-{default_token_generator.make_token(learner)}"
    with translation.override(language):
        set_password_path = reverse(
            "account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"}
        ).replace("UID-KEY", key)
        context = {
            "enrolment": enrolment,
            "name": (profile.certificate_name if profile else "") or learner.get_full_name(),
            "email": learner.email,
            "course": course,
            "course_url": base_url + (course.get_url() or ""),
            "learn_url": f"{base_url}/{language}/learn/",
            "set_password_url": base_url + set_password_path,
            "reset_url": base_url + reverse("account_reset_password"),
            "valid_days": max(settings.PASSWORD_RESET_TIMEOUT // 86400, 1),
        }
        subject = _invitation_subject(course.title, source_course.is_sensitive)
        body = render_to_string("learners/email/invitation.txt", context)
    EmailMultiAlternatives(subject=subject, body=body, to=[learner.email]).send()
    return True


@shared_task(acks_late=True)
def delete_stale_roster_uploads(older_than_hours: int = 24) -> int:
    """Forget learner lists that were previewed but never imported (they hold personal data)."""
    cutoff = timezone.now() - timedelta(hours=older_than_hours)
    deleted, _by_model = RosterUpload.objects.filter(
        imported_at__isnull=True, created_at__lt=cutoff
    ).delete()
    return deleted
