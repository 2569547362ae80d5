"""Every certificate is also an Open Badges 3.0 ``OpenBadgeCredential`` (1EdTech, on the W3C
Verifiable Credentials Data Model 2.0), secured as a VC-JWT (jose.py) and signed when the
certificate is issued (``ensure_credential``; a certificate issued before credentials existed
gets one at its first download). Its holder downloads it from /learn/.

What it says:

- ``issuer``: the organisation's Profile (Site settings: name, contact email, logo), whose
  ``id`` is ``/credentials/issuer/`` on AULA_PUBLIC_URL, answering that Profile as JSON.
- ``validFrom`` / ``awardedDate``: when the certificate was issued; ``name``: the certificate's
  heading and course, in the cohort's language.
- ``credentialSubject``: an ``AchievementSubject`` naming the learner by a salted SHA-256 hash
  of their email address (``identifier``), never the address itself; and the ``achievement``:
  one per course, with a stable ``id`` (``/credentials/achievements/<course key>/``, answering
  its JSON), ``achievementType`` Certificate, name and description in the cohort's language,
  ``criteria.narrative`` written from the course's completion rule, the hours of study as
  ``creditsAvailable``, and an ``alignment`` for each competency the course attests (with its
  framework's name, code and address when the editors gave them).
- ``credentialStatus``: its place in the revocation status list (status_list.py).
"""

import contextlib
import hashlib
import secrets
import uuid
from datetime import UTC

from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from aula.links import public_url
from courses.models import ModulePage
from courses.selectors import in_language
from home.cache import remember
from home.models import SiteSettings

from . import jose, status_list
from .models import Certificate

CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
CREDENTIAL_TYPE = ["VerifiableCredential", "OpenBadgeCredential"]
# The credentials' ids: urn:uuid:<uuid5 of the certificate's code in this namespace>.
ID_NAMESPACE = uuid.UUID("6f1d0a51-4d1e-5b55-9a3b-2a7c0e3f8b61")
LOGO_FILTER = "max-400x400|format-png"
# Printed on the PDF (services.certificate_content), in the certificate's language.
CREDENTIAL_NOTE = gettext_lazy(
    "This certificate also exists as a digital credential (Open Badges 3.0)."
)


def timestamp(moment) -> str:
    """An XML Schema dateTime in UTC, to the second (what ``nbf`` can say too)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def credential_id(certificate: Certificate) -> str:
    return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, certificate.code)}"


def issuer_id() -> str:
    return public_url(reverse("credential_issuer"))


def achievement_id(course) -> str:
    return public_url(reverse("credential_achievement", kwargs={"key": course.translation_key}))


def _absolute(url: str) -> str:
    return public_url(url) if url.startswith("/") else url


def issuer_profile(site_settings=None) -> dict:
    """The issuing organisation as an Open Badges ``Profile``."""
    site_settings = site_settings or SiteSettings.for_default_site()
    profile = {
        "id": issuer_id(),
        "type": ["Profile"],
        "name": (site_settings.organisation_name if site_settings else "") or "Aula",
        "url": public_url("/"),
    }
    if site_settings is not None and site_settings.contact_email:
        profile["email"] = site_settings.contact_email
    logo = getattr(site_settings, "logo", None) if site_settings is not None else None
    if logo is not None:
        # A missing or broken logo file: the Profile goes without an image.
        with contextlib.suppress(Exception):
            url = _absolute(logo.get_rendition(LOGO_FILTER).url)
            profile["image"] = {"id": url, "type": "Image"}
    return profile


def identity_hash(email: str, salt: str) -> str:
    """Open Badges ``IdentityHash``: ``sha256$`` and the hex SHA-256 of the address (trimmed,
    lower case) followed by the salt, both UTF-8."""
    value = (email or "").strip().lower() + salt
    return "sha256$" + hashlib.sha256(value.encode("utf-8")).hexdigest()


def criteria_narrative(course) -> str:
    """What a learner does to earn the certificate, from the course's completion rule, in the
    active language (Markdown: one line per condition)."""
    required = [
        item.module
        for item in course.required_modules.select_related("module").order_by("sort_order")
    ]
    lines = []
    if required:
        titles = "; ".join(module.title for module in required)
        lines.append(_("Complete the required modules: %(modules)s.") % {"modules": titles})
    else:
        count = ModulePage.objects.live().child_of(course).count()
        lines.append(_("Complete every module of the course (%(count)s).") % {"count": count})
    if course.completion_min_quiz_score:
        lines.append(
            _("Score an average of at least %(score)s%% in the course's quizzes.")
            % {"score": course.completion_min_quiz_score}
        )
    if course.completion_min_attendance:
        lines.append(
            _("Attend at least %(share)s%% of the cohort's live sessions.")
            % {"share": course.completion_min_attendance}
        )
    if getattr(course, "completion_min_posts", None):
        lines.append(
            _("Write at least %(count)s posts in the cohort's discussion.")
            % {"count": course.completion_min_posts}
        )
    return "\n".join(f"- {line}" for line in lines)


def alignments(course) -> list[dict]:
    """One ``Alignment`` per competency. ``targetUrl`` is required: a competency with no
    framework address points at its place in the achievement's own description."""
    found = []
    for competency in course.competencies.all():
        alignment = {
            "type": ["Alignment"],
            "targetName": competency.title,
            "targetType": "ceasn:Competency",
            "targetUrl": (getattr(competency, "framework_url", "") or "")
            or f"{achievement_id(course)}#competency-{competency.sort_order or 0}-{competency.pk}",
        }
        if competency.description:
            alignment["targetDescription"] = competency.description
        if getattr(competency, "framework_name", ""):
            alignment["targetFramework"] = competency.framework_name
        if getattr(competency, "framework_code", ""):
            alignment["targetCode"] = competency.framework_code
        found.append(alignment)
    return found


