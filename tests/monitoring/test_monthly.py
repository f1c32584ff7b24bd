"""The monthly report (issue 10, point 7): each NSG member receives the previous month's report
of their country, PDF and XLSX, in their language, once; a failed send is retried with backoff,
recorded, and shown to coordinators, who can send it again.
"""

from __future__ import annotations

import io
from smtplib import SMTPException

import pytest
from celery.exceptions import Retry
from django.conf import settings
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection
from django.test import override_settings
from django.utils import translation
from openpyxl import load_workbook
from pypdf import PdfReader

from accounts.models import RoleAssignment
from audit.models import AuditEntry
from cms.celery import app as celery_app
from monitoring import presentation, tasks
from monitoring.models import MonthlyReport
from monitoring.selectors.dashboard import dashboard_for
from monitoring.services.monthly import monthly_report_send, monthly_reports_plan
from tests.admin_menu import admin_menu_urls
from tests.certificates.cascade import at_once
from tests.factories import UserFactory, clock, staff_with_mfa
from tests.monitoring.report_world import END_OF_MARCH, MARCH, REPORT_DAY, build_report_world
from tests.monitoring.screen import rounded_to_5

pytestmark = pytest.mark.django_db

LIST = "/admin/monthlyreport/"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class RefusingMailServer(BaseEmailBackend):
    """A mail server that is away: every message is refused, and each attempt counted."""

    attempts = 0

    def send_messages(self, email_messages):
        RefusingMailServer.attempts += 1
        raise SMTPException("421 Service not available, closing transmission channel")


REFUSING = "tests.monitoring.test_monthly.RefusingMailServer"


@pytest.fixture
def world():
    RefusingMailServer.attempts = 0
    return build_report_world()


@pytest.fixture
def retries_run_through(monkeypatch):
    """Eager tasks run their retries one after another (a retry is not raised to the caller)."""
    monkeypatch.setitem(celery_app.conf, "task_eager_propagates", False)


def plan_and_send(capture) -> int:
    """What beat does on 1 April 2026 at 06:00; returns how many reports were queued."""
    with clock(REPORT_DAY), capture(execute=True):
        return tasks.plan_monthly_reports.delay().get()


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def failed_report(world) -> MonthlyReport:
    """The Bulgarian member's report of March, after every attempt to send it failed."""
    with clock(REPORT_DAY):
        monthly_reports_plan()
    report = MonthlyReport.objects.get(recipient=world.nsg_bulgarian)
    with (
        override_settings(EMAIL_BACKEND=REFUSING),
        clock(REPORT_DAY),
        pytest.MonkeyPatch.context() as patch,
    ):
        patch.setitem(celery_app.conf, "task_eager_propagates", False)
        tasks.send_monthly_report.apply(args=[report.pk])
    report.refresh_from_db()
    return report


# --- Planning ---------------------------------------------------------------------------------


def test_the_plan_writes_one_report_per_member_and_country_in_their_language_once(world):
    RoleAssignment.objects.create(
        user=world.nsg_romanian, role=RoleAssignment.Role.NSG_MEMBER, country=world.bulgaria
    )
    gone = UserFactory(is_active=False)
    RoleAssignment.objects.create(
        user=gone, role=RoleAssignment.Role.NSG_MEMBER, country=world.bulgaria
    )

    with clock(REPORT_DAY):
        first = monthly_reports_plan()
        second = monthly_reports_plan()

    reports = {
        (report.recipient_id, report.country.code, report.month.isoformat(), report.language)
        for report in MonthlyReport.objects.select_related("country")
    }
    assert reports == {
        (world.nsg_bulgarian.pk, "BG", "2026-03-01", "bg"),
        (world.nsg_no_language.pk, "BG", "2026-03-01", settings.LANGUAGE_CODE),
        (world.nsg_romanian.pk, "RO", "2026-03-01", "ro"),
        (world.nsg_romanian.pk, "BG", "2026-03-01", "ro"),
    }
    assert MonthlyReport.objects.count() == 4
    assert sorted(first) == sorted(second) and len(first) == 4
    assert set(MonthlyReport.objects.values_list("status", flat=True)) == {"pending"}


# --- Sending ----------------------------------------------------------------------------------


