from django.urls import path

from . import certificates as views

urlpatterns = [
    path("verify/", views.verify_form, name="certificate_verify_form"),
    path("verify/<str:code>/", views.verify, name="certificate_verify"),
    path("<int:certificate_id>/download/", views.download, name="certificate_download"),
]
