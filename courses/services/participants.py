"""People's records: the one record of a person with an account and where they
work, roster-only people, team members, and folding a duplicate record into the other."""

from __future__ import annotations

import unicodedata

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from accounts.models import is_coordinator

from ..models import (
    Attendance,
    Cohort,
    CohortMembership,
    CohortTrainer,
    Country,
    Organisation,
    Participant,
    TrainerAccreditation,
)
from ..record_cache import record_changed
from ..selectors.access import can_manage_cohort, cohorts_managed_by
from ..selectors.accreditation import holds_trainer_standing
from ..selectors.consent import (
    account_consent_missing,
    age_rule,
    birthday,
    kept_date_of_birth,
    merge_consent_missing,
)
from ..selectors.invitations import invited_as
from ..selectors.participants import with_cohort_flag
from ..signals import participants_merged
from . import cohorts  # cohorts.py imports this module too: read its names at call time
from .errors import (
    CascadeError,
    country_change_refusal,
    guardian_consent_refusal,
    record_consent_refusal,
)


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


def participant_profile_change(
    user,
    *,
    country: Country | None,
    organisation: Organisation | None,
    by,
    email_language: str | None = None,
) -> Participant:
    """Record where a person with an account works: their country and organisation; and,
    given `email_language` (one of the site's languages), the language their e-mails are
    written in (`User.preferred_language`, first set at sign-up).

    Sign-up and the account page call this; the record is created if the
    person has none yet. Only the person themselves (`by` is `user`) may
    change it: nobody sets another person's country or employer from the site
    (a coordinator corrects records in the admin).

    - An organisation belongs to one country. With an organisation and no
      country, the person takes the organisation's country; an organisation
      of another country than the one chosen is refused.
    - The country counts a person who learns online on their own for their
      country's reach. A person a cohort holds (as a member or on its team)
      was given the cohort's country when they joined: leaving the country
      empty keeps it, because it is part of the training record rather than
      a preference; choosing another country changes it, since the person
      changed it themselves. A person in no cohort may clear it.
    - The organisation is the person's own to set or clear.
    - A young person below the age of digital consent of the new country (by
      the date of birth kept until 18, or an age band from a roster record
      folded into theirs) changes to it only with a guardian's consent recorded:
      otherwise the change is refused, saying from when it is possible.

    Nothing is written when nothing changes. There is no audit entry: the
    audit trail records what staff do with other people's records, and this
    is a person's own.
    """
    if by is None or not by.is_authenticated or by.pk != user.pk:
        raise CascadeError(
            _("Only the person themselves changes their country and organisation."),
            code="not_allowed",
        )
    if email_language is not None and email_language not in dict(settings.LANGUAGES):
        raise CascadeError(
            _("Choose one of the site's languages for your e-mails."), code="unknown_language"
        )
    if organisation is not None:
        if country is None:
            country = organisation.country
        elif organisation.country_id != country.pk:
            raise CascadeError(
                _("“%(organisation)s” is not in %(country)s.")
                % {"organisation": organisation.name, "country": country},
                code="organisation_elsewhere",
            )
    participant_for_user(user)
    with transaction.atomic():
        participant = (
            with_cohort_flag(Participant.objects.select_for_update(of=("self",)))
            .filter(user=user)
            .get()
        )
        if country is None and participant.in_a_cohort:
            country = participant.country
        changed = [
            name
            for name, value in (("country", country), ("organisation", organisation))
            if getattr(participant, f"{name}_id") != (value.pk if value else None)
        ]
        if "country" in changed:
            _check_consent_for_country(user, country)
        if changed:
            participant.country = country
            participant.organisation = organisation
            participant.save(update_fields=changed)
        if email_language is not None and user.preferred_language != email_language:
            user.preferred_language = email_language
            user.save(update_fields=["preferred_language"])
    return participant


def _check_consent_for_country(user, country: Country | None) -> None:
    """Refuse a country whose age of digital consent the person is below, without a guardian's
    consent (the date of birth kept until 18, or an age band from a roster record)."""
    rule = age_rule(country)
    if account_consent_missing(user, rule):
        born = kept_date_of_birth(user)
        raise country_change_refusal(rule, allowed_from=birthday(born, rule.age) if born else None)


def _check_may_merge(keep: Participant, duplicate: Participant, by) -> None:
    if by is not None and is_coordinator(by):
        return
    refusal = CascadeError(
        _(
            "Only records of people in your own cohorts, with no trainer role or accreditation, "
            "can be merged here. Ask a programme coordinator to merge these."
        ),
        code="not_allowed",
    )
    if by is None or not by.is_authenticated:
        raise refusal
    if keep.user_id == by.pk:  # the person themselves, accepting an invitation
        if (
            duplicate.user_id is not None
            or holds_trainer_standing(duplicate)
            or not invited_as(by, duplicate)
        ):
            raise refusal
        return
    if holds_trainer_standing(keep) or holds_trainer_standing(duplicate):
        raise refusal
    cohort_ids = set(
        CohortMembership.objects.filter(participant__in=(keep, duplicate)).values_list(
            "cohort_id", flat=True
        )
    )
    run = set(cohorts_managed_by(by).values_list("pk", flat=True))
    if not cohort_ids or not cohort_ids <= run:
        raise refusal


