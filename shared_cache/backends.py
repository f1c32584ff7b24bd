"""A Redis cache that degrades instead of failing when Redis cannot be reached.

Pages must keep working while Redis restarts: a read that fails is a miss, a
write that fails is dropped, and each failure is logged. After a failure the
backend does not try Redis again for `RETRY_AFTER` seconds, so a page does
not wait on a dead connection dozens of times. What the shared cache holds
can always be rebuilt (versions, fragments, rate-limit counters; sessions and
the record live in PostgreSQL), so nothing is lost but speed, and rate limits
are not counted while Redis is away.
"""

from __future__ import annotations

import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_AFTER = 2.0


class _TolerantClient(RedisCacheClient):
    _down_until = 0.0

    def _call(self, method: str, fallback, *args, **kwargs):
        now = time.monotonic()
        if now < self._down_until:
            return fallback
        try:
            return getattr(super(), method)(*args, **kwargs)
        except RedisError as error:
            self._down_until = now + RETRY_AFTER
            logger.warning("Shared cache unavailable (%s): serving without it", error)
            return fallback

    def get(self, key, default):
        return self._call("get", default, key, default)

    def get_many(self, keys):
        return self._call("get_many", {}, keys)

    def has_key(self, key):
        return self._call("has_key", False, key)

    def add(self, key, value, timeout):
        return self._call("add", False, key, value, timeout)

    def set(self, key, value, timeout):
        return self._call("set", None, key, value, timeout)

    def set_many(self, data, timeout):
        return self._call("set_many", None, data, timeout)

    def touch(self, key, timeout):
        return self._call("touch", False, key, timeout)

    def delete(self, key):
        return self._call("delete", False, key)

    def delete_many(self, keys):
        return self._call("delete_many", None, keys)

    def clear(self):
        return self._call("clear", False)

    def incr(self, key, delta):
        # Counters (rate limits) are not counted while Redis is away.
        return self._call("incr", delta, key, delta)


class TolerantRedisCache(RedisCache):
    """Django's Redis cache; when Redis cannot be reached, reads miss and writes are dropped."""

    # Several keys are read in one round trip (MGET): shared_cache reads the versions most
    # requests need together (VersionedCache's `prefetch`).
    reads_many_at_once = True

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _TolerantClient
