"""A course's public title names it where others may see it: the public verification page, the
LinkedIn entry that links there, the certificate email. The PDF, the learner's own document,
keeps the real title."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import mail

from courses.models import CoursePage
from learners.certificates.emails import send_certificate_email
from learners.certificates.services import issue_certificate, linkedin_url
from tests.factories import CohortFactory, learner, publish_course, translate_page

from .conftest import complete, pdf_text, stored_pdf

REAL = "Decent work and the care economy"
PUBLIC = "Professional course on public administration"
PUBLIC_ES = "Curso profesional de administración pública"


def set_public_title(course, title, *, sensitive=False):
    return publish_course(course, sensitive=sensitive, public_title=title)


@pytest.fixture
def certificate(course, completed):
    set_public_title(course, PUBLIC)
    return issue_certificate(enrolment_id=completed.pk)[0]


def verify_page(client, certificate, language="en") -> str:
    response = client.get(f"/{language}/certificates/verify/{certificate.code}/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_verify_page_names_the_course_by_its_public_title(client, certificate):
    html = verify_page(client, certificate)
    assert PUBLIC in html
    assert REAL not in html


@pytest.mark.django_db
def test_pdf_keeps_the_real_title(certificate):
    text = " ".join(pdf_text(stored_pdf(certificate)).split())
    assert REAL in text
    assert PUBLIC not in text
    assert certificate.course_title == REAL  # what was attested, as issued


@pytest.mark.django_db
def test_public_title_set_later_applies_to_certificates_already_issued(client, course, completed):
    certificate = issue_certificate(enrolment_id=completed.pk)[0]
    assert REAL in verify_page(client, certificate)
    set_public_title(course, PUBLIC)
    html = verify_page(client, certificate)
    assert PUBLIC in html and REAL not in html


@pytest.mark.django_db
def test_blank_public_title_shows_the_title_printed_on_the_certificate(client, completed):
    certificate = issue_certificate(enrolment_id=completed.pk)[0]
    assert CoursePage.objects.get(pk=certificate.enrolment.cohort.course_id).public_title == ""
    assert REAL in verify_page(client, certificate)


@pytest.mark.django_db
def test_certificate_of_a_spanish_cohort_shows_the_spanish_public_title(
    client, site_tree, course, camila
):
    set_public_title(course, PUBLIC)
    translate_page(site_tree.home, "es")
    translate_page(site_tree.catalogue, "es")
    translate_page(
        course, "es", title="Trabajo decente y economía del cuidado", public_title=PUBLIC_ES
    )
    cohort = CohortFactory(course=course, language="es", title="Edición en español")
    certificate = issue_certificate(enrolment_id=complete(camila, cohort).pk)[0]
    html = verify_page(client, certificate, "es")
    assert PUBLIC_ES in html
    assert "Trabajo decente y economía del cuidado" not in html
    assert "Trabajo decente y economía del cuidado" in pdf_text(stored_pdf(certificate))


@pytest.mark.django_db
def test_linkedin_entry_names_the_course_as_the_verify_page_does(certificate):
    query = parse_qs(urlsplit(linkedin_url(certificate, organisation="Aula")).query)
    assert query["name"] == [PUBLIC]


def english_certificate(cohort):
    """A certificate of a learner who reads English (Camila reads Spanish)."""
    ana = learner(email="ana@example.org", preferred_language="en")
    return issue_certificate(enrolment_id=complete(ana, cohort).pk)[0]


@pytest.mark.django_db
def test_certificate_email_names_the_public_title(course, cohort):
    set_public_title(course, PUBLIC)
    certificate = english_certificate(cohort)
    mail.outbox.clear()
    assert send_certificate_email(certificate_id=certificate.pk) is True
    [message] = mail.outbox
    assert message.subject == f"Your certificate: {PUBLIC}"
    assert PUBLIC in message.body
    assert REAL not in message.subject + message.body


@pytest.mark.django_db
def test_certificate_email_of_a_sensitive_course_names_nothing_in_its_subject(course, cohort):
    set_public_title(course, PUBLIC, sensitive=True)
    certificate = english_certificate(cohort)
    mail.outbox.clear()
    send_certificate_email(certificate_id=certificate.pk, reissued=True)
    [message] = mail.outbox
    assert message.subject == "An update about your course"
    assert PUBLIC in message.body
    assert REAL not in message.subject + message.body


def test_demo_gender_violence_course_has_a_neutral_public_title(demo):
    english = CoursePage.objects.get(slug="gender-based-violence-at-work")
    spanish = CoursePage.objects.get(slug="violencia-de-genero-en-el-trabajo")
    assert english.is_sensitive and spanish.is_sensitive
    assert english.public_title == "Professional course on respectful workplaces"
    assert spanish.public_title == "Curso profesional sobre entornos laborales respetuosos"
    for page in (english, spanish):
        assert "violen" not in page.public_title.lower()
        assert "género" not in page.public_title and "gender" not in page.public_title.lower()
