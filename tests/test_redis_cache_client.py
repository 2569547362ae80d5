"""aula.cache.RedisCache: Django's Redis backend, reusing one client per connection pool
instead of building a new one (with redis-py's callback table) for every cache call."""

import pytest
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache

from aula.cache import RedisCache


def test_one_client_per_pool_is_reused():
    cache = RedisCache("redis://127.0.0.1:6399/0", {})
    client = cache._cache.get_client(write=True)
    assert cache._cache.get_client("some-key", write=True) is client
    assert cache._cache.get_client(write=False) is client  # one server: reads use it too
    assert client.connection_pool is cache._cache._get_connection_pool(True)


def test_several_servers_keep_a_client_each():
    cache = RedisCache("redis://127.0.0.1:6399/0,redis://127.0.0.1:6398/0", {})
    writer = cache._cache.get_client(write=True)
    assert writer.connection_pool.connection_kwargs["port"] == 6399
    assert isinstance(cache, DjangoRedisCache)


@pytest.mark.services
def test_reads_and_writes_through_the_shared_client():
    import os

    location = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")
    cache = RedisCache(location, {"KEY_PREFIX": "aula-test-client"})
    cache.set("answer", {"n": 42}, 30)
    assert cache.get("answer") == {"n": 42}
    cache.delete("counter")
    assert cache.add("counter", 1)
    assert cache.incr("counter") == 2
    cache.delete_many(["answer", "counter"])
    assert cache.get("answer") is None
