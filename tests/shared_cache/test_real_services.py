"""Under `make test` (and always on CI) the suite's shared cache is the real Redis."""

import os

import redis
from django.core.cache import cache


def test_the_shared_cache_is_the_real_redis_whenever_one_is_given():
    url = os.environ.get("REDIS_URL")
    if not url:
        # Only a bare `pytest` may run without Redis; CI goes through `make test`, which starts one.
        assert os.environ.get("CI") != "true", "CI must run the suite with REDIS_URL set"
        return
    cache.set("shared-cache-probe", "written by the test process", timeout=60)
    # Another client, as another process would connect, reads what this process wrote.
    other = redis.Redis.from_url(url)
    keys = other.keys("*shared-cache-probe*")
    assert len(keys) == 1
    assert cache.get("shared-cache-probe") == "written by the test process"
    other.delete(*keys)
    assert cache.get("shared-cache-probe") is None
