"""The site's URLs plus one bench-only view that returns fixed HTML through the same
middleware stack (``/<lang>/__bench__/bare/<key>/``): the floor a cached page is compared with."""

from django.conf.urls.i18n import i18n_patterns
from django.http import Http404, HttpResponse
from django.urls import path

from aula.urls import urlpatterns as site_urlpatterns

# Filled by bench/run.py with the bytes of the pages being measured.
BARE_PAGES: dict[str, bytes] = {}


def bare(request, key):
    try:
        return HttpResponse(BARE_PAGES[key], content_type="text/html; charset=utf-8")
    except KeyError as error:
        raise Http404 from error


urlpatterns = [
    *i18n_patterns(path("__bench__/bare/<str:key>/", bare), prefix_default_language=True),
    *site_urlpatterns,
]
