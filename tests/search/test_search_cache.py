"""A visitor's search is kept by the anonymous page cache (home/cache.py ``QUERY_VIEWS``):
the same words and page give the page kept for the first visitor who asked, until the next
publish; other parameters, and anyone signed in, get the search made for them."""

import pytest
from django.core.cache import cache

from home.cache import HIT_HEADER, QUERY_PAGE_SECONDS
from tests.factories import CoursePageFactory, ModulePageFactory, learner

pytestmark = [pytest.mark.search_index, pytest.mark.usefixtures("page_cache_on")]


@pytest.fixture
def course(site_tree):
    return CoursePageFactory(parent=site_tree.catalogue, title="Unpaid care work", slug="care")


def test_the_same_search_is_served_as_kept_words_spaced_as_they_may_be(client, course):
    first = client.get("/en/search/", {"q": "unpaid care"})
    assert first[HIT_HEADER] == "miss"
    again = client.get("/en/search/", {"q": "  unpaid   care "})
    assert again[HIT_HEADER] == "hit"
    assert again.content == first.content
    assert "Unpaid care work" in again.content.decode()
    # The parameters in another order are the same search.
    assert client.get("/en/search/?page=1&q=unpaid+care")[HIT_HEADER] == "miss"
    assert client.get("/en/search/?q=unpaid+care&page=1")[HIT_HEADER] == "hit"


def test_other_words_pages_and_languages_are_kept_apart(client, site_tree, course):
    client.get("/en/search/", {"q": "unpaid"})
    assert client.get("/en/search/", {"q": "care"})[HIT_HEADER] == "miss"
    assert client.get("/en/search/", {"q": "unpaid", "page": "2"})[HIT_HEADER] == "miss"
    assert "Unpaid care work" not in client.get("/es/search/", {"q": "unpaid"}).content.decode()


def test_a_publish_shows_in_the_next_search(client, course):
    before = client.get("/en/search/", {"q": "unpaid"}).content.decode()
    assert "Measuring unpaid care" not in before
    module = ModulePageFactory(parent=course, title="Measuring unpaid care", live=False)
    module.save_revision().publish()
    response = client.get("/en/search/", {"q": "unpaid"})
    assert response[HIT_HEADER] == "miss"
    assert "Measuring unpaid care" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    ["?q=unpaid&utm_source=mail", "?q=unpaid&q=care", "?q=unpaid&page=1&page=2"],
)
def test_a_search_with_other_parameters_is_made_each_time(client, course, query):
    for _ in range(2):
        response = client.get(f"/en/search/{query}")
        assert response.status_code == 200
        assert HIT_HEADER not in response


def test_someone_signed_in_never_gets_a_kept_search(client, course):
    client.get("/en/search/", {"q": "unpaid"})
    client.force_login(learner())
    response = client.get("/en/search/", {"q": "unpaid"})
    assert response.status_code == 200
    assert HIT_HEADER not in response


def test_a_search_is_kept_a_minute_at_most(client, course, monkeypatch):
    """Anyone may ask for any words, each kept apart: briefly, so that a stream of different
    searches cannot fill the cache for long."""
    kept = {}
    real_set = cache.set

    def set_and_note(key, value, timeout=None, **kwargs):
        kept[key] = timeout
        return real_set(key, value, timeout, **kwargs)

    monkeypatch.setattr(cache, "set", set_and_note)
    client.get("/en/search/", {"q": "unpaid"})
    client.get(course.url)
    pages = {key: timeout for key, timeout in kept.items() if key.startswith("aula:page-cache:")}
    assert sorted(pages.values()) == [QUERY_PAGE_SECONDS, 600]
    assert QUERY_PAGE_SECONDS <= 60
