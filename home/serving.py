"""Wagtail's serve view, with each path's route kept in the cache until the next publish; and
the site for each host (``SiteMiddleware``), for every view under a language prefix.

Wagtail routes a request from the site's root page down, one level at a time: the site for the
host, the active locale, then each page of the path and its specific row (Aula's
``BasePage.route`` folds those two into one query per level). For a module,
``/en/courses/<course>/<module>/``, that is six queries and about a third of the CPU the page
takes for a learner, whom the anonymous page cache (``home.cache``) never serves.

``serve`` looks the route up first under the request's host, port, language and path, filed
under the content version, which every publish, unpublish, move or deletion of a page and every
change of sites, locales or view restrictions bumps (``home.signals``): the site and the page,
as specific page with its parents (``BasePage.route`` sets them), come back from one cache round
trip with no query, with the page's view restrictions (``BasePage.keep_view_restrictions``:
the rows, which change only with the content version). On a miss, Wagtail routes as usual and
the result is kept. Then Wagtail's own ``serve`` view runs: its hooks (view restrictions, Aula's
enrolment rule) and the page's ``serve`` still run on every request, so whether this reader
may see the page is decided every time.

The cached route is handed to Wagtail through the two per-request memos its docstrings name
(``Site.find_for_request`` → ``request._wagtail_site``; ``Page.route_for_request`` →
``request._wagtail_route_for_request``), so every later lookup in the request (page URLs, site
settings) uses it too. ``tests/home/test_route_cache.py`` fails if Wagtail stops reading them.

Only live pages reach the cache (Wagtail's ``route`` raises ``Http404`` for the others), and only
routes that consumed the whole path (no page here takes arguments from its URL).
"""

import hashlib

from django.conf import settings
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from . import cache as page_cache

KEY_PREFIX = "aula:route:"
SITE_KEY_PREFIX = "aula:site-and-root-paths:"
# Where the site is looked up from the cache: the pages and the learners' views, and the
# learners' calendar feeds (a link to each session's page).
SITE_PREFIXES = (*page_cache.PAGE_PREFIXES, "/calendar/")
TIMEOUT = 3600


def _host(request) -> str:
    # As Wagtail's Site.find_for_request: the raw host (no ALLOWED_HOSTS check here) and port.
    return f"{request._get_raw_host()}|{request.get_port()}"


def _key(request, path: str) -> str:
    raw = f"{_host(request)}|{get_language()}|{path}"
    return f"{KEY_PREFIX}{hashlib.sha256(raw.encode()).hexdigest()[:32]}"


class SiteMiddleware:
    """Wagtail's site for the request's host, from the cache until the next change of sites or
    content (``home.signals``): Wagtail looks it up on every request that shows a page URL or
    the site settings, with a query that takes about 1.5 ms of CPU to build. Kept with it, the
    sites' root paths, which Wagtail reads from the cache (a round trip of its own) for every
    request that shows a page URL. A hit is set where Wagtail keeps both for the request
    (``request._wagtail_site``, as ``Site.find_for_request`` does;
    ``request._wagtail_cached_site_root_paths``, as ``Page._get_site_root_paths``); on a miss
    nothing is asked here, and the site Wagtail found during the request, if it looked, is kept
    for the next one. Only under ``SITE_PREFIXES`` (pages, the learners' views, calendar
    feeds): the health check and the like never touch it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (settings.AULA_ROUTE_CACHE and request.path.startswith(SITE_PREFIXES)):
            return self.get_response(request)
        key = SITE_KEY_PREFIX + _host(request)
        versions, kept = page_cache.lookup(key)
        if kept is not None:
            # "No site for this host" (None) is kept too.
            request._wagtail_site, request._wagtail_cached_site_root_paths = kept
            return self.get_response(request)
        response = self.get_response(request)
        if hasattr(request, "_wagtail_site"):
            kept = (request._wagtail_site, Site.get_site_root_paths())
            page_cache.keep(key, versions, kept, TIMEOUT)
        return response


def _prime(request, path: str) -> None:
    key = _key(request, path)
    versions, kept = page_cache.lookup(key)
    if kept is not None:
        request._wagtail_site, request._wagtail_route_for_request = kept
        return
    route = Page.route_for_request(request, path)  # Wagtail's routing; memoised on the request
    if route is None or route.args or route.kwargs:
        return
    if hasattr(route.page, "keep_view_restrictions"):  # Aula's pages: kept with the route
        route.page.keep_view_restrictions()
    page_cache.keep(key, versions, (Site.find_for_request(request), route), TIMEOUT)


def serve(request, path):
    """Wagtail's ``wagtail.views.serve``, with the route from the cache when it is there."""
    if settings.AULA_ROUTE_CACHE:
        _prime(request, path)
    return wagtail_views.serve(request, path)
