"""What the certificate PDF says: the learner's name with its accents, the course, hours, dates,
competencies, issuer, signatories, number and verification URL; A4 landscape, vector text in an
embedded font, small."""

import io

import pytest
from django.utils import translation
from django.utils.formats import date_format
from PIL import Image
from pypdf import PdfReader

from home.models import CustomImage, Signatory, SiteSettings
from learners.certificates.services import issue_certificate, render_pdf, verification_url
from tests.factories import CohortFactory, learner, translate_page

from .conftest import complete, pdf_text, stored_pdf


def _signature_image():
    buffer = io.BytesIO()
    Image.new("RGB", (300, 100), "white").save(buffer, format="PNG")
    from django.core.files.images import ImageFile

    return CustomImage.objects.create(
        title="Signature", file=ImageFile(io.BytesIO(buffer.getvalue()), name="signature.png")
    )


@pytest.mark.django_db
def test_pdf_text_has_accented_name_course_number_and_verification_url(completed):
    certificate, created = issue_certificate(enrolment_id=completed.pk)
    assert created
    text = pdf_text(stored_pdf(certificate))
    assert "Camila Núñez Peña" in text
    assert "Decent work and the care economy" in text
    assert certificate.number in text
    assert verification_url(certificate) in text
    assert "40" in text  # hours of study
    assert "Analyse care policies" in text and "Apply the 5R framework" in text


@pytest.mark.django_db
def test_portuguese_name_renders_with_its_accents(cohort):
    joao = learner(email="joao@example.org", certificate_name="João Gonçalves")
    certificate, _created = issue_certificate(enrolment_id=complete(joao, cohort).pk)
    assert "João Gonçalves" in pdf_text(stored_pdf(certificate))


@pytest.mark.django_db
def test_pdf_is_a4_landscape_vector_text_with_an_embedded_font_and_small(completed):
    certificate, _created = issue_certificate(enrolment_id=completed.pk)
    data = stored_pdf(certificate)
    assert len(data) < 100_000
    page = PdfReader(io.BytesIO(data)).pages[0]
    width_mm = float(page.mediabox.width) / 72 * 25.4
    height_mm = float(page.mediabox.height) / 72 * 25.4
    assert round(width_mm) == 297 and round(height_mm) == 210
    fonts = page["/Resources"]["/Font"]
    descriptors = [
        font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
        for font in fonts.values()
    ]
    assert descriptors and all("/FontFile2" in descriptor for descriptor in descriptors)
    assert any("DejaVu" in str(descriptor["/FontName"]) for descriptor in descriptors)


@pytest.mark.django_db
def test_pdf_is_in_the_cohorts_language_with_the_translated_course_title(site_tree, course):
    translate_page(site_tree.home, "es")
    translate_page(site_tree.catalogue, "es")
    translate_page(course, "es", title="Trabajo decente y economía del cuidado")
    spanish_cohort = CohortFactory(course=course, language="es", title="Marzo 2026")
    maria = learner(email="maria@example.org", certificate_name="María José Ibáñez")
    certificate, _created = issue_certificate(enrolment_id=complete(maria, spanish_cohort).pk)
    assert certificate.language == "es"
    assert certificate.course_title == "Trabajo decente y economía del cuidado"
    text = pdf_text(stored_pdf(certificate))
    assert "Trabajo decente y economía del cuidado" in text
    # Dates in Spanish (Django's own Spanish formats; the labels come from locale/es).
    with translation.override("es"):
        assert date_format(certificate.completed_on) in text
    assert " de " in date_format_es(certificate.completed_on)
    assert "/es/certificates/verify/" in text


@pytest.mark.django_db
def test_course_wording_organisation_and_signatories_are_printed(site_tree, course, cohort):
    course.certificate_wording = "ha aprobado con distinción el programa de formación"
    course.save_revision().publish()
    settings = SiteSettings.for_site(site_tree.site)
    settings.organisation_name = "Centro Interamericano de Formación"
    settings.save()
    Signatory.objects.create(
        settings=settings,
        name="Ana Gómez",
        title="Directora de Formación",
        signature=_signature_image(),
        sort_order=0,
    )
    Signatory.objects.create(
        settings=settings, name="Luis Peña", title="Coordinador académico", sort_order=1
    )
    user = learner(email="someone@example.org", certificate_name="Inés Suárez")
    certificate, _created = issue_certificate(enrolment_id=complete(user, cohort).pk)
    data = stored_pdf(certificate)
    text = pdf_text(data)
    for expected in (
        "ha aprobado con distinción el programa de formación",
        "Centro Interamericano de Formación",
        "Ana Gómez",
        "Directora de Formación",
        "Luis Peña",
        "Coordinador académico",
    ):
        assert expected in text
    page = PdfReader(io.BytesIO(data)).pages[0]
    assert len(page.images) == 2  # the QR code and Ana Gómez's signature


@pytest.mark.django_db
def test_cohort_dates_and_completion_date_are_printed(completed):
    certificate, _created = issue_certificate(enrolment_id=completed.pk)
    text = pdf_text(render_pdf(certificate))
    assert "2 March 2026" in text and "24 April 2026" in text  # as every date (aula/dates.py)
    assert f"Completed on {date_format(certificate.completed_on)}" in text


def date_format_es(value) -> str:
    with translation.override("es"):
        return date_format(value)
