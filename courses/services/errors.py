"""The error the cohort and cascade services raise (a ValidationError with a code)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ..models.people import country_name


class CascadeError(ValidationError):
    pass


def on_the_team_refusal(cohort, person=None, *, yourself: bool = False) -> CascadeError:
    """The one refusal for someone on a cohort's team made its member, marked or accredited.

    Whoever runs a cohort is never trained, marked or accredited by it. `person`
    names them to a trainer; `yourself` speaks to the person themselves; with
    neither, the refusal names nobody (a roster file's line).
    """
    if yourself:
        message = _("You are on this cohort's team, so you cannot join it as a member.")
    elif person is None:
        message = _("This person is on the cohort's team and cannot be one of its members.")
    else:
        message = _(
            "%(person)s is on the team of “%(cohort)s” and cannot be one of its members: "
            "nobody trains or accredits themselves."
        ) % {"person": person.display_name, "cohort": cohort.name}
    return CascadeError(message, code="on_the_team")


def _rule_words(rule) -> dict:
    return {"country": country_name(rule.country_code, rule.country_code), "age": rule.age}


def guardian_consent_refusal(rule) -> CascadeError:
    """The refusal a young person gets when joining a cohort waits for a guardian's consent.

    The same words whichever way they came (the invite code, an invitation), and
    what to do: the trainer records the signed form and invites them.
    """
    return CascadeError(
        _(
            "In %(country)s, someone under %(age)s takes part only with the consent of a parent "
            "or legal guardian, and none is recorded for you. Ask the cohort's trainer for the "
            "consent form: once your parent or guardian has signed it, the trainer records it "
            "and invites you, and you accept the invitation in “My learning”."
        )
        % _rule_words(rule),
        code="guardian_consent_needed",
    )


def record_consent_refusal(person, rule) -> CascadeError:
    """The refusal staff get when their change would link a young person's account or record
    to a cohort without a guardian's consent (a merge, a move to another cohort)."""
    if rule.country_code:
        why = _(
            "%(person)s may be under %(age)s, the age of digital consent in %(country)s, and no "
            "consent of a parent or guardian is recorded for them."
        ) % {"person": person.display_name, **_rule_words(rule)}
    else:
        why = _(
            "%(person)s may be under %(age)s, the age of digital consent where no country is "
            "given, and no consent of a parent or guardian is recorded for them."
        ) % {"person": person.display_name, "age": rule.age}
    what_to_do = _(
        "A trainer of their cohort first records the consent form the guardian signed "
        "(“Young people: record a guardian's consent” on the cohort's page)."
    )
    return CascadeError(f"{why} {what_to_do}", code="guardian_consent_needed")


def country_change_refusal(rule, *, allowed_from=None) -> CascadeError:
    """The refusal a young person gets choosing a country whose age they are below, without a
    guardian's consent: their country stays, from when they may choose it, and what to do."""
    if rule.country_code:
        why = _(
            "In %(country)s, an account for someone under %(age)s needs the consent of a "
            "parent or legal guardian, and none is recorded for yours, so your country stays "
            "as it was."
        ) % _rule_words(rule)
    else:
        why = _(
            "Without a country, an account for someone under %(age)s needs the consent of a "
            "parent or legal guardian, and none is recorded for yours, so your country stays "
            "as it was."
        ) % {"age": rule.age}
    parts = [why]
    if allowed_from is not None:
        parts.append(
            _("You can change it from %(date)s.")
            % {"date": date_format(allowed_from, "DATE_FORMAT")}
        )
    if rule.country_code:
        parts.append(
            _(
                "To take part in a training there sooner, ask its trainer for the consent form: "
                "once your parent or guardian has signed it, the trainer records it and "
                "invites you."
            )
        )
    return CascadeError(" ".join(str(part) for part in parts), code="guardian_consent_needed")
