"""Periods in whole months, what a period costs and who may make it cost, and what the
downloads and the cascade tree say (an attacker's probe and a review of issue 10).

The world (pages_world.py): in Bulgaria a training of trainers in March 2026, a national
training of thirteen in April and a youth module of four in May; in Romania a training of
trainers and a national training of seventeen. Snapshots are computed at the start.
"""

from __future__ import annotations

import csv
import datetime
import io
import re

import pytest
from django.conf import settings
from django.core import mail
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone, translation
from openpyxl import load_workbook
from pypdf import PdfReader

from audit.models import AuditEntry
from courses.models import Cohort
from monitoring import presentation
from monitoring.exports import neutralised
from monitoring.models import FigureSnapshot, MonthlyReport, Target
from monitoring.period import PeriodForm
from monitoring.selectors import dashboard as dashboard_selectors
from monitoring.selectors import figures as figures_selectors
from monitoring.selectors.dashboard import dashboard_for, snapshots
from monitoring.selectors.figures import all_figures
from monitoring.services.monthly import monthly_report_send, monthly_reports_plan
from monitoring.services.snapshots import snapshots_refresh
from monitoring.services.targets import MAX_TARGETS_PER_COUNTRY, target_change, target_create
from tests.factories import at, clock, staff_with_mfa
from tests.monitoring.pages_world import build_world, nsg_member
from tests.monitoring.screen import page, screen_tables, seen_text

pytestmark = pytest.mark.django_db

APRIL = (datetime.date(2026, 4, 1), datetime.date(2026, 4, 30))
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


@pytest.fixture
def world():
    return build_world()


def sign_in(client, world, role: str) -> None:
    """`client` signed in as an NSG member or the coordinator, with their second factor."""
    client.logout()
    staff_with_mfa(client, world.users[role])


@pytest.fixture
def passes(monkeypatch):
    """Every pass over the record a dashboard asks for (the real pass, counted on its way)."""
    counted = []

    def counting(**period):
        counted.append(period)
        return all_figures(**period)

    monkeypatch.setattr(dashboard_selectors, "all_figures", counting)
    return counted


def _target(world, *, starts_on, due_on=datetime.date(2027, 3, 1), in_country=None, value=50):
    return target_create(
        country=in_country or world.bulgaria,
        measure=Target.Measure.PEOPLE_REACHED,
        value=value,
        starts_on=starts_on,
        due_on=due_on,
        by=world.users["coordinator"],
    )


def screen_of(dashboard) -> dict[str, list[list[str]]]:
    """Every table of a dashboard as the screen writes it."""
    return {name: presentation.table_cells(table) for name, table in dashboard.tables.items()}


def _pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(sheet.extract_text() for sheet in reader.pages).split())


# --- 1. Periods are whole months ---------------------------------------------------------------


def test_a_period_is_whole_months_and_a_day_in_an_old_link_stands_for_its_month(client, world):
    sign_in(client, world, "nsg bg")

    answers = [
        client.get(f"/en/monitoring/bg/?{query}")
        for query in (
            "since=2026-04&until=2026-04",
            "since=2026-04-15&until=2026-04-15",  # old links: days
            "since=2026-04-15&until=2026-04-16",  # the next day tells nothing more
        )
    ]

    assert [answer.status_code for answer in answers] == [200, 200, 200]
    tables = [screen_tables(page(answer)) for answer in answers]
    assert tables[0] == tables[1] == tables[2]
    soup = page(answers[1])
    for name, month in (("since", "2026-04"), ("until", "2026-04")):
        field = soup.select_one(f".period-form input[name={name}]")
        assert (field["type"], field["value"]) == ("month", month)
    assert "1 April 2026 – 30 April 2026" in seen_text(soup.select_one(".freshness"))
    assert soup.find("a", href="/en/monitoring/bg/export.xlsx?since=2026-04&until=2026-04")
    # The month's own figures: the April training's thirteen professionals, shown as
    # protected for April alone.
    april = all_figures(since=APRIL[0], until=APRIL[1])[world.bulgaria.pk]
    assert april.tables["by_generation"].total.values["reached"] == 13
    with translation.override("en"):
        shown = presentation.table_cells(
            dashboard_for(world.bulgaria, figures=april).tables["by_generation"]
        )
    assert [[cell.text for cell in row] for row in tables[0]["by_generation"]] == shown


