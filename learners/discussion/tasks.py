"""Background work of the discussion. Thin: each task calls its service in ``emails``."""

from celery import shared_task


@shared_task(
    name="learners.tasks.send_question_alerts",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def send_question_alerts(thread_id: int) -> int:
    """Email the cohort's tutors who asked to hear of new questions at once."""
    from .emails import send_question_alerts as send

    return send(thread_id=thread_id)


@shared_task(
    name="learners.tasks.send_reply_alerts",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def send_reply_alerts(post_id: int) -> int:
    """Email a new reply to the thread's followers who asked to hear of replies at once."""
    from .emails import send_reply_alerts as send

    return send(post_id=post_id)


@shared_task(name="learners.tasks.send_discussion_digests", acks_late=True)
def send_discussion_digests() -> int:
    """The daily summary: new replies in followed threads, and new questions for tutors who
    chose a summary (beat, once a day)."""
    from .emails import send_digests

    return send_digests()
