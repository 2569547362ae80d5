"""People and their records. The user model logs in with an email address."""

import secrets
from zoneinfo import available_timezones

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class EmailUserManager(UserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractUser):
    """An account. Email is the login; there is no separate username."""

    username = None
    email = models.EmailField(_("email address"), unique=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = EmailUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self):
        return self.get_full_name() or self.email


def validate_time_zone(value: str) -> None:
    if value not in available_timezones():
        raise ValidationError(_("“%(zone)s” is not a known time zone."), params={"zone": value})


class LearnerProfile(models.Model):
    """What a learner tells us about themselves; the certificate name is printed as written."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    certificate_name = models.CharField(
        _("name on certificates"),
        max_length=150,
        blank=True,
        help_text=_("Your full name exactly as it should appear on a certificate."),
    )
    country = models.CharField(_("country"), max_length=100, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    position = models.CharField(_("position"), max_length=200, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="UTC", validators=[validate_time_zone]
    )

    class Meta:
        verbose_name = _("learner profile")
        verbose_name_plural = _("learner profiles")

    def __str__(self):
        return self.certificate_name or str(self.user)

    @property
    def is_complete(self) -> bool:
        return bool(self.certificate_name and self.country and self.organisation)


class EnrolmentStatus(models.TextChoices):
    APPLIED = "applied", _("Application under review")
    WAITLISTED = "waitlisted", _("On the waiting list")
    ACTIVE = "active", _("Enrolled")
    COMPLETED = "completed", _("Completed")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    REJECTED = "rejected", _("Not accepted")


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
        """Enrolments of the cohorts a user tutors (all of them for superusers)."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(cohort__tutors=user)

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

    @property
    def holds_seat(self) -> bool:
        return self.status in SEAT_STATUSES

    @property
    def can_withdraw(self) -> bool:
        return self.status in OPEN_STATUSES


class RosterUpload(models.Model):
    """A learner list uploaded for bulk enrolment, kept between its preview and its import.

    The file is parsed again from these bytes when staff confirm, so nothing the browser sends
    back is trusted. ``imported_at`` is set once the list is imported; it cannot be imported twice.
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
    imported_at = models.DateTimeField(_("imported at"), null=True, blank=True)
    summary = models.JSONField(_("import summary"), default=dict, blank=True)

    class Meta:
        verbose_name = _("learner list upload")
        verbose_name_plural = _("learner list uploads")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.filename or self.pk} · {self.cohort_id}"


# Progress. Rows name a module by its translation key (``module_key``): a learner who completes
# the Spanish copy of a module has completed the module, whatever the language of the page.
# Quiz and reflection blocks are named by their StreamField block id, which translations keep.


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

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
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


def new_certificate_code() -> str:
    """128 random bits, URL-safe (22 characters)."""
    return secrets.token_urlsafe(16)


class Certificate(models.Model):
    """Attests a completed enrolment. Never deleted: revoked (with a reason) or replaced by a
    re-issue (e.g. after a name correction), and then it verifies as such. What it says is kept
    as issued (name, course, hours, dates), not read again from the live records."""

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.PROTECT, related_name="certificates"
    )
    code = models.CharField(max_length=32, unique=True, default=new_certificate_code)
    number = models.CharField(_("certificate number"), max_length=20, unique=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    learner_name = models.CharField(_("name"), max_length=150)
    course_title = models.CharField(_("course"), max_length=255)
    hours = models.PositiveSmallIntegerField(_("hours of study"))
    completed_on = models.DateField(_("completed on"))
    issued_at = models.DateTimeField(_("issued"), auto_now_add=True)
    pdf = models.FileField(_("PDF"), upload_to="certificates/%Y/%m/", blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_reason = models.TextField(_("reason for revocation"), blank=True)
    replaced_at = models.DateTimeField(_("replaced"), null=True, blank=True)
    replaces = models.OneToOneField(
        "self",
        verbose_name=_("replaces"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaced_by",
    )

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment"],
                condition=models.Q(replaced_at__isnull=True),
                name="one_current_certificate_per_enrolment",
            )
        ]

    def __str__(self):
        return f"{self.number} · {self.learner_name}"
