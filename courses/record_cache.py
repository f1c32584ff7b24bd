"""The training record as trainers and learners see it, read once per change.

A trainer's home (their cohorts, who trained them, their cascade), a cohort's
page (its sessions and roster) and the cohorts on a learner's "My learning"
are made from cohorts, their teams, members, sessions and invitations, the
trainers' accreditations, and the names of the people, organisations and
countries in them. These change far less often than people look at them, so
what is made from them is kept under the *record version* (a
`shared_cache.VersionedCache`, one version for the whole record): every write
to them starts a new one, and every process makes those pages afresh on their
next request.

- Model signals (signals.py) catch every save and deletion of those records,
  wherever it happens: services, the admin, a shell, another app.
- Services that write with `QuerySet.update` (which sends no signal) call
  `record_changed()` themselves (cohorts.py, participants.py, completion.py).
- What one person does alone (attendance marks, lesson progress, test
  results, certificates) does not retire every trainer's pages: it changes that
  person's progress version (progress_cache.py).

One version for the record, not one per cohort: a trainer's cascade counts
every cohort below theirs, in every country, so most changes would retire it
anyway, and a person's pages read one version instead of one per cohort.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

from shared_cache import VersionedCache

T = TypeVar("T")

record = VersionedCache("courses:record", size=5000, prefetch=True)


def record_version() -> str:
    """The current record version (read from the shared cache once per request)."""
    return record.version()


def record_changed(**_signal_kwargs) -> None:
    """Retire everything made from the record, in every process (now, and again on commit)."""
    record.changed()


def kept(parts: tuple[Hashable, ...], build: Callable[[], T]) -> T:
    """The value for `parts` in the current record version, made once per process.

    The value is shared between requests: make it of values nobody changes.
    """
    return record.get_or_build(parts, build)


def on_user_saved(sender, instance, update_fields=None, **kwargs) -> None:
    """A person's name or address shows on rosters; signing in (`last_login`) changes neither."""
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return
    record_changed()
