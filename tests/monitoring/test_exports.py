"""CSV and XLSX downloads (issue 10, point 6): cell for cell what the screen shows, names that
look like formulas kept as text (TESTS-SECURITY case 27), letters of every language intact."""

from __future__ import annotations

import codecs
import csv
import io
import unicodedata
import zipfile
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from courses.spreadsheets import sheet_names
from monitoring.exports import csv_bytes, xlsx_bytes
from monitoring.suppression import Cell, ProtectedRow, ProtectedTable
from tests.factories import sign_in as sign_in_as
from tests.monitoring.pages_world import (
    INJECTED_ORGANISATION,
    INJECTED_TRAINER,
    world_on_its_day,
)
from tests.monitoring.screen import ScreenCell, number, page, screen_tables, seen_text

pytestmark = pytest.mark.django_db

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
VIEWS = [
    ("nsg bg", "/en/monitoring/bg/"),
    ("nsg bg", "/bg/monitoring/bg/"),
    ("nsg bg", "/en/monitoring/bg/?since=2026-04&until=2026-04"),
    ("coordinator", "/en/monitoring/all/"),
    ("coordinator", "/ro/monitoring/all/"),
]


@pytest.fixture
def world():
    with world_on_its_day() as built:
        yield built


def _language(url: str) -> str:
    return url.split("/")[1]


def _given(cell: ScreenCell) -> str:
    """What a spreadsheet is given for a cell the screen shows: its text, a name that looks
    like a formula behind an apostrophe."""
    if not cell.figure and cell.text.startswith(FORMULA_STARTS):
        return "'" + cell.text
    return cell.text


