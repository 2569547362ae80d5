"""People and their records. The user model logs in with an email address."""

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
        indexes = [models.Index(fields=["cohort", "status", "waitlisted_at"])]

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
