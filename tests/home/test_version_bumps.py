"""Making kept values stale (``home.cache.invalidate_tags``): each tag gets a version never used
before, now and again once the transaction commits; with Redis, one round trip each time
whatever the number of tags (a quiz answer bumps two: the learner's progress and their work on
the module)."""

import os
import time
from unittest import mock
from uuid import uuid4

import pytest
from redis.client import Pipeline, Redis

from home import cache as page_cache


def test_every_tag_gets_a_new_version_now_and_after_the_commit(
    db, django_capture_on_commit_callbacks
):
    cache = page_cache.cache
    cache.set(page_cache.TAG_KEY + "kept", 41, None)
    with django_capture_on_commit_callbacks(execute=True):
        page_cache.invalidate_tags(["kept", "new", "kept"])
        assert cache.get(page_cache.TAG_KEY + "kept") == 42
    assert cache.get(page_cache.TAG_KEY + "kept") == 43
    assert cache.get(page_cache.TAG_KEY + "new") > time.time_ns() - 60 * 10**9  # from the clock


@pytest.mark.services
def test_with_redis_all_tags_are_bumped_in_one_round_trip(
    db, settings, django_capture_on_commit_callbacks
):
    settings.CACHES = {
        "default": {
            "BACKEND": "aula.cache.RedisCache",
            "LOCATION": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15"),
            "KEY_PREFIX": f"aula-test-{uuid4().hex}",
        }
    }
    cache = page_cache.cache
    cache.set(page_cache.TAG_KEY + "kept", 41, None)
    before = time.time_ns()
    with (
        mock.patch.object(
            Pipeline, "execute", autospec=True, side_effect=Pipeline.execute
        ) as trips,
        mock.patch.object(
            Redis, "execute_command", autospec=True, side_effect=Redis.execute_command
        ) as commands,
        django_capture_on_commit_callbacks(execute=True),
    ):
        page_cache.invalidate_tags(["kept", "new"])
    assert trips.call_count == 2 and commands.call_count == 0  # now, after the commit
    assert cache.get(page_cache.TAG_KEY + "kept") == 43
    new = cache.get(page_cache.TAG_KEY + "new")
    assert before < new - 1 < time.time_ns()  # from the clock, then bumped once more
    cache.delete_many([page_cache.TAG_KEY + "kept", page_cache.TAG_KEY + "new"])
