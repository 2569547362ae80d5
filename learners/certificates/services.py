"""Certificates: issuing, revoking, re-issuing and verifying. The one place these rules live.

- ``issue_certificate(enrolment_id=…)`` is idempotent: a completed enrolment has at most one
  current certificate (the partial unique constraint ``one_current_certificate_per_enrolment``);
  a second call, a repeated completion or a retried task returns the existing one. Two
  workers racing both try to insert; the loser catches the ``IntegrityError`` and returns the
  winner's row. The PDF is stored once (``ensure_pdf``, guarded by a conditional update).
- ``revoke`` keeps the certificate (it then verifies as revoked); nothing is ever deleted.
- ``reissue`` replaces a certificate with a new one read from the current records (e.g. after a
  name correction); the old one verifies as replaced. ``reissue_for_cohort`` queues that for
  every current certificate of a cohort.
- ``find_certificate`` looks a certificate up by its code or its printed number with one query
  of the same shape whether or not it exists.

What a certificate says is kept on its row as issued (name, course title, hours, date); the PDF
is rendered from the row plus the cohort, the course's competencies and the site settings.
"""

import logging
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from aula.links import public_url
from courses.selectors import in_language
from home import cache as page_cache
from home.models import SiteSettings
from learners.accounts.page_state import certificates_tag
from learners.enrolment.models import Enrolment, EnrolmentStatus

from . import status_list, tasks
from .credentials import CREDENTIAL_NOTE, ensure_credential
from .files import new_pdf_name
from .models import Certificate, new_certificate_code
from .numbers import new_certificate_number, normalise_number
from .pdf import CertificateContent, render_certificate
from .sources import signatures as _signatures

logger = logging.getLogger(__name__)

INSERT_ATTEMPTS = 5


class CertificateError(Exception):
    message = gettext_lazy("This certificate cannot change that way.")

    def __init__(self, message=None):
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class NotCompleted(CertificateError):
    message = gettext_lazy("Only a completed enrolment gets a certificate.")


class AlreadyRevoked(CertificateError):
    message = gettext_lazy("This certificate is already revoked.")


class AlreadyReplaced(CertificateError):
    message = gettext_lazy("This certificate has been replaced by a newer one.")


class ReasonRequired(CertificateError):
    message = gettext_lazy("Please give the reason for revoking this certificate.")


# --- reading --------------------------------------------------------------------------------


def current_certificate(enrolment_id: int) -> Certificate | None:
    return (
        Certificate.objects.filter(enrolment_id=enrolment_id, replaced_at__isnull=True)
        .order_by("-issued_at")
        .first()
    )


def find_certificate(text: str) -> Certificate | None:
    """The certificate whose code or printed number is ``text``: always exactly one query, of
    the same shape for a hit, a miss or malformed input (no early return that would make an
    unknown code answer faster than a known one)."""
    text = (text or "").strip()[:64]
    return (
        Certificate.objects.filter(Q(code=text) | Q(number=normalise_number(text)))
        .select_related("enrolment__cohort__course", "replaced_by")
        .first()
    )


def verification_url(certificate: Certificate) -> str:
    with translation.override(certificate.language):
        path = reverse("certificate_verify", kwargs={"code": certificate.code})
    return public_url(path)


def latest_in_chain(certificate: Certificate) -> Certificate:
    """The certificate that replaced this one (and so on), the current one in the end."""
    seen = 0
    while certificate.replaced_at and seen < 20:
        successor = Certificate.objects.filter(replaces=certificate).first()
        if successor is None:
            break
        certificate, seen = successor, seen + 1
    return certificate


def public_course_title(certificate: Certificate) -> str:
    """The course as named where others may see it (the public verification page, the LinkedIn
    entry that links to it, the certificate email): the course's public title in the
    certificate's language when its editors set one (a sensitive course stays discreet, also
    for certificates issued before the title was set), else the title printed on the
    certificate. The PDF, the learner's own document, keeps the printed title."""
    # ``course_key``: annotated by learner_certificates, which spares loading the course.
    course_key = getattr(certificate, "course_key", None)
    if course_key is None:
        course_key = certificate.enrolment.cohort.course.translation_key
    public_title = page_cache.remember(
        f"aula:public-course-title:{course_key}:{certificate.language}",
        lambda: (
            in_language(
                certificate.enrolment.cohort.course.specific, certificate.language
            ).public_title
            or ""
        ).strip(),
    )
    return public_title or certificate.course_title


