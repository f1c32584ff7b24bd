"""Reads about trainer accreditation."""

from __future__ import annotations

import datetime

from django.db.models import Max

from ..models import Cohort, CohortTrainer, Enrolment, Participant, TrainerAccreditation


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


def graduates_to_accredit(cohort: Cohort) -> list[Participant]:
    """Members who completed this training of trainers and are not yet accredited by it, by name.

    Nobody on the cohort's team: a cohort never accredits those who ran it; and
    only people with an account whose course (the online part) is complete.
    """
    done_online = Enrolment.objects.filter(
        course_key=cohort.course.translation_key, completed_at__isnull=False
    ).values("user_id")
    already = TrainerAccreditation.objects.filter(granted_by_cohort=cohort).values("participant_id")
    team = CohortTrainer.objects.filter(cohort=cohort).values("participant_id")
    return list(
        Participant.objects.filter(
            memberships__cohort=cohort, memberships__completed_at__isnull=False
        )
        .filter(user_id__in=done_online)
        .exclude(pk__in=already)
        .exclude(pk__in=team)
        .order_by("display_name", "pk")
    )


def holds_trainer_standing(participant: Participant) -> bool:
    """Whether the record is on any cohort's team or holds any accreditation."""
    return (
        CohortTrainer.objects.filter(participant=participant).exists()
        or TrainerAccreditation.objects.filter(participant=participant).exists()
    )
