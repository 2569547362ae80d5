"""Progress through a course: completing modules, quizzes graded on the server, reflections,
the per-enrolment rollup that dashboards read, and the course's completion rule.

Every write goes through one of the services here (views, tasks, the admin and ``seed_demo``
call the same functions). Modules are named by their translation key, so the Spanish copy of a
module counts as the module; quiz and reflection blocks by their StreamField block id, which
translations keep.

The rollup on ``Enrolment`` (``progress_percent``, ``modules_done``, ``quiz_average``,
``sessions_attended``, ``last_activity_at``) is recomputed by ``refresh_progress`` for the
enrolments a write touched, and for a whole course when its modules or its rule change
(``tasks.refresh_course_progress``, queued by ``course_changed`` on publish, unpublish and
delete), so it stays right when modules are added to or unpublished from a course.

The completion rule (set by editors on the CoursePage) is met when the learner has completed
every required module (the course's required modules, or every live module when none are
listed), their quiz average over all the course's quizzes (best score of each; a quiz not taken
counts 0) reaches the minimum when one is set and the course has quizzes, and they attended the
minimum share of the cohort's scheduled, not cancelled live sessions when one is set and the
cohort has sessions, and they posted the minimum number of messages in their cohort's discussion
(learners.discussion) when one is set. A course with no modules (a webinar series) completes
on attendance alone. ``evaluate_completion`` (with ``refresh_progress``, which it calls) is the
only place that completes an enrolment.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

from django.db import models, transaction
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aula.queries import CompiledQuery, CompiledUpdate
from courses.models import Cohort, CoursePage, ModulePage
from learners.accounts.page_state import (
    learner_changed,
    module_work_changed,
    modules_done_changed,
    progress_changed,
    worked_again,
)
from learners.certificates import services as certificates
from learners.discussion.selectors import posts_by_learner
from learners.enrolment.models import SEAT_STATUSES, Enrolment, EnrolmentStatus
from learners.enrolment.sanitize import MAX_LENGTH, clean_html

from . import tasks
from .models import Attendance, AttendanceStatus, ModuleProgress, QuizAttempt, Reflection
from .selectors import course_seat, session_total
from .structure import CourseStructure, body_quiz_ids, course_structure


class ProgressError(Exception):
    message = _("This could not be saved.")
    status = 400

    def __init__(self, message=None):
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class NotEnrolled(ProgressError):
    message = _("Enrol in this course to save your progress.")
    status = 403


class UnknownBlock(ProgressError):
    message = _("This quiz or prompt is not part of the module.")


class InvalidAnswers(ProgressError):
    message = _("These answers do not match the quiz's questions.")


class QuizRequired(ProgressError):
    message = _("Pass the module's quiz to complete it.")


class AnswerTooLong(ProgressError):
    message = _("Your answer is too long: please keep it under %(limit)s characters.") % {
        "limit": f"{MAX_LENGTH:,}"
    }


class EmptyAnswer(ProgressError):
    message = _("Write your answer before saving it.")


# --- who may record progress -----------------------------------------------------------------


def enrolment_for_module(*, user, module: ModulePage) -> Enrolment:
    """The user's enrolment holding a seat (completed before active) in a cohort of the
    module's course (``selectors.course_seat``: the module page's own query)."""
    enrolment = course_seat(user=user, course=module.course)
    if enrolment is None:
        raise NotEnrolled()
    return enrolment


# --- writes ----------------------------------------------------------------------------------


def mark_module_complete(*, enrolment: Enrolment, module: ModulePage, now=None) -> None:
    """Complete a module without a quiz. Completing it again changes nothing but the
    learner's last activity (the rollup is not recomputed: nothing it counts changed)."""
    if body_quiz_ids(module.body):
        raise QuizRequired()
    now = now or timezone.now()
    if _is_done(enrolment, module):
        _touch(enrolment, module, now)
        return
    _complete_module(enrolment, module, now)