def linkedin_url(certificate: Certificate, *, organisation: str) -> str:
    """LinkedIn's "Add to profile" link for a certification, with its fields filled in (the
    course as the verification page it links to names it)."""
    issued = timezone.localtime(certificate.issued_at)
    query = {
        "startTask": "CERTIFICATION_NAME",
        "name": public_course_title(certificate),
        "organizationName": organisation,
        "issueYear": issued.year,
        "issueMonth": issued.month,
        "certUrl": verification_url(certificate),
        "certId": certificate.number,
    }
    return "https://www.linkedin.com/profile/add?" + urlencode(query)


# --- issuing --------------------------------------------------------------------------------


def _load_enrolment(enrolment_id: int) -> Enrolment | None:
    return (
        Enrolment.objects.select_related("learner__profile", "cohort__course")
        .filter(pk=enrolment_id)
        .first()
    )


def learner_name(enrolment: Enrolment) -> str:
    learner = enrolment.learner
    profile = getattr(learner, "profile", None)
    return (
        (profile.certificate_name.strip() if profile else "")
        or learner.get_full_name().strip()
        or learner.email
    )


def _completed_on(enrolment: Enrolment):
    completed_at = enrolment.completed_at or timezone.now()
    try:
        zone = ZoneInfo(enrolment.cohort.time_zone)
    except (ValueError, KeyError):
        zone = ZoneInfo("UTC")
    return completed_at.astimezone(zone).date()


def _new_certificate(enrolment: Enrolment, *, replaces: Certificate | None = None):
    cohort = enrolment.cohort
    course = in_language(cohort.course.specific, cohort.language)
    return Certificate(
        enrolment=enrolment,
        code=new_certificate_code(),
        number=new_certificate_number(),
        language=cohort.language,
        learner_name=learner_name(enrolment)[:150],
        course_title=course.title[:255],
        hours=course.effort_hours or 0,
        completed_on=_completed_on(enrolment),
        status_index=status_list.new_status_index(),
        replaces=replaces,
    )


def issue_certificate(*, enrolment_id: int) -> tuple[Certificate, bool]:
    """The current certificate of a completed enrolment, issued (row and PDF) if it has none.

    Returns ``(certificate, created)``. Raises ``NotCompleted`` for an enrolment that is not
    completed and ``Enrolment.DoesNotExist`` for an unknown id. Safe to call any number of
    times, concurrently: one certificate results.
    """
    enrolment = _load_enrolment(enrolment_id)
    if enrolment is None:
        raise Enrolment.DoesNotExist(f"enrolment {enrolment_id} does not exist")
    if enrolment.status != EnrolmentStatus.COMPLETED:
        raise NotCompleted()
    existing = current_certificate(enrolment.pk)
    if existing is not None:
        return _completed(existing), False
    certificate = _new_certificate(enrolment)
    for _attempt in range(INSERT_ATTEMPTS):
        try:
            with transaction.atomic():
                certificate.save()
        except IntegrityError:
            existing = current_certificate(enrolment.pk)
            if existing is not None:  # another worker issued it first
                return _completed(existing), False
            # A number, code or status index collision: draw new ones and try again.
            _redraw(certificate)
        else:
            break
    else:
        raise CertificateError("could not allocate a unique certificate number")
    _queue_email(certificate, reissued=False)
    return _completed(certificate), True


def _redraw(certificate: Certificate) -> None:
    certificate.pk = None
    certificate.code = new_certificate_code()
    certificate.number = new_certificate_number()
    certificate.status_index = status_list.new_status_index()


def _completed(certificate: Certificate) -> Certificate:
    """The certificate with its PDF stored and its credential signed (each once)."""
    return ensure_credential(ensure_pdf(certificate))


