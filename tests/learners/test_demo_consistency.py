"""The demo tells no contradiction (seed_demo, read through the shared ``demo`` fixture): its
dates are relative to the day it runs; completions and certificates only in cohorts that have
ended or have no dates; no work before a cohort starts or before the learner enrolled; no
attendance for a session not yet held; every cohort's dates contain its sessions."""

from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from courses.models import Cohort, SessionSlot
from learners.models import (
    Attendance,
    Certificate,
    Enrolment,
    EnrolmentStatus,
    ModuleProgress,
    QuizAttempt,
    Reflection,
)

pytestmark = pytest.mark.django_db


def cohort_start(cohort) -> datetime:
    return datetime.combine(cohort.starts_on, time.min, tzinfo=ZoneInfo(cohort.time_zone))


def has_ended(cohort, today) -> bool:
    return cohort.ends_on is not None and cohort.ends_on < today


def test_the_demo_has_cohorts_under_way_ended_to_come_and_without_dates(demo):
    today = timezone.localdate()
    cohorts = list(Cohort.objects.all())
    assert any(c.starts_on and c.starts_on <= today <= c.ends_on for c in cohorts)
    assert any(has_ended(c, today) for c in cohorts)
    assert any(c.starts_on and c.starts_on > today for c in cohorts)
    assert any(c.starts_on is None for c in cohorts)


def test_completions_and_certificates_only_where_a_cohort_has_ended_or_has_no_dates(demo):
    today = timezone.localdate()
    completed = Enrolment.objects.filter(status=EnrolmentStatus.COMPLETED).select_related("cohort")
    assert completed.exists()
    for enrolment in completed:
        cohort = enrolment.cohort
        assert cohort.starts_on is None or has_ended(cohort, today), cohort
        assert enrolment.completed_at <= timezone.now()
        if cohort.starts_on:
            assert enrolment.completed_at >= cohort_start(cohort), enrolment
    certificates = Certificate.objects.select_related("enrolment__cohort")
    assert certificates.exists()
    for certificate in certificates:
        cohort = certificate.enrolment.cohort
        assert cohort.starts_on is None or has_ended(cohort, today), cohort
        if cohort.starts_on:
            assert certificate.issued_at >= cohort_start(cohort)
            assert cohort.starts_on <= certificate.completed_on <= cohort.ends_on


def test_no_work_before_the_cohort_starts_or_the_learner_enrolled_and_none_in_the_future(demo):
    now = timezone.now()
    rows = [
        (row.enrolment, row.completed_at)
        for row in ModuleProgress.objects.select_related("enrolment__cohort")
    ]
    rows += [
        (row.enrolment, row.created_at)
        for row in QuizAttempt.objects.select_related("enrolment__cohort")
    ]
    rows += [
        (row.enrolment, row.updated_at)
        for row in Reflection.objects.select_related("enrolment__cohort")
    ]
    assert rows
    for enrolment, when in rows:
        assert enrolment.created_at <= when <= now, (enrolment, when)
        if enrolment.cohort.starts_on:
            assert when >= cohort_start(enrolment.cohort), (enrolment, when)
    for enrolment in Enrolment.objects.exclude(last_activity_at=None).select_related("cohort"):
        assert enrolment.created_at <= enrolment.last_activity_at <= now
        if enrolment.cohort.starts_on:
            assert enrolment.last_activity_at >= cohort_start(enrolment.cohort)


def test_no_attendance_for_a_session_not_yet_held(demo):
    now = timezone.now()
    rows = list(Attendance.objects.select_related("slot"))
    assert rows
    for row in rows:
        assert row.slot.starts_at <= now, row.slot
        assert row.marked_at is None or row.slot.starts_at <= row.marked_at <= now
        assert row.joined_at is None or row.joined_at <= now
    # Sessions to come have no recording yet.
    assert not SessionSlot.objects.filter(starts_at__gt=now).exclude(recording_url="").exists()


def test_every_cohorts_dates_contain_its_sessions(demo):
    slots = list(SessionSlot.objects.select_related("cohort"))
    assert slots
    for slot in slots:
        cohort = slot.cohort
        day = slot.starts_at.astimezone(ZoneInfo(cohort.time_zone)).date()
        assert cohort.starts_on is not None, cohort
        assert cohort.starts_on <= day <= cohort.ends_on, (cohort, day)


def test_enrolments_happen_while_enrolment_is_open(demo):
    for enrolment in Enrolment.objects.select_related("cohort"):
        cohort = enrolment.cohort
        assert enrolment.created_at <= timezone.now()
        if cohort.enrolment_opens_at:
            assert enrolment.created_at >= cohort.enrolment_opens_at
        if cohort.enrolment_closes_at:
            assert enrolment.created_at < cohort.enrolment_closes_at


def test_nobody_has_worked_in_a_cohort_still_to_start(demo):
    today = timezone.localdate()
    for enrolment in Enrolment.objects.filter(cohort__starts_on__gt=today):
        assert enrolment.last_activity_at is None
        assert enrolment.progress_percent == 0 and enrolment.sessions_attended == 0
