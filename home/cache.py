"""A page cache for anonymous visitors, invalidated whenever content is published.

Anonymous GETs of public pages are stored whole, keyed by the site's content version, the
version of the request's *section* and the request path. Publishing, unpublishing, moving or
deleting any page bumps the content version (one cache key shared by every web process through
the configured cache, Redis in production), so a stale page is never served after a publish.

A section is the first three segments of a path, ``/<lang>/<catalogue>/<course>/``: a course
page and everything under it. Changes that only show on one course's pages (its cohorts' dates
and seats left, its scheduled sessions) bump that course's sections alone
(``invalidate_sections``, with the URL paths of the course in each of its languages), so the
rest of the site stays cached; the callers (learners/signals.py, SessionSlot.save, the roster
import) decide what is visible to visitors. The home pages (``/<lang>/``) list the next live
sessions of every course: a scheduled session that changes makes them stale too
(``invalidate_home``, home/signals.py). Both versions are read in one cache round trip.

Requests that carry a session, a message or a query string bypass the cache entirely: nothing
personal is ever stored or served from it. The one query string kept is a search's
(``QUERY_VIEWS``: the words and the page number, nothing else), whose results show published
pages only: a visitor's search is filed under the content version with its normalised words,
for a minute at most (``QUERY_PAGE_SECONDS``).
"""

import functools
import hashlib
import pickle
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable
from contextvars import ContextVar
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.db import transaction
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone, translation

from aula.cache import RedisCache

VERSION_KEY = "aula:page-cache:version"
SECTION_KEY = "aula:page-cache:section:"
# The home pages list the next live sessions of every course.
HOME_KEY = "aula:page-cache:home"
TAG_KEY = "aula:page-cache:tag:"
# /<lang>/<catalogue>/<course>/: the segments that name a course's section.
SECTION_SEGMENTS = 3
PAGE_PREFIXES = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
CACHEABLE_PREFIXES = PAGE_PREFIXES
BYPASS_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
HIT_HEADER = "X-Aula-Cache"
# Views whose pages depend on their query string, by URL name: the parameters that make the
# page (a request with any other, or one of these twice, is not kept). The view marks its
# response cacheable (``request.aula_page_cacheable``) when it shows published pages only.
QUERY_VIEWS = {"search": ("q", "page")}
# How long such a page is kept at most: anyone can ask for any words, each a page of its own;
# kept briefly, what a stream of different searches can fill the cache with stays small, and
# the searches many visitors make are still served from it.
QUERY_PAGE_SECONDS = 60


def _fresh_version() -> int:
    # From the clock, not from 1: should the version key ever be evicted, it does not start
    # again at a number that pages stored before the eviction are filed under.
    return time.time_ns()


@functools.cache
def schema() -> str:
    """A fingerprint of every model's fields: values kept by ``remember`` may be model
    instances, which a deploy that changes a model must not read back."""
    from django.apps import apps

    fields = [
        (model._meta.label, [field.attname for field in model._meta.concrete_fields])
        for model in apps.get_models()
    ]
    return hashlib.sha256(repr(fields).encode()).hexdigest()[:12]


def remember(
    key: str,
    compute,
    timeout: int = 600,
    tags: Iterable[str] = (),
    *,
    content: bool = True,
    local: bool = True,
):
    """``compute()``, kept in the cache under ``key`` until the next publish (the content
    version): for what every reader of published pages shares. ``tags`` name further versions
    the value depends on, which ``invalidate_tag`` bumps (``course:<translation key>``: a
    course's cohorts and sessions, which change without a publish). One cache round trip on a
    hit, none when this process kept the value and the request has read its versions already
    (``RequestVersionsMiddleware``); the versions are read before ``compute()`` runs, so a
    value computed while a change was being committed is filed under the old versions and
    never read again. ``content`` false: a value that no publish changes (a person's own
    rows), filed under ``tags`` only. ``local`` false: no copy in this process
    (``lookup_entry``)."""
    versions, value = lookup(key, tags, content=content, local=local)
    if value is None:
        value = compute()
        keep(key, versions, value, timeout, local=local)
    return value