def ensure_pdf(certificate: Certificate) -> Certificate:
    """Render and store the PDF of a valid certificate that has none yet, or whose file is
    missing (exactly one is kept), in the private storage under a random name (files.py).
    A revoked or replaced certificate gets none."""
    if not certificate.is_valid:
        return certificate
    storage = certificate.pdf.storage
    previous = certificate.pdf.name or ""
    if previous and storage.exists(previous):
        return certificate
    data = render_pdf(certificate)
    name = storage.save(new_pdf_name(), ContentFile(data))
    updated = Certificate.objects.filter(
        pk=certificate.pk, pdf=previous, revoked_at__isnull=True, replaced_at__isnull=True
    ).update(pdf=name)
    if not updated:  # stored meanwhile by another worker, or withdrawn: keep theirs, drop ours
        storage.delete(name)
        certificate.refresh_from_db(fields=["pdf", "revoked_at", "replaced_at"])
    else:
        certificate.pdf.name = name
    return certificate


def _withdraw_pdf(certificate: Certificate) -> None:
    """A revoked or replaced certificate keeps no file: the row is cleared now and the file
    deleted once the transaction commits (the row still says everything the PDF said)."""
    name = certificate.pdf.name
    if not name:
        return
    storage = certificate.pdf.storage
    Certificate.objects.filter(pk=certificate.pk).update(pdf="")
    certificate.pdf.name = ""
    transaction.on_commit(lambda: storage.delete(name))


def render_pdf(certificate: Certificate) -> bytes:
    return render_certificate(certificate_content(certificate))


def certificate_content(certificate: Certificate) -> CertificateContent:
    """What the PDF prints, in the certificate's language."""
    enrolment = certificate.enrolment
    cohort = enrolment.cohort
    course = in_language(cohort.course.specific, certificate.language)
    site_settings = SiteSettings.for_default_site()
    organisation = site_settings.organisation_name if site_settings else "Aula"
    signatures = _signatures(site_settings) if site_settings else []
    competencies = [competency.title for competency in course.competencies.all()]
    with translation.override(certificate.language):
        facts = [
            _("%(hours)s hours of study") % {"hours": certificate.hours},
            _("Completed on %(date)s") % {"date": date_format(certificate.completed_on)},
        ]
        if cohort.starts_on and cohort.ends_on:
            facts.append(
                _("Cohort: %(start)s – %(end)s")
                % {
                    "start": date_format(cohort.starts_on, "SHORT_DATE_FORMAT"),
                    "end": date_format(cohort.ends_on, "SHORT_DATE_FORMAT"),
                }
            )
        elif cohort.starts_on:
            facts.append(
                _("Cohort from %(start)s")
                % {"start": date_format(cohort.starts_on, "SHORT_DATE_FORMAT")}
            )
        return CertificateContent(
            organisation=organisation,
            heading=_("Certificate of completion"),
            intro=_("This certifies that"),
            learner_name=certificate.learner_name,
            wording=(course.certificate_wording or "").strip() or _("has completed the course"),
            course_title=certificate.course_title,
            facts=facts,
            competencies_heading=_("Competencies attested"),
            competencies=competencies,
            verify_label=_("Verify this certificate at"),
            verification_url=verification_url(certificate),
            number_label=_("Certificate number"),
            number=certificate.number,
            signatures=signatures,
            title=f"{_('Certificate of completion')} · {certificate.course_title}",
            credential_note=str(CREDENTIAL_NOTE),
        )


def _queue_email(certificate: Certificate, *, reissued: bool) -> None:
    certificate_id = certificate.pk
    transaction.on_commit(lambda: tasks.send_certificate_email.delay(certificate_id, reissued))


def issue_after_commit(*, enrolment_id: int) -> None:
    """Have a just-completed enrolment's certificate issued by a Celery task, queued once the
    completion commits (the completion rule calls this once per completion; the task is
    idempotent all the same)."""
    transaction.on_commit(lambda: tasks.issue_certificate.delay(enrolment_id))


# --- staff actions --------------------------------------------------------------------------


def _log(certificate: Certificate, action: str, user, data: dict | None = None) -> None:
    log(instance=certificate, action=action, user=user, data=data or {})


