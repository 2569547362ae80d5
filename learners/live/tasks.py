"""Background work of live sessions: the reminder scan (Celery beat) and the reminder emails.
Thin: each task calls its service. The names (``learners.tasks.…``) are the ones queued
messages and the beat schedule in aula/settings/base.py use: keep them."""

from celery import shared_task


@shared_task(
    name="learners.tasks.scan_session_reminders",
    acks_late=True,
)
def scan_session_reminders() -> int:
    """Celery beat: record the reminders due now and queue one email task per new row."""
    from .services import schedule_reminders

    return len(schedule_reminders())


@shared_task(
    name="learners.tasks.send_session_reminder",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def send_session_reminder(reminder_id: int) -> bool:
    """Email one reminder, in the learner's language and time zone (once)."""
    from .emails import send_session_reminder as send

    return send(reminder_id=reminder_id)
