"""Site search: per language, courses and modules only, paginated, and safe with any input."""

import html as html_lib
import re

import pytest
from wagtail.models import PageViewRestriction
from wagtail.search.models import IndexEntry

from search.views import MAX_QUERY_LENGTH, PER_PAGE, shorten
from tests.factories import (
    CoursePageFactory,
    LiveSessionPageFactory,
    ModulePageFactory,
    translate_page,
)

pytestmark = pytest.mark.search_index


def result_titles(response) -> list[str]:
    return [page.title for page in response.context["results"]]


def status_message(response) -> str:
    match = re.search(r'<p class="message" role="status">(.*?)</p>', response.content.decode())
    return match.group(1) if match else ""


@pytest.fixture
def course(site_tree):
    """A course without modules at /en/courses/care/, on unpaid care work (the search term)."""
    return CoursePageFactory(parent=site_tree.catalogue, title="Unpaid care work", slug="care")


def test_published_pages_are_indexed_by_signal(course):
    module = ModulePageFactory(parent=course, title="Measuring unpaid care")
    indexed = set(IndexEntry.objects.values_list("object_id", flat=True))
    assert {str(course.pk), str(module.pk)} <= indexed


def test_search_finds_courses_and_modules(client, course):
    ModulePageFactory(parent=course, title="Measuring unpaid care")
    response = client.get("/en/search/", {"q": "unpaid"})
    assert response.status_code == 200
    assert sorted(result_titles(response)) == ["Measuring unpaid care", "Unpaid care work"]


def test_search_leaves_out_live_sessions_catalogue_and_home(client, site_tree, course):
    LiveSessionPageFactory(parent=course, title="Unpaid care live session")
    response = client.get("/en/search/", {"q": "unpaid"})
    assert result_titles(response) == ["Unpaid care work"]
    # The home page is titled "Aula"; it is indexed but never a result.
    assert IndexEntry.objects.filter(title="Aula").exists()
    assert client.get("/en/search/", {"q": "aula"}).context["results"].paginator.count == 0


def test_search_leaves_out_drafts_and_private_pages(client, course):
    ModulePageFactory(parent=course, title="Unpaid care draft", live=False)
    private = ModulePageFactory(parent=course, title="Unpaid care members only")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/en/search/", {"q": "unpaid"})
    assert result_titles(response) == ["Unpaid care work"]


def test_search_is_per_language(client, site_tree, course):
    translate_page(site_tree.home, "es", title="Aula")
    translate_page(site_tree.catalogue, "es", title="Cursos")
    translate_page(course, "es", title="Trabajo de cuidados no remunerado")

    spanish = client.get("/es/search/", {"q": "remunerado"})
    english = client.get("/en/search/", {"q": "remunerado"})
    english_word_in_spanish = client.get("/es/search/", {"q": "unpaid"})

    assert spanish.status_code == 200
    assert result_titles(spanish) == ["Trabajo de cuidados no remunerado"]
    assert all(page.locale.language_code == "es" for page in spanish.context["results"])
    assert result_titles(english) == []
    assert result_titles(english_word_in_spanish) == []
    assert 'lang="es"' in spanish.content.decode()


def test_search_is_paginated(client, course):
    for n in range(PER_PAGE + 2):
        ModulePageFactory(parent=course, title=f"Unpaid care, part {n}")
    first = client.get("/en/search/", {"q": "unpaid"})
    second = client.get("/en/search/", {"q": "unpaid", "page": 2})
    assert first.context["results"].paginator.count == PER_PAGE + 3
    assert len(result_titles(first)) == PER_PAGE
    assert len(result_titles(second)) == 3
    assert not set(result_titles(first)) & set(result_titles(second))
    assert 'href="?q=unpaid&amp;page=2"' in first.content.decode()


def test_search_page_without_a_query_shows_the_form_only(client, site_tree):
    response = client.get("/en/search/")
    assert response.status_code == 200
    assert status_message(response) == ""
    assert 'name="q"' in response.content.decode()


def test_empty_query_asks_for_words(client, site_tree):
    for query in ("", "   "):
        response = client.get("/en/search/", {"q": query})
        assert response.status_code == 200
        assert status_message(response) == "Type a word or two to search the courses."


def test_very_long_query_is_shortened_and_says_so(client, course):
    response = client.get("/en/search/", {"q": "x" * 2000})
    assert response.status_code == 200
    assert response.context["search_query"] == "x" * MAX_QUERY_LENGTH
    assert f"only its first {MAX_QUERY_LENGTH} characters were used" in status_message(response)
    assert "No courses or modules match" in status_message(response)


def test_long_query_is_cut_between_words(client, course):
    response = client.get("/en/search/", {"q": "unpaid " + "x" * 2000})
    assert response.status_code == 200
    assert response.context["search_query"] == "unpaid"  # the cut-off word is dropped
    assert f"only its first {MAX_QUERY_LENGTH} characters were used" in status_message(response)


def test_long_query_with_results_still_finds_them(client, course):
    response = client.get("/en/search/", {"q": "unpaid" + " care" * 400})
    assert response.status_code == 200
    assert result_titles(response) == ["Unpaid care work"]
    assert "characters were used" in status_message(response)


@pytest.mark.parametrize(
    "query",
    [
        "<script>alert(1)</script>",
        "%",
        "100%",
        '"',
        "'",
        '"unpaid',
        "unpaid\"'",
        "\"quoted\" 'single'",
        "😀",
        "😀 unpaid",
        "' OR 1=1 --",
        "'; DROP TABLE wagtailcore_page; --",
        "&",
        "care & work",
        "AND",
        "NOT unpaid",
        "unpaid*",
        "(",
        "unpaid)",
        "-",
        "^",
        ":",
        "\\",
        "NEAR(unpaid care)",
        "x" * 2000,
    ],
)
def test_odd_queries_get_a_page_and_a_clear_message(client, course, query):
    response = client.get("/en/search/", {"q": query})

    assert response.status_code == 200
    html = response.content.decode()
    shown = shorten(" ".join(query.split()))
    # The query comes back exactly once-escaped: in the search box and in the message.
    assert f'value="{html_lib.escape(shown)}"' in html
    assert "<script>alert" not in html
    assert "&amp;lt;" not in html and "&amp;amp;" not in html and "&amp;#x27;" not in html
    if not response.context["results"].paginator.count:
        assert f"“{html_lib.escape(shown)}”" in status_message(response)
    else:
        assert result_titles(response) == ["Unpaid care work"]


def test_query_words_survive_punctuation(client, course):
    response = client.get("/en/search/", {"q": '"unpaid" care!'})
    assert result_titles(response) == ["Unpaid care work"]


def test_accented_words_are_found_in_either_unicode_form(client, site_tree):
    translate_page(site_tree.home, "es", title="Aula")
    translate_page(site_tree.catalogue, "es", title="Cursos")
    course = CoursePageFactory(parent=site_tree.catalogue, title="Economy", slug="economy")
    translate_page(course, "es", title="Economía del cuidado")
    composed = client.get("/es/search/", {"q": "economía"})
    decomposed = client.get("/es/search/", {"q": "economi\u0301a"})
    assert result_titles(composed) == ["Economía del cuidado"]
    assert result_titles(decomposed) == ["Economía del cuidado"]
