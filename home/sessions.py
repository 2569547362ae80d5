"""Django's ``cached_db`` sessions, read with the request's first round trip to the cache.

A signed-in request under a language prefix makes its first round trip to the cache for the
site (``home.serving.SiteMiddleware``) and reads its session right after, in a round trip of its
own. Here the session's cache key is asked for with the first (``home.cache.prefetch``): this
``SessionMiddleware``, placed before ``SiteMiddleware``, names it, and the ``SessionStore``
takes what came back instead of asking again. Nothing else changes: a session not in the cache
is read from the database and put in the cache, as Django's; writes are Django's; a request
that makes no round trip before its session is read (the calendar feeds, the admin) reads it
itself.

``SESSION_ENGINE = "home.sessions"`` (production's default) with
``"home.sessions.SessionMiddleware"`` in ``MIDDLEWARE``; with another engine the middleware is
Django's.
"""

from django.conf import settings
from django.contrib.sessions.backends.cached_db import SessionStore as CachedDBStore
from django.contrib.sessions.middleware import SessionMiddleware as DjangoSessionMiddleware
from django.core.cache import DEFAULT_CACHE_ALIAS

from . import cache as page_cache


def _in_the_shared_cache(session) -> bool:
    """A session of this store, with a key, in the cache ``home.cache`` reads."""
    return (
        isinstance(session, SessionStore)
        and session.session_key is not None
        and settings.SESSION_CACHE_ALIAS == DEFAULT_CACHE_ALIAS
    )


class SessionStore(CachedDBStore):
    def load(self):
        if _in_the_shared_cache(self):
            data = page_cache.prefetched(self.cache_key)
            if data is not None and data is not page_cache.PENDING:
                return data
        return super().load()


class SessionMiddleware(DjangoSessionMiddleware):
    """Django's, asking for the session (of ``home.sessions``' store) with the request's first
    round trip to the cache."""

    def process_request(self, request):
        super().process_request(request)
        # Under the language prefixes: where SiteMiddleware makes the first round trip and the
        # views read the session (not, say, a calendar feed, which would fetch it for nothing).
        if request.path.startswith(page_cache.PAGE_PREFIXES) and _in_the_shared_cache(
            request.session
        ):
            page_cache.prefetch(request.session.cache_key)
