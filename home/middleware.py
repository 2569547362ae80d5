"""Locale handling for language-prefixed URLs."""

import re

from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

LANGUAGE_LIKE = re.compile(r"^/([a-z]{2,3}(?:-[a-z0-9]{2,8})?)(?:/|$)", re.IGNORECASE)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, except that an unknown language prefix is a plain 404.

    Django redirects any 404 to the same path under the visitor's language; with Wagtail's
    catch-all route every path looks valid, so ``/xx/courses/`` would bounce to
    ``/en/xx/courses/`` before failing. A path that starts with something shaped like a
    language code we do not serve is answered with the 404 page directly.
    """

    supported = {code.lower() for code, _name in settings.LANGUAGES}
    # Paths that never carry a language: a 404 there is final, not a cue to add /en/.
    unprefixed = (
        "/admin/",
        "/django-admin/",
        "/documents/",
        "/i18n/",
        "/static/",
        "/media/",
        "/credentials/",  # the digital credentials' keys, issuer, achievements, status list
        "/.well-known/",
    )

    def process_response(self, request, response):
        if response.status_code == 404:
            path = request.path_info
            match = LANGUAGE_LIKE.match(path)
            if path.startswith(self.unprefixed) or (
                match and match.group(1).lower() not in self.supported
            ):
                response.setdefault("Content-Language", request.LANGUAGE_CODE)
                return response
        return super().process_response(request, response)
