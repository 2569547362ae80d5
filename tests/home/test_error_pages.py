"""Error pages in the site's design and the visitor's language, as production shows them
(DEBUG off): 404, 403 and 429 in the base template; 500 without the database."""

import pytest
from django.test import Client, RequestFactory
from django.utils import translation

from tests.home import error_urls

pytestmark = [pytest.mark.urls("tests.home.error_urls"), pytest.mark.usefixtures("site_tree")]


@pytest.fixture(autouse=True)
def production_errors(settings):
    settings.DEBUG = False


def in_site_design(html: str) -> bool:
    return 'class="site-header"' in html and "/static/css/aula.css" in html


@pytest.mark.parametrize(
    ("language", "heading"), [("en", "Page not found"), ("es", "Página no encontrada")]
)
def test_unknown_address_answers_404_in_the_site_design_and_language(client, language, heading):
    response = client.get(f"/{language}/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert in_site_design(html)
    assert f'<html lang="{language}">' in html
    assert f"<h1>{heading}</h1>" in html
    assert 'class="site-footer"' in html


def test_refusal_answers_403_in_the_site_design(client):
    response = client.get("/es/refuse/")

    assert response.status_code == 403
    html = response.content.decode()
    assert in_site_design(html)
    assert '<html lang="es">' in html and "Acceso denegado" in html


def test_too_many_requests_answers_429_in_the_site_design(client):
    response = client.get("/es/throttle/")

    assert response.status_code == 429
    html = response.content.decode()
    assert in_site_design(html)
    assert "Demasiados intentos" in html


def test_server_error_answers_500_in_the_site_design_and_language():
    client = Client(raise_request_exception=False)

    response = client.get("/es/fail/")

    assert response.status_code == 500
    html = response.content.decode()
    assert in_site_design(html)
    assert '<html lang="es">' in html and "Algo salió mal" in html


def test_server_error_page_needs_no_database(django_db_blocker):
    handler = error_urls.handler500
    if isinstance(handler, str):
        from django.utils.module_loading import import_string

        handler = import_string(handler)
    request = RequestFactory().get("/es/fail/")

    with translation.override("es"), django_db_blocker.block():
        response = handler(request)

    assert response.status_code == 500
    assert "Algo salió mal" in response.content.decode()
