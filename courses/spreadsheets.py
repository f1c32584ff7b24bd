"""Spreadsheets: reading uploaded tables (CSV or XLSX) into rows, with every problem named
by its line; and, for the tables the platform writes, cells that are never formulas
(`neutralised`) and sheet names Excel accepts (`sheet_names`).

CSV files are UTF-8, with or without a byte order mark, separated by commas or
by semicolons (as Excel saves them where the comma is the decimal separator).
XLSX files are read from their first sheet; a cell that looks like a formula
(=, +, -, @) is taken as the text typed, never evaluated. Every value is
trimmed and normalised to NFC, so names in Cyrillic, Romanian ș ț, Hungarian
ő ű or Estonian õ arrive exactly as typed. Columns are matched
case-insensitively after trimming; spaces and hyphens count as underscores.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import PurePath

import openpyxl
from django.utils.translation import gettext as _
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# What a spreadsheet may read as the start of a formula (CSV and XLSX made by the platform).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


# Characters a sheet's name may not hold, and its longest name.
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_LENGTH = 31


def sheet_names(titles: Iterable[str]) -> list[str]:
    """Sheet names Excel accepts: at most 31 characters, none of []:*?/\\, no apostrophe at
    either end, not "History" (Excel keeps it), each once."""
    names: list[str] = []
    taken = {"history"}
    for title in titles:
        base = SHEET_NAME_FORBIDDEN.sub(" ", str(title)).strip(" '") or "Sheet"
        name = base[:SHEET_NAME_LENGTH].rstrip(" '")
        number = 2
        while name.casefold() in taken:
            suffix = f" ({number})"
            name = base[: SHEET_NAME_LENGTH - len(suffix)].rstrip(" '") + suffix
            number += 1
        taken.add(name.casefold())
        names.append(name)
    return names


def cell_text(value: str) -> str:
    """Text as a spreadsheet the platform writes stores it: neutralised, without the
    control characters XML refuses (openpyxl would raise on them)."""
    return neutralised(ILLEGAL_CHARACTERS_RE.sub("", value))


def neutralised(text: str) -> str:
    """Text a spreadsheet will show as text, never run as a formula.

    A spreadsheet may drop leading spaces and line breaks before it reads a
    formula, so what follows them is looked at too.
    """
    if text.startswith(FORMULA_STARTS) or text.lstrip().startswith(FORMULA_STARTS):
        return f"'{text}"
    return text


# A table of a few thousand people is far smaller; this also bounds an unpacked workbook.
MAX_FILE_BYTES = 5 * 1024 * 1024
# Our tables have a handful of columns. A sheet may declare it spans 16,384 of them
# (a few bytes of XML), and openpyxl would fill every row up to that: read no further.
MAX_COLUMNS = 64
ZIP_SIGNATURE = b"PK\x03\x04"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0"  # Excel 97-2003 (.xls)


@dataclass(frozen=True)
class RowError:
    """One problem in an imported file. `column` is empty when it concerns the whole line."""

    line: int
    column: str
    message: str


class ImportRejected(Exception):
    """The file was not imported; `errors` lists every problem found."""

    def __init__(self, errors: Iterable[RowError]):
        self.errors = list(errors)
        super().__init__("; ".join(f"line {e.line}: {e.message}" for e in self.errors))


def read_rows(
    data: bytes,
    filename: str,
    *,
    columns: tuple[str, ...],
    required: tuple[tuple[str, ...], ...],
    required_message: str,
    max_rows: int,
    aliases: dict[str, str] | None = None,
) -> list[tuple[int, dict[str, str]]]:
    """(line, {column: value}) for every non-blank row after the header.

    The header must name only known `columns`, each once, and hold every column of
    at least one of the `required` sets; `required_message` says so otherwise.
    """
    if len(data) > MAX_FILE_BYTES:
        raise too_big()
    lines = ((line, [clean(cell) for cell in cells]) for line, cells in table(data, filename))
    header = next(((line, cells) for line, cells in lines if any(cells)), None)
    if header is None:
        raise rejected(1, _("The file is empty."))
    header_line, names = _check_header(
        *header,
        columns=columns,
        aliases=aliases or {},
        required=required,
        required_message=required_message,
    )
    rows = []
    for line, cells in lines:
        if not any(cells):
            continue
        if len(rows) == max_rows:
            raise rejected(
                line,
                _("The file has more than %(limit)s people. Split it into smaller files.")
                % {"limit": max_rows},
            )
        values = dict.fromkeys(columns, "")
        for name, value in zip(names, cells, strict=False):
            if name:
                values[name] = value
        rows.append((line, values))
    if not rows:
        raise rejected(header_line + 1, _("The file has a header row but nobody in it."))
    return rows


def _check_header(
    line: int,
    cells: list[str],
    *,
    columns: tuple[str, ...],
    aliases: dict[str, str],
    required: tuple[tuple[str, ...], ...],
    required_message: str,
) -> tuple[int, list[str]]:
    """The column of every cell of the header row ("" for a cell left blank)."""
    names = [column_name(cell, aliases) for cell in cells]
    errors, seen = [], set()
    for cell, name in zip(cells, names, strict=True):
        if name and name not in columns:
            errors.append(
                RowError(
                    line,
                    cell,
                    _("Unknown column “%(column)s”. The columns are: %(columns)s.")
                    % {"column": cell, "columns": ", ".join(columns)},
                )
            )
        elif name and name in seen:
            errors.append(
                RowError(line, name, _("The column “%(column)s” appears twice.") % {"column": cell})
            )
        seen.add(name)
    if not any(set(needed) <= seen for needed in required):
        errors.append(RowError(line, "", required_message))
    if errors:
        raise ImportRejected(errors)
    return line, names


def rejected(line: int, message: str, column: str = "") -> ImportRejected:
    return ImportRejected([RowError(line, column, message)])


def not_a_table_file() -> ImportRejected:
    return rejected(
        1,
        _("This file is neither a CSV nor an Excel (.xlsx) file. Save it as one and try again."),
    )


def too_big() -> ImportRejected:
    return rejected(
        1,
        _("The file is larger than %(size)s MB. Split it into smaller files.")
        % {"size": MAX_FILE_BYTES // (1024 * 1024)},
    )


def clean(value) -> str:
    """A cell as text: trimmed, NFC, and exactly what was typed otherwise."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a code typed as 7 in a spreadsheet, not 7.0
    elif isinstance(value, datetime.datetime | datetime.date | datetime.time):
        value = value.isoformat()
    return unicodedata.normalize("NFC", str(value)).strip()


