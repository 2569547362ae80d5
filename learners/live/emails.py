"""The session reminder email, in the learner's language and time zone."""

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from learners.accounts.recipients import recipient

from .models import SentReminder
from .services import claim_reminder, release_reminder, reminder_session_info
from .times import local_span


def send_session_reminder(*, reminder_id: int) -> bool:
    """Email one reminder. Sent once: the row is claimed (``sent_at`` set) before sending and
    released again if sending fails, so a retry or a redelivered task finds it claimed and
    sends nothing. Nothing is sent for a slot that was cancelled or moved since (the moved slot
    gets its own reminders), nor to a learner no longer active."""
    reminder = (
        SentReminder.objects.select_related("slot__cohort", "enrolment__learner__profile")
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
        or not enrolment.is_active
    ):
        return False
    if not claim_reminder(reminder.pk):
        return False
    learner = enrolment.learner
    to = recipient(learner, slot.cohort)
    profile = getattr(learner, "profile", None)
    # The session and course as the cohort is taught them (titles in the cohort's language).
    info = reminder_session_info(slot, slot.cohort.language)
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