def test_the_last_month_ends_today_while_it_is_under_way():
    today = datetime.date(2026, 6, 10)
    with clock(at(today, 12)):
        assert PeriodForm({"since": "2026-03", "until": "2026-06"}).period == (
            datetime.date(2026, 3, 1),
            today,
        )
        assert PeriodForm({"until": "2026-05"}).period == (None, datetime.date(2026, 5, 31))
        assert PeriodForm({"until": "2024-02-10"}).period == (None, datetime.date(2024, 2, 29))
        # Nothing has happened after today: a month to come counts up to today.
        assert PeriodForm({"until": "2026-09"}).period == (None, today)
        assert PeriodForm({"since": "2026-06-30"}).period == (datetime.date(2026, 6, 1), None)
        form = PeriodForm({"since": "2026-03-31", "until": "2026-06-02"})
        assert form.query == "since=2026-03&until=2026-06"


WRONG_PERIODS = [
    ("since=2026-13", "Enter a month as year and month, for example 2026-03."),
    ("since=2026-02-30", "Enter a month as year and month, for example 2026-03."),
    ("since=yesterday&until=2026-04", "Enter a month as year and month, for example 2026-03."),
    ("since=2026-05&until=2026-04", "The last month comes before the first."),
    ("since=1999-12", "Choose a month from January 2000 to December 2099."),
    ("until=2100-01", "Choose a month from January 2000 to December 2099."),
    ("since=2099-12", "This month has not begun yet."),
]


@pytest.mark.parametrize(("query", "error"), WRONG_PERIODS)
def test_a_wrong_period_gets_the_same_page_from_every_download_and_the_report(
    client, world, query, error
):
    sign_in(client, world, "nsg bg")

    dashboard = client.get(f"/en/monitoring/bg/?{query}")
    assert dashboard.status_code == 400
    assert error in seen_text(page(dashboard).select_one(".period-form"))

    pages = []
    for download in ("export/by_month.csv", "export/by_month.xlsx", "export.xlsx", "report.pdf"):
        response = client.get(f"/en/monitoring/bg/{download}?{query}")
        assert response.status_code == 400, download
        assert response["Content-Type"].startswith("text/html"), download
        soup = page(response)
        pages.append(
            (
                seen_text(soup.h1),
                [seen_text(item) for item in soup.select("main li")],
                soup.find("a", string="Back to the dashboard")["href"],
            )
        )
    assert pages[0][0] == "The period is not valid"
    assert any(error in item for item in pages[0][1])
    assert pages[0][2] == "/en/monitoring/bg/"
    assert pages.count(pages[0]) == len(pages)


def test_a_download_and_the_report_are_named_after_their_months_alike(client, world):
    sign_in(client, world, "nsg bg")
    query = "?since=2026-04-12&until=2026-04"

    csv_file = client.get(f"/en/monitoring/bg/export/funnel.csv{query}")
    report = client.get(f"/en/monitoring/bg/report.pdf{query}")

    assert csv_file["Content-Disposition"] == (
        'attachment; filename="monitoring-bg-funnel-2026-04-01-2026-04-30.csv"'
    )
    assert report["Content-Disposition"] == (
        'inline; filename="report-bg-2026-04-01-2026-04-30.pdf"'
    )
    assert "1 April 2026 – 30 April 2026" in _pdf_text(report.content)


# --- 1. Targets count whole months, twenty at most per country ---------------------------------


