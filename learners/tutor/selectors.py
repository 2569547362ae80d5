"""Read side of the tutor dashboard: every query starts from the cohorts a user tutors.

Authorization lives in the scoped querysets (``Cohort.objects.for_tutor(user)``; an enrolment
is looked up only among its cohort's). Dashboards read the progress rollup kept on each
``Enrolment`` by ``learners.progress.services`` and never recompute it per learner: the cohort
table is one query for the count and one for the page of rows, whatever the cohort's size.

"At risk" (``at_risk_q``) is defined once, here: an *active* enrolment is at risk when

- its learner has done nothing for ``AULA_AT_RISK_DAYS`` days (default 14): no activity since
  that long ago, or none at all and enrolled that long ago; or
- it is behind the cohort's schedule: the cohort has dates, has started, and the learner's
  progress is below the share of the cohort's days already elapsed minus
  ``AULA_AT_RISK_MARGIN`` points (default 20). Halfway through a cohort, under 30% is behind.

Completed, withdrawn and other enrolments are never at risk.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Count,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Lower, NullIf
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext

from courses.models import Cohort, CoursePage, ModulePage
from courses.selectors import in_language
from learners.discussion.models import Post
from learners.enrolment.models import SEAT_STATUSES, Enrolment, EnrolmentStatus
from learners.progress.models import Attendance, ModuleProgress, QuizAttempt, Reflection

PAGE_SIZE = 100

# The statuses the table lists when no status is chosen.
CURRENT_STATUSES = (EnrolmentStatus.ACTIVE, EnrolmentStatus.COMPLETED)

# Whitelisted sort keys → the columns they order by (a leading "-" in the request reverses).
SORT_KEYS = {
    "name": "sort_name",
    "country": "learner__profile__country",
    "organisation": "learner__profile__organisation",
    "progress": "progress_percent",
    "modules": "modules_done",
    "quiz": "quiz_average",
    "sessions": "sessions_attended",
    "activity": "last_activity_at",
    "status": "status",
}
DEFAULT_SORT = "name"


def display_name() -> Case:
    """The learner's name as the tables and exports show it: "Deleted learner" (in the current
    language) for an account whose personal data was erased (learners.privacy), else the
    certificate name, else the email address."""
    return Case(
        When(learner__profile__erased_at__isnull=False, then=Value(gettext("Deleted learner"))),
        default=Coalesce(
            NullIf(F("learner__profile__certificate_name"), Value("")), F("learner__email")
        ),
        output_field=CharField(),
    )


def at_risk_days() -> int:
    return int(getattr(settings, "AULA_AT_RISK_DAYS", 14))


def at_risk_margin() -> int:
    return int(getattr(settings, "AULA_AT_RISK_MARGIN", 20))


def expected_progress(cohort: Cohort, today: date | None = None) -> int | None:
    """The share (0-100) of the cohort's days elapsed, or None for an undated or unstarted one."""
    if not (cohort.starts_on and cohort.ends_on):
        return None
    today = today or timezone.localdate()
    if today <= cohort.starts_on:
        return None
    days = (cohort.ends_on - cohort.starts_on).days + 1
    elapsed = min((today - cohort.starts_on).days, days)
    return round(100 * elapsed / days)


def at_risk_q(cohort: Cohort, now: datetime | None = None) -> Q:
    """The enrolments of ``cohort`` that are at risk (see the module docstring)."""
    now = now or timezone.now()
    inactive_since = now - timedelta(days=at_risk_days())
    risk = Q(last_activity_at__lt=inactive_since) | Q(
        last_activity_at__isnull=True, created_at__lt=inactive_since
    )
    expected = expected_progress(cohort, timezone.localdate(now))
    if expected is not None and expected - at_risk_margin() > 0:
        risk |= Q(progress_percent__lt=expected - at_risk_margin())
    return Q(status=EnrolmentStatus.ACTIVE) & risk


# --- the tutor's cohorts ---------------------------------------------------------------------


