"""Demo progress: the demo learners' work spread across their cohorts, recorded through the
site's own services (``learners/progress.py``) at dates in the past.

Each active enrolment of a cohort that has started gets a share of its course's modules done,
in outline order (quizzes answered, sometimes after a failed first attempt; a reflection on
every other module), and a last activity from yesterday to five weeks ago, never before the
cohort's start or the enrolment, never after the cohort's end: in a cohort that has ended or
has no dates some learners have finished (their enrolment is completed by the course's rule,
and a certificate follows); in a cohort under way nobody has finished yet (at most every module
but the last), some are half-way, some have not come back for weeks (the tutor dashboard's "at
risk"); a cohort still to start has no work at all. An enrolment that already has progress is
left as it is, so a second run changes nothing.
"""

from datetime import datetime, time, timedelta
from itertools import groupby
from zoneinfo import ZoneInfo

from django.utils import timezone

from courses.models import CoursePage, ModulePage
from learners.models import Enrolment, EnrolmentStatus, ModuleProgress, QuizAttempt, Reflection
from learners.progress import services as progress

# (share of modules done, days since the last activity), taken in turn by the enrolments.
PATTERNS = (
    (1.0, 2),
    (0.5, 1),
    (0.25, 30),
    (0.75, 4),
    (0.0, 0),
    (1.0, 9),
    (0.5, 21),
    (0.25, 3),
)

REFLECTIONS = {
    "en": "In my ministry, care work is still invisible in the statistics. Next month I will "
    "propose adding a time-use module to our labour survey.",
    "es": "En mi ministerio el trabajo de cuidados sigue siendo invisible en las estadísticas. "
    "El mes próximo propondré incluir un módulo de uso del tiempo en la encuesta laboral.",
}


def _right_answers(quiz_value) -> dict[int, set[int]]:
    return {
        number: {n for n, choice in enumerate(question["choices"], start=1) if choice["is_correct"]}
        for number, question in enumerate(quiz_value["questions"], start=1)
    }


def _wrong_answers(quiz_value) -> dict[int, set[int]]:
    answers = {}
    for number, question in enumerate(quiz_value["questions"], start=1):
        choices = enumerate(question["choices"], start=1)
        wrong = [n for n, choice in choices if not choice["is_correct"]]
        answers[number] = {wrong[0]} if wrong else set()
    return answers


def _work_through(enrolment, module, when, *, stumble: bool, reflect: bool) -> None:
    # Quiz attempts and reflections are stamped by the database when written: dated afterwards
    # to when the demo says they happened.
    quizzes = [block for block in module.body if block.block_type == "quiz"]
    for quiz in quizzes:
        if stumble:
            result = progress.submit_quiz(
                enrolment=enrolment,
                module=module,
                block_id=quiz.id,
                answers=_wrong_answers(quiz.value),
                now=when - timedelta(minutes=20),
            )
            _date_attempt(result.attempt, when - timedelta(minutes=20))
        result = progress.submit_quiz(
            enrolment=enrolment,
            module=module,
            block_id=quiz.id,
            answers=_right_answers(quiz.value),
            now=when,
        )
        _date_attempt(result.attempt, when)
    if reflect:
        for block in module.body:
            if block.block_type == "reflection":
                reflection = progress.save_reflection(
                    enrolment=enrolment,
                    module=module,
                    block_id=block.id,
                    text=REFLECTIONS.get(enrolment.cohort.language, REFLECTIONS["en"]),
                    now=when,
                )
                Reflection.objects.filter(pk=reflection.pk).update(created_at=when, updated_at=when)
    if not quizzes:
        progress.mark_module_complete(enrolment=enrolment, module=module, now=when)


# The completion rule of each demo course (courses.md): quizzes count where the course has
# them; attendance earns the webinar series' certificate of participation.
COMPLETION_RULES = {
    "decent-work-care-economy": {"completion_min_quiz_score": 70, "completion_min_attendance": 75},
    "gender-based-violence-at-work": {"completion_min_quiz_score": 70},
    "intro-gender-diversity-human-rights": {"completion_min_quiz_score": 70},
    "professionalising-care-series": {"completion_min_attendance": 50},
}


