"""Live sessions for learners: the join window, joining, attendance, reminders (local times
are ``times.py``).

- The join link opens ``JOIN_OPENS_MINUTES`` before the start and closes at the end; following
  it through Aula records ``Attendance.joined_at`` once.
- Tutors mark attendance for a slot in one transaction; the enrolments whose mark changed are
  handed to ``learners.progress.services.refresh_progress`` (it counts "present" rows and
  applies the course's completion rule).
- Reminders: ``schedule_reminders`` (run by Celery beat) finds, for each lead time in
  ``settings.AULA_REMINDER_LEAD_MINUTES``, the slots starting within it and inserts one
  ``SentReminder`` row per active learner. The row's unique constraint (slot, enrolment, lead,
  announced start) is what makes a reminder go out once, even when two scans run at the same
  time: only the scan whose insert succeeded queues the email task.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from courses.models import SessionSlot
from home import cache as page_cache
from learners.accounts.page_state import learner_tag
from learners.enrolment.models import SEAT_STATUSES, Enrolment, EnrolmentStatus
from learners.progress.models import Attendance, AttendanceStatus
from learners.progress.services import refresh_progress

from . import tasks
from .models import CalendarFeed, SentReminder, new_feed_token

JOIN_OPENS_MINUTES = 15
# The longest a slot may last (SessionSlot.duration_minutes): a slot that started this long
# ago has ended.
MAX_SLOT_MINUTES = 24 * 60


class LiveSessionError(Exception):
    message = _("This is not possible for this session.")

    def __init__(self, message=None):
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class NotEnrolledInCohort(LiveSessionError):
    message = _("Only learners enrolled in this cohort can join its sessions.")


class JoinWindowClosed(LiveSessionError):
    message = _("The join link opens 15 minutes before the session starts and closes when it ends.")


class NoJoinLink(LiveSessionError):
    message = _("The course team has not published the join link for this session yet.")


class InvalidAttendance(LiveSessionError):
    message = _("Attendance can only be marked for learners of this cohort.")


class SessionNotStarted(LiveSessionError):
    message = _("This session has not started yet: attendance can be marked once it has begun.")


# --- the join window ------------------------------------------------------------------------


@dataclass(frozen=True)
class SlotState:
    """Where a slot stands at a moment, for the viewer's links."""

    upcoming: bool  # not yet started
    join_open: bool  # within the join window
    ended: bool

    @classmethod
    def of(cls, slot: SessionSlot, now: datetime | None = None) -> SlotState:
        now = now or timezone.now()
        opens = slot.starts_at - timedelta(minutes=JOIN_OPENS_MINUTES)
        return cls(
            upcoming=now < slot.starts_at,
            join_open=(not slot.is_cancelled) and opens <= now < slot.ends_at,
            ended=now >= slot.ends_at,
        )

    @staticmethod
    def changes_after(slot: SessionSlot, now: datetime):
        """The first moment after ``now`` at which the slot's state changes (its join window
        opens, it starts, it ends), or None."""
        opens = slot.starts_at - timedelta(minutes=JOIN_OPENS_MINUTES)
        return min((m for m in (opens, slot.starts_at, slot.ends_at) if m > now), default=None)


def seat_enrolment(*, user, slot: SessionSlot) -> Enrolment | None:
    """The user's enrolment holding a seat in the slot's cohort, if any."""
    if not user.is_authenticated:
        return None
    return Enrolment.objects.filter(
        learner=user, cohort_id=slot.cohort_id, status__in=SEAT_STATUSES
    ).first()


def record_join(*, user, slot: SessionSlot, now: datetime | None = None) -> str:
    """Record that the learner joined (once: the first time is kept) and return the address
    to send them to. Raises ``LiveSessionError`` outside the window or when not enrolled."""
    now = now or timezone.now()
    enrolment = seat_enrolment(user=user, slot=slot)
    if enrolment is None:
        raise NotEnrolledInCohort
    if not SlotState.of(slot, now).join_open:
        raise JoinWindowClosed
    if not slot.join_url:
        raise NoJoinLink
    with transaction.atomic():
        attendance, created = Attendance.objects.get_or_create(
            enrolment=enrolment, slot=slot, defaults={"joined_at": now}
        )
        if not created and attendance.joined_at is None:
            Attendance.objects.filter(pk=attendance.pk, joined_at__isnull=True).update(
                joined_at=now
            )
    return slot.join_url


# --- attendance -----------------------------------------------------------------------------


def attendance_roster(slot: SessionSlot) -> list[Enrolment]:
    """The slot cohort's active and completed learners, each with ``attendance`` (or None),
    ordered by name (2 queries)."""
    enrolments = list(
        Enrolment.objects.filter(cohort_id=slot.cohort_id, status__in=SEAT_STATUSES)
        .select_related("learner__profile")
        .order_by("learner__last_name", "learner__first_name", "learner__email")
    )
    rows = {a.enrolment_id: a for a in Attendance.objects.filter(slot=slot)}
    for enrolment in enrolments:
        enrolment.slot_attendance = rows.get(enrolment.pk)
    return enrolments


