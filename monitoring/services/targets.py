"""National targets: an NSG sets its own country's, a coordinator any country's.

Every write checks `may_set_targets` for the country the target has and, when
a change would move it, for the country it would get: nobody moves a target
into a country they may not set (or out of one). Each write is recorded in the
audit trail with ids, dates and numbers only (never the note, which is free text).
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from audit.models import AuditEntry
from audit.services import audit_record_for
from courses.models import Country

from ..models import Target
from ..selectors.access import may_set_targets

CHANGEABLE = ("country", "measure", "value", "starts_on", "due_on", "note")


def _check_may_set(by, country: Country) -> None:
    if by is None or not may_set_targets(by, country):
        raise PermissionDenied(_("You may set targets only for your own country."))


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

    Raises ValidationError, with a message per field, for a value under 1 or a
    due date not after the start.
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
    target.full_clean()
    target.save()
    audit_record_for(by, AuditEntry.Action.TARGET_SET, target, **_facts(target))
    return target


@transaction.atomic
def target_change(target: Target, *, by, **fields) -> Target:
    """Change a target's fields (any of CHANGEABLE); returns it as saved.

    Checked against the country stored for the target, not the object passed
    in, and against the new country when `country` changes. Nothing is written
    when nothing changes.
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
    target.full_clean()
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
