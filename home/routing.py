"""Wagtail's page routing with the site and the active locale from the cache.

Before Wagtail's ``serve`` view runs, ``PageRoutingMiddleware`` routes the request the way
``Page.route_for_request`` does: find the site, take its root page in the active language
(``root_page.localized.specific``), then let each page route the rest of the path. The site,
the root page's identity and the active locale come from ``home.site_cache``; the localized
root page, with its specific fields, is one query (``home.page_rows``). The result is stored
where Wagtail keeps it (``request._wagtail_route_for_request``), so ``serve`` then runs
unchanged: the ``before_serve_page`` and ``on_serve_page`` hooks (view restrictions among
them), 404 for drafts and unknown paths. Previews do not pass through here.
"""

from django.http import Http404
from wagtail import views as wagtail_views

from . import site_cache
from .models import HomePage
from .page_rows import PageRows

# The site roots Aula creates are home pages; any other type is loaded as Wagtail would.
HOME_PAGES = PageRows(HomePage, flag_restricted=True)


def _localized_root(lookup: site_cache.SiteLookup):
    """``site.root_page.localized.specific`` in one query; None if the root page is gone.

    Wagtail's rule: the root page's translation in the active locale if there is one and it
    is live, otherwise the root page itself.
    """
    column, param = HOME_PAGES.column, HOME_PAGES.param
    condition, params = f"{column('id')} = %s", [lookup.root_page_id]
    if lookup.locale_id is not None and lookup.locale_id != lookup.root_locale_id:
        condition += f" OR ({column('translation_key')} = %s AND {column('locale')} = %s)"
        params += [param("translation_key", lookup.root_translation_key), lookup.locale_id]
    pages = {page.pk: page for page in HOME_PAGES.fetch(condition, params)}
    root = pages.pop(lookup.root_page_id, None)
    if root is None:
        return None
    localized = next(iter(pages.values()), None)
    return localized if localized is not None and localized.live else root


def route_for_request(request, path: str) -> None:
    """Route as ``Page.route_for_request`` does and store the result on the request."""
    if hasattr(request, "_wagtail_route_for_request"):
        return
    lookup = site_cache.site_for_request(request)
    root = None if lookup.site is None else _localized_root(lookup)
    if lookup.site is not None and root is None:
        # The cached site names a root page that no longer exists: read the site again.
        lookup = site_cache.site_for_request(request, refresh=True)
        root = None if lookup.site is None else _localized_root(lookup)
        if lookup.site is not None and root is None:
            return  # leave it to Wagtail
    result = None
    if root is not None:
        path_components = [component for component in path.split("/") if component]
        try:
            result = root.route(request, path_components)
        except Http404:
            result = None
    request._wagtail_route_for_request = result


class PageRoutingMiddleware:
    """Routes requests for Wagtail's ``serve`` view with cached lookups (see above)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_views.serve:
            path = view_args[0] if view_args else view_kwargs.get("path", "")
            route_for_request(request, path)
        return None
