"""Site-wide background work."""

from celery import shared_task
from django.core.management import call_command


@shared_task(
    name="home.tasks.publish_scheduled_pages",
    acks_late=True,
    autoretry_for=(Exception,),
    retry_backoff=True,
    max_retries=5,
)
def publish_scheduled_pages() -> None:
    """Publish pages whose scheduled go-live time has passed and unpublish expired ones.

    Run every minute by Celery beat (CELERY_BEAT_SCHEDULE). Wagtail's command is idempotent:
    a second run finds nothing left to do, so overlapping runs are harmless.
    """
    call_command("publish_scheduled", verbosity=0)
