from .models import AuditEntry


def audit_entries():
    """The trail, newest first, with the people and record types joined in."""
    return AuditEntry.objects.select_related("actor", "target_type")
