"""Background work of certificates. Thin: each task takes ids and calls its service. The names
(``learners.tasks.…``) are the ones queued messages use: keep them."""

import logging

from celery import shared_task

from learners.enrolment.models import Enrolment

logger = logging.getLogger(__name__)


@shared_task(
    name="learners.tasks.issue_certificate",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def issue_certificate(enrolment_id: int) -> int | None:
    """Issue the certificate of a completed enrolment (row, PDF in media storage, email).
    Idempotent: repeated completions and retries leave one certificate."""
    from .services import NotCompleted
    from .services import issue_certificate as issue

    try:
        certificate, _created = issue(enrolment_id=enrolment_id)
    except Enrolment.DoesNotExist:
        logger.warning("Enrolment %s vanished before its certificate was issued", enrolment_id)
        return None
    except NotCompleted:
        logger.warning("Enrolment %s is not completed: no certificate", enrolment_id)
        return None
    return certificate.pk


@shared_task(
    name="learners.tasks.reissue_certificate",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def reissue_certificate(certificate_id: int, user_id: int | None = None) -> int | None:
    """Re-issue one certificate (a cohort re-issue queues one per certificate). A certificate
    already replaced or revoked is left alone, so a retried task changes nothing."""
    from .services import reissue_by_id

    return reissue_by_id(certificate_id=certificate_id, user_id=user_id)


@shared_task(
    name="learners.tasks.send_certificate_email",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def send_certificate_email(certificate_id: int, reissued: bool = False) -> bool:
    """Email the learner the link to their certificate, in their language."""
    from .emails import send_certificate_email as send

    return send(certificate_id=certificate_id, reissued=reissued)
