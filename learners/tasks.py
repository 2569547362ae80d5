"""Background work for learners. Tasks take ids, are idempotent and safe to retry."""

import logging
from dataclasses import dataclass
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from aula.links import public_url

from .models import Enrolment, RosterUpload

logger = logging.getLogger(__name__)

@dataclass
class Recipient:
    """Who an email goes to and how to address them: their language, the name they gave, and
    the site's absolute base URL (emails carry absolute links)."""

    learner: object
    language: str
    name: str
    base_url: str

    @property
    def learn_url(self) -> str:
        return f"{self.base_url}/{self.language}/learn/"

    def course(self, source_course):
        """The course page in the recipient's language where it is translated."""
        locale = Locale.objects.filter(language_code=self.language).first()
        return (locale and source_course.get_translation_or_none(locale)) or source_course


def recipient(learner) -> Recipient:
    profile = getattr(learner, "profile", None)
    return Recipient(
        learner=learner,
        language=profile.preferred_language if profile else settings.LANGUAGE_CODE,
        name=(profile.certificate_name if profile else "") or learner.get_full_name(),
        base_url=public_url("").rstrip("/"),
    )



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


@shared_task(
    name="learners.tasks.send_enrolment_email",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
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
    to = recipient(enrolment.learner)
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
        subject = _subject(kind, course.title, source_course.is_sensitive)
        body = render_to_string(f"learners/email/enrolment_{kind}.txt", context)
    message = EmailMultiAlternatives(subject=subject, body=body, to=[to.learner.email])
    message.send()
    return True


def _invitation_subject(course_title: str, sensitive: bool) -> str:
    if sensitive:
        return _("An update about your course")
    return _("You are invited to %(course)s: set your password") % {"course": course_title}


@shared_task(
    name="learners.tasks.send_invitation_email",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
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
    to = recipient(learner)
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
        subject = _invitation_subject(course.title, source_course.is_sensitive)
        body = render_to_string("learners/email/invitation.txt", context)
    EmailMultiAlternatives(subject=subject, body=body, to=[learner.email]).send()
    return True


@shared_task(
    name="learners.tasks.delete_stale_roster_uploads",
    acks_late=True,
)
def delete_stale_roster_uploads(older_than_hours: int = 24) -> int:
    """Forget learner lists that were previewed but never imported (they hold personal data)."""
    cutoff = timezone.now() - timedelta(hours=older_than_hours)
    deleted, _by_model = RosterUpload.objects.filter(
        imported_at__isnull=True, created_at__lt=cutoff
    ).delete()
    return deleted


# --- cohort announcements (learners/announcements.py posts them) ----------------------------

ANNOUNCEMENT_SENT_TTL = 14 * 24 * 3600  # how long "already emailed" is remembered per learner


def _announcement_text(body_html: str) -> str:
    """The sanitised announcement as plain text: paragraphs and list items on their own lines,
    links followed by their address."""
    import html
    import re

    from django.utils.html import strip_tags

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


@shared_task(
    name="learners.tasks.send_announcement",
    acks_late=True,
)
def send_announcement(announcement_id: int) -> int:
    """Queue one email per active learner of the announcement's cohort (returns how many)."""
    from .models import Announcement, EnrolmentStatus

    announcement = Announcement.objects.filter(pk=announcement_id).first()
    if announcement is None:
        logger.warning("Announcement %s vanished before it was emailed", announcement_id)
        return 0
    enrolment_ids = list(
        Enrolment.objects.filter(
            cohort_id=announcement.cohort_id, status=EnrolmentStatus.ACTIVE
        ).values_list("pk", flat=True)
    )
    for enrolment_id in enrolment_ids:
        send_announcement_email.delay(announcement_id, enrolment_id)
    return len(enrolment_ids)


@shared_task(
    name="learners.tasks.send_announcement_email",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def send_announcement_email(announcement_id: int, enrolment_id: int) -> bool:
    """Email one learner an announcement, in their language. Sent once: a repeated task (a
    retry of the fan-out, a redelivery) finds the learner's "sent" mark and stops. The subject
    is the tutor's, except for a sensitive course, whose subject lines stay neutral."""
    from django.core.cache import cache

    from .models import Announcement

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
    to = recipient(learner)
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
            subject = _subject("enrolled", course.title, sensitive=True)
        else:
            subject = announcement.subject
        body = render_to_string("learners/email/announcement.txt", context)
    try:
        EmailMultiAlternatives(subject=subject, body=body, to=[learner.email]).send()
    except Exception:
        cache.delete(sent_key)  # not sent: a retry may send it
        raise
    return True


@shared_task(
    name="learners.tasks.refresh_course_progress",
    acks_late=True,
)
def refresh_course_progress(course_id: int) -> int:
    """Recompute the progress of every learner of a course after its modules or its completion
    rule changed (a module added, unpublished, moved or deleted). Returns the enrolments seen."""
    from courses.models import CoursePage

    from .progress import refresh_course

    course = CoursePage.objects.filter(pk=course_id).first()
    if course is None:
        return 0
    return refresh_course(course)


# --- certificates (learners/certificates.py issues, revokes and re-issues them) --------------


@shared_task(
    name="learners.tasks.issue_certificate",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def issue_certificate(enrolment_id: int) -> int | None:
    """Issue the certificate of a completed enrolment (row, PDF in media storage, email).
    Idempotent: repeated completion signals and retries leave one certificate."""
    from .certificates import NotCompleted
    from .certificates import issue_certificate as issue

    try:
        certificate, _created = issue(enrolment_id=enrolment_id)
    except Enrolment.DoesNotExist:
        logger.warning("Enrolment %s vanished before its certificate was issued", enrolment_id)
        return None
    except NotCompleted:
        logger.warning("Enrolment %s is not completed: no certificate", enrolment_id)
        return None
    return certificate.pk


@shared_task(
    name="learners.tasks.reissue_certificate",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def reissue_certificate(certificate_id: int, user_id: int | None = None) -> int | None:
    """Re-issue one certificate (a cohort re-issue queues one per certificate). A certificate
    already replaced or revoked is left alone, so a retried task changes nothing."""
    from django.contrib.auth import get_user_model

    from .certificates import CertificateError, reissue
    from .models import Certificate

    certificate = Certificate.objects.filter(
        pk=certificate_id, replaced_at__isnull=True, revoked_at__isnull=True
    ).first()
    if certificate is None:
        return None
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    try:
        return reissue(certificate=certificate, by=user).pk
    except CertificateError:
        return None


@shared_task(
    name="learners.tasks.send_certificate_email",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def send_certificate_email(certificate_id: int, reissued: bool = False) -> bool:
    """Email the learner the link to their certificate, in their language (the subject of a
    sensitive course names neither the course nor its subject)."""
    from .certificates import verification_url
    from .models import Certificate

    certificate = (
        Certificate.objects.select_related("enrolment__learner__profile", "enrolment__cohort")
        .filter(pk=certificate_id)
        .first()
    )
    if certificate is None or certificate.revoked_at or certificate.replaced_at:
        return False
    learner = certificate.enrolment.learner
    to = recipient(learner)
    sensitive = certificate.enrolment.cohort.course.is_sensitive
    with translation.override(to.language):
        context = {
            "certificate": certificate,
            "name": certificate.learner_name,
            "reissued": reissued,
            "learn_url": to.learn_url,
            "verification_url": verification_url(certificate),
        }
        if sensitive:
            subject = _("An update about your course")
        elif reissued:
            subject = _("Your certificate has been re-issued: %(course)s") % {
                "course": certificate.course_title
            }
        else:
            subject = _("Your certificate: %(course)s") % {"course": certificate.course_title}
        body = render_to_string("learners/email/certificate_issued.txt", context)
    EmailMultiAlternatives(subject=subject, body=body, to=[learner.email]).send()
    return True


# --- live-session reminders (learners/live.py) ----------------------------------------------


@shared_task(
    name="learners.tasks.scan_session_reminders",
    acks_late=True,
)
def scan_session_reminders() -> int:
    """Celery beat: record the reminders due now and queue one email task per new row."""
    from .live import schedule_reminders

    return len(schedule_reminders())


@shared_task(
    name="learners.tasks.send_session_reminder",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def send_session_reminder(reminder_id: int) -> bool:
    """Email one reminder, in the learner's language and time zone. Sent once: the row is
    claimed (``sent_at`` set) before sending and released again if sending fails, so a retry
    or a redelivered task finds it claimed and sends nothing. Nothing is sent for a slot that
    was cancelled or moved since (the moved slot gets its own reminders), nor to a learner no
    longer active."""
    from .live import claim_reminder, local_span, release_reminder, reminder_session_info
    from .models import EnrolmentStatus, SentReminder

    reminder = (
        SentReminder.objects.select_related("slot", "enrolment__learner__profile")
        .filter(pk=reminder_id)
        .first()
    )
    if reminder is None or reminder.sent_at is not None:
        return False
    slot, enrolment = reminder.slot, reminder.enrolment
    if (
        slot.is_cancelled
        or slot.starts_at != reminder.starts_at
        or slot.starts_at <= timezone.now()
        or enrolment.status != EnrolmentStatus.ACTIVE
    ):
        return False
    if not claim_reminder(reminder.pk):
        return False
    learner = enrolment.learner
    to = recipient(learner)
    profile = getattr(learner, "profile", None)
    info = reminder_session_info(slot, to.language)
    zone = profile.time_zone if profile else info.cohort_zone
    with translation.override(to.language):
        context = {
            "name": to.name,
            "session_title": info.session_title,
            "course_title": info.course_title,
            "sensitive": info.sensitive,
            "when": local_span(slot.starts_at, slot.ends_at, zone),
            "session_url": to.base_url + info.path,
            "learn_url": to.learn_url,
        }
        if info.sensitive:
            subject = _("A reminder about your course")
        else:
            subject = _("Reminder: %(session)s, %(when)s") % {
                "session": info.session_title,
                "when": context["when"],
            }
        body = render_to_string("learners/email/reminder.txt", context)
    try:
        EmailMultiAlternatives(subject=subject, body=body, to=[learner.email]).send()
    except Exception:
        release_reminder(reminder.pk)
        raise
    return True
