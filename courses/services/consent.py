"""A guardian's consent before an account is made for a young person (GDPR art. 8).

Sign-up below the age of the chosen country (courses.selectors.consent) makes
no account. It keeps a `PendingSignup` and e-mails the guardian a link, in the
young person's language. Only when the guardian opens the link and consents is
the account made, unverified, and the consent recorded with the rule that
applied; the young person then confirms their own address as anyone does.
The guardian may refuse instead: the waiting sign-up is deleted.

- The link is a random token; only its SHA-256 is kept, so neither a copy of
  the database nor the audit trail can open it. It names one waiting sign-up
  (its id and token must match), works once (the sign-up is deleted when the
  guardian answers) and ends after `GUARDIAN_CONSENT_LINK_DAYS` (default 7).
- Nothing the browser sends later changes the rule: the country and age are
  written when the sign-up is kept, and the guardian's page reads no date or
  country from the request.
- One waiting sign-up per address. Another sign-up with that address, whatever
  date of birth it gives, makes nothing: the address is told that a sign-up
  waits and may cancel it (a signed link). The page shown is the same as for
  any sign-up, so nobody learns from it whether an address has an account or
  a sign-up waiting.
- The date of birth picks the rule. It is kept only for an account made at once
  while its holder is under 18, until their 18th birthday (`date_of_birth_keep`),
  so that a later change of country or cohort meets the same rule; never in a
  waiting sign-up.

A young person a trainer registered on a roster (an age band, no account)
needs a consent before they accept an invitation as that record, when the
band may be below the age of its country: a trainer records the guardian's
signed paper form (`guardian_consent_record_paper`, audited), or the account
accepting was itself made with a guardian's consent.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import secrets
import unicodedata
from dataclasses import dataclass

from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.emails import email_message, site_url
from accounts.models import is_coordinator
from audit.models import AuditEntry
from audit.services import audit_record_for

from ..models import (
    Cohort,
    CohortMembership,
    Country,
    DateOfBirth,
    GuardianConsent,
    Organisation,
    Participant,
    PendingSignup,
)
from ..models.invitations import normalise_email
from ..models.people import HIGHEST_AGE_OF_DIGITAL_CONSENT, country_name
from ..selectors.access import can_manage_cohort
from ..selectors.consent import AgeRule, band_needs_consent, birthday, consent_for, record_rule
from .errors import CascadeError
from .participants import participant_profile_change

logger = logging.getLogger(__name__)

CANCEL_SALT = "courses.consent.cancel-waiting-signup"


def link_days() -> int:
    """How long a guardian's link stays valid, in days."""
    return int(getattr(settings, "GUARDIAN_CONSENT_LINK_DAYS", 7))


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class SignupDetails:
    """What a sign-up form gave, from which the account is made (never a date of birth)."""

    email: str
    first_name: str
    last_name: str
    password: str
    language: str
    country: Country | None = None
    organisation: Organisation | None = None


def signup_details_save(
    user,
    *,
    first_name: str,
    last_name: str,
    language: str,
    country: Country | None,
    organisation: Organisation | None,
) -> None:
    """Give a new account its name, language and (when given) country and organisation.

    Sign-up calls it for an account made at once, and the guardian's consent for
    one made later; the person's record is made only when they said where they work.
    """
    user.first_name = first_name.strip()
    user.last_name = last_name.strip()
    user.preferred_language = (language or "")[:8]
    user.save(update_fields=["first_name", "last_name", "preferred_language"])
    if country is not None or organisation is not None:
        participant_profile_change(user, country=country, organisation=organisation, by=user)


def date_of_birth_keep(user, *, born_on: datetime.date) -> DateOfBirth | None:
    """Keep the date of birth of an account made at once while its holder is under 18.

    Until their 18th birthday (the highest age a country may set) a change of
    country, a cohort elsewhere or a coordinator's new age can put them below
    the age again; the date lets the rule be applied then. An adult's date, and
    the date of an account a guardian consented to, is not kept: returns None.
    """
    kept_until = birthday(born_on, HIGHEST_AGE_OF_DIGITAL_CONSENT)
    if kept_until <= timezone.localdate() or consent_for(user=user) is not None:
        return None
    kept, _created = DateOfBirth.objects.update_or_create(
        user=user, defaults={"born_on": born_on, "kept_until": kept_until}
    )
    return kept


