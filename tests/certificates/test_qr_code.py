"""The QR code printed on the certificate decodes, with a real reader (ZXing's C++ decoder,
the zxing-cpp wheel: no system package needed), to the certificate's verification URL."""

import io

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from learners.certificates.pdf import qr_png
from learners.certificates.services import issue_certificate, verification_url

from .conftest import stored_pdf


def decode(png: bytes) -> str:
    results = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert [result.format for result in results] == [zxingcpp.BarcodeFormat.QRCode]
    return results[0].text


@pytest.mark.django_db
def test_qr_code_in_the_pdf_decodes_to_the_verification_url(completed):
    certificate, _created = issue_certificate(enrolment_id=completed.pk)
    page = PdfReader(io.BytesIO(stored_pdf(certificate))).pages[0]
    [qr_image] = page.images  # no signatories here: the QR code is the only image
    buffer = io.BytesIO()
    qr_image.image.save(buffer, format="PNG")
    url = verification_url(certificate)
    assert url.startswith("http://testserver/en/certificates/verify/")
    assert decode(buffer.getvalue()) == url


def test_qr_png_decodes_to_its_url():
    url = "https://aula.example/es/certificates/verify/AbCdEfGhIjKlMnOpQrStUv/"
    assert decode(qr_png(url)) == url