def test_a_target_starts_on_the_first_day_of_a_month(client, world):
    with pytest.raises(ValidationError) as refusal:
        _target(world, starts_on=datetime.date(2026, 3, 15))
    assert list(refusal.value.message_dict) == ["starts_on"]
    assert (
        "Counting starts on the first day of a month" in refusal.value.message_dict["starts_on"][0]
    )
    assert "1 March 2026" in refusal.value.message_dict["starts_on"][0]
    with pytest.raises(ValidationError) as refusal:
        _target(world, starts_on=datetime.date(1999, 12, 1), due_on=datetime.date(2100, 1, 1))
    assert set(refusal.value.message_dict) == {"starts_on", "due_on"}
    assert "Choose a day from 1 January 2000 to 31 December 2099." in str(refusal.value)
    target = _target(world, starts_on=datetime.date(2026, 3, 1))
    with pytest.raises(ValidationError):
        target_change(target, by=world.users["coordinator"], starts_on=datetime.date(2026, 4, 2))
    assert Target.objects.get().starts_on == datetime.date(2026, 3, 1)

    # The form asks for a month; a day (an old form, a browser without a month picker)
    # stands for its month.
    sign_in(client, world, "nsg bg")
    form = page(client.get("/en/monitoring/bg/targets/new/"))
    assert form.select_one("input[name=starts_on]")["type"] == "month"
    for typed in ("2026-05", "2026-05-20"):
        response = client.post(
            "/en/monitoring/bg/targets/new/",
            {
                "measure": Target.Measure.PEOPLE_REACHED,
                "value": "40",
                "starts_on": typed,
                "due_on": "2027-05-31",
            },
        )
        assert response.status_code == 302, typed
    assert set(Target.objects.values_list("starts_on", flat=True)) == {
        datetime.date(2026, 3, 1),
        datetime.date(2026, 5, 1),
    }
    edit = page(client.get(f"/en/monitoring/bg/targets/{target.pk}/edit/"))
    assert edit.select_one("input[name=starts_on]")["value"] == "2026-03"


def test_a_country_has_twenty_targets_at_most(client, world):
    for number in range(MAX_TARGETS_PER_COUNTRY):
        _target(world, starts_on=datetime.date(2026, 1 + number % 12, 1), value=10 + number)
    romanian = _target(world, starts_on=datetime.date(2026, 3, 1), in_country=world.romania)

    with pytest.raises(ValidationError) as refusal:
        _target(world, starts_on=datetime.date(2026, 3, 1))
    assert "Bulgaria has 20 national targets already" in str(refusal.value)
    with pytest.raises(ValidationError):  # nor moved in from another country
        target_change(romanian, by=world.users["coordinator"], country=world.bulgaria)
    assert Target.objects.filter(country=world.bulgaria).count() == MAX_TARGETS_PER_COUNTRY

    sign_in(client, world, "nsg bg")
    response = client.post(
        "/en/monitoring/bg/targets/new/",
        {
            "measure": Target.Measure.PEOPLE_REACHED,
            "value": "40",
            "starts_on": "2026-05",
            "due_on": "2027-05-31",
        },
    )
    assert response.status_code == 400
    assert "Bulgaria has 20 national targets already" in response.content.decode()
    assert Target.objects.filter(country=world.bulgaria).count() == MAX_TARGETS_PER_COUNTRY


# --- 2. A period is counted once, for every country, and not at anyone's will ------------------


def test_a_period_is_counted_once_for_every_country_until_the_next_snapshot(world, passes):
    with translation.override("en"):
        bulgaria = dashboard_for(world.bulgaria, since=APRIL[0], until=APRIL[1])
        romania = dashboard_for(world.romania, since=APRIL[0], until=APRIL[1])
        everyone = dashboard_for(None, since=APRIL[0], until=APRIL[1])
    assert len(passes) == 1
    counted = all_figures(since=APRIL[0], until=APRIL[1])
    assert [
        counted[key].tables["by_generation"].total.values["reached"]
        for key in (world.bulgaria.pk, world.romania.pk, None)
    ] == [13, 17, 30]
    with translation.override("en"):
        for dashboard, key in ((bulgaria, world.bulgaria), (romania, world.romania)):
            alone = dashboard_for(key, figures=counted[key.pk])
            assert screen_of(dashboard) == screen_of(alone)
        assert screen_of(everyone) == screen_of(dashboard_for(None, figures=counted[None]))
    assert not bulgaria.from_snapshot

    snapshots_refresh()  # newer figures: the period is counted again, once
    with translation.override("en"):
        dashboard_for(world.romania, since=APRIL[0], until=APRIL[1])
        dashboard_for(world.bulgaria, since=APRIL[0], until=APRIL[1])
    assert len(passes) == 2


