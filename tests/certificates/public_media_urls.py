"""Aula's URLs plus MEDIA_ROOT served at MEDIA_URL, as the web server serves public media in
production: for tests that a certificate's file is not reachable there."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from aula.urls import urlpatterns as aula_urlpatterns


def public_media(request, path):
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [re_path(r"^media/(?P<path>.*)$", public_media), *aula_urlpatterns]
