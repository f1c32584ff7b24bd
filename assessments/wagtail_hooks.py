"""The question bank and assessments in the admin, translatable with wagtail-localize."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView as SnippetDeleteView
from wagtail.snippets.views.snippets import SnippetViewSet

from accounts.admin_guards import GuardedViewSetMixin
from audit.models import AuditEntry
from audit.services import audit_record

from .admin_forms import AssessmentAdminForm, AssessmentPermissionPolicy
from .h5p.forms import H5PContentForm
from .models import Assessment, H5PContent, H5PLibrary, Question


class QuestionViewSet(GuardedViewSetMixin, SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Question bank")
    list_display = ["prompt", "kind", "locale"]
    list_filter = ["kind", "locale"]
    search_fields = ["prompt"]


register_permission_policy(Assessment, AssessmentPermissionPolicy(Assessment), exact_class=True)


class AssessmentDeleteView(SnippetDeleteView):
    """Wagtail's delete view checks only the model permission; this one also asks
    the policy about this assessment (a locked one is a coordinator's to delete)."""

    def dispatch(self, request, *args, **kwargs):
        if not self.user_has_permission_for_instance("delete", self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class AssessmentViewSet(GuardedViewSetMixin, SnippetViewSet):
    model = Assessment
    icon = "tasks"
    menu_label = _("Assessments")
    list_display = ["title", "kind", "pass_mark", "attempts_allowed", "locale"]
    list_filter = ["kind", "locale"]
    search_fields = ["title"]
    delete_view_class = AssessmentDeleteView
    # The completion settings are a coordinator's once they matter (admin_forms.py).
    edit_handler = ObjectList(Assessment.panels, base_form_class=AssessmentAdminForm)


class H5PContentViewSet(GuardedViewSetMixin, SnippetViewSet):
    model = H5PContent
    icon = "media"
    menu_label = _("H5P activities")
    list_display = ["title", "main_library", "uploaded_at", "locale"]
    list_filter = ["locale"]
    search_fields = ["title"]
    edit_handler = ObjectList(
        [FieldPanel("title"), FieldPanel("package")], base_form_class=H5PContentForm
    )


class H5PLibraryPermissionPolicy(ModelPermissionPolicy):
    """Library code arrives only inside checked packages: the admin only lists and inspects it.

    Denying add, change and delete also keeps the list and inspect pages from
    linking to views that are not routed (which answered 500 for superusers).
    """

    def user_has_permission(self, user, action):
        return action not in {"add", "change", "delete"} and super().user_has_permission(
            user, action
        )

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(
            [action for action in actions if action not in {"add", "change", "delete"}]
        )


register_permission_policy(H5PLibrary, H5PLibraryPermissionPolicy(H5PLibrary), exact_class=True)


class H5PLibraryViewSet(ModelViewSet):
    """Installed library code, read-only: it arrives only inside checked packages."""

    model = H5PLibrary
    icon = "code"
    menu_label = _("H5P libraries")
    list_display = [
        "machine_name",
        "major_version",
        "minor_version",
        "patch_version",
        "installed_at",
    ]
    search_fields = ["machine_name", "title"]
    inspect_view_enabled = True
    form_fields = ["title"]  # no add or edit views are routed (below)

    def get_urlpatterns(self):
        return [
            pattern
            for pattern in super().get_urlpatterns()
            if pattern.name in {"index", "index_results", "inspect"}
        ]


class AssessmentViewSetGroup(ViewSetGroup):
    menu_label = _("Assessments")
    menu_icon = "tasks"
    menu_order = 250
    items = (AssessmentViewSet, QuestionViewSet, H5PContentViewSet, H5PLibraryViewSet)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def audit_h5p_upload(request, instance):
    if isinstance(instance, H5PContent) and getattr(instance, "package_uploaded", False):
        audit_record(
            request,
            AuditEntry.Action.H5P_UPLOADED,
            instance,
            content_hash=instance.content_hash,
            libraries=[library.key for library in instance.libraries.all()],
        )


register_snippet(AssessmentViewSetGroup)
