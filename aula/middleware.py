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

Also here: django-csp's middleware with the Content-Security-Policy header built once
(``CSPMiddleware``).
"""

import functools
import re

import csp.middleware
from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
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


# Attributes by which a view or decorator changes a response's policy (django-csp's
# ``csp_update``, ``csp_replace``, ``csp_override``, ``csp_exempt``, and their report-only
# twins); Aula sets none.
_PER_RESPONSE_POLICY = tuple(
    f"_csp_{name}{suffix}"
    for name in ("config", "update", "replace", "exempt")
    for suffix in ("", "_ro")
)


@functools.cache
def _policies() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(header, policy, paths excluded) for the settings' policy and report-only policy
    (an empty policy: none), built once."""
    return tuple(
        (
            header,
            build_policy(report_only=report_only),
            tuple((getattr(settings, setting, None) or {}).get("EXCLUDE_URL_PREFIXES") or ()),
        )
        for header, setting, report_only in (
            (HEADER, "CONTENT_SECURITY_POLICY", False),
            (HEADER_REPORT_ONLY, "CONTENT_SECURITY_POLICY_REPORT_ONLY", True),
        )
    )


@receiver(setting_changed)
def _policy_setting_changed(setting, **kwargs):
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        _policies.cache_clear()


class CSPMiddleware(csp.middleware.CSPMiddleware):
    """django-csp's, its headers built once: with no nonce asked for and no policy of the
    view's own, every response gets the settings' policy, which django-csp otherwise builds
    again for each (two copies of the policy's parts and two headers assembled a response).
    Anything else (a nonce, a decorator's policy, an exempt view) is django-csp's."""

    def process_response(self, request, response):
        if isinstance(getattr(request, "_csp_nonce", None), str) or any(
            hasattr(response, name) for name in _PER_RESPONSE_POLICY
        ):
            return super().process_response(request, response)
        if settings.DEBUG and response.status_code in (500, 404):
            return response
        for header, policy, excluded in _policies():
            if policy and header not in response and not request.path_info.startswith(excluded):
                response[header] = policy
        # As django-csp: a nonce asked for after the header is written is an error.
        request.csp_nonce = csp.middleware.CheckableLazyObject(self._csp_nonce_post_response)
        return response
