"""Checking a credential: valid, revoked, tampered, unknown issuer; a rotated key still verifies
older credentials; the verification page takes a pasted or uploaded credential."""

import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.files.uploadedfile import SimpleUploadedFile

from learners.certificates import keys
from learners.certificates.credentials import sign_certificate
from learners.certificates.services import reissue, revoke
from learners.certificates.verification import Verdict, verify_credential
from tests.factories import UserFactory

from .conftest import complete
from .credential_helpers import b64url_encode, issued, parts, verify_signature, with_payload


@pytest.fixture
def certificate(camila, cohort):
    return issued(complete(camila, cohort))


@pytest.fixture
def staff():
    return UserFactory(is_staff=True, is_superuser=True)


@pytest.mark.django_db
def test_issued_credential_is_valid(certificate):
    check = verify_credential(certificate.credential)
    assert check.verdict == Verdict.VALID
    assert check.certificate == certificate


@pytest.mark.django_db
def test_changed_payload_is_tampered(certificate):
    _header, payload, _signature = parts(certificate.credential)
    payload["credentialSubject"]["achievement"]["creditsAvailable"] = 400.0
    assert verify_credential(with_payload(certificate.credential, payload)).verdict == (
        Verdict.TAMPERED
    )


@pytest.mark.django_db
def test_one_changed_signature_byte_is_tampered(certificate):
    header, payload, signature = certificate.credential.split(".")
    flipped = signature[:10] + ("A" if signature[10] != "A" else "B") + signature[11:]
    assert verify_credential(f"{header}.{payload}.{flipped}").verdict == Verdict.TAMPERED


@pytest.mark.django_db
def test_revoked_certificate_gives_revoked(certificate, staff):
    revoke(certificate=certificate, by=staff, reason="Issued in error")
    check = verify_credential(certificate.credential)
    assert check.verdict == Verdict.REVOKED
    assert check.certificate.is_revoked


@pytest.mark.django_db
def test_replaced_certificate_gives_revoked_and_its_successor_is_valid(certificate, staff):
    new = reissue(certificate=certificate, by=staff)
    assert verify_credential(certificate.credential).verdict == Verdict.REVOKED
    assert new.credential and new.status_index != certificate.status_index
    assert verify_credential(new.credential).verdict == Verdict.VALID


@pytest.mark.django_db
def test_credential_signed_by_another_key_is_unknown_issuer(certificate):
    header, payload, _signature = parts(certificate.credential)
    stranger = Ed25519PrivateKey.generate()
    header["kid"] = "https://elsewhere.example/keys/1"
    encoded = ".".join(
        b64url_encode(json.dumps(part, separators=(",", ":")).encode())
        for part in (header, payload)
    )
    token = f"{encoded}.{b64url_encode(stranger.sign(encoded.encode()))}"
    assert verify_credential(token).verdict == Verdict.UNKNOWN_ISSUER


@pytest.mark.django_db
def test_text_that_is_not_a_credential_is_malformed():
    assert verify_credential("AULA-7K3M-9QXD").verdict == Verdict.MALFORMED
    assert verify_credential('{"@context": []}').verdict == Verdict.MALFORMED


@pytest.mark.django_db
def test_older_credentials_verify_after_the_key_is_rotated(client, certificate, settings):
    old_key = keys.signing_key()
    old_token = certificate.credential
    new_key = Ed25519PrivateKey.generate()
    settings.AULA_CREDENTIAL_SIGNING_KEY = keys.private_key_pem(new_key)
    settings.AULA_CREDENTIAL_PREVIOUS_PUBLIC_KEYS = keys.public_key_pem(old_key.public_key())
    # New credentials are signed with the new key…
    new_token = sign_certificate(certificate)
    assert parts(new_token)[0]["kid"] != parts(old_token)[0]["kid"]
    # …and both keys are published, so both credentials verify.
    published = client.get("/.well-known/jwks.json").json()["keys"]
    assert len(published) == 2
    by_kid = {jwk["kid"]: jwk for jwk in published}
    verify_signature(old_token, by_kid[parts(old_token)[0]["kid"]])
    verify_signature(new_token, by_kid[parts(new_token)[0]["kid"]])
    assert verify_credential(old_token).verdict == Verdict.VALID
    assert verify_credential(new_token).verdict == Verdict.VALID


@pytest.mark.django_db
def test_without_its_previous_public_key_an_old_credential_is_unknown(certificate, settings):
    old_token = certificate.credential
    settings.AULA_CREDENTIAL_SIGNING_KEY = keys.private_key_pem(Ed25519PrivateKey.generate())
    assert verify_credential(old_token).verdict == Verdict.UNKNOWN_ISSUER


@pytest.mark.django_db
def test_verification_page_checks_a_pasted_credential(client, certificate):
    response = client.post(
        "/en/certificates/verify/credential/", {"credential": certificate.credential}
    )
    assert response.status_code == 200
    assert response.context["verdict"] == Verdict.VALID
    assert b"Valid credential" in response.content
    assert certificate.number.encode() in response.content


@pytest.mark.django_db
def test_verification_page_checks_an_uploaded_credential(client, certificate, staff):
    revoke(certificate=certificate, by=staff, reason="Issued in error")
    upload = SimpleUploadedFile("credential.jwt", certificate.credential.encode(), "text/plain")
    response = client.post("/es/certificates/verify/credential/", {"file": upload})
    assert response.status_code == 200
    assert response.context["verdict"] == Verdict.REVOKED


@pytest.mark.django_db
def test_verification_page_says_tampered(client, certificate):
    _header, payload, _signature = parts(certificate.credential)
    payload["name"] = "Doctorate"
    token = with_payload(certificate.credential, payload)
    response = client.post("/en/certificates/verify/credential/", {"credential": token})
    assert response.status_code == 200
    assert response.context["verdict"] == Verdict.TAMPERED
    assert b"Altered credential" in response.content


@pytest.mark.django_db
def test_empty_credential_form_is_refused_with_a_message(client):
    response = client.post("/en/certificates/verify/credential/", {"credential": "  "})
    assert response.status_code == 400
    assert b"Paste a digital credential or choose its file." in response.content


@pytest.mark.django_db
def test_verification_form_offers_the_credential_check(client):
    response = client.get("/en/certificates/verify/")
    assert response.status_code == 200
    assert b'action="/en/certificates/verify/credential/"' in response.content
    assert b'enctype="multipart/form-data"' in response.content