def tutor_cohorts(user) -> list[Cohort]:
    """The cohorts the user tutors (all for superusers), with their counts, in one query."""
    return list(
        Cohort.objects.for_tutor(user)
        .select_related("course")
        .annotate(
            enrolled=Count("enrolments", filter=Q(enrolments__status__in=SEAT_STATUSES)),
            active=Count("enrolments", filter=Q(enrolments__status=EnrolmentStatus.ACTIVE)),
            completed=Count("enrolments", filter=Q(enrolments__status=EnrolmentStatus.COMPLETED)),
        )
        .order_by("-starts_on", "title", "id")
    )


def tutored_cohort(user, cohort_id: int) -> Cohort:
    """The cohort if the user tutors it (superusers: any); otherwise 404."""
    return get_object_or_404(
        Cohort.objects.for_tutor(user).select_related("course", "course__locale"), pk=cohort_id
    )


def cohort_counts(cohort: Cohort, now: datetime | None = None) -> dict[str, int]:
    """Enrolled (active or completed), active, completed and at risk: one aggregate query."""
    return Enrolment.objects.filter(cohort=cohort).aggregate(
        enrolled=Count("pk", filter=Q(status__in=SEAT_STATUSES)),
        active=Count("pk", filter=Q(status=EnrolmentStatus.ACTIVE)),
        completed=Count("pk", filter=Q(status=EnrolmentStatus.COMPLETED)),
        at_risk=Count("pk", filter=at_risk_q(cohort, now)),
    )


def module_count(cohort: Cohort) -> int:
    """The live modules of the cohort's course (the "of N" of modules done): one query."""
    return ModulePage.objects.live().child_of(cohort.course).count()


def filter_choices(cohort: Cohort) -> tuple[list[str], list[str]]:
    """The countries and organisations of the cohort's learners (one query), sorted."""
    pairs = (
        Enrolment.objects.filter(cohort=cohort)
        .order_by()  # no default ordering: it would join the DISTINCT and return every row
        .values_list("learner__profile__country", "learner__profile__organisation")
        .distinct()
    )
    countries, organisations = set(), set()
    for country, organisation in pairs:
        if country:
            countries.add(country)
        if organisation:
            organisations.add(organisation)
    return sorted(countries, key=str.casefold), sorted(organisations, key=str.casefold)


@dataclass
class LearnerFilters:
    """What the tutor asked the table for (validated by forms.LearnerFilterForm)."""

    country: str = ""
    organisation: str = ""
    status: str = ""  # "" = active and completed; "all"; or one EnrolmentStatus
    at_risk: bool = False
    sort: str = DEFAULT_SORT  # a SORT_KEYS key, "-" prefixed for descending


def _ordering(sort: str) -> list:
    descending = sort.startswith("-")
    column = SORT_KEYS.get(sort.lstrip("-"), SORT_KEYS[DEFAULT_SORT])
    expression = F(column)
    ordered = expression.desc(nulls_last=True) if descending else expression.asc(nulls_last=True)
    tiebreak = F("pk").desc() if descending else F("pk").asc()
    return [ordered, tiebreak]


def _discussion_posts(cohort: Cohort):
    """The learner's messages in the cohort's discussion that count (not deleted or hidden)."""
    posts = (
        Post.objects.filter(
            thread__cohort=cohort,
            author=OuterRef("learner"),
            deleted_at__isnull=True,
            hidden_at__isnull=True,
        )
        .order_by()
        .values("author")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(posts, output_field=IntegerField()), Value(0))


def cohort_learners(
    cohort: Cohort, filters: LearnerFilters, now: datetime | None = None
) -> QuerySet:
    """The cohort's enrolments as the table shows them: filtered, sorted, with ``is_at_risk``
    and ``display_name``; their learner and profile joined (no query per row)."""
    risk = at_risk_q(cohort, now)
    queryset = (
        Enrolment.objects.filter(cohort=cohort)
        .select_related("learner__profile")
        .annotate(
            display_name=display_name(),
            is_at_risk=Case(
                When(risk, then=Value(True)), default=Value(False), output_field=BooleanField()
            ),
            discussion_posts=_discussion_posts(cohort),
        )
    )
    queryset = queryset.annotate(sort_name=Lower("display_name"))
    if filters.status == "all":
        pass
    elif filters.status:
        queryset = queryset.filter(status=filters.status)
    else:
        queryset = queryset.filter(status__in=CURRENT_STATUSES)
    if filters.country:
        queryset = queryset.filter(learner__profile__country=filters.country)
    if filters.organisation:
        queryset = queryset.filter(learner__profile__organisation=filters.organisation)
    if filters.at_risk:
        queryset = queryset.filter(risk)
    return queryset.order_by(*_ordering(filters.sort))


