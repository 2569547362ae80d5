"""Sign-up with email verification and password reset (django-allauth), in the site's layout."""

import re

import pytest
from django.core import mail

from tests.factories import learner


def link_in(message) -> str:
    return re.search(r"https?://[^\s]+", message.body).group(0).replace("http://testserver", "")


def test_visitor_signs_up_verifies_email_and_lands_on_my_courses(client, site_tree):
    response = client.post(
        "/es/accounts/signup/",
        {
            "email": "Rosa.Quispe@Example.org",
            "password1": "cuidados-2027!",
            "password2": "cuidados-2027!",
            "accept_privacy_notice": "on",
        },
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "rosa.quispe@example.org" in mail.outbox[0].to[0].lower()

    # Not verified yet: logging in sends the verification again instead of logging in.
    client.logout()
    client.post(
        "/es/accounts/login/", {"login": "rosa.quispe@example.org", "password": "cuidados-2027!"}
    )
    assert client.get("/es/learn/").status_code == 302

    client.post(link_in(mail.outbox[0]))
    response = client.post(
        "/es/accounts/login/",
        {"login": "rosa.quispe@example.org", "password": "cuidados-2027!"},
        follow=True,
    )
    assert response.request["PATH_INFO"] == "/es/learn/"
    assert "Complete su perfil" in response.content.decode()


def test_signup_form_reshows_the_email_when_passwords_differ(client, site_tree):
    response = client.post(
        "/en/accounts/signup/",
        {
            "email": "ana@example.org",
            "password1": "cuidados-2027!",
            "password2": "other-2027!",
            "accept_privacy_notice": "on",
        },
    )
    assert response.status_code == 200
    assert 'value="ana@example.org"' in response.content.decode()


def test_password_reset_email_is_sent_for_a_known_account(client, site_tree):
    learner(email="ana@example.org")
    response = client.post("/en/accounts/password/reset/", {"email": "ana@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


@pytest.mark.parametrize("path", ["/en/accounts/login/", "/es/accounts/signup/"])
def test_account_pages_use_the_site_layout_in_their_language(client, site_tree, path):
    html = client.get(path).content.decode()
    assert 'class="skip-link"' in html
    assert f'<html lang="{path[1:3]}">' in html