# The queries every answer makes, built by the ORM once per process (aula/queries.py).
DONE = CompiledQuery(
    lambda enrolment_id, module_key: ModuleProgress.objects.filter(
        enrolment_id=enrolment_id, module_key=module_key
    ).values_list("pk", flat=True)[:1],
    enrolment_id=int,
    module_key=UUID,
)
BEST_SCORE = CompiledQuery(
    lambda enrolment_id, module_key, block_id: (
        QuizAttempt.objects.filter(
            enrolment_id=enrolment_id, module_key=module_key, block_id=block_id
        )
        .order_by("-score")
        .values_list("score", flat=True)[:1]
    ),
    enrolment_id=int,
    module_key=UUID,
    block_id=str,
)
# "Continue where you left off" moved to the module (1 row) unless it was there already (0).
PLACE = CompiledUpdate(
    lambda pk, key, now: (
        Enrolment.objects.filter(pk=pk).exclude(last_module_key=key),
        {"last_activity_at": now, "last_module_key": key},
    ),
    pk=int,
    key=UUID,
    now=datetime,
)
LAST_ACTIVITY = CompiledUpdate(
    lambda pk, now: (Enrolment.objects.filter(pk=pk), {"last_activity_at": now}),
    pk=int,
    now=datetime,
)
QUIZZES_PASSED = CompiledQuery(
    lambda enrolment_id, module_key: QuizAttempt.objects.filter(
        enrolment_id=enrolment_id, module_key=module_key, passed=True
    ).values_list("block_id", flat=True),
    enrolment_id=int,
    module_key=UUID,
)


def _is_done(enrolment: Enrolment, module: ModulePage) -> bool:
    return bool(DONE(enrolment_id=enrolment.pk, module_key=module.translation_key))


def _complete_module(enrolment: Enrolment, module: ModulePage, now) -> None:
    # Inside submit_quiz's transaction, no savepoint: nothing here is retried on its own.
    with transaction.atomic(savepoint=False):
        # ON CONFLICT DO NOTHING: completing a module twice leaves the first row as it was.
        ModuleProgress.objects.bulk_create(
            [
                ModuleProgress(
                    enrolment=enrolment, module_key=module.translation_key, completed_at=now
                )
            ],
            ignore_conflicts=True,
        )
        modules_done_changed(enrolment.learner_id)
        _touch(enrolment, module, now, save=False)
        _refresh([enrolment], now=now, also=["last_activity_at", "last_module_key"])


@dataclass
class QuestionResult:
    number: int
    correct: bool
    explanation: str


@dataclass
class QuizResult:
    attempt: QuizAttempt
    questions: list[QuestionResult]
    module_completed: bool


def _find_block(module: ModulePage, block_id: str, block_type: str):
    for block in module.body:
        if block.id == block_id and block.block_type == block_type:
            return block
    raise UnknownBlock()


def grade(quiz_value, answers: dict[int, set[int]]) -> tuple[int, list[QuestionResult]]:
    """Grade ``answers`` ({question number: chosen answer numbers}, both counted from 1).

    A question is right when exactly its correct answers are chosen; an unanswered question
    is wrong. Raises InvalidAnswers for a question or answer the quiz does not have, or
    several answers to a one-answer question."""
    questions = list(quiz_value["questions"])
    if any(number < 1 or number > len(questions) for number in answers):
        raise InvalidAnswers()
    results = []
    for number, question in enumerate(questions, start=1):
        choices = list(question["choices"])
        chosen = answers.get(number, set())
        if any(choice < 1 or choice > len(choices) for choice in chosen):
            raise InvalidAnswers()
        if len(chosen) > 1 and not question.allows_several_answers:
            raise InvalidAnswers()
        right = {n for n, choice in enumerate(choices, start=1) if choice["is_correct"]}
        results.append(QuestionResult(number, chosen == right, question["explanation"]))
    correct = sum(result.correct for result in results)
    return correct, results


def submit_quiz(
    *,
    enrolment: Enrolment,
    module: ModulePage,
    block_id: str,
    answers: dict[int, set[int]],
    now=None,
) -> QuizResult:
    """Grade and keep an attempt. When every quiz of the module is passed (best attempts), the
    module is complete.

    An attempt that neither completes the module (it was completed before, or is not now) nor
    beats the learner's best score on this quiz leaves everything the rollup counts as it was:
    it is kept and the learner's last activity written, without recomputing the rollup (most
    retakes: a learner trying a quiz again after passing it)."""
    now = now or timezone.now()
    block = _find_block(module, block_id, "quiz")
    correct, results = grade(block.value, answers)
    total = len(results)
    score = round(100 * correct / total) if total else 0
    with transaction.atomic():
        best = BEST_SCORE(
            enrolment_id=enrolment.pk, module_key=module.translation_key, block_id=block_id
        )
        previous_best = best[0] if best else None
        attempt = QuizAttempt.objects.create(
            enrolment=enrolment,
            module_key=module.translation_key,
            block_id=block_id,
            answers={str(number): sorted(chosen) for number, chosen in answers.items()},
            correct=correct,
            total=total,
            score=score,
            passed=score >= block.value["pass_mark"],
        )
        module_completed = _all_quizzes_passed(enrolment, module, attempt)
        newly_completed = module_completed and not _is_done(enrolment, module)
        if newly_completed:
            _complete_module(enrolment, module, now)
        elif previous_best is not None and score <= previous_best:
            _touch(enrolment, module, now)  # the modules done and the best scores as they were
        else:
            _touch(enrolment, module, now, save=False)
            _refresh([enrolment], now=now, also=["last_activity_at", "last_module_key"])
    return QuizResult(attempt=attempt, questions=results, module_completed=module_completed)


