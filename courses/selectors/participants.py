"""A person's own record as they see it in their account: where they work.

One query whatever the person: their record with its country, organisation
and whether any cohort holds them.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, QuerySet

from ..models import CohortMembership, CohortTrainer, Country, Organisation, Participant


@dataclass(frozen=True)
class ParticipantProfile:
    """The country and organisation a person with an account is counted in."""

    country: Country | None
    organisation: Organisation | None
    # True when a cohort holds the person (as a member or on its team): the
    # country it gave stays theirs unless they choose another
    # (see courses.services.participants.participant_profile_change).
    in_a_cohort: bool


def with_cohort_flag(people: QuerySet[Participant]) -> QuerySet[Participant]:
    """The records annotated with `in_a_cohort`: a member of a cohort or on a cohort's team."""
    return people.annotate(
        in_a_cohort=Exists(CohortMembership.objects.filter(participant=OuterRef("pk")))
        | Exists(CohortTrainer.objects.filter(participant=OuterRef("pk")))
    )


def participant_profile(user) -> ParticipantProfile:
    """The country and organisation of a person with an account (nothing is created)."""
    participant = (
        with_cohort_flag(Participant.objects.filter(user=user))
        .select_related("country", "organisation")
        .first()
    )
    if participant is None:
        return ParticipantProfile(country=None, organisation=None, in_a_cohort=False)
    return ParticipantProfile(
        country=participant.country,
        organisation=participant.organisation,
        in_a_cohort=participant.in_a_cohort,
    )
