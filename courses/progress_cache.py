"""A person's progress, read from the database once per change rather than per page.

Every page of a course shows the reader's progress. It only changes when that
person's enrolments or lesson progress change, so it is kept under a
per-person version (a `shared_cache.VersionedCache` scoped to the person) that
every such write replaces: the services do it explicitly, and model signals
catch any other write (the admin, a shell).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TypeVar

from shared_cache import VersionedCache

T = TypeVar("T")

# Copies: the enrolment handed out is a model instance its reader may change.
progress = VersionedCache("courses:progress", copy=True, size=20000)


def progress_changed(user_id: int) -> None:
    progress.changed(scope=user_id)


def cached_for(user_id: int, course_key: uuid.UUID, build: Callable[[], T]) -> T:
    return progress.get_or_build((course_key,), build, scope=user_id)


def on_progress_saved(sender, instance, **kwargs) -> None:
    progress_changed(instance.user_id)
