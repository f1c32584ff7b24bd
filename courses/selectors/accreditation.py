"""Reads about trainer accreditation."""

from __future__ import annotations

import datetime

from django.db.models import Exists, Max, OuterRef, QuerySet

from ..models import (
    Cohort,
    CohortMembership,
    CohortTrainer,
    Enrolment,
    Participant,
    TrainerAccreditation,
)


def valid_accreditation(
    participant: Participant, day: datetime.date
) -> TrainerAccreditation | None:
    """The accreditation that lets a person lead a cohort starting on `day`, if any."""
    return (
        TrainerAccreditation.objects.filter(
            participant=participant,
            revoked_at__isnull=True,
            valid_from__lte=day,
            valid_until__gte=day,
        )
        .order_by("-valid_until")
        .first()
    )


def cohort_last_session_start(cohort: Cohort) -> datetime.datetime | None:
    """When the cohort's last session starts (None when it has no session)."""
    return cohort.sessions.aggregate(last=Max("starts_at"))["last"]


def graduations_to_accredit() -> QuerySet[CohortMembership]:
    """Completed memberships whose member the cohort has not accredited yet, of any cohort.

    Nobody on the cohort's team: a cohort never accredits those who ran it; and
    only people with an account whose course (the online part) is complete.
    Whether the cohort trains trainers is the caller's question. One query for
    any slice, whatever the number of cohorts.
    """
    done_online = Enrolment.objects.filter(
        course_key=OuterRef("cohort__course__translation_key"),
        user_id=OuterRef("participant__user_id"),
        completed_at__isnull=False,
    )
    already = TrainerAccreditation.objects.filter(
        granted_by_cohort=OuterRef("cohort_id"), participant_id=OuterRef("participant_id")
    )
    team = CohortTrainer.objects.filter(
        cohort=OuterRef("cohort_id"), participant_id=OuterRef("participant_id")
    )
    return (
        CohortMembership.objects.filter(completed_at__isnull=False)
        .filter(Exists(done_online))
        .exclude(Exists(already))
        .exclude(Exists(team))
    )


def graduates_to_accredit(cohort: Cohort) -> list[Participant]:
    """Members who completed this training of trainers and are not yet accredited by it, by name
    (`graduations_to_accredit` of this cohort)."""
    graduations = graduations_to_accredit().filter(cohort=cohort).values("participant_id")
    return list(Participant.objects.filter(pk__in=graduations).order_by("display_name", "pk"))


def holds_trainer_standing(participant: Participant) -> bool:
    """Whether the record is on any cohort's team or holds any accreditation."""
    return (
        CohortTrainer.objects.filter(participant=participant).exists()
        or TrainerAccreditation.objects.filter(participant=participant).exists()
    )