def test_each_member_receives_last_months_report_in_their_language(
    world, django_capture_on_commit_callbacks
):
    queued = plan_and_send(django_capture_on_commit_callbacks)

    assert queued == 3
    assert sorted(message.to[0] for message in mail.outbox) == [
        "nsg.bg.2@example.org",
        "nsg.bg@example.org",
        "nsg.ro@example.org",
    ]
    by_address = {message.to[0]: message for message in mail.outbox}
    bulgarian, english, romanian = (
        by_address["nsg.bg@example.org"],
        by_address["nsg.bg.2@example.org"],
        by_address["nsg.ro@example.org"],
    )
    assert "България" in bulgarian.subject and "март 2026" in bulgarian.subject
    assert "Bulgaria" in english.subject and "March 2026" in english.subject
    assert "România" in romanian.subject and "martie 2026" in romanian.subject
    for message in mail.outbox:
        code = "RO" if message is romanian else "BG"
        assert message.content_subtype == "plain"
        assert [alternative.mimetype for alternative in message.alternatives] == ["text/html"]
        assert [(name, kind) for name, _content, kind in message.attachments] == [
            (f"{code}-2026-03.pdf", "application/pdf"),
            (f"{code}-2026-03.xlsx", XLSX),
        ]
    assert "Bulgaria" in english.body and "March 2026" in english.body
    with translation.override("en"):
        assert str(settings.WAGTAIL_SITE_NAME) in english.body

    # The figures are March's: 13 people reached in Bulgaria then (shown as 15), 18 since the
    # beginning (shown as 20).
    in_march, since_the_beginning = rounded_to_5(13), rounded_to_5(5 + 13)
    assert (in_march, since_the_beginning) == (15, 20)
    with translation.override("bg"):
        march = dashboard_for(world.bulgaria, since=MARCH, until=END_OF_MARCH)
        until_march = dashboard_for(world.bulgaria, until=END_OF_MARCH)
    assert march.totals.cell("reached").value == in_march
    assert until_march.totals.cell("reached").value == since_the_beginning
    pdf = pdf_text(bulgarian.attachments[0][1])
    assert "България" in pdf and "1 март 2026 г. – 31 март 2026 г." in pdf
    assert f"Достигнати хора {in_march}" in pdf
    assert f"Достигнати хора {since_the_beginning}" not in pdf
    _assert_workbook_shows(bulgarian.attachments[1][1], march)

    reports = MonthlyReport.objects.all()
    assert {(report.status, report.attempts, report.last_error) for report in reports} == {
        ("sent", 1, "")
    }
    assert {report.sent_at for report in reports} == {REPORT_DAY}


def _assert_workbook_shows(content: bytes, dashboard) -> None:
    """Every sheet after the first holds one table of `dashboard`, cell for cell."""
    workbook = load_workbook(io.BytesIO(content))
    names = presentation.table_order(dashboard.tables)
    assert len(workbook.worksheets) == len(names) + 1
    with translation.override("bg"):
        for sheet, name in zip(workbook.worksheets[1:], names, strict=True):
            lines = presentation.shown_table(dashboard.tables[name]).lines
            # An empty cell of the screen is an empty cell of the sheet.
            values = [
                ["" if value is None else value for value in row]
                for row in sheet.iter_rows(values_only=True)
            ]
            assert len(values) == len(lines), name
            for line, row in zip(lines, values, strict=True):
                expected = [cell.number if cell.is_number else cell.text for cell in line]
                assert row[: len(expected)] == expected, name


def test_a_report_is_never_sent_twice(world, django_capture_on_commit_callbacks):
    plan_and_send(django_capture_on_commit_callbacks)
    report = MonthlyReport.objects.get(recipient=world.nsg_bulgarian)

    again = tasks.send_monthly_report.delay(report.pk).get()
    directly = monthly_report_send(report.pk)
    queued_again = plan_and_send(django_capture_on_commit_callbacks)

    assert again is False and directly is False and queued_again == 0
    assert len(mail.outbox) == 3
    report.refresh_from_db()
    assert (report.status, report.attempts) == ("sent", 1)


def test_a_report_another_worker_has_claimed_is_not_sent(world):
    with clock(REPORT_DAY):
        monthly_reports_plan()
    report = MonthlyReport.objects.get(recipient=world.nsg_bulgarian)
    # Another worker's claim, made between this worker's reading the row and its own claim.
    MonthlyReport.objects.filter(pk=report.pk).update(status=MonthlyReport.Status.SENT)

    assert monthly_report_send(report.pk) is False
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True)
def test_workers_racing_send_one_email():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite takes one writer at a time: the race needs PostgreSQL (make test)")
    world = build_report_world()
    with clock(REPORT_DAY):
        monthly_reports_plan()
    report = MonthlyReport.objects.get(recipient=world.nsg_bulgarian)
    mail.outbox.clear()  # what building the record sent (its commits are real here)

    results, errors = at_once([lambda: monthly_report_send(report.pk) for _worker in range(4)])

    assert errors == []
    assert sorted(results) == [False, False, False, True]
    assert [message.to for message in mail.outbox] == [[world.nsg_bulgarian.email]]
    report.refresh_from_db()
    assert (report.status, report.attempts) == ("sent", 1)


# --- When sending fails -----------------------------------------------------------------------