def dates_of_birth_purge() -> int:
    """Delete the dates of birth of people who have turned 18 (daily). Returns how many."""
    deleted, _ = DateOfBirth.objects.filter(kept_until__lte=timezone.localdate()).delete()
    return deleted


# --- Sign-up below the age: keep it, ask the guardian -----------------------------------------


def pending_signups_purge() -> int:
    """Delete the sign-ups whose guardian did not answer in time. Returns how many."""
    deleted, _ = PendingSignup.objects.filter(expires_at__lte=timezone.now()).delete()
    return deleted


def pending_signup_create(
    details: SignupDetails, *, guardian_email: str, rule: AgeRule
) -> PendingSignup | None:
    """Keep a sign-up below the age and e-mail its guardian a link to consent.

    Returns None, keeping nothing, when a sign-up with this address already
    waits (the address is told instead, `waiting_signup_notice_send`). The
    guardian's e-mail leaves once the surrounding transaction commits.
    """
    email = details.email.strip().lower()
    guardian_email = normalise_email(guardian_email)
    if guardian_email == normalise_email(email):
        raise ValidationError(
            _("Enter the address of your parent or guardian, not your own."),
            code="own_address",
        )
    pending_signups_purge()
    token = secrets.token_urlsafe(32)
    try:
        with transaction.atomic():
            pending = PendingSignup.objects.create(
                email=email,
                first_name=details.first_name.strip(),
                last_name=details.last_name.strip(),
                password_hash=make_password(details.password),
                language=details.language,
                country=details.country,
                organisation=details.organisation,
                rule_country_code=rule.country_code,
                age_of_digital_consent=rule.age,
                guardian_email=guardian_email,
                token_hash=token_hash(token),
                expires_at=timezone.now() + datetime.timedelta(days=link_days()),
            )
    except IntegrityError:  # this address already waits
        return None
    # robust: a mail server that fails is logged (guardian_email_sent_at stays empty) rather
    # than an error page; signing up again then e-mails the address a link to start over.
    transaction.on_commit(lambda: guardian_email_send(pending.pk, token), robust=True)
    return pending


def rule_sentence(code: str, age: int) -> str:
    """The rule that applied, in words, in the active language."""
    if code:
        return _(
            "In %(country)s, an account for someone under %(age)s needs the consent of a parent "
            "or legal guardian."
        ) % {"country": country_name(code, code), "age": age}
    return _(
        "Where no country is given, an account for someone under %(age)s needs the consent of "
        "a parent or legal guardian."
    ) % {"age": age}


def guardian_email_send(pending_id: int, token: str) -> bool:
    """E-mail the guardian their link, in the young person's language. Returns whether it left.

    Sent from the request that kept the sign-up, never through the task queue:
    the link holds the token, which is stored nowhere else.
    """
    pending = PendingSignup.objects.filter(pk=pending_id).first()
    if pending is None:
        return False
    with translation.override(pending.language):
        link = site_url(reverse("consent:guardian", args=[pending.pk, token]))
        # The name is the only text the visitor chose: in the body, quoted as given, never in
        # the subject (a stranger's inbox must not show words someone else wrote).
        name = f"{pending.first_name} {pending.last_name}".strip()
        until = date_format(timezone.localtime(pending.expires_at), "DATE_FORMAT")
        subject = _("A young person asks for a parent's or guardian's consent")
        body = _(
            "Hello,\n\n"
            "Someone has signed up to %(site)s, a training platform about young people "
            "leaving care, and gave this address as the address of their parent or legal "
            "guardian. The name they gave, as they typed it: “%(name)s”.\n\n"
            "%(rule)s No account has been made yet.\n\n"
            "To read what the platform keeps and why, and to consent or refuse, open this link "
            "by %(until)s:\n%(link)s\n\n"
            "If you do not know this young person, or are not their parent or guardian, you "
            "can ignore this e-mail: nothing is made, and the request is deleted on "
            "%(until)s. The platform writes to this address about sign-ups at most a few "
            "times a day.\n"
        ) % {
            "name": name,
            "site": settings.WAGTAIL_SITE_NAME,
            "rule": rule_sentence(pending.rule_country_code, pending.age_of_digital_consent),
            "until": until,
            "link": link,
        }
        reason = _(
            "You receive this e-mail because someone signing up to %(platform)s gave this address "
            "as the address of their parent or legal guardian."
        )
    email_message(
        subject, body, to=pending.guardian_email, language=pending.language, reason=reason
    ).send()
    PendingSignup.objects.filter(pk=pending.pk).update(guardian_email_sent_at=timezone.now())
    logger.info("Guardian's consent asked for waiting sign-up %s", pending.pk)
    return True


