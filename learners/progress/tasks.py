"""Background work of progress. Thin: the task takes an id and calls its service."""

from celery import shared_task


@shared_task(
    name="learners.tasks.refresh_course_progress",
    acks_late=True,
)
def refresh_course_progress(course_id: int) -> int:
    """Recompute the progress of every learner of a course after its modules or its completion
    rule changed (a module added, unpublished, moved or deleted). Returns the enrolments seen."""
    from .services import refresh_course_by_id

    return refresh_course_by_id(course_id=course_id)
