"""The versions most requests read come from the shared cache in one round trip.

Permissions, content and the training record are read by nearly every page (the
dashboards' snapshots by some, at no extra cost); where the shared cache reads several
keys at once (Redis: MGET), the first version a request asks for brings those with it,
and later ones cost no round trip. A cache that reads key by key (files) is asked for
each version as before. Either way a change is seen on the next request.
"""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.test import RequestFactory, override_settings

from accounts.permissions import permissions
from cms.caching import content
from courses.progress_cache import progress
from courses.record_cache import record
from shared_cache import VersionsPerRequest


class CountedCache(LocMemCache):
    """An in-memory shared cache that counts its round trips (one per call)."""

    reads_many_at_once = True
    round_trips: list[tuple[str, tuple[str, ...]]] = []

    def get(self, key, default=None, version=None):
        self.round_trips.append(("get", (key,)))
        return super().get(key, default, version)

    def get_many(self, keys, version=None):
        self.round_trips.append(("get_many", tuple(keys)))
        # One round trip: the keys are looked up without counting each (LocMemCache's own
        # get_many reads them one by one).
        found = {}
        for key in keys:
            value = super().get(key, self, version)
            if value is not self:
                found[key] = value
        return found


class CountedKeyByKeyCache(CountedCache):
    reads_many_at_once = False


def shared_cache_of(backend: type) -> dict:
    return {
        "default": {"BACKEND": f"{__name__}.{backend.__name__}", "LOCATION": backend.__name__},
        "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "template_fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }


def a_request_reading_versions() -> dict[str, str]:
    """The versions a page reads: permissions, content, record and one person's progress."""
    seen = {}

    def view(request):
        seen["permissions"] = permissions.version()
        seen["content"] = content.version()
        seen["record"] = record.version()
        seen["progress"] = progress.version(scope=7)
        seen["permissions again"] = permissions.version()
        return None

    VersionsPerRequest(view)(RequestFactory().get("/"))
    return seen


@pytest.fixture
def round_trips():
    CountedCache.round_trips = []
    yield CountedCache.round_trips
    caches["default"].clear()


@override_settings(CACHES=shared_cache_of(CountedCache))
def test_one_round_trip_brings_the_versions_most_pages_read(round_trips):
    a_request_reading_versions()  # the first request makes the versions
    round_trips.clear()

    seen = a_request_reading_versions()

    assert [kind for kind, _keys in round_trips] == ["get_many", "get"]
    many, one = (set(keys) for _kind, keys in round_trips)
    assert {permissions.version_key(), content.version_key(), record.version_key()} <= many
    assert one == {progress.version_key(7)}  # one person's version is read on its own
    assert seen["permissions"] == seen["permissions again"]


@override_settings(CACHES=shared_cache_of(CountedCache))
def test_a_change_is_read_on_the_next_request_all_the_same(round_trips):
    before = a_request_reading_versions()
    content.changed()
    after = a_request_reading_versions()

    assert after["content"] != before["content"]
    assert after["permissions"] == before["permissions"]
    assert after["record"] == before["record"]


@override_settings(CACHES=shared_cache_of(CountedKeyByKeyCache))
def test_a_cache_that_reads_key_by_key_is_asked_for_each_version_once(round_trips):
    a_request_reading_versions()
    round_trips.clear()

    a_request_reading_versions()

    assert [kind for kind, _keys in round_trips] == ["get"] * 4
