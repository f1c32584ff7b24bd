from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .models import RoleAssignment


class RoleAssignmentViewSet(ModelViewSet):
    """Coordinators name other coordinators and National Steering Group members."""

    model = RoleAssignment
    icon = "key"
    menu_label = _("Roles")
    add_to_settings_menu = True
    list_display = ["user", "role", "country"]
    list_filter = ["role", "country"]
    form_fields = ["user", "role", "country"]


@hooks.register("register_admin_viewset")
def register_role_viewset():
    return RoleAssignmentViewSet("roles")
