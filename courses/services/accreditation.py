"""Trainer accreditation: graduates of a training of trainers, and first-generation trainers.

A training of trainers accredits a member when (a) its last session has
started, (b) the member completed the cohort (see completion.py: attendance,
the online part, every completion rule) and (c) the cohort's lead trainer or
a coordinator grants it, naming each graduate. Nobody on the cohort's team
is accredited by it, and nobody accredits themselves. The accreditation is
valid from the day it is granted, so nobody leads a cohort on the strength
of a training not yet held.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from accounts.models import is_coordinator
from audit.models import AuditEntry
from audit.services import audit_record_for

from ..models import Cohort, CohortMembership, Country, Participant, TrainerAccreditation
from ..selectors.access import can_accredit_graduates
from ..selectors.accreditation import cohort_last_session_start, graduates_to_accredit
from ..selectors.cohorts import cohort_team_ids
from ..selectors.progress import enrolment_is_complete
from ..signals import accreditation_changed, accreditation_granted
from .errors import CascadeError, on_the_team_refusal


def _grant_day(cohort: Cohort, granted_on: datetime.date | None) -> datetime.date:
    """The day an accreditation is granted: today, once the cohort's last session has started.

    `granted_on` exists only to record historical accreditation (the demo
    loader builds a past cascade with it); it must still fall between the
    last session and today.
    """
    last_session = cohort_last_session_start(cohort)
    today = timezone.localdate()
    if last_session is None or last_session > timezone.now():
        raise CascadeError(
            _("%(cohort)s accredits its graduates only after its last session has taken place.")
            % {"cohort": cohort.name},
            code="training_not_held",
        )
    day = granted_on or today
    if not timezone.localdate(last_session) <= day <= today:
        raise CascadeError(
            _("An accreditation is dated between the last session and today."),
            code="bad_grant_day",
        )
    return day


def _check_may_accredit(cohort: Cohort, granted_by) -> None:
    if granted_by is None or not can_accredit_graduates(granted_by, cohort):
        raise CascadeError(
            _("Only the cohort's lead trainer or a coordinator accredits its graduates."),
            code="not_allowed",
        )
    if not cohort.trains_trainers:
        raise CascadeError(_("Only a training of trainers accredits trainers."), code="not_a_tot")


def _check_not_own(participant: Participant, by) -> None:
    """Nobody grants, extends or reinstates their own accreditation, a coordinator included."""
    if participant.user_id is not None and participant.user_id == by.pk:
        raise CascadeError(_("Nobody accredits themselves."), code="own_accreditation")


def _grant(
    cohort: Cohort, participant: Participant, *, level: str, granted_by, day, valid_for_days: int
) -> TrainerAccreditation:
    if participant.pk in cohort_team_ids(cohort):
        raise on_the_team_refusal(cohort, participant)
    _check_not_own(participant, granted_by)
    if not CohortMembership.objects.filter(
        cohort=cohort, participant=participant, completed_at__isnull=False
    ).exists():
        raise CascadeError(
            _("%(person)s has not completed %(cohort)s.")
            % {"person": participant.display_name, "cohort": cohort.name},
            code="not_completed",
        )
    # A trainer has done the online part: a completed membership alone (say, one
    # carried over from a typed roster record) does not show it.
    if participant.user_id is None or not enrolment_is_complete(
        participant.user_id, cohort.course.translation_key
    ):
        raise CascadeError(
            _("%(person)s has not completed the online part of %(cohort)s.")
            % {"person": participant.display_name, "cohort": cohort.name},
            code="online_part_missing",
        )
    existing = TrainerAccreditation.objects.filter(
        granted_by_cohort=cohort, participant=participant
    ).first()
    if existing is not None:  # granting twice changes nothing
        return existing
    accreditation = TrainerAccreditation.objects.create(
        participant=participant,
        level=level,
        country=cohort.country,
        valid_from=day,
        valid_until=day + datetime.timedelta(days=valid_for_days),
        granted_by_cohort=cohort,
        granted_by=granted_by,
    )
    accreditation_granted.send(sender=TrainerAccreditation, accreditation=accreditation)
    return accreditation


@transaction.atomic
def accreditation_grant_for_cohort(
    cohort: Cohort,
    participant: Participant,
    *,
    granted_by,
    level: str = TrainerAccreditation.Level.TRAINER,
    valid_for_days: int = 3 * 365,
    granted_on: datetime.date | None = None,
) -> TrainerAccreditation:
    """Accredit one graduate of a training of trainers they completed (valid from today)."""
    _check_may_accredit(cohort, granted_by)
    day = _grant_day(cohort, granted_on)
    Cohort.objects.select_for_update().filter(pk=cohort.pk).first()  # one accreditation at a time
    return _grant(
        cohort,
        participant,
        level=level,
        granted_by=granted_by,
        day=day,
        valid_for_days=valid_for_days,
    )


@transaction.atomic
def graduates_accredit(
    cohort: Cohort,
    *,
    granted_by,
    participant_ids: Iterable[int],
    level: str = TrainerAccreditation.Level.TRAINER,
    granted_on: datetime.date | None = None,
) -> list[TrainerAccreditation]:
    """Accredit exactly the graduates the person confirmed (`participant_ids`), no one else.

    The person may leave out anyone they doubt. Refused, with nothing written,
    when nobody is confirmed or when any id is not a graduate still waiting to
    be accredited by this cohort (accredited meanwhile, not completed, not a
    member, on its team): the person confirms the list again.
    """
    _check_may_accredit(cohort, granted_by)
    day = _grant_day(cohort, granted_on)
    Cohort.objects.select_for_update().filter(pk=cohort.pk).first()  # one accreditation at a time
    confirmed = set(participant_ids)
    if not confirmed:
        raise CascadeError(_("Choose at least one graduate to accredit."), code="none_chosen")
    graduates = [graduate for graduate in graduates_to_accredit(cohort) if graduate.pk in confirmed]
    if len(graduates) != len(confirmed):
        raise CascadeError(
            _("The list of graduates has changed. Check it and confirm again."),
            code="graduates_changed",
        )
    return [
        _grant(
            cohort, graduate, level=level, granted_by=granted_by, day=day, valid_for_days=3 * 365
        )
        for graduate in graduates
    ]


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
    if granted_by is None or not is_coordinator(granted_by):
        raise CascadeError(
            _("Only a coordinator accredits a trainer without a training."), code="not_allowed"
        )
    _check_not_own(participant, granted_by)
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
    accreditation_granted.send(sender=TrainerAccreditation, accreditation=accreditation)
    return accreditation


@transaction.atomic
def accreditation_change(
    accreditation: TrainerAccreditation,
    *,
    changed_by,
    valid_until: datetime.date,
    revoked_at: datetime.datetime | None,
) -> TrainerAccreditation:
    """A coordinator extends, shortens, revokes or reinstates an accreditation, audited.

    Only the end date and the revocation change: an accreditation is never
    handed to someone else, moved to another country or back-dated. The audit
    entry holds the values before and after; nothing is written when nothing
    changes.
    """
    if changed_by is None or not is_coordinator(changed_by):
        raise CascadeError(
            _("Only a coordinator extends or revokes an accreditation."), code="not_allowed"
        )
    accreditation = TrainerAccreditation.objects.select_for_update().get(pk=accreditation.pk)
    _check_not_own(accreditation.participant, changed_by)
    if valid_until < accreditation.valid_from:
        raise CascadeError(
            _("An accreditation cannot end before it starts (%(day)s).")
            % {"day": formats.date_format(accreditation.valid_from)},
            code="ends_before_it_starts",
        )
    before = {"valid_until": accreditation.valid_until, "revoked_at": accreditation.revoked_at}
    after = {"valid_until": valid_until, "revoked_at": revoked_at}
    changed = {
        name: [_iso(before[name]), _iso(after[name])]
        for name in before
        if before[name] != after[name]
    }
    if not changed:
        return accreditation
    accreditation.valid_until, accreditation.revoked_at = valid_until, revoked_at
    accreditation.save(update_fields=["valid_until", "revoked_at"])
    audit_record_for(changed_by, AuditEntry.Action.ACCREDITATION_CHANGED, accreditation, **changed)
    accreditation_changed.send(
        sender=TrainerAccreditation, accreditation=accreditation, changed=changed
    )
    return accreditation


def _iso(value: datetime.date | None) -> str | None:
    return value.isoformat() if value is not None else None
