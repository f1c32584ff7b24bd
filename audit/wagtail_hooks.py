from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import AuditTrailView
from .models import AuditEntry
from .services import audit_record


@hooks.register("register_admin_urls")
def register_audit_trail_urls():
    return [
        path("reports/audit-trail/", AuditTrailView.as_view(), name="audit_trail"),
        path(
            "reports/audit-trail/results/",
            AuditTrailView.as_view(results_only=True),
            name="audit_trail_results",
        ),
    ]


class AuditorMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("audit.view_auditentry")


@hooks.register("register_reports_menu_item")
def register_audit_trail_menu_item():
    return AuditorMenuItem(_("Audit trail"), reverse("audit_trail"), icon_name="history", order=800)


@hooks.register("before_edit_user")
def audit_user_record_viewed(request, user):
    """Staff opening a person's account in the admin (TESTS-SECURITY 36)."""
    audit_record(request, AuditEntry.Action.RECORD_VIEWED, user)
