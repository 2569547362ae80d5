"""Enrolment: a learner's seat in a cohort, learner lists kept for import, announcements."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from courses.models import Cohort


class EnrolmentStatus(models.TextChoices):
    APPLIED = "applied", _("Application under review")
    WAITLISTED = "waitlisted", _("On the waiting list")
    ACTIVE = "active", _("Enrolled")
    COMPLETED = "completed", _("Completed")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    REJECTED = "rejected", _("Not accepted")


_STATUS_LABELS = {status.value: status.label for status in EnrolmentStatus}
# Statuses that hold a seat in the cohort.
SEAT_STATUSES = (EnrolmentStatus.ACTIVE, EnrolmentStatus.COMPLETED)
# Statuses from which a learner may still withdraw.
OPEN_STATUSES = (EnrolmentStatus.APPLIED, EnrolmentStatus.WAITLISTED, EnrolmentStatus.ACTIVE)


class EnrolmentSource(models.TextChoices):
    SELF = "self", _("Enrolled themselves")
    INVITATION = "invitation", _("Invitation code")
    APPLICATION = "application", _("Application")
    IMPORT = "import", _("Imported list")


class EnrolmentQuerySet(models.QuerySet):
    def for_learner(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(learner=user)

    def for_tutor(self, user):
        """Enrolments of the cohorts a user tutors: ``Cohort.objects.for_tutor``, the one rule
        (all of them for superusers)."""
        return self.filter(cohort__in=Cohort.objects.for_tutor(user))

    def holding_seats(self):
        return self.filter(status__in=SEAT_STATUSES)


class Enrolment(models.Model):
    """A learner in a cohort, from application to completion."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="enrolments",
    )
    cohort = models.ForeignKey(
        "courses.Cohort",
        verbose_name=_("cohort"),
        on_delete=models.PROTECT,
        related_name="enrolments",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=EnrolmentStatus.choices, db_index=True
    )
    source = models.CharField(
        _("how"), max_length=16, choices=EnrolmentSource.choices, default=EnrolmentSource.SELF
    )
    application_answers = models.JSONField(_("application answers"), default=list, blank=True)
    decision_message = models.TextField(_("message to the learner"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    waitlisted_at = models.DateTimeField(_("on the waiting list since"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Progress rollup, kept by learners.progress (never edited by hand) so that dashboards read
    # one row per learner instead of recomputing from the progress tables.
    progress_percent = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    modules_done = models.PositiveSmallIntegerField(_("modules done"), default=0)
    quiz_average = models.PositiveSmallIntegerField(_("quiz average (%)"), null=True, blank=True)
    sessions_attended = models.PositiveSmallIntegerField(_("sessions attended"), default=0)
    last_activity_at = models.DateTimeField(_("last activity"), null=True, blank=True)
    last_module_key = models.UUIDField(null=True, blank=True, editable=False)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["learner", "cohort"], name="one_enrolment_per_cohort"),
            models.CheckConstraint(
                condition=models.Q(status__in=EnrolmentStatus.values),
                name="enrolment_status_valid",
            ),
        ]
        indexes = [
            models.Index(fields=["cohort", "status", "waitlisted_at"]),
            models.Index(fields=["cohort", "last_activity_at"]),
        ]

    def __str__(self):
        return f"{self.learner} · {self.cohort} · {self.get_status_display()}"

    def get_status_display(self):
        """The status's label, as Django's own method gives it but without hashing every
        label of the choices (a translation lookup each) on each call: the tutor's table shows
        one per row."""
        return _STATUS_LABELS.get(self.status, self.status)

    @property
    def is_applied(self) -> bool:
        return self.status == EnrolmentStatus.APPLIED

    @property
    def is_waitlisted(self) -> bool:
        return self.status == EnrolmentStatus.WAITLISTED

    @property
    def is_rejected(self) -> bool:
        return self.status == EnrolmentStatus.REJECTED

    @property
    def is_withdrawn(self) -> bool:
        return self.status == EnrolmentStatus.WITHDRAWN

    @property
    def is_active(self) -> bool:
        return self.status == EnrolmentStatus.ACTIVE

    @property
    def is_completed(self) -> bool:
        return self.status == EnrolmentStatus.COMPLETED

    @property
    def holds_seat(self) -> bool:
        return self.status in SEAT_STATUSES

    @property
    def can_withdraw(self) -> bool:
        return self.status in OPEN_STATUSES


class RosterStatus(models.TextChoices):
    UPLOADED = "uploaded", _("Not imported yet")
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Importing")
    DONE = "done", _("Imported")
    FAILED = "failed", _("Stopped by an error")


class RosterUpload(models.Model):
    """A learner list uploaded for bulk enrolment, kept between its preview and its import.

    The file is parsed again from these bytes by the import task, so nothing the browser sends
    back is trusted. Confirming queues the import (``status`` goes uploaded → queued → running →
    done, or failed); the task imports the learners in groups and counts them in ``processed``,
    which is saved with each group, so a retried task carries on where the last one stopped
    and a list is never imported twice. ``imported_at`` is set when it is done.
    """

    cohort = models.ForeignKey(
        "courses.Cohort",
        verbose_name=_("cohort"),
        on_delete=models.CASCADE,
        related_name="roster_uploads",
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    filename = models.CharField(_("file name"), max_length=255, blank=True)
    data = models.BinaryField(_("file contents"))
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=20, choices=RosterStatus.choices, default=RosterStatus.UPLOADED
    )
    total = models.PositiveIntegerField(_("learners in the list"), default=0)
    row_errors = models.PositiveIntegerField(_("rows that need fixing"), default=0)
    processed = models.PositiveIntegerField(_("learners imported so far"), default=0)
    error = models.TextField(_("error"), blank=True)
    queued_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    started_at = models.DateTimeField(_("import started at"), null=True, blank=True)
    imported_at = models.DateTimeField(_("imported at"), null=True, blank=True)
    summary = models.JSONField(_("import summary"), default=dict, blank=True)

    class Meta:
        verbose_name = _("learner list upload")
        verbose_name_plural = _("learner list uploads")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.filename or self.pk} · {self.cohort_id}"

    @property
    def is_uploaded(self) -> bool:
        """Previewed, not confirmed yet."""
        return self.status == RosterStatus.UPLOADED

    @property
    def is_queued(self) -> bool:
        return self.status == RosterStatus.QUEUED

    @property
    def is_running(self) -> bool:
        return self.status == RosterStatus.RUNNING

    @property
    def is_in_progress(self) -> bool:
        return self.is_queued or self.is_running

    @property
    def is_done(self) -> bool:
        return self.status == RosterStatus.DONE

    @property
    def is_failed(self) -> bool:
        return self.status == RosterStatus.FAILED

    @property
    def can_start(self) -> bool:
        """Whether confirming now would queue the import (a failed one carries on)."""
        if self.status == RosterStatus.UPLOADED:
            return self.total > 0 and not self.row_errors
        return self.status == RosterStatus.FAILED and bool(self.data)

    @property
    def percent(self) -> int:
        return min(100, self.processed * 100 // self.total) if self.total else 0


class Announcement(models.Model):
    """A tutor's message to a cohort, emailed to its active learners. Body is safe HTML."""

    cohort = models.ForeignKey(
        "courses.Cohort", on_delete=models.CASCADE, related_name="announcements"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(_("posted"), auto_now_add=True)
    recipients = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")
        ordering = ["-created_at"]

    def __str__(self):
        return self.subject
