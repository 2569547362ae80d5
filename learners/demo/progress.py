"""Demo progress: the demo learners' work spread across their cohorts, recorded through the
site's own services (``learners/progress.py``) at dates in the past.

Each active enrolment gets a share of its course's modules done, in outline order (quizzes
answered, sometimes after a failed first attempt; a reflection on every other module), and a
last activity from yesterday to five weeks ago: some learners have finished (their enrolment is
completed by the course's rule, and a certificate follows), some are half-way, some have not
come back for weeks (the tutor dashboard's "at risk"). An enrolment that already has progress
is left as it is, so a second run changes nothing.
"""

from datetime import timedelta

from django.utils import timezone

from courses.models import CoursePage, ModulePage
from learners.models import Enrolment, EnrolmentStatus, ModuleProgress
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
    quizzes = [block for block in module.body if block.block_type == "quiz"]
    for quiz in quizzes:
        if stumble:
            progress.submit_quiz(
                enrolment=enrolment,
                module=module,
                block_id=quiz.id,
                answers=_wrong_answers(quiz.value),
                now=when - timedelta(minutes=20),
            )
        progress.submit_quiz(
            enrolment=enrolment,
            module=module,
            block_id=quiz.id,
            answers=_right_answers(quiz.value),
            now=when,
        )
    if reflect:
        for block in module.body:
            if block.block_type == "reflection":
                progress.save_reflection(
                    enrolment=enrolment,
                    module=module,
                    block_id=block.id,
                    text=REFLECTIONS.get(enrolment.cohort.language, REFLECTIONS["en"]),
                    now=when,
                )
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
    """Set each demo course's rule once, in both languages, through a published revision."""
    for slug, rule in COMPLETION_RULES.items():
        course = demo.courses.get(slug)
        if course is None:
            continue
        for language in ("en", "es"):
            page = CoursePage.objects.get(pk=getattr(course, language).pk)
            if all(getattr(page, name) == value for name, value in rule.items()):
                continue
            for name, value in rule.items():
                setattr(page, name, value)
            page.save_revision().publish()


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
    for index, enrolment in enumerate(enrolments):
        if enrolment.pk in started or enrolment.status != EnrolmentStatus.ACTIVE:
            continue
        share, days_ago = PATTERNS[index % len(PATTERNS)]
        if enrolment.learner.email == "learner@aula.example":
            share, days_ago = 0.5, 1  # the demo login: half-way, with somewhere to continue
        modules = list(ModulePage.objects.live().child_of(enrolment.cohort.course).order_by("path"))
        todo = modules[: round(share * len(modules))]
        if not todo:
            continue
        last = now - timedelta(days=days_ago)
        for position, module in enumerate(todo):
            when = last - timedelta(days=2 * (len(todo) - 1 - position))
            _work_through(
                enrolment, module, when, stumble=position % 3 == 1, reflect=position % 2 == 0
            )
        given += 1
    demo.created["progress"] += given
    return given
