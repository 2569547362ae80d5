"""Progress: completed modules, quiz attempts, reflections, and attendance at live sessions
(which the completion rule counts).

Rows name a module by its translation key (``module_key``): a learner who completes the Spanish
copy of a module has completed the module, whatever the language of the page. Quiz and
reflection blocks are named by their StreamField block id, which translations keep.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from learners.enrolment.models import Enrolment


class ModuleProgress(models.Model):
    """A module an enrolled learner has completed. Completing it again changes nothing."""

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="module_progress"
    )
    module_key = models.UUIDField(_("module"))
    completed_at = models.DateTimeField(_("completed"))

    class Meta:
        verbose_name = _("completed module")
        verbose_name_plural = _("completed modules")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "module_key"], name="module_completed_once"
            )
        ]

    def __str__(self):
        return f"{self.enrolment_id} · {self.module_key}"


class QuizAttempt(models.Model):
    """One submission of a quiz, graded on the server. Every attempt is kept; the best counts."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="quiz_attempts")
    module_key = models.UUIDField(_("module"))
    block_id = models.CharField(_("quiz"), max_length=64)
    answers = models.JSONField(_("answers"), default=dict)
    correct = models.PositiveSmallIntegerField(_("correct answers"))
    total = models.PositiveSmallIntegerField(_("questions"))
    score = models.PositiveSmallIntegerField(_("score (%)"))
    passed = models.BooleanField(_("passed"))
    created_at = models.DateTimeField(_("submitted"), auto_now_add=True)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["enrolment", "module_key", "block_id"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(score__lte=100), name="quiz_score_is_a_percentage"
            )
        ]

    def __str__(self):
        return f"{self.block_id} · {self.score}%"


class Reflection(models.Model):
    """A learner's written answer to a reflection prompt: safe HTML, cleaned on save."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="reflections")
    module_key = models.UUIDField(_("module"))
    block_id = models.CharField(_("prompt"), max_length=64)
    text = models.TextField(_("answer"))
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("reflection")
        verbose_name_plural = _("reflections")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "module_key", "block_id"], name="one_reflection_per_prompt"
            )
        ]

    def __str__(self):
        return f"{self.enrolment_id} · {self.block_id}"


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Present")
    ABSENT = "absent", _("Absent")
    EXCUSED = "excused", _("Excused")


class Attendance(models.Model):
    """A learner at a scheduled live session: joined through Aula, and/or marked by a tutor."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="attendance")
    slot = models.ForeignKey(
        "courses.SessionSlot", on_delete=models.CASCADE, related_name="attendance"
    )
    status = models.CharField(
        _("attendance"), max_length=16, choices=AttendanceStatus.choices, blank=True
    )
    joined_at = models.DateTimeField(_("joined through Aula"), null=True, blank=True)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    marked_at = models.DateTimeField(_("marked"), null=True, blank=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "slot"], name="attendance_once_per_slot")
        ]

    def __str__(self):
        return f"{self.enrolment_id} · {self.slot_id} · {self.status or '-'}"
