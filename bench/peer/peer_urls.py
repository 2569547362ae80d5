"""The peer's URLs, as its example project has them (minus its search view): the Django and
Wagtail admins, documents, the wagtail-lms URLs and Wagtail's page serving last."""

from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("lms/", include("wagtail_lms.urls")),
    path("", include(wagtail_urls)),
]