# What a request renders that the clock alone changes (a session's join button appearing, a
# cohort's enrolment window closing): the first such moment, for a copy kept of the page.
CHANGES_AT = "aula_changes_at"


def changes_at(request, when) -> None:
    """What ``request`` renders changes by the clock alone at ``when`` (an aware datetime): a
    copy kept of the page must not outlive it (``seconds_unchanged``)."""
    if request is None or when is None:
        return
    earliest = getattr(request, CHANGES_AT, None)
    if earliest is None or when < earliest:
        setattr(request, CHANGES_AT, when)


def seconds_unchanged(request, longest: int, now=None) -> int:
    """How long a copy of what ``request`` rendered stays as it is by the clock: ``longest`` at
    most, 0 once a moment noted by ``changes_at`` has come."""
    when = getattr(request, CHANGES_AT, None)
    if when is None:
        return longest
    now = now or timezone.now()
    return max(0, min(longest, int((when - now).total_seconds())))


def lookup(
    key: str, tags: Iterable[str] = (), *, content: bool = True, local: bool = True
) -> tuple[tuple, object]:
    """The current versions (content, unless ``content`` is false, and ``tags``) and what is
    kept under ``key`` for them, or None. ``keep`` stores a value under the versions read
    here."""
    versions, entry = lookup_entry(key, tags, content=content, local=local)
    if entry is not None and entry[0] == versions:
        return versions, entry[1]
    return versions, None


def lookup_entry(key: str, tags: Iterable[str] = (), *, content: bool = True, local: bool = True):
    """As ``lookup``, but what is kept under ``key`` whatever versions it was kept for:
    ``(versions now, (versions kept, value) or None)``, for a caller that brings a value kept
    for an older version of one tag up to date itself.

    At most one cache round trip: the versions this request has not read yet and the value.
    Within a request, versions once read are reused (a request sees the site as it was when it
    first asked, and its own changes: ``_bump`` forgets what it changes), and a value this
    process kept for exactly those versions is read from ``LOCAL`` without a round trip
    (``local`` false: a value too large or too personal to be worth a copy per process)."""
    key = f"{key}:{schema()}"
    version_keys = [*([VERSION_KEY] if content else []), *(TAG_KEY + tag for tag in tags)]
    known = _request_versions.get()
    if known is None:  # outside a request (tasks, commands): everything from the cache
        found = cache.get_many([*version_keys, key])
        versions = tuple(_version(version_key, found) for version_key in version_keys)
        return versions, found.get(key)
    missing = [version_key for version_key in version_keys if version_key not in known]
    if not missing:
        versions = tuple(known[version_key] for version_key in version_keys)
        copy = LOCAL.get(key, versions) if local else None
        if copy is not None:
            return versions, (versions, copy)
        found = _taken([key])
        entry = (found if found is not None else _get_many([key])).get(key)
        _record([key])
    else:
        ask = [*missing, key]
        _record(ask)
        found = _taken(ask)
        if found is None:
            # The content version comes along with the first question of a request: nearly
            # every later one asks for it.
            ask = [*missing, *([VERSION_KEY] if VERSION_KEY not in known else []), key]
            found = _get_many(list(dict.fromkeys(ask)))
        for version_key in ask[:-1]:
            known[version_key] = _version(version_key, found)
        versions = tuple(known[version_key] for version_key in version_keys)
        entry = found.get(key)
    if local and entry is not None and entry[0] == versions:
        LOCAL.put(key, versions, entry[1], LOCAL_SECONDS)
    return versions, entry


def keep(key: str, versions: tuple, value, timeout: int = 600, *, local: bool = True) -> None:
    key = f"{key}:{schema()}"
    cache.set(key, (versions, value), timeout)
    if local and _request_versions.get() is not None:
        LOCAL.put(key, versions, value, min(timeout, LOCAL_SECONDS))


