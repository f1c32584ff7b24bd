"""Writing to the audit trail. Views call `audit_record`; a service whose every
change must be recorded, whatever path called it, calls `audit_record_for`.
Erasure empties the details of an erased person's entries through
`audit_entries_redact`, the trail's one change, itself recorded."""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import QuerySet

from .models import ERASED_DETAILS, AuditEntry

logger = logging.getLogger("audit")


# The record id of an entry whose target is a model class: a view across all its records
# (every country's figures, every certificate), not one of them.
ALL_RECORDS = "all"


def _append(actor, action: str, target, *, method: str, path: str, details: dict) -> AuditEntry:
    entry = AuditEntry.objects.create(
        actor=actor,
        action=action,
        target_type=ContentType.objects.get_for_model(target, for_concrete_model=True),
        target_id=ALL_RECORDS if isinstance(target, type) else str(target.pk),
        method=method[:8],
        path=path[:500],
        details=details,
    )
    logger.info(
        "%s %s:%s by user %s (%s %s)",
        action,
        entry.target_type.model,
        entry.target_id,
        actor.pk if actor else None,
        entry.method,
        entry.path,
    )
    return entry


def audit_record(request, action: str, target, **details) -> AuditEntry:
    """Append one entry: who (from the request), did what, to which record.

    `target` is a record, or a model class for a view across all its records
    (recorded as `ALL_RECORDS`). `details` must hold ids and counts only, never
    names or contact data.
    """
    actor = request.user if request.user.is_authenticated else None
    return _append(actor, action, target, method=request.method, path=request.path, details=details)


def audit_record_for(actor, action: str, target, **details) -> AuditEntry:
    """Append one entry for a change a service makes on `actor`'s behalf (no request at hand).

    `details` must hold ids, dates and counts only, never names or contact data.
    """
    return _append(actor, action, target, method="", path="", details=details)


def _declare_redacting(on: bool) -> None:
    """Tell PostgreSQL's append-only trigger (migration 0009) that this transaction erases."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('audit.redacting', %s, true)", ["on" if on else "off"]
            )


@transaction.atomic
def audit_entries_redact(entries: QuerySet[AuditEntry], *, by, erasure) -> int:
    """Empty the path and details of `entries` (an erased person's); returns how many.

    The one change the trail allows, for erasure only (privacy/services/erasure.py):
    who acted, what, on which record and when stay; the path and the details become
    empty (`details` = {"erased": true}). Entries already emptied are left alone, so
    running it twice changes nothing more. One new entry, on `erasure` (the erasure
    request), records how many were emptied and by whom (`by`: None for the platform).
    """
    entries = entries.exclude(details=ERASED_DETAILS)
    _declare_redacting(True)
    try:
        count = entries._erase_details()
    finally:
        _declare_redacting(False)
    _append(
        by,
        AuditEntry.Action.AUDIT_DETAILS_ERASED,
        erasure,
        method="",
        path="",
        details={"entries": count},
    )
    return count
