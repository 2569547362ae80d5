"""Pages and errors are served in the language of the URL; unknown languages serve nothing."""

import re

import pytest

from tests.factories import build_course, translate_page


def html_lang(response) -> str:
    match = re.search(r'<html lang="([^"]+)"', response.content.decode())
    assert match, "the page has no <html lang>"
    return match.group(1)


@pytest.fixture
def spanish_tree(site_tree):
    course = build_course(site_tree.catalogue, modules=1, slug="care", title="Care work")
    home_es = translate_page(site_tree.home, "es", title="Aula")
    catalogue_es = translate_page(site_tree.catalogue, "es", title="Cursos")
    course_es = translate_page(course, "es", title="Trabajo de cuidados")
    return {"home": home_es, "catalogue": catalogue_es, "course": course_es}


def test_spanish_pages_are_served_in_spanish(client, spanish_tree):
    for page in spanish_tree.values():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.url.startswith("/es/")
        assert html_lang(response) == "es"
        assert response["Content-Language"] == "es"


def test_english_pages_are_served_in_english(client, site_tree):
    response = client.get(site_tree.catalogue.url)
    assert response.status_code == 200
    assert html_lang(response) == "en"


def test_missing_spanish_page_is_a_spanish_404(client, spanish_tree):
    response = client.get("/es/no-such-page/")
    assert response.status_code == 404
    assert html_lang(response) == "es"


def test_missing_spanish_course_is_a_spanish_404(client, spanish_tree):
    response = client.get("/es/courses/no-such-course/")
    assert response.status_code == 404
    assert html_lang(response) == "es"


def test_missing_page_is_a_404_in_spanish_even_without_a_spanish_site(client, site_tree):
    response = client.get("/es/no-such-page/")
    assert response.status_code == 404
    assert html_lang(response) == "es"


def test_missing_english_page_is_an_english_404(client, site_tree):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert html_lang(response) == "en"


def test_404_page_links_to_the_catalogue_of_its_language(client, spanish_tree):
    response = client.get("/es/no-such-page/")
    assert 'href="/es/courses/"' in response.content.decode()


def test_unknown_language_prefix_is_a_404_without_a_redirect(client, site_tree):
    response = client.get("/xx/courses/")
    assert response.status_code == 404
    assert html_lang(response) == "en"


def test_configured_but_unpublished_language_is_a_404_not_a_server_error(client, site_tree):
    # pt is configured for editors but not public; the site must not crash on it.
    response = client.get("/pt/no-such-page/")
    assert response.status_code == 404


def test_spanish_pages_show_the_interface_in_spanish(client, spanish_tree):
    response = client.get("/es/no-such-page/")
    html = response.content.decode()
    assert "Ir al contenido principal" in html
    assert "Página no encontrada" in html


def test_unknown_admin_path_is_a_404_without_a_language_redirect(client, site_tree):
    response = client.get("/admin/no-such-thing/")
    # The admin asks a visitor to log in first, at the admin's own address (no /en/ prefix).
    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/admin/no-such-thing/"
    assert not response.get("Location", "").startswith("/en/admin/")
