"""Production's sessions (``home.sessions``, Django's cached_db): a signed-in request reads its
session with its first round trip to the cache instead of in one of its own; a session the cache
lost is read from the database; what the session holds is what the last request left."""

from unittest import mock

import pytest
from django.core.cache import caches
from django.test import Client

from home import cache as page_cache
from tests.factories import learner


def signed_in(seat) -> Client:
    client = Client()
    client.force_login(seat.learner)
    return client


def round_trips(client, url) -> int:
    """The reads from the cache of a GET of ``url`` (it must answer 200): each ``get_many``
    (one round trip to Redis) and each ``get`` of its own (the memory cache of the tests reads
    a ``get_many`` key by key)."""
    backend = caches["default"]
    get, get_many = backend.get, backend.get_many
    reads = {"count": 0, "inside": False}

    def one(*args, **kwargs):
        reads["count"] += not reads["inside"]
        return get(*args, **kwargs)

    def many(*args, **kwargs):
        reads["count"] += 1
        reads["inside"] = True
        try:
            return get_many(*args, **kwargs)
        finally:
            reads["inside"] = False

    with mock.patch.object(backend, "get", one), mock.patch.object(backend, "get_many", many):
        assert client.get(url).status_code == 200
    return reads["count"]


@pytest.fixture
def engine(settings):
    def use(name):
        settings.SESSION_ENGINE = name
        page_cache.LOCAL.clear()

    return use


def test_a_signed_in_page_reads_its_session_with_the_sites_round_trip(engine, seat, course):
    counts = {}
    for name in ("django.contrib.sessions.backends.cached_db", "home.sessions"):
        engine(name)
        client = signed_in(seat)
        for _warm in range(2):
            client.get(course.url)
        counts[name] = round_trips(client, course.url)
    # The site's (with the content version), the account's, the kept page's; and the session's
    # own with Django's engine.
    assert counts == {"django.contrib.sessions.backends.cached_db": 4, "home.sessions": 3}


def test_a_session_the_cache_lost_is_read_from_the_database(engine, seat, course):
    engine("home.sessions")
    client = signed_in(seat)
    client.get(course.url)
    caches["default"].clear()
    response = client.get(course.url)
    assert response.status_code == 200 and response.context["user"] == seat.learner
    assert caches["default"].get(
        "django.contrib.sessions.cached_db" + client.session.session_key
    )  # put back in the cache


def test_signing_out_and_in_again_is_seen_by_the_next_request(engine, seat, course):
    engine("home.sessions")
    client = signed_in(seat)
    client.get("/en/learn/")
    client.post("/en/accounts/logout/")
    assert client.get("/en/learn/").status_code == 302  # to the login page
    other = learner()
    client.force_login(other)
    response = client.get("/en/learn/")
    assert response.status_code == 200 and response.context["user"] == other


def test_a_request_outside_the_language_prefixes_fetches_no_session(engine, seat, course):
    """The health check, the calendar feeds: nothing there reads the session."""
    engine("home.sessions")
    client = signed_in(seat)
    with mock.patch.object(page_cache, "prefetch") as prefetch:
        client.get("/health/")
        client.get(course.url)
    assert prefetch.call_count == 1


def test_outside_a_request_nothing_is_asked_for_and_nothing_handed_over():
    page_cache.prefetch("k")
    assert page_cache.prefetched("k") is page_cache.PENDING