def revoke(*, certificate: Certificate, by, reason: str, now: datetime | None = None):
    """Revoke a current certificate with a reason. It stays, and verifies as revoked."""
    reason = (reason or "").strip()
    if not reason:
        raise ReasonRequired()
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if locked.revoked_at:
            raise AlreadyRevoked()
        if locked.replaced_at:
            raise AlreadyReplaced()
        locked.revoked_at = now or timezone.now()
        locked.revoked_reason = reason
        locked.save(update_fields=["revoked_at", "revoked_reason"])
        _withdraw_pdf(locked)
        status_list.changed()  # its bit in the revocation list is now set
        _log(locked, "aula.certificate.revoke", by, {"reason": reason})
    return locked


def reissue(*, certificate: Certificate, by, now: datetime | None = None) -> Certificate:
    """Replace a current certificate with a new one read from today's records (the learner's
    certificate name, the course title in the cohort's language). The old one verifies as
    replaced. The learner is emailed the new one."""
    with transaction.atomic():
        old = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if old.revoked_at:
            raise AlreadyRevoked()
        if old.replaced_at:
            raise AlreadyReplaced()
        old.replaced_at = now or timezone.now()
        old.save(update_fields=["replaced_at"])
        _withdraw_pdf(old)
        status_list.changed()  # the old one's bit in the revocation list is now set
        enrolment = _load_enrolment(old.enrolment_id)
        new = _new_certificate(enrolment, replaces=old)
        new.completed_on = old.completed_on  # what is attested does not move
        for _attempt in range(INSERT_ATTEMPTS):
            try:
                with transaction.atomic():
                    new.save()
            except IntegrityError:
                _redraw(new)
            else:
                break
        else:
            raise CertificateError("could not allocate a unique certificate number")
        _log(old, "aula.certificate.reissue", by, {"replaced_by": new.number})
        _queue_email(new, reissued=True)
    return _completed(new)


def reissue_by_id(*, certificate_id: int, user_id: int | None = None) -> int | None:
    """``reissue`` of a current, valid certificate by id (what a cohort re-issue queues); a
    certificate already replaced or revoked is left alone. The new certificate's id, or None."""
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


@dataclass(frozen=True)
class CohortReissue:
    queued: int


def cohort_certificates(cohort):
    """The current, valid certificates of a cohort (what a cohort re-issue replaces)."""
    return Certificate.objects.filter(
        enrolment__cohort=cohort, replaced_at__isnull=True, revoked_at__isnull=True
    )


def reissue_for_cohort(*, cohort, by) -> CohortReissue:
    """Queue a re-issue of every current, valid certificate of the cohort (a Celery task per
    certificate, sent once the transaction commits)."""
    ids = list(cohort_certificates(cohort).values_list("pk", flat=True))
    user_id = getattr(by, "pk", None)
    for certificate_id in ids:
        transaction.on_commit(
            lambda certificate_id=certificate_id: tasks.reissue_certificate.delay(
                certificate_id, user_id
            )
        )
    return CohortReissue(queued=len(ids))


# --- the learner ----------------------------------------------------------------------------


def certificate_changed(sender, instance, **kwargs):
    """A certificate was issued, revoked, replaced or deleted (a signal handler): its learner's
    links on /learn/ (``learner_certificates``)."""
    if Certificate.enrolment.is_cached(instance):
        learner_id = instance.enrolment.learner_id
    else:
        enrolment = Enrolment.objects.filter(pk=instance.enrolment_id)  # gone: erased with it
        learner_id = enrolment.values_list("learner_id", flat=True).first()
    if learner_id is not None:
        page_cache.invalidate_tag(certificates_tag(learner_id))


def learner_certificates(user) -> dict[int, Certificate]:
    """The user's current certificates by enrolment id: one query, kept under their
    certificates' tag, which every save or deletion of one of them bumps (learners/signals.py).
    The PDF's name is not used by its readers (it changes with ``update()``)."""
    if not user.is_authenticated:
        return {}
    return page_cache.remember(
        f"aula:learner-certificates:{user.pk}",
        lambda: {
            certificate.enrolment_id: certificate
            for certificate in Certificate.objects.filter(
                enrolment__learner=user, replaced_at__isnull=True
            )
            .defer("credential", "pdf")  # not shown: a signed document; a name update() changes
            .annotate(course_key=F("enrolment__cohort__course__translation_key"))
            .order_by("issued_at")
        },
        tags=[certificates_tag(user.pk)],
        content=False,
    )
