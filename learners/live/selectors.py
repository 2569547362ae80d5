"""Read-side queries for live sessions: a constant number of queries, however many sessions.

Pages are shown in the viewer's language where a translation is published (a Spanish learner in
an English cohort reads the Spanish session page), times in the viewer's time zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cached_property

from django.db.models import Q
from django.utils import timezone

from aula.queries import CompiledQuery
from courses.models import Cohort, CoursePage, LiveSessionPage, SessionSlot
from courses.selectors import course_tag, pages_by_id, pages_in_language
from home import cache as page_cache
from home.models import exclude_private
from learners.accounts.models import LearnerProfile
from learners.enrolment.models import SEAT_STATUSES, Enrolment

from .models import CalendarFeed
from .services import MAX_SLOT_MINUTES, SlotState
from .times import local_span

UPCOMING_LIMIT = 5
# Slots that started within the longest possible duration may still be running; of those,
# at most this many are looked at beyond the limit (a cohort holds a session or two a day).
RUNNING_ALLOWANCE = 20


@dataclass
class SessionRow:
    slot: SessionSlot
    page: LiveSessionPage  # in the viewer's language where translated
    course: CoursePage  # likewise
    zone: str  # the zone the times are shown in
    state: SlotState
    enrolled: bool = False  # the viewer holds a seat in the slot's cohort

    @cached_property
    def when(self) -> str:
        """ "Tue 12 May, 10:00–11:30 (Bogotá, UTC-5)", in the active language."""
        return local_span(self.slot.starts_at, self.slot.ends_at, self.zone)

    @property
    def show_join(self) -> bool:
        return self.enrolled and self.state.join_open and bool(self.slot.join_url)

    @property
    def show_recording(self) -> bool:
        return (
            self.enrolled
            and self.state.ended
            and not self.slot.is_cancelled
            and bool(self.slot.recording_url)
        )


def profile_zone(user, default: str = "UTC") -> str:
    """The learner's time zone (one query unless the profile is already loaded)."""
    if not user.is_authenticated:
        return default
    profile = user._state.fields_cache.get("profile")  # loaded already (e.g. by the view)
    if profile is None:
        profile = LearnerProfile.objects.filter(user=user).only("time_zone").first()
    return profile.time_zone if profile else default


def rows_for(
    slots: list[SessionSlot],
    *,
    language: str,
    zone: str | None,
    enrolled_cohorts: set[int],
    now: datetime | None = None,
    page: LiveSessionPage | None = None,
) -> list[SessionRow]:
    """Session rows with pages in ``language`` (sessions and courses from the cache until the
    next publish, ``courses.selectors.pages_in_language``; none asked for when every slot is of
    ``page``, shown in its language). ``zone`` None shows each slot in its cohort's zone
    (visitors)."""
    now = now or timezone.now()
    if page is not None:
        sessions = {page.translation_key: page}
        courses = {page.course.translation_key: page.course}
    else:
        keys = {s.session.translation_key for s in slots}
        sessions = pages_in_language(LiveSessionPage, keys, language)
        keys = {s.cohort.course.translation_key for s in slots}
        courses = pages_in_language(CoursePage, keys, language)
    rows = []
    for slot in slots:
        session = sessions.get(slot.session.translation_key, slot.session)
        course = courses.get(slot.cohort.course.translation_key, slot.cohort.course)
        if session is not page:
            session._cached_parent_obj = course  # CourseChildPage.course without a query
        rows.append(
            SessionRow(
                slot=slot,
                page=session,
                course=course,
                zone=zone or slot.cohort.time_zone,
                state=SlotState.of(slot, now),
                enrolled=slot.cohort_id in enrolled_cohorts,
            )
        )
    return rows


