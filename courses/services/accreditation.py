"""Trainer accreditation: graduates of a training of trainers, and first-generation trainers."""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _

from ..models import Cohort, CohortMembership, Country, Participant, TrainerAccreditation
from .errors import CascadeError


def accreditation_grant_for_cohort(
    cohort: Cohort,
    participant: Participant,
    *,
    level: str = TrainerAccreditation.Level.TRAINER,
    granted_by=None,
    valid_for_days: int = 3 * 365,
) -> TrainerAccreditation:
    """Accredit a graduate of a training-of-trainers cohort they completed."""
    if not cohort.trains_trainers:
        raise CascadeError(_("Only a training of trainers accredits trainers."), code="not_a_tot")
    if not CohortMembership.objects.filter(
        cohort=cohort, participant=participant, completed_at__isnull=False
    ).exists():
        raise CascadeError(
            _("%(person)s has not completed %(cohort)s.")
            % {"person": participant.display_name, "cohort": cohort.name},
            code="not_completed",
        )
    # Valid from the day the training ended, also when it is recorded later.
    valid_from = cohort.ends_on
    return TrainerAccreditation.objects.create(
        participant=participant,
        level=level,
        country=cohort.country,
        valid_from=valid_from,
        valid_until=valid_from + datetime.timedelta(days=valid_for_days),
        granted_by_cohort=cohort,
        granted_by=granted_by,
    )


def accreditation_grant_first_generation(
    participant: Participant,
    *,
    level: str,
    country: Country,
    valid_from: datetime.date,
    valid_until: datetime.date,
    granted_by,
) -> TrainerAccreditation:
    """A coordinator accredits a first-generation trainer with no training recorded here."""
    accreditation = TrainerAccreditation(
        participant=participant,
        level=level,
        country=country,
        valid_from=valid_from,
        valid_until=valid_until,
        granted_by=granted_by,
    )
    accreditation.full_clean()
    accreditation.save()
    return accreditation


def graduates_accredit(cohort: Cohort, *, granted_by) -> list[TrainerAccreditation]:
    """Accredit every member who completed this training of trainers and is not yet accredited."""
    already = TrainerAccreditation.objects.filter(granted_by_cohort=cohort).values_list(
        "participant_id", flat=True
    )
    graduates = CohortMembership.objects.filter(cohort=cohort, completed_at__isnull=False).exclude(
        participant_id__in=list(already)
    )
    return [
        accreditation_grant_for_cohort(cohort, membership.participant, granted_by=granted_by)
        for membership in graduates.select_related("participant")
    ]
