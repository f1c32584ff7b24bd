import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.reports import ReportView

from . import selectors
from .models import AuditEntry


class AuditEntryFilterSet(WagtailFilterSet):
    action = django_filters.ChoiceFilter(
        label=_("What"), choices=AuditEntry.Action.choices, empty_label=_("Everything")
    )
    occurred_at = django_filters.DateFromToRangeFilter(
        label=_("When"), widget=DateRangePickerWidget
    )
    actor = django_filters.NumberFilter(label=_("Account id of who acted"))

    class Meta:
        model = AuditEntry
        fields = ["action", "occurred_at", "actor"]


class AuditTrailView(ReportView):
    """Read-only: who viewed or changed people's records, and who was refused."""

    results_template_name = "audit/admin/audit_trail_results.html"
    page_title = _("Audit trail")
    header_icon = "history"
    index_url_name = "audit_trail"
    index_results_url_name = "audit_trail_results"
    filterset_class = AuditEntryFilterSet
    model = AuditEntry  # checked through the model's permission policy
    any_permission_required = ["view"]

    def get_queryset(self):
        return selectors.audit_entries()