# Asked by every calendar feed request (a calendar app polls each learner's): built by the
# ORM once per process (aula/queries.py).
FEED = CompiledQuery(
    lambda token: (
        CalendarFeed.objects.select_related("user__profile")
        .filter(token=token, user__is_active=True)
        .order_by("pk")[:1]
    ),
    token=str,
)
SEATS = CompiledQuery(
    lambda learner_id: (
        Enrolment.objects.filter(learner_id=learner_id, status__in=SEAT_STATUSES)
        .order_by("cohort_id")
        .values_list("cohort_id", "cohort__course__translation_key")
    ),
    learner_id=int,
)


def feed_by_token(token: str) -> CalendarFeed | None:
    """The feed of ``token`` with its account and the account's profile, if the account is
    active."""
    found = FEED(token=token)
    return found[0] if found else None


def seats(user) -> list[tuple[int, object]]:
    """The cohorts where the user holds a seat (active or completed), by id, each with its
    course's translation key: one query."""
    return SEATS(learner_id=user.pk)


def _seat_slots(user, cohort_ids=None):
    """The slots of the cohorts where the user holds a seat (``cohort_ids`` when the caller
    has them), with their cohort (``_with_pages`` adds the pages). The cohorts are asked first,
    in a query of their own: joined with the slots and the four page tables, the enrolments
    made PostgreSQL spend about 9 ms planning the query (3 ms without them) for well under 1 ms
    of work."""
    if cohort_ids is None:
        cohort_ids = [cohort_id for cohort_id, _course_key in seats(user)]
    return SessionSlot.objects.filter(cohort_id__in=cohort_ids).select_related("cohort")


def _with_pages(slots: list[SessionSlot]) -> list[SessionSlot]:
    """``slots`` (loaded with their cohort) with their course and session pages, from the
    cache (``courses.selectors.pages_by_id``)."""
    courses = pages_by_id(CoursePage, [slot.cohort.course_id for slot in slots])
    sessions = pages_by_id(LiveSessionPage, [slot.session_id for slot in slots])
    for slot in slots:
        slot.cohort.course = courses[slot.cohort.course_id]
        slot.session = sessions[slot.session_id]
    return slots


def cohort_slots(cohort: Cohort) -> list[SessionSlot]:
    """Every slot of the cohort (cancelled ones included), by start, with the cohort: kept in
    the cache under its course's tag, which any change of a cohort or of its scheduled sessions
    bumps."""
    return page_cache.remember(
        f"aula:cohort-slots:{cohort.pk}",
        lambda: list(
            SessionSlot.objects.filter(cohort=cohort)
            .select_related("cohort")
            .order_by("starts_at", "pk")
        ),
        tags=[course_tag(cohort.course.translation_key)],
    )


def upcoming_sessions(
    *,
    user,
    language: str,
    zone: str,
    limit: int = UPCOMING_LIMIT,
    now: datetime | None = None,
    enrolments=None,
) -> list[SessionRow]:
    """The next sessions (running or to come, cancelled ones included and marked) of the
    cohorts where the user holds a seat (from ``enrolments``, all of the user's with their
    cohorts' courses, when the caller has them: the slots then come from the cache, no query;
    else 4 queries)."""
    if not user.is_authenticated:
        return []
    now = now or timezone.now()
    if enrolments is not None:
        seated = {e.cohort_id: e.cohort for e in enrolments if e.status in SEAT_STATUSES}
        candidates = sorted(
            (slot for cohort in seated.values() for slot in cohort_slots(cohort)),
            key=lambda slot: (slot.starts_at, slot.pk),
        )
        slots = _with_pages([slot for slot in candidates if slot.ends_at > now][:limit])
    else:
        candidates = _with_pages(
            list(
                _seat_slots(user)
                .filter(starts_at__gt=now - timedelta(minutes=MAX_SLOT_MINUTES))
                .order_by("starts_at", "pk")[: limit + RUNNING_ALLOWANCE]
            )
        )
        slots = [slot for slot in candidates if slot.ends_at > now][:limit]
    return rows_for(
        slots,
        language=language,
        zone=zone,
        enrolled_cohorts={slot.cohort_id for slot in slots},
        now=now,
    )


