from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from audit.models import AuditEntry
from audit.services import audit_record

from .admin_guards import CoordinatorsWritePolicy, GuardedViewSetMixin
from .models import RoleAssignment

# A role makes a person staff and opens countries' figures to them: only
# coordinators give, change or take one away, and each is audited.
register_permission_policy(RoleAssignment, CoordinatorsWritePolicy(RoleAssignment))


def _scope(role: RoleAssignment) -> dict:
    return {"role": role.role, "country": role.country_id, "assignment": role.pk}


class RoleCreateView(generic.CreateView):
    def save_instance(self):
        role = super().save_instance()
        audit_record(self.request, AuditEntry.Action.ROLE_GRANTED, role.user, **_scope(role))
        return role


class RoleEditView(generic.EditView):
    def save_instance(self):
        before = RoleAssignment.objects.select_for_update().get(pk=self.object.pk)
        role = super().save_instance()
        if before.user_id != role.user_id:
            # Handed to someone else: taken from one person, given to another.
            removed, granted = AuditEntry.Action.ROLE_REMOVED, AuditEntry.Action.ROLE_GRANTED
            audit_record(self.request, removed, before.user, **_scope(before))
            audit_record(self.request, granted, role.user, **_scope(role))
        elif _scope(before) != _scope(role):
            audit_record(
                self.request,
                AuditEntry.Action.ROLE_CHANGED,
                role.user,
                **_scope(role),
                before={"role": before.role, "country": before.country_id},
            )
        return role


class RoleDeleteView(generic.DeleteView):
    def delete_action(self):
        role = self.object
        with transaction.atomic():
            audit_record(self.request, AuditEntry.Action.ROLE_REMOVED, role.user, **_scope(role))
            super().delete_action()


class RoleAssignmentViewSet(GuardedViewSetMixin, ModelViewSet):
    """Coordinators name other coordinators and National Steering Group members."""

    model = RoleAssignment
    icon = "key"
    menu_label = _("Roles")
    add_to_settings_menu = True
    list_display = ["user", "role", "country"]
    list_filter = ["role", "country"]
    form_fields = ["user", "role", "country"]
    add_view_class = RoleCreateView
    edit_view_class = RoleEditView
    delete_view_class = RoleDeleteView


@hooks.register("register_admin_viewset")
def register_role_viewset():
    return RoleAssignmentViewSet("roles")