# --- one learner -----------------------------------------------------------------------------


@dataclass
class ModuleRow:
    module: ModulePage
    completed_at: datetime | None
    quizzes: list = field(default_factory=list)  # dicts: title, best, attempts, passed, last
    reflections: list = field(default_factory=list)  # dicts: prompt, text, updated_at


@dataclass
class LearnerDetail:
    enrolment: Enrolment
    course: CoursePage
    modules: list[ModuleRow]
    attendance: list
    other_quizzes: list  # attempts of quizzes no longer in the course
    other_reflections: list


def _blocks(module: ModulePage, kind: str) -> dict[str, object]:
    return {block.id: block.value for block in module.body if block.block_type == kind}


def tutored_enrolment(cohort: Cohort, enrolment_id: int) -> Enrolment:
    """An enrolment of this (already authorised) cohort; any other id is a 404."""
    return get_object_or_404(
        Enrolment.objects.filter(cohort=cohort)
        .select_related("learner__profile")
        .annotate(display_name=display_name()),
        pk=enrolment_id,
    )


def learner_detail(cohort: Cohort, enrolment: Enrolment) -> LearnerDetail:
    """One learner's progress, quiz results, reflections and attendance in the course outline of
    the cohort's language. A fixed number of queries, whatever the number of modules and
    attempts: the modules (with their bodies, for quiz and prompt titles), completed modules,
    best score per quiz, reflections, attendance."""
    course = in_language(cohort.course.specific, cohort.language)
    modules = list(ModulePage.objects.live().child_of(course).order_by("path"))
    done = dict(
        ModuleProgress.objects.filter(enrolment=enrolment).values_list("module_key", "completed_at")
    )
    quiz_rows = (
        QuizAttempt.objects.filter(enrolment=enrolment)
        .values("module_key", "block_id")
        .annotate(
            best=Max("score"),
            attempts=Count("pk"),
            last=Max("created_at"),
            passed_any=Max(Case(When(passed=True, then=1), default=0)),
        )
        .order_by("module_key", "block_id")
    )
    quizzes: dict = {}
    for row in quiz_rows:
        quizzes.setdefault(row["module_key"], {})[row["block_id"]] = row
    reflections: dict = {}
    for reflection in Reflection.objects.filter(enrolment=enrolment).order_by("created_at"):
        reflections.setdefault(reflection.module_key, {})[reflection.block_id] = reflection
    attendance = list(
        Attendance.objects.filter(enrolment=enrolment)
        .select_related("slot__session")
        .order_by("slot__starts_at")
    )

    rows = []
    for module in modules:
        key = module.translation_key
        row = ModuleRow(module=module, completed_at=done.get(key))
        module_quizzes = quizzes.pop(key, {})
        for block_id, value in _blocks(module, "quiz").items():
            result = module_quizzes.pop(block_id, None)
            row.quizzes.append(_quiz(value.get("title"), result))
        row.quizzes.extend(_quiz("", result) for result in module_quizzes.values())
        module_reflections = reflections.pop(key, {})
        for block_id, value in _blocks(module, "reflection").items():
            reflection = module_reflections.pop(block_id, None)
            if reflection is not None:
                row.reflections.append({"prompt": value.get("prompt"), "reflection": reflection})
        row.reflections.extend(
            {"prompt": "", "reflection": reflection} for reflection in module_reflections.values()
        )
        rows.append(row)
    return LearnerDetail(
        enrolment=enrolment,
        course=course,
        modules=rows,
        attendance=attendance,
        other_quizzes=[
            _quiz("", result) for by_block in quizzes.values() for result in by_block.values()
        ],
        other_reflections=[
            {"prompt": "", "reflection": reflection}
            for by_block in reflections.values()
            for reflection in by_block.values()
        ],
    )


def _quiz(title: str | None, result: dict | None) -> dict:
    return {
        "title": title or "",
        "best": result["best"] if result else None,
        "attempts": result["attempts"] if result else 0,
        "passed": bool(result and result["passed_any"]),
        "last": result["last"] if result else None,
    }