def _check_team_and_members_apart(keep: Participant, duplicate: Participant) -> None:
    """Refuse a merge that would make one person both on a cohort's team and its member."""
    records = (keep, duplicate)
    team = {
        (row.cohort_id, row.participant_id): row.cohort
        for row in CohortTrainer.objects.filter(participant__in=records).select_related("cohort")
    }
    memberships = CohortMembership.objects.filter(participant__in=records).values_list(
        "cohort_id", "participant_id"
    )
    for cohort_id, member_id in memberships:
        other = duplicate.pk if member_id == keep.pk else keep.pk
        cohort = team.get((cohort_id, other))
        if cohort is not None:
            raise CascadeError(
                _(
                    "One of these records is on the team of “%(cohort)s” and the other is "
                    "its member; one person cannot be both."
                )
                % {"cohort": cohort.name},
                code="on_the_team",
            )


@transaction.atomic
def participant_merge(keep: Participant, duplicate: Participant, *, by) -> Participant:
    """Fold a duplicate record of the same person into `keep`; reach then counts them once.

    Memberships, attendance, trainer roles and accreditations move to `keep`
    (where both have a record for the same cohort or session, `keep`'s stays).
    Refused when one record runs a cohort the other is a member of, and when it
    would link an account to a young person's roster record (or to its cohorts)
    below the age of digital consent without a guardian's consent
    (`selectors.consent.merge_consent_missing`), whoever merges.
    The duplicate is kept, marked as merged, so links to it still resolve.
    Then `courses.signals.participants_merged` is sent, in the same transaction,
    for other apps to move their rows (assessments moves the test results).

    Who may (`by`, the acting user), so that a merge never hands over what the
    person merging does not own:
    - a coordinator: any two records (from the admin, audited);
    - a trainer: two records that hold no trainer role and no accreditation,
      and belong only to cohorts the trainer runs;
    - the person themselves, into their own record (`keep` is theirs): a
      record without an account, trainer role or accreditation, such as the
      one a trainer typed for them (accepting an invitation proves it is theirs).
    """
    if keep.pk == duplicate.pk:
        raise CascadeError(_("A person cannot be merged with themselves."), code="same_person")
    _check_may_merge(keep, duplicate, by)
    if keep.user_id and duplicate.user_id:
        raise CascadeError(
            _("Both records have an account; merge the accounts first."), code="two_accounts"
        )
    _check_team_and_members_apart(keep, duplicate)
    waiting = merge_consent_missing(keep, duplicate)
    if waiting is not None:
        raise record_consent_refusal(waiting.participant, waiting.rule)
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
    record_changed()  # the updates send no signal (the saves below start a version too)
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
    # Other apps move what they hold of the person (test results), in this transaction.
    participants_merged.send(sender=Participant, keep=keep, duplicate=duplicate)
    # Completion is judged again for the kept record (its account's online part,
    # its moved attendance and results), never simply carried over.
    from .completion import memberships_refresh  # completion.py imports this module

    memberships_refresh(participant=keep)
    return keep


def roster_person_add(cohort: Cohort, *, by, display_name: str, age_band: str) -> CohortMembership:
    """Record a young person without an account (first name or code, age band) as a member.

    `by` (the acting user) must manage the cohort.
    """
    if by is None or not can_manage_cohort(by, cohort):
        raise CascadeError(_("Only the cohort's trainers add its members."), code="not_allowed")
    person = Participant(
        display_name=unicodedata.normalize("NFC", display_name.strip()),
        age_band=age_band,
        country=cohort.country,
    )
    person.full_clean()
    person.save()
    return cohorts.cohort_add_member(cohort, person)


def team_member_add(cohort: Cohort, *, user, role: str) -> CohortTrainer:
    """Add a co-trainer or a young expert (co-facilitator) to a cohort's team.

    Called when the person accepts an invitation (`invitation_accept`): the team
    form only invites, so a trainer never learns whether an address has an account.
    Refused for a member of the cohort: nobody trains or accredits themselves; and for a
    young person below the age of digital consent of the cohort's country without a
    guardian's consent.
    """
    if role not in (CohortTrainer.Role.CO_TRAINER, CohortTrainer.Role.YOUNG_EXPERT):
        raise CascadeError(_("Only co-trainers and young experts join a team."), code="bad_role")
    rule = age_rule(cohort.country)
    if account_consent_missing(user, rule):
        raise guardian_consent_refusal(rule)
    person = participant_for_user(user, cohort.country)
    cohorts.check_not_a_member(cohort, person)
    existing = CohortTrainer.objects.filter(cohort=cohort, participant=person).first()
    if existing is not None:
        if existing.role == CohortTrainer.Role.LEAD:
            raise CascadeError(_("This person leads the cohort."), code="already_lead")
        existing.role = role
        existing.save(update_fields=["role"])
        return existing
    return CohortTrainer.objects.create(cohort=cohort, participant=person, role=role)
