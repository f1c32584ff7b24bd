"""Whose account needs a guardian's consent, and whether one is recorded (GDPR art. 8).

The rule: a person younger than their country's age of digital consent
(`Country.age_of_digital_consent`; 16, the GDPR's default, when no country is
known) has an account only with a guardian's consent. A person reaches an age
on their birthday; someone born on 29 February reaches it on 1 March in a year
without one.

Someone under 18 whose account was made at once (at or above the age of the
country they chose) has their date of birth kept until their 18th birthday
(`DateOfBirth`): the rule is applied again to them when they change country or
join a cohort, whatever age a coordinator has set since.

A roster record gives an age band, not a date: a band needs the consent when
its youngest age is below the age of its country (14 to 17 needs it in Hungary,
where the age is 16, and not in Bulgaria, where it is 14; under 14 always does).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from ..models import (
    Cohort,
    CohortMembership,
    Country,
    DateOfBirth,
    GuardianConsent,
    Participant,
    PendingSignup,
)
from .invitations import records_invited_as

# GDPR article 8(1): the age where a country has set none (or none is known).
DEFAULT_AGE_OF_DIGITAL_CONSENT = 16

# The youngest age in each band (the oldest band has no upper end).
BAND_YOUNGEST_AGE = {
    Participant.AgeBand.UNDER_14: 0,
    Participant.AgeBand.AGE_14_17: 14,
    Participant.AgeBand.AGE_18_21: 18,
    Participant.AgeBand.AGE_22_25: 22,
    Participant.AgeBand.ADULT: 26,
}


@dataclass(frozen=True)
class AgeRule:
    """The age of digital consent that applies, and the country that set it ("" for none)."""

    country_code: str
    age: int


def age_rule(country: Country | None) -> AgeRule:
    """The rule of a country; with none, the GDPR's default age."""
    if country is None:
        return AgeRule("", DEFAULT_AGE_OF_DIGITAL_CONSENT)
    return AgeRule(country.code.upper(), country.age_of_digital_consent)


def age_on(born: datetime.date, day: datetime.date) -> int:
    """A person's age in whole years on `day` (their birthday counts)."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def birthday(born: datetime.date, age: int) -> datetime.date:
    """The day someone born on `born` reaches `age` (1 March for 29 February, in a year without
    one)."""
    try:
        return born.replace(year=born.year + age)
    except ValueError:
        return datetime.date(born.year + age, 3, 1)


def below_age_of_consent(
    born: datetime.date, rule: AgeRule, today: datetime.date | None = None
) -> bool:
    """Whether someone born on `born` is younger than the rule's age today (the site's day)."""
    return age_on(born, today or timezone.localdate()) < rule.age


def band_needs_consent(age_band: str, rule: AgeRule) -> bool:
    """Whether someone in this age band may be younger than the rule's age.

    No band recorded (a professional typed by name) needs none.
    """
    youngest = BAND_YOUNGEST_AGE.get(age_band)
    return youngest is not None and youngest < rule.age


def record_rule(participant: Participant, cohort: Cohort | None = None) -> AgeRule:
    """The rule for a roster record: its own country's, else its cohort's."""
    if participant.country_id is not None:
        return age_rule(participant.country)
    return age_rule(cohort.country if cohort is not None else None)


def consent_for(*, user=None, participant: Participant | None = None) -> GuardianConsent | None:
    """The consent recorded for an account, or for a roster record (or a record merged into it).

    A trainer's typed record folded into another keeps its paper consent; the
    record it was folded into is covered by it.
    """
    if user is not None and user.is_authenticated:
        consent = GuardianConsent.objects.filter(user=user).first()
        if consent is not None:
            return consent
    if participant is not None:
        return (
            GuardianConsent.objects.filter(
                Q(participant=participant) | Q(participant__merged_into=participant)
            )
            .order_by("pk")
            .first()
        )
    return None


def consent_missing(participant: Participant, *, user=None, cohort: Cohort | None = None) -> bool:
    """Whether joining as this roster record still waits for a guardian's consent.

    Needed when the record's age band may be below its country's age; given by
    a paper form recorded on the record, or by the consent the account itself
    was made with (`user`, the person accepting).
    """
    if not band_needs_consent(participant.age_band, record_rule(participant, cohort)):
        return False
    return consent_for(user=user, participant=participant) is None


@dataclass(frozen=True)
class MemberRule:
    """A roster record waiting for a guardian's consent, and the rule that asks for it."""

    participant: Participant
    rule: AgeRule


def kept_date_of_birth(user) -> datetime.date | None:
    """The date of birth kept for the account, while it is kept (until the 18th birthday)."""
    if user is None or not user.is_authenticated:
        return None
    return (
        DateOfBirth.objects.filter(user=user, kept_until__gt=timezone.localdate())
        .values_list("born_on", flat=True)
        .first()
    )


