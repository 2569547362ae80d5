"""Compact JWS (VC-JWT) signing and checking of Aula's credentials, through joserfc.

The JOSE header is the one the Open Badges 3.0 JSON Web Token proof format allows, and nothing
else: ``alg`` (``EdDSA``, Ed25519 keys), ``kid`` (the URL answering the public JWK, keys.py)
and ``typ`` ``JWT``. The payload is the credential itself with the JWT claims ``iss``
(``issuer.id``), ``jti`` (``id``) and ``nbf`` (``validFrom``) beside its properties (the Open
Badges 3.0 / VC Data Model 2.0 form, with no ``vc`` wrapper). JSON is written compactly in
UTF-8, with the keys in a fixed order, so the same credential signs to the same bytes.
"""

import json

from joserfc import jws
from joserfc.errors import JoseError, UnsupportedAlgorithmError
from joserfc.jwk import OKPKey

from . import keys

ALGORITHM = "EdDSA"


class _EdDSAOnly(jws.JWSRegistry):
    """Allows ``EdDSA`` and nothing else. RFC 9864 names the Ed25519 variant ``Ed25519`` and
    joserfc warns on every use of ``EdDSA``; but ``EdDSA`` is what Open Badges verifiers and
    the VC-JOSE ecosystem read today, so Aula keeps it, without the warning."""

    def get_alg(self, name: str):
        if name != ALGORITHM or name not in self.algorithms:
            raise UnsupportedAlgorithmError(f"Algorithm of '{name}' is not allowed")
        return self.algorithms[name]


REGISTRY = _EdDSAOnly(algorithms=[ALGORITHM])


class SignatureInvalid(Exception):
    """The JWS is malformed, or its signature does not match its header and payload."""


def dumps(payload: dict) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _joserfc_key(private) -> OKPKey:
    return OKPKey.import_key(keys.private_key_pem(private))


_KEY_CACHE: dict[str, OKPKey] = {}


def _signing_jwk() -> tuple[OKPKey, str]:
    current = keys.current_key()
    key = _KEY_CACHE.get(current.thumbprint)
    if key is None:
        _KEY_CACHE.clear()
        key = _KEY_CACHE[current.thumbprint] = _joserfc_key(keys.signing_key())
    return key, current.kid


def sign(payload: dict) -> str:
    """``payload`` as a compact JWS signed with the current key."""
    key, kid = _signing_jwk()
    header = {"alg": ALGORITHM, "kid": kid, "typ": "JWT"}
    return jws.serialize_compact(header, dumps(payload), key, registry=REGISTRY)


def unverified_parts(token: str) -> tuple[dict, dict]:
    """The header and payload of a compact JWS, read without checking anything (to find the
    key, and to say what a tampered credential claims). ValueError when it is not one."""
    try:
        compact = jws.extract_compact(token.strip().encode("ascii"))
        payload = json.loads(compact.payload)
    except (JoseError, ValueError, UnicodeError) as error:
        raise ValueError("not a compact JWS") from error
    if not isinstance(payload, dict):
        raise ValueError("the payload is not a JSON object")
    return dict(compact.headers()), payload


def verify(token: str, public_key: keys.PublicKey) -> dict:
    """The payload of ``token`` when ``public_key`` signed it; SignatureInvalid otherwise."""
    key = OKPKey.import_key(keys.public_key_pem(public_key.key))
    try:
        compact = jws.deserialize_compact(token.strip(), key, registry=REGISTRY)
        payload = json.loads(compact.payload)
    except (JoseError, ValueError, UnicodeError) as error:
        raise SignatureInvalid(str(error)) from error
    if not isinstance(payload, dict):
        raise SignatureInvalid("the payload is not a JSON object")
    return payload
