"""Monitoring in the admin: the monthly reports, for coordinators to see what was not sent.

Coordinators alone see the list (filter by status, month and country): who
each report is for, its country and month, whether it went out, how many
attempts it took and the last error. A failed report can be sent again (a
confirmation page, then POST): it is put back to pending, audited, and queued.
Nobody adds, edits or deletes a report here.
"""

from __future__ import annotations

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import date_format
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
from courses.models import Country

from .models import MonthlyReport
from .services.monthly import monthly_report_retry
from .tasks import send_monthly_report

ERROR_SHOWN_CHARACTERS = 120


# A report names a person and their address: coordinators alone see the list.
register_permission_policy(MonthlyReport, CoordinatorsViewOnlyPolicy(MonthlyReport))


def _months():
    """The months that have reports, latest first, named in the reader's language."""
    return [
        (month.isoformat(), date_format(month, "YEAR_MONTH_FORMAT"))
        for month in MonthlyReport.objects.dates("month", "month", order="DESC")
    ]


class MonthlyReportFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=MonthlyReport.Status.choices)
    month = django_filters.ChoiceFilter(label=_("Month"), choices=_months)
    country = django_filters.ModelChoiceFilter(label=_("Country"), queryset=Country.objects.all())

    class Meta:
        model = MonthlyReport
        fields = ["status", "month", "country"]


def _recipient(report: MonthlyReport) -> str:
    """The person and the address the report goes to (a wrong address is a reason it fails)."""
    user = report.recipient
    name = user.get_full_name()
    return f"{name} <{user.email}>" if name else user.email


def _month(report: MonthlyReport) -> str:
    return date_format(report.month, "YEAR_MONTH_FORMAT")


def _status(report: MonthlyReport) -> str:
    return MonthlyReport.Status(report.status).label


def _last_error(report: MonthlyReport) -> str:
    error = report.last_error
    return error if len(error) <= ERROR_SHOWN_CHARACTERS else error[:ERROR_SHOWN_CHARACTERS] + "…"


class MonthlyReportViewSet(GuardedViewSetMixin, ModelViewSet):
    model = MonthlyReport
    icon = "mail"
    menu_label = _("Monthly reports")
    menu_order = 330
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = [
        Column("recipient", label=_("Recipient"), accessor=_recipient),
        "country",
        Column("month", label=_("Month"), accessor=_month),
        Column("status", label=_("Status"), accessor=_status),
        "attempts",
        Column("last_error", label=_("Last error"), accessor=_last_error),
        "sent_at",
    ]
    filterset_class = MonthlyReportFilterSet
    form_fields = ["status"]  # no add or edit view is routed (below)
    inspect_view_fields = [
        "recipient",
        "country",
        "month",
        "language",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "sent_at",
    ]

    def get_urlpatterns(self):
        routed = [
            pattern
            for pattern in super().get_urlpatterns()
            if pattern.name in {"index", "index_results", "inspect"}
        ]
        return [*routed, path("send_again/<int:pk>/", self.send_again, name="send_again")]

    def send_again(self, request, pk: int):
        """A failed report: a page that asks, then (POST) pending again, audited, and queued."""
        if not is_coordinator(request.user):
            raise PermissionDenied
        report = get_object_or_404(MonthlyReport.objects.select_related("recipient"), pk=pk)
        index_url = reverse(self.get_url_name("index"))
        if report.status != MonthlyReport.Status.FAILED:
            messages.error(request, _("Only a report that failed can be sent again."))
            return redirect(index_url)
        if request.method == "POST":
            report = monthly_report_retry(report, by=request.user)
            send_monthly_report.delay_on_commit(report.pk)
            messages.success(request, _("The report is queued to be sent again."))
            return redirect(index_url)
        return TemplateResponse(
            request,
            "monitoring/admin/send_again.html",
            {
                "report": report,
                "recipient": _recipient(report),
                "month": _month(report),
                "icon": self.icon,
                "back_url": index_url,
            },
        )

    def send_again_url(self, report: MonthlyReport) -> str | None:
        if report.status != MonthlyReport.Status.FAILED:
            return None
        return reverse(self.get_url_name("send_again"), args=[report.pk])

    @property
    def index_view_class(self):
        viewset = self
        base = super().index_view_class

        class MonthlyReportIndexView(base):
            def get_base_queryset(self):
                return super().get_base_queryset().select_related("recipient", "country")

            @cached_property
            def columns(self):
                # The recipient is the row's title: it links to the report and holds its buttons.
                title = self._get_title_column_class(TitleColumn)(
                    "recipient",
                    label=_("Recipient"),
                    accessor=_recipient,
                    get_url=self.get_inspect_url,
                )
                return [title, *super().columns[1:]]

            def get_list_more_buttons(self, instance):
                buttons = super().get_list_more_buttons(instance)
                if url := viewset.send_again_url(instance):
                    buttons.append(MenuItem(_("Send again"), url=url, icon_name="mail", priority=5))
                return buttons

        return MonthlyReportIndexView

    @property
    def inspect_view_class(self):
        viewset = self
        base = super().inspect_view_class

        class MonthlyReportInspectView(base):
            def get_header_buttons(self):
                buttons = super().get_header_buttons()
                if url := viewset.send_again_url(self.object):
                    buttons = [HeaderButton(_("Send again"), url=url, priority=1), *buttons]
                return buttons

        return MonthlyReportInspectView


@hooks.register("register_admin_viewset")
def register_monthly_report_viewset():
    return MonthlyReportViewSet()
