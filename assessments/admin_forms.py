"""The admin form and permission policy for assessments: who may change what decides completion."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.permission_policies import ModelPermissionPolicy

from accounts.selectors import is_coordinator
from audit.models import AuditEntry
from audit.services import audit_record_for

from .models import Assessment
from .selectors.rules import COMPLETION_SETTINGS, completion_settings_locked, course_has_cohort

LOCKED_MESSAGE = _(
    "Only a programme coordinator can change this: it decides who completes the course, "
    "and this test is required, has been taken, or its course has a cohort."
)


def _stored(instance: Assessment) -> dict:
    """The completion settings as they are in the database, comparable with the form's."""
    return {
        "required_for_completion": instance.required_for_completion,
        "pass_mark": instance.pass_mark,
        "kind": instance.kind,
        "course": instance.course_id,
    }


def _posted(cleaned_data: dict) -> dict:
    values = {name: cleaned_data.get(name) for name in COMPLETION_SETTINGS if name in cleaned_data}
    if "course" in values:
        values["course"] = values["course"].pk if values["course"] is not None else None
    return values


class AssessmentAdminForm(WagtailAdminModelForm):
    """Editors change the wording, questions and feedback; a coordinator the completion settings.

    The settings are compared with the stored row, not with what the form showed,
    so a form sent again unchanged (or a translation synced from an unchanged
    source) is never refused, and a refused form keeps what was typed.
    """

    def _by_coordinator(self) -> bool:
        return self.for_user is not None and is_coordinator(self.for_user)

    def clean(self):
        cleaned_data = super().clean()
        self.changed_settings = {}
        posted = _posted(cleaned_data)
        if self.instance.pk is None:
            # A new test required for a course that already has a cohort changes
            # who completes in it from the moment it is saved.
            if (
                posted.get("required_for_completion")
                and course_has_cohort(posted.get("course"))
                and not self._by_coordinator()
            ):
                self.add_error("required_for_completion", LOCKED_MESSAGE)
            return cleaned_data
        stored_row = Assessment.objects.get(pk=self.instance.pk)
        stored = _stored(stored_row)
        self.changed_settings = {
            name: [stored[name], value] for name, value in posted.items() if value != stored[name]
        }
        if (
            self.changed_settings
            and not self._by_coordinator()
            and (completion_settings_locked(stored_row) or course_has_cohort(posted.get("course")))
        ):
            for name in self.changed_settings:
                self.add_error(name, LOCKED_MESSAGE)
        return cleaned_data

    def save(self, commit=True):
        with transaction.atomic():
            instance = super().save(commit=commit)
            if commit and getattr(self, "changed_settings", None) and instance.pk:
                audit_record_for(
                    self.for_user,
                    AuditEntry.Action.COMPLETION_SETTINGS_CHANGED,
                    instance,
                    changed=self.changed_settings,
                )
        return instance


class AssessmentPermissionPolicy(ModelPermissionPolicy):
    """Django's delete permission deletes an assessment only while its completion
    settings are not locked (selectors.rules); after that only a coordinator does."""

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "delete" and completion_settings_locked(instance) and not is_coordinator(user):
            return False
        return super().user_has_permission_for_instance(user, action, instance)
