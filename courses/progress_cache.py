"""A person's progress, read from the database once per change rather than per page.

Every page of a course shows the reader's progress. It only changes when that
person's enrolments or lesson progress change, so it is cached under a
per-person version that every such write replaces: the services do it
explicitly, and model signals catch any other write (the admin, a shell).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache, caches

T = TypeVar("T")
TIMEOUT = 60 * 60


def _version_key(user_id: int) -> str:
    return f"courses:progress-version:{user_id}"


def progress_changed(user_id: int) -> None:
    cache.set(_version_key(user_id), str(time.time_ns()), timeout=None)


def cached_for(user_id: int, course_key: uuid.UUID, build: Callable[[], T]) -> T:
    version = cache.get(_version_key(user_id))
    if version is None:
        version = str(time.time_ns())
        cache.add(_version_key(user_id), version, timeout=None)
        version = cache.get(_version_key(user_id), version)
    # The version is shared by every process; the value, keyed by it, can stay
    # in this process's memory.
    key = f"courses:progress:{user_id}:{course_key}:{version}"
    value = caches["local"].get(key)
    if value is None:
        value = build()
        caches["local"].set(key, value, TIMEOUT)
    return value


def on_progress_saved(sender, instance, **kwargs) -> None:
    progress_changed(instance.user_id)
