"""Enrolment, invitation and announcement emails name a course by its public title when it has
one (subjects and texts); a sensitive course's subjects still name nothing."""

import pytest
from django.core import mail

from learners.enrolment.emails import (
    send_announcement_email,
    send_enrolment_email,
    send_invitation_email,
)
from learners.models import Announcement
from tests.factories import CohortFactory, EnrolmentFactory, learner, publish_course, translate_page

pytestmark = pytest.mark.django_db

REAL = "Gender-based violence at work"
PUBLIC = "Professional course on respectful workplaces"
PUBLIC_ES = "Curso profesional sobre entornos laborales respetuosos"


@pytest.fixture
def course(course):
    return publish_course(course, title=REAL, public_title=PUBLIC)


@pytest.fixture
def cohort(course):
    return CohortFactory(course=course, title="March cohort")


def make_sensitive(course):
    publish_course(course, sensitive=True)


def enrolment_of(cohort, **fields):
    return EnrolmentFactory(learner=learner(email="ana@example.org", **fields), cohort=cohort)


def only_message():
    [message] = mail.outbox
    return message


def test_enrolment_email_names_the_public_title(cohort):
    send_enrolment_email(enrolment_id=enrolment_of(cohort).pk, kind="enrolled")
    message = only_message()
    assert message.subject == f"You are enrolled: {PUBLIC}"
    assert f"“{PUBLIC}”" in message.body
    assert REAL not in message.subject + message.body


def test_sensitive_course_subject_names_nothing_and_text_names_the_public_title(course, cohort):
    make_sensitive(course)
    send_enrolment_email(enrolment_id=enrolment_of(cohort).pk, kind="approved")
    message = only_message()
    assert message.subject == "An update about your course"
    assert f"“{PUBLIC}”" in message.body
    assert REAL not in message.body


def test_spanish_cohort_gets_the_spanish_public_title(site_tree, course, cohort):
    translate_page(site_tree.home, "es")
    translate_page(site_tree.catalogue, "es")
    translate_page(course, "es", title="Violencia de género en el trabajo", public_title=PUBLIC_ES)
    cohort.language = "es"  # the course is named in the cohort's language
    cohort.save()
    send_enrolment_email(
        enrolment_id=enrolment_of(cohort, preferred_language="es").pk, kind="waitlisted"
    )
    message = only_message()
    assert PUBLIC_ES in message.subject and f"«{PUBLIC_ES}»" in message.body
    assert "Violencia de género" not in message.subject + message.body


def test_invitation_names_the_public_title(cohort):
    enrolment = enrolment_of(cohort)
    enrolment.learner.set_unusable_password()
    enrolment.learner.save()
    assert send_invitation_email(enrolment_id=enrolment.pk) is True
    message = only_message()
    assert message.subject == f"You are invited to {PUBLIC}: set your password"
    assert f"“{PUBLIC}”" in message.body
    assert REAL not in message.subject + message.body


def test_announcement_names_the_public_title(course, cohort):
    make_sensitive(course)
    enrolment = enrolment_of(cohort)
    announcement = Announcement.objects.create(
        cohort=cohort, subject="Week two", body="<p>The next module is open.</p>"
    )
    assert send_announcement_email(announcement_id=announcement.pk, enrolment_id=enrolment.pk)
    message = only_message()
    assert message.subject == "An update about your course"
    assert f"“{PUBLIC}”" in message.body
    assert REAL not in message.body
