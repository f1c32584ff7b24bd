"""Cohorts, accreditation and the cascade: who trained whom.

A cohort led by an accredited trainer is a child of the cohort that
accredited them; an international training of trainers is generation 0. Each
cohort stores its ancestry as a path of ids (`/1/7/42/`), so a lineage is one
query by id and a subtree one indexed prefix query. The path is only ever
written here, and a change that would put a cohort below itself is refused.
"""

from __future__ import annotations

import datetime
import unicodedata

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Value
from django.db.models.functions import Concat, Length, Substr
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from ..models import (
    Attendance,
    Cohort,
    CohortMembership,
    CohortSession,
    CohortTrainer,
    Country,
    Enrolment,
    Organisation,
    Participant,
    TrainerAccreditation,
)
from ..selectors.progress import original_page


class CascadeError(ValidationError):
    pass


def participant_for_user(user, country: Country | None = None) -> Participant:
    """The one participant record of a person with an account (created on first need).

    A person first seen online has no country; the first cohort they join gives one.
    """
    participant = Participant.objects.filter(user=user).first()
    if participant is not None:
        if participant.country_id is None and country is not None:
            participant.country = country
            participant.save(update_fields=["country"])
        return participant
    try:
        with transaction.atomic():
            return Participant.objects.create(
                user=user, display_name=user.get_full_name() or user.email, country=country
            )
    except IntegrityError:
        return Participant.objects.get(user=user)


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


def _place_in_cascade(kind: str, lead: Participant, starts_on: datetime.date):
    """The parent cohort and generation a new cohort gets from its lead trainer."""
    if kind == Cohort.Kind.INTERNATIONAL_TOT:
        return None, 0
    accreditation = valid_accreditation(lead, starts_on)
    if accreditation is None:
        raise CascadeError(
            _("%(trainer)s has no valid trainer accreditation on %(date)s.")
            % {"trainer": lead.display_name, "date": starts_on.isoformat()},
            code="no_valid_accreditation",
        )
    parent = accreditation.granted_by_cohort
    # First-generation trainers, accredited by a coordinator, stand where an
    # international ToT's graduates would: their cohorts are generation 1.
    return parent, (parent.generation + 1) if parent else 1


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
    capacity: int = 25,
    attendance_threshold: int = 80,
    co_trainers: tuple[Participant, ...] = (),
    young_experts: tuple[Participant, ...] = (),
) -> Cohort:
    """Create a cohort, placed in the cascade below the cohort that trained its lead trainer."""
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
def cohort_change_lead(cohort: Cohort, new_lead: Participant) -> Cohort:
    """Hand a cohort to another lead trainer; it moves, with its subtree, to the new lead's lineage.

    Refused when the new lead was trained inside this cohort's own subtree: the
    cohort would become its own ancestor.
    """
    cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
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
    CohortTrainer.objects.filter(cohort=cohort, role=CohortTrainer.Role.LEAD).delete()
    CohortTrainer.objects.update_or_create(
        cohort=cohort, participant=new_lead, defaults={"role": CohortTrainer.Role.LEAD}
    )
    cohort.refresh_from_db()
    return cohort


def cohort_add_member(cohort: Cohort, participant: Participant) -> CohortMembership:
    """Add a person to a cohort. Safe to call twice."""
    if participant.merged_into_id:
        participant = participant.merged_into
    membership, _ = CohortMembership.objects.get_or_create(cohort=cohort, participant=participant)
    return membership


def cohort_is_full(cohort: Cohort) -> bool:
    return cohort.memberships.count() >= cohort.capacity


@transaction.atomic
def cohort_join(cohort: Cohort, user) -> CohortMembership:
    """A person joins with the invite link or code, while the cohort is open and has room."""
    cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
    participant = participant_for_user(user, cohort.country)
    existing = cohort.memberships.filter(participant=participant).first()
    if existing is not None:
        return existing
    if cohort.status in (Cohort.Status.COMPLETED, Cohort.Status.CANCELLED):
        raise ValidationError(_("This cohort no longer takes new members."), code="closed")
    if cohort_is_full(cohort):
        raise ValidationError(
            _("This cohort is full. Ask its trainer whether a place can be made."), code="full"
        )
    return cohort_add_member(cohort, participant)


def membership_complete(membership: CohortMembership) -> CohortMembership:
    if membership.completed_at is None:
        membership.completed_at = timezone.now()
        membership.save(update_fields=["completed_at"])
    return membership


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


def attendance_mark(
    session: CohortSession, marks: dict[int, str], *, marked_by, marked_at=None
) -> int:
    """Record attendance for a session's members; returns how many marks changed.

    Idempotent: sending the same marks again changes nothing, and a mark made
    earlier (say, on a phone that was offline) never overwrites a later one.
    Only members of the session's cohort can be marked.
    """
    marked_at = marked_at or timezone.now()
    members = set(
        CohortMembership.objects.filter(cohort_id=session.cohort_id).values_list(
            "participant_id", flat=True
        )
    )
    strangers = set(marks) - members
    if strangers:
        raise CascadeError(_("Only members of this cohort can be marked."), code="not_a_member")
    existing = {mark.participant_id: mark for mark in session.attendance.all()}
    changed = 0
    with transaction.atomic():
        for participant_id, status in marks.items():
            mark = existing.get(participant_id)
            if mark is None:
                Attendance.objects.create(
                    session=session,
                    participant_id=participant_id,
                    status=status,
                    marked_by=marked_by,
                    marked_at=marked_at,
                )
                changed += 1
            elif mark.status != status and mark.marked_at <= marked_at:
                mark.status, mark.marked_by, mark.marked_at = status, marked_by, marked_at
                mark.save(update_fields=["status", "marked_by", "marked_at"])
                changed += 1
    if changed:
        for membership in CohortMembership.objects.filter(
            cohort_id=session.cohort_id, participant_id__in=list(marks), completed_at__isnull=True
        ).select_related("cohort", "participant"):
            membership_refresh_completion(membership)
    return changed