def fold(text: str) -> str:
    """The form two texts are compared in: NFC, trimmed, case-insensitive."""
    return unicodedata.normalize("NFC", clean(text).casefold())


def column_name(header: str, aliases: dict[str, str]) -> str:
    name = fold(header).lstrip("\ufeff").replace(" ", "_").replace("-", "_")
    return aliases.get(name, name)


def table(data: bytes, filename: str) -> Iterator[tuple[int, list]]:
    """(line, cells) for every line of the file, blank ones included."""
    extension = PurePath(filename or "").suffix.lower()
    if extension == ".xlsx" or (not extension and data.startswith(ZIP_SIGNATURE)):
        return _xlsx_table(data)
    if extension in {".csv", ".txt", ""}:
        return _csv_table(data)
    raise not_a_table_file()


def _csv_table(data: bytes) -> Iterator[tuple[int, list]]:
    if data.startswith((ZIP_SIGNATURE, OLE_SIGNATURE)):
        raise not_a_table_file()  # a workbook under a .csv name, or an old .xls
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise rejected(1, _save_as_utf8_message(1))
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start].decode("utf-8")
        line = before.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
        raise rejected(line, _save_as_utf8_message(line)) from None
    if "\x00" in text:
        raise not_a_table_file()
    # The separator is whichever of ; and , the header row uses more.
    header = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ";" if header.count(";") > header.count(",") else ","
    return _csv_records(text, delimiter)


def _csv_records(text: str, delimiter: str) -> Iterator[tuple[int, list]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    previous_line = 0
    try:
        for cells in reader:
            # A quoted value may run over several lines; the record starts on the first.
            yield previous_line + 1, cells
            previous_line = reader.line_num
    except csv.Error:
        raise rejected(
            previous_line + 1, _("This line cannot be read as CSV. Check its quotation marks.")
        ) from None


def _save_as_utf8_message(line: int) -> str:
    return _(
        "Line %(line)s is not UTF-8 text. Save the file as “CSV UTF-8” (in Excel: "
        "Save as, then CSV UTF-8) and import it again."
    ) % {"line": line}


def _xlsx_table(data: bytes) -> Iterator[tuple[int, list]]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except zipfile.BadZipFile:
        raise not_a_table_file() from None
    if unpacked > MAX_FILE_BYTES:
        raise too_big()
    try:
        # Not data_only: a cell typed as "=Ana" is a name, and its text is what was typed.
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # any failure to parse an uploaded workbook means the same to the user
        raise not_a_table_file() from None
    return _xlsx_records(workbook)


def _xlsx_records(workbook) -> Iterator[tuple[int, list]]:
    try:
        if not workbook.worksheets:
            return
        rows = workbook.worksheets[0].iter_rows(max_col=MAX_COLUMNS)
        for counted, cells in enumerate(rows, start=1):
            line = next((cell.row for cell in cells if getattr(cell, "row", None)), counted)
            yield line, [cell.value for cell in cells]
    except Exception:  # a damaged sheet, found only while reading it
        raise not_a_table_file() from None
    finally:
        workbook.close()
