"""Importing a cohort's roster from a CSV or XLSX file.

The file has a header row (line 1) and one person a row. Columns, matched
case-insensitively after trimming (spaces and hyphens count as underscores, so
"First name" and "E-mail" work too):

    email         a professional's e-mail address
    first_name    a professional's first name
    last_name     a professional's last name
    organisation  employer or care setting; optional; must exist in the cohort's country
    name_or_code  a young person's first name or a code, never a full name
    age_band      a young person's age band: a value ("14_17") or its label in
                  English or in the cohort's language ("14 to 17")

A row is either a registered professional (email, first_name, last_name) or a
roster-only young person (name_or_code, age_band, no e-mail). Other columns
are refused, so that nobody believes a phone number or a note was stored.

CSV files are UTF-8, with or without a byte order mark, separated by commas or
by semicolons (as Excel saves them where the comma is the decimal separator).
XLSX files are read from their first sheet; a cell that looks like a formula
(=, +, -, @) is taken as the text typed, never evaluated. Every value is
trimmed and normalised to NFC, so names in Cyrillic, Romanian ș ț, Hungarian
ő ű or Estonian õ are stored exactly as typed.

All rows or none: every row is checked first and every problem is reported
with its line as the user sees it in the file; if there is one, nothing is
written and `ImportRejected` carries the whole list.

One person, one participant:

- An e-mail of an existing account (case-insensitive) means that account's
  participant record, named as the account is named.
- An unknown e-mail creates a participant with the name and organisation only
  (a participant has no e-mail) and is returned in `ImportResult.invitations`
  so the caller can invite the person. When the same name with the same
  organisation is already a member of this cohort without an account, that
  member is the person (importing a file twice adds nobody).
- A young person is the participant in the cohort's country with the same
  name or code (case-insensitive) and age band and no account who is already
  a member of this cohort or of another cohort with the same lead trainer.
  Nobody else's roster is searched: two trainers' "Maria, 14 to 17" are two
  young people. Without such a participant, a new one is recorded.

A person who is already a member is not an error: they are skipped and listed
in `ImportResult.already_members`. An import fills an empty organisation on a
participant it finds; it never replaces one.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import io
import logging
import unicodedata
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import PurePath

import openpyxl
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import translation
from django.utils.translation import gettext as _

from ..models import Cohort, CohortMembership, CohortTrainer, Organisation, Participant
from .cohorts import cohort_add_member, participant_for_user

logger = logging.getLogger(__name__)

# More people than this is a mistake or several cohorts in one file.
MAX_ROWS = 2000
# A roster of MAX_ROWS people is far smaller; this also bounds an unpacked workbook.
MAX_FILE_BYTES = 5 * 1024 * 1024

PROFESSIONAL_COLUMNS = ("email", "first_name", "last_name")
YOUNG_PERSON_COLUMNS = ("name_or_code", "age_band")
COLUMNS = (*PROFESSIONAL_COLUMNS, "organisation", *YOUNG_PERSON_COLUMNS)
COLUMN_ALIASES = {"e_mail": "email"}

NAME_MAX_LENGTH = Participant._meta.get_field("display_name").max_length
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


@dataclass
class ImportResult:
    added: list[Participant] = field(default_factory=list)
    already_members: list[Participant] = field(default_factory=list)
    # (e-mail, participant) for people without an account, to be invited by the caller.
    invitations: list[tuple[str, Participant]] = field(default_factory=list)


@dataclass
class _Person:
    """A valid row, and what it turned out to mean."""

    line: int
    display_name: str
    organisation: Organisation | None
    email: str = ""
    age_band: str = ""
    user: object | None = None
    participant: Participant | None = None
    already_member: bool = False


def cohort_import_members(
    cohort: Cohort, data: bytes, filename: str, *, imported_by
) -> ImportResult:
    """Add everyone in a roster file to a cohort, or nobody (see the module docstring).

    Raises `ImportRejected` with every problem found; nothing is written then.
    """
    rows = _read_rows(data, filename)
    people, errors = _check_rows(cohort, rows)
    with transaction.atomic():
        # One import into a cohort at a time, so two uploads cannot both add a person.
        Cohort.objects.select_for_update().get(pk=cohort.pk)
        errors += _match_people(cohort, people)
        errors += _check_capacity(cohort, people)
        if errors:
            raise ImportRejected(sorted(errors, key=lambda error: error.line))
        result = _apply(cohort, people)
    logger.info(
        "Roster import into cohort %s by user %s: %s added, %s already members, %s to invite",
        cohort.pk,
        getattr(imported_by, "pk", None),
        len(result.added),
        len(result.already_members),
        len(result.invitations),
    )
    return result


# Reading the file --------------------------------------------------------------------------


def _rejected(line: int, message: str, column: str = "") -> ImportRejected:
    return ImportRejected([RowError(line, column, message)])


def _not_a_roster_file() -> ImportRejected:
    return _rejected(
        1,
        _("This file is neither a CSV nor an Excel (.xlsx) file. Save it as one and try again."),
    )


def _clean(value) -> str:
    """A cell as text: trimmed, NFC, and exactly what was typed otherwise."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a code typed as 7 in a spreadsheet, not 7.0
    elif isinstance(value, datetime.datetime | datetime.date | datetime.time):
        value = value.isoformat()
    return unicodedata.normalize("NFC", str(value)).strip()