def feed_slots(*, user, cohort_ids=None) -> list[SessionSlot]:
    """Every slot of the cohorts where the user holds a seat (active or completed; or of
    ``cohort_ids``, the caller's ``seats``), with cohort, course and session page: two queries
    (one with ``cohort_ids``)."""
    return _with_pages(list(_seat_slots(user, cohort_ids).order_by("starts_at", "pk")))


def session_page_rows(
    *, page: LiveSessionPage, user, language: str, now: datetime | None = None
) -> tuple[list[SessionRow], bool]:
    """The slots of a session page for its viewer, and whether they are the viewer's own.

    An enrolled learner sees the slots of their cohort(s) in their time zone; anyone else the
    coming slots of every cohort of the course, in their own zone when logged in, else in each
    cohort's zone. Tutors and staff see all of the course's slots."""
    now = now or timezone.now()
    of_session = SessionSlot.objects.filter(
        session__translation_key=page.translation_key
    ).select_related("cohort__course", "session")
    if user.is_authenticated:
        mine = set(
            Enrolment.objects.filter(learner=user, status__in=SEAT_STATUSES)
            .filter(cohort__session_slots__session__translation_key=page.translation_key)
            .values_list("cohort_id", flat=True)
        )
        zone = profile_zone(user)
        if mine:
            slots = list(of_session.filter(cohort_id__in=mine).order_by("starts_at", "pk"))
            rows = rows_for(
                slots, language=language, zone=zone, enrolled_cohorts=mine, now=now, page=page
            )
            return rows, True
    else:
        zone = None
    slots = list(
        of_session.filter(
            is_cancelled=False,
            starts_at__gt=now - timedelta(minutes=MAX_SLOT_MINUTES),
        ).order_by("starts_at", "pk")
    )
    slots = [slot for slot in slots if slot.ends_at > now]
    rows = rows_for(slots, language=language, zone=zone, enrolled_cohorts=set(), now=now, page=page)
    return rows, False


def tutor_slots(*, cohort: Cohort, language: str, zone: str) -> list[SessionRow]:
    """A cohort's slots for its tutor, in order (3 queries)."""
    slots = list(
        SessionSlot.objects.filter(cohort=cohort)
        .select_related("cohort__course", "session")
        .order_by("starts_at", "pk")
    )
    return rows_for(slots, language=language, zone=zone, enrolled_cohorts=set(), now=timezone.now())


def tutored_slot(*, user, slot_id: int) -> SessionSlot | None:
    """The slot if the user tutors its cohort (superusers: any), else None."""
    return (
        SessionSlot.objects.filter(pk=slot_id, cohort__in=Cohort.objects.for_tutor(user))
        .select_related("cohort__course", "session")
        .first()
    )


def learner_slot(*, user, slot_id: int) -> SessionSlot | None:
    """The slot if the user holds a seat in its cohort, else None."""
    if not user.is_authenticated:
        return None
    return (
        SessionSlot.objects.filter(pk=slot_id)
        .filter(
            Q(cohort__enrolments__learner=user) & Q(cohort__enrolments__status__in=SEAT_STATUSES)
        )
        .select_related("cohort__course", "session")
        .first()
    )


def public_upcoming_sessions(
    *, language: str, limit: int = UPCOMING_LIMIT, now: datetime | None = None
) -> list[SessionRow]:
    """The next sessions anyone may read about, for the home page: not started, not cancelled,
    of live and public session pages of live courses, in cohorts taught in ``language``, each
    in its cohort's time zone. Three queries (one when there is none)."""
    now = now or timezone.now()
    slots = list(
        SessionSlot.objects.filter(
            is_cancelled=False,
            starts_at__gt=now,
            cohort__language=language,
            cohort__course__live=True,
            session__in=exclude_private(LiveSessionPage.objects.live()),
        )
        .select_related("cohort__course", "session")
        .order_by("starts_at", "pk")[:limit]
    )
    return rows_for(slots, language=language, zone=None, enrolled_cohorts=set(), now=now)
