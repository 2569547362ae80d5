"""Read-side queries of enrolment: always scoped to the requesting user."""

from django.db.models import Count, Q
from django.utils import timezone
from wagtail.models import Locale

from aula.queries import CompiledQuery
from courses.models import Cohort, CoursePage
from courses.selectors import course_tag, pages_by_id
from home import cache as page_cache
from learners.accounts.page_state import learner_tag

from .models import SEAT_STATUSES, Enrolment, EnrolmentStatus

# The progress rollup on an enrolment, written by the progress services with update() under
# the learner's progress tag: left out of the enrolments kept below (a reader of them gets them
# from the database: ``progress.selectors.with_rollup``).
ROLLUP_FIELDS = (
    "progress_percent",
    "modules_done",
    "quiz_average",
    "sessions_attended",
    "last_activity_at",
    "last_module_key",
)


def enrolments_in_course(*, user, course: CoursePage) -> list[Enrolment]:
    """The user's enrolments (any status) in the cohorts of ``course``, newest first, with
    their cohort (and ``course`` as the cohort's course where it is that page), without their
    progress rollup (``ROLLUP_FIELDS``, deferred). Kept in the cache under the learner's tag
    (every enrolment saved, a course completed) and the course's (its cohorts, seats imported
    in bulk) until the next publish; asked once per course page object and user (the course
    page's cohorts and progress, the module gate and the learner's POSTs share the answer)."""
    if not user.is_authenticated:
        return []
    memo = course.__dict__.setdefault("_aula_enrolments", {})
    if user.pk not in memo:
        enrolments = page_cache.remember(
            f"aula:course-enrolments:{user.pk}:{course.translation_key}",
            lambda: list(
                Enrolment.objects.for_learner(user)
                .filter(cohort__in=Cohort.objects.for_course(course))
                .select_related("cohort")
                .defer(*ROLLUP_FIELDS)
                .order_by("-created_at", "-pk")
            ),
            tags=[learner_tag(user.pk), course_tag(course.translation_key)],
        )
        for enrolment in enrolments:
            if enrolment.cohort.course_id == course.pk:  # else a translation, loaded if asked
                enrolment.cohort.course = course
        memo[user.pk] = enrolments
    return memo[user.pk]


def course_cohorts(course: CoursePage) -> list[Cohort]:
    """The course's cohorts by start date, each with ``seats_taken``: the same for every
    reader, so kept in the cache until the course's cohorts or seats change (``course_tag``,
    bumped by ``courses.selectors.invalidate_course_pages``) or anything is published."""

    def load():
        return list(
            Cohort.objects.for_course(course)
            .annotate(
                seats_taken=Count("enrolments", filter=Q(enrolments__status__in=SEAT_STATUSES))
            )
            .order_by("starts_on", "id")
        )

    return page_cache.remember(
        f"aula:cohorts:{course.pk}", load, tags=[course_tag(course.translation_key)]
    )


def cohorts_for_course(*, course: CoursePage, user, language: str = "") -> list[Cohort]:
    """The course's cohorts with seats left and the user's own enrolment in each (the
    cohorts from the cache, ``course_cohorts``; the user's enrolments in one query, shared with
    the page's other questions about the user: enrolments_in_course). Those taught in
    ``language`` (the page's) come first, each group by start date."""
    cohorts = sorted(course_cohorts(course), key=lambda cohort: cohort.language != language)
    mine = {}
    if cohorts:  # the newest enrolment in each cohort
        for enrolment in reversed(enrolments_in_course(user=user, course=course)):
            mine[enrolment.cohort_id] = enrolment
    now = timezone.now()
    for cohort in cohorts:
        cohort.seats_left = (
            None if cohort.capacity is None else max(cohort.capacity - cohort.seats_taken, 0)
        )
        cohort.my_enrolment = mine.get(cohort.pk)
        cohort.is_open_now = cohort.is_enrolment_open(now)
    return cohorts