def _fold(text: str) -> str:
    """The form two texts are compared in: NFC, trimmed, case-insensitive."""
    return unicodedata.normalize("NFC", _clean(text).casefold())


def _column_name(header: str) -> str:
    name = _fold(header).lstrip("\ufeff").replace(" ", "_").replace("-", "_")
    return COLUMN_ALIASES.get(name, name)


def _table(data: bytes, filename: str) -> Iterator[tuple[int, list]]:
    """(line, cells) for every line of the file, blank ones included."""
    extension = PurePath(filename or "").suffix.lower()
    if extension == ".xlsx" or (not extension and data.startswith(ZIP_SIGNATURE)):
        return _xlsx_table(data)
    if extension in {".csv", ".txt", ""}:
        return _csv_table(data)
    raise _not_a_roster_file()


def _csv_table(data: bytes) -> Iterator[tuple[int, list]]:
    if data.startswith((ZIP_SIGNATURE, OLE_SIGNATURE)):
        raise _not_a_roster_file()  # a workbook under a .csv name, or an old .xls
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _rejected(1, _save_as_utf8_message(1))
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start].decode("utf-8")
        line = before.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
        raise _rejected(line, _save_as_utf8_message(line)) from None
    if "\x00" in text:
        raise _not_a_roster_file()
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
        raise _rejected(
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
        raise _not_a_roster_file() from None
    if unpacked > MAX_FILE_BYTES:
        raise _too_big()
    try:
        # Not data_only: a cell typed as "=Ana" is a name, and its text is what was typed.
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # any failure to parse an uploaded workbook means the same to the user
        raise _not_a_roster_file() from None
    return _xlsx_records(workbook)


def _xlsx_records(workbook) -> Iterator[tuple[int, list]]:
    try:
        if not workbook.worksheets:
            return
        rows = workbook.worksheets[0].iter_rows()
        for counted, cells in enumerate(rows, start=1):
            line = next((cell.row for cell in cells if getattr(cell, "row", None)), counted)
            yield line, [cell.value for cell in cells]
    except Exception:  # a damaged sheet, found only while reading it
        raise _not_a_roster_file() from None
    finally:
        workbook.close()


def _too_big() -> ImportRejected:
    return _rejected(
        1,
        _("The file is larger than %(size)s MB. Split it into smaller files.")
        % {"size": MAX_FILE_BYTES // (1024 * 1024)},
    )


def _read_rows(data: bytes, filename: str) -> list[tuple[int, dict[str, str]]]:
    """(line, {column: value}) for every non-blank row after the header."""
    if len(data) > MAX_FILE_BYTES:
        raise _too_big()
    lines = ((line, [_clean(cell) for cell in cells]) for line, cells in _table(data, filename))
    header = next(((line, cells) for line, cells in lines if any(cells)), None)
    if header is None:
        raise _rejected(1, _("The file is empty."))
    header_line, columns = _check_header(*header)
    rows = []
    for line, cells in lines:
        if not any(cells):
            continue
        if len(rows) == MAX_ROWS:
            raise _rejected(
                line,
                _("The file has more than %(limit)s people. Split it into smaller files.")
                % {"limit": MAX_ROWS},
            )
        values = dict.fromkeys(COLUMNS, "")
        for name, value in zip(columns, cells, strict=False):
            if name:
                values[name] = value
        rows.append((line, values))
    if not rows:
        raise _rejected(header_line + 1, _("The file has a header row but nobody in it."))
    return rows


def _check_header(line: int, cells: list[str]) -> tuple[int, list[str]]:
    """The column of every cell of the header row ("" for a cell left blank)."""
    columns = [_column_name(cell) for cell in cells]
    errors, seen = [], set()
    for cell, name in zip(cells, columns, strict=True):
        if name and name not in COLUMNS:
            errors.append(
                RowError(
                    line,
                    cell,
                    _("Unknown column “%(column)s”. The columns are: %(columns)s.")
                    % {"column": cell, "columns": ", ".join(COLUMNS)},
                )
            )
        elif name and name in seen:
            errors.append(
                RowError(line, name, _("The column “%(column)s” appears twice.") % {"column": cell})
            )
        seen.add(name)
    if not (set(PROFESSIONAL_COLUMNS) <= seen or set(YOUNG_PERSON_COLUMNS) <= seen):
        errors.append(
            RowError(
                line,
                "",
                _(
                    "The header row needs the columns email, first_name and last_name, "
                    "or name_or_code and age_band."
                ),
            )
        )
    if errors:
        raise ImportRejected(errors)
    return line, columns


# Checking every row --------------------------------------------------------------------------


def _fold_words(text: str) -> str:
    """Folded, with runs of spaces as one: "14  to 17" is "14 to 17"."""
    return _fold(" ".join(text.split()))


def _age_bands(cohort: Cohort) -> dict[str, str]:
    """Every accepted spelling of an age band, folded, to its value."""
    spellings = {_fold(value): value for value in Participant.AgeBand.values}
    for language in ("en", cohort.language):
        with translation.override(language):
            for value, label in Participant.AgeBand.choices:
                spellings.setdefault(_fold_words(str(label)), value)
    return spellings


@dataclass
class _RowCheck:
    person: _Person | None
    # Two rows with the same key are the same person.
    key: tuple | None
    errors: list[RowError]


def _check_rows(
    cohort: Cohort, rows: list[tuple[int, dict[str, str]]]
) -> tuple[list[_Person], list[RowError]]:
    """The people in valid rows, and every problem in the others."""
    organisations = defaultdict(list)
    for organisation in Organisation.objects.filter(country=cohort.country):
        organisations[_fold(organisation.name)].append(organisation)
    age_bands = _age_bands(cohort)
    people, errors = [], []
    first_line_of = {}
    for line, values in rows:
        check = _check_row(cohort, line, values, organisations, age_bands)
        if check.key is not None:
            if check.key in first_line_of:
                check.errors.append(
                    RowError(line, "", _duplicate_message(first_line_of[check.key]))
                )
            else:
                first_line_of[check.key] = line
        errors += check.errors
        if not check.errors:
            people.append(check.person)
    return people, errors


def _check_row(
    cohort: Cohort,
    line: int,
    values: dict[str, str],
    organisations: dict[str, list[Organisation]],
    age_bands: dict[str, str],
) -> _RowCheck:
    errors = []

    def error(column: str, message: str) -> None:
        errors.append(RowError(line, column, message))

    organisation = None
    if values["organisation"]:
        matches = organisations.get(_fold(values["organisation"]), [])
        if len(matches) == 1:
            organisation = matches[0]
        else:
            names = {"name": values["organisation"], "country": cohort.country.name}
            if matches:
                message = _("More than one organisation in %(country)s is called “%(name)s”.")
            else:
                message = _("There is no organisation called “%(name)s” in %(country)s.")
            error("organisation", message % names)

    for column, value in values.items():
        if any(unicodedata.category(character) == "Cc" for character in value):
            error(column, _("A value cannot contain line breaks or tabs."))

    is_professional = any(values[column] for column in PROFESSIONAL_COLUMNS)
    for column in PROFESSIONAL_COLUMNS if is_professional else YOUNG_PERSON_COLUMNS:
        if not values[column]:
            error(column, _missing_message(column))

    key = None
    email, age_band = "", ""
    if is_professional:
        for column in YOUNG_PERSON_COLUMNS:
            if values[column]:
                error(
                    column,
                    _(
                        "A row is either a professional (e-mail and name) or a young person "
                        "(name or code and age band), not both."
                    ),
                )
        display_name = f"{values['first_name']} {values['last_name']}".strip()
        if values["email"]:
            try:
                validate_email(values["email"])
            except ValidationError:
                error(
                    "email",
                    _("“%(email)s” is not an e-mail address.") % {"email": values["email"]},
                )
            else:
                email = values["email"]
                key = ("email", email.lower())
        name_column = "last_name"
    else:
        display_name = values["name_or_code"]
        if values["age_band"]:
            age_band = age_bands.get(_fold_words(values["age_band"]), "")
            if not age_band:
                error(
                    "age_band",
                    _("Unknown age band “%(band)s”. The age bands are: %(bands)s.")
                    % {
                        "band": values["age_band"],
                        "bands": ", ".join(Participant.AgeBand.values),
                    },
                )
        if display_name and age_band:
            key = ("young person", _fold(display_name), age_band)
        name_column = "name_or_code"
    if len(display_name) > NAME_MAX_LENGTH:
        error(
            name_column,
            _("The name is longer than %(limit)s characters.") % {"limit": NAME_MAX_LENGTH},
        )

    person = None if errors else _Person(line, display_name, organisation, email, age_band)
    return _RowCheck(person, key, errors)


def _missing_message(column: str) -> str:
    messages = {
        "email": _("The e-mail is missing."),
        "first_name": _("The first name is missing."),
        "last_name": _("The last name is missing."),
        "name_or_code": _("The name or code is missing."),
        "age_band": _("The age band is missing."),
    }
    return messages[column]


def _duplicate_message(first_line: int) -> str:
    return _("This person is already on line %(line)s.") % {"line": first_line}


# Matching people to participants --------------------------------------------------------------


def _canonical(participant: Participant) -> Participant:
    """The record a merged duplicate was merged into."""
    seen = {participant.pk}
    while participant.merged_into_id and participant.merged_into_id not in seen:
        participant = participant.merged_into
        seen.add(participant.pk)
    return participant


def _match_people(cohort: Cohort, people: list[_Person]) -> list[RowError]:
    """Find the participant each person already is, if any; errors when two rows are one."""
    member_ids = set(
        CohortMembership.objects.filter(cohort=cohort).values_list("participant_id", flat=True)
    )
    users = _users_by_email({person.email for person in people if person.email})
    participant_of_user = {
        participant.user_id: participant
        for participant in Participant.objects.filter(user__in=users.values())
    }
    young_people, invited_members = _roster_only_participants(cohort, member_ids)

    errors, line_of_participant = [], {}
    for person in people:
        participant = None
        if person.email:
            person.user = users.get(person.email.lower())
            if person.user is None:
                # Invited earlier into this cohort; each row takes one such member, so two
                # namesakes with different e-mails stay two people.
                namesakes = invited_members[(_fold(person.display_name), person.organisation)]
                participant = namesakes.pop(0) if namesakes else None
            elif person.user.pk in participant_of_user:
                participant = _canonical(participant_of_user[person.user.pk])
        else:
            candidates = young_people[(_fold(person.display_name), person.age_band)]
            # The one already in this cohort, else the first recorded.
            candidates.sort(key=lambda candidate: (candidate.pk not in member_ids, candidate.pk))
            participant = candidates[0] if candidates else None
        if participant is None:
            continue
        if participant.pk in line_of_participant:
            first_line = line_of_participant[participant.pk]
            errors.append(RowError(person.line, "", _duplicate_message(first_line)))
            continue
        line_of_participant[participant.pk] = person.line
        person.participant = participant
        person.already_member = participant.pk in member_ids
    return errors


def _users_by_email(emails: set[str]) -> dict[str, object]:
    """Accounts by lower-cased e-mail address."""
    users = {}
    if emails:
        found = (
            get_user_model()
            .objects.annotate(email_lower=Lower("email"))
            .filter(email_lower__in={email.lower() for email in emails})
            .order_by("pk")
        )
        for user in found:
            users.setdefault(user.email.lower(), user)
    return users


def _roster_only_participants(cohort: Cohort, member_ids: set[int]):
    """People without an account that this cohort's lead trainer already has on a roster.

    Young people by (name, age band), from any cohort of the same lead trainer; invited
    professionals by (name, organisation), from this cohort only. Names are compared in
    Python: databases disagree on case-insensitive comparison beyond ASCII.
    """
    leads = CohortTrainer.objects.filter(cohort=cohort, role=CohortTrainer.Role.LEAD).values(
        "participant"
    )
    same_lead_cohorts = set(
        CohortTrainer.objects.filter(
            participant__in=leads, role=CohortTrainer.Role.LEAD
        ).values_list("cohort_id", flat=True)
    ) | {cohort.pk}
    young_people, invited_members = defaultdict(list), defaultdict(list)
    known = (
        Participant.objects.filter(
            country=cohort.country,
            user__isnull=True,
            merged_into__isnull=True,
            memberships__cohort__in=same_lead_cohorts,
        )
        .select_related("organisation")
        .distinct()
        .order_by("pk")
    )
    for participant in known:
        name = _fold(participant.display_name)
        if participant.age_band:
            young_people[(name, participant.age_band)].append(participant)
        elif participant.pk in member_ids:
            invited_members[(name, participant.organisation)].append(participant)
    return young_people, invited_members


def _check_capacity(cohort: Cohort, people: list[_Person]) -> list[RowError]:
    newcomers = sum(1 for person in people if not person.already_member)
    room = max(cohort.capacity - cohort.memberships.count(), 0)
    if newcomers <= room:
        return []
    message = _(
        "This roster adds %(newcomers)s people but the cohort has room for %(room)s more "
        "(capacity %(capacity)s). Raise the capacity in the cohort settings, or import fewer rows."
    ) % {"newcomers": newcomers, "room": room, "capacity": cohort.capacity}
    return [RowError(0, "", message)]


# Writing --------------------------------------------------------------------------------------


def _apply(cohort: Cohort, people: list[_Person]) -> ImportResult:
    result = ImportResult()
    for person in people:
        if person.already_member:
            result.already_members.append(person.participant)
            continue
        participant = person.participant
        if participant is None and person.user is not None:
            participant = participant_for_user(person.user, cohort.country)
        if participant is None:
            participant = Participant.objects.create(
                display_name=person.display_name,
                age_band=person.age_band,
                country=cohort.country,
                organisation=person.organisation,
            )
            if person.email:
                result.invitations.append((person.email, participant))
        elif person.organisation is not None and participant.organisation_id is None:
            participant.organisation = person.organisation
            participant.save(update_fields=["organisation"])
        cohort_add_member(cohort, participant)
        result.added.append(participant)
    return result
