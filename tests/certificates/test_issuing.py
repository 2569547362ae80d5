"""Issuing: one certificate per completed enrolment however often completion is signalled or
the task retried; the learner is emailed once, in their language."""

from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.db import IntegrityError

from learners.certificates import services as certificates
from learners.certificates.numbers import normalise_number
from learners.certificates.services import NotCompleted, issue_certificate
from learners.certificates.tasks import issue_certificate as issue_task
from learners.models import Certificate, EnrolmentStatus
from tests.factories import EnrolmentFactory, learner

from .conftest import complete


@pytest.mark.django_db
def test_second_completion_signal_does_not_issue_second_certificate(
    completed, django_capture_on_commit_callbacks
):
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            certificates.issue_after_commit(enrolment_id=completed.pk)
    assert Certificate.objects.filter(enrolment=completed).count() == 1
    certificate = Certificate.objects.get(enrolment=completed)
    assert certificate.pdf and certificate.pdf.storage.exists(certificate.pdf.name)


@pytest.mark.django_db
def test_retried_task_returns_the_same_certificate(completed, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = issue_task.delay(completed.pk).get()
        second = issue_task.delay(completed.pk).get()
    assert first == second
    assert Certificate.objects.filter(enrolment=completed).count() == 1


@pytest.mark.django_db
def test_learner_is_emailed_once_in_their_language(completed, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        issue_task.delay(completed.pk)
        issue_task.delay(completed.pk)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    certificate = Certificate.objects.get(enrolment=completed)
    assert message.to == ["camila@example.org"]
    assert certificate.number in message.body
    assert certificate.code in message.body  # the verification link
    assert "/es/learn/" in message.body  # Camila prefers Spanish


@pytest.mark.django_db
def test_sensitive_course_email_subject_does_not_name_the_course(
    course, completed, django_capture_on_commit_callbacks
):
    course.is_sensitive = True
    course.content_note = "<p>This course discusses violence.</p>"
    course.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        issue_task.delay(completed.pk)
    [message] = mail.outbox
    assert course.title not in message.subject


@pytest.mark.django_db
def test_a_lost_race_for_the_insert_returns_the_winners_certificate(completed, monkeypatch):
    winner, _created = issue_certificate(enrolment_id=completed.pk)
    real = certificates.current_certificate
    calls = {"n": 0}

    def first_sees_nothing(enrolment_id):
        # The first look finds nothing (the other worker had not committed yet), so this call
        # inserts and hits the partial unique constraint.
        calls["n"] += 1
        return None if calls["n"] == 1 else real(enrolment_id)

    monkeypatch.setattr(certificates, "current_certificate", first_sees_nothing)
    certificate, created = issue_certificate(enrolment_id=completed.pk)
    assert not created and certificate.pk == winner.pk
    assert Certificate.objects.filter(enrolment=completed).count() == 1


@pytest.mark.django_db
def test_database_refuses_a_second_current_certificate(completed):
    first, _created = issue_certificate(enrolment_id=completed.pk)
    duplicate = certificates._new_certificate(completed)
    with pytest.raises(IntegrityError):
        duplicate.save()
    assert first.pk


@pytest.mark.django_db
def test_enrolment_not_completed_gets_no_certificate(camila, cohort):
    enrolment = EnrolmentFactory(learner=camila, cohort=cohort, status=EnrolmentStatus.ACTIVE)
    with pytest.raises(NotCompleted):
        issue_certificate(enrolment_id=enrolment.pk)
    assert issue_task.delay(enrolment.pk).get() is None
    assert not Certificate.objects.exists()


@pytest.mark.django_db
def test_certificate_keeps_what_it_attested_when_records_change(camila, cohort, completed):
    certificate, _created = issue_certificate(enrolment_id=completed.pk)
    camila.profile.certificate_name = "Camila N. Peña"
    camila.profile.save()
    certificate.refresh_from_db()
    assert certificate.learner_name == "Camila Núñez Peña"
    assert certificate.hours == 40
    # The date of completion where the cohort is (not in UTC: after midnight UTC they differ).
    zone = ZoneInfo(cohort.time_zone)
    assert certificate.completed_on == completed.completed_at.astimezone(zone).date()


@pytest.mark.django_db
def test_name_falls_back_to_full_name_then_email(cohort):
    nameless = learner(email="nameless@example.org", first_name="", last_name="")
    nameless.profile.certificate_name = ""
    nameless.profile.save()
    certificate, _created = issue_certificate(enrolment_id=complete(nameless, cohort).pk)
    assert certificate.learner_name == "nameless@example.org"


def test_certificate_numbers_are_short_unambiguous_and_normalised():
    number = certificates.new_certificate_number()
    assert len(number) == len("AULA-7K3M-9QXD")
    assert not set(number.replace("AULA-", "").replace("-", "")) & set("01OILUV")
    assert normalise_number(" aula 7k3m 9qxd ") == "AULA-7K3M-9QXD"
    assert normalise_number("7K3M9QXD") == "AULA-7K3M-9QXD"


@pytest.mark.django_db
def test_codes_carry_at_least_128_random_bits(completed):
    certificate, _created = issue_certificate(enrolment_id=completed.pk)
    assert len(certificate.code) >= 22  # token_urlsafe(16): 16 random bytes
