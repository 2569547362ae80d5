"""Wiring: any change to published content makes the anonymous page cache stale."""

from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import cache


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def invalidate_page_cache(sender, **kwargs):
    cache.invalidate()


def _invalidate_on_delete(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        cache.invalidate()


post_delete.connect(_invalidate_on_delete, dispatch_uid="aula-page-cache-delete")
