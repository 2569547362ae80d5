"""Certificates carry the configured public address (AULA_PUBLIC_URL) and nothing else: the
printed verification line, the QR code (read with a real decoder), the LinkedIn link and the
certificate email. Certificates are permanent: a laptop or request host on them cannot be
fixed afterwards."""

import io
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import mail
from pypdf import PdfReader

from learners.certificates.services import issue_certificate, linkedin_url, verification_url

from .conftest import pdf_text, stored_pdf
from .test_qr_code import decode

PUBLIC = "https://aula.example.org"


@pytest.fixture
def public_address(settings):
    settings.AULA_PUBLIC_URL = PUBLIC
    settings.WAGTAILADMIN_BASE_URL = PUBLIC


def hosts_in(text: str) -> set[str]:
    return {urlsplit(url).netloc for url in re.findall(r"https?://[^\s\"'<>]+", text)}


@pytest.mark.django_db
def test_pdf_text_and_qr_code_carry_only_the_public_address(public_address, completed):
    certificate, _created = issue_certificate(enrolment_id=completed.pk)
    url = verification_url(certificate)
    assert url == f"{PUBLIC}/en/certificates/verify/{certificate.code}/"

    data = stored_pdf(certificate)
    text = pdf_text(data).replace("\n", "")
    assert url in text
    assert hosts_in(text) == {"aula.example.org"}

    [qr_image] = PdfReader(io.BytesIO(data)).pages[0].images
    buffer = io.BytesIO()
    qr_image.image.save(buffer, format="PNG")
    assert decode(buffer.getvalue()) == url


@pytest.mark.django_db
def test_linkedin_link_and_certificate_email_use_the_public_address(
    public_address, completed, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        certificate, _created = issue_certificate(enrolment_id=completed.pk)
    cert_url = parse_qs(urlsplit(linkedin_url(certificate, organisation="Aula")).query)
    assert cert_url["certUrl"] == [f"{PUBLIC}/en/certificates/verify/{certificate.code}/"]

    [message] = [m for m in mail.outbox if m.to == ["camila@example.org"]]
    assert f"{PUBLIC}/en/certificates/verify/{certificate.code}/" in message.body
    assert hosts_in(message.body) == {"aula.example.org"}
