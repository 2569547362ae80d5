from django.urls import path

from aula import converters  # noqa: F401  (registers <id:…>)

from . import certificates as views
from . import credentials

urlpatterns = [
    path("verify/", views.verify_form, name="certificate_verify_form"),
    path(
        "verify/credential/",
        credentials.verify_credential_view,
        name="certificate_verify_credential",
    ),
    path("verify/<str:code>/", views.verify, name="certificate_verify"),
    path("<id:certificate_id>/download/", views.download, name="certificate_download"),
    path("<id:certificate_id>/credential/", credentials.download, name="certificate_credential"),
]
