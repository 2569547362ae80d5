"""Wiring: any change to published content, to sites, locales or site settings makes the
anonymous page cache (and what ``home.cache.remember`` keeps) stale."""

from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.images import get_image_model
from wagtail.models import Locale, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import cache
from .models import SiteSettings


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


def _invalidate_on_site_root_save(sender, instance, **kwargs):
    # A site's root page or a translation of it, saved without a publish (a new translation,
    # say): Wagtail's sites' root paths change, which home.serving keeps under the content
    # version. Asked as Wagtail asks before clearing its own copy (Page.save).
    from wagtail.models import Page

    if isinstance(instance, Page) and instance.is_site_root():
        cache.invalidate()


post_save.connect(_invalidate_on_site_root_save, dispatch_uid="aula-page-cache-site-root")


def _invalidate_on_privacy_change(sender, **kwargs):
    # A page made private (or public again) changes what anonymous visitors may see of it
    # and of the outlines and catalogues that list it; no publish signal is sent for it.
    cache.invalidate()


for _signal in (post_save, post_delete):
    _signal.connect(
        _invalidate_on_privacy_change,
        sender=PageViewRestriction,
        dispatch_uid=f"aula-page-cache-privacy-{_signal is post_save}",
    )


def _invalidate_site_config(sender, instance, created=False, **kwargs):
    # Every page shows the site settings (organisation name, quick-exit address), and sites
    # and locales decide which page a URL serves.
    if sender is SiteSettings and created and _has_default_values(instance):
        # Wagtail creates a site's settings row with the defaults when a page first shows
        # them (BaseSiteSetting.for_site): pages rendered before showed those same defaults.
        return
    cache.invalidate()


def _has_default_values(instance) -> bool:
    return all(
        getattr(instance, field.attname) == field.get_default()
        for field in instance._meta.concrete_fields
        if not (field.primary_key or field.is_relation)
    )


for _model in (Site, Locale, SiteSettings):
    for _signal in (post_save, post_delete):
        _signal.connect(
            _invalidate_site_config,
            sender=_model,
            dispatch_uid=f"aula-site-config-{_model._meta.label_lower}-{_signal is post_save}",
        )


def _invalidate_on_brand_image_change(sender, instance, **kwargs):
    # The logo and icon addresses are kept with the site settings (SiteSettings.brand_images):
    # a new file for one of them (its old renditions are deleted) makes them stale.
    if SiteSettings.objects.filter(Q(logo=instance) | Q(icon=instance)).exists():
        cache.invalidate()


post_save.connect(
    _invalidate_on_brand_image_change,
    sender=get_image_model(),
    dispatch_uid="aula-brand-image-change",
)


def _invalidate_home_sessions(sender, **kwargs):
    # The home pages list the next live sessions: a session scheduled, moved, cancelled or
    # deleted changes them (the course's own pages are SessionSlot.save's business).
    cache.invalidate_home()


for _signal in (post_save, post_delete):
    # By reference: home imports no course code.
    _signal.connect(
        _invalidate_home_sessions,
        sender="courses.SessionSlot",
        dispatch_uid=f"aula-home-sessions-{_signal is post_save}",
    )
