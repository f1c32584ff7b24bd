"""The roster import's template: an empty table with the columns the import reads, to fill in.

    roster_template_csv() -> bytes
    roster_template_xlsx(cohort) -> bytes

Both hold one row: the column names exactly as `imports.py` reads them. The
import matches no translated column names, so the names stay as they are in
every language; and nothing but that row is on the table the import reads (an
example or explanation row would be imported as a person). Filled in and
uploaded as it is, the file imports.

- CSV: UTF-8 with a byte order mark, so that Excel shows Cyrillic, ș ț or ő ű
  as typed. Separated by semicolons where the reader's language writes
  decimals with a comma (Excel there splits a CSV at semicolons), else by
  commas; the import reads either.
- XLSX: the names in bold on the first sheet, with the age bands offered in
  their column. A second sheet, which the import never reads, explains each
  column in the reader's language, lists the age bands and the organisations of
  the cohort's country.
"""

from __future__ import annotations

import codecs
import csv
import io

import openpyxl
from django.utils import formats
from django.utils.translation import gettext as _
from openpyxl.styles import Font
from openpyxl.worksheet.datavalidation import DataValidation

from ..models import Cohort, Organisation, Participant
from ..spreadsheets import cell_text, sheet_names
from .imports import COLUMNS, MAX_ROWS


def csv_delimiter() -> str:
    """The separator Excel expects in the active language: ";" where decimals take a comma."""
    return ";" if formats.get_format("DECIMAL_SEPARATOR") == "," else ","


def roster_template_csv() -> bytes:
    """The header row as CSV, UTF-8 with a byte order mark, separated as Excel expects in
    the active language."""
    text = io.StringIO()
    csv.writer(text, delimiter=csv_delimiter(), lineterminator="\r\n").writerow(COLUMNS)
    return codecs.BOM_UTF8 + text.getvalue().encode("utf-8")


def _column_help() -> list[tuple[str, str]]:
    """Each column, and what it holds, in the active language."""
    help_texts = {
        "email": _("A professional's e-mail address. They are invited to join with it."),
        "first_name": _("A professional's first name."),
        "last_name": _("A professional's last name."),
        "organisation": _(
            "Optional: where the person works or lives, as it is called on the platform (see "
            "below). Leave it empty if it is not listed."
        ),
        "name_or_code": _(
            "A young person's first name or a code, never a full name or contact details."
        ),
        "age_band": _("A young person's age band: one of the values below."),
    }
    return [(column, help_texts[column]) for column in COLUMNS]


def _explain(sheet, cohort: Cohort) -> None:
    bold = Font(bold=True)
    sheet.append([_("How to fill in the first sheet")])
    sheet["A1"].font = bold
    sheet.append(
        [
            _(
                "One person a row, below the column names; leave the column names as they are. "
                "A professional needs email, first_name and last_name; a young person needs "
                "name_or_code and age_band and no e-mail."
            )
        ]
    )
    sheet.append([])
    sheet.append([_("Column"), _("What to write")])
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    for column, help_text in _column_help():
        sheet.append([column, help_text])
    sheet.append([])
    sheet.append([_("Age band"), _("Meaning")])
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    for value, label in Participant.AgeBand.choices:
        sheet.append([value, str(label)])
    sheet.append([])
    sheet.append([cell_text(_("Organisations in %(country)s") % {"country": cohort.country})])
    sheet[f"A{sheet.max_row}"].font = bold
    names = Organisation.objects.filter(country=cohort.country).order_by("name")
    for name in names.values_list("name", flat=True):
        sheet.append([cell_text(name)])
    # Names typed by people (organisations, the country) stay text, never a formula.
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.value = cell_text(cell.value)
                cell.data_type = "s"
    sheet.column_dimensions["A"].width = 34
    sheet.column_dimensions["B"].width = 90


def roster_template_xlsx(cohort: Cohort) -> bytes:
    """The header row on the first sheet; how to fill it in on the second, in the active
    language, with the organisations of the cohort's country."""
    workbook = openpyxl.Workbook()
    roster = workbook.active
    people, explanation = sheet_names([_("People"), _("How to fill in")])
    roster.title = people
    roster.append(list(COLUMNS))
    for cell in roster[1]:
        cell.font = Font(bold=True)
        roster.column_dimensions[cell.column_letter].width = max(18, len(cell.value) + 4)
    roster.freeze_panes = "A2"
    age_band = roster.cell(row=1, column=COLUMNS.index("age_band") + 1).column_letter
    # Offered, not enforced: the import reads the bands' names in English and in the cohort's
    # language too.
    bands = DataValidation(
        type="list",
        formula1='"{}"'.format(",".join(Participant.AgeBand.values)),
        allow_blank=True,
        errorStyle="information",
    )
    bands.add(f"{age_band}2:{age_band}{MAX_ROWS + 1}")
    roster.add_data_validation(bands)
    _explain(workbook.create_sheet(explanation), cohort)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
