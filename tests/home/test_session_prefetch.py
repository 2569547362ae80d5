"""Production's sessions (``home.sessions``, Django's cached_db): a signed-in request reads its
session with its first round trip to the cache instead of in one of its own; a session the cache
lost is read from the database; what the session holds is what the last request left."""

from unittest import mock
from urllib.parse import urlparse

import pytest
from django.core.cache import caches
from django.test import Client

from home import cache as page_cache
from home import sessions
from learners.learn import page_cache as kept_page
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
    # The site's (with the content version), the account's, the kept page's, and the
    # session's own with Django's engine; with home.sessions, the site's alone: the session
    # with it and, the session known to this process, the account and the page kept at this
    # path (learners/learn/page_cache.py).
    assert counts == {"django.contrib.sessions.backends.cached_db": 4, "home.sessions": 1}


def test_a_session_this_process_knows_reads_its_account_with_the_sites_round_trip(
    engine, seat, course
):
    engine("home.sessions")
    client = signed_in(seat)
    client.get(course.url)
    assert sessions._ACCOUNTS[client.session.session_key] == str(seat.learner.pk)
    sessions._ACCOUNTS.clear()  # a process that has not seen the session yet
    assert round_trips(client, course.url) == 3  # the site's, the account's, the kept page's
    assert round_trips(client, course.url) == 1


def test_a_page_asked_for_ahead_that_is_not_the_one_served_changes_nothing(engine, seat, course):
    module = course.get_children().specific().first()
    engine("home.sessions")
    client = signed_in(seat)
    for url in (course.url, course.url, module.url, module.url):
        client.get(url)
    course_path = urlparse(course.url).path
    module_path = urlparse(module.url).path
    # As if this process had served the module page at the course page's address.
    kept_page._PATHS[course_path] = kept_page._PATHS[module_path]
    response = client.get(course.url)
    assert response.status_code == 200
    assert response.context is None or response.context["page"].pk == course.pk
    assert f"<h1>{course.title}</h1>" in response.content.decode()
    assert round_trips(client, course.url) == 1  # its own path learnt again


def test_the_account_is_the_one_the_session_names_whatever_the_process_remembers(
    engine, seat, course
):
    engine("home.sessions")
    other = learner()
    client = signed_in(seat)
    client.get(course.url)
    signed_in(type(seat)(learner=other)).get(course.url)  # the other account is kept too
    sessions._ACCOUNTS[client.session.session_key] = str(other.pk)
    response = client.get("/en/learn/")
    assert response.status_code == 200 and response.context["user"] == seat.learner
    assert sessions._ACCOUNTS[client.session.session_key] == str(seat.learner.pk)


def test_a_version_asked_for_ahead_is_read_again_once_the_request_changes_it(db):
    page_cache.invalidate_tag("t")
    with (
        mock.patch.object(page_cache, "_request_versions") as versions,
        mock.patch.object(page_cache, "_request_prefetch") as prefetch,
    ):
        versions.get.return_value = {}
        prefetch.get.return_value = asked = {}
        page_cache.prefetch_lookup("k", ["t"], content=False)
        page_cache._get_many(["other"])  # the request's round trip brings them
        before, _value = page_cache.lookup("k", ["t"], content=False)
        assert asked == {}  # taken
        page_cache.prefetch_lookup("k", ["t"], content=False)
        page_cache._get_many(["other"])
        page_cache.invalidate_tag("t")
        after, _value = page_cache.lookup("k", ["t"], content=False)
    assert after != before


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
        assert prefetch.call_count == 0
        client.get(course.url)
    assert prefetch.call_args_list[0] == mock.call(client.session.cache_key)


def test_outside_a_request_nothing_is_asked_for_and_nothing_handed_over():
    page_cache.prefetch("k")
    assert page_cache.prefetched("k") is page_cache.PENDING


def test_a_learners_page_reads_ahead_what_the_last_learners_request_for_it_read(
    engine, seat, course
):
    """The dashboard reads, by each learner's id, their profile, their feed, whether they tutor,
    their modules done...: with the site's round trip once this process has served the page to
    a learner, whoever it was."""
    from tests.factories import EnrolmentFactory

    engine("home.sessions")
    other = EnrolmentFactory(cohort=seat.cohort)
    first, second = signed_in(seat), signed_in(other)
    for client in (first, second):
        client.get(course.url)  # this process knows their sessions
    first.get("/en/learn/")
    sessions._PATH_READS.clear()
    alone = round_trips(second, "/en/learn/")  # learnt from nobody: its own reads
    sessions._PATH_READS.clear()
    first.get("/en/learn/")
    learnt = round_trips(second, "/en/learn/")  # as the first learner's request read
    assert learnt < alone
    assert set(sessions._PATH_READS["/en/learn/"]) >= {
        page_cache.TAG_KEY + "learner:" + sessions._UID,
    }
    response = second.get("/en/learn/")  # their kept copy now
    assert response.wsgi_request.user == other.learner
    assert other.cohort.title in response.content.decode()


def test_what_a_path_read_is_kept_without_the_account_and_only_for_the_language_paths(
    engine, seat, course
):
    engine("home.sessions")
    client = signed_in(seat)
    client.get(course.url)
    client.get("/en/learn/")
    user_id = str(seat.learner.pk)
    reads = sessions._PATH_READS["/en/learn/"]
    assert reads and all(user_id not in key.split(":") for key in reads)
    assert len(reads) <= sessions.READS_KEPT
    client.get("/health/")
    assert "/health/" not in sessions._PATH_READS


def test_what_a_process_remembers_is_bounded_first_in_first_out_and_safe_across_threads():
    import threading

    remembered = page_cache.BoundedMap(3)
    for n in range(5):
        remembered[f"k{n}"] = n
    assert len(remembered) == 3 and "k0" not in remembered and remembered["k4"] == 4
    remembered["k2"] = 20  # a change of a key kept: nothing else goes
    assert len(remembered) == 3 and remembered.get("k2") == 20

    crowded = page_cache.BoundedMap(50)
    errors = []

    def write(thread):
        try:
            for n in range(5_000):
                crowded[f"{thread}-{n}"] = n
        except Exception as error:  # noqa: BLE001 - any error is the failure
            errors.append(error)

    threads = [threading.Thread(target=write, args=(t,)) for t in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and len(crowded) == 50
