"""Cohort announcements: a tutor's message, saved sanitised and emailed to the active learners.

``post_announcement`` is the one way to post (the tutor dashboard calls it; so could the admin
or a management command). The body is cleaned with ``learners.enrolment.sanitize.clean_html``;
the emails are queued only after the transaction commits (``tasks.send_announcement``, which
fans out one ``tasks.send_announcement_email`` per learner, in each learner's language).
"""

import logging

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from courses.models import Cohort

from . import tasks
from .models import Announcement, Enrolment, EnrolmentStatus
from .sanitize import MAX_LENGTH, clean_html

logger = logging.getLogger(__name__)


class AnnouncementError(Exception):
    message = _("This announcement cannot be posted.")

    def __init__(self, message=None):
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class AnnouncementTooLong(AnnouncementError):
    message = _("The message is too long.")


class EmptyAnnouncement(AnnouncementError):
    message = _("Write a subject and a message.")


SUBJECT_MAX_LENGTH = Announcement._meta.get_field("subject").max_length


def post_announcement(*, cohort: Cohort, author, subject: str, body: str) -> Announcement:
    """Save the announcement (body sanitised) and, after commit, email each active learner."""
    subject = " ".join((subject or "").split())  # one line: no header injection, no blanks
    if len(body or "") > MAX_LENGTH or len(subject) > SUBJECT_MAX_LENGTH:
        raise AnnouncementTooLong()
    cleaned = clean_html(body)
    if not subject or not cleaned:
        raise EmptyAnnouncement()
    with transaction.atomic():
        announcement = Announcement.objects.create(
            cohort=cohort,
            author=author,
            subject=subject,
            body=cleaned,
            recipients=Enrolment.objects.filter(
                cohort=cohort, status=EnrolmentStatus.ACTIVE
            ).count(),
        )
        transaction.on_commit(lambda: _queue_emails(announcement.pk))
    return announcement


def _queue_emails(announcement_id: int) -> None:
    tasks.send_announcement.delay(announcement_id)


def queue_announcement_emails(*, announcement_id: int) -> int:
    """Queue one email task per active learner of the announcement's cohort (how many)."""
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
        tasks.send_announcement_email.delay(announcement_id, enrolment_id)
    return len(enrolment_ids)
