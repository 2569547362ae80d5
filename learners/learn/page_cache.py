"""A signed-in learner's course page, kept for them for a short while.

Learners come back to their course page between modules; rendering it (cohorts, progress,
outline, discussion link) takes most of its time. The rendered page is kept per learner,
session and language, filed under the versions of everything it shows (``home.cache.lookup``):
the content version (any publish, site settings, view restrictions), the course's tag (its
cohorts and their seats: ``courses.selectors.course_tag``) and the learner's tag (their
enrolments, progress, posts, profile and account: ``learners.accounts.page_state``). A change
to any of them makes the copy stale at once; ``LEARNER_PAGE_SECONDS`` bounds what depends on
the clock alone (a cohort's enrolment window closing).

Never kept or served: anything but a plain GET, previews, people who may open the admin (their
pages carry the editors' bar), a request with messages waiting, a page that is not a course.
Wagtail's view restrictions are checked before (``on_serve_page`` order), so a copy is only
ever served to someone the page would be served to. The page's CSRF token is the session's:
the key includes a digest of the session's CSRF secret, so another session of the same person
gets its own copy.
"""

import hashlib

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.utils.translation import get_language

from courses.models import CoursePage
from courses.selectors import course_tag
from home import cache as page_cache
from home.templatetags.aula_tags import ADMIN_ACCESS_KEY
from learners.accounts.page_state import learner_tag

# A cohort's enrolment window opening or closing changes the page with no change of data.
LEARNER_PAGE_SECONDS = 120
KEY_PREFIX = "aula:learner-page:"


def _key(page, request) -> str:
    # No CSRF secret yet: a page that asks for a token sets the cookie, and a response that
    # sets a cookie is never kept; one that does not needs no secret.
    secret = request.META.get("CSRF_COOKIE") or ""
    session = hashlib.sha256(secret.encode()).hexdigest()[:16] if secret else "none"
    return f"{KEY_PREFIX}{request.user.pk}:{page.pk}:{get_language()}:{session}"


def _is_cacheable(page, request) -> bool:
    user = request.user
    return (
        settings.AULA_LEARNER_PAGE_CACHE
        and isinstance(page, CoursePage)
        and request.method == "GET"
        and not request.GET
        and not getattr(request, "is_preview", False)
        and user.is_authenticated
        and not user.is_staff
        and not request.session.get(ADMIN_ACCESS_KEY)
        and not len(messages.get_messages(request))  # len() leaves them unread
    )


def serve_kept(serve):
    """Wraps Wagtail's serve chain (``on_serve_page``): the kept copy, else the page rendered
    and kept."""

    def inner(page, request, serve_args, serve_kwargs):
        if not _is_cacheable(page, request):
            return serve(page, request, serve_args, serve_kwargs)
        key = _key(page, request)
        tags = [course_tag(page.translation_key), learner_tag(request.user.pk)]
        versions, kept = page_cache.lookup(key, tags)
        if kept is not None:
            content, headers = kept
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            return response
        response = serve(page, request, serve_args, serve_kwargs)
        if hasattr(response, "render"):
            response.render()
        if response.status_code == 200 and not response.streaming and not response.cookies:
            headers = [(name, value) for name, value in response.items()]
            page_cache.keep(key, versions, (response.content, headers), LEARNER_PAGE_SECONDS)
        return response

    return inner
