"""Django's Redis cache backend, with one Redis client per connection pool, and counters bumped
in one round trip.

Django's ``RedisCacheClient.get_client`` builds a new ``redis.Redis`` object for every cache
call; each one copies redis-py's table of ~170 response callbacks. A page view makes five or
six cache calls (page-cache version, session, site configuration…), so that was about a
millisecond of CPU per request for nothing: the client is thread-safe and its connection pool
is shared anyway. ``incr_or_start`` bumps several counters at once (``home.cache``'s versions).
Everything else is Django's backend unchanged.
"""

from django.core.cache.backends import redis


class RedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = super().get_client(key, write=write)
        return client


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient

    def incr_or_start(self, keys, start: int) -> None:
        """Add one to each key, first setting it to ``start`` when it is missing (``SET NX``,
        then ``INCR``): every key gets a value it never had, whether it was there or not, all in
        one pipelined round trip. Django's ``incr`` takes two per key (it asks whether the key
        exists first) and refuses a missing one."""
        with self._cache.get_client(write=True).pipeline(transaction=False) as pipe:
            for key in keys:
                raw = self.make_and_validate_key(key)
                pipe.set(raw, start, nx=True)
                pipe.incr(raw)
            pipe.execute()
