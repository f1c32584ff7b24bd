"""Reads about trainer accreditation."""

from __future__ import annotations

import datetime

from ..models import Participant, TrainerAccreditation


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
