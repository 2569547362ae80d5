"""The machine-readable addresses of Aula's digital credentials, without a language prefix
(learners/learn/credentials.py): what wallets and verifiers dereference."""

from django.urls import path

from . import credentials as views

urlpatterns = [
    path(".well-known/jwks.json", views.jwks, name="credential_jwks"),
    path("credentials/keys/<str:thumbprint>/", views.key, name="credential_key"),
    path("credentials/issuer/", views.issuer, name="credential_issuer"),
    path("credentials/achievements/<uuid:key>/", views.achievement, name="credential_achievement"),
    path("credentials/status/revocation/", views.status_list, name="credential_status_list"),
]
