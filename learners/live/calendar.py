"""iCalendar (RFC 5545) output of live sessions, built with the icalendar library.

Each slot is one VEVENT with a stable UID (``slot-<pk>@<host>``), SEQUENCE from the slot (it
grows when the start, the duration or the cancellation changes, so calendar applications replace
their copy), STATUS:CANCELLED for cancelled slots, and times in UTC (no VTIMEZONE needed; the
calendar application shows them in its own zone, daylight saving included).

Calendars are often shared with colleagues or shown on a screen, so a course is named by its
public title when it has one (``CoursePage.public_name``). Summaries of sessions of a sensitive
course never name the session, and the course only by its public title; their link goes to the
learner's page (/learn/, which lists the sessions with their join buttons) rather than to an
address that spells out the course.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from aula.links import public_host, public_url
from courses.models import SessionSlot

PRODID = "-//Aula//Live sessions//EN"


def base_url() -> str:
    return public_url("").rstrip("/")


def host() -> str:
    return public_host()


def slot_uid(slot: SessionSlot) -> str:
    return f"slot-{slot.pk}@{host()}"


def summary(slot: SessionSlot, page, course) -> str:
    """What a calendar shows of a session (also the name of a one-session calendar file)."""
    if slot.cohort.course.is_sensitive:
        public_title = (course.public_title or "").strip()
        if public_title:
            return _("Live session · %(course)s") % {"course": public_title}
        return _("Live session (Aula)")
    return f"{page.title} · {course.public_name}"


def slot_event(
    slot: SessionSlot, *, page, course, url: str, stamp: datetime, when: str = ""
) -> Event:
    event = Event()
    event.add("uid", slot_uid(slot))
    event.add("sequence", slot.sequence)
    event.add("dtstamp", stamp)
    event.add("last-modified", slot.updated_at.astimezone(UTC))
    event.add("dtstart", slot.starts_at.astimezone(UTC))
    event.add("dtend", slot.ends_at.astimezone(UTC))
    event.add("summary", summary(slot, page, course))
    description = _("Session page, join link and recording: %(url)s") % {"url": url}
    if when:  # as the site writes times, with the zone named (aula/dates.py)
        description = _("When: %(when)s") % {"when": when} + "\n" + description
    event.add("description", description)
    event.add("url", url)
    event.add("status", "CANCELLED" if slot.is_cancelled else "CONFIRMED")
    event.add("transp", "TRANSPARENT" if slot.is_cancelled else "OPAQUE")
    return event


def build_calendar(
    rows: Iterable, *, name: str, method: str | None = "PUBLISH", request=None
) -> bytes:
    """A VCALENDAR of session rows (objects with ``slot``, ``page`` and ``course``, see
    live_selectors.SessionRow); page URLs are made absolute with WAGTAILADMIN_BASE_URL."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    calendar.add("x-wr-calname", name)
    calendar.add("x-published-ttl", "PT1H")
    stamp = timezone.now().astimezone(UTC)
    root = base_url()
    for row in rows:
        if row.slot.cohort.course.is_sensitive:
            path = reverse("learn_dashboard")
        else:
            path = row.page.get_url(request) or ""
        url = path if path.startswith("http") else root + path
        calendar.add_component(
            slot_event(
                row.slot,
                page=row.page,
                course=row.course,
                url=url,
                stamp=stamp,
                when=getattr(row, "when", ""),
            )
        )
    return calendar.to_ical()
