"""``Cache-Control: private, no-store`` on every personal response.

A response is personal when it answers a signed-in user (any page may show their name, their
progress, their cohorts; the exports and certificate downloads are theirs), or when its path is
a personal section whoever asks: the learner's and tutor's pages, the account pages, certificate
downloads, the personal calendar feeds (the token in the URL is the secret) and the admin.
Neither the browser's cache nor a shared cache (a proxy, a CDN) may keep such a response, nor
serve it to the next person on a shared computer.

Anonymous visitors' public pages (the catalogue, course pages, the verify page) are not touched:
they keep whatever caching they set (and ``home.cache`` stores them). Without a session cookie
nobody is signed in, so the session is not even read for them (reading it would add
``Vary: Cookie``).
"""

import re

from django.conf import settings
from django.utils.cache import patch_cache_control

_LANGUAGE = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)
PERSONAL_PATHS = re.compile(
    rf"^/(?:{_LANGUAGE})/(?:learn|tutor|accounts)/"
    rf"|^/(?:{_LANGUAGE})/certificates/[0-9]+/download/"
    r"|^/calendar/"
    r"|^/admin/"
    r"|^/django-admin/"
)


def is_personal(request) -> bool:
    if PERSONAL_PATHS.match(request.path_info):
        return True
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


class PrivateResponsesMiddleware:
    """Marks personal responses ``private, no-store`` (added to what the view set, and
    replacing ``public``). Placed after AuthenticationMiddleware, so that it sees the user and
    wraps every later middleware's responses (redirects to the second-factor setup included)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_personal(request):
            patch_cache_control(response, private=True, no_store=True)
        return response
