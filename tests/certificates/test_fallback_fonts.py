"""A name with characters outside the main font renders: CJK through the fallback font;
characters no font has (emoji) are left out; nothing crashes the task."""

import pytest

from learners.certificates.pdf import printable
from learners.certificates.services import issue_certificate
from learners.models import Certificate
from tests.factories import learner

from .conftest import complete, pdf_text, stored_pdf


@pytest.mark.django_db
def test_cjk_name_renders_with_the_fallback_font(cohort):
    user = learner(email="wang@example.org", certificate_name="王小明 (Wang Xiaoming)")
    certificate, _created = issue_certificate(enrolment_id=complete(user, cohort).pk)
    text = pdf_text(stored_pdf(certificate))
    assert "王小明" in text and "Wang Xiaoming" in text
    assert certificate.learner_name == "王小明 (Wang Xiaoming)"  # the row keeps it as typed


@pytest.mark.django_db
def test_korean_name_renders_with_the_hangul_fallback_font(cohort):
    user = learner(email="kim@example.org", certificate_name="김민지 (Kim Min-ji)")
    certificate, _created = issue_certificate(enrolment_id=complete(user, cohort).pk)
    text = pdf_text(stored_pdf(certificate))
    assert "김민지" in text and "Kim Min-ji" in text


@pytest.mark.django_db
def test_emoji_and_invisible_characters_never_crash_the_certificate(
    cohort, django_capture_on_commit_callbacks
):
    from learners.certificates.tasks import issue_certificate as issue_task

    user = learner(email="ana@example.org", certificate_name="Ana 👩🏽‍⚕️ Pérez\u202e 🎓")
    with django_capture_on_commit_callbacks(execute=True):
        certificate_id = issue_task.delay(complete(user, cohort).pk).get()
    certificate = Certificate.objects.get(pk=certificate_id)
    assert "Ana Pérez" in pdf_text(stored_pdf(certificate))


def test_printable_composes_accents_and_drops_what_no_font_has():
    assert printable("Jose\u0301") == ("José", False)
    assert printable("Zoë 😀 Ångström") == ("Zoë Ångström", False)
    assert printable("山田花子") == ("山田花子", True)
    assert printable("김민지") == ("김민지", True)
