"""Every email Aula sends links to the public address (AULA_PUBLIC_URL) and greets with the
organisation's name, never with the host the request came in on ("Hello from
127.0.0.1:8765!"): allauth's confirmation, reset and unknown-account emails as much as
Aula's own."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail

from home.models import SiteSettings
from learners.enrolment import services
from tests.factories import CohortFactory, build_course, learner

pytestmark = pytest.mark.django_db

PUBLIC = "https://aula.example.org"
REQUEST_HOST = "127.0.0.1:8765"


@pytest.fixture(autouse=True)
def public_address(settings, site_tree):
    settings.AULA_PUBLIC_URL = PUBLIC
    site_settings = SiteSettings.for_site(site_tree.site)
    site_settings.organisation_name = "Centro Regional de Formación"
    site_settings.save()


def links_in(body: str) -> list[str]:
    return re.findall(r"https?://[^\s\"'<>]+", body)


def assert_public(message):
    links = links_in(message.body)
    assert links, message.body
    assert {urlsplit(link).netloc for link in links} == {"aula.example.org"}
    assert "127.0.0.1" not in message.body
    assert "testserver" not in message.body


def test_signup_confirmation_links_and_greets_with_the_public_site(client):
    response = client.post(
        "/en/accounts/signup/",
        {
            "email": "rosa@example.org",
            "password1": "cuidados-2027!",
            "password2": "cuidados-2027!",
            "accept_privacy_notice": "on",
        },
        HTTP_HOST=REQUEST_HOST,
    )
    assert response.status_code == 302
    [message] = mail.outbox
    assert_public(message)
    assert "/en/accounts/confirm-email/" in message.body
    assert "Centro Regional de Formación" in message.body
    assert message.subject.startswith("Centro Regional de Formación · ")


def test_password_reset_link_is_on_the_public_address(client):
    learner(email="ana@example.org")
    client.post(
        "/en/accounts/password/reset/", {"email": "ana@example.org"}, HTTP_HOST=REQUEST_HOST
    )
    [message] = mail.outbox
    assert_public(message)
    assert f"{PUBLIC}/en/accounts/password/reset/key/" in message.body


def test_unknown_account_email_links_to_the_public_sign_up(client, settings):
    settings.ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = True
    client.post(
        "/es/accounts/password/reset/", {"email": "nadie@example.org"}, HTTP_HOST=REQUEST_HOST
    )
    [message] = mail.outbox
    assert_public(message)
    assert f"{PUBLIC}/es/accounts/signup/" in message.body


def test_enrolment_email_links_to_the_public_address(catalogue, django_capture_on_commit_callbacks):
    cohort = CohortFactory(course=build_course(catalogue, modules=1, title="Care economy"))
    with django_capture_on_commit_callbacks(execute=True):
        services.enrol(learner=learner(email="ana@example.org"), cohort=cohort)
    [message] = mail.outbox
    assert_public(message)
