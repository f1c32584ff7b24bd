"""Failed background tasks in the admin, for coordinators to see what did not get done.

Coordinators alone see the list (filter by state and task): each task, how
many times it ran and failed, the last error, when it first and last failed.
A task that failed for good, or could not be queued, can be queued again (a
confirmation page, then POST): audited, and run once more with its arguments.
Nobody adds, edits or deletes a record here.
"""

from __future__ import annotations

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permissions import register_permission_policy

from accounts.admin_guards import CoordinatorsViewOnlyPolicy, GuardedViewSetMixin
from accounts.selectors import is_coordinator

from .models import FailedTask
from .services import TaskGone, failed_task_queue_again

ERROR_SHOWN_CHARACTERS = 120

# Error messages may quote an address the mail server refused: coordinators alone see them.
register_permission_policy(FailedTask, CoordinatorsViewOnlyPolicy(FailedTask))


def _task_names():
    return [
        (name, name)
        for name in FailedTask.objects.order_by("task_name")
        .values_list("task_name", flat=True)
        .distinct()
    ]


class FailedTaskFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(label=_("State"), choices=FailedTask.State.choices)
    task_name = django_filters.ChoiceFilter(label=_("Task"), choices=_task_names)

    class Meta:
        model = FailedTask
        fields = ["state", "task_name"]


def _state(row: FailedTask) -> str:
    return FailedTask.State(row.state).label


def _error(row: FailedTask) -> str:
    error = f"{row.exception_class}: {row.message}" if row.message else row.exception_class
    return error if len(error) <= ERROR_SHOWN_CHARACTERS else error[:ERROR_SHOWN_CHARACTERS] + "…"


def _arguments(row: FailedTask) -> str:
    shown = [repr(value) for value in row.arguments]
    shown += [f"{key}={value!r}" for key, value in row.keyword_arguments.items()]
    return ", ".join(shown)


class FailedTaskViewSet(GuardedViewSetMixin, ModelViewSet):
    model = FailedTask
    icon = "warning"
    menu_label = _("Failed background tasks")
    menu_order = 340
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = [
        Column("task_name", label=_("Task")),
        Column("arguments", label=_("Arguments"), accessor=_arguments),
        Column("state", label=_("State"), accessor=_state),
        "attempts",
        Column("error", label=_("Last error"), accessor=_error),
        "first_failed_at",
        "last_failed_at",
    ]
    filterset_class = FailedTaskFilterSet
    form_fields = ["state"]  # no add or edit view is routed (below)
    inspect_view_fields = [
        "task_name",
        "task_id",
        "arguments",
        "keyword_arguments",
        "state",
        "attempts",
        "exception_class",
        "message",
        "first_failed_at",
        "last_failed_at",
        "queued_again_at",
        "queued_again_by",
        "succeeded_at",
    ]

    def get_urlpatterns(self):
        routed = [
            pattern
            for pattern in super().get_urlpatterns()
            if pattern.name in {"index", "index_results", "inspect"}
        ]
        return [*routed, path("queue_again/<int:pk>/", self.queue_again, name="queue_again")]

    def queue_again(self, request, pk: int):
        """A task that failed: a page that asks, then (POST) queued again, audited."""
        if not is_coordinator(request.user):
            raise PermissionDenied
        failed_task = get_object_or_404(FailedTask, pk=pk)
        index_url = reverse(self.get_url_name("index"))
        if not failed_task.may_be_queued_again:
            messages.error(request, _("Only a task that failed can be queued again."))
            return redirect(index_url)
        if request.method == "POST":
            try:
                queued = failed_task_queue_again(failed_task, by=request.user)
            except TaskGone:
                messages.error(
                    request, _("This task no longer exists in the platform: nothing to queue.")
                )
                return redirect(index_url)
            if queued:
                messages.success(request, _("The task is queued again."))
            else:
                messages.error(request, _("Only a task that failed can be queued again."))
            return redirect(index_url)
        return TemplateResponse(
            request,
            "jobs/admin/queue_again.html",
            {
                "failed_task": failed_task,
                "arguments": _arguments(failed_task),
                "icon": self.icon,
                "back_url": index_url,
            },
        )

    def queue_again_url(self, row: FailedTask) -> str | None:
        if not row.may_be_queued_again:
            return None
        return reverse(self.get_url_name("queue_again"), args=[row.pk])

    @property
    def index_view_class(self):
        viewset = self
        base = super().index_view_class

        class FailedTaskIndexView(base):
            @cached_property
            def columns(self):
                # The task is the row's title: it links to the record and holds its buttons.
                title = self._get_title_column_class(TitleColumn)(
                    "task_name", label=_("Task"), get_url=self.get_inspect_url
                )
                return [title, *super().columns[1:]]

            def get_list_more_buttons(self, instance):
                buttons = super().get_list_more_buttons(instance)
                if url := viewset.queue_again_url(instance):
                    buttons.append(
                        MenuItem(_("Queue again"), url=url, icon_name="rotate", priority=5)
                    )
                return buttons

        return FailedTaskIndexView

    @property
    def inspect_view_class(self):
        viewset = self
        base = super().inspect_view_class

        class FailedTaskInspectView(base):
            def get_header_buttons(self):
                buttons = super().get_header_buttons()
                if url := viewset.queue_again_url(self.object):
                    buttons = [HeaderButton(_("Queue again"), url=url, priority=1), *buttons]
                return buttons

        return FailedTaskInspectView


@hooks.register("register_admin_viewset")
def register_failed_task_viewset():
    return FailedTaskViewSet()
