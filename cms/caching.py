"""Caching what every reader of a page sees alike.

Routes, course outlines, language versions and rendered lesson content are the
same for every reader of one language and role, so they are cached under a
*content version*. Publishing, unpublishing, moving or deleting any page (or
changing a document or image) starts a new version, which retires every entry
at once; nothing needs to know which entries a change touched. What belongs to
one person (progress, the session, permissions) is never cached here.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache

VERSION_KEY = "cms:content-version"
TIMEOUT = 60 * 60 * 24
T = TypeVar("T")


def content_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = str(time.time_ns())
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return version


def new_content_version(**_signal_kwargs) -> None:
    cache.set(VERSION_KEY, str(time.time_ns()), timeout=None)


def cached(name: str, parts: tuple, build: Callable[[], T]) -> T:
    """The value for `name` and `parts` in the current content version, built once."""
    key = ":".join(["cms", name, content_version(), *map(str, parts)])
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, TIMEOUT)
    return value
