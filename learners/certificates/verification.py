"""Checking a digital credential someone pasted or uploaded on the verification page.

The verdict, in the order the checks run:

1. ``malformed``: not a compact JWS with a JSON payload (Aula issues VC-JWT only).
2. ``unknown_issuer``: its ``kid`` names none of the keys Aula publishes (current or earlier,
   keys.py), or its issuer is not Aula's Profile: someone else issued it.
3. ``tampered``: the signature does not match (any changed byte of header or payload), or the
   signed payload contradicts itself (``iss``/``jti``/``nbf`` against ``issuer.id``/``id``/
   ``validFrom``), or it is not an OpenBadgeCredential.
4. ``not_in_force``: ``validFrom`` is still to come or ``validUntil`` has passed.
5. ``revoked``: its bit is set in Aula's revocation status list, read from the certificates
   themselves (not the cached, signed list), so a revocation counts at once. A replaced
   certificate's credential is revoked too (the page says it was replaced).
6. ``valid``.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import jose, keys, status_list
from .credentials import CREDENTIAL_TYPE, issuer_id
from .models import Certificate

MAX_LENGTH = 64_000  # characters: Aula's credentials are a few thousand


class Verdict(models.TextChoices):
    VALID = "valid", _("valid")
    REVOKED = "revoked", _("revoked")
    TAMPERED = "tampered", _("tampered")
    UNKNOWN_ISSUER = "unknown_issuer", _("unknown issuer")
    NOT_IN_FORCE = "not_in_force", _("outside its dates of validity")
    MALFORMED = "malformed", _("not a digital credential")


@dataclass(frozen=True)
class Check:
    verdict: Verdict
    claims: dict | None = None  # what the credential says (unverified unless valid/revoked)
    certificate: Certificate | None = None

    @property
    def achievement(self) -> dict:
        subject = (self.claims or {}).get("credentialSubject") or {}
        found = subject.get("achievement") if isinstance(subject, dict) else None
        return found if isinstance(found, dict) else {}


def _datetime(value) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _issuer(payload: dict):
    issuer = payload.get("issuer")
    return issuer.get("id") if isinstance(issuer, dict) else issuer


def _consistent(payload: dict) -> bool:
    """The Open Badges 3.0 checks of a VC-JWT payload against the credential inside it."""
    types = payload.get("type")
    valid_from = _datetime(payload.get("validFrom"))
    return (
        isinstance(types, list)
        and all(name in types for name in CREDENTIAL_TYPE)
        and payload.get("iss") == _issuer(payload)
        and payload.get("jti") == payload.get("id")
        and valid_from is not None
        and isinstance(payload.get("nbf"), int)
        and payload["nbf"] == int(valid_from.timestamp())
    )


def _status_index(payload: dict) -> int | None:
    status = payload.get("credentialStatus")
    if not isinstance(status, dict) or status.get("statusPurpose") != status_list.PURPOSE:
        return None
    if status.get("statusListCredential") != status_list.list_url():
        return None
    index = status.get("statusListIndex")
    return int(index) if isinstance(index, str) and index.isdigit() else None


def verify_credential(token: str, *, now: datetime | None = None) -> Check:
    token = (token or "").strip()
    if not token or len(token) > MAX_LENGTH:
        return Check(Verdict.MALFORMED)
    try:
        header, claims = jose.unverified_parts(token)
    except ValueError:
        return Check(Verdict.MALFORMED)
    kid = header.get("kid")
    key = keys.key_for_kid(kid) if isinstance(kid, str) else None
    if key is None:
        return Check(Verdict.UNKNOWN_ISSUER, claims)
    try:
        payload = jose.verify(token, key)
    except jose.SignatureInvalid:
        return Check(Verdict.TAMPERED, claims)
    if _issuer(payload) != issuer_id():
        return Check(Verdict.UNKNOWN_ISSUER, payload)
    if not _consistent(payload):
        return Check(Verdict.TAMPERED, payload)
    index = _status_index(payload)
    certificate = (
        Certificate.objects.filter(status_index=index).first() if index is not None else None
    )
    now = now or timezone.now()
    valid_until = _datetime(payload.get("validUntil"))
    if _datetime(payload["validFrom"]) > now or (valid_until is not None and valid_until <= now):
        return Check(Verdict.NOT_IN_FORCE, payload, certificate)
    if index is None or certificate is None:
        return Check(Verdict.TAMPERED, payload)  # signed by Aula, yet no status Aula gave
    try:
        revoked = status_list.is_set(status_list.current_bitstring(), index)
    except IndexError:
        return Check(Verdict.TAMPERED, payload)
    verdict = Verdict.REVOKED if revoked else Verdict.VALID
    return Check(verdict, payload, certificate)
