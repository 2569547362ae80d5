"""A certificate is printed in its cohort's language in each of the site's four languages: the
wording from the interface catalogue (locale/<language>), the course's title and competencies
from the course's translation, the verification address under the language's prefix."""

import pytest
from wagtail.models import Locale

from courses.models import CourseCompetency
from learners.certificates.services import issue_certificate
from tests.factories import CohortFactory, learner, translate_page

from .conftest import complete, pdf_text, stored_pdf

pytestmark = pytest.mark.django_db

# What the catalogues say, written out: the test fails if a catalogue loses the wording.
WORDING = {
    "en": {
        "title": "Decent work and the care economy",
        "competencies": ["Analyse care policies", "Apply the 5R framework"],
        "printed": [
            "Certificate of completion",
            "This certifies that",
            "has completed the course",
            "Competencies attested",
            "Certificate number",
            "40 hours of study",
        ],
    },
    "es": {
        "title": "Trabajo decente y economía del cuidado",
        "competencies": ["Analizar políticas de cuidado", "Aplicar el marco de las 5R"],
        "printed": [
            "Certificado de finalización",
            "Se certifica que",
            "ha completado el curso",
            "Competencias acreditadas",
            "Número de certificado",
        ],
    },
    "pt": {
        "title": "Trabalho decente e economia do cuidado",
        "competencies": ["Analisar políticas de cuidado", "Aplicar o marco dos 5R"],
        "printed": [
            "Certificado de conclusão",
            "Certifica-se que",
            "concluiu o curso",
            "Competências atestadas",
            "Número do certificado",
            "40 horas de estudo",
        ],
    },
    "fr": {
        "title": "Travail décent et économie du soin",
        "competencies": ["Analyser les politiques de soin", "Appliquer le cadre des 5R"],
        "printed": [
            "Certificat de réussite",
            "Il est certifié que",
            "a suivi avec succès le cours",
            "Compétences attestées",
            "Numéro du certificat",
            "40 heures d’étude",
        ],
    },
}


def _cohort_in(language, site_tree, course):
    if language == "en":
        return CohortFactory(course=course, language="en", title="March 2026")
    Locale.objects.get_or_create(language_code=language)
    translate_page(site_tree.home, language)
    translate_page(site_tree.catalogue, language)
    translated = translate_page(course, language, title=WORDING[language]["title"])
    translated.competencies.all().delete()
    for order, title in enumerate(WORDING[language]["competencies"]):
        CourseCompetency.objects.create(page=translated, title=title, sort_order=order)
    return CohortFactory(course=translated, language=language, title=f"Cohort ({language})")


@pytest.mark.parametrize("language", ["en", "es", "pt", "fr"])
def test_certificate_is_printed_in_the_cohorts_language(site_tree, course, language):
    cohort = _cohort_in(language, site_tree, course)
    person = learner(email=f"{language}@example.org", certificate_name="Conceição Lefèvre")
    certificate, created = issue_certificate(enrolment_id=complete(person, cohort).pk)
    assert created
    assert certificate.language == language

    text = " ".join(pdf_text(stored_pdf(certificate)).split())
    expected = WORDING[language]
    assert expected["title"] in text
    for wording in expected["printed"] + expected["competencies"]:
        assert wording in text, wording
    assert "Conceição Lefèvre" in text
    assert f"/{language}/certificates/verify/" in text
    if language != "en":
        for english in WORDING["en"]["printed"]:
            assert english not in text, english
