"""Certificates follow a person when two records of them are merged.

courses folds a duplicate record into the one it keeps and announces it
(`courses.signals.participants_merged`, inside the merge's transaction);
certificates held by, or naming as trainer, the duplicate move to the kept
record, so "My learning" and the cohort's lists find them under one person.
What the certificates say (their facts, their signed credentials) does not
change: they were issued to that name.
"""

from __future__ import annotations

from courses.models import Participant
from courses.progress_cache import participants_changed

from ..models import Certificate
from ..selectors.verification import certificate_changed


def certificates_follow_merge(keep: Participant, duplicate: Participant) -> int:
    """Move the duplicate's certificates (held, and delivered as trainer) to `keep`."""
    held = Certificate.objects.filter(participant=duplicate)
    delivered = Certificate.objects.filter(trainer=duplicate)
    # Updates send no signals: what is kept of these certificates is retired here.
    for code in (held | delivered).values_list("code", flat=True):
        certificate_changed(code)
    moved = held.update(participant=keep)
    delivered.update(trainer=keep)
    participants_changed([keep.pk, duplicate.pk])
    return moved
