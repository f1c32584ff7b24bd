"""shared_cache.VersionedCache: values kept per process, retired in every process by one change."""

import uuid

import pytest
from django.core.cache import caches
from django.db import transaction
from django.test import override_settings

from shared_cache import VersionedCache, VersionsPerRequest
from shared_cache.backends import TolerantRedisCache
from tests.live_processes import free_port


def fresh(name="probe", **options) -> VersionedCache:
    return VersionedCache(f"{name}-{uuid.uuid4().hex}", **options)


def other_process_of(kept: VersionedCache) -> VersionedCache:
    """The same cache as another process has it: the shared versions, its own memory."""
    return VersionedCache(kept.name, copy=kept.copy)


def test_a_value_is_built_once_per_version():
    kept = fresh()
    builds = []
    assert kept.get_or_build(("a",), lambda: builds.append(1) or "one") == "one"
    assert kept.get_or_build(("a",), lambda: builds.append(1) or "two") == "one"
    assert builds == [1]
    kept.changed()
    assert kept.get_or_build(("a",), lambda: "three") == "three"


def test_falsy_values_are_kept_too():
    kept = fresh()
    assert kept.get_or_build(("no",), lambda: False) is False
    assert kept.get_or_build(("no",), lambda: True) is False
    assert kept.get_or_build(("none",), lambda: None) is None
    assert kept.get_or_build(("none",), lambda: "built again") is None


def test_a_change_in_one_process_retires_the_value_in_every_other():
    here = fresh()
    there = other_process_of(here)
    assert here.get_or_build(("x",), lambda: "old") == "old"
    assert there.get_or_build(("x",), lambda: "old") == "old"
    there.changed()
    assert here.get_or_build(("x",), lambda: "new") == "new"
    assert there.get_or_build(("x",), lambda: "new") == "new"


def test_a_scope_retires_only_its_own_values():
    progress = fresh("progress")
    assert progress.get_or_build(("course",), lambda: "anna's", scope=1) == "anna's"
    assert progress.get_or_build(("course",), lambda: "boris's", scope=2) == "boris's"
    progress.changed(scope=1)
    assert progress.get_or_build(("course",), lambda: "anna's new", scope=1) == "anna's new"
    assert progress.get_or_build(("course",), lambda: "rebuilt", scope=2) == "boris's"


def test_copies_protect_the_kept_value_from_its_readers():
    copied = fresh(copy=True)
    first = copied.get_or_build(("list",), lambda: ["kept"])
    first.append("changed by a reader")
    assert copied.get_or_build(("list",), list) == ["kept"]
    shared = fresh()
    assert shared.get_or_build(("t",), lambda: ("a",)) is shared.get_or_build(("t",), tuple)


def test_a_lost_shared_cache_never_brings_back_an_old_value():
    kept = fresh()
    assert kept.get_or_build(("x",), lambda: "before") == "before"
    caches["default"].clear()  # Redis flushed or restarted without its data
    assert kept.get_or_build(("x",), lambda: "after") == "after"


@pytest.mark.django_db(transaction=True)
def test_a_value_read_before_the_commit_is_retired_by_the_commit():
    """Another process may read the new version and the old rows while the transaction is open."""
    here = fresh()
    there = other_process_of(here)
    with transaction.atomic():
        here.changed()
        # The other process builds from what it can see: the data before the commit.
        assert there.get_or_build(("x",), lambda: "before the commit") == "before the commit"
    assert there.get_or_build(("x",), lambda: "after the commit") == "after the commit"


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_change_costs_a_rebuild_but_never_a_stale_value():
    kept = fresh()
    kept.get_or_build(("x",), lambda: "first")
    with pytest.raises(RuntimeError), transaction.atomic():
        kept.changed()
        raise RuntimeError("rolled back")
    assert kept.get_or_build(("x",), lambda: "second") == "second"


def test_a_request_reads_each_version_once_and_sees_its_own_changes():
    kept = fresh()
    seen = []

    def view(request):
        seen.append(kept.version())
        # Another process changes the version mid-request: this request keeps its own.
        caches["default"].set(kept.version_key(), "from-another-process", timeout=None)
        seen.append(kept.version())
        kept.changed()
        seen.append(kept.version())
        return "response"

    assert VersionsPerRequest(view)(request=None) == "response"
    assert seen[0] == seen[1]
    assert seen[2] not in {seen[0], "from-another-process"}
    assert kept.version() == seen[2]


def test_without_a_reachable_redis_values_are_built_every_time_and_nothing_fails():
    dead = {
        "BACKEND": "shared_cache.backends.TolerantRedisCache",
        "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
    }
    caches_settings = {
        "default": dead,
        "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "template_fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    with override_settings(CACHES=caches_settings):
        assert isinstance(caches["default"], TolerantRedisCache)
        kept = fresh()
        assert kept.get_or_build(("x",), lambda: "first") == "first"
        assert kept.get_or_build(("x",), lambda: "second") == "second"
        kept.changed()
        cache = caches["default"]
        assert cache.get("anything", "default") == "default"
        assert cache.add("a", 1) is False
        assert cache.get_many(["a", "b"]) == {}
        assert cache.has_key("a") is False
        cache.set("a", 1)
        cache.delete("a")
