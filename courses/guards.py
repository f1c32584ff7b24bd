"""What views of any app call first when a URL names a cohort."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from audit.models import AuditEntry
from audit.services import audit_record

from .models import Cohort
from .selectors import access


def cohort_or_403(request, pk: int, *, manage: bool) -> Cohort:
    """The cohort, if this person may see it (or run it, with `manage`); else 403, audited."""
    cohort = get_object_or_404(Cohort.objects.select_related("country", "host_organisation"), pk=pk)
    allowed = (
        access.can_manage_cohort(request.user, cohort)
        if manage
        else access.can_view_attendance(request.user, cohort)
    )
    if not allowed:
        audit_record(request, AuditEntry.Action.ACCESS_REFUSED, cohort)
        raise PermissionDenied
    return cohort