def achievement(course, language: str) -> dict:
    """The course as an Open Badges ``Achievement``, in ``language`` (its translation when it
    has a live one)."""
    course = in_language(course, language)
    # Others read it (a wallet, an employer): the course's public title when it has one, as
    # on the verification page; a sensitive course's summary is not repeated either.
    public_title = (course.public_title or "").strip()
    summary = strip_tags(course.summary or "").strip()
    if course.is_sensitive and public_title:
        summary = public_title
    with translation.override(language):
        data = {
            "id": achievement_id(course),
            "type": ["Achievement"],
            "achievementType": "Certificate",
            "name": public_title or course.title,
            "description": summary or public_title or course.title,
            "criteria": {"narrative": criteria_narrative(course)},
            "inLanguage": language,
        }
    if course.effort_hours:
        data["creditsAvailable"] = float(course.effort_hours)
    found = alignments(course)
    if found:
        data["alignment"] = found
    return data


def credential_payload(certificate: Certificate, *, salt: str | None = None) -> dict:
    """The JWT payload: the ``OpenBadgeCredential`` and its JWT claims."""
    enrolment = certificate.enrolment
    salt = salt if salt is not None else secrets.token_hex(16)
    # What every credential of the site, or of a course in a language, shares: kept in the
    # cache until the next publish or change of the site settings (home.cache.remember).
    issuer = remember("aula:credentials:issuer", issuer_profile)
    course_id, language = enrolment.cohort.course_id, certificate.language
    earned = remember(
        f"aula:credentials:achievement:{course_id}:{language}",
        lambda: achievement(enrolment.cohort.course.specific, language),
    )
    issued = timestamp(certificate.issued_at)
    with translation.override(certificate.language):
        name = f"{_('Certificate of completion')}: {earned['name']}"
    payload = {
        "@context": CONTEXT,
        "id": credential_id(certificate),
        "type": CREDENTIAL_TYPE,
        "name": name,
        "issuer": issuer,
        "validFrom": issued,
        "awardedDate": issued,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityHash": identity_hash(enrolment.learner.email, salt),
                    "identityType": "emailAddress",
                    "hashed": True,
                    "salt": salt,
                }
            ],
            "achievement": earned,
        },
        "credentialStatus": status_list.entry(certificate),
        # JWT claims (Open Badges 3.0, JSON Web Token proof format). No ``sub``: the subject
        # has no ``id``, only its hashed identifier.
        "iss": issuer["id"],
        "jti": credential_id(certificate),
        "nbf": int(certificate.issued_at.timestamp()),
    }
    return payload


def sign_certificate(certificate: Certificate) -> str:
    return jose.sign(credential_payload(certificate))


def ensure_credential(certificate: Certificate) -> Certificate:
    """Sign and keep the credential of a valid certificate that has none yet (once: a
    conditional update; a revoked or replaced certificate gets none)."""
    if certificate.credential or not certificate.is_valid:
        return certificate
    if certificate.status_index is None:
        certificate.status_index = status_list.new_status_index()
        Certificate.objects.filter(pk=certificate.pk, status_index=None).update(
            status_index=certificate.status_index
        )
        certificate.refresh_from_db(fields=["status_index"])
    token = sign_certificate(certificate)
    updated = Certificate.objects.filter(
        Q(credential=""), pk=certificate.pk, revoked_at__isnull=True, replaced_at__isnull=True
    ).update(credential=token)
    if updated:
        certificate.credential = token
    else:  # signed meanwhile by another worker, or withdrawn
        certificate.refresh_from_db(fields=["credential", "revoked_at", "replaced_at"])
    return certificate


def credential_filename(certificate: Certificate) -> str:
    return f"credential-{certificate.number}.jwt"
