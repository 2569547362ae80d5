"""Reading Aula's credentials in tests without the signing library: base64url, JSON and the
Ed25519 signature through the ``cryptography`` library directly (an independent check of what
joserfc wrote)."""

import base64
import json

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from learners.certificates.services import issue_certificate


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def parts(token: str) -> tuple[dict, dict, bytes]:
    header, payload, signature = token.split(".")
    return json.loads(b64url_decode(header)), json.loads(b64url_decode(payload)), signature


def public_key_from_jwk(jwk: dict) -> Ed25519PublicKey:
    assert jwk["kty"] == "OKP" and jwk["crv"] == "Ed25519"
    assert "d" not in jwk  # never the private half
    return Ed25519PublicKey.from_public_bytes(b64url_decode(jwk["x"]))


def verify_signature(token: str, jwk: dict) -> None:
    """Raises cryptography's InvalidSignature unless the JWS signature is right (RFC 7515:
    the signature covers ASCII(BASE64URL(header) || '.' || BASE64URL(payload)))."""
    header, payload, signature = token.split(".")
    public_key_from_jwk(jwk).verify(b64url_decode(signature), f"{header}.{payload}".encode("ascii"))


def with_payload(token: str, payload: dict) -> str:
    """``token`` with its payload replaced and its signature kept (a tampered credential)."""
    header, _payload, signature = token.split(".")
    encoded = b64url_encode(json.dumps(payload, separators=(",", ":")).encode())
    return f"{header}.{encoded}.{signature}"


def issued(enrolment):
    certificate, _created = issue_certificate(enrolment_id=enrolment.pk)
    certificate.refresh_from_db()
    return certificate