def mark_attendance(
    *, slot: SessionSlot, marks: dict[int, str], by, now: datetime | None = None
) -> list[int]:
    """Write the tutor's marks for the slot (enrolment id → status; "" leaves a learner
    unmarked) in one transaction and refresh the progress of the enrolments whose mark
    changed. Returns those enrolment ids. A session that has not started yet is refused."""
    now = now or timezone.now()
    if SlotState.of(slot, now).upcoming:
        raise SessionNotStarted
    valid = set(AttendanceStatus.values) | {""}
    if any(status not in valid for status in marks.values()):
        raise InvalidAttendance
    with transaction.atomic():
        allowed = set(
            Enrolment.objects.filter(
                cohort_id=slot.cohort_id, status__in=SEAT_STATUSES, pk__in=list(marks)
            ).values_list("pk", flat=True)
        )
        if set(marks) - allowed:
            raise InvalidAttendance
        existing = {
            a.enrolment_id: a
            for a in Attendance.objects.select_for_update().filter(
                slot=slot, enrolment_id__in=allowed
            )
        }
        to_create, to_update, changed = [], [], []
        for enrolment_id, status in marks.items():
            row = existing.get(enrolment_id)
            if row is None:
                if not status:
                    continue
                to_create.append(
                    Attendance(
                        enrolment_id=enrolment_id,
                        slot=slot,
                        status=status,
                        marked_by=by,
                        marked_at=now,
                    )
                )
            elif row.status != status:
                row.status, row.marked_by, row.marked_at = status, by, now
                to_update.append(row)
            else:
                continue
            changed.append(enrolment_id)
        # ignore_conflicts: a learner joining at this very moment may insert their row first;
        # the tutor's mark is then written over it by the update that follows.
        Attendance.objects.bulk_create(to_create, ignore_conflicts=True)
        for status in {row.status for row in to_create}:
            ids = [row.enrolment_id for row in to_create if row.status == status]
            Attendance.objects.filter(slot=slot, enrolment_id__in=ids).exclude(
                status=status
            ).update(status=status, marked_by=by, marked_at=now)
        Attendance.objects.bulk_update(to_update, ["status", "marked_by", "marked_at"])
        if changed:
            refresh_progress(changed, now=now)
    return changed


# --- reminders ------------------------------------------------------------------------------


def lead_windows() -> list[tuple[int, int]]:
    """(lead, next shorter lead) for each configured lead, longest first: a slot is reminded
    for lead L when it starts in (shorter, L] minutes, so a slot scheduled 30 minutes ahead gets
    only the 1-hour reminder, not the 24-hour one too."""
    leads = sorted({int(m) for m in settings.AULA_REMINDER_LEAD_MINUTES if int(m) > 0})
    return [(lead, leads[i - 1] if i else 0) for i, lead in reversed(list(enumerate(leads)))]


def due_reminders(now: datetime | None = None) -> list[SentReminder]:
    """Unsaved SentReminder rows for every reminder due now and not yet recorded."""
    now = now or timezone.now()
    due: list[SentReminder] = []
    for lead, shorter in lead_windows():
        slots = list(
            SessionSlot.objects.filter(
                is_cancelled=False,
                starts_at__gt=now + timedelta(minutes=shorter),
                starts_at__lte=now + timedelta(minutes=lead),
            ).only("pk", "cohort_id", "starts_at")
        )
        if not slots:
            continue
        by_cohort: dict[int, list[int]] = {}
        for enrolment_id, cohort_id in Enrolment.objects.filter(
            cohort_id__in={slot.cohort_id for slot in slots}, status=EnrolmentStatus.ACTIVE
        ).values_list("pk", "cohort_id"):
            by_cohort.setdefault(cohort_id, []).append(enrolment_id)
        recorded = set(
            SentReminder.objects.filter(slot__in=slots, lead_minutes=lead).values_list(
                "slot_id", "enrolment_id", "starts_at"
            )
        )
        for slot in slots:
            for enrolment_id in by_cohort.get(slot.cohort_id, ()):
                if (slot.pk, enrolment_id, slot.starts_at) in recorded:
                    continue
                due.append(
                    SentReminder(
                        slot_id=slot.pk,
                        enrolment_id=enrolment_id,
                        lead_minutes=lead,
                        starts_at=slot.starts_at,
                    )
                )
    return due


def _insert_postgresql(rows: list[SentReminder], now: datetime) -> list[int]:
    table = SentReminder._meta.db_table
    inserted: list[int] = []
    for start in range(0, len(rows), 1000):
        batch = rows[start : start + 1000]
        values = ", ".join(["(%s, %s, %s, %s, %s)"] * len(batch))
        params: list = []
        for row in batch:
            params += [row.slot_id, row.enrolment_id, row.lead_minutes, row.starts_at, now]
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} "  # noqa: S608 (table name from the model, values bound)
                "(slot_id, enrolment_id, lead_minutes, starts_at, created_at) "
                f"VALUES {values} ON CONFLICT DO NOTHING RETURNING id",
                params,
            )
            inserted += [pk for (pk,) in cursor.fetchall()]
    return inserted


