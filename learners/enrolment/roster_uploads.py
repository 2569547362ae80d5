"""Uploaded learner lists (``RosterUpload``), imported in the background.

``start_upload_import`` (the staff's confirmation) marks the upload queued and has
``learners.tasks.import_roster_upload`` queued after the commit; the task calls
``run_upload_import``, which imports the list (``roster_import.py``) in groups of ``CHUNK_SIZE``
learners, one transaction each, saving the count done with each group. A group that fails
leaves nothing of itself written and the upload "failed" with the error (a database error that
may pass is retried by the task first); the groups before it stay imported, and confirming
again carries on from the first learner not imported.
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from kombu.exceptions import OperationalError as BrokerError

from learners import audit

from . import tasks
from .models import RosterStatus, RosterUpload
from .roster import RosterError, parse_roster
from .roster_import import import_rows, unique_rows
from .services import EnrolmentError

logger = logging.getLogger(__name__)

CHUNK_SIZE = 1000


class ImportNotAllowed(EnrolmentError):
    message = _("This list cannot be imported as it is.")


def start_upload_import(*, upload: RosterUpload, by) -> RosterUpload:
    """Staff confirm an uploaded list: mark it queued and queue the import after the commit.

    Refused (``ImportNotAllowed``) unless the list is readable with no row to fix and not yet
    imported, queued or running; a failed import may be started again and carries on.
    """
    if not upload.can_start:
        raise ImportNotAllowed()
    with transaction.atomic():
        started = RosterUpload.objects.filter(
            pk=upload.pk, status__in=[RosterStatus.UPLOADED, RosterStatus.FAILED]
        ).update(status=RosterStatus.QUEUED, error="", queued_at=timezone.now())
        if not started:  # confirmed twice at once: the other request queued it
            raise ImportNotAllowed()
        audit.record_roster_import(upload, by=by)
        transaction.on_commit(lambda: _queue_import(upload.pk))
    upload.refresh_from_db()
    return upload


def _queue_import(upload_id: int) -> None:
    try:
        tasks.import_roster_upload.delay(upload_id)
    except BrokerError as error:  # no broker: say so on the page rather than wait forever
        logger.exception("Could not queue the import of learner list %s", upload_id)
        mark_upload_failed(upload_id=upload_id, error=error)


def _claim(upload_id: int) -> RosterUpload | None:
    """The upload, now running; None when there is nothing to do (done, or not confirmed)."""
    with transaction.atomic():
        upload = (
            RosterUpload.objects.select_for_update(of=("self",))
            .select_related("cohort", "uploaded_by")
            .filter(pk=upload_id, status__in=[RosterStatus.QUEUED, RosterStatus.RUNNING])
            .first()
        )
        if upload is None:
            return None
        upload.status = RosterStatus.RUNNING
        upload.started_at = upload.started_at or timezone.now()
        upload.save(update_fields=["status", "started_at"])
    return upload


def _fail(upload: RosterUpload, message: str) -> RosterUpload:
    upload.status = RosterStatus.FAILED
    upload.error = message[:2000]
    RosterUpload.objects.filter(pk=upload.pk).update(status=upload.status, error=upload.error)
    return upload


def mark_upload_failed(*, upload_id: int, error: BaseException) -> None:
    """Record that the import stopped (the task's last attempt, or no broker to queue it)."""
    RosterUpload.objects.filter(
        pk=upload_id, status__in=[RosterStatus.QUEUED, RosterStatus.RUNNING]
    ).update(status=RosterStatus.FAILED, error=f"{type(error).__name__}: {error}"[:2000])


def run_upload_import(*, upload_id: int) -> RosterUpload | None:
    """Import a confirmed list, ``CHUNK_SIZE`` learners per transaction, from the first one
    not imported yet. Safe to run again: a finished list is left alone, a group is imported
    only by the run that finds the count where it left it (the row is locked meanwhile).

    Database errors that may pass (``tasks.IMPORT_RETRY_ERRORS``: a lost connection, a learner
    created at the same moment) propagate for the task to retry; any other error marks the
    upload failed."""
    upload = _claim(upload_id)
    if upload is None:
        return None
    try:
        preview = parse_roster(bytes(upload.data))
    except RosterError as error:
        return _fail(upload, str(error))
    if not preview.is_valid:
        return _fail(upload, str(ImportNotAllowed.message))
    rows = unique_rows(preview.rows)
    if upload.total != len(rows):
        upload.total = len(rows)
        RosterUpload.objects.filter(pk=upload.pk).update(total=upload.total)

    cohort, by = upload.cohort, upload.uploaded_by
    for start in range(upload.processed, len(rows), CHUNK_SIZE):
        chunk = rows[start : start + CHUNK_SIZE]
        try:
            with transaction.atomic():
                processed, summary = (
                    RosterUpload.objects.select_for_update()
                    .filter(pk=upload.pk)
                    .values_list("processed", "summary")
                    .get()
                )
                if processed != start:  # another delivery of the task has taken over
                    return None
                result = import_rows(cohort=cohort, rows=chunk, by=by, now=timezone.now())
                upload.processed = start + len(chunk)
                upload.summary = result.as_summary(summary)
                RosterUpload.objects.filter(pk=upload.pk).update(
                    processed=upload.processed, summary=upload.summary
                )
        except tasks.IMPORT_RETRY_ERRORS:
            raise  # the task tries again, from this group
        except Exception as error:  # noqa: BLE001 - whatever it is, staff must see it stopped
            logger.exception("Import of learner list %s stopped at learner %s", upload.pk, start)
            return _fail(upload, f"{type(error).__name__}: {error}")

    upload.status = RosterStatus.DONE
    upload.imported_at = timezone.now()
    upload.data = b""  # the people are in the database now; drop the file
    RosterUpload.objects.filter(pk=upload.pk).update(
        status=upload.status, imported_at=upload.imported_at, data=upload.data, error=""
    )
    return upload


def delete_stale_uploads(*, older_than_hours: int = 24) -> int:
    """Forget learner lists that were previewed but never imported (they hold personal data),
    and the files of imports that failed and were not started again (their record stays: part
    of the list may be imported). Returns how many uploads were deleted."""
    cutoff = timezone.now() - timedelta(hours=older_than_hours)
    RosterUpload.objects.filter(status=RosterStatus.FAILED, created_at__lt=cutoff).update(data=b"")
    deleted, _by_model = RosterUpload.objects.filter(
        status=RosterStatus.UPLOADED, created_at__lt=cutoff
    ).delete()
    return deleted