class LocalValues:
    """What ``keep`` and ``lookup`` saw in this process, with the versions it was kept for,
    pickled (each reader gets its own copy, as from the cache), least recently used first out
    past ``max_bytes``, and never older than its timeout."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self._items: OrderedDict[str, tuple[tuple, float, bytes]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: str, versions: tuple):
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return None
            if item[0] != versions or item[1] < time.monotonic():
                return None
            self._items.move_to_end(key)
            data = item[2]
        return pickle.loads(data)  # noqa: S301  (written by this process, below)

    def put(self, key: str, versions: tuple, value, timeout: float) -> None:
        if self.max_bytes <= 0:
            return
        with self._lock:
            item = self._items.get(key)
            # The same value, still fresh; a copy past its age is replaced, or every read of
            # it would go to the cache from then on.
            if item is not None and item[0] == versions and item[1] >= time.monotonic():
                return
        data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        if len(data) > self.max_bytes // 16:  # a few large values would crowd out the rest
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= len(old[2])
            self._items[key] = (versions, time.monotonic() + timeout, data)
            self._bytes += len(data)
            while self._bytes > self.max_bytes:
                _key, (_versions, _expiry, dropped) = self._items.popitem(last=False)
                self._bytes -= len(dropped)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._bytes = 0


class BoundedMap:
    """A dict of at most ``size`` entries, the first put in first out, for what a process
    remembers of the requests it served (home/sessions.py, learners/learn/page_cache.py):
    read without a lock, written under one (threads of one process share it)."""

    def __init__(self, size: int):
        self.size = size
        self._items: dict = {}
        self._lock = threading.Lock()

    def get(self, key, default=None):
        return self._items.get(key, default)

    def __getitem__(self, key):
        return self._items[key]

    def __contains__(self, key) -> bool:
        return key in self._items

    def __setitem__(self, key, value) -> None:
        if self._items.get(key, PENDING) == value:
            return
        with self._lock:
            while len(self._items) >= self.size and key not in self._items:
                self._items.pop(next(iter(self._items)))
            self._items[key] = value

    def __len__(self) -> int:
        return len(self._items)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


# The process's own copies: as fresh as the versions a request reads, and at most this old.
LOCAL_SECONDS = 60
LOCAL = LocalValues(settings.AULA_LOCAL_CACHE_BYTES)
# The versions read by the request being served ({version key: version}; None outside one).
_request_versions: ContextVar[dict | None] = ContextVar("aula_request_versions", default=None)
# What the request being served asked to read with its next round trip (``prefetch``): {cache
# key: value, or PENDING until read}; None outside a request.
_request_prefetch: ContextVar[dict | None] = ContextVar("aula_request_prefetch", default=None)
PENDING = object()
# The keys the request being served read from the cache in its lookups (``lookup_entry``): what
# home/sessions.py asks for ahead when the same path is asked for again. None outside a request.
_request_reads: ContextVar[list | None] = ContextVar("aula_request_reads", default=None)


class RequestVersionsMiddleware:
    """Each request reads each version of the cache once (``lookup_entry``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        versions = _request_versions.set({})
        prefetch = _request_prefetch.set({})
        reads = _request_reads.set([])
        try:
            return self.get_response(request)
        finally:
            _request_reads.reset(reads)
            _request_prefetch.reset(prefetch)
            _request_versions.reset(versions)


def request_reads() -> list[str]:
    """The keys the request being served has read in its lookups so far (versions and values,
    in order); empty outside a request."""
    return list(_request_reads.get() or ())


def prefetch(key: str) -> None:
    """Read ``key`` (a key of the default cache) along with the request's next round trip to the
    cache, for ``prefetched`` to hand over: the signed-in session (home/sessions.py), which the
    request reads once the site's lookup (``home.serving.SiteMiddleware``) is done, comes with
    it instead of in a round trip of its own. Outside a request, nothing."""
    asked = _request_prefetch.get()
    if asked is not None:
        asked.setdefault(key, PENDING)


def prefetched(key: str):
    """What the request's round trip brought for a ``prefetch`` of ``key``: the value, None when
    the cache has none, or PENDING when no round trip was made since (or nobody asked). Once
    only: a later read of the key goes to the cache."""
    asked = _request_prefetch.get()
    if asked is None:
        return PENDING
    return asked.pop(key, PENDING)


def prefetch_lookup(key: str, tags: Iterable[str] = (), *, content: bool = True) -> None:
    """Ask for what ``lookup(key, tags, content=content)`` will read (the versions and the
    value) with the request's next round trip to the cache (``prefetch``): a caller that knows
    before that round trip what the request will look up spares the lookup its own."""
    for version_key in [*([VERSION_KEY] if content else []), *(TAG_KEY + tag for tag in tags)]:
        prefetch(version_key)
    prefetch(f"{key}:{schema()}")


def _record(keys: list[str]) -> None:
    reads = _request_reads.get()
    if reads is not None:
        reads.extend(keys)


def _taken(keys: list[str]) -> dict | None:
    """``keys`` as the request's round trips brought them for ``prefetch`` (taken: a later
    read goes to the cache) when all of them came that way; else None."""
    asked = _request_prefetch.get()
    if asked and all(asked.get(key, PENDING) is not PENDING for key in keys):
        return {key: value for key in keys if (value := asked.pop(key)) is not None}
    return None


def _get_many(keys: list[str]) -> dict:
    """``cache.get_many(keys)``, with the keys ``prefetch`` asked for and not read yet."""
    asked = _request_prefetch.get()
    pending = [key for key, value in asked.items() if value is PENDING] if asked else []
    found = cache.get_many([*keys, *(key for key in pending if key not in keys)])
    for key in pending:
        asked[key] = found.get(key)
    return found


def _version(key: str, found: dict) -> int:
    version = found.get(key)
    if version is None:
        cache.add(key, _fresh_version(), timeout=None)
        version = cache.get(key) or _fresh_version()  # evicted at once: matches nothing
    return version


def invalidate_tag(tag: str) -> None:
    """Make what ``remember`` keeps under ``tag`` stale, now and again once the current
    transaction commits (as ``invalidate_sections``)."""
    invalidate_tags([tag])


def invalidate_tags(tags: Iterable[str]) -> None:
    """``invalidate_tag`` for several tags at once: one round trip to the cache now and one
    after the commit, whatever their number."""
    keys = list(dict.fromkeys(TAG_KEY + tag for tag in tags))
    if keys:
        _bump(*keys)
        transaction.on_commit(lambda: _bump(*keys))


def _bump(*keys: str) -> None:
    """A new version for each key, never one used before: the next integer, or one from the
    clock when the key is missing (evicted or never set). With Aula's Redis backend, one round
    trip for all (``aula.cache.RedisCache.incr_or_start``)."""
    known = _request_versions.get()
    if known is not None:
        for key in keys:
            known.pop(key, None)  # this request sees its own change
    asked = _request_prefetch.get()
    if asked:
        for key in keys:
            asked.pop(key, None)  # read before the change: asked for again
    backend = caches[DEFAULT_CACHE_ALIAS]
    if isinstance(backend, RedisCache):
        backend.incr_or_start(keys, _fresh_version())
        return
    for key in keys:
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, _fresh_version(), timeout=None)


