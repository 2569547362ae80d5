import re
import unicodedata

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from courses.models import CoursePage, ModulePage

MAX_QUERY_LENGTH = 200
PER_PAGE = 10
# What is searched: the words of the query. Punctuation and symbols are dropped before the
# query reaches the search backend, whose own syntax (quotes, operators) they could break.
SEARCH_WORD = re.compile(r"\w+")


def search_words(query: str) -> list[str]:
    return SEARCH_WORD.findall(unicodedata.normalize("NFC", query))


def shorten(query: str) -> str:
    """The first MAX_QUERY_LENGTH characters of ``query``, without a word cut in half."""
    if len(query) <= MAX_QUERY_LENGTH:
        return query
    shortened = query[:MAX_QUERY_LENGTH]
    if query[MAX_QUERY_LENGTH] != " " and " " in shortened:
        shortened = shortened.rsplit(" ", 1)[0]
    return shortened


def search(request):
    """Search courses and modules of the current language, paginated."""
    normalised = " ".join(request.GET.get("q", "").split())
    query = shorten(normalised)
    messages = []
    results = Page.objects.none()

    if not query:
        if "q" in request.GET:
            messages.append(_("Type a word or two to search the courses."))
    else:
        if len(normalised) > MAX_QUERY_LENGTH:
            messages.append(
                _("Your search was long, so only its first %(count)s characters were used.")
                % {"count": MAX_QUERY_LENGTH}
            )
        words = search_words(query)
        if words:
            # Pages published in this language only: not a draft translation, not an alias
            # standing for an untranslated page (its text is the source language's).
            results = (
                Page.objects.live()
                .public()
                .type(CoursePage, ModulePage)
                .filter(locale=Locale.get_active())
                .exclude(id__in=Page.objects.filter(alias_of__isnull=False).values("id"))
                .specific()
                .search(" ".join(words))
            )

    page = Paginator(results, PER_PAGE).get_page(request.GET.get("page"))
    # What is shown is published pages only, the same for every visitor who asks the same:
    # the anonymous page cache may keep it until the next publish (home/cache.py).
    request.aula_page_cacheable = True
    if query and not page.paginator.count:
        messages.append(_("No courses or modules match “%(query)s”.") % {"query": query})

    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": query,
            "results": page,
            "page_obj": page,
            "message": " ".join(messages),
        },
    )
