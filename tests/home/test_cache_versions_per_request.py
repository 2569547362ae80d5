"""``home.cache`` within a request (``RequestVersionsMiddleware``): each version is read from
the cache once per request, and a value this process kept for exactly those versions is read
without a round trip to the cache; a change made by the request itself, or by anyone before the
next request, is seen."""

from unittest import mock

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory

from home import cache as page_cache


@pytest.fixture(autouse=True)
def empty():
    cache.clear()
    page_cache.LOCAL.clear()
    yield
    cache.clear()
    page_cache.LOCAL.clear()


def in_a_request(work):
    """``work()`` as a view would run it, behind the middleware; returns what it returned."""
    answer = {}

    def view(request):
        answer["value"] = work()
        return HttpResponse()

    page_cache.RequestVersionsMiddleware(view)(RequestFactory().get("/"))
    return answer["value"]


def counted(work):
    """``work()`` in a request, and the reads from the cache it made."""
    with mock.patch.object(page_cache, "cache", wraps=cache) as spy:
        value = in_a_request(work)
    return value, spy.get_many.call_count + spy.get.call_count


def test_a_value_this_process_kept_is_read_without_a_round_trip(catalogue):
    compute = mock.Mock(return_value={"title": "Care work"})
    in_a_request(lambda: page_cache.remember("k", compute, tags=["course:1"]))

    def twice():
        page_cache.remember("warm-up", lambda: 0, tags=["course:1"])  # reads the versions
        return page_cache.remember("k", compute, tags=["course:1"])

    value, round_trips = counted(twice)
    assert value == {"title": "Care work"} and compute.call_count == 1
    assert round_trips == 1  # the versions (and the warm-up value); "k" came from the copy


def test_each_reader_gets_its_own_copy(catalogue):
    in_a_request(lambda: page_cache.remember("k", lambda: {"seats": 3}))
    first = in_a_request(lambda: page_cache.remember("k", lambda: None))
    first["seats"] = 0
    assert in_a_request(lambda: page_cache.remember("k", lambda: None)) == {"seats": 3}


def test_a_change_by_another_process_is_seen_by_the_next_request(catalogue):
    in_a_request(lambda: page_cache.remember("k", lambda: "old", tags=["course:1"]))
    page_cache.invalidate_tag("course:1")  # as another process would: the cache's version
    assert in_a_request(lambda: page_cache.remember("k", lambda: "new", tags=["course:1"])) == (
        "new"
    )


def test_a_request_sees_its_own_change(catalogue):
    def change_then_read():
        before = page_cache.remember("k", lambda: "old", tags=["course:1"])
        page_cache.invalidate_tag("course:1")
        return before, page_cache.remember("k", lambda: "new", tags=["course:1"])

    in_a_request(lambda: page_cache.remember("k", lambda: "old", tags=["course:1"]))
    assert in_a_request(change_then_read) == ("old", "new")


def test_a_publish_is_seen_by_the_next_request(catalogue):
    in_a_request(lambda: page_cache.remember("k", lambda: "old"))
    page_cache.invalidate()
    assert in_a_request(lambda: page_cache.remember("k", lambda: "new")) == "new"


def test_outside_a_request_every_read_goes_to_the_cache(catalogue):
    in_a_request(lambda: page_cache.remember("k", lambda: "kept"))
    with mock.patch.object(page_cache, "cache", wraps=cache) as spy:
        assert page_cache.remember("k", lambda: "computed") == "kept"
        assert page_cache.remember("k", lambda: "computed") == "kept"
    assert spy.get_many.call_count == 2


def test_copies_are_dropped_past_their_age_and_past_the_size_limit():
    local = page_cache.LocalValues(max_bytes=4000)
    local.put("a", (1,), "x" * 100, timeout=60)
    assert local.get("a", (1,)) == "x" * 100
    assert local.get("a", (2,)) is None  # another version
    local.put("b", (1,), "y" * 100, timeout=-1)
    assert local.get("b", (1,)) is None  # too old
    for n in range(100):
        local.put(f"k{n}", (1,), "z" * 200, timeout=60)
    assert local.get("a", (1,)) is None and local.get("k99", (1,)) == "z" * 200
    local.put("large", (1,), "w" * 1000, timeout=60)
    assert local.get("large", (1,)) is None  # more than a sixteenth of the room: not copied


def test_a_copy_past_its_age_is_renewed_by_the_next_read_from_the_cache(catalogue):
    in_a_request(lambda: page_cache.remember("k", lambda: "kept"))
    later = page_cache.time.monotonic() + page_cache.LOCAL_SECONDS + 1
    with mock.patch.object(page_cache.time, "monotonic", return_value=later):
        _value, round_trips = counted(lambda: page_cache.remember("k", lambda: "computed"))
        assert round_trips == 1  # the copy was too old: the versions and the value
        value, round_trips = counted(
            lambda: (page_cache.remember("warm-up", lambda: 0), page_cache.remember("k", None))
        )
    assert value == (0, "kept") and round_trips == 1  # "k" from the renewed copy
