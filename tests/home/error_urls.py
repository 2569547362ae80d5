"""Aula's URLs and three more that fail on purpose (tests/home/test_error_pages.py): the error
pages are Django's handlers rendering Aula's templates, as in production."""

from allauth.core.ratelimit import respond_429
from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied
from django.urls import path

from aula import urls as aula_urls


def refuse(request):
    raise PermissionDenied


def fail(request):
    raise RuntimeError("a bug")


def throttle(request):
    return respond_429(request)


handler500 = getattr(aula_urls, "handler500", "django.views.defaults.server_error")

urlpatterns = [
    *i18n_patterns(
        path("refuse/", refuse),
        path("fail/", fail),
        path("throttle/", throttle),
        prefix_default_language=True,
    ),
    *aula_urls.urlpatterns,
]
