"""National targets: an NSG sets its own country's, a coordinator any country's.

Every write checks `may_set_targets` for the country the target has and, when
a change would move it, for the country it would get: nobody moves a target
into a country they may not set (or out of one). Each write is recorded in the
audit trail with ids, dates and numbers only (never the note, which is free text).

A target counts whole months, as every period does (period.py): it starts on
the first day of a month. Its dates lie in FIRST_DAY..LAST_DAY, and a country
has at most MAX_TARGETS_PER_COUNTRY targets (each one's period may cost a pass
over the record until the next snapshot keeps it).
"""

from __future__ import annotations

import datetime

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from audit.models import AuditEntry
from audit.services import audit_record_for
from courses.models import Country

from ..models import Target
from ..period import FIRST_DAY, LAST_DAY
from ..selectors.access import may_set_targets

CHANGEABLE = ("country", "measure", "value", "starts_on", "due_on", "note")
MAX_TARGETS_PER_COUNTRY = 20


def _check_may_set(by, country: Country) -> None:
    if by is None or not may_set_targets(by, country):
        raise PermissionDenied(_("You may set targets only for your own country."))


def _date_errors(target: Target) -> dict[str, list[str]]:
    """What is wrong with a target's dates, by field: not a month's first day, out of range."""
    errors: dict[str, list[str]] = {}
    for name in ("starts_on", "due_on"):
        day = getattr(target, name)
        if isinstance(day, datetime.date) and not FIRST_DAY <= day <= LAST_DAY:
            errors.setdefault(name, []).append(
                _("Choose a day from %(first)s to %(last)s.")
                % {
                    "first": date_format(FIRST_DAY, "DATE_FORMAT"),
                    "last": date_format(LAST_DAY, "DATE_FORMAT"),
                }
            )
    starts_on = target.starts_on
    if isinstance(starts_on, datetime.date) and starts_on.day != 1:
        errors.setdefault("starts_on", []).append(
            _(
                "Counting starts on the first day of a month, as every period of the "
                "dashboards does: choose %(day)s or another first day."
            )
            % {"day": date_format(starts_on.replace(day=1), "DATE_FORMAT")}
        )
    return errors


def _checked(target: Target) -> None:
    """The model's own checks and the dates', in one ValidationError by field."""
    errors = _date_errors(target)
    try:
        target.full_clean()
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            errors.setdefault(name, []).extend(messages)
    if errors:
        raise ValidationError(errors)


def _check_room(country: Country) -> None:
    """Refuse a target beyond MAX_TARGETS_PER_COUNTRY; the country's row is locked to count."""
    Country.objects.select_for_update().filter(pk=country.pk).first()
    if Target.objects.filter(country=country).count() >= MAX_TARGETS_PER_COUNTRY:
        raise ValidationError(
            {
                NON_FIELD_ERRORS: ngettext(
                    "%(country)s has %(count)d national target already, the most a country "
                    "can have. Change or remove one first.",
                    "%(country)s has %(count)d national targets already, the most a country "
                    "can have. Change or remove one first.",
                    MAX_TARGETS_PER_COUNTRY,
                )
                % {"country": country, "count": MAX_TARGETS_PER_COUNTRY}
            }
        )


def _facts(target: Target) -> dict:
    """What the audit trail keeps of a target: ids, dates and numbers."""
    return {
        "country_id": target.country_id,
        "measure": target.measure,
        "value": target.value,
        "starts_on": target.starts_on.isoformat(),
        "due_on": target.due_on.isoformat(),
    }


@transaction.atomic
def target_create(
    *,
    country: Country,
    measure: str,
    value: int,
    starts_on: datetime.date,
    due_on: datetime.date,
    note: str = "",
    by,
) -> Target:
    """Set a national target for `country`; refused (PermissionDenied) outside `by`'s countries.

    Raises ValidationError, with a message per field, for a value under 1, a
    start that is not the first day of a month, a due date not after the start
    or a date outside 2000-2099; and for a country that has
    MAX_TARGETS_PER_COUNTRY targets already.
    """
    _check_may_set(by, country)
    target = Target(
        country=country,
        measure=measure,
        value=value,
        starts_on=starts_on,
        due_on=due_on,
        note=note,
        created_by=by,
    )
    _checked(target)
    _check_room(country)
    target.save()
    audit_record_for(by, AuditEntry.Action.TARGET_SET, target, **_facts(target))
    return target


@transaction.atomic
def target_change(target: Target, *, by, **fields) -> Target:
    """Change a target's fields (any of CHANGEABLE); returns it as saved.

    Checked against the country stored for the target, not the object passed
    in, and against the new country when `country` changes (which must have
    room for it). Dates are checked as `target_create` checks them. Nothing is
    written when nothing changes.
    """
    unknown = set(fields) - set(CHANGEABLE)
    if unknown:
        raise TypeError(f"target_change() cannot change {', '.join(sorted(unknown))}")
    target = Target.objects.select_for_update().select_related("country").get(pk=target.pk)
    _check_may_set(by, target.country)
    new_country = fields.get("country")
    if new_country is not None and new_country.pk != target.country_id:
        _check_may_set(by, new_country)
    before, note_before = _facts(target), target.note
    for name, value in fields.items():
        setattr(target, name, value)
    _checked(target)
    if new_country is not None and new_country.pk != before["country_id"]:
        _check_room(new_country)
    after = _facts(target)
    changed = {name: [before[name], after[name]] for name in after if before[name] != after[name]}
    if not changed and target.note == note_before:
        return target
    target.save()
    audit_record_for(
        by,
        AuditEntry.Action.TARGET_CHANGED,
        target,
        changed=changed,
        note_changed=target.note != note_before,
    )
    return target


@transaction.atomic
def target_delete(target: Target, *, by) -> None:
    """Remove a target; the audit trail keeps what it was."""
    target = Target.objects.select_for_update().select_related("country").get(pk=target.pk)
    _check_may_set(by, target.country)
    audit_record_for(by, AuditEntry.Action.TARGET_REMOVED, target, **_facts(target))
    target.delete()
