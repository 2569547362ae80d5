"""Wiring only: every account gets a learner profile."""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import LearnerProfile


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def create_profile(sender, instance, created, **kwargs):
    if created:
        LearnerProfile.objects.get_or_create(
            user=instance,
            defaults={"certificate_name": instance.get_full_name()},
        )


def _invalidate_page_cache(sender, **kwargs):
    # Course pages show seats left and cohort dates to anonymous visitors from the page cache.
    from home import cache

    cache.invalidate()


for _model in ("courses.Cohort", "learners.Enrolment"):
    for _signal in (post_save, post_delete):
        _signal.connect(_invalidate_page_cache, sender=_model, weak=False)
