from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from courses.models import CoursePage, ModulePage

MAX_QUERY_LENGTH = 200
PER_PAGE = 10


def search(request):
    """Search courses and modules of the current language, paginated."""
    raw_query = request.GET.get("q", "")
    query = " ".join(raw_query.split())[:MAX_QUERY_LENGTH]
    message = ""
    results = Page.objects.none()

    if not query:
        if "q" in request.GET:
            message = _("Type a word or two to search the courses.")
    else:
        if len(raw_query) > MAX_QUERY_LENGTH:
            message = _("Your search was long, so only its first %(count)s characters were used.") % {
                "count": MAX_QUERY_LENGTH
            }
        results = (
            Page.objects.live()
            .public()
            .type(CoursePage, ModulePage)
            .filter(locale=Locale.get_active())
            .specific()
            .search(query)
        )

    page = Paginator(results, PER_PAGE).get_page(request.GET.get("page"))
    if query and not page.paginator.count:
        message = _("No courses or modules match “%(query)s”.") % {"query": query}

    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "results": page, "page_obj": page, "message": message},
    )