@override_settings(MONITORING_PERIOD_RATE_LIMITS="3/10m/user")
def test_periods_not_counted_yet_are_limited_per_account(client, world, passes):
    assert settings.MONITORING_PERIOD_RATE_LIMITS == "3/10m/user"
    sign_in(client, world, "nsg bg")
    for month in ("2026-01", "2026-02", "2026-03"):
        assert client.get(f"/en/monitoring/bg/?since={month}&until={month}").status_code == 200
    assert len(passes) == 3

    refusals = [
        client.get("/en/monitoring/bg/?since=2026-04&until=2026-04"),
        client.get("/en/monitoring/bg/export/funnel.csv?since=2026-04&until=2026-04"),
        client.get("/en/monitoring/bg/report.pdf?since=2026-04&until=2026-04"),
    ]
    for refusal in refusals:
        assert refusal.status_code == 429
        assert "Please wait 10 minutes and try again." in refusal.content.decode()
    bulgarian = client.get("/bg/monitoring/bg/?since=2026-04&until=2026-04")
    assert bulgarian.status_code == 429
    assert "Твърде много опити" in seen_text(page(bulgarian).h1)
    assert len(passes) == 3

    # What is kept costs nothing and is never refused: the figures to date, a period
    # counted already (and its downloads), a period someone else had counted.
    assert client.get("/en/monitoring/bg/").status_code == 200
    assert client.get("/en/monitoring/bg/?since=2026-02&until=2026-02").status_code == 200
    assert (
        client.get("/en/monitoring/bg/export.xlsx?since=2026-02&until=2026-02").status_code == 200
    )
    sign_in(client, world, "coordinator")
    assert client.get("/en/monitoring/all/?since=2026-05&until=2026-05").status_code == 200
    sign_in(client, world, "nsg bg")
    assert client.get("/en/monitoring/bg/?since=2026-05&until=2026-05").status_code == 200
    assert len(passes) == 4


def test_the_default_limit_is_ten_new_periods_in_ten_minutes():
    assert settings.MONITORING_PERIOD_RATE_LIMITS == "10/10m/user"


def test_the_monthly_report_counts_its_month_once_for_every_recipient(world, passes):
    nsg_member(world.bulgaria, first_name="Second", last_name="Member")
    with clock(at(datetime.date(2026, 5, 1), 6)):
        report_ids = monthly_reports_plan(datetime.date(2026, 4, 1))
        assert len(report_ids) == 3
        for report_id in report_ids:
            assert monthly_report_send(report_id)
    assert len(mail.outbox) == 3
    assert set(MonthlyReport.objects.values_list("status", flat=True)) == {"sent"}
    assert passes == [{"since": APRIL[0], "until": APRIL[1]}]


# --- 3. Snapshots: one period read alone, kept in the process, asked for when missing ----------


def test_a_targets_period_is_read_alone_from_the_snapshot_and_kept_in_the_process(
    world, passes, django_assert_num_queries
):
    _target(world, starts_on=datetime.date(2026, 3, 1))
    _target(world, starts_on=datetime.date(2026, 4, 1))
    snapshots_refresh()
    today = timezone.localdate()
    stored = FigureSnapshot.objects.get(country=world.bulgaria).periods
    assert set(stored) == {f"2026-03-01/{today}", f"2026-04-01/{today}"}

    with translation.override("en"), CaptureQueriesContext(connection) as queries:
        first = dashboard_for(world.bulgaria, since=datetime.date(2026, 4, 1), until=today)
    assert first.from_snapshot and not passes
    reads = [query["sql"] for query in queries if "periods" in query["sql"]]
    assert reads and all(f"2026-04-01/{today}" in sql for sql in reads)
    assert not any(f"2026-03-01/{today}" in sql for sql in reads)
    # Thirteen professionals in April, four young people in May (hidden, but counted).
    counted = all_figures(since=datetime.date(2026, 4, 1), until=today)[world.bulgaria.pk]
    assert counted.tables["by_generation"].total.values["reached"] == 17
    with translation.override("en"):
        assert screen_of(first) == screen_of(dashboard_for(world.bulgaria, figures=counted))

    # The snapshot's time too is kept in the process, under the snapshots version.
    with translation.override("en"), django_assert_num_queries(0):
        again = dashboard_for(world.bulgaria, since=datetime.date(2026, 4, 1), until=today)
    assert again.computed_at == first.computed_at and again.cache_key == first.cache_key


