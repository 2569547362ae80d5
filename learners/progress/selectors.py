"""Read-side queries of progress for the learner's pages: their seat in a course, their work on
a module, where to continue."""

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from uuid import UUID

from aula.queries import CompiledQuery
from courses.models import CoursePage, ModulePage, SessionSlot
from courses.selectors import course_tag
from home import cache as page_cache
from learners.accounts.page_state import modules_done_tag
from learners.enrolment.models import SEAT_STATUSES, Enrolment, EnrolmentStatus
from learners.enrolment.selectors import ROLLUP_FIELDS, enrolments_in_course

from .models import ModuleProgress, QuizAttempt, Reflection
from .structure import body_block_ids, body_quiz_ids

# A learner's work on a module, asked on each of their module pages and after each answer: the
# ORM builds these once per process (aula/queries.py).
ATTEMPTS = CompiledQuery(
    lambda enrolment_id, module_key: (
        QuizAttempt.objects.filter(enrolment_id=enrolment_id, module_key=module_key)
        .order_by("-created_at", "-pk")
        .values_list("block_id", "answers", "score", "passed")
    ),
    enrolment_id=int,
    module_key=UUID,
)
REFLECTION_FIELDS = ("id", "block_id", "text")
REFLECTIONS = CompiledQuery(
    lambda enrolment_id, module_key: Reflection.objects.filter(
        enrolment_id=enrolment_id, module_key=module_key
    ).values_list(*REFLECTION_FIELDS),
    enrolment_id=int,
    module_key=UUID,
)
MODULES_DONE = CompiledQuery(
    lambda enrolment_id: ModuleProgress.objects.filter(enrolment_id=enrolment_id).values_list(
        "module_key", flat=True
    ),
    enrolment_id=int,
)


def course_seat(*, user, course: CoursePage) -> Enrolment | None:
    """The user's seat in ``course`` (the enrolment holding a seat, completed before active,
    newest first) from the user's enrolments in the course
    (``enrolment.selectors.enrolments_in_course``, from the cache: the module gate, the page's
    cohorts and progress tags and the learner's POSTs share them), without its progress rollup
    (``with_rollup``)."""
    seats = [
        enrolment
        for enrolment in enrolments_in_course(user=user, course=course)
        if enrolment.status in SEAT_STATUSES
    ]
    seats.sort(key=lambda enrolment: enrolment.status != EnrolmentStatus.COMPLETED)
    return seats[0] if seats else None


ROLLUP = CompiledQuery(
    lambda pk: Enrolment.objects.filter(pk=pk).values_list(*ROLLUP_FIELDS), pk=int
)


def with_rollup(enrolment: Enrolment) -> Enrolment:
    """The enrolment with its progress rollup read (one query, when ``course_seat`` left it
    out)."""
    deferred = enrolment.get_deferred_fields()
    if deferred == set(ROLLUP_FIELDS):  # as course_seat leaves it: the query built once
        rows = ROLLUP(pk=enrolment.pk)
        if not rows:
            raise Enrolment.DoesNotExist("Enrolment matching query does not exist.")
        for name, value in zip(ROLLUP_FIELDS, rows[0], strict=True):
            setattr(enrolment, name, value)
    elif deferred:
        enrolment.refresh_from_db(fields=list(deferred))
    return enrolment


def attach_next_modules(enrolments: list[Enrolment]) -> None:
    """Set ``next_module`` (where to continue, or None) on each active enrolment with a
    ``course_page``, and ``module_total`` (the course's live modules) on each enrolment holding
    a seat: one query at most (the modules completed, ``_modules_done``), whatever the number of
    enrolments; each course's modules come from the cache until the next publish."""
    seated = [e for e in enrolments if e.status in SEAT_STATUSES]
    active = [e for e in seated if e.status == EnrolmentStatus.ACTIVE]
    for enrolment in enrolments:
        enrolment.next_module = None
        enrolment.module_total = 0
    if not seated:
        return
    courses = {e.course_page.path: e.course_page for e in seated}
    outlines: dict[str, list] = {}
    for path, course in courses.items():
        outlines[path] = _live_modules(course)
        for module in outlines[path]:
            module._cached_parent_obj = course
    for enrolment in seated:
        enrolment.module_total = len(outlines[enrolment.course_page.path])
    if not active:
        return
    done = _modules_done(active)
    for enrolment in active:
        enrolment.next_module = next_module(
            outlines[enrolment.course_page.path], done[enrolment.pk], enrolment.last_module_key
        )


def _modules_done(enrolments: list[Enrolment]) -> dict[int, set[UUID]]:
    """{enrolment id: the modules it has completed}: one query, kept in the cache for one
    learner's enrolments under their modules-done tag (bumped only when they complete a module)
    until then; for a single enrolment, ``completed_module_keys``, which its course and module
    pages read too."""

    def read() -> dict[int, set[UUID]]:
        done: dict[int, set[UUID]] = {e.pk: set() for e in enrolments}
        rows = ModuleProgress.objects.filter(enrolment_id__in=list(done))
        for enrolment_id, key in rows.values_list("enrolment_id", "module_key"):
            done[enrolment_id].add(key)
        return done

    if len(enrolments) == 1:  # nearly every learner: the set their course and module pages read
        (enrolment,) = enrolments
        return {enrolment.pk: completed_module_keys(enrolment)}
    learners = {e.learner_id for e in enrolments}
    if len(learners) != 1:
        return read()
    (learner_id,) = learners
    ids = ",".join(str(pk) for pk in sorted(e.pk for e in enrolments))
    digest = hashlib.sha256(ids.encode()).hexdigest()[:16]
    return page_cache.remember(
        f"aula:modules-done-of:{learner_id}:{digest}",
        read,
        tags=[modules_done_tag(learner_id)],
        content=False,
    )