def _insert_portable(rows: list[SentReminder], now: datetime) -> list[int]:
    inserted = []
    for row in rows:
        row.created_at = now
        try:
            with transaction.atomic():  # a savepoint: a duplicate undoes only this row
                row.save(force_insert=True)
        except IntegrityError:
            continue
        inserted.append(row.pk)
    return inserted


def schedule_reminders(now: datetime | None = None) -> list[int]:
    """Record every due reminder and queue one email task per row this call inserted (after
    the commit). Rows another scan inserted first are skipped by the unique constraint.
    Returns the ids of the inserted reminders."""
    now = now or timezone.now()
    rows = due_reminders(now)
    if not rows:
        return []
    with transaction.atomic():
        if connection.vendor == "postgresql":
            inserted = _insert_postgresql(rows, now)
        else:
            inserted = _insert_portable(rows, now)

        def queue():
            # One broker connection for the whole batch (thousands at the top of the hour).
            with tasks.send_session_reminder.app.producer_or_acquire() as producer:
                for reminder_id in inserted:
                    tasks.send_session_reminder.apply_async((reminder_id,), producer=producer)

        transaction.on_commit(queue)
    return inserted


@dataclass(frozen=True)
class SessionInfo:
    """What a reminder says about its session, in one language."""

    session_title: str
    course_title: str
    path: str  # the session page's URL path
    sensitive: bool
    cohort_zone: str


# Per worker process: thousands of reminders of one slot go out at once, and each would
# otherwise look up the same pages. Keyed by the slot's ``updated_at`` (an edit of the slot is
# seen at once); page titles edited meanwhile are seen within INFO_SECONDS.
_SESSION_INFO: dict[tuple, tuple[float, SessionInfo]] = {}
INFO_SECONDS = 60.0


def _public_course_name(localized_page, course) -> str:
    """``CoursePage.public_name`` of the course in the learner's language (``localized_page`` is
    a base Page, or None where the course is not translated)."""
    page = localized_page.specific if localized_page is not None else course
    return page.public_name


def reminder_session_info(slot: SessionSlot, language: str) -> SessionInfo:
    key = (slot.pk, slot.updated_at, language)
    clock = time.monotonic()
    cached = _SESSION_INFO.get(key)
    if cached and clock - cached[0] < INFO_SECONDS:
        return cached[1]
    full = SessionSlot.objects.select_related("cohort__course", "session").get(pk=slot.pk)
    course = full.cohort.course
    keys = (full.session.translation_key, course.translation_key)
    # The session and its course in the learner's language where translated (the base Page
    # has the title and the URL).
    localized = {
        page.translation_key: page
        for page in Page.objects.live().filter(
            translation_key__in=keys, locale__language_code=language
        )
    }
    session_page = localized.get(keys[0], full.session)
    info = SessionInfo(
        session_title=session_page.title,
        # Named as where others may see it: the public title when the course has one.
        course_title=_public_course_name(localized.get(keys[1]), course),
        path=session_page.get_url() or "",
        sensitive=course.is_sensitive,
        cohort_zone=full.cohort.time_zone,
    )
    if len(_SESSION_INFO) > 1000:
        _SESSION_INFO.clear()
    _SESSION_INFO[key] = (clock, info)
    return info


def claim_reminder(reminder_id: int, now: datetime | None = None) -> bool:
    """Mark the reminder as sent; True for the one caller that changed it (a retried or
    redelivered task finds it claimed and sends nothing)."""
    now = now or timezone.now()
    return bool(
        SentReminder.objects.filter(pk=reminder_id, sent_at__isnull=True).update(sent_at=now)
    )


def release_reminder(reminder_id: int) -> None:
    """Sending failed: let the retry claim it again."""
    SentReminder.objects.filter(pk=reminder_id).update(sent_at=None)


# --- calendar feeds -------------------------------------------------------------------------


def feed_for(user) -> CalendarFeed:
    """The learner's calendar feed, created on first use; kept under their tag, which a new
    token bumps (``page_state.calendar_feed_changed``)."""
    return page_cache.remember(
        f"aula:calendar-feed:{user.pk}",
        lambda: CalendarFeed.objects.get_or_create(user=user)[0],
        tags=[learner_tag(user.pk)],
        content=False,
    )


def regenerate_feed(*, user) -> CalendarFeed:
    """A new secret token: the old feed address stops working at once (404)."""
    with transaction.atomic():
        feed, created = CalendarFeed.objects.select_for_update().get_or_create(user=user)
        if not created:
            feed.token = new_feed_token()
            feed.save(update_fields=["token"])
    return feed
