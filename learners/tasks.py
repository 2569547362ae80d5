"""Background work for learners. Tasks take ids, are idempotent and safe to retry."""

import logging

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from .models import Enrolment

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