def _live_modules(course: CoursePage) -> list[ModulePage]:
    """The course's live modules in tree order (private ones too: they count for the rollup),
    the fields a link needs; from the cache until the next publish."""
    return page_cache.remember(
        f"aula:live-modules:{course.pk}",
        lambda: list(
            ModulePage.objects.child_of(course)
            .live()
            .order_by("path")
            .only(
                "pk", "title", "slug", "url_path", "path", "depth", "translation_key", "locale_id"
            )
        ),
    )


def attach_session_totals(enrolments: list[Enrolment]) -> None:
    """Set ``session_total`` (the cohort's live sessions, not cancelled), ``session_percent``
    (the share attended) and ``is_series`` (a seat in a course without modules, whose progress
    is the sessions attended) on each enrolment (``attach_next_modules`` first): from the
    cache, a query per cohort the first time."""
    seated = [e for e in enrolments if e.status in SEAT_STATUSES]
    totals = {e.cohort_id: session_total(e.cohort) for e in seated}
    for enrolment in enrolments:
        enrolment.session_total = totals.get(enrolment.cohort_id, 0)
        enrolment.is_series = enrolment.status in SEAT_STATUSES and not enrolment.module_total
        enrolment.session_percent = (
            min(100, round(100 * enrolment.sessions_attended / enrolment.session_total))
            if enrolment.session_total
            else 0
        )


def session_total(cohort) -> int:
    """The cohort's scheduled sessions, not cancelled; kept under its course's tag, which every
    change of a cohort or of its scheduled sessions bumps."""
    return page_cache.remember(
        f"aula:session-total:{cohort.pk}",
        lambda: SessionSlot.objects.filter(cohort=cohort, is_cancelled=False).count(),
        tags=[course_tag(cohort.course.translation_key)],
    )


def where_to_continue(enrolments: list[Enrolment]) -> Enrolment | None:
    """The active enrolment the learner worked on most recently that has a module to go on
    with (``attach_next_modules`` first); else the newest one with a module to start."""
    candidates = [e for e in enrolments if e.next_module is not None]
    if not candidates:
        return None
    worked = [e for e in candidates if e.last_activity_at is not None]
    if worked:
        return max(worked, key=lambda e: e.last_activity_at)
    return max(candidates, key=lambda e: e.created_at)


@dataclass
class ModuleState:
    """What an enrolled learner sees of their own work on a module page."""

    enrolment: Enrolment
    completed: bool
    has_quiz: bool
    blocks: dict[str, dict]


def module_state(*, enrolment: Enrolment, module: ModulePage) -> ModuleState:
    """Completion (``completed_module_keys``, from the cache until the learner completes a
    module), quiz attempts (per quiz: best score, count, whether passed and the last
    answers, ``last_answers``) and reflections: a query for each of the two the page has (it
    shows no other), and one for completion when it is not kept. The attempts are read as
    plain values: every attempt is kept, and a learner who tries a quiz often has many."""
    key = module.translation_key
    completed = key in completed_module_keys(enrolment)
    blocks: dict[str, dict] = defaultdict(dict)
    quiz_ids = body_quiz_ids(module.body)
    if quiz_ids:
        for block_id, answers, score, passed in ATTEMPTS(enrolment_id=enrolment.pk, module_key=key):
            state = blocks[block_id]
            state.setdefault("last_answers", answers)
            state["attempts"] = state.get("attempts", 0) + 1
            state["best"] = max(state.get("best", 0), score)
            state["passed"] = state.get("passed", False) or passed
    if body_block_ids(module.body, "reflection"):
        for row in REFLECTIONS(enrolment_id=enrolment.pk, module_key=key):
            # As .only("block_id", "text") gives them.
            reflection = Reflection.from_db(Reflection.objects.db, REFLECTION_FIELDS, row)
            blocks[reflection.block_id]["reflection"] = reflection
    return ModuleState(
        enrolment=enrolment,
        completed=completed,
        has_quiz=bool(quiz_ids),
        blocks=dict(blocks),
    )


def completed_module_keys(enrolment: Enrolment) -> set[UUID]:
    """The modules the enrolment has completed, kept in the cache under the learner's
    modules-done tag (``page_state.modules_done_tag``: bumped only when they complete a module,
    ``services._complete_module``): the course page's outline and each module page's
    "completed" share one read of them, which a quiz retaken or a reflection saved leaves
    kept."""
    return page_cache.remember(
        f"aula:modules-done:{enrolment.pk}",
        lambda: set(MODULES_DONE(enrolment_id=enrolment.pk)),
        tags=[modules_done_tag(enrolment.learner_id)],
        content=False,
    )


def next_module(outline: list, done: set[UUID], last_key: UUID | None):
    """Where to continue: the first module not done after the last one worked on, else the
    first not done from the start. None when every module is done."""
    modules = [page for page in outline if isinstance(page, ModulePage)]
    keys = [page.translation_key for page in modules]
    start = keys.index(last_key) if last_key in keys else 0
    for page in modules[start:] + modules[:start]:
        if page.translation_key not in done:
            return page
    return None
