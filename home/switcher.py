"""Where the language switcher leads: the same place in every public language.

On a Wagtail page: the page's live translation in that language, else its nearest ancestor
translated and live there (the link says so), else that language's home. Every other view
(the learner's and tutor's pages, search, accounts, certificates, error pages) resolves its URL
and reverses it in the other language with the same arguments (``django.urls.translate_url``).
The query string (the catalogue's filters, a search) is kept everywhere.

A page's links are read in one query (the translations of the page and of its ancestors, found
by path prefix) and kept until the next publish (home.cache.remember); other views cost none
(their translated paths are kept per process).
"""

import functools
from dataclasses import dataclass

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info, gettext
from wagtail.models import Page

from home import cache as page_cache


@dataclass(frozen=True)
class SwitcherLink:
    code: str
    name: str
    url: str
    is_active: bool
    # A translated ancestor stands in for a page not translated (or deleted) in this language.
    note: str = ""


def _ancestor_paths(page: Page) -> list[str]:
    """Paths of the page and its ancestors below the root (the root has no translations)."""
    return [page.path[: Page.steplen * depth] for depth in range(2, page.depth + 1)]


def page_translations(page: Page, request) -> dict[str, tuple[str, int]]:
    """{language: (url, depth)}: for each language the deepest live page among the translations
    of ``page`` and of its ancestors (``depth`` is that of the page it translates, so
    ``page.depth`` means the page itself). One query."""
    paths = _ancestor_paths(page)
    source_depth = Page.objects.filter(
        path__in=paths, translation_key=OuterRef("translation_key")
    ).values("depth")[:1]
    rows = (
        Page.objects.live()
        .filter(translation_key__in=Page.objects.filter(path__in=paths).values("translation_key"))
        .annotate(source_depth=Subquery(source_depth))
        .select_related("locale")
        .order_by("source_depth")
    )
    found = {}
    for row in rows:  # shallowest first: a deeper page overwrites its ancestors
        url = row.get_url(request)
        if url:
            found[row.locale.language_code] = (url, row.source_depth)
    return found


@functools.lru_cache(maxsize=1024)
def _translated(path: str, active: str, code: str) -> str:
    """``translate_url`` of a view's path (with its query) while ``active`` is the language:
    the same for every request of it (URL patterns do not change while the process runs), so
    worked out once per process. ``active`` is part of the question: the path is resolved with
    the active language's prefix."""
    return translate_url(path, code)


def _with_query(url: str, request) -> str:
    query = request.GET.urlencode()
    return f"{url}?{query}" if query else url


def switcher_links(request, active: str, page=None) -> list[SwitcherLink]:
    """The switcher's links, one per public language."""
    translations = {}
    is_page = isinstance(page, Page) and page.pk is not None
    if is_page:
        translations = page_cache.remember(
            f"aula:switcher:{page.pk}:{active}:{request.get_host()}",
            lambda: page_translations(page, request),
        )
    links = []
    for code in settings.AULA_PUBLIC_LANGUAGES:
        name = get_language_info(code)["name_local"]
        note = ""
        if not is_page:
            url = _translated(request.get_full_path(), get_language(), code)
        elif code in translations:
            url, depth = translations[code]
            url = _with_query(url, request) if depth == page.depth else url
            if depth != page.depth:
                note = gettext(
                    "This page is not available in %(language)s; the link shows the nearest "
                    "page that is."
                ) % {"language": name}
        else:
            url = f"/{code}/"
            note = gettext(
                "This page is not available in %(language)s; the link shows the home page."
            ) % {"language": name}
        links.append(SwitcherLink(code, name, url, is_active=code == active, note=note))
    return links
