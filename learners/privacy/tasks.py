"""Background work of privacy. Thin: the task calls its service. The name
(``learners.tasks.…``) is the one the beat schedule uses: keep it."""

from celery import shared_task


@shared_task(name="learners.tasks.apply_retention", acks_late=True)
def apply_retention() -> dict:
    """The retention rules, once a day (beat): counts of what was anonymised and deleted."""
    from .services import apply_retention as apply

    plan = apply()
    return {"accounts": len(plan.accounts), "applications": len(plan.applications)}
