"""The revocation status list of Aula's credentials (W3C Bitstring Status List v1.0).

Every certificate has its own place in one list (``Certificate.status_index``), drawn at random
(the specification's advice: an index says nothing about when or in what order a credential
was issued). The bit at that place is 1 when the certificate is revoked or replaced, 0 while it
is valid: the list is read from the certificates themselves, so it cannot disagree with them.

The list is served as a signed credential (a compact JWS, like the certificates' own) at
``/credentials/status/revocation/``: ``encodedList`` is the bitstring, GZIP-compressed,
base64url-encoded without padding and prefixed with ``u`` (multibase). It holds at least
131,072 entries (16 KB), the specification's minimum, and grows in steps of that size so that
it stays at most half full (random draws then rarely collide). The first index is the
left-most (most significant) bit of the first byte.

The signed list is kept in the cache for ``CACHE_SECONDS``; revoking or replacing a certificate
drops it once the change commits (``changed``, called by services.revoke and services.reissue).
"""

import base64
import gzip
import math
import secrets
from datetime import UTC, timedelta

from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from aula.links import public_url

from .models import Certificate

LIST_SIZE = 131_072  # entries: the minimum the specification asks for (16 KB)
PURPOSE = "revocation"
CACHE_KEY = "aula:credentials:status-list:revocation"
CACHE_SECONDS = 300
DRAWS = 8


def list_url() -> str:
    return public_url(reverse("credential_status_list"))


def capacity(issued: int) -> int:
    """Entries in the list: a multiple of LIST_SIZE, at least twice the certificates issued."""
    return LIST_SIZE * max(1, math.ceil(2 * (issued + 1) / LIST_SIZE))


def new_status_index() -> int:
    """A random free place (two small queries). Two issuers racing for the same place: the
    unique constraint refuses the second, which draws again (services._save_new)."""
    size = capacity(Certificate.objects.count())
    candidates = [secrets.randbelow(size) for _ in range(DRAWS)]
    taken = set(
        Certificate.objects.filter(status_index__in=candidates).values_list(
            "status_index", flat=True
        )
    )
    return next((index for index in candidates if index not in taken), candidates[0])


def entry(certificate: Certificate) -> dict:
    """The credential's ``credentialStatus``."""
    url = list_url()
    return {
        "id": f"{url}#{certificate.status_index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": PURPOSE,
        "statusListIndex": str(certificate.status_index),
        "statusListCredential": url,
    }


# --- the bitstring --------------------------------------------------------------------------


def bitstring(indexes, length: int) -> bytes:
    bits = bytearray(length // 8)
    for index in indexes:
        bits[index >> 3] |= 0x80 >> (index & 7)
    return bytes(bits)


def encode(bits: bytes) -> str:
    compressed = gzip.compress(bits, mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).rstrip(b"=").decode("ascii")


def decode(encoded: str) -> bytes:
    """The bitstring of an ``encodedList``; ValueError when it is not one."""
    if not encoded.startswith("u"):
        raise ValueError("encodedList must be multibase base64url (prefix 'u')")
    data = encoded[1:]
    try:
        return gzip.decompress(base64.urlsafe_b64decode(data + "=" * (-len(data) % 4)))
    except (OSError, ValueError, EOFError) as error:
        raise ValueError("encodedList is not a GZIP-compressed bitstring") from error


def is_set(bits: bytes, index: int) -> bool:
    if index < 0 or index >= len(bits) * 8:
        raise IndexError("status list index out of range")
    return bool(bits[index >> 3] & (0x80 >> (index & 7)))


def withdrawn_indexes() -> list[int]:
    """The places of every revoked or replaced certificate (one query)."""
    return list(
        Certificate.objects.filter(Q(revoked_at__isnull=False) | Q(replaced_at__isnull=False))
        .exclude(status_index=None)
        .values_list("status_index", flat=True)
    )


def current_bitstring() -> bytes:
    withdrawn = withdrawn_indexes()
    length = capacity(Certificate.objects.count())
    if withdrawn:
        length = max(length, LIST_SIZE * math.ceil((max(withdrawn) + 1) / LIST_SIZE))
    return bitstring(withdrawn, length)


# --- the signed list ------------------------------------------------------------------------


def status_list_payload(now=None) -> dict:
    from .credentials import issuer_id  # credentials.py builds its entries with entry()

    now = (now or timezone.now()).astimezone(UTC).replace(microsecond=0)
    url = list_url()
    valid_from = now.strftime("%Y-%m-%dT%H:%M:%SZ")
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_id(),
        "validFrom": valid_from,
        "validUntil": (now + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": PURPOSE,
            "encodedList": encode(current_bitstring()),
            "ttl": CACHE_SECONDS * 1000,
        },
        "iss": issuer_id(),
        "jti": url,
        "nbf": int(now.timestamp()),
        "exp": int((now + timedelta(days=1)).timestamp()),
    }


def status_list_credential() -> str:
    """The signed status list (from the cache when nothing changed since)."""
    from . import jose

    token = cache.get(CACHE_KEY)
    if token is None:
        token = jose.sign(status_list_payload())
        cache.set(CACHE_KEY, token, CACHE_SECONDS)
    return token


def changed() -> None:
    """A certificate was revoked or replaced: the list is signed again at its next request."""
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))
