"""Writing to the audit trail. Views call this; nothing else writes entries."""

import logging

from django.contrib.contenttypes.models import ContentType

from .models import AuditEntry

logger = logging.getLogger("audit")


def audit_record(request, action: str, target, **details) -> AuditEntry:
    """Append one entry: who (from the request), did what, to which record.

    `details` must hold ids and counts only, never names or contact data.
    """
    actor = request.user if request.user.is_authenticated else None
    entry = AuditEntry.objects.create(
        actor=actor,
        action=action,
        target_type=ContentType.objects.get_for_model(target, for_concrete_model=True),
        target_id=str(target.pk),
        method=request.method[:8],
        path=request.path[:500],
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