def _all_quizzes_passed(enrolment: Enrolment, module: ModulePage, attempt: QuizAttempt) -> bool:
    """Every quiz of the module passed, ``attempt`` (just made) included; the others' attempts
    are asked for only when the module has other quizzes."""
    left = set(body_quiz_ids(module.body)) - ({attempt.block_id} if attempt.passed else set())
    if not left:
        return True
    passed = set(QUIZZES_PASSED(enrolment_id=enrolment.pk, module_key=module.translation_key))
    return left <= passed


def save_reflection(
    *, enrolment: Enrolment, module: ModulePage, block_id: str, text: str, now=None
) -> Reflection:
    """Save (or replace) the learner's answer to a reflection prompt, cleaned with bleach."""
    now = now or timezone.now()
    _find_block(module, block_id, "reflection")
    if len(text) > MAX_LENGTH:
        raise AnswerTooLong()
    cleaned = clean_html(text)
    if not cleaned.strip():
        raise EmptyAnswer()
    with transaction.atomic():
        # One INSERT ... ON CONFLICT DO UPDATE (the prompt's one answer, written when it was
        # first written), where update_or_create reads, opens savepoints, then writes.
        (reflection,) = Reflection.objects.bulk_create(
            [
                Reflection(
                    enrolment=enrolment,
                    module_key=module.translation_key,
                    block_id=block_id,
                    text=cleaned,
                )
            ],
            update_conflicts=True,
            unique_fields=["enrolment", "module_key", "block_id"],
            update_fields=["text", "updated_at"],
        )
        _touch(enrolment, module, now)
    return reflection


def _touch(enrolment: Enrolment, module: ModulePage, now, *, save: bool = True) -> None:
    """The learner worked on ``module`` (its page shows it at once); ``save``: write "continue
    where you left off" now, else the caller's ``_refresh`` writes it with the rollup. Work on
    the module they last worked on moves only their last activity: their course page stays
    kept (``page_state.worked_again``)."""
    key = module.translation_key
    enrolment.last_activity_at, enrolment.last_module_key = now, key
    if not save:  # the caller's _refresh says that the learner's progress changed
        module_work_changed(enrolment.learner_id, key)
        return
    if PLACE(pk=enrolment.pk, key=key, now=now):
        progress_changed(enrolment.learner_id, module_key=key)
    else:
        LAST_ACTIVITY(pk=enrolment.pk, now=now)
        worked_again(enrolment.learner_id, key)


# --- the rollup and the rule -----------------------------------------------------------------


@dataclass
class Stats:
    done: set[UUID] = field(default_factory=set)
    best: dict[tuple[UUID, str], int] = field(default_factory=dict)
    present: int = 0
    sessions: int = 0
    posts: int = 0


FEW_COHORTS = 3


def _stats(enrolments: list[Enrolment]) -> dict[int, Stats]:
    """Done modules, best quiz scores and attendance of these enrolments: four queries (three
    for enrolments of a few cohorts, whose sessions are counted in the cache; two when those
    cohorts have no scheduled session)."""
    ids = [enrolment.pk for enrolment in enrolments]
    stats = {pk: Stats() for pk in ids}
    for enrolment_id, key in _rows(_done_rows, ids):
        stats[enrolment_id].done.add(key)
    for enrolment_id, key, block_id, score in _rows(_best_rows, ids):
        stats[enrolment_id].best[(key, block_id)] = score
    cohorts = {enrolment.cohort_id: enrolment.cohort for enrolment in enrolments}
    if len(cohorts) <= FEW_COHORTS:  # a learner's own answer: from the cache
        sessions = {pk: session_total(cohort) for pk, cohort in cohorts.items()}
    else:
        sessions = dict(
            Cohort.objects.filter(pk__in=cohorts)
            .annotate(
                count=Count("session_slots", filter=models.Q(session_slots__is_cancelled=False))
            )
            .values_list("pk", "count")
        )
    for enrolment in enrolments:
        stats[enrolment.pk].sessions = sessions.get(enrolment.cohort_id, 0)
    # A cohort without a scheduled session has no attendance to count.
    attending = [enrolment.pk for enrolment in enrolments if sessions.get(enrolment.cohort_id)]
    if attending:
        for enrolment_id, count in _rows(_present_rows, attending):
            stats[enrolment_id].present = count
    return stats


