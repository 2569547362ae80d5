"""What the rollup and the completion rule need to know about a course: its live modules in
outline order, their quizzes, the required modules and the rule's minimums."""

from dataclasses import dataclass, field
from uuid import UUID

from courses.models import CoursePage, ModulePage
from home import cache as page_cache


@dataclass
class ModuleInfo:
    key: UUID
    page_id: int
    quiz_ids: tuple[str, ...]


@dataclass
class CourseStructure:
    """What the rollup and the rule need to know about a course, in one or two queries."""

    modules: list[ModuleInfo]
    required_keys: set[UUID]
    min_quiz_score: int | None
    min_attendance: int | None
    quizzes: set[tuple[UUID, str]] = field(default_factory=set)
    min_posts: int | None = None

    @property
    def module_keys(self) -> set[UUID]:
        return {module.key for module in self.modules}


def body_quiz_ids(body) -> tuple[str, ...]:
    return body_block_ids(body, "quiz")


def body_block_ids(body, block_type: str) -> tuple[str, ...]:
    # raw_data: the stored JSON, without building every block's value.
    return tuple(block["id"] for block in body.raw_data if block.get("type") == block_type)


def course_structure(course: CoursePage) -> CourseStructure:
    """The live modules of ``course`` in outline order, its required modules and its rule: the
    same until the next publish (modules, the rule and its required modules are published with
    the pages), so from the cache (every quiz, reflection and completion asks it)."""
    return page_cache.remember(f"aula:structure:{course.pk}", lambda: _load_structure(course))


def _load_structure(course: CoursePage) -> CourseStructure:
    rows = (
        ModulePage.objects.live()
        .child_of(course)
        .order_by("path")
        .values_list("translation_key", "pk", "body")
    )
    modules = [
        ModuleInfo(key=key, page_id=pk, quiz_ids=body_quiz_ids(body)) for key, pk, body in rows
    ]
    live_keys = {module.key for module in modules}
    required = (
        set(course.required_modules.values_list("module__translation_key", flat=True)) & live_keys
    )
    structure = CourseStructure(
        modules=modules,
        required_keys=required or live_keys,
        min_quiz_score=course.completion_min_quiz_score,
        min_attendance=course.completion_min_attendance,
        min_posts=course.completion_min_posts,
    )
    structure.quizzes = {(m.key, quiz_id) for m in modules for quiz_id in m.quiz_ids}
    return structure
