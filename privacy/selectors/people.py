"""Whose data: a person is an account, their record, and every record merged into it.

A person with an account has one record (`Participant.user`); records found to
be the same person were merged into it (`Participant.merged_into`) and keep
what the trainer typed. A roster-only person is a record without an account.
Export and erasure both start here, so they always agree on whose data it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from allauth.account.models import EmailAddress

from courses.models import Participant
from courses.models.invitations import normalise_email


@dataclass(frozen=True)
class Person:
    """An account (or None, for a roster-only person) and the ids of the person's records."""

    user: object | None
    record_ids: tuple[int, ...]

    @property
    def root_id(self) -> int | None:
        """The record the others were merged into (the first)."""
        return self.record_ids[0] if self.record_ids else None


def root_record(participant: Participant) -> Participant:
    """The record a merged record was folded into, followed to the end (itself if none)."""
    seen = {participant.pk}
    while participant.merged_into_id is not None and participant.merged_into_id not in seen:
        seen.add(participant.merged_into_id)
        participant = Participant.objects.get(pk=participant.merged_into_id)
    return participant


def _with_merged(root_id: int) -> tuple[int, ...]:
    """The root's id, then the ids of every record merged into it (at any depth)."""
    ids = [root_id]
    frontier = [root_id]
    while frontier:
        found = list(
            Participant.objects.filter(merged_into__in=frontier)
            .exclude(pk__in=ids)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        ids.extend(found)
        frontier = found
    return tuple(ids)


def person_of_user(user) -> Person:
    """The person signed in as `user`: their account and records (none yet is possible)."""
    root_id = Participant.objects.filter(user=user).values_list("pk", flat=True).first()
    return Person(user=user, record_ids=_with_merged(root_id) if root_id else ())


def person_of_record(participant: Participant) -> Person:
    """The person a record stands for: its root record's account (if any) and records."""
    root = root_record(participant)
    return Person(user=root.user, record_ids=_with_merged(root.pk))


def person_of(*, user=None, participant: Participant | None = None) -> Person:
    """The person named by an account or a record (the account wins when both are given)."""
    if user is not None:
        return person_of_user(user)
    if participant is not None:
        return person_of_record(participant)
    return Person(user=None, record_ids=())


def email_addresses(user) -> set[str]:
    """The account's verified addresses, as invitations compare them (normalised).

    An address merely typed into the account proves nothing (anyone may type anyone's),
    so, as for invitations themselves (courses/selectors/invitations.py), only a verified
    one is the person's: the download shows, and erasure changes, what was sent to it.
    Unlike invitations, an account already closed still has them: erasure signs it out
    before its other steps.
    """
    if user is None:
        return set()
    addresses = EmailAddress.objects.filter(user=user, verified=True).values_list(
        "email", flat=True
    )
    return {normalise_email(address) for address in addresses if address}