def _csv(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(codecs.BOM_UTF8)
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def _workbook(response):
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    return load_workbook(io.BytesIO(response.content))


def _assert_sheet_is_the_screen(sheet, screen: list[list[ScreenCell]], language: str) -> None:
    assert sheet.max_row == len(screen)
    assert sheet.max_column == len(screen[0])
    for row_number, row in enumerate(screen, start=1):
        for column, shown in enumerate(row, start=1):
            cell = sheet.cell(row=row_number, column=column)
            figure = number(shown.text, language) if shown.figure else None
            if figure is not None:
                assert cell.data_type == "n", (sheet.title, row_number, column)
                assert Decimal(str(cell.value)) == figure, (sheet.title, row_number, column)
            else:
                assert cell.data_type == "s" or cell.value is None
                assert (cell.value or "") == _given(shown), (sheet.title, row_number, column)


@pytest.mark.parametrize(("role", "url"), VIEWS)
def test_each_csv_is_the_screen_cell_by_cell(client, world, role, url):
    sign_in_as(client, world, role)
    soup = page(client.get(url))
    tables = screen_tables(soup)
    assert len(tables) >= 11

    for name, screen in tables.items():
        link = soup.select_one(f"#table-{name} .downloads a[href*='.csv']")["href"]
        assert _csv(client.get(link)) == [[_given(cell) for cell in row] for row in screen], name


@pytest.mark.parametrize(("role", "url"), VIEWS)
def test_each_xlsx_is_the_screen_cell_by_cell(client, world, role, url):
    sign_in_as(client, world, role)
    language = _language(url)
    soup = page(client.get(url))
    tables = screen_tables(soup)
    captions = [seen_text(caption) for caption in soup.select("table caption")]

    for name, screen in tables.items():
        link = soup.select_one(f"#table-{name} .downloads a[href*='.xlsx']")["href"]
        workbook = _workbook(client.get(link))
        assert len(workbook.worksheets) == 2  # what the figures are, then the table
        _assert_sheet_is_the_screen(workbook.worksheets[1], screen, language)

    workbook_link = soup.find("a", href=lambda href: href and "/export.xlsx" in href)["href"]
    workbook = _workbook(client.get(workbook_link))
    sheets = workbook.worksheets[1:]
    assert [sheet.title for sheet in sheets] == [caption[:31] for caption in captions]
    for sheet, screen in zip(sheets, tables.values(), strict=True):
        _assert_sheet_is_the_screen(sheet, screen, language)


def test_the_first_sheet_says_whose_figures_of_which_period_as_of_when(client, world):
    sign_in_as(client, world, "nsg bg")
    url = "/en/monitoring/bg/?since=2026-04&until=2026-04"
    soup = page(client.get(url))
    response = client.get("/en/monitoring/bg/export.xlsx?since=2026-04&until=2026-04")

    assert response["Content-Disposition"] == (
        'attachment; filename="monitoring-bg-tables-2026-04-01-2026-04-30.xlsx"'
    )
    about = _workbook(response).worksheets[0]
    lines = {row[0]: row[1] for row in about.iter_rows(min_row=3, values_only=True) if row[0]}
    assert about["A1"].value == "Training reach: Bulgaria"
    assert lines["Country"] == "Bulgaria"
    assert lines["Period"] == "1 April 2026 – 30 April 2026"
    assert lines["Figures as of"] in seen_text(soup.select_one(".freshness"))
    assert lines["Small numbers"] == (
        "Numbers under 5 people are hidden (·), and so is any number that would let you work "
        "them out."
    )


def test_names_that_look_like_formulas_stay_text_in_csv_and_xlsx(client, world):
    sign_in_as(client, world, "nsg bg")

    organisations = _csv(client.get("/en/monitoring/bg/export/by_organisation.csv"))
    assert [row[0] for row in organisations if INJECTED_ORGANISATION in row[0]] == [
        "'" + INJECTED_ORGANISATION
    ]
    cohorts = _csv(client.get("/en/monitoring/bg/export/cascade_tree.csv"))
    assert "'" + INJECTED_TRAINER in [row[1] for row in cohorts]

    response = client.get("/en/monitoring/bg/export.xlsx")
    workbook = _workbook(response)
    texts = {
        cell.value: cell
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    }
    for name in (INJECTED_ORGANISATION, INJECTED_TRAINER):
        cell = texts["'" + name]
        assert cell.data_type == "s"
        assert name not in texts  # never stored as it was typed
    assert not [
        cell
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]
    with zipfile.ZipFile(io.BytesIO(response.content)) as package:
        for member in package.namelist():
            if member.startswith("xl/worksheets/"):
                assert b"<f>" not in package.read(member), member


def test_downloads_keep_every_language_s_letters(client, world):
    sign_in_as(client, world, "coordinator")

    rows = _csv(client.get("/ro/monitoring/all/export/by_organisation.csv"))
    names = [row[0] for row in rows]
    assert "Asociația Sprijin București" in names
    assert all(unicodedata.is_normalized("NFC", name) for name in names)
    cohorts = [row[0] for row in _csv(client.get("/bg/monitoring/all/export/cascade_tree.csv"))]
    assert "Национално обучение Пловдив" in cohorts
    workbook = _workbook(client.get("/ro/monitoring/all/export/by_organisation.xlsx"))
    assert "Asociația Sprijin București" in [cell.value for cell in workbook.worksheets[1]["A"]]


def test_a_download_is_named_after_its_country_table_and_period(client, world):
    sign_in_as(client, world, "coordinator")

    response = client.get("/en/monitoring/all/export/by_month.csv")
    assert response["Content-Disposition"] == 'attachment; filename="monitoring-all-by_month.csv"'
    response = client.get("/en/monitoring/bg/export/funnel.xlsx?until=2026-05")
    assert response["Content-Disposition"] == (
        'attachment; filename="monitoring-bg-funnel-2026-05-31.xlsx"'
    )
    assert client.get("/en/monitoring/bg/export/by_country.csv").status_code == 404
    assert client.get("/en/monitoring/bg/export/nothing.csv").status_code == 404
    assert client.get("/en/monitoring/all/export/by_country.xlsx").status_code == 200


# --- The writing itself, on a table made by hand ---------------------------------------------


HIDDEN = object()


def _table(labels_and_gains) -> ProtectedTable:
    def cell(measure, kind, value):
        return Cell(measure, kind, None if value is HIDDEN else value, hidden=value is HIDDEN)

    rows = [
        ProtectedRow(
            key=str(index),
            label=label,
            cells=[cell("gain_people", "people", people), cell("mean_gain", "points", gain)],
        )
        for index, (label, people, gain) in enumerate(labels_and_gains)
    ]
    return ProtectedTable(
        name="by_organisation",
        dimension="organisation",
        measures=["gain_people", "mean_gain"],
        rows=rows,
    )


def test_every_formula_start_is_neutralised_and_a_negative_figure_stays_a_number(db):
    table = _table(
        [
            ("@SUM(A1:A9)", 12, -3.5),
            ("-2+3", 7, 4.25),
            ("\tTabbed", HIDDEN, HIDDEN),
            ("\rReturned", 0, None),
            ("Fundația Inimă Deschisă", 1234, 0.0),
        ]
    )
    rows = list(csv.reader(io.StringIO(csv_bytes(table).decode("utf-8-sig"), newline="")))
    assert [row[0] for row in rows[1:]] == [
        "'@SUM(A1:A9)",
        "'-2+3",
        "'\tTabbed",
        "'\rReturned",
        "Fundația Inimă Deschisă",
    ]
    assert [row[2] for row in rows[1:]] == ["-3.5", "4.3", "·", "—", "0.0"]
    assert rows[5][1] == "1,234"

    sheet = load_workbook(io.BytesIO(xlsx_bytes([table], title="=cmd|' /C calc'!A0"))).worksheets
    assert sheet[0]["A1"].value == "'=cmd|' /C calc'!A0"
    values = [[cell.value for cell in row] for row in sheet[1].iter_rows(min_row=2)]
    assert values[0] == ["'@SUM(A1:A9)", 12, -3.5]
    assert values[1] == ["'-2+3", 7, 4.3]  # as the screen shows it, not 4.25
    assert values[2] == ["'\tTabbed", "·", "·"]
    assert values[4] == ["Fundația Inimă Deschisă", 1234, 0.0]
    assert sheet[1]["C2"].number_format == "0.0"


def test_sheet_names_are_ones_excel_accepts():
    names = sheet_names(
        [
            "About these figures",
            "Master trainers and their reach, by year",
            "Master trainers and their reach, by month",
            "What? [draft] 1/2: a\\b*",
            "",
            "A" * 30 + "'x",  # cut at 31 characters, it would end in an apostrophe
            "history",  # Excel keeps a sheet of that name for itself
        ]
    )
    assert all(0 < len(name) <= 31 for name in names)
    assert not any(name.startswith("'") or name.endswith("'") for name in names)
    assert names[5] == "A" * 30
    assert names[6] == "history (2)"
    assert len({name.casefold() for name in names}) == len(names)
    assert names[1] == "Master trainers and their reach"
    assert names[2] == "Master trainers and their r (2)"
    assert not any(character in "".join(names) for character in "[]:*?/\\")
