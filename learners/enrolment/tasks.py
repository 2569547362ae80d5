"""Background work of enrolment. Thin: each task takes ids and calls its service. The names
(``learners.tasks.…``) are the ones queued messages and the beat schedule use: keep them."""

from celery import shared_task
from django.db import IntegrityError, InterfaceError, OperationalError

# Database errors after which the same import may well succeed (a connection lost, a deadlock, a
# learner created at the same moment): the import task retries them.
IMPORT_RETRY_ERRORS = (OperationalError, InterfaceError, IntegrityError)


@shared_task(
    name="learners.tasks.send_enrolment_email",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def send_enrolment_email(enrolment_id: int, kind: str) -> bool:
    """Email the learner about their enrolment, in their language."""
    from .emails import send_enrolment_email as send

    return send(enrolment_id=enrolment_id, kind=kind)


@shared_task(
    name="learners.tasks.send_invitation_email",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def send_invitation_email(enrolment_id: int) -> bool:
    """Invite a learner whose account a list import created to set a password."""
    from .emails import send_invitation_email as send

    return send(enrolment_id=enrolment_id)


def _import_failed(task, exc, task_id, args, kwargs, einfo):
    """The import's last attempt failed: the upload says so (its page stops waiting)."""
    from .roster_uploads import mark_upload_failed

    mark_upload_failed(upload_id=args[0] if args else kwargs["upload_id"], error=exc)


@shared_task(
    name="learners.tasks.import_roster_upload",
    acks_late=True,
    autoretry_for=IMPORT_RETRY_ERRORS,
    retry_backoff=True,
    max_retries=5,
    on_failure=_import_failed,
)
def import_roster_upload(upload_id: int) -> int:
    """Import a learner list staff confirmed, carrying on from where an earlier attempt
    stopped; returns how many of its learners are imported."""
    from .roster_uploads import run_upload_import

    upload = run_upload_import(upload_id=upload_id)
    return upload.processed if upload else 0


@shared_task(
    name="learners.tasks.send_roster_emails",
    acks_late=True,
)
def send_roster_emails(invitations: list[int], notices: list[list]) -> int:
    """Queue the emails of one imported group: an invitation per new account, an enrolment
    email per existing one, one task each (returns how many)."""
    from .roster_import import queue_roster_emails

    return queue_roster_emails(invitations=invitations, notices=notices)


@shared_task(
    name="learners.tasks.delete_stale_roster_uploads",
    acks_late=True,
)
def delete_stale_roster_uploads(older_than_hours: int = 24) -> int:
    """Forget learner lists that were previewed but never imported (they hold personal data)."""
    from .roster_uploads import delete_stale_uploads

    return delete_stale_uploads(older_than_hours=older_than_hours)


@shared_task(
    name="learners.tasks.send_announcement",
    acks_late=True,
)
def send_announcement(announcement_id: int) -> int:
    """Queue one email per active learner of the announcement's cohort (returns how many)."""
    from .announcements import queue_announcement_emails

    return queue_announcement_emails(announcement_id=announcement_id)


@shared_task(
    name="learners.tasks.send_announcement_email",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def send_announcement_email(announcement_id: int, enrolment_id: int) -> bool:
    """Email one learner an announcement, in their language (once)."""
    from .emails import send_announcement_email as send

    return send(announcement_id=announcement_id, enrolment_id=enrolment_id)
