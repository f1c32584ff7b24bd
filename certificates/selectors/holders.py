"""Whether a person may still be named on a new certificate.

A person whose personal data is erased, or whose erasure is asked for, gets no
new certificate: nothing made afterwards may name them, and the erasure job may
already have passed the step that clears certificates. The erasure
(privacy.ErasureRequest) names the person's root record, their account, or
both; it is reached here through the reverse relations it declares on them
("erasure"), so certificates imports nothing of privacy. A certificate revoked
because its holder was erased marks the person too.
"""

from __future__ import annotations

from django.db.models import Q

from courses.models import Participant

from ..models import ERASED_REVOCATION_REASON, Certificate

# A merged record points to the record it was folded into; chains are a few links long.
MERGE_CHAIN_LIMIT = 32


def _record_and_roots(participant: Participant) -> list[int]:
    """The record's id and those of the records it was merged into, up to the root."""
    ids = [participant.pk]
    next_id = participant.merged_into_id
    while next_id is not None and next_id not in ids and len(ids) < MERGE_CHAIN_LIMIT:
        ids.append(next_id)
        next_id = (
            Participant.objects.filter(pk=next_id).values_list("merged_into_id", flat=True).first()
        )
    return ids


def holder_erased(participant: Participant) -> bool:
    """Whether `participant` (or the record it was merged into, or its account) is erased or
    asked to be. Two queries for a record that was never merged."""
    ids = _record_and_roots(participant)
    named = Participant.objects.filter(pk__in=ids).filter(
        Q(erasure__isnull=False) | Q(user__erasure__isnull=False)
    )
    if named.exists():
        return True
    return Certificate.objects.filter(
        participant_id__in=ids,
        revoked_at__isnull=False,
        revocation_reason=ERASED_REVOCATION_REASON,
    ).exists()