def test_a_failed_attempt_is_written_on_the_report_while_it_waits_for_a_retry(world):
    with clock(REPORT_DAY):
        monthly_reports_plan()
    report = MonthlyReport.objects.get(recipient=world.nsg_bulgarian)

    with override_settings(EMAIL_BACKEND=REFUSING), clock(REPORT_DAY), pytest.raises(Retry):
        tasks.send_monthly_report.delay(report.pk)  # the task asks to be run again

    report.refresh_from_db()
    assert (report.status, report.attempts, report.sent_at) == ("pending", 1, None)
    assert report.last_error == (
        "SMTPException: 421 Service not available, closing transmission channel"
    )
    assert mail.outbox == []


def test_a_send_that_keeps_failing_is_retried_five_times_then_failed(world, retries_run_through):
    with clock(REPORT_DAY):
        monthly_reports_plan()
    report = MonthlyReport.objects.get(recipient=world.nsg_bulgarian)

    with override_settings(EMAIL_BACKEND=REFUSING), clock(REPORT_DAY):
        result = tasks.send_monthly_report.apply(args=[report.pk])

    assert result.failed() and isinstance(result.result, SMTPException)
    assert RefusingMailServer.attempts == 6  # the first attempt and five retries
    report.refresh_from_db()
    assert (report.status, report.attempts, report.sent_at) == ("failed", 6, None)
    assert "421 Service not available" in report.last_error
    assert mail.outbox == []
    # A failed report is not sent by a later run of the task, nor planned again.
    assert tasks.send_monthly_report.apply(args=[report.pk]).result is False
    with clock(REPORT_DAY):
        assert report.pk not in monthly_reports_plan()
    assert mail.outbox == []


def test_the_send_task_backs_off_with_jitter_up_to_an_hour():
    task = tasks.send_monthly_report
    assert task.max_retries == 5
    assert (task.retry_backoff, task.retry_backoff_max, task.retry_jitter) == (True, 3600, True)
    assert SMTPException in task.autoretry_for and OSError in task.autoretry_for


# --- Coordinators see what failed, and send it again --------------------------------------------


def test_coordinators_see_failed_reports_and_send_them_again(
    client, world, coordinator_in_the_admin, django_capture_on_commit_callbacks
):
    report = failed_report(world)
    with clock(REPORT_DAY):
        planned = monthly_reports_plan()  # the other members' reports, still waiting

    menu = admin_menu_urls(client.get("/admin/"))
    listing = client.get(LIST)
    failed = client.get(LIST, {"status": "failed"}).content.decode()
    sent = client.get(LIST, {"status": "sent"}).content.decode()
    march = client.get(LIST, {"month": "2026-03-01"}).content.decode()

    assert LIST in menu
    assert listing.status_code == 200
    html = listing.content.decode()
    for text in (world.nsg_bulgarian.email, "Failed", "Waiting to be sent", "421 Service"):
        assert text in html, text
    assert world.nsg_bulgarian.email in failed and world.nsg_romanian.email not in failed
    assert world.nsg_bulgarian.email not in sent
    assert world.nsg_romanian.email in march and len(planned) == 2
    assert f"{LIST}send_again/{report.pk}/" in failed

    confirm = client.get(f"{LIST}send_again/{report.pk}/")
    with django_capture_on_commit_callbacks(execute=True), clock(REPORT_DAY):
        sent_again = client.post(f"{LIST}send_again/{report.pk}/")

    assert confirm.status_code == 200 and "421 Service" in confirm.content.decode()
    assert sent_again.status_code == 302
    assert [message.to for message in mail.outbox] == [[world.nsg_bulgarian.email]]
    report.refresh_from_db()
    assert (report.status, report.attempts) == ("sent", 7)
    entry = AuditEntry.objects.get(action=AuditEntry.Action.MONTHLY_REPORT_RESENT)
    assert (entry.actor_id, entry.target_id) == (coordinator_in_the_admin.pk, str(report.pk))
    # A report that was sent is not sent again from here.
    client.post(f"{LIST}send_again/{report.pk}/")
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("who", ["an NSG member", "an editor"])
def test_nobody_else_sees_the_reports_or_sends_one_again(client, world, who):
    report = failed_report(world)
    if who == "an NSG member":
        user = world.nsg_bulgarian
    else:
        user = world.editor
        user.user_permissions.add(
            Permission.objects.get(codename="access_admin"),
            Permission.objects.get(codename="view_monthlyreport"),
        )
    staff_with_mfa(client, user)

    answers = [
        client.get(LIST),
        client.get(f"{LIST}inspect/{report.pk}/"),
        client.get(f"{LIST}send_again/{report.pk}/"),
        client.post(f"{LIST}send_again/{report.pk}/"),
    ]

    for answer in answers:
        assert answer.status_code in (302, 403)
        assert answer.status_code == 403 or answer["Location"] == "/admin/"
        assert world.nsg_bulgarian.email not in answer.content.decode()
    report.refresh_from_db()
    assert (report.status, report.attempts) == ("failed", 6)
    assert mail.outbox == []
    home = client.get("/admin/")
    if who == "an NSG member":
        assert home.status_code == 403  # no admin at all, so no menu
    else:
        assert LIST not in admin_menu_urls(home)
