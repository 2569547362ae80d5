"""One way to write a date per language: the same day reads the same on a page, in an email, in
the certificate PDF, on the verification page and in a calendar file's description; times name
their zone; CSV exports write ISO 8601 with the offset (aula/dates.py, aula/formats/)."""

import csv
import io
import re
from datetime import UTC, date, datetime, timedelta
from unittest import mock

import pytest
from django.core import mail
from django.utils import formats, translation
from icalendar import Calendar

from aula.dates import format_date, format_datetime, format_span, iso
from learners.certificates.services import issue_certificate, render_pdf
from learners.live.emails import send_session_reminder
from learners.live.models import SentReminder
from learners.models import EnrolmentStatus
from tests.certificates.conftest import pdf_text
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    LiveSessionPageFactory,
    SessionSlotFactory,
    build_course,
    learner,
    translate_page,
)

DAY = date(2030, 12, 17)
# 15:00 in Bogotá (UTC-5) on DAY: a live session that day, 90 minutes.
START = datetime(2030, 12, 17, 20, 0, tzinfo=UTC)
EXPECTED = {
    "en": "17 December 2030",
    "es": "17 de diciembre de 2030",
    "pt": "17 de dezembro de 2030",
    "fr": "17 décembre 2030",
}
# The ways the site wrote this day before: none may be left anywhere.
OTHER_WAYS = re.compile(
    r"17 Dec\b|Dec\. 17|12/17/2030|17/12/2030|2030-12-17(?!T)|\b(?:jue|mar|Tue)\.? 17|17 de Dic\b"
)


@pytest.fixture(autouse=True)
def public_languages(settings):
    settings.AULA_PUBLIC_LANGUAGES = ["en", "es"]


def surfaces(client, site_tree, language: str) -> dict[str, str]:
    """The five surfaces, for a learner reading in ``language`` in a cohort taught in it."""
    course = build_course(site_tree.catalogue, modules=1, slug="care", title="Care work")
    session = LiveSessionPageFactory(parent=course, title="Opening session")
    page = course
    if language != "en":
        translate_page(site_tree.home, language)
        translate_page(site_tree.catalogue, language)
        page = translate_page(course, language, title="Trabajo de cuidados", slug="cuidados")
        translate_page(session, language, title="Sesión de apertura")
    cohort = CohortFactory(
        course=course,
        language=language,
        time_zone="America/Bogota",
        starts_on=DAY,
        ends_on=DAY + timedelta(days=60),
    )
    reader = learner(email="ana@example.org", preferred_language=language)
    reader.profile.time_zone = "America/Bogota"
    reader.profile.save()
    enrolment = EnrolmentFactory(learner=reader, cohort=cohort)
    slot = SessionSlotFactory(session=session, cohort=cohort, starts_at=START)

    found = {"page": client.get(page.url).content.decode()}
    mail.outbox.clear()
    reminder = SentReminder.objects.create(
        slot=slot, enrolment=enrolment, lead_minutes=60, starts_at=slot.starts_at
    )
    assert send_session_reminder(reminder_id=reminder.pk)
    found["email"] = mail.outbox[-1].subject + "\n" + mail.outbox[-1].body
    client.force_login(reader)
    ics = client.get(f"/{language}/learn/sessions/{slot.pk}/calendar.ics").content
    [event] = Calendar.from_ical(ics).walk("VEVENT")
    found["ics"] = str(event["DESCRIPTION"])
    client.logout()

    # Completed on the day of the session: the certificate prints it, the verification shows it.
    enrolment.status = EnrolmentStatus.COMPLETED
    enrolment.completed_at = datetime(2030, 12, 17, 18, 0, tzinfo=UTC)
    enrolment.progress_percent = 100
    enrolment.save()
    certificate, _created = issue_certificate(enrolment_id=enrolment.pk)
    found["pdf"] = " ".join(pdf_text(render_pdf(certificate)).split())
    verify = client.get(f"/{language}/certificates/verify/{certificate.code}/")
    found["verify"] = verify.content.decode()
    return found


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_same_day_reads_the_same_on_five_surfaces(client, site_tree, language):
    found = surfaces(client, site_tree, language)
    for surface, text in found.items():
        assert EXPECTED[language] in text, (surface, language)
        assert not OTHER_WAYS.search(text), (surface, OTHER_WAYS.search(text).group(0))
    # Times are written with the zone named, the same way in the email and the calendar file.
    span = format_span(START, START + timedelta(minutes=90), "America/Bogota", language)
    assert span.startswith(f"{EXPECTED[language]}, 15:00–16:30 (")
    assert span.endswith(", UTC-5)")
    assert span in found["email"] and span in found["ics"]


@pytest.mark.parametrize("language", ["en", "es", "pt", "fr"])
def test_each_language_has_its_one_format(language):
    assert format_date(DAY, language) == EXPECTED[language]
    with translation.override(language):
        # Django's own names for the formats give the same: templates' |date too.
        assert formats.date_format(DAY, "DATE_FORMAT") == EXPECTED[language]
        assert formats.date_format(DAY, "SHORT_DATE_FORMAT") == EXPECTED[language]
    assert format_datetime(START, "America/Bogota", language) == (
        f"{EXPECTED[language]}, 15:00 ({'Bogotá'}, UTC-5)"
    )


def test_a_time_always_names_its_zone():
    assert format_datetime(START, "UTC", "en") == "17 December 2030, 20:00 (UTC)"
    assert format_datetime(START, "Europe/Madrid", "en") == (
        "17 December 2030, 21:00 (Madrid, UTC+1)"
    )


def test_iso_8601_with_the_offset():
    assert iso(START, "America/Bogota") == "2030-12-17T15:00:00-05:00"
    assert iso(START, "UTC") == "2030-12-17T20:00:00+00:00"


def test_tutor_csv_writes_times_in_iso_8601_with_the_offset(client, catalogue):
    from learners.enrolment.models import Enrolment
    from tests.factories import UserFactory

    course = build_course(catalogue, modules=1, slug="csv")
    tutor = UserFactory(email="tutor@example.org")
    cohort = CohortFactory(course=course, time_zone="America/Bogota")
    cohort.tutors.add(tutor)
    enrolment = EnrolmentFactory(learner=learner(email="ana@example.org"), cohort=cohort)
    Enrolment.objects.filter(pk=enrolment.pk).update(last_activity_at=START)
    client.force_login(tutor)
    response = client.get(f"/en/tutor/cohorts/{cohort.pk}/export.csv")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert "2030-12-17T15:00:00-05:00" in rows[1]


def test_a_span_is_formatted_once_per_language_and_zone():
    """The same sessions are listed on every learner's /learn/: their times are formatted once,
    each language and zone on its own."""
    end = START + timedelta(minutes=90)
    with mock.patch.object(formats, "date_format", wraps=formats.date_format) as formatted:
        english = format_span(START, end, "America/Bogota", "en")
        assert format_span(START, end, "America/Bogota", "en") == english
        assert formatted.call_count == 1
        spanish = format_span(START, end, "America/Bogota", "es")
        with translation.override("es"):
            assert format_span(START, end, "America/Bogota") == spanish
        utc = format_span(START, end, "UTC", "en")
    assert spanish.startswith(EXPECTED["es"]) and english.startswith(EXPECTED["en"])
    assert utc.endswith("(UTC)") and english.endswith(", UTC-5)")
