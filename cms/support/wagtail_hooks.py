"""The support lists in the admin: coordinators keep them, editors translate them.

- Adding, changing and deleting a service in its original language is for
  programme coordinators (the role, as for the other screens that decide what
  young people are told: accounts/admin_guards.py).
- Editors with the model's change permission (the Editors and Moderators
  groups get it with the migration) translate services with wagtail-localize;
  on a translation they may change its words only, never the country, the
  position or how to reach the service (those are synchronised from the
  original).
- Wagtail's history of each service records who created, changed or deleted it.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import EditView, SnippetViewSet

from accounts.admin_guards import CoordinatorsWritePolicy, GuardedViewSetMixin
from accounts.selectors import is_coordinator

from .models import SupportService


def is_translation(service: SupportService) -> bool:
    """Whether the service is a translation of another (its original was written first)."""
    return SupportService.objects.filter(
        translation_key=service.translation_key, pk__lt=service.pk
    ).exists()


class SupportServicePolicy(CoordinatorsWritePolicy):
    """Coordinators add, change and delete; editors (the model's change permission) change
    translations only, through `SupportServiceEditView`."""

    def _may_translate(self, user) -> bool:
        return super(CoordinatorsWritePolicy, self).user_has_permission(user, "change")

    def user_has_permission(self, user, action):
        if action == "change" and self._may_translate(user):
            return True
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "change" and not is_coordinator(user):
            return self._may_translate(user) and is_translation(instance)
        return self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)


register_permission_policy(SupportService, SupportServicePolicy(SupportService))


# What a translator may change on a translation: its words.
TRANSLATOR_PANEL = ObjectList(
    [FieldPanel("name"), FieldPanel("offer"), FieldPanel("audience")]
).bind_to_model(SupportService)


class SupportServiceEditView(EditView):
    def get_object(self, queryset=None):
        service = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", service
        ):
            raise PermissionDenied
        return service

    def _keeps_lists(self) -> bool:
        return is_coordinator(self.request.user)

    def get_panel(self):
        return super().get_panel() if self._keeps_lists() else TRANSLATOR_PANEL

    def get_form_class(self):
        if self._keeps_lists():
            return super().get_form_class()
        return TRANSLATOR_PANEL.get_form_class()


class SupportServiceViewSet(GuardedViewSetMixin, SnippetViewSet):
    model = SupportService
    icon = "help"
    menu_label = _("Support for young people")
    menu_order = 330
    add_to_admin_menu = True
    list_display = ["name", "country", "position", "is_peer_platform", "locale"]
    list_filter = ["country", "is_peer_platform", "locale"]
    search_fields = ["name", "offer"]
    edit_view_class = SupportServiceEditView
    panels = [
        FieldRowPanel([FieldPanel("country"), FieldPanel("position")]),
        FieldPanel("name"),
        FieldPanel("offer"),
        FieldPanel("audience"),
        FieldPanel("is_peer_platform"),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("phone"), FieldPanel("email")],
            heading=_("How to reach it"),
            help_text=_(
                "Leave these empty rather than guess: the page then tells young people to ask "
                "their trainer how to reach the service."
            ),
        ),
    ]


@hooks.register("register_admin_viewset")
def register_support_services():
    return SupportServiceViewSet()
