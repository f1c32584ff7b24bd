"""What views of any app call first when a URL names a cohort."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from audit.models import AuditEntry
from audit.services import audit_record

from .forms import record_id
from .models import Cohort
from .selectors import access
from .trainer_pages import CohortPage, cohort_page


def cohort_or_403(request, pk: int, *, manage: bool) -> Cohort:
    """The cohort, if this person may see it (or run it, with `manage`); else 403, audited."""
    cohort = get_object_or_404(Cohort.objects.select_related("country", "host_organisation"), pk=pk)
    allowed = (
        access.can_manage_cohort(request.user, cohort)
        if manage
        else access.can_view_attendance(request.user, cohort)
    )
    if not allowed:
        _refuse(request, cohort)
    return cohort


def cohort_page_or_403(request, pk: int) -> CohortPage:
    """The cohort's kept page (trainer_pages.py), if this person may see the cohort; else 403,
    audited, as `cohort_or_403` without `manage`. No query once the page is kept."""
    # A number no database id can be names no cohort (SQLite cannot even compare it).
    page = cohort_page(pk) if record_id(str(pk)) is not None else None
    if page is None:
        raise Http404
    if not page.may_view(request.user):
        _refuse(request, page.cohort)
    return page


def _refuse(request, cohort: Cohort):
    audit_record(request, AuditEntry.Action.ACCESS_REFUSED, cohort)
    raise PermissionDenied
