"""The monthly report: each NSG member receives their country's figures of the previous month.

    monthly_reports_plan(month=None) -> list[int]
    monthly_report_send(report_id, *, final_attempt=True) -> bool
    monthly_report_retry(report, *, by) -> MonthlyReport

Planning writes one `MonthlyReport` row per NSG member and country for the
month, in the member's language (the site's when they chose none); the unique
constraint makes a second plan of the same month add nothing. Sending builds
the report of that month, the PDF (reports.py) and the XLSX (exports.py) of
one `dashboard_for(country, since=first day, until=last day)`, and e-mails
both in one message.

The month is counted once, not once per recipient: planning counts it (one
pass gives every country) into the shared cache of periods
(selectors/dashboard.py), where every send of the plan finds it, kept under
the snapshot's time. A report sent again after a refresh counts the record as
it then stands.

Each report is sent once. The row is claimed (pending → sent, a conditional
UPDATE) in the transaction that sends the e-mail: a second worker's claim
waits for that transaction and then finds the row sent, and a failed e-mail
rolls the claim back. The failure is then written on the row (attempts, last
error) for coordinators to see while the task retries; once retries are
exhausted, or for an error no retry can mend, the row is "failed". A
coordinator's "send again" puts it back to pending.
"""

from __future__ import annotations

import datetime
import logging
from smtplib import SMTPException

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from accounts.emails import email_from_templates, site_url
from accounts.languages import interface_language
from accounts.models import RoleAssignment, is_coordinator
from audit.models import AuditEntry
from audit.services import audit_record_for

from .. import presentation
from ..exports import XLSX_TYPE, xlsx_bytes
from ..models import MonthlyReport
from ..reports import report_pdf
from ..selectors.dashboard import dashboard_for, period_figures, snapshot_time

logger = logging.getLogger(__name__)

# What sending may raise that a later attempt can mend (the mail server away or refusing).
SEND_ERRORS = (SMTPException, OSError, ConnectionError)

PDF_TYPE = "application/pdf"


def previous_month(today: datetime.date | None = None) -> datetime.date:
    """The first day of the month before `today` (the local date by default)."""
    today = today or timezone.localdate()
    return (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)


def month_bounds(month: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The first and the last day of `month`'s month."""
    first = month.replace(day=1)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    return first, following - datetime.timedelta(days=1)


def monthly_reports_plan(month: datetime.date | None = None) -> list[int]:
    """Plan the month's reports (the previous month by default): one per NSG member and country.

    Only active accounts with an e-mail address are planned. Safe to run twice.
    Returns the ids of the month's reports waiting to be sent, after counting
    the month once for all of them (kept in the shared cache).
    """
    month = (month or previous_month()).replace(day=1)
    assignments = (
        RoleAssignment.objects.filter(
            role=RoleAssignment.Role.NSG_MEMBER, user__is_active=True, country__isnull=False
        )
        .exclude(user__email="")
        .select_related("user")
    )
    MonthlyReport.objects.bulk_create(
        [
            MonthlyReport(
                recipient=assignment.user,
                country_id=assignment.country_id,
                month=month,
                language=interface_language(assignment.user.preferred_language),
            )
            for assignment in assignments
        ],
        ignore_conflicts=True,
    )
    waiting = list(
        MonthlyReport.objects.filter(month=month, status=MonthlyReport.Status.PENDING)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if waiting:
        first, last = month_bounds(month)
        period_figures(first, last, stamp=snapshot_time(None))
    return waiting


def _dashboard_url(country) -> str:
    try:
        path = reverse("monitoring:country", args=[country.code.lower()])
    except NoReverseMatch:
        return ""
    return site_url(path)


def monthly_report_message(report: MonthlyReport) -> EmailMultiAlternatives:
    """The report's e-mail, in its language and the platform's e-mail layout, with the month's
    PDF and XLSX attached."""
    first, last = month_bounds(report.month)
    with translation.override(report.language):
        dashboard = dashboard_for(report.country, since=first, until=last)
        context = {
            "name": report.recipient.get_full_name(),
            "country": str(report.country),
            "month": formats.date_format(first, "YEAR_MONTH_FORMAT"),
            "platform": str(settings.WAGTAIL_SITE_NAME),
            "threshold": dashboard.threshold,
            "dashboard_url": _dashboard_url(report.country),
        }
        subject = render_to_string("monitoring/email/monthly_report_subject.txt", context)
        reason = _(
            "You receive this report each month as a member of the National Steering Group of "
            "%(country)s."
        ) % {"country": context["country"]}
        pdf = report_pdf(dashboard)
        xlsx = xlsx_bytes(
            [dashboard.tables[name] for name in presentation.table_order(dashboard.tables)],
            title=" ".join(subject.split()),
            about=presentation.about_lines(dashboard),
        )
    message = email_from_templates(
        "monitoring/email/monthly_report",
        context,
        to=report.recipient.email,
        language=report.language,
        reason=reason,
    )
    name = f"{report.country.code.upper()}-{first:%Y-%m}"
    message.attach(f"{name}.pdf", pdf, PDF_TYPE)
    message.attach(f"{name}.xlsx", xlsx, XLSX_TYPE)
    return message


def monthly_report_send(report_id: int, *, final_attempt: bool = True) -> bool:
    """Send one planned report, once; returns whether this call sent it.

    A report already sent, being sent by another worker, or gone, is not sent.
    When sending fails, the attempt and the error are written on the row and
    the error is raised again (for the task to retry): the row stays pending,
    or becomes failed on the `final_attempt` or for an error that no retry
    mends.
    """
    report = (
        MonthlyReport.objects.select_related("recipient", "country")
        .filter(pk=report_id, status=MonthlyReport.Status.PENDING)
        .first()
    )
    if report is None:
        return False
    try:
        message = monthly_report_message(report)
        with transaction.atomic():
            claimed = MonthlyReport.objects.filter(
                pk=report_id, status=MonthlyReport.Status.PENDING
            ).update(
                status=MonthlyReport.Status.SENT,
                sent_at=timezone.now(),
                attempts=F("attempts") + 1,
                last_error="",
            )
            if not claimed:
                return False
            message.send()
    except Exception as error:
        final = final_attempt or not isinstance(error, SEND_ERRORS)
        _record_failure(report_id, error, final=final)
        raise
    logger.info("Monthly report %s sent", report_id)
    return True


def _record_failure(report_id: int, error: Exception, *, final: bool) -> None:
    MonthlyReport.objects.filter(pk=report_id, status=MonthlyReport.Status.PENDING).update(
        attempts=F("attempts") + 1,
        last_error=f"{type(error).__name__}: {error}"[:2000],
        status=MonthlyReport.Status.FAILED if final else MonthlyReport.Status.PENDING,
    )
    logger.warning("Monthly report %s not sent (%s)", report_id, type(error).__name__)


def monthly_report_retry(report: MonthlyReport, *, by) -> MonthlyReport:
    """A coordinator sends a failed report again: it is pending once more (the caller queues it).

    Refused to anyone but a coordinator; a report that has not failed is left as it is.
    """
    if not is_coordinator(by):
        raise PermissionDenied
    changed = MonthlyReport.objects.filter(pk=report.pk, status=MonthlyReport.Status.FAILED).update(
        status=MonthlyReport.Status.PENDING
    )
    if changed:
        audit_record_for(by, AuditEntry.Action.MONTHLY_REPORT_RESENT, report)
    report.refresh_from_db()
    return report