def waiting_signup_notice_send(email: str, language: str) -> bool:
    """Tell an address that its sign-up waits for a guardian and that nothing new was made.

    With a link to cancel the waiting sign-up, for the holder of the address alone
    (a typing slip in the guardian's address, or a sign-up that was not theirs).
    """
    pending = PendingSignup.objects.filter(email=email.strip().lower()).first()
    if pending is None:
        return False
    cancel = signing.dumps(
        {"pending": pending.pk, "token": pending.token_hash[:16]}, salt=CANCEL_SALT
    )
    with translation.override(language):
        link = site_url(reverse("consent:cancel", args=[cancel]))
        until = date_format(timezone.localtime(pending.expires_at), "DATE_FORMAT")
        subject = _("A sign-up with this address is waiting for a guardian's consent")
        body = _(
            "Hello,\n\n"
            "Someone, perhaps you, has just signed up to %(site)s with this address. A "
            "sign-up with this address is already waiting for the consent of a parent or "
            "guardian, until %(until)s, so no other account was made.\n\n"
            "If the guardian's address was wrong, or that sign-up was not yours, cancel it here "
            "and sign up again:\n%(link)s\n\n"
            "Otherwise, there is nothing to do.\n"
        ) % {"site": settings.WAGTAIL_SITE_NAME, "until": until, "link": link}
        reason = _(
            "You receive this e-mail because someone signed up to %(platform)s with this address."
        )
    email_message(subject, body, to=pending.email, language=language, reason=reason).send()
    return True


