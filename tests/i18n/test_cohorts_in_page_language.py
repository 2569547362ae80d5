"""Cohorts in the page's language first: a course page lists the cohorts taught in its language,
then the others labelled with their language; emails name the course as the learner's cohort is
taught it (its live translation in the cohort's language, else the original), in the learner's
language, or the cohort's where the site does not offer theirs."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone, translation
from django.utils.translation import gettext

from learners.certificates.emails import send_certificate_email
from learners.certificates.services import issue_certificate
from learners.enrolment.emails import send_enrolment_email
from learners.live import services as live
from learners.live.emails import send_session_reminder
from learners.models import EnrolmentStatus, SentReminder
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    LiveSessionPageFactory,
    SessionSlotFactory,
    build_course,
    learner,
    translate_page,
)

TITLE_EN = "Care work"
TITLE_ES = "Trabajo de cuidados"


@pytest.fixture(autouse=True)
def public_languages(settings):
    settings.AULA_PUBLIC_LANGUAGES = ["en", "es"]


@pytest.fixture
def course(site_tree):
    translate_page(site_tree.home, "es", title="Inicio")
    translate_page(site_tree.catalogue, "es", title="Cursos")
    return build_course(site_tree.catalogue, modules=1, slug="care", title=TITLE_EN)


@pytest.fixture
def spanish(course):
    return translate_page(course, "es", title=TITLE_ES, slug="cuidados")


@pytest.fixture
def cohorts(course):
    return {
        "en-late": CohortFactory(
            course=course, title="English, May", language="en", starts_on=date(2027, 5, 3)
        ),
        "es": CohortFactory(
            course=course, title="Español, junio", language="es", starts_on=date(2027, 6, 7)
        ),
        "en-early": CohortFactory(
            course=course, title="English, March", language="en", starts_on=date(2027, 3, 1)
        ),
    }


def order_of(html: str, titles) -> list[str]:
    return sorted(titles, key=html.index)


def test_spanish_page_lists_spanish_cohorts_first_then_others_labelled(client, spanish, cohorts):
    html = client.get(spanish.url).content.decode()
    assert order_of(html, ["Español, junio", "English, March", "English, May"]) == [
        "Español, junio",
        "English, March",
        "English, May",
    ]
    others = html.split("Español, junio", 1)[1]
    with translation.override("es"):
        heading = gettext("Cohorts in other languages")
    assert heading in others
    assert others.index(heading) < others.index("English, March")
    # The other language is named in itself, marked up as that language.
    assert '<dd lang="en">English</dd>' in others


def test_english_page_lists_english_cohorts_first(client, course, spanish, cohorts):
    html = client.get(course.url).content.decode()
    assert order_of(html, ["Español, junio", "English, March", "English, May"]) == [
        "English, March",
        "English, May",
        "Español, junio",
    ]
    assert '<dd lang="es">Español</dd>' in html


def test_page_with_only_other_language_cohorts_says_which(client, spanish, cohorts):
    cohorts["es"].delete()
    html = client.get(spanish.url).content.decode()
    assert "English, March" in html
    assert '<dd lang="en">English</dd>' in html


# --- emails -------------------------------------------------------------------------------------


def test_enrolment_email_names_the_course_in_the_cohorts_language(course, spanish, cohorts):
    english_reader = learner(email="ana@example.org", preferred_language="en")
    enrolment = EnrolmentFactory(learner=english_reader, cohort=cohorts["es"])
    send_enrolment_email(enrolment_id=enrolment.pk, kind="enrolled")
    [message] = mail.outbox
    assert message.subject == f"You are enrolled: {TITLE_ES}"  # English words, Spanish course
    assert spanish.url in message.body


def test_english_cohort_of_a_spanish_reader_names_the_english_course(course, spanish, cohorts):
    spanish_reader = learner(email="eva@example.org", preferred_language="es")
    enrolment = EnrolmentFactory(learner=spanish_reader, cohort=cohorts["en-early"])
    send_enrolment_email(enrolment_id=enrolment.pk, kind="enrolled")
    [message] = mail.outbox
    assert TITLE_EN in message.subject and TITLE_ES not in message.subject
    with translation.override("es"):
        assert message.subject == gettext("You are enrolled: %(course)s") % {"course": TITLE_EN}


def test_unpublished_translation_leaves_the_original_title(course, spanish, cohorts):
    spanish.unpublish()
    enrolment = EnrolmentFactory(learner=learner(email="ana@example.org"), cohort=cohorts["es"])
    send_enrolment_email(enrolment_id=enrolment.pk, kind="enrolled")
    [message] = mail.outbox
    assert message.subject == f"You are enrolled: {TITLE_EN}"


def test_profile_language_the_site_does_not_offer_falls_back_to_the_cohorts(
    course, spanish, cohorts
):
    reader = learner(email="jo@example.org", preferred_language="de")
    enrolment = EnrolmentFactory(learner=reader, cohort=cohorts["es"])
    send_enrolment_email(enrolment_id=enrolment.pk, kind="enrolled")
    [message] = mail.outbox
    with translation.override("es"):
        assert message.subject == gettext("You are enrolled: %(course)s") % {"course": TITLE_ES}
    assert "/es/learn/" in message.body


def test_certificate_email_names_the_course_in_the_cohorts_language(course, spanish, cohorts):
    english_reader = learner(email="ana@example.org", preferred_language="en")
    enrolment = EnrolmentFactory(
        learner=english_reader, cohort=cohorts["es"], status=EnrolmentStatus.COMPLETED
    )
    certificate, _created = issue_certificate(enrolment_id=enrolment.pk)
    mail.outbox.clear()
    assert send_certificate_email(certificate_id=certificate.pk)
    [message] = mail.outbox
    assert message.subject == f"Your certificate: {TITLE_ES}"


def test_reminder_names_session_and_course_in_the_cohorts_language(course, spanish, cohorts):
    session = LiveSessionPageFactory(parent=course, title="Opening session")
    translate_page(session, "es", title="Sesión de apertura")
    english_reader = learner(email="ana@example.org", preferred_language="en")
    enrolment = EnrolmentFactory(learner=english_reader, cohort=cohorts["es"])
    slot = SessionSlotFactory(
        session=session, cohort=cohorts["es"], starts_at=timezone.now() + timedelta(hours=2)
    )
    live._SESSION_INFO.clear()
    reminder = SentReminder.objects.create(
        slot=slot, enrolment=enrolment, lead_minutes=60, starts_at=slot.starts_at
    )
    assert send_session_reminder(reminder_id=reminder.pk)
    [message] = mail.outbox
    assert message.subject.startswith("Reminder: Sesión de apertura, ")
    assert TITLE_ES in message.body