@pytest.mark.parametrize("missing", ["every snapshot", "a new country's"])
def test_a_dashboard_without_a_snapshot_asks_for_one(client, world, missing):
    gone = FigureSnapshot.objects.all()
    if missing != "every snapshot":
        gone = gone.filter(country=world.bulgaria)
    gone.delete()
    sign_in(client, world, "nsg bg")

    response = client.get("/en/monitoring/bg/")

    assert response.status_code == 200
    assert "counted from the record" in seen_text(page(response).select_one(".freshness"))
    # Without a broker the refresh runs at once; the next visit reads the snapshot.
    assert FigureSnapshot.objects.filter(country=world.bulgaria).exists()
    response = client.get("/en/monitoring/bg/")
    assert seen_text(page(response).select_one(".freshness")).startswith("Figures as of")


# --- 4. Formulas hidden behind a semicolon or a line break -------------------------------------


def test_names_that_hide_a_formula_behind_a_semicolon_or_a_line_break_stay_text(client, world):
    youth = Cohort.objects.get(name="Youth module Sofia")
    youth.host_organisation.__class__.objects.filter(pk=youth.host_organisation_id).update(
        name="Agency;=2+3"
    )
    Cohort.objects.filter(pk=youth.pk).update(name="\n=1+1")
    snapshots_refresh()
    sign_in(client, world, "nsg bg")

    for table, name, written in (
        ("by_organisation", "Agency;=2+3", "Agency;=2+3"),
        ("cascade_tree", "\n=1+1", "'\n=1+1"),
    ):
        content = client.get(f"/en/monitoring/bg/export/{table}.csv").content.decode("utf-8-sig")
        lines = [line for line in content.split("\r\n") if line]
        # Every field quoted: a spreadsheet splitting at ";" keeps the name whole.
        for line in lines:
            assert re.fullmatch(r'"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*', line, re.DOTALL), line
        for row in csv.reader(io.StringIO(content, newline=""), delimiter=";"):
            for cell in row:
                assert not cell.lstrip().startswith(FORMULA_STARTS), (table, cell)
        names = [row[0] for row in csv.reader(io.StringIO(content, newline=""))]
        assert written in names, table
        assert name == written or name not in names, table

        workbook = load_workbook(
            io.BytesIO(client.get(f"/en/monitoring/bg/export/{table}.xlsx").content)
        )
        found = [cell for cell in workbook.worksheets[1]["A"] if cell.value == written]
        assert found and found[0].data_type == "s", table

    assert neutralised("  =1+1") == "'  =1+1"
    assert neutralised("\r\n\t@SUM(A1)") == "'\r\n\t@SUM(A1)"
    assert neutralised("Agency;=2+3") == "Agency;=2+3"
    assert neutralised("O'Neill - Sofia") == "O'Neill - Sofia"


# --- 5. Only a country code or "all" is looked up ----------------------------------------------


@pytest.mark.parametrize("scope", ["b%00", "%00bg", "bg%00", "b", "bgr", "b1", "%C3%A9s", "all%00"])
def test_an_address_that_is_no_country_code_is_not_found_or_refused(client, world, scope):
    for role, expected in (("coordinator", 404), ("nsg bg", 403)):
        sign_in(client, world, role)
        for path in (
            f"{scope}/",
            f"{scope}/export/funnel.csv",
            f"{scope}/export.xlsx",
            f"{scope}/report.pdf",
            f"{scope}/targets/new/",
        ):
            response = client.get(f"/en/monitoring/{path}")
            assert response.status_code == expected, (role, path)


# --- 6. A target id answers 404 under another country's address, to everyone ----------------