def invalidate() -> None:
    """Make every cached page stale. Called on publish, unpublish, move and delete."""
    _bump(VERSION_KEY)


def section_of(path: str) -> str | None:
    """The section a path belongs to (``/en/courses/care/`` for ``/en/courses/care/m-1/``), or
    None for a path above the course level (home pages, catalogues)."""
    parts = path.split("/", SECTION_SEGMENTS + 1)
    if len(parts) < SECTION_SEGMENTS + 2 or not all(parts[1 : SECTION_SEGMENTS + 1]):
        return None
    return "/".join(parts[: SECTION_SEGMENTS + 1]) + "/"


def _section_key(section: str) -> str:
    return SECTION_KEY + hashlib.sha256(section.encode()).hexdigest()[:24]


def invalidate_sections(paths: Iterable[str]) -> None:
    """Make the cached pages under these URL paths (course pages, in each language) stale, now
    and again once the current transaction commits: a visitor who read the old rows while the
    change was being committed may have stored them under the first new version."""
    keys = sorted({_section_key(section) for section in map(section_of, paths) if section})
    if keys:
        _bump(*keys)
        transaction.on_commit(lambda: _bump(*keys))


def invalidate_home() -> None:
    """Make the cached home pages stale (every language), now and again after the commit, as
    ``invalidate_sections`` does."""
    _bump(HOME_KEY)
    transaction.on_commit(lambda: _bump(HOME_KEY))


