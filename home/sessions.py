"""Django's ``cached_db`` sessions, read with the request's first round trip to the cache.

A signed-in request under a language prefix makes its first round trip to the cache for the
site (``home.serving.SiteMiddleware``) and reads its session right after, in a round trip of its
own. Here the session's cache key is asked for with the first (``home.cache.prefetch``): this
``SessionMiddleware``, placed before ``SiteMiddleware``, names it, and the ``SessionStore``
takes what came back instead of asking again. Nothing else changes: a session not in the cache
is read from the database and put in the cache, as Django's; writes are Django's; a request
that makes no round trip before its session is read (the calendar feeds, the admin) reads it
itself.

What a signed-in request reads next, its account (learners/accounts/session_user.py), is keyed
by the account's id, which is inside the session: known only once the session is read. This
process remembers which account each session it has served belongs to (``signed_in``), and a
request with a session it knows asks for the account's keys in that same first round trip
(``SIGNED_IN_READS``), and for what the last signed-in request for the same path read in its
lookups, that request's account's id replaced by this one's (``_PATH_READS``: a learner's
profile, seats, modules done, which every learner's request for a path reads under their own
id). Only hints: the account is still the one the session names, each lookup still asks for
the keys it needs, and takes what came ahead only when all of them came (home/cache.py); a
session that names another account reads its own, as without them.

``SESSION_ENGINE = "home.sessions"`` (production's default) with
``"home.sessions.SessionMiddleware"`` in ``MIDDLEWARE``; with another engine the middleware is
Django's.
"""

from collections.abc import Callable

from django.conf import settings
from django.contrib.sessions.backends.cached_db import SessionStore as CachedDBStore
from django.contrib.sessions.middleware import SessionMiddleware as DjangoSessionMiddleware
from django.core.cache import DEFAULT_CACHE_ALIAS

from . import cache as page_cache

# What each signed-in request reads by its account's id, asked with its first round trip to
# the cache: ``reads(user_id, request)`` calls ``home.cache.prefetch`` (or
# ``prefetch_lookup``).
SIGNED_IN_READS: list[Callable[[str, object], None]] = []
# The sessions this process has seen signed in, the first seen first out: {session key: account
# id}.
ACCOUNTS_KEPT = 20_000
_ACCOUNTS = page_cache.BoundedMap(ACCOUNTS_KEPT)


def signed_in(session_key: str | None, user_id) -> None:
    """The session ``session_key`` is signed in as ``user_id``: its next requests to this
    process ask for the account's keys with their first round trip."""
    if session_key and user_id is not None:
        _ACCOUNTS[session_key] = str(user_id)


# What this process's last signed-in request for each path read in its lookups (``home.cache.
# request_reads``), the account's id left out (``_UID``): {path: keys}, the first seen first out.
PATHS_KEPT = 2_000
_PATH_READS = page_cache.BoundedMap(PATHS_KEPT)
# Keys asked for ahead at most, per request: a guess, not a copy of everything a page reads.
READS_KEPT = 24
_UID = "\x00"


def _learn_reads(path: str, user_id: str) -> None:
    """The keys this request read, its account's id left out of them (a segment of its own, as
    in ``aula:learner-profile:<id>``), for the next request for ``path``."""
    reads = tuple(
        dict.fromkeys(
            ":".join(_UID if part == user_id else part for part in key.split(":"))
            for key in page_cache.request_reads()
        )
    )[:READS_KEPT]
    _PATH_READS[path] = reads


def _read_as_before(user_id: str, request) -> None:
    """What the last signed-in request for this path read, with this request's account (a
    guess: a key this request does not read costs a little more of the round trip)."""
    for key in _PATH_READS.get(request.path, ()):
        page_cache.prefetch(key.replace(_UID, user_id))


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
            user_id = _ACCOUNTS.get(request.session.session_key)
            if user_id is not None:
                for reads in SIGNED_IN_READS:
                    reads(user_id, request)
                _read_as_before(user_id, request)

    def process_response(self, request, response):
        session = getattr(request, "session", None)
        if session is not None and _in_the_shared_cache(session):
            user_id = _ACCOUNTS.get(session.session_key)
            if user_id is not None and request.path.startswith(page_cache.PAGE_PREFIXES):
                _learn_reads(request.path, user_id)
        return super().process_response(request, response)