def _done_rows(ids: list[int]):
    return ModuleProgress.objects.filter(enrolment_id__in=ids).values_list(
        "enrolment_id", "module_key"
    )


def _best_rows(ids: list[int]):
    return (
        QuizAttempt.objects.filter(enrolment_id__in=ids)
        .values_list("enrolment_id", "module_key", "block_id")
        .annotate(best=Max("score"))
    )


def _present_rows(ids: list[int]):
    return (
        Attendance.objects.filter(
            enrolment_id__in=ids, status=AttendanceStatus.PRESENT, slot__is_cancelled=False
        )
        .values_list("enrolment_id")
        .annotate(count=Count("pk"))
    )


# One learner's answer refreshes their own rollup: those queries for one enrolment, built once.
_OF_ONE = {
    rows: CompiledQuery(lambda enrolment_id, rows=rows: rows([enrolment_id]), enrolment_id=int)
    for rows in (_done_rows, _best_rows, _present_rows)
}


def _rows(rows, ids: list[int]) -> list[tuple]:
    """``rows(ids)``'s rows; for one enrolment, from the query built once (``_OF_ONE``)."""
    if len(ids) == 1:
        return _OF_ONE[rows](enrolment_id=ids[0])
    return list(rows(ids))


def _quiz_average(structure: CourseStructure, stats: Stats) -> int | None:
    """The average of the best scores of the quizzes taken (what tutors see)."""
    scores = [score for quiz, score in stats.best.items() if quiz in structure.quizzes]
    return round(sum(scores) / len(scores)) if scores else None


def rule_is_met(structure: CourseStructure, stats: Stats) -> bool:
    if not structure.modules and not (structure.min_attendance and stats.sessions):
        return False  # nothing to complete: no modules, no attendance to earn
    if not structure.required_keys <= stats.done:
        return False
    if structure.min_posts and stats.posts < structure.min_posts:
        return False
    if structure.min_quiz_score is not None and structure.quizzes:
        total = sum(stats.best.get(quiz, 0) for quiz in structure.quizzes)
        if total / len(structure.quizzes) < structure.min_quiz_score:
            return False
    return not (
        structure.min_attendance is not None
        and stats.sessions
        and 100 * stats.present / stats.sessions < structure.min_attendance
    )


def refresh_progress(enrolment_ids: Iterable[int], *, now=None) -> list[Enrolment]:
    """Recompute the rollup of these enrolments and complete those that meet their course's
    rule. A constant number of queries per course, whatever the number of enrolments."""
    enrolments = list(
        Enrolment.objects.filter(pk__in=list(enrolment_ids)).select_related("cohort__course")
    )
    return _refresh(enrolments, now=now)


ROLLUP_FIELDS = ("modules_done", "progress_percent", "quiz_average", "sessions_attended")
_FIELD_TYPES = {"last_activity_at": datetime, "last_module_key": UUID}
_ROLLUP_UPDATES: dict[tuple[str, ...], CompiledUpdate] = {}


def _rollup_update(also: tuple[str, ...]) -> CompiledUpdate:
    """One enrolment's rollup (and ``also``) saved: an UPDATE built once per set of fields."""
    update = _ROLLUP_UPDATES.get(also)
    if update is None:
        names = (*ROLLUP_FIELDS, *also)
        update = _ROLLUP_UPDATES[also] = CompiledUpdate(
            lambda pk, **values: (Enrolment.objects.filter(pk=pk), values),
            pk=int,
            **{name: _FIELD_TYPES.get(name, int) for name in names},
        )
    return update