def session_create(cohort: Cohort, **fields) -> CohortSession:
    session = CohortSession(cohort=cohort, **fields)
    session.full_clean()
    session.save()
    return session


def membership_refresh_completion(membership: CohortMembership) -> bool:
    """Complete a cohort member who meets both rules; never taken back once given.

    1. Attendance: present at no less than the cohort's threshold of its sessions.
    2. Online: a member with an account has completed the cohort's course online.
       (Roster-only members, such as young people without accounts, are judged on
       attendance alone.)
    """
    if membership.completed_at is not None:
        return True
    cohort = membership.cohort
    sessions = cohort.sessions.count()
    present = Attendance.objects.filter(
        session__cohort=cohort, participant_id=membership.participant_id, status="present"
    ).count()
    attended_enough = sessions > 0 and present * 100 >= cohort.attendance_threshold * sessions
    user_id = membership.participant.user_id
    online_done = (
        user_id is None
        or Enrolment.objects.filter(
            user_id=user_id, course=cohort.course, completed_at__isnull=False
        ).exists()
    )
    if attended_enough and online_done:
        membership_complete(membership)
        return True
    return False


@transaction.atomic
def participant_merge(keep: Participant, duplicate: Participant) -> Participant:
    """Fold a duplicate record of the same person into `keep`; reach then counts them once.

    Memberships, attendance, trainer roles and accreditations move to `keep`
    (where both have a record for the same cohort or session, `keep`'s stays).
    The duplicate is kept, marked as merged, so links to it still resolve.
    """
    if keep.pk == duplicate.pk:
        raise CascadeError(_("A person cannot be merged with themselves."), code="same_person")
    if keep.user_id and duplicate.user_id:
        raise CascadeError(
            _("Both records have an account; merge the accounts first."), code="two_accounts"
        )
    for model, unique_with in (
        (CohortMembership, "cohort"),
        (Attendance, "session"),
        (CohortTrainer, "cohort"),
    ):
        taken = model.objects.filter(participant=keep).values_list(f"{unique_with}_id", flat=True)
        model.objects.filter(participant=duplicate).exclude(
            **{f"{unique_with}_id__in": list(taken)}
        ).update(participant=keep)
        model.objects.filter(participant=duplicate).delete()
    TrainerAccreditation.objects.filter(participant=duplicate).update(participant=keep)
    if duplicate.user_id and not keep.user_id:
        user_id = duplicate.user_id
        Participant.objects.filter(pk=duplicate.pk).update(user=None)
        keep.user_id = user_id
    for field in ("age_band", "organisation_id"):
        if not getattr(keep, field) and getattr(duplicate, field):
            setattr(keep, field, getattr(duplicate, field))
    keep.save()
    Participant.objects.filter(merged_into=duplicate).update(merged_into=keep)
    duplicate.merged_into = keep
    duplicate.user = None
    duplicate.save(update_fields=["merged_into", "user"])
    return keep


def roster_person_add(cohort: Cohort, *, display_name: str, age_band: str) -> CohortMembership:
    """Record a young person without an account (first name or code, age band) as a member."""
    person = Participant(
        display_name=unicodedata.normalize("NFC", display_name.strip()),
        age_band=age_band,
        country=cohort.country,
    )
    person.full_clean()
    person.save()
    return cohort_add_member(cohort, person)


def team_member_add(cohort: Cohort, user, role: str) -> CohortTrainer:
    """Add a co-trainer or a young expert (co-facilitator) to a cohort's team."""
    if role not in (CohortTrainer.Role.CO_TRAINER, CohortTrainer.Role.YOUNG_EXPERT):
        raise CascadeError(_("Only co-trainers and young experts join a team."), code="bad_role")
    person = participant_for_user(user, cohort.country)
    existing = CohortTrainer.objects.filter(cohort=cohort, participant=person).first()
    if existing is not None:
        if existing.role == CohortTrainer.Role.LEAD:
            raise CascadeError(_("This person leads the cohort."), code="already_lead")
        existing.role = role
        existing.save(update_fields=["role"])
        return existing
    return CohortTrainer.objects.create(cohort=cohort, participant=person, role=role)


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


@transaction.atomic
def membership_move(membership: CohortMembership, target: Cohort) -> CohortMembership:
    """Move a member to another cohort, with their attendance left where it was taken."""
    if CohortMembership.objects.filter(cohort=target, participant=membership.participant).exists():
        raise CascadeError(
            _("%(person)s is already a member of %(cohort)s.")
            % {"person": membership.participant.display_name, "cohort": target.name},
            code="already_member",
        )
    membership.cohort = target
    membership.completed_at = None
    membership.save(update_fields=["cohort", "completed_at"])
    return membership