def learner_courses(user_id: int) -> tuple:
    """The translation key of the course of each of the learner's enrolments (any status),
    sorted: what their /learn/ shows depends on (learners/learn/page_cache.py). Kept under the
    learner's tag, which every enrolment saved or deleted bumps, and a cohort moved to another
    course (``handlers.cohort_changed``)."""
    return page_cache.remember(
        f"aula:learner-courses:{user_id}",
        lambda: tuple(
            sorted(
                str(key)
                for key in Enrolment.objects.filter(learner_id=user_id).values_list(
                    "cohort__course__translation_key", flat=True
                )
            )
        ),
        tags=[learner_tag(user_id)],
        content=False,
    )


# The dashboard's query (``Enrolment.objects.for_learner``'s rule: the signed-in person's own
# enrolments), on each of a learner's views of it: built by the ORM once per process
# (aula/queries.py).
LEARNER_ENROLMENTS = CompiledQuery(
    lambda learner_id: (
        Enrolment.objects.filter(learner_id=learner_id)
        .select_related("cohort")
        .order_by("-created_at")
    ),
    learner_id=int,
)


def learner_enrolments(*, user, language: str) -> list[Enrolment]:
    """The user's enrolments, each with ``course_page`` in ``language`` where translated. The
    courses come from the cache until the next publish (joined in the query, a course's page
    row made the query cost more to build than the rest of the page's queries together)."""
    enrolments = LEARNER_ENROLMENTS(learner_id=user.pk) if user.is_authenticated else []
    courses = pages_by_id(CoursePage, [enrolment.cohort.course_id for enrolment in enrolments])
    for enrolment in enrolments:
        enrolment.cohort.course = courses[enrolment.cohort.course_id]
    here = _locale_id(language)
    # A course already in ``language`` is its own page in it: no query for those.
    keys = {
        e.cohort.course.translation_key for e in enrolments if e.cohort.course.locale_id != here
    }
    localized = {}
    if keys:
        localized = {
            page.translation_key: page
            for page in CoursePage.objects.live().filter(
                translation_key__in=keys, locale__language_code=language
            )
        }
    for enrolment in enrolments:
        course = enrolment.cohort.course
        enrolment.course_page = localized.get(course.translation_key, course)
    return enrolments


def _locale_id(language: str) -> int | None:
    """Wagtail's locale of ``language``, from the cache until the next change of content or
    locales (``home.signals``)."""
    return page_cache.remember(
        f"aula:locale-id:{language}",
        lambda: Locale.objects.filter(language_code=language).values_list("pk", flat=True).first(),
    )


def attach_waitlist_positions(enrolments: list[Enrolment]) -> None:
    """Set ``waitlist_position`` (1 = next in line) on each enrolment, in one query."""
    waiting = [e for e in enrolments if e.status == EnrolmentStatus.WAITLISTED]
    for enrolment in enrolments:
        enrolment.waitlist_position = None
    if not waiting:
        return
    queue = (
        Enrolment.objects.filter(
            cohort_id__in={e.cohort_id for e in waiting}, status=EnrolmentStatus.WAITLISTED
        )
        .order_by("cohort_id", "waitlisted_at", "id")
        .values_list("cohort_id", "id")
    )
    positions, counters = {}, {}
    for cohort_id, enrolment_id in queue:
        counters[cohort_id] = counters.get(cohort_id, 0) + 1
        positions[enrolment_id] = counters[cohort_id]
    for enrolment in waiting:
        enrolment.waitlist_position = positions.get(enrolment.pk)


def enrolled_courses(enrolment_ids: list[int]) -> set:
    """The translation keys of the courses of these enrolments' cohorts (for the page cache
    after a bulk enrolment, which sends no signals): one query."""
    return set(
        Enrolment.objects.filter(pk__in=enrolment_ids).values_list(
            "cohort__course__translation_key", flat=True
        )
    )
