"""The account pages in Portuguese and French: our own wording, and Django's and allauth's
errors in our catalogues' wording (Brazilian and formal; allauth and Django would answer /pt/
in European Portuguese, "palavra-passe"), never in English."""

import pytest
from django.utils.html import escape

from tests.factories import learner

pytestmark = pytest.mark.django_db

WRONG_PASSWORD = {
    "pt": "O endereço de e-mail ou a senha informados não estão corretos.",
    "fr": "L’adresse électronique ou le mot de passe indiqués ne sont pas corrects.",
}
TOO_SHORT = {
    "pt": "Esta senha é curta demais. Ela deve conter pelo menos 8 caracteres.",
    "fr": "Ce mot de passe est trop court. Il doit contenir au moins 8 caractères.",
}
LOG_IN = {"pt": "Entrar", "fr": "Se connecter"}


@pytest.mark.parametrize("language", ["pt", "fr"])
def test_a_failed_login_is_explained_in_the_language(client, site_tree, language):
    learner(email="ana@example.org")
    response = client.post(
        f"/{language}/accounts/login/", {"login": "ana@example.org", "password": "wrong password"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert escape(WRONG_PASSWORD[language]) in html
    assert LOG_IN[language] in html
    assert "not correct" not in html
    assert "palavra-passe" not in html


@pytest.mark.parametrize("language", ["pt", "fr"])
def test_password_rules_are_explained_in_the_language(client, site_tree, language):
    response = client.post(
        f"/{language}/accounts/signup/",
        {"email": "rosa@example.org", "password1": "c-2027", "password2": "c-2027"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert escape(TOO_SHORT[language]) in html
    assert 'value="rosa@example.org"' in html
    assert "This password" not in html
    assert "palavra-passe" not in html
