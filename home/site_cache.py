"""Cached lookups of the site configuration that every page view needs.

Wagtail finds the site for the request's host, the active locale and the site settings with a
query each, on every request; editors change them a few times a year. Here they are kept in
Django's cache (Redis in production, shared by every process) and tagged with a configuration
version that any save or delete of a ``Site``, ``Locale`` or ``SiteSettings`` bumps
(``home/signals.py``), so the next request everywhere reads the database again.

Data derived from published pages (the language switcher's links) is also tagged with the page
cache's content version (``home.cache``), bumped on every publish, unpublish, move and delete.

Entries hold plain field values, never pickled model instances, under keys that carry a
fingerprint of the model's fields and the configured languages: after a deploy that changes
either, old entries are simply never read. They also expire on their own after a few minutes,
which bounds the effect of a change made behind the signals (a raw SQL update).
"""

import hashlib
import time
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.db import router, transaction
from django.http.request import split_domain_port
from django.utils import translation
from wagtail.models import Locale, Site

from . import cache as page_cache

CONFIG_VERSION_KEY = "aula:site-config:version"
ENTRY_SECONDS = 300


def _fingerprint(*parts) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:12]


def _field_names(model) -> tuple[str, ...]:
    return tuple(field.attname for field in model._meta.concrete_fields)


def _values(instance) -> tuple:
    return tuple(getattr(instance, name) for name in _field_names(type(instance)))


def _instance(model, values: tuple):
    """The model instance with these field values, as if loaded from the database."""
    return model.from_db(router.db_for_read(model), _field_names(model), values)


def _current_versions(found: dict, keys) -> tuple:
    versions = []
    for key in keys:
        version = found.get(key)
        if version is None:
            # Start from the clock, not from 1: if the key is ever evicted, entries tagged with
            # an earlier version can never match the new one.
            cache.add(key, time.time_ns(), timeout=None)
            version = cache.get(key) or time.time_ns()  # evicted at once: matches nothing
        versions.append(version)
    return tuple(versions)


def remember(key: str, compute, *, version_keys=(CONFIG_VERSION_KEY,)):
    """``compute()``, stored under ``key`` until any of ``version_keys`` changes.

    One cache round trip on a hit. The versions are read before ``compute()`` queries the
    database, so a value computed while a change was being committed is tagged with the old
    version and thrown away by the next reader.
    """
    found = cache.get_many([*version_keys, key])
    versions = _current_versions(found, version_keys)
    entry = found.get(key)
    if entry is not None and entry[0] == versions:
        return entry[1]
    value = compute()
    cache.set(key, (versions, value), ENTRY_SECONDS)
    return value


def _bump(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, time.time_ns(), timeout=None)


def config_changed() -> None:
    """A site, locale or site setting changed: drop every entry, now and once committed.

    The second bump covers a request that read the old rows while the change was being
    committed and stored them under the first bumped version.
    """
    _bump(CONFIG_VERSION_KEY)
    transaction.on_commit(lambda: _bump(CONFIG_VERSION_KEY))


def content_languages_fingerprint() -> str:
    return _fingerprint(
        settings.LANGUAGE_CODE, [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    )


class SiteLookup(NamedTuple):
    """What routing needs to know about the request's site, from the cache."""

    site: Site | None
    root_page_id: int | None
    root_translation_key: str | None
    root_locale_id: int | None
    # The active locale's id (Wagtail's Locale.get_active()), None if there is none.
    locale_id: int | None


def _lookup_from_database(request) -> tuple:
    site = Site.find_for_request(request)  # Wagtail's own rule (one query)
    try:
        locale_id = Locale.get_active().pk
    except (LookupError, Locale.DoesNotExist):
        locale_id = None
    if site is None:
        return (None, None, None, None, locale_id)
    root = site.root_page  # selected with the site
    return (_values(site), root.pk, str(root.translation_key), root.locale_id, locale_id)


def site_for_request(request, *, refresh: bool = False) -> SiteLookup:
    """The site serving this request (Wagtail's ``Site.find_for_request``), its root page's
    identity and the active locale, in one cache round trip.

    Also stores the site on the request, where ``Site.find_for_request`` (and so settings, page
    URLs and routing) finds it. The cache key is the host, port and active language, so a
    request is never given another site's or language's entry.
    """
    hostname = split_domain_port(request._get_raw_host())[0]  # as Wagtail does
    schema = _fingerprint(_field_names(Site), content_languages_fingerprint())
    where = _fingerprint(hostname, request.get_port(), translation.get_language())
    key = f"aula:site:{schema}:{where}"
    if refresh:
        cache.delete(key)
        request.__dict__.pop("_wagtail_site", None)
    site_values, *rest = remember(key, lambda: _lookup_from_database(request))
    if not hasattr(request, "_wagtail_site"):  # a hit: on a miss, Wagtail's lookup stored it
        request._wagtail_site = None if site_values is None else _instance(Site, site_values)
    return SiteLookup(request._wagtail_site, *rest)


def site_settings_for_site(model, site: Site):
    """``model.for_site(site)`` (get or create), cached per site."""
    key = f"aula:settings:{model._meta.label_lower}:{_fingerprint(_field_names(model))}:{site.pk}"
    return _instance(model, remember(key, lambda: _values(model.for_site(site))))


def translation_urls(page, request) -> dict[str, str]:
    """``{language_code: url}`` of the live translations of ``page`` (itself included), as
    ``translation.get_url(request)`` gives them, cached per site, page and language.

    Invalidated by any publish, unpublish, move or delete (the page cache's content version),
    and by any change of sites or locales (which changes URLs).
    """
    site = getattr(request, "_wagtail_site", None) or Site.find_for_request(request)
    key = "aula:translations:{}:{}".format(
        content_languages_fingerprint(),
        _fingerprint(
            getattr(site, "pk", None), str(page.translation_key), translation.get_language()
        ),
    )

    def compute():
        translations = page.get_translations(inclusive=True).live().select_related("locale")
        return {other.locale.language_code: other.get_url(request) for other in translations}

    return remember(key, compute, version_keys=(CONFIG_VERSION_KEY, page_cache.VERSION_KEY))
