"""The holder downloads their credential from /learn/ and nobody else does; the public JSON
addresses answer; the email and the PDF mention the credential; production needs the key."""

import pytest
from django.core import mail

from learners.certificates import keys
from learners.certificates.keys import private_key_pem
from learners.certificates.services import render_pdf, revoke
from tests.factories import UserFactory, learner
from tests.production.conftest import COMPLETE_ENV, run_python

from .conftest import complete, pdf_text
from .credential_helpers import issued, parts


@pytest.fixture
def certificate(camila, cohort):
    return issued(complete(camila, cohort))


def credential_url(certificate, language="en"):
    return f"/{language}/certificates/{certificate.pk}/credential/"


@pytest.mark.django_db
def test_holder_downloads_their_credential(client, camila, certificate):
    client.force_login(camila)
    response = client.get(credential_url(certificate))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert f"credential-{certificate.number}.jwt" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    assert response.content.decode() == certificate.credential


@pytest.mark.django_db
def test_another_learner_gets_404(client, cohort, certificate):
    other = learner(email="other@example.org")
    complete(other, cohort)
    client.force_login(other)
    assert client.get(credential_url(certificate)).status_code == 404


@pytest.mark.django_db
def test_staff_get_404_too(client, certificate):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.get(credential_url(certificate)).status_code == 404


@pytest.mark.django_db
def test_visitor_is_sent_to_log_in(client, certificate):
    response = client.get(credential_url(certificate))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.django_db
def test_revoked_credential_is_not_offered(client, camila, certificate):
    revoke(certificate=certificate, by=None, reason="Issued in error")
    client.force_login(camila)
    assert client.get(credential_url(certificate)).status_code == 404
    dashboard = client.get("/en/learn/")
    assert credential_url(certificate).encode() not in dashboard.content


@pytest.mark.django_db
def test_learn_page_links_the_credential(client, camila, certificate):
    client.force_login(camila)
    response = client.get("/en/learn/")
    assert response.status_code == 200
    assert credential_url(certificate).encode() in response.content


@pytest.mark.django_db
def test_certificate_issued_before_credentials_is_signed_at_its_download(
    client, camila, certificate
):
    type(certificate).objects.filter(pk=certificate.pk).update(credential="")
    client.force_login(camila)
    response = client.get(credential_url(certificate))
    assert response.status_code == 200
    _header, payload, _signature = parts(response.content.decode())
    assert payload["credentialStatus"]["statusListIndex"] == str(certificate.status_index)


@pytest.mark.django_db
def test_certificate_email_links_the_credential(camila, cohort, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        certificate = issued(complete(camila, cohort))
    [message] = mail.outbox
    # Camila reads Spanish: her link is the Spanish download.
    assert f"http://testserver/es/certificates/{certificate.pk}/credential/" in message.body


@pytest.mark.django_db
def test_pdf_says_the_certificate_is_also_a_digital_credential(certificate):
    assert "also exists as a digital credential (Open Badges 3.0)" in pdf_text(
        render_pdf(certificate)
    )


@pytest.mark.django_db
def test_public_addresses_answer_json_without_a_language_prefix(client, course, certificate):
    jwks = client.get("/.well-known/jwks.json")
    assert jwks.status_code == 200
    assert jwks["Content-Type"] == "application/json"
    [jwk] = jwks.json()["keys"]
    assert set(jwk) == {"kty", "crv", "x", "kid", "alg", "use"}
    assert client.get(jwk["kid"].removeprefix("http://testserver")).json() == jwk
    assert client.get("/credentials/keys/unknown/").status_code == 404
    assert client.get("/credentials/issuer/").status_code == 200
    achievement = f"/credentials/achievements/{course.translation_key}/"
    assert client.get(achievement).status_code == 200
    unknown = "/credentials/achievements/00000000-0000-0000-0000-000000000000/"
    assert client.get(unknown).status_code == 404


def test_production_refuses_to_start_without_the_signing_key():
    env = dict(COMPLETE_ENV)
    del env["AULA_CREDENTIAL_SIGNING_KEY"]
    result = run_python("import aula.settings.production", env)
    assert result.returncode != 0
    assert "AULA_CREDENTIAL_SIGNING_KEY is not set" in result.stderr


def test_production_refuses_a_key_that_is_not_ed25519():
    from cryptography.hazmat.primitives.asymmetric import ec

    other = ec.generate_private_key(ec.SECP256R1())
    from cryptography.hazmat.primitives import serialization

    pem = other.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    result = run_python(
        "import aula.settings.production", {**COMPLETE_ENV, "AULA_CREDENTIAL_SIGNING_KEY": pem}
    )
    assert result.returncode != 0
    assert "must be an unencrypted Ed25519 private key" in result.stderr


def test_production_accepts_a_key_file(tmp_path):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    path = tmp_path / "credential-key.pem"
    path.write_text(private_key_pem(Ed25519PrivateKey.generate()))
    env = dict(COMPLETE_ENV)
    del env["AULA_CREDENTIAL_SIGNING_KEY"]
    env["AULA_CREDENTIAL_SIGNING_KEY_FILE"] = str(path)
    result = run_python("import aula.settings.production", env)
    assert result.returncode == 0, result.stderr


def test_development_key_is_generated_once_into_its_own_file(tmp_path, settings):
    path = tmp_path / "dev-credential-key.pem"
    settings.AULA_CREDENTIAL_SIGNING_KEY = ""
    settings.AULA_CREDENTIAL_SIGNING_KEY_FILE = str(path)
    settings.AULA_CREDENTIAL_GENERATE_MISSING_KEY = True
    first = keys.current_key().thumbprint
    assert path.stat().st_mode & 0o777 == 0o600
    keys.signing_key.cache_clear()
    assert keys.current_key().thumbprint == first  # read back, not generated again


def test_a_missing_key_file_is_never_generated_outside_development(tmp_path, settings):
    settings.AULA_CREDENTIAL_SIGNING_KEY = ""
    settings.AULA_CREDENTIAL_SIGNING_KEY_FILE = str(tmp_path / "missing.pem")
    settings.AULA_CREDENTIAL_GENERATE_MISSING_KEY = False
    with pytest.raises(FileNotFoundError):
        keys.signing_key()
    assert not (tmp_path / "missing.pem").exists()
