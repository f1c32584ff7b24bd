"""Caching what every reader of a page sees alike.

Routes, course outlines, language versions and rendered lesson content are the
same for every reader of one language and role, so they are cached under a
*content version*. Publishing, unpublishing, moving or deleting any page (or
changing a document or image) starts a new version, which retires every entry
at once; nothing needs to know which entries a change touched. The version is
shared by all processes (the default cache); the entries live in each
process's memory (the "local" cache), out of reach once the version moves on. What belongs to
one person (progress, the session, permissions) is never cached here.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from contextvars import ContextVar
from typing import TypeVar

from django.core.cache import cache, caches

VERSION_KEY = "cms:content-version"
TIMEOUT = 60 * 60 * 24
T = TypeVar("T")

# Read once per request (see ContentVersionMiddleware), not once per lookup.
_request_version: ContextVar[str | None] = ContextVar("content_version", default=None)


def content_version() -> str:
    version = _request_version.get()
    if version is not None:
        return version
    version = cache.get(VERSION_KEY)
    if version is None:
        version = str(time.time_ns())
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return version


def new_content_version(**_signal_kwargs) -> None:
    version = str(time.time_ns())
    cache.set(VERSION_KEY, version, timeout=None)
    if _request_version.get() is not None:
        _request_version.set(version)


class ContentVersionMiddleware:
    """Reads the content version once at the start of each request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_version.set(None)
        _request_version.set(content_version())
        try:
            return self.get_response(request)
        finally:
            _request_version.reset(token)


def _key(name: str, parts: tuple) -> str:
    return ":".join(["cms", name, content_version(), *map(str, parts)])


def cached(name: str, parts: tuple, build: Callable[[], T]) -> T:
    """The value for `name` and `parts` in the current content version, built once.

    Each caller gets its own copy (the local cache pickles), so the value may
    be a model instance that the caller changes.
    """
    key = _key(name, parts)
    values = caches["local"]
    value = values.get(key)
    if value is None:
        value = build()
        values.set(key, value, TIMEOUT)
    return value


class _SharedValues:
    """A bounded in-process map whose values are handed out as they are, not copied."""

    def __init__(self, size: int = 4000) -> None:
        self.size = size
        self.values: dict[str, object] = {}
        self.lock = threading.Lock()

    def get(self, key: str):
        return self.values.get(key)

    def set(self, key: str, value) -> None:
        with self.lock:
            if len(self.values) >= self.size:
                # Entries of older content versions are never read again; start afresh.
                self.values.clear()
            self.values[key] = value


_shared = _SharedValues()


def cached_shared(name: str, parts: tuple, build: Callable[[], T]) -> T:
    """Like `cached`, for values nobody changes (strings, numbers, frozen dataclasses).

    They are shared between requests without copying, which saves unpickling
    them on every page view.
    """
    key = _key(name, parts)
    value = _shared.get(key)
    if value is None:
        value = build()
        _shared.set(key, value)
    return value
