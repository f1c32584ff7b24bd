"""Values each process keeps in its own memory, retired in every process at once.

Many answers are the same on every request until something changes: a
course's outline, a person's permissions, their progress, a signed status
list. Reading them from the database on each request is slow; keeping them
in one process's memory alone would let another process (another gunicorn
worker, another machine) go on serving an old answer after a change.

A `VersionedCache` does both: its values live in the memory of the process
that built them, under a *version* kept in the shared cache (Redis in
production, the `default` cache alias). A change calls `changed()`, which
gives the version a new random value; every process reads the version (once
per request, see `VersionsPerRequest`), finds no value under the new one and
builds it afresh. Nothing needs to know which values a change touched.

A version may cover everything of one kind (`scope=""`, e.g. all page
content) or one thing (`scope=user_id`, e.g. one person's progress). The
versions many requests read (`prefetch=True`: permissions, content, the
training record, the dashboards' snapshots) come together with the first
version a request reads, in one round trip where the shared cache allows it
(Redis: MGET); one key more in that round trip costs next to nothing.

- A change inside a transaction starts a new version at once and again when
  the transaction commits, so a value another process built from the data
  before the commit is never read again.
- Without the shared cache (Redis down: see `backends.TolerantRedisCache`)
  every read finds a new version: values are built on every request, slowly
  but never stale. Values are also dropped after `timeout` seconds, which
  bounds how long a change made while the shared cache could not be written
  may go unseen.
"""

from __future__ import annotations

import copy as copying
import threading
import time
import uuid
from collections.abc import Callable, Hashable
from contextvars import ContextVar
from typing import TypeVar

from django.core.cache import caches
from django.db import transaction

__all__ = ["VersionedCache", "VersionsPerRequest"]

T = TypeVar("T")

# The versions read during the current request: {version key: version}. None outside requests.
_request_versions: ContextVar[dict[str, str] | None] = ContextVar(
    "shared_cache_versions", default=None
)


def _shared():
    return caches["default"]


# The version keys (scope "") of the caches made with `prefetch=True`: read by most requests.
_prefetched_keys: list[str] = []
# Marks, among a request's versions, that the prefetched ones were asked for already.
_PREFETCHED = "prefetched"


class _ProcessValues:
    """A bounded map in this process's memory; entries expire after `timeout` seconds."""

    def __init__(self, size: int, timeout: float) -> None:
        self.size = size
        self.timeout = timeout
        self.values: dict[str, tuple[float, object]] = {}
        self.lock = threading.Lock()

    def get(self, key: str) -> tuple[bool, object]:
        kept = self.values.get(key)
        if kept is None or kept[0] < time.monotonic():
            return False, None
        return True, kept[1]

    def set(self, key: str, value: object) -> None:
        with self.lock:
            if len(self.values) >= self.size:
                # Values under older versions are never read again: start afresh.
                self.values.clear()
            self.values[key] = (time.monotonic() + self.timeout, value)

    def clear(self) -> None:
        with self.lock:
            self.values.clear()


class VersionedCache:
    """Values named `name`, kept per process under a version every process shares.

    `copy=True` hands each caller its own copy (for values a caller may change,
    such as model instances); `copy=False` hands out the kept value itself, for
    values nobody changes (strings, numbers, frozen dataclasses, tuples of them).
    """

    def __init__(
        self,
        name: str,
        *,
        copy: bool = False,
        size: int = 4000,
        timeout: float = 600,
        prefetch: bool = False,
    ) -> None:
        self.name = name
        self.copy = copy
        self._values = _ProcessValues(size, timeout)
        if prefetch:
            # Most requests read this version: where the shared cache reads several keys in
            # one round trip (Redis), the first version a request reads brings it along.
            _prefetched_keys.append(self.version_key())

    def version_key(self, scope: Hashable = "") -> str:
        """Where the shared cache keeps the version of `scope`."""
        return f"shared-cache:{self.name}:version:{scope}"

    def version(self, scope: Hashable = "") -> str:
        """The current version of `scope`, read from the shared cache once per request."""
        key = self.version_key(scope)
        remembered = _request_versions.get()
        if remembered is not None and key in remembered:
            return remembered[key]
        shared = _shared()
        if remembered is not None and _PREFETCHED not in remembered:
            remembered[_PREFETCHED] = ""
            if _prefetched_keys and getattr(shared, "reads_many_at_once", False):
                remembered.update(shared.get_many([key, *_prefetched_keys]))
                if key in remembered:
                    return remembered[key]
        version = shared.get(key)
        if version is None:
            # The first reader (or the shared cache lost it): a new version, never an old one.
            shared.add(key, uuid.uuid4().hex, timeout=None)
            version = shared.get(key) or uuid.uuid4().hex
        if remembered is not None:
            remembered[key] = version
        return version

    def changed(self, scope: Hashable = "", **_signal_kwargs) -> None:
        """Retire every value of `scope` in every process (now, and again on commit)."""
        self._new_version(scope)
        if transaction.get_connection().in_atomic_block:
            transaction.on_commit(lambda: self._new_version(scope))

    def _new_version(self, scope: Hashable) -> None:
        key = self.version_key(scope)
        version = uuid.uuid4().hex
        _shared().set(key, version, timeout=None)
        remembered = _request_versions.get()
        if remembered is not None:
            remembered[key] = version

    def get_or_build(
        self,
        parts: tuple,
        build: Callable[[], T],
        *,
        scope: Hashable = "",
        copy: bool | None = None,
    ) -> T:
        """The value for `parts` under the current version of `scope`, built once per process.

        `copy` overrides the cache's own choice for this one value.
        """
        key = self._key(parts, scope)
        found, value = self._values.get(key)
        if not found:
            value = build()
            self._values.set(key, value)
        return copying.deepcopy(value) if (self.copy if copy is None else copy) else value

    def has(self, parts: tuple, *, scope: Hashable = "") -> bool:
        """Whether this process keeps a value for `parts` under the current version of `scope`."""
        return self._values.get(self._key(parts, scope))[0]

    def _key(self, parts: tuple, scope: Hashable) -> str:
        return ":".join([self.version(scope), str(scope), *map(str, parts)])

    def forget_here(self) -> None:
        """Drop what this process keeps (tests; never needed for correctness)."""
        self._values.clear()


class VersionsPerRequest:
    """Middleware: each version is read from the shared cache at most once per request.

    A page asks for the content version dozens of times; one round trip to
    Redis answers them all. A change made during the request is seen at once.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_versions.set({})
        try:
            return self.get_response(request)
        finally:
            _request_versions.reset(token)