def ensure_completion_rules(demo) -> None:
    """Set each demo course's rule once, in each of its languages, through a published
    revision."""
    for slug, rule in COMPLETION_RULES.items():
        course = demo.courses.get(slug)
        if course is None:
            continue
        for language in ("en", "es", "pt", "fr"):
            if getattr(course, language) is None:
                continue  # the demo does not translate this course into that language
            page = CoursePage.objects.get(pk=getattr(course, language).pk)
            if all(getattr(page, name) == value for name, value in rule.items()):
                continue
            for name, value in rule.items():
                setattr(page, name, value)
            page.save_revision().publish()


def _date_attempt(attempt, when) -> None:
    QuizAttempt.objects.filter(pk=attempt.pk).update(created_at=when)


def _work_window(enrolment, now) -> tuple[datetime, datetime] | None:
    """When this learner's work may lie: from the later of the cohort's start and the
    enrolment to the earlier of the cohort's end and now; None before the cohort starts."""
    cohort = enrolment.cohort
    zone = ZoneInfo(cohort.time_zone)
    begins, ends = enrolment.created_at, now
    if cohort.starts_on:
        if cohort.starts_on > timezone.localdate(now, zone):
            return None
        begins = max(begins, datetime.combine(cohort.starts_on, time(9), tzinfo=zone))
    if cohort.ends_on:
        ends = min(ends, datetime.combine(cohort.ends_on, time(18), tzinfo=zone))
    return (begins, ends) if begins < ends else None


def _is_under_way(cohort, now) -> bool:
    return bool(cohort.ends_on and cohort.ends_on >= timezone.localdate(now))


def _moments(window, count: int, days_ago: int, now) -> list[datetime]:
    """``count`` moments two days apart ending ``days_ago`` days ago, kept inside ``window``
    (squeezed evenly into it when they would not fit)."""
    begins, ends = window
    last = min(max(now - timedelta(days=days_ago), begins + timedelta(hours=count)), ends)
    moments = [last - timedelta(days=2 * (count - 1 - n)) for n in range(count)]
    if moments[0] < begins:
        step = (last - begins) / count
        moments = [begins + step * (n + 1) for n in range(count)]
    return moments


def ensure_progress(demo) -> int:
    """Record the demo learners' progress once; returns the enrolments given progress."""
    ensure_completion_rules(demo)
    now = timezone.now()
    enrolments = (
        # Completed ones too, so that each enrolment keeps its place (and pattern) in a
        # second run.
        Enrolment.objects.filter(
            status__in=[EnrolmentStatus.ACTIVE, EnrolmentStatus.COMPLETED],
            learner__email__endswith="@aula.example",
        )
        .select_related("cohort__course", "learner")
        .order_by("cohort_id", "learner__email")
    )
    started = set(ModuleProgress.objects.values_list("enrolment_id", flat=True).distinct())
    given = 0
    for _cohort_id, in_cohort in groupby(enrolments, key=lambda e: e.cohort_id):
        for index, enrolment in enumerate(in_cohort):
            if enrolment.pk in started or enrolment.status != EnrolmentStatus.ACTIVE:
                continue
            given += _give_progress(enrolment, index, now)
    demo.created["progress"] += given
    return given


def _give_progress(enrolment, index: int, now) -> int:
    window = _work_window(enrolment, now)
    if window is None:
        return 0
    share, days_ago = PATTERNS[index % len(PATTERNS)]
    if enrolment.learner.email == "learner@aula.example":
        share, days_ago = 0.5, 1  # the demo login: half-way, with somewhere to continue
    modules = list(ModulePage.objects.live().child_of(enrolment.cohort.course).order_by("path"))
    todo = modules[: round(share * len(modules))]
    if _is_under_way(enrolment.cohort, now):
        todo = todo[: len(modules) - 1]  # nobody has finished a cohort under way
    if not todo:
        return 0
    for position, (module, when) in enumerate(
        zip(todo, _moments(window, len(todo), days_ago, now), strict=True)
    ):
        _work_through(enrolment, module, when, stumble=position % 3 == 1, reflect=position % 2 == 0)
    return 1
