"""Demo live-session schedules: every live session of the dated cohorts' courses scheduled
weekly from the cohort's start, at 10:00 in the cohort's time zone, and the live series' sessions
weekly from its start at 15:00 (its dates span them: learners/demo/cohorts.py). Sessions already
held have their recording and attendance marked by the cohort's tutor (staff for the series)
through the site's own service (``learners.live.mark_attendance``) at their end; sessions to
come have none.

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
    now = timezone.now()
    admin = demo.users["admin"]
    for key, hour in [(key, 10) for key in DATED_COHORTS] + [(SERIES_COHORT, 15)]:
        cohort = demo.cohorts.get(key)
        if cohort is None or cohort.session_slots.exists() or not cohort.starts_on:
            continue
        # The dated cohorts' sessions from the second day; the series' from its first.
        first = cohort.starts_on + timedelta(days=0 if key == SERIES_COHORT else 1)
        held = []
        for n, session in enumerate(_sessions(cohort)):
            starts_at = _at(first + timedelta(weeks=n), hour, cohort.time_zone)
            ends_at = starts_at + timedelta(minutes=session.duration_minutes or 90)
            recording = f"https://video.example.org/aula/{session.slug}" if ends_at < now else ""
            slot = _slot(cohort, session, starts_at, n, recording_url=recording)
            created["session slots"] += 1
            if slot.ends_at < now:
                held.append(slot)
        marker = cohort.tutors.order_by("pk").first() or admin
        created["attendance marks"] += _mark(cohort, held, marker)


def _mark(cohort, slots, marker) -> int:
    """Attendance of the sessions already held, marked at their end."""
    enrolments = list(
        Enrolment.objects.filter(cohort=cohort, status__in=SEAT_STATUSES).order_by("pk")
    )
    marked = 0
    for slot in slots:
        marks = {
            enrolment.pk: PATTERN[(i + slot.sort_order) % len(PATTERN)]
            for i, enrolment in enumerate(enrolments)
        }
        live.mark_attendance(slot=slot, marks=marks, by=marker, now=slot.ends_at)
        marked += len(marks)
    return marked
