"""The signed-in account of a request, from the shared cache (Django's ``request.user``).

Django's ``AuthenticationMiddleware`` loads the account from the database on every request of a
signed-in person: for a learner's kept page that query is a third of the work. Here the account
is kept in the cache under the person's tag (``learners.accounts.page_state.learner_tag``),
which every save of the account bumps (learners/signals.py): a new password, a deactivation,
a new role or name is seen on the very next request. ``ACCOUNT_SECONDS`` bounds what no save
announces (an ``update()`` from a shell or a data migration).

Only the load is spared. The session's check is Django's: the session must carry the hash of
the kept account's password (``get_session_auth_hash``); anything else (no hash, another
hash, a session of a backend no longer configured) goes to ``django.contrib.auth.get_user``,
which verifies, tries the fallback secret keys or logs the session out, as without the cache.
"""

from django.conf import settings
from django.contrib import auth
from django.contrib.auth.middleware import AuthenticationMiddleware as DjangoAuthentication
from django.utils.crypto import constant_time_compare
from django.utils.functional import SimpleLazyObject

from home import cache as page_cache
from home import sessions

from .page_state import learner_tag

ACCOUNT_SECONDS = 300
KEY_PREFIX = "aula:account:"


def get_user(request):
    """``django.contrib.auth.get_user(request)``, the account from the cache when it is there."""
    session = request.session
    user_id = session.get(auth.SESSION_KEY)
    session_hash = session.get(auth.HASH_SESSION_KEY)
    if (
        not settings.AULA_ACCOUNT_CACHE
        or user_id is None
        or not session_hash
        or session.get(auth.BACKEND_SESSION_KEY) not in settings.AUTHENTICATION_BACKENDS
    ):
        return auth.get_user(request)
    sessions.signed_in(session.session_key, user_id)
    key = f"{KEY_PREFIX}{user_id}"
    versions, user = page_cache.lookup(key, [learner_tag(user_id)], content=False)
    if user is not None and constant_time_compare(session_hash, user.get_session_auth_hash()):
        return user
    user = auth.get_user(request)
    if user.is_authenticated and str(user.pk) == str(user_id):
        page_cache.keep(key, versions, user, ACCOUNT_SECONDS)
    return user


def read_account(user_id: str, request) -> None:
    """With the request's first round trip, for a session this process knows (home/sessions.py):
    what ``get_user`` looks up."""
    page_cache.prefetch_lookup(f"{KEY_PREFIX}{user_id}", [learner_tag(user_id)], content=False)


def _user(request):
    if not hasattr(request, "_cached_user"):
        request._cached_user = get_user(request)
    return request._cached_user


class AuthenticationMiddleware(DjangoAuthentication):
    """Django's, with ``request.user`` from ``get_user`` above (``request.auser``, for async
    views, stays Django's)."""

    def process_request(self, request):
        super().process_request(request)
        request.user = SimpleLazyObject(lambda: _user(request))
