"""The keys that sign Aula's digital credentials (Open Badges 3.0, credentials.py).

- The **signing key** is an Ed25519 private key in PEM (PKCS#8), from
  ``AULA_CREDENTIAL_SIGNING_KEY`` (the PEM itself) or ``AULA_CREDENTIAL_SIGNING_KEY_FILE`` (a
  path to it). Production refuses to start without one (aula/settings/production.py); nothing
  generates one silently there. Development (``make run``) sets
  ``AULA_CREDENTIAL_GENERATE_MISSING_KEY``: a missing key file is generated once (mode 0600,
  git-ignored). The test settings use a fixed test key.
- **Earlier public keys** stay published after a rotation, so credentials signed before it
  still verify: ``AULA_CREDENTIAL_PREVIOUS_PUBLIC_KEYS`` (one or more PEM public keys, one after
  the other) and every ``*.pem`` in ``AULA_CREDENTIAL_PREVIOUS_PUBLIC_KEYS_DIR``.
- Each key is named by a ``kid`` that is a URL on AULA_PUBLIC_URL answering its JWK (the Open
  Badges JOSE header asks for a dereferenceable URI): ``/credentials/keys/<thumbprint>/``, with
  the RFC 7638 thumbprint of the public key. ``/.well-known/jwks.json`` lists them all.

To rotate: generate a new key (``openssl genpkey -algorithm ed25519``), move the old key's
public half (``openssl pkey -in old.pem -pubout``) into the previous keys, deploy the new one.
"""

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import reverse

from aula.links import public_url

PEM_BLOCK_END = "-----END PUBLIC KEY-----"


@dataclass(frozen=True)
class PublicKey:
    thumbprint: str  # RFC 7638, base64url
    key: Ed25519PublicKey

    @property
    def kid(self) -> str:
        return public_url(reverse("credential_key", kwargs={"thumbprint": self.thumbprint}))

    @property
    def x(self) -> str:
        return b64url(self.key.public_bytes_raw())

    def jwk(self) -> dict:
        """The public JWK (never ``d``), with its ``kid``, ``alg`` and ``use``."""
        return {
            "kty": "OKP",
            "crv": "Ed25519",
            "x": self.x,
            "kid": self.kid,
            "alg": "EdDSA",
            "use": "sig",
        }


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def thumbprint(key: Ed25519PublicKey) -> str:
    """RFC 7638: SHA-256 of the required members in lexicographic order, no whitespace."""
    members = {"crv": "Ed25519", "kty": "OKP", "x": b64url(key.public_bytes_raw())}
    canonical = json.dumps(members, separators=(",", ":"), sort_keys=True).encode()
    return b64url(hashlib.sha256(canonical).digest())


def private_key_pem(key: Ed25519PrivateKey) -> str:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode("ascii")


def public_key_pem(key: Ed25519PublicKey) -> str:
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode("ascii")


def parse_private_key(pem: str | bytes) -> Ed25519PrivateKey:
    """An Ed25519 private key from PEM; ValueError for anything else."""
    data = pem.encode() if isinstance(pem, str) else pem
    key = serialization.load_pem_private_key(data.strip() + b"\n", password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError("the credential signing key must be an Ed25519 key")
    return key


def parse_public_keys(text: str) -> list[Ed25519PublicKey]:
    """Every PEM public key in ``text`` (one after the other); ValueError for a non-Ed25519."""
    keys = []
    for block in text.split(PEM_BLOCK_END):
        if "-----BEGIN" not in block:
            continue
        key = serialization.load_pem_public_key((block.strip() + "\n" + PEM_BLOCK_END).encode())
        if not isinstance(key, Ed25519PublicKey):
            raise ValueError("previous credential keys must be Ed25519 public keys")
        keys.append(key)
    return keys


def _generate_key_file(path: Path) -> None:
    """Development only: write a new key, readable by its owner only, unless one exists."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process wrote it first
        return
    with os.fdopen(descriptor, "w") as handle:
        handle.write(private_key_pem(Ed25519PrivateKey.generate()))


@cache
def signing_key() -> Ed25519PrivateKey:
    """The current signing key (read once per process)."""
    pem = (getattr(settings, "AULA_CREDENTIAL_SIGNING_KEY", "") or "").strip()
    if not pem:
        location = getattr(settings, "AULA_CREDENTIAL_SIGNING_KEY_FILE", "") or ""
        if not location:
            raise ImproperlyConfigured(
                "AULA_CREDENTIAL_SIGNING_KEY or AULA_CREDENTIAL_SIGNING_KEY_FILE is not set."
            )
        path = Path(location)
        if not path.exists() and getattr(settings, "AULA_CREDENTIAL_GENERATE_MISSING_KEY", False):
            _generate_key_file(path)
        pem = path.read_text()
    return parse_private_key(pem)


def current_key() -> PublicKey:
    public = signing_key().public_key()
    return PublicKey(thumbprint=thumbprint(public), key=public)


@cache
def previous_keys() -> tuple[PublicKey, ...]:
    texts = [getattr(settings, "AULA_CREDENTIAL_PREVIOUS_PUBLIC_KEYS", "") or ""]
    folder = getattr(settings, "AULA_CREDENTIAL_PREVIOUS_PUBLIC_KEYS_DIR", "") or ""
    if folder:
        texts += [path.read_text() for path in sorted(Path(folder).glob("*.pem"))]
    keys = [key for text in texts for key in parse_public_keys(text)]
    return tuple(PublicKey(thumbprint=thumbprint(key), key=key) for key in keys)


def published_keys() -> list[PublicKey]:
    """The current key first, then the earlier ones (each once)."""
    keys, seen = [], set()
    for key in (current_key(), *previous_keys()):
        if key.thumbprint not in seen:
            seen.add(key.thumbprint)
            keys.append(key)
    return keys


def key_for_kid(kid: str) -> PublicKey | None:
    """The published key named by ``kid`` (its URL or its bare thumbprint), or None."""
    for key in published_keys():
        if kid in (key.kid, key.thumbprint):
            return key
    return None


def jwks() -> dict:
    return {"keys": [key.jwk() for key in published_keys()]}


@receiver(setting_changed)
def _keys_changed(*, setting, **kwargs):
    if setting.startswith("AULA_CREDENTIAL_"):
        signing_key.cache_clear()
        previous_keys.cache_clear()