def test_another_countrys_target_id_is_not_found_whoever_asks(client, world):
    romanian = _target(world, starts_on=datetime.date(2026, 3, 1), in_country=world.romania)
    unknown = romanian.pk + 1000
    refused_before = AuditEntry.objects.filter(action=AuditEntry.Action.ACCESS_REFUSED).count()

    for role in ("nsg bg", "coordinator"):
        sign_in(client, world, role)
        for pk in (romanian.pk, unknown):
            for method, action in (("get", "edit"), ("post", "edit"), ("post", "delete")):
                response = getattr(client, method)(f"/en/monitoring/bg/targets/{pk}/{action}/")
                assert response.status_code == 404, (role, pk, method, action)
                assert "Romania" not in response.content.decode()

    assert Target.objects.filter(pk=romanian.pk, value=50).exists()
    refused = AuditEntry.objects.filter(action=AuditEntry.Action.ACCESS_REFUSED).count()
    assert refused == refused_before


# --- 7. The cascade tree: how many it leaves out, and who trained whom -------------------------


def test_the_cascade_says_how_many_cohorts_it_leaves_out(client, world, monkeypatch):
    monkeypatch.setattr(figures_selectors, "TREE_LIMIT", 2)
    snapshots_refresh()
    in_bulgaria = Cohort.objects.filter(country=world.bulgaria).exclude(
        status=Cohort.Status.CANCELLED
    )
    assert in_bulgaria.count() == 3
    sign_in(client, world, "nsg bg")

    soup = page(client.get("/en/monitoring/bg/"))

    block = soup.select_one("#table-cascade_tree")
    assert "The first 2 of 3 cohorts, by generation and start date." in seen_text(
        block.select_one("caption")
    )
    assert len(screen_tables(soup)["cascade_tree"]) == 1 + 2
    chart = " ".join(node.get_text() for node in block.select("svg text"))
    assert "1 more is not shown in this diagram." in chart
    report = _pdf_text(client.get("/en/monitoring/bg/report.pdf").content)
    assert "The first 2 of 3 cohorts, by generation and start date." in report


def test_each_cohort_names_the_cohort_that_trained_it_on_screen_and_in_the_exports(client, world):
    sign_in(client, world, "nsg bg")

    soup = page(client.get("/en/monitoring/bg/"))

    screen = screen_tables(soup)["cascade_tree"]
    headings = [cell.text for cell in screen[0]]
    assert headings[:3] == ["Cohort", "Lead trainer", "Trained by"]
    trained_by = {row[0].text: row[2].text for row in screen[1:]}
    cohorts = Cohort.objects.filter(country=world.bulgaria).select_related("parent")
    assert trained_by == {
        cohort.name: cohort.parent.name if cohort.parent else "" for cohort in cohorts
    }
    assert trained_by["Национално обучение Пловдив"] == "ToT BG"
    # The tree draws a link for each of them, and no other.
    links = soup.select("#table-cascade_tree svg path.chart-edge")
    assert len(links) == sum(1 for parent in trained_by.values() if parent)

    rows = list(
        csv.reader(
            io.StringIO(
                client.get("/en/monitoring/bg/export/cascade_tree.csv").content.decode("utf-8-sig"),
                newline="",
            )
        )
    )
    written = [
        [cell.text if cell.figure else neutralised(cell.text) for cell in row] for row in screen
    ]
    assert rows == written
    workbook = load_workbook(
        io.BytesIO(client.get("/en/monitoring/bg/export/cascade_tree.xlsx").content)
    )
    sheet = [list(row[:3]) for row in workbook.worksheets[1].iter_rows(values_only=True)]
    assert sheet == [[text or None for text in row[:3]] for row in written]


# --- Targets: the pace's margin is the one the pace uses --------------------------------------


def test_the_targets_say_the_margin_the_pace_is_measured_with(client, world, monkeypatch):
    from monitoring.selectors import targets as target_selectors

    _target(world, starts_on=datetime.date(2026, 3, 1))
    sign_in(client, world, "nsg bg")
    text = seen_text(page(client.get("/en/monitoring/bg/")).select_one(".targets"))
    assert "within 5 percentage points is on track" in text

    monkeypatch.setattr(target_selectors, "ON_TRACK_POINTS", 8)
    # A new margin comes with new code, so with new processes: they keep nothing yet.
    snapshots.forget_here()
    caches["template_fragments"].clear()
    text = seen_text(page(client.get("/en/monitoring/bg/")).select_one(".targets"))
    assert "within 8 percentage points is on track" in text
