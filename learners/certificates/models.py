"""Certificates: one current certificate per completed enrolment, never deleted."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from learners.enrolment.models import Enrolment

from .files import certificate_storage, new_pdf_name


def new_certificate_code() -> str:
    """128 random bits, URL-safe (22 characters)."""
    return secrets.token_urlsafe(16)


class CertificateState(models.TextChoices):
    """What the verification page says of a certificate."""

    VALID = "valid", _("valid")
    REVOKED = "revoked", _("revoked")
    REPLACED = "replaced", _("replaced")


class Certificate(models.Model):
    """Attests a completed enrolment. Never deleted: revoked (with a reason) or replaced by a
    re-issue (e.g. after a name correction), and then it verifies as such. What it says is kept
    as issued (name, course, hours, dates), not read again from the live records."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.PROTECT, related_name="certificates")
    code = models.CharField(max_length=32, unique=True, default=new_certificate_code)
    number = models.CharField(_("certificate number"), max_length=20, unique=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    learner_name = models.CharField(_("name"), max_length=150)
    course_title = models.CharField(_("course"), max_length=255)
    hours = models.PositiveSmallIntegerField(_("hours of study"))
    completed_on = models.DateField(_("completed on"))
    issued_at = models.DateTimeField(_("issued"), auto_now_add=True)
    # In the private storage under a random name, served only by Aula's views (files.py).
    pdf = models.FileField(
        _("PDF"), storage=certificate_storage, upload_to=new_pdf_name, blank=True, max_length=200
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_reason = models.TextField(_("reason for revocation"), blank=True)
    replaced_at = models.DateTimeField(_("replaced"), null=True, blank=True)
    # Its position in the revocation status list (status_list.py), drawn at random; and the
    # Open Badges 3.0 credential (a compact JWS, credentials.py), signed when it is issued.
    status_index = models.PositiveIntegerField(
        _("status list index"), unique=True, null=True, blank=True, editable=False
    )
    credential = models.TextField(_("digital credential"), blank=True, editable=False)
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

    @property
    def state(self) -> CertificateState:
        """Revoked wins over replaced: a revoked certificate is never shown as merely replaced."""
        if self.revoked_at:
            return CertificateState.REVOKED
        if self.replaced_at:
            return CertificateState.REPLACED
        return CertificateState.VALID

    @property
    def is_valid(self) -> bool:
        return self.state == CertificateState.VALID

    @property
    def is_revoked(self) -> bool:
        return self.state == CertificateState.REVOKED

    @property
    def is_replaced(self) -> bool:
        return self.state == CertificateState.REPLACED
