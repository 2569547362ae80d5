from django.urls import path

from aula import converters  # noqa: F401  (registers <id:…>)

from . import certificates as views

urlpatterns = [
    path("verify/", views.verify_form, name="certificate_verify_form"),
    path("verify/<str:code>/", views.verify, name="certificate_verify"),
    path("<id:certificate_id>/download/", views.download, name="certificate_download"),
]
