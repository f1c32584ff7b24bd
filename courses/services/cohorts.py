"""Cohorts and the cascade: creating a cohort, its lead, its members and its sessions.

A cohort led by an accredited trainer is a child of the cohort that
accredited them; an international training of trainers is generation 0. Each
cohort stores its ancestry as a path of ids (`/1/7/42/`), so a lineage is one
query by id and a subtree one indexed prefix query. The path is only ever
written here, and a change that would put a cohort below itself is refused.

Attendance is marked in `attendance.py`, trainers are accredited in
`accreditation.py`, people's records live in `participants.py` and completion
is decided in `completion.py`.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Concat, Length, Substr
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.models import Page

from accounts.models import is_coordinator

from ..models import (
    Cohort,
    CohortInvitation,
    CohortMembership,
    CohortSession,
    CohortTrainer,
    Country,
    Organisation,
    Participant,
)
from ..record_cache import record_changed
from ..selectors.access import can_manage_cohort
from ..selectors.accreditation import valid_accreditation
from ..selectors.cohorts import cohort_is_full, cohort_team_ids, sessions_outside_dates
from ..selectors.consent import account_consent_missing, age_rule, joining_consent_missing
from ..selectors.invitations import invitations_for_user
from ..selectors.progress import original_page
from . import (
    attendance,
    completion,
    invitations,
    participants,
)  # they import this module too: read them at call time
from .errors import (
    CascadeError,
    guardian_consent_refusal,
    on_the_team_refusal,
    record_consent_refusal,
)

SETTINGS_FIELDS = {"name", "status", "capacity", "starts_on", "ends_on", "attendance_threshold"}


def _check_may_lead(kind: str, lead: Participant, by) -> None:
    """Who may put someone at the head of a cohort.

    Generation 0 (an international training of trainers) is a coordinator's
    decision. Any other cohort is led by its planner themselves, or by whom a
    coordinator names; the lead's accreditation is checked by _place_in_cascade.
    """
    coordinator = by is not None and is_coordinator(by)
    if kind == Cohort.Kind.INTERNATIONAL_TOT and not coordinator:
        raise CascadeError(
            _("Only a programme coordinator plans an international training of trainers."),
            code="coordinators_only",
        )
    if not coordinator and (by is None or lead.user_id != by.pk):
        raise CascadeError(
            _("You can plan a cohort only with yourself as its lead trainer."),
            code="not_your_cohort",
        )


def _place_in_cascade(kind: str, lead: Participant, starts_on: datetime.date):
    """The parent cohort and generation a new cohort gets from its lead trainer."""
    if kind == Cohort.Kind.INTERNATIONAL_TOT:
        return None, 0
    accreditation = valid_accreditation(lead, starts_on)
    if accreditation is None:
        raise CascadeError(
            _("%(trainer)s has no valid trainer accreditation on %(date)s.")
            % {"trainer": lead.display_name, "date": date_format(starts_on, "SHORT_DATE_FORMAT")},
            code="no_valid_accreditation",
        )
    parent = accreditation.granted_by_cohort
    # First-generation trainers, accredited by a coordinator, stand where an
    # international ToT's graduates would: their cohorts are generation 1.
    return parent, (parent.generation + 1) if parent else 1


def check_not_on_team(cohort: Cohort, participant: Participant) -> None:
    """Refuse to make someone on a cohort's team a member of it.

    A trainer (lead, co-trainer or young expert) cannot train, mark or accredit
    themselves: whoever runs a cohort is never one of its members.
    """
    if participant.pk in cohort_team_ids(cohort):
        raise on_the_team_refusal(cohort, participant)


def check_not_a_member(cohort: Cohort, participant: Participant) -> None:
    """Refuse to put a member of a cohort on its team (the other side of `check_not_on_team`)."""
    if CohortMembership.objects.filter(cohort=cohort, participant=participant).exists():
        raise CascadeError(
            _(
                "%(person)s is a member of “%(cohort)s” and cannot join its team: "
                "nobody trains or accredits themselves."
            )
            % {"person": participant.display_name, "cohort": cohort.name},
            code="a_member",
        )


@transaction.atomic
def cohort_create(
    *,
    name: str,
    course: Page,
    kind: str,
    country: Country,
    language: str,
    host_organisation: Organisation,
    lead_trainer: Participant,
    starts_on: datetime.date,
    ends_on: datetime.date,
    created_by,
    capacity: int = 25,
    attendance_threshold: int = 80,
    co_trainers: tuple[Participant, ...] = (),
    young_experts: tuple[Participant, ...] = (),
) -> Cohort:
    """Create a cohort, placed in the cascade below the cohort that trained its lead trainer.

    `created_by` (the acting user) must be a coordinator for generation 0, and
    otherwise the lead trainer themselves or a coordinator; the lead must hold
    a valid accreditation on the start date.
    """
    _check_may_lead(kind, lead_trainer, created_by)
    parent, generation = _place_in_cascade(kind, lead_trainer, starts_on)
    cohort = Cohort(
        name=name,
        course=original_page(course),
        kind=kind,
        country=country,
        language=language,
        host_organisation=host_organisation,
        capacity=capacity,
        starts_on=starts_on,
        ends_on=ends_on,
        attendance_threshold=attendance_threshold,
        parent=parent,
        generation=generation,
        cascade_path="/",
    )
    cohort.full_clean(exclude=["cascade_path", "invite_code"])
    cohort.save()
    cohort.cascade_path = f"{parent.cascade_path if parent else '/'}{cohort.pk}/"
    Cohort.objects.filter(pk=cohort.pk).update(cascade_path=cohort.cascade_path)
    CohortTrainer.objects.create(
        cohort=cohort, participant=lead_trainer, role=CohortTrainer.Role.LEAD
    )
    for participant in co_trainers:
        CohortTrainer.objects.create(
            cohort=cohort, participant=participant, role=CohortTrainer.Role.CO_TRAINER
        )
    for participant in young_experts:
        CohortTrainer.objects.create(
            cohort=cohort, participant=participant, role=CohortTrainer.Role.YOUNG_EXPERT
        )
    return cohort


@transaction.atomic
def cohort_change_lead(cohort: Cohort, new_lead: Participant, *, by) -> Cohort:
    """Hand a cohort to another lead trainer; it moves, with its subtree, to the new lead's lineage.

    Only a coordinator hands a cohort over (the lead needs a valid
    accreditation on the start date, except for generation 0). Refused when the
    new lead was trained inside this cohort's own subtree: the cohort would
    become its own ancestor.
    """
    if by is None or not is_coordinator(by):
        raise CascadeError(
            _("Only a programme coordinator hands a cohort to another lead trainer."),
            code="coordinators_only",
        )
    cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
    check_not_a_member(cohort, new_lead)
    parent, generation = _place_in_cascade(cohort.kind, new_lead, cohort.starts_on)
    if parent is not None and parent.cascade_path.startswith(cohort.cascade_path):
        raise CascadeError(
            _("%(trainer)s was trained within this cohort's cascade; it cannot sit below itself.")
            % {"trainer": new_lead.display_name},
            code="cascade_cycle",
        )
    old_path = cohort.cascade_path
    new_path = f"{parent.cascade_path if parent else '/'}{cohort.pk}/"
    shift = generation - cohort.generation
    # Rewrite the whole subtree's paths and generations in one statement.
    Cohort.objects.filter(cascade_path__startswith=old_path).update(
        cascade_path=Concat(Value(new_path), Substr("cascade_path", Length(Value(old_path)) + 1)),
        generation=F("generation") + shift,
    )
    Cohort.objects.filter(pk=cohort.pk).update(parent=parent)
    record_changed()  # the updates above send no signal
    CohortTrainer.objects.filter(cohort=cohort, role=CohortTrainer.Role.LEAD).delete()
    CohortTrainer.objects.update_or_create(
        cohort=cohort, participant=new_lead, defaults={"role": CohortTrainer.Role.LEAD}
    )
    cohort.refresh_from_db()
    return cohort


@transaction.atomic
def cohort_settings_change(cohort: Cohort, *, changed_by, **fields) -> Cohort:
    """Change what does not move a cohort in the cascade (name, status, places, dates, threshold).

    A new start date is checked like a new cohort's: the lead must hold a
    valid accreditation on it (generation 0 excepted), and one from the same
    training as before, since the cohort's place in the cascade does not move.
    """
    if changed_by is None or not can_manage_cohort(changed_by, cohort):
        raise CascadeError(_("Only the cohort's trainers change it."), code="not_allowed")
    unknown = set(fields) - SETTINGS_FIELDS
    if unknown:
        raise ValueError(f"Not a cohort setting: {sorted(unknown)}")
    cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
    for name, value in fields.items():
        setattr(cohort, name, value)
    lead = (
        CohortTrainer.objects.filter(cohort=cohort, role=CohortTrainer.Role.LEAD)
        .select_related("participant")
        .first()
    )
    if lead is not None:
        parent, _generation = _place_in_cascade(cohort.kind, lead.participant, cohort.starts_on)
        # The lineage is written once: a date that another accreditation covers would
        # put the cohort under another parent, so it is refused rather than left stale.
        if getattr(parent, "pk", None) != cohort.parent_id:
            raise CascadeError(
                _(
                    "On %(date)s the lead trainer's accreditation comes from another training, "
                    "so the cohort would move in the cascade. Choose a date within the "
                    "accreditation the cohort was planned with, or ask a programme coordinator."
                )
                % {"date": date_format(cohort.starts_on, "SHORT_DATE_FORMAT")},
                code="lineage_changes",
            )
    cohort.full_clean(exclude=["cascade_path", "invite_code"])
    outside = sessions_outside_dates(cohort)
    if outside:
        raise CascadeError(
            _(
                "These dates leave sessions outside the cohort (%(sessions)s). Choose dates "
                "that include every session."
            )
            % {
                "sessions": ", ".join(
                    date_format(timezone.localtime(session.starts_at), "SHORT_DATETIME_FORMAT")
                    for session in outside
                )
            },
            code="sessions_outside_dates",
        )
    cohort.save(update_fields=sorted(fields))
    return cohort


def cohort_add_member(cohort: Cohort, participant: Participant) -> CohortMembership:
    """Add a person to a cohort. Safe to call twice; refused for someone on its team."""
    if participant.merged_into_id:
        participant = participant.merged_into
    check_not_on_team(cohort, participant)
    membership, _ = CohortMembership.objects.get_or_create(cohort=cohort, participant=participant)
    return membership


@transaction.atomic
def cohort_join(cohort: Cohort, user) -> CohortMembership:
    """A person joins with the invite link or code, while the cohort is open and has room.

    A young person below the age of digital consent of the cohort's country
    joins only with a guardian's consent, as when accepting an invitation
    (`selectors.consent.joining_consent_missing`).
    """
    cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
    participant = participants.participant_for_user(user, cohort.country)
    if participant.pk in cohort_team_ids(cohort):
        raise on_the_team_refusal(cohort, yourself=True)
    existing = cohort.memberships.filter(participant=participant).first()
    if existing is not None:
        return existing
    # The rule of an invitation holds for the code too, even after declining the invitation.
    waiting = joining_consent_missing(user, cohort)
    if waiting is not None:
        raise guardian_consent_refusal(waiting)
    # Invited by the trainer under a typed name: joining says yes to that invitation, so
    # the typed record (already holding a place) becomes theirs rather than a second one.
    invitation = (
        invitations_for_user(user).filter(cohort=cohort, role=CohortInvitation.Role.MEMBER).first()
    )
    if invitation is not None:
        invitations.invitation_accept(invitation, user=user)
        return cohort.memberships.get(participant=participant)
    if cohort.status in (Cohort.Status.COMPLETED, Cohort.Status.CANCELLED):
        raise ValidationError(_("This cohort no longer takes new members."), code="closed")
    if cohort_is_full(cohort):
        raise ValidationError(
            _("This cohort is full. Ask its trainer whether a place can be made."), code="full"
        )
    return cohort_add_member(cohort, participant)


def session_create(cohort: Cohort, *, created_by, **fields) -> CohortSession:
    """Add a session to a cohort; it starts within the cohort's dates (see CohortSession.clean).

    `created_by` (the acting user) must manage the cohort. A training of trainers
    produces trainers, so its sessions are planned before they take place: one
    that had already started when recorded (beyond `START_GRACE`) is a
    coordinator's to record. Other cohorts may record past sessions from paper
    sign-in sheets.
    """
    if created_by is None or not can_manage_cohort(created_by, cohort):
        raise CascadeError(_("Only the cohort's trainers add its sessions."), code="not_allowed")
    session = CohortSession(cohort=cohort, **fields)
    session.full_clean()
    if (
        cohort.trains_trainers
        and session.starts_at < timezone.now() - attendance.START_GRACE
        and not is_coordinator(created_by)
    ):
        raise CascadeError(
            _(
                "A training of trainers plans its sessions before they take place. Ask a "
                "programme coordinator to record a session that has already happened."
            ),
            code="past_session",
        )
    session.save()
    return session


@transaction.atomic
def membership_move(membership: CohortMembership, target: Cohort, *, by) -> CohortMembership:
    """Move a member to another cohort, with their attendance left where it was taken.

    `by` (the acting user) must manage both cohorts (lead, co-trainer or
    coordinator; a young expert changes nothing). Refused for a member who
    completed their cohort (completion is never taken back, so it is not moved
    either), into a closed or full cohort, for someone on the target's team, and
    for someone already its member, and for a young person's account below the age of
    digital consent of the target's country without a guardian's consent. Completion is
    then judged in the new cohort.
    """
    source = Cohort.objects.get(pk=membership.cohort_id)
    if by is None or not (can_manage_cohort(by, source) and can_manage_cohort(by, target)):
        raise CascadeError(
            _("You can move members only between cohorts you run."), code="not_allowed"
        )
    target = Cohort.objects.select_for_update().get(pk=target.pk)
    membership = CohortMembership.objects.select_for_update().get(pk=membership.pk)
    person = membership.participant
    if membership.completed_at is not None:
        raise CascadeError(
            _(
                "%(person)s has completed “%(cohort)s”; a completed member stays where they "
                "completed."
            )
            % {"person": person.display_name, "cohort": source.name},
            code="completed",
        )
    if target.status in (Cohort.Status.COMPLETED, Cohort.Status.CANCELLED):
        raise CascadeError(_("This cohort no longer takes new members."), code="closed")
    if cohort_is_full(target):
        raise CascadeError(_("“%(cohort)s” is full.") % {"cohort": target.name}, code="full")
    check_not_on_team(target, person)
    if person.user_id is not None and account_consent_missing(
        person.user, age_rule(target.country)
    ):
        raise record_consent_refusal(person, age_rule(target.country))
    if CohortMembership.objects.filter(cohort=target, participant=person).exists():
        raise CascadeError(
            _("%(person)s is already a member of %(cohort)s.")
            % {"person": person.display_name, "cohort": target.name},
            code="already_member",
        )
    membership.cohort = target
    membership.save(update_fields=["cohort"])
    completion.membership_refresh_completion(membership)
    return membership
