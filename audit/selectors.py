from django.contrib.contenttypes.models import ContentType

from .models import AuditEntry


def audit_entries(*, target=None):
    """The trail, newest first, with the people and record types joined in."""
    entries = AuditEntry.objects.select_related("actor", "target_type")
    if target is not None:
        entries = entries.filter(
            target_type=ContentType.objects.get_for_model(target), target_id=str(target.pk)
        )
    return entries
