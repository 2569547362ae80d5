"""Live sessions: reminders sent (exactly once) and learners' calendar feeds."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from learners.enrolment.models import Enrolment


class SentReminder(models.Model):
    """A reminder sent (or being sent) for a session slot. The unique constraint is what makes
    it exactly once: the reminder scan inserts the row first and only the inserting worker sends.
    A rescheduled slot has a new ``starts_at`` and so gets fresh reminders."""

    slot = models.ForeignKey("courses.SessionSlot", on_delete=models.CASCADE, related_name="+")
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="+")
    lead_minutes = models.PositiveIntegerField(_("minutes before the start"))
    starts_at = models.DateTimeField(_("session start announced"))
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("sent reminder")
        verbose_name_plural = _("sent reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["slot", "enrolment", "lead_minutes", "starts_at"],
                name="reminder_sent_once",
            )
        ]

    def __str__(self):
        return f"{self.slot_id} · {self.enrolment_id} · {self.lead_minutes} min"


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A learner's personal calendar feed: its secret token, which they can regenerate."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return str(self.user_id)
