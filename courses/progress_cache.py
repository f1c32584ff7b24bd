"""A person's progress, read from the database once per change rather than per page.

Every page of a course shows the reader's progress, and "My learning" shows
everything of the person's own learning: enrolments, lesson progress, their
attendance, test results and certificates, and the invitations to their
addresses. These only change when that person's records change, so they are
kept under a per-person version (a `shared_cache.VersionedCache` scoped to
the person) that every such write replaces: the services do it explicitly,
and model signals catch any other write (the admin, a shell). A record kept
against a participant (attendance, a test attempt, a certificate) changes
the version of the account behind the participant, and of the account its
record was merged into.

What trainers change for a whole cohort (its sessions, its team, who is in
it) is part of the training record instead (record_cache.py).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from typing import TypeVar

from shared_cache import VersionedCache

T = TypeVar("T")

# Kept values are shared, not copied: frozen values only (selectors/progress.py copies the
# one model instance it keeps, an enrolment, before handing it out).
progress = VersionedCache("courses:progress", size=20000)


def progress_changed(user_id: int) -> None:
    progress.changed(scope=user_id)


def progress_version(user_id: int) -> str:
    """The person's current version (read from the shared cache once per request)."""
    return progress.version(scope=user_id)


def cached_for(user_id: int, course_key: uuid.UUID, build: Callable[[], T]) -> T:
    """The person's progress in a course, in their current version (shared: do not change it)."""
    return progress.get_or_build((course_key,), build, scope=user_id)


def kept_for(user_id: int, parts: tuple, build: Callable[[], T]) -> T:
    """A value of the person's own, in their current version, shared between requests.

    For values nobody changes (frozen dataclasses, tuples of them).
    """
    return progress.get_or_build(parts, build, scope=user_id)


def people_changed(user_ids: Iterable[int | None]) -> None:
    for user_id in set(user_ids) - {None}:
        progress_changed(user_id)


def participants_changed(participant_ids: Iterable[int | None]) -> None:
    """The accounts behind these participant records (and those they were merged into)."""
    from .models import Participant

    ids = set(participant_ids) - {None}
    if not ids:
        return
    rows = Participant.objects.filter(pk__in=ids).values_list("user_id", "merged_into__user_id")
    people_changed(user_id for row in rows for user_id in row)


def on_progress_saved(sender, instance, **kwargs) -> None:
    progress_changed(instance.user_id)


def on_participant_row_saved(sender, instance, **kwargs) -> None:
    """A row kept against a participant (attendance, a test attempt, a certificate) changed."""
    participants_changed([instance.participant_id])
