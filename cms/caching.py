"""Caching what every reader of a page sees alike.

Routes, course outlines, language versions and rendered lesson content are the
same for every reader of one language and role, so they are kept under the
*content version* (a `shared_cache.VersionedCache`). Publishing, unpublishing,
moving or deleting any page (or changing a document or image) starts a new
version, which retires every entry in every process at once; nothing needs to
know which entries a change touched (signals.py). What belongs to one person
(progress, the session, permissions) is never kept here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from shared_cache import VersionedCache

T = TypeVar("T")

content = VersionedCache("cms:content", size=4000, prefetch=True)


def content_version() -> str:
    return content.version()


def new_content_version(**_signal_kwargs) -> None:
    content.changed()


def cached(name: str, parts: tuple, build: Callable[[], T]) -> T:
    """The value for `name` and `parts` in the current content version, built once.

    Each caller gets its own copy, so the value may be a model instance that
    the caller changes.
    """
    return content.get_or_build((name, *parts), build, copy=True)


def cached_shared(name: str, parts: tuple, build: Callable[[], T]) -> T:
    """Like `cached`, for values nobody changes (strings, numbers, frozen dataclasses).

    They are shared between requests without copying, which saves copying
    them on every page view.
    """
    return content.get_or_build((name, *parts), build)