def pending_signup_cancel(signed: str) -> bool:
    """Cancel the waiting sign-up a signed link names. Returns whether one was cancelled."""
    try:
        value = signing.loads(signed, salt=CANCEL_SALT, max_age=link_days() * 24 * 3600)
        pending_id, prefix = int(value["pending"]), str(value["token"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return False
    deleted, _ = PendingSignup.objects.filter(pk=pending_id, token_hash__startswith=prefix).delete()
    return bool(deleted)


# --- The guardian answers ---------------------------------------------------------------------


class ConsentLinkError(ValidationError):
    """A guardian's link that opens nothing: unknown, used, or expired (code "expired")."""


def _waiting(pending_id: int, token: str) -> PendingSignup:
    """The waiting sign-up the link names, locked; refused when the link opens nothing.

    An expired sign-up is left for `pending_signups_purge`.
    """
    pending = (
        PendingSignup.objects.select_for_update()
        .filter(pk=pending_id, token_hash=token_hash(token))
        .first()
    )
    if pending is None:
        raise ConsentLinkError(
            _("This link is not valid: it may have been used already."), code="invalid"
        )
    if pending.expires_at <= timezone.now():
        raise ConsentLinkError(
            _("This link has expired. The young person can sign up again."), code="expired"
        )
    return pending


def _address_taken(email: str) -> bool:
    User = get_user_model()
    return (
        EmailAddress.objects.filter(email__iexact=email).exists()
        or User.objects.filter(email__iexact=email).exists()
    )


def guardian_consent_give(pending_id: int, token: str, *, guardian_name: str):
    """The guardian consents: the account is made and the consent recorded. Returns the account.

    The account's address is not verified yet: its holder confirms it as after
    any sign-up. Refused (ConsentLinkError) for a link that opens nothing; when
    an account with the address was made meanwhile, the waiting sign-up is
    deleted and nothing is made.
    """
    guardian_name = unicodedata.normalize("NFC", guardian_name.strip())[:150]
    with transaction.atomic():
        pending = _waiting(pending_id, token)
        if not guardian_name:
            raise ValidationError(_("Enter your name."), code="required")
        if _address_taken(pending.email):
            pending.delete()
            user = None
        else:
            user = _account_from(pending, guardian_name=guardian_name)
    if user is None:
        raise ConsentLinkError(
            _("An account with this address exists already: nothing more is needed."),
            code="account_exists",
        )
    return user


def _account_from(pending: PendingSignup, *, guardian_name: str):
    """Make the account a guardian consented to, record the consent, forget the sign-up."""
    User = get_user_model()
    user = User(email=pending.email, first_name=pending.first_name, last_name=pending.last_name)
    user.password = pending.password_hash
    get_adapter().populate_username(None, user)
    user.save()
    EmailAddress.objects.create(user=user, email=pending.email, primary=True, verified=False)
    signup_details_save(
        user,
        first_name=pending.first_name,
        last_name=pending.last_name,
        language=pending.language,
        country=pending.country,
        organisation=pending.organisation,
    )
    consent = GuardianConsent.objects.create(
        user=user,
        guardian_name=guardian_name,
        guardian_email=pending.guardian_email,
        given_at=timezone.now(),
        method=GuardianConsent.Method.EMAIL_LINK,
        rule_country_code=pending.rule_country_code,
        age_of_digital_consent=pending.age_of_digital_consent,
    )
    pending.delete()
    audit_record_for(
        None,
        AuditEntry.Action.GUARDIAN_CONSENT_RECORDED,
        user,
        consent=consent.pk,
        method=consent.method,
        country=consent.rule_country_code,
        age=consent.age_of_digital_consent,
    )
    return user


@transaction.atomic
def guardian_consent_refuse(pending_id: int, token: str) -> None:
    """The guardian refuses: the waiting sign-up is deleted and no account is made."""
    _waiting(pending_id, token).delete()


# --- A trainer records a paper form -----------------------------------------------------------


def guardian_consent_record_paper(
    participant: Participant,
    *,
    cohort: Cohort,
    by,
    guardian_name: str,
    signed_on: datetime.date,
    guardian_email: str = "",
) -> GuardianConsent:
    """Record that a guardian signed the paper consent form for a young person on a roster.

    `by` must run the cohort and the person must be its member with an age band
    that may be below their country's age. The trainer holds the signed form;
    the record says who signed, when, and the rule that applied. Written to the
    audit trail. A second consent for the same person is refused.
    """
    if by is None or not can_manage_cohort(by, cohort):
        raise CascadeError(
            _("Only the cohort's trainers record a guardian's consent."), code="not_allowed"
        )
    if not CohortMembership.objects.filter(cohort=cohort, participant=participant).exists():
        raise CascadeError(_("This person is not a member of this cohort."), code="not_allowed")
    rule = record_rule(participant, cohort)
    if not band_needs_consent(participant.age_band, rule):
        raise ValidationError(
            _("No guardian's consent is needed at this person's age."), code="not_needed"
        )
    if signed_on > timezone.localdate():
        raise ValidationError(_("The form cannot be signed in the future."), code="future")
    guardian_name = unicodedata.normalize("NFC", guardian_name.strip())
    if not guardian_name:
        raise ValidationError(_("Enter the guardian's name."), code="required")
    with transaction.atomic():
        Participant.objects.select_for_update().filter(pk=participant.pk).first()
        if consent_for(participant=participant) is not None:
            raise ValidationError(
                _("A guardian's consent is already recorded for this person."), code="already"
            )
        consent = GuardianConsent.objects.create(
            participant=participant,
            guardian_name=guardian_name[:150],
            guardian_email=normalise_email(guardian_email) if guardian_email else "",
            given_at=timezone.make_aware(datetime.datetime.combine(signed_on, datetime.time())),
            method=GuardianConsent.Method.PAPER_FORM,
            rule_country_code=rule.country_code,
            age_of_digital_consent=rule.age,
            recorded_by=by,
        )
        audit_record_for(
            by,
            AuditEntry.Action.GUARDIAN_CONSENT_RECORDED,
            participant,
            consent=consent.pk,
            method=consent.method,
            cohort=cohort.pk,
            country=rule.country_code,
            age=rule.age,
        )
    return consent


# --- Coordinators set a country's age ---------------------------------------------------------


def country_save(country: Country, *, by) -> Country:
    """Save a country from the admin (new or changed); a new age of digital consent is audited.

    The age before is read from the database, so the entry says what changed
    whatever the form held. Coordinators only.
    """
    if by is None or not is_coordinator(by):
        raise PermissionDenied
    country.full_clean()
    with transaction.atomic():
        previous_age = (
            Country.objects.select_for_update()
            .filter(pk=country.pk)
            .values_list("age_of_digital_consent", flat=True)
            .first()
            if country.pk
            else None
        )
        country.save()
        if previous_age != country.age_of_digital_consent:
            audit_record_for(
                by,
                AuditEntry.Action.CONSENT_AGE_CHANGED,
                country,
                before=previous_age,
                after=country.age_of_digital_consent,
            )
    return country
