"""Invitations as their addressee sees them: only through an address they have verified.

An address someone merely typed into their account proves nothing, so an
unverified address never shows, accepts or declines an invitation. Two queries
whatever the number of addresses.
"""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.db.models import Q, QuerySet

from ..models import CohortInvitation, Participant
from ..models.invitations import normalise_email


def verified_emails(user) -> set[str]:
    """The person's verified addresses, spelt as invitations store them."""
    if not user.is_authenticated or not user.is_active:
        return set()
    return {
        normalise_email(address)
        for address in EmailAddress.objects.filter(user=user, verified=True).values_list(
            "email", flat=True
        )
    }


def invitations_for_user(user) -> QuerySet[CohortInvitation]:
    """Open invitations to any of the person's verified addresses, newest first."""
    emails = verified_emails(user)
    if not emails:
        return CohortInvitation.objects.none()
    return (
        CohortInvitation.objects.filter(
            email__in=emails, accepted_at__isnull=True, declined_at__isnull=True
        )
        .select_related("cohort__host_organisation", "cohort__country")
        .order_by("-created_at", "-pk")
    )


def invited_as(user, record: Participant) -> bool:
    """Whether the person holds an open member invitation for this roster record.

    The invitation names the record a trainer typed (or one since merged into it)
    and is addressed to one of the person's verified addresses: it is what shows
    that the typed record is theirs.
    """
    return (
        invitations_for_user(user)
        .filter(role=CohortInvitation.Role.MEMBER)
        .filter(Q(participant=record) | Q(participant__merged_into=record))
        .exists()
    )


def records_invited_as(user, cohort) -> list[Participant]:
    """The roster records of `cohort` a trainer invited one of the person's verified addresses
    for, whatever became of the invitation (open, declined or accepted), each as it stands now
    (`canonical_record`).

    A declined invitation still says whom the trainer typed: joining the same cohort by its
    code afterwards is joining as that record.
    """
    emails = verified_emails(user)
    if not emails:
        return []
    invited = (
        CohortInvitation.objects.filter(
            cohort=cohort, email__in=emails, role=CohortInvitation.Role.MEMBER
        )
        .exclude(participant=None)
        .select_related("participant__merged_into", "participant__country")
        .order_by("pk")
    )
    return [canonical_record(invitation.participant) for invitation in invited]


def canonical_record(participant: Participant) -> Participant:
    """The record a merged record was merged into (chains followed, cycles stopped)."""
    seen = {participant.pk}
    while participant.merged_into_id and participant.merged_into_id not in seen:
        participant = participant.merged_into
        seen.add(participant.pk)
    return participant
