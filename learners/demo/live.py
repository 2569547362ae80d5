"""Demo live-session schedules: every live session of the dated cohorts' courses scheduled
weekly from the cohort's start, at 10:00 in the cohort's time zone; the webinar series (which
began in 2025) has sessions in the past, with recordings and attendance marked by staff
through the site's own service (``learners.live.mark_attendance``), and sessions to come.

A cohort that already has scheduled sessions is left as it is: a second run changes nothing.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from courses.models import LiveSessionPage, SessionSlot
from learners.live import services as live
from learners.models import SEAT_STATUSES, Enrolment

# Cohorts (content_people.COHORTS keys) whose course has live sessions.
DATED_COHORTS = ("care-es", "care-en", "gbv-es", "gbv-en")
SERIES_COHORT = "webinars"
# In the series, this many sessions lie in the past (weekly, the last one a week ago); the
# others come weekly from next week.
SERIES_PAST = 2
# Attendance pattern of past sessions, by learner position: mostly present, a few not.
PATTERN = ("present", "present", "present", "absent", "present", "excused")


def _at(day: date, hour: int, zone_name: str) -> datetime:
    return datetime.combine(day, time(hour, 0), tzinfo=ZoneInfo(zone_name))


def _sessions(cohort):
    return list(LiveSessionPage.objects.child_of(cohort.course).live().order_by("path"))


def _slot(cohort, session, starts_at, n, **fields):
    slot = SessionSlot(
        cohort=cohort,
        session=session,
        sort_order=n,
        starts_at=starts_at,
        duration_minutes=session.duration_minutes or 90,
        join_url=f"https://meet.example.org/aula-{cohort.pk}-{n + 1}",
        **fields,
    )
    slot.full_clean()
    slot.save()
    return slot


def ensure_live(demo) -> None:
    created = demo.created
    today = timezone.localdate()
    for key in DATED_COHORTS:
        cohort = demo.cohorts.get(key)
        if cohort is None or cohort.session_slots.exists() or not cohort.starts_on:
            continue
        for n, session in enumerate(_sessions(cohort)):
            day = cohort.starts_on + timedelta(weeks=n, days=1)  # weekly, from the second day
            _slot(cohort, session, _at(day, 10, cohort.time_zone), n)
            created["session slots"] += 1

    cohort = demo.cohorts.get(SERIES_COHORT)
    if cohort is None or cohort.session_slots.exists():
        return
    marker = demo.users["admin"]  # the series has no tutor; staff mark its attendance
    past = []
    for n, session in enumerate(_sessions(cohort)):
        in_past = n < SERIES_PAST
        # Weekly: the past ones ending a week ago, the others from next week on.
        weeks = n - SERIES_PAST if in_past else n - SERIES_PAST + 1
        starts_at = _at(today + timedelta(weeks=weeks), 15, cohort.time_zone)
        slot = _slot(
            cohort,
            session,
            starts_at,
            n,
            recording_url=(f"https://video.example.org/aula/{session.slug}" if in_past else ""),
        )
        created["session slots"] += 1
        if in_past:
            past.append(slot)
    enrolments = list(
        Enrolment.objects.filter(cohort=cohort, status__in=SEAT_STATUSES).order_by("pk")
    )
    for slot in past:
        marks = {
            enrolment.pk: PATTERN[(i + slot.sort_order) % len(PATTERN)]
            for i, enrolment in enumerate(enrolments)
        }
        live.mark_attendance(slot=slot, marks=marks, by=marker, now=slot.ends_at)
        created["attendance marks"] += len(marks)
