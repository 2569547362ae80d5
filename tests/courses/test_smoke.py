from tests.factories import build_course, translate_page


def test_course_page_renders_outline_in_tree_order(client, catalogue):
    course = build_course(catalogue, modules=2, sessions=2, title="Care work")
    response = client.get(course.url)
    assert response.status_code == 200
    html = response.content.decode()
    order = [html.index(t) for t in ("Module 1", "Live session 1", "Module 2", "Live session 2")]
    assert order == sorted(order)


def test_spanish_translation_is_served_under_es_prefix(client, site_tree):
    home_es = translate_page(site_tree.home, "es", title="Aula ES")
    catalogue_es = translate_page(site_tree.catalogue, "es", title="Cursos")
    assert home_es.url == "/es/"
    response = client.get(catalogue_es.url)
    assert response.status_code == 200
    assert 'lang="es"' in response.content.decode()
