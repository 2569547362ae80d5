"""A page cache for anonymous visitors, invalidated whenever content is published.

Anonymous GETs of public pages are stored whole, keyed by the site's content version and the
request path. Publishing, unpublishing, moving or deleting any page bumps the version (one
cache key shared by every web process through the configured cache, Redis in production), so
a stale page is never served after a publish. Requests that carry a session, a message or a
query string bypass the cache entirely: nothing personal is ever stored or served from it.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

VERSION_KEY = "aula:page-cache:version"
CACHEABLE_PREFIXES = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
BYPASS_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
HIT_HEADER = "X-Aula-Cache"


def _fresh_version() -> int:
    # From the clock, not from 1: should the version key ever be evicted, it does not start
    # again at a number that pages stored before the eviction are filed under.
    return time.time_ns()


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, _fresh_version(), timeout=None)
        version = cache.get(VERSION_KEY) or _fresh_version()  # evicted at once: matches nothing
    return version


def invalidate() -> None:
    """Make every cached page stale. Called on publish, unpublish, move and delete."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, _fresh_version(), timeout=None)


def _key(request, version: int) -> str:
    digest = hashlib.sha256(request.path.encode()).hexdigest()
    return f"aula:page-cache:{version}:{request.get_host()}:{digest}"


def _is_cacheable_request(request) -> bool:
    return (
        settings.AULA_PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not request.GET
        and request.path.startswith(CACHEABLE_PREFIXES)
        and not any(name in request.COOKIES for name in BYPASS_COOKIES)
    )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _is_cacheable_request(request):
            return self.get_response(request)

        key = _key(request, content_version())
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
            cache.set(
                key,
                (response.content, response["Content-Type"], headers),
                settings.AULA_PAGE_CACHE_SECONDS,
            )
            response[HIT_HEADER] = "miss"
        return response

    @staticmethod
    def _is_cacheable_response(request, response) -> bool:
        # Only Wagtail pages mark themselves cacheable (home.models.BasePage.serve); a
        # response that sets a cookie (CSRF, session, language) is personal and never stored.
        return (
            getattr(request, "aula_page_cacheable", False)
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
        )
