"""Issue 13, item 3: the account pages speak Aula's words (sentence case, our own message ids,
"usted" in Spanish), in the site's design, and a form with an error shows again what was typed."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from home.models import SiteSettings
from tests.factories import learner

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"
STOCK_WORDING = ("Sign Up", "Sign In", "Remember Me", "Sign Out", "Forgot Password", "Menu:")


def page(client, path) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def link_in(message) -> str:
    return re.search(r"https?://[^\s]+", message.body).group(0).replace("http://testserver", "")


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/en/accounts/signup/", "<h1>Sign up</h1>"),
        ("/en/accounts/login/", "<h1>Log in</h1>"),
        ("/en/accounts/password/reset/", "<h1>Reset your password</h1>"),
        ("/en/accounts/password/reset/done/", "<h1>Check your email</h1>"),
        ("/en/accounts/confirm-email/", "<h1>Check your email</h1>"),
        ("/es/accounts/signup/", "<h1>Regístrese</h1>"),
        ("/es/accounts/login/", "<h1>Ingresar</h1>"),
        ("/es/accounts/password/reset/", "<h1>Restablezca su contraseña</h1>"),
    ],
)
def test_entrance_pages_use_sentence_case_in_the_site_layout(client, site_tree, path, heading):
    html = page(client, path)
    assert heading in html
    assert 'class="skip-link"' in html and "account-page--entrance" in html
    for stock in STOCK_WORDING:
        assert stock not in html


def test_login_labels_are_ours_in_both_languages(client, site_tree):
    english = page(client, "/en/accounts/login/")
    assert ">Email address" in english and ">Remember me" in english
    assert "placeholder=" not in english
    spanish = page(client, "/es/accounts/login/")
    assert ">Correo electrónico" in spanish and ">Recordarme en este dispositivo" in spanish
    assert "¿Olvidó su contraseña?" in spanish


def test_header_offers_sign_up_to_visitors_only(client, site_tree):
    assert 'href="/en/accounts/signup/"' in page(client, "/en/accounts/login/")
    client.force_login(learner())
    assert 'href="/en/accounts/signup/"' not in page(client, "/en/accounts/email/")


def test_failed_login_shows_the_email_again(client, site_tree):
    learner(email="ana@example.org")
    response = client.post(
        "/en/accounts/login/", {"login": "ana@example.org", "password": "wrong password"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="ana@example.org"' in html
    assert 'class="message message--error"' in html


def test_signup_refusal_keeps_what_was_typed_and_explains(client, site_tree):
    response = client.post(
        "/es/accounts/signup/",
        {"email": "rosa@example.org", "password1": "cuidados-2027!", "password2": "cuidados-2027!"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="rosa@example.org"' in html
    assert "acepte el aviso de privacidad" in html
    assert not EmailAddress.objects.exists()


def test_password_reset_from_the_emailed_link_to_done(client, site_tree):
    learner(email="ana@example.org")
    response = client.post("/en/accounts/password/reset/", {"email": "ana@example.org"})
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.subject.endswith(" · Reset your password")
    form_page = client.get(link_in(message), follow=True)
    assert "<h1>Choose a new password</h1>" in form_page.content.decode()
    action = form_page.request["PATH_INFO"]
    refused = client.post(action, {"password1": "new-pass-2027!", "password2": "other-2027!"})
    assert refused.status_code == 200
    done = client.post(
        action, {"password1": "new-pass-2027!", "password2": "new-pass-2027!"}, follow=True
    )
    assert "<h1>Your password is changed</h1>" in done.content.decode()
    assert client.login(username="ana@example.org", password="new-pass-2027!")


def test_a_used_reset_link_says_so(client, site_tree):
    html = page(client, "/en/accounts/password/reset/key/1-set-password/")
    assert "<h1>This link no longer works</h1>" in html


def test_change_email_sends_a_link_and_keeps_the_old_address_until_confirmed(client, site_tree):
    ana = learner(email="ana@example.org")
    EmailAddress.objects.create(user=ana, email=ana.email, verified=True, primary=True)
    client.force_login(ana)
    html = page(client, "/es/accounts/email/")
    assert "<h1>Correo electrónico</h1>" in html and "ana@example.org" in html
    response = client.post(
        "/es/accounts/email/", {"action_add": "", "email": "ana.nueva@example.org"}
    )
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == ["ana.nueva@example.org"]
    assert "Confirme su correo electrónico" in message.subject
    ana.refresh_from_db()
    assert ana.email == "ana@example.org"
    assert "ana.nueva@example.org" in page(client, "/es/accounts/email/")


def test_change_email_refusal_shows_the_typed_address(client, site_tree):
    ana = learner(email="ana@example.org")
    EmailAddress.objects.create(user=ana, email=ana.email, verified=True, primary=True)
    client.force_login(ana)
    response = client.post("/en/accounts/email/", {"action_add": "", "email": "not-an-email"})
    assert response.status_code == 200
    assert 'value="not-an-email"' in response.content.decode()


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/en/accounts/password/change/", "<h1>Change your password</h1>"),
        ("/en/accounts/logout/", "<h1>Log out</h1>"),
        ("/en/accounts/2fa/", "<h1>Two-step sign-in</h1>"),
        ("/es/accounts/password/change/", "<h1>Cambie su contraseña</h1>"),
        ("/es/accounts/logout/", "<h1>Cerrar sesión</h1>"),
    ],
)
def test_manage_pages_use_sentence_case_and_the_account_menu(client, site_tree, path, heading):
    client.force_login(learner())
    html = page(client, path)
    assert heading in html
    assert "account-page--manage" in html
    for stock in STOCK_WORDING:
        assert stock not in html


def test_change_password_refusal_explains_in_spanish(client, site_tree):
    client.force_login(learner(email="ana@example.org"))
    response = client.post(
        "/es/accounts/password/change/",
        {"oldpassword": "wrong", "password1": "new-pass-2027!", "password2": "new-pass-2027!"},
    )
    assert response.status_code == 200
    assert "Contraseña actual" in response.content.decode()


def test_confirmation_email_greets_with_the_site_name_in_sentence_case(client, site_tree):
    site_settings = SiteSettings.for_site(site_tree.site)
    site_settings.organisation_name = "Centro Regional de Formación"
    site_settings.save()
    client.post(
        "/es/accounts/signup/",
        {
            "email": "rosa@example.org",
            "password1": "cuidados-2027!",
            "password2": "cuidados-2027!",
            "accept_privacy_notice": "on",
        },
    )
    [message] = mail.outbox
    assert message.subject == "Centro Regional de Formación · Confirme su correo electrónico"
    assert message.body.startswith("Hola, le escribe Centro Regional de Formación.")
    assert "El equipo de Centro Regional de Formación" in message.body
    assert message.body.rstrip().endswith("\nhttp://testserver/es/")
