"""CSV and XLSX downloads of the dashboard's tables, cell for cell what the screen shows.

Each cell's text comes from `presentation.shown_table`, the function the page
renders, so a download cannot differ from the screen. In XLSX a cell the screen
shows as a number is stored as that number (with as many decimals as the
screen shows); the hidden mark and every word are text.

Names in the tables are typed by people (organisations, cohorts, trainers),
so no text cell may become a formula in a spreadsheet (formula injection):
text starting with = + - @, a tab, a carriage return or a line feed, also
after leading spaces or line breaks, gets a leading apostrophe, in CSV and in
XLSX alike, and XLSX cells are always stored as strings. Every CSV field is
quoted, so a spreadsheet that splits fields at `;` (as it does in many languages)
cannot cut "Agency;=2+3" into a name and a formula. Figures are never text:
a negative knowledge gain stays a number.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from django.http import HttpResponse
from django.utils.translation import gettext
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from courses.spreadsheets import XLSX_TYPE, cell_text, neutralised, sheet_names

from .presentation import ShownCell, shown_table, table_cells
from .suppression import ProtectedTable

__all__ = [
    "csv_bytes",
    "csv_response",
    "neutralised",
    "table_cells",
    "xlsx_bytes",
    "xlsx_response",
]


def _csv_text(cell: ShownCell) -> str:
    return cell.text if cell.is_number else neutralised(cell.text)


def csv_bytes(table: ProtectedTable) -> bytes:
    """The table as CSV in UTF-8 with a byte order mark (so Excel reads Cyrillic right)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    for line in shown_table(table).lines:
        writer.writerow([_csv_text(cell) for cell in line])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def csv_response(table: ProtectedTable, filename: str) -> HttpResponse:
    return _download(csv_bytes(table), "text/csv; charset=utf-8", filename)


def xlsx_response(
    tables: Sequence[ProtectedTable],
    filename: str,
    *,
    title: str,
    about: Iterable[tuple[str, str]] = (),
) -> HttpResponse:
    return _download(xlsx_bytes(tables, title=title, about=about), XLSX_TYPE, filename)


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _put_text(sheet, row: int, column: int, value: str, *, bold: bool = False):
    cell = sheet.cell(row=row, column=column)
    cell.value = cell_text(value)
    cell.data_type = "s"  # a string, whatever it looks like
    if bold:
        cell.font = Font(bold=True)
    return cell


def _put(sheet, row: int, column: int, shown: ShownCell, *, bold: bool = False) -> None:
    if not shown.is_number:
        cell = _put_text(sheet, row, column, shown.text, bold=bold)
        if shown.hidden or shown.kind:
            cell.alignment = Alignment(horizontal="right")
        return
    cell = sheet.cell(row=row, column=column, value=shown.number)
    cell.number_format = "0.0" if shown.decimals else "#,##0"
    if bold:
        cell.font = Font(bold=True)


def xlsx_bytes(
    tables: Sequence[ProtectedTable],
    *,
    title: str,
    about: Iterable[tuple[str, str]] = (),
) -> bytes:
    """A workbook: a first sheet saying what the figures are, then one sheet per table.

    Each table's sheet starts with its heading row; rows follow, then the total.
    """
    workbook = Workbook()
    first = workbook.active
    shown = [shown_table(table) for table in tables]
    names = sheet_names([gettext("About these figures"), *(table.title for table in shown)])
    first.title = names[0]
    _put_text(first, 1, 1, title, bold=True)
    for index, (label, value) in enumerate(about, start=3):
        _put_text(first, index, 1, label, bold=True)
        _put_text(first, index, 2, value)
    first.column_dimensions["A"].width = 22
    first.column_dimensions["B"].width = 90

    for name, table in zip(names[1:], shown, strict=True):
        sheet = workbook.create_sheet(name)
        for row_number, line in enumerate(table.lines, start=1):
            heading = row_number == 1 or (table.total is not None and line is table.total)
            for column, cell in enumerate(line, start=1):
                _put(sheet, row_number, column, cell, bold=heading)
        sheet.freeze_panes = "B2"
        sheet.column_dimensions["A"].width = 40
        for column in "BC"[: table.has_detail + table.has_parent]:
            sheet.column_dimensions[column].width = 28
    workbook.properties.title = cell_text(title)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
