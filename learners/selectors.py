"""Read-side queries for learners: always scoped to the requesting user."""

from django.db.models import Count, Q
from django.utils import timezone
from wagtail.models import Locale

from courses.models import Cohort, CoursePage

from .models import SEAT_STATUSES, Enrolment, EnrolmentStatus


def cohorts_for_course(*, course: CoursePage, user) -> list[Cohort]:
    """The course's cohorts with seats left and the user's own enrolment in each (2 queries)."""
    cohorts = list(
        Cohort.objects.for_course(course)
        .annotate(seats_taken=Count("enrolments", filter=Q(enrolments__status__in=SEAT_STATUSES)))
        .order_by("starts_on", "id")
    )
    mine = {}
    if user.is_authenticated and cohorts:
        mine = {
            enrolment.cohort_id: enrolment
            for enrolment in Enrolment.objects.for_learner(user).filter(cohort__in=cohorts)
        }
    now = timezone.now()
    for cohort in cohorts:
        cohort.seats_left = (
            None if cohort.capacity is None else max(cohort.capacity - cohort.seats_taken, 0)
        )
        cohort.my_enrolment = mine.get(cohort.pk)
        cohort.is_open_now = cohort.is_enrolment_open(now)
    return cohorts


def learner_enrolments(*, user, language: str) -> list[Enrolment]:
    """The user's enrolments, each with ``course_page`` in ``language`` where translated."""
    enrolments = list(
        Enrolment.objects.for_learner(user)
        .select_related("cohort__course")
        .order_by("-created_at")
    )
    keys = {enrolment.cohort.course.translation_key for enrolment in enrolments}
    locale = Locale.objects.filter(language_code=language).first()
    localized = {}
    if keys and locale:
        localized = {
            page.translation_key: page
            for page in CoursePage.objects.live().filter(translation_key__in=keys, locale=locale)
        }
    for enrolment in enrolments:
        course = enrolment.cohort.course
        enrolment.course_page = localized.get(course.translation_key, course)
    return enrolments


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


def course_seat(*, user, course: CoursePage) -> Enrolment | None:
    """``progress.seat_in_course``, asked once per course page object and user: the module
    gate (``has_module_access``) and the page's progress tags share the answer. Routing loads
    the course page afresh for every request, so the answer lives as long as one request."""
    from .progress import seat_in_course

    if not user.is_authenticated:
        return None
    seats = course.__dict__.setdefault("_aula_seats", {})
    if user.pk not in seats:
        seats[user.pk] = seat_in_course(user=user, course=course)
    return seats[user.pk]


def has_module_access(*, user, course: CoursePage) -> bool:
    """Enrolled (active or completed) learners, the course's tutors and staff open modules."""
    if not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser:
        return True
    if course_seat(user=user, course=course) is not None:
        return True
    return Cohort.objects.for_course(course).filter(tutors=user).exists()


def attach_next_modules(enrolments: list[Enrolment]) -> None:
    """Set ``next_module`` (where to continue, or None) on each active enrolment with a
    ``course_page``: two queries, whatever the number of enrolments."""
    from functools import reduce
    from operator import or_

    from courses.models import ModulePage

    from .models import ModuleProgress
    from .progress import next_module

    active = [e for e in enrolments if e.status == EnrolmentStatus.ACTIVE]
    for enrolment in enrolments:
        enrolment.next_module = None
    if not active:
        return
    courses = {e.course_page.path: e.course_page for e in active}
    in_any_course = reduce(or_, (Q(path__startswith=path) for path in courses))
    modules = (
        ModulePage.objects.live()
        .filter(in_any_course, depth=next(iter(courses.values())).depth + 1)
        .order_by("path")
        .only("pk", "title", "slug", "url_path", "path", "depth", "translation_key", "locale_id")
    )
    outlines: dict[str, list] = {path: [] for path in courses}
    for module in modules:
        parent_path = module.path[: -ModulePage.steplen]
        if parent_path in outlines:
            module._cached_parent_obj = courses[parent_path]
            outlines[parent_path].append(module)
    done: dict[int, set] = {e.pk: set() for e in active}
    for enrolment_id, key in ModuleProgress.objects.filter(
        enrolment_id__in=list(done)
    ).values_list("enrolment_id", "module_key"):
        done[enrolment_id].add(key)
    for enrolment in active:
        enrolment.next_module = next_module(
            outlines[enrolment.course_page.path], done[enrolment.pk], enrolment.last_module_key
        )


def enrolled_course_paths(enrolment_ids: list[int]) -> list[str]:
    """The URL paths, in every language, of the courses of these enrolments' cohorts (for the
    page cache after a bulk enrolment, which sends no signals): a query, and one per course."""
    from courses.selectors import course_url_paths

    keys = set(
        Enrolment.objects.filter(pk__in=enrolment_ids).values_list(
            "cohort__course__translation_key", flat=True
        )
    )
    return [path for key in keys for path in course_url_paths(key)]