def _refresh(enrolments: list[Enrolment], *, now=None, also: Iterable[str] = ()) -> list[Enrolment]:
    """refresh_progress for enrolments already loaded (with ``cohort__course``); ``also``: more
    fields set on them by the caller, saved in the same UPDATE."""
    now = now or timezone.now()
    # By course page, not by translation key: a cohort follows its own language's page, whose
    # quizzes may carry other block ids than another language's copy.
    by_course: dict[int, list[Enrolment]] = defaultdict(list)
    courses: dict[int, CoursePage] = {}
    for enrolment in enrolments:
        by_course[enrolment.cohort.course_id].append(enrolment)
        courses.setdefault(enrolment.cohort.course_id, enrolment.cohort.course)
    completed = []
    for key, group in by_course.items():
        structure = course_structure(courses[key])
        stats = _stats(group)
        if structure.min_posts:  # the course requires posts in the cohort's discussion
            posts = posts_by_learner(
                cohort_ids={e.cohort_id for e in group}, learner_ids={e.learner_id for e in group}
            )
            for enrolment in group:
                key = (enrolment.cohort_id, enrolment.learner_id)
                stats[enrolment.pk].posts = posts.get(key, 0)
        total = len(structure.modules)
        for enrolment in group:
            mine = stats[enrolment.pk]
            done = len(mine.done & structure.module_keys)
            enrolment.modules_done = done
            enrolment.progress_percent = round(100 * done / total) if total else 0
            enrolment.quiz_average = _quiz_average(structure, mine)
            enrolment.sessions_attended = mine.present
            if enrolment.status == EnrolmentStatus.ACTIVE and rule_is_met(structure, mine):
                completed.append(enrolment)
        fields = [*ROLLUP_FIELDS, *also]
        if len(group) == 1:  # a learner's own answer: a plain UPDATE, built once a process
            (enrolment,) = group
            _rollup_update(tuple(also))(
                pk=enrolment.pk, **{name: getattr(enrolment, name) for name in fields}
            )
        else:
            Enrolment.objects.bulk_update(group, fields, batch_size=500)
    for enrolment in completed:
        _complete(enrolment, now)
    # Written with bulk_update and update(), which send no signal.
    progress_changed(*(enrolment.learner_id for enrolment in enrolments))
    return enrolments


def discussion_post_written(*, enrolment: Enrolment, course: CoursePage) -> bool:
    """A learner posted in their cohort's discussion: that may complete a course whose rule
    asks for posts (``completion_min_posts``); True when the enrolment is completed now."""
    if not course.completion_min_posts:
        return False
    return evaluate_completion(enrolment)


def evaluate_completion(enrolment: Enrolment, *, now=None) -> bool:
    """Complete the enrolment if its course's rule is met; True when it is completed now."""
    refreshed = refresh_progress([enrolment.pk], now=now)
    if refreshed and refreshed[0].status == EnrolmentStatus.COMPLETED:
        enrolment.status = EnrolmentStatus.COMPLETED
        enrolment.completed_at = refreshed[0].completed_at
    return enrolment.status == EnrolmentStatus.COMPLETED


def _complete(enrolment: Enrolment, now) -> None:
    """Active → completed, once: the conditional update decides which caller completes it, and
    only that caller has the certificate issued (a task queued after the commit)."""
    changed = Enrolment.objects.filter(pk=enrolment.pk, status=EnrolmentStatus.ACTIVE).update(
        status=EnrolmentStatus.COMPLETED, completed_at=now
    )
    if not changed:
        return
    enrolment.status, enrolment.completed_at = EnrolmentStatus.COMPLETED, now
    learner_changed(enrolment.learner_id)  # the status, written with update()
    certificates.issue_after_commit(enrolment_id=enrolment.pk)


def refresh_course_by_id(*, course_id: int) -> int:
    """``refresh_course`` for the course with this id (none: 0)."""
    course = CoursePage.objects.filter(pk=course_id).first()
    if course is None:
        return 0
    return refresh_course(course)


def refresh_course(course: CoursePage) -> int:
    """Recompute every enrolment of the course's cohorts (any translation of it)."""
    ids = list(
        Enrolment.objects.filter(
            cohort__in=Cohort.objects.for_course(course), status__in=SEAT_STATUSES
        ).values_list("pk", flat=True)
    )
    for start in range(0, len(ids), 1000):
        refresh_progress(ids[start : start + 1000])
    return len(ids)


def course_changed(sender, instance, **kwargs):
    """A course's modules or rule changed (a page published, unpublished or deleted; connected
    in learners/signals.py): its learners' progress is recomputed in the background, after the
    change is committed."""
    course = instance if isinstance(instance, CoursePage) else getattr(instance, "course", None)
    if course is None or not course.pk:
        return
    course_id = course.pk
    transaction.on_commit(lambda: tasks.refresh_course_progress.delay(course_id))