def _versions(request) -> tuple:
    """The content version and the request's section version, in one cache round trip."""
    section = section_of(request.path)
    if section:
        keys = [VERSION_KEY, _section_key(section)]
    else:
        keys = [VERSION_KEY] + ([HOME_KEY] if _is_home_path(request.path) else [])
    found = cache.get_many(keys)
    return tuple(_version(key, found) for key in keys)


def _is_home_path(path: str) -> bool:
    """``/en/``: a language's home page."""
    return path.count("/") == 2 and path.startswith(CACHEABLE_PREFIXES)


def _key(request, versions: tuple) -> str:
    digest = hashlib.sha256(_page_address(request).encode()).hexdigest()
    tag = ".".join(str(version) for version in versions)
    return f"aula:page-cache:{tag}:{request.get_host()}:{digest}"


def _page_address(request) -> str:
    """The path, and for a view of ``QUERY_VIEWS`` its parameters, the words normalised (the
    view reads them with their spaces collapsed) and in a fixed order."""
    if not request.GET:
        return request.path
    values = {name: request.GET[name] for name in request.GET}  # _is_keyable_query
    if "q" in values:
        values["q"] = " ".join(values["q"].split())
    return f"{request.path}?{urlencode(sorted(values.items()))}"


@functools.cache
def _query_view_paths() -> dict[str, tuple[str, ...]]:
    """{path of a ``QUERY_VIEWS`` view in each language: its parameters}."""
    paths = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            for name, parameters in QUERY_VIEWS.items():
                paths[reverse(name)] = parameters
    return paths


def _query_parameters(path: str) -> tuple[str, ...]:
    return _query_view_paths().get(path, ())


def _is_keyable_query(request) -> bool:
    allowed = _query_parameters(request.path)
    return bool(allowed) and all(
        name in allowed and len(request.GET.getlist(name)) == 1 for name in request.GET
    )


def _is_cacheable_request(request) -> bool:
    return (
        settings.AULA_PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and request.path.startswith(CACHEABLE_PREFIXES)
        and (not request.GET or _is_keyable_query(request))
        and not any(name in request.COOKIES for name in BYPASS_COOKIES)
    )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _is_cacheable_request(request):
            return self.get_response(request)

        key = _key(request, _versions(request))
        cached = cache.get(key)
        if cached is not None:
            content, content_type, headers = cached
            response = HttpResponse(content, content_type=content_type)
            for name, value in headers:
                response[name] = value
            response[HIT_HEADER] = "hit"
            return response

        response = self.get_response(request)
        if self._is_cacheable_response(request, response):
            # Every header the page was served with (X-Frame-Options, Content-Security-Policy,
            # Content-Language, Vary…), so a hit is the same response as the miss. Cookies are
            # not headers here, and a response that sets one is never stored.
            headers = [
                (name, value)
                for name, value in response.items()
                if name.lower() not in ("content-type", HIT_HEADER.lower())
            ]
            timeout = settings.AULA_PAGE_CACHE_SECONDS
            if request.GET:
                timeout = min(timeout, QUERY_PAGE_SECONDS)
            cache.set(key, (response.content, response["Content-Type"], headers), timeout)
            response[HIT_HEADER] = "miss"
        return response

    @staticmethod
    def _is_cacheable_response(request, response) -> bool:
        # Only Wagtail pages (home.models.BasePage.serve) and search mark themselves
        # cacheable; a response that sets a cookie (CSRF, session, language) is personal and
        # never stored.
        return (
            getattr(request, "aula_page_cacheable", False)
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
        )