def account_consent_missing(
    user, rule: AgeRule, *, covered_by: tuple[Participant, ...] = ()
) -> bool:
    """Whether linking an account to a cohort or a country under `rule` waits for a consent.

    Needed when the date of birth kept for the account is below the rule's age
    today, or when the account's own record has an age band that may be (a
    trainer's roster record of a young person was folded into it). Given by a
    consent for the account, for its record (or one merged into it), or for one
    of `covered_by` (the roster records being joined).
    """
    if user is None or not user.is_authenticated:
        return False
    born = kept_date_of_birth(user)
    own = Participant.objects.filter(user=user).first()
    below = born is not None and below_age_of_consent(born, rule)
    if not below and (own is None or not band_needs_consent(own.age_band, rule)):
        return False
    return _no_consent(user, (*([own] if own else []), *covered_by))


def _no_consent(user, records) -> bool:
    if consent_for(user=user) is not None:
        return False
    return all(consent_for(participant=record) is None for record in records)


def joining_consent_missing(user, cohort: Cohort) -> AgeRule | None:
    """The rule that still waits for a guardian's consent before the person joins `cohort`.

    The same rule whichever way they come in (the invite code or link, an
    invitation): a roster record of this cohort that a trainer invited one of
    their addresses for, accepted or declined, stands for them
    (`consent_missing`), and so does their own account (`account_consent_missing`,
    under the cohort's country). None when nothing waits.
    """
    invited = records_invited_as(user, cohort)
    for record in invited:
        if consent_missing(record, user=user, cohort=cohort):
            return record_rule(record, cohort)
    rule = age_rule(cohort.country)
    if account_consent_missing(user, rule, covered_by=tuple(invited)):
        return rule
    return None


def merge_consent_missing(keep: Participant, duplicate: Participant) -> MemberRule | None:
    """The roster record, and the rule, that wait for a guardian's consent before a merge links
    it to an account; None when the merge links no account to a young person's record.

    One of the two records has an account, the other is a roster record: its
    age band may be below the age of its country, or the account would join
    one of its cohorts while below the age there (`account_consent_missing`).
    A consent for the account or for either record is enough.
    """
    if bool(keep.user_id) == bool(duplicate.user_id):
        return None
    account_record, roster = (keep, duplicate) if keep.user_id else (duplicate, keep)
    user = account_record.user
    rule = record_rule(roster)
    if band_needs_consent(roster.age_band, rule) and _no_consent(user, (account_record, roster)):
        return MemberRule(roster, rule)
    cohorts = Cohort.objects.filter(memberships__participant=roster).select_related("country")
    for cohort in cohorts.order_by("pk"):
        rule = age_rule(cohort.country)
        if account_consent_missing(user, rule, covered_by=(roster,)):
            return MemberRule(roster, rule)
    return None


@dataclass
class MemberConsent:
    participant: Participant
    rule: AgeRule
    consent: GuardianConsent | None


def cohort_members_needing_consent(cohort: Cohort) -> list[MemberConsent]:
    """The cohort's members whose age band may be below the age, each with any consent recorded.

    Two queries whatever the number of members. Only what a trainer typed is
    read: the roster record's name or code and age band.
    """
    memberships = (
        CohortMembership.objects.filter(cohort=cohort)
        .exclude(participant__age_band="")
        .select_related("participant__country")
        .order_by("participant__display_name", "participant_id")
    )
    rows = []
    for membership in memberships:
        person = membership.participant
        rule = record_rule(person, cohort)
        if band_needs_consent(person.age_band, rule):
            rows.append(MemberConsent(person, rule, None))
    people = [row.participant for row in rows]
    consents = {}
    for consent in GuardianConsent.objects.filter(
        Q(participant__in=people) | Q(participant__merged_into__in=people)
    ).select_related("participant"):
        record = consent.participant
        consents.setdefault(record.merged_into_id or record.pk, consent)
    for row in rows:
        row.consent = consents.get(row.participant.pk)
    return rows


def pending_signup_for_token(pending_id: int, token_hash: str) -> PendingSignup | None:
    """The sign-up a guardian's link names, when its token matches (expired ones included)."""
    return (
        PendingSignup.objects.filter(pk=pending_id, token_hash=token_hash)
        .select_related("country")
        .first()
    )


def pending_signup_waiting(email: str) -> bool:
    """Whether a sign-up with this address still waits for a guardian (not expired)."""
    return PendingSignup.objects.filter(email=email, expires_at__gt=timezone.now()).exists()


def ages_of_digital_consent() -> QuerySet[Country]:
    """Every country with its age of digital consent, for the privacy notice."""
    return Country.objects.order_by("code").only("code", "name", "age_of_digital_consent")
