"""Importing a cohort's roster from CSV or XLSX: everyone or nobody, names exactly as typed.

A professional joins as the name the trainer typed and is invited by e-mail;
whether the address has an account is never looked up (TESTS-SECURITY 41).
"""

import csv
import datetime
import io
import unicodedata
import zipfile

import openpyxl
import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from courses import services
from courses.models import Cohort, CohortInvitation, CohortMembership, Participant
from courses.services import imports
from tests.factories import (
    UserFactory,
    build_course,
    coordinator,
    country,
    organisation,
    participant,
)

pytestmark = pytest.mark.django_db

HEADER = ["E-mail", "First name", "LAST_NAME", " Organisation ", "name_or_code", "Age band"]
# Cyrillic, Romanian comma-below ș ț, Hungarian ő ű and Estonian õ; Tõnu arrives decomposed.
ROWS = [
    ["maria.petrova@EXAMPLE.org", "Мария", "Петрова", "", "", ""],
    ["stefan@example.org", "Ștefan", "Țurcanu", "фондация лумос", "", ""],
    ["zsofia@example.org", "Zsófia", "Szűcs", "", "", ""],
    ["gergo@example.org", "Gergő", "Lőrincz", "SOS Children's Villages Bulgaria", "", ""],
    ["", "", "", "", unicodedata.normalize("NFD", "Tõnu"), "14 to 17"],
    ["", "", "", "", "Ана", "18_21"],
]
NAMES = [
    "Мария Петрова",
    "Ștefan Țurcanu",
    "Zsófia Szűcs",
    "Gergő Lőrincz",
    "Tõnu",
    "Ана",
]


def csv_file(rows, header=HEADER, delimiter=",", bom=True) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return (b"\xef\xbb\xbf" if bom else b"") + text.getvalue().encode("utf-8")


def xlsx_file(rows, header=HEADER) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append([value or None for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def young(name, band="14_17"):
    return ["", "", "", "", name, band]


class Roster:
    def __init__(self):
        self.course = build_course(modules=1, lessons_per_module=1, slug="roster").course
        self.bulgaria = country()
        self.host = organisation()
        self.lumos = organisation("Фондация Лумос")
        self.lead = participant("Rutger")
        self.coordinator = coordinator(first_name="Georgi", last_name="Ivanov")
        self.maria = UserFactory(
            email="maria.petrova@example.org", first_name="Мария", last_name="Петрова"
        )
        self.cohort = self.new_cohort("International ToT Sofia", self.lead)

    def new_cohort(self, name, lead):
        return services.cohort_create(
            name=name,
            course=self.course,
            kind=Cohort.Kind.INTERNATIONAL_TOT,
            country=self.bulgaria,
            language="bg",
            host_organisation=self.host,
            lead_trainer=lead,
            starts_on=datetime.date(2025, 3, 1),
            ends_on=datetime.date(2025, 3, 5),
            created_by=self.coordinator,
        )

    def load(self, data, filename="roster.csv", cohort=None):
        return services.cohort_import_members(
            cohort or self.cohort, data, filename, imported_by=self.coordinator
        )

    def reject(self, data, filename="roster.csv"):
        people_before = Participant.objects.count()
        with pytest.raises(services.ImportRejected) as rejected:
            self.load(data, filename)
        assert Participant.objects.count() == people_before
        assert not CohortMembership.objects.filter(cohort=self.cohort).exists()
        return rejected.value.errors

    def member_names(self):
        return sorted(
            CohortMembership.objects.filter(cohort=self.cohort).values_list(
                "participant__display_name", flat=True
            )
        )


@pytest.fixture
def roster():
    return Roster()


def names(participants):
    return [person.display_name for person in participants]


def assert_whole_roster_imported(roster, result):
    assert names(result.added) == NAMES
    assert roster.member_names() == sorted(NAMES)
    assert result.already_members == []
    # Every professional, Maria with her account too, is the name typed and an invitation.
    assert [invitation.email for invitation in result.invitations] == [
        "maria.petrova@example.org",
        "stefan@example.org",
        "zsofia@example.org",
        "gergo@example.org",
    ]
    assert [invitation.participant for invitation in result.invitations] == result.added[:4]
    assert [person.user for person in result.added] == [None] * 6
    assert not CohortMembership.objects.filter(participant__user=roster.maria).exists()
    assert [person.age_band for person in result.added[4:]] == ["14_17", "18_21"]
    assert result.added[1].organisation == roster.lumos
    assert result.added[3].organisation == roster.host
    for person in Participant.objects.filter(pk__in=[p.pk for p in result.added]):
        assert person.display_name == unicodedata.normalize("NFC", person.display_name)
        assert person.country == roster.bulgaria


def test_a_utf8_csv_with_bom_imports_everyone_with_names_exactly_as_typed(roster):
    result = roster.load(csv_file(ROWS))

    assert_whole_roster_imported(roster, result)
    assert Participant.objects.get(display_name="Ștefan Țurcanu").display_name == "Ștefan Țurcanu"


def test_a_semicolon_csv_without_bom_as_excel_saves_it_in_europe(roster):
    result = roster.load(csv_file(ROWS, delimiter=";", bom=False))

    assert_whole_roster_imported(roster, result)


def test_an_xlsx_workbook_imports_like_a_csv(roster):
    result = roster.load(xlsx_file(ROWS), "Roster.XLSX")

    assert_whole_roster_imported(roster, result)


def test_a_file_with_bad_rows_imports_nobody_and_names_every_bad_line(roster):
    rows = [
        ["ana@example.org", "Ana", "Popescu", "", "", ""],  # line 2
        ["not-an-e-mail", "Ivan", "Ivanov", "", "", ""],  # line 3
        ["boris@example.org", "Boris", "Borisov", "", "", ""],  # line 4
        ["dora@example.org", "Dora", "Dimitrova", "Unknown Foundation", "", ""],  # line 5
        ["ANA@example.org", "Ana", "Popescu", "", "", ""],  # line 6: line 2 again
    ]

    errors = roster.reject(csv_file(rows))

    assert [(error.line, error.column) for error in errors] == [
        (3, "email"),
        (5, "organisation"),
        (6, ""),
    ]
    assert "not-an-e-mail" in errors[0].message
    assert "Unknown Foundation" in errors[1].message
    assert "line 2" in errors[2].message


def test_missing_values_unknown_age_bands_and_mixed_rows_are_each_reported(roster):
    rows = [
        ["", "Ana", "", "", "", ""],  # line 2: a professional without e-mail or last name
        young("Y1", "teenager"),  # line 3
        young("", "adult"),  # line 4
        ["eva@example.org", "Eva", "Kask", "", "Eva", ""],  # line 5: both kinds of person
        young("Y2", "over 25"),  # line 6: an English label in any case is fine
        young("y2", "adult"),  # line 7: line 6 again
        ["ion@example.org", "Ion\nVasile", "Rusu", "", "", ""],  # line 8, over two lines
        young("Y3"),  # line 10
        young("Y3\t"),  # line 11: the tab is trimmed, so line 10 again
    ]

    errors = roster.reject(csv_file(rows))

    assert [(error.line, error.column) for error in errors] == [
        (2, "email"),
        (2, "last_name"),
        (3, "age_band"),
        (4, "name_or_code"),
        (5, "name_or_code"),
        (7, ""),
        (8, "first_name"),
        (11, ""),
    ]


def test_latin1_bytes_are_refused_with_the_line_and_a_request_to_save_as_utf8(roster):
    text = (
        "email,first_name,last_name\nana@example.org,Ana,Popescu\nzsofia@example.org,Zsófia,Szűcs\n"
    )
    data = text.replace("ű", "u").encode("latin-1")

    errors = roster.reject(data)

    assert len(errors) == 1
    assert errors[0].line == 3
    assert "UTF-8" in errors[0].message


def test_importing_the_same_file_twice_adds_nobody_the_second_time(roster):
    data = csv_file(ROWS)
    first = roster.load(data)
    people_after_first = Participant.objects.count()

    second = roster.load(data)

    assert second.added == []
    assert second.invitations == []
    assert sorted(names(second.already_members)) == sorted(NAMES)
    assert {p.pk for p in second.already_members} == {p.pk for p in first.added}
    assert Participant.objects.count() == people_after_first
    assert roster.member_names() == sorted(NAMES)


def test_a_member_already_in_the_cohort_is_skipped_not_refused(roster):
    services.cohort_add_member(
        roster.cohort, services.participant_for_user(roster.maria, roster.bulgaria)
    )

    result = roster.load(csv_file(ROWS[:3]))

    assert names(result.already_members) == ["Мария Петрова"]
    assert names(result.added) == ["Ștefan Țurcanu", "Zsófia Szűcs"]


@pytest.mark.parametrize("file_type", ["csv", "xlsx"])
def test_names_that_look_like_formulas_are_stored_as_typed(roster, file_type):
    rows = [
        ["eq@example.org", '=HYPERLINK("http://x","Ana")', "Popescu", "", "", ""],
        ["plus@example.org", "+Ana", "-Popescu", "", "", ""],
        young("@Y1"),
        young("=1+1"),
    ]
    data = csv_file(rows) if file_type == "csv" else xlsx_file(rows)

    result = roster.load(data, f"roster.{file_type}")

    assert names(result.added) == [
        '=HYPERLINK("http://x","Ana") Popescu',
        "+Ana -Popescu",
        "@Y1",
        "=1+1",
    ]


def test_more_rows_than_the_limit_are_refused(roster):
    rows = [young(f"Y{n}") for n in range(imports.MAX_ROWS + 1)]

    errors = roster.reject(csv_file(rows))

    assert [(error.line, error.column) for error in errors] == [(imports.MAX_ROWS + 2, "")]
    assert "2000" in errors[0].message


def test_the_row_limit_is_configurable_and_blank_lines_do_not_count(roster, monkeypatch):
    monkeypatch.setattr(imports, "MAX_ROWS", 3)
    rows = [young("Y1"), ["", "", "", "", "", ""], young("Y2"), young("Y3")]

    assert names(roster.load(csv_file(rows)).added) == ["Y1", "Y2", "Y3"]
    with pytest.raises(services.ImportRejected):
        roster.load(csv_file([*rows, young("Y4")]))


@pytest.mark.parametrize(
    ("data", "filename", "line", "words"),
    [
        (b"", "roster.csv", 1, "empty"),
        (b"\xef\xbb\xbf\r\n\r\n", "roster.csv", 1, "empty"),
        (b"email,first_name,last_name\r\n", "roster.csv", 2, "header"),
        (
            b'email,first_name,last_name\na@example.org,Ana,Pop\nb@example.org,"Bo,Pop\n',
            "r.csv",
            3,
            "quotation",
        ),
        (b"%PDF-1.7\n...", "roster.pdf", 1, "CSV"),
        (b"not a workbook", "roster.xlsx", 1, "CSV"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "roster.xls", 1, "CSV"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\xff", "roster.csv", 1, "CSV"),
        ("email,first_name\n".encode("utf-16"), "roster.csv", 1, "UTF-8"),
        (b"phone,email,first_name,last_name\n1,a@example.org,Ana,Pop\n", "roster.csv", 1, "phone"),
    ],
)
def test_files_that_are_not_a_roster_are_refused(roster, data, filename, line, words):
    errors = roster.reject(data, filename)

    assert [error.line for error in errors] == [line]
    assert words in errors[0].message


def test_blank_header_cells_and_trailing_separators_are_ignored(roster):
    data = b"name_or_code;age_band;;\r\nY1;adult;;\r\n"

    assert names(roster.load(data, "roster.csv").added) == ["Y1"]


def test_a_young_person_is_reused_only_from_the_same_lead_trainers_cohorts(roster):
    known = participant("Ана", age_band="18_21")
    services.cohort_add_member(roster.new_cohort("Youth module Sofia", roster.lead), known)
    stranger = participant("Иван", age_band="14_17")
    other_lead = participant("Petya")
    services.cohort_add_member(roster.new_cohort("Youth module Plovdiv", other_lead), stranger)

    result = roster.load(csv_file([young("ана", "18 to 21"), young("Иван", "14_17")]))

    assert result.added[0] == known
    assert result.added[1] != stranger
    assert result.added[1].display_name == "Иван" and result.added[1].user is None


def test_a_failure_while_writing_leaves_nothing_behind(roster, monkeypatch):
    calls = []

    def add_then_fail(cohort, person):
        calls.append(person)
        if len(calls) == 3:
            raise RuntimeError("database went away")
        return services.cohort_add_member(cohort, person)

    monkeypatch.setattr(imports, "cohort_add_member", add_then_fail)
    people_before = Participant.objects.count()

    with pytest.raises(RuntimeError):
        roster.load(csv_file(ROWS))

    assert Participant.objects.count() == people_before
    assert roster.member_names() == []


def test_a_roster_bigger_than_the_cohorts_capacity_is_refused_whole(roster):
    roster.cohort.capacity = 5
    roster.cohort.save()

    errors = roster.reject(csv_file(ROWS))

    assert [(error.line, error.column) for error in errors] == [(0, "")]
    assert "adds 6 people but the cohort has room for 5 more (capacity 5)" in errors[0].message
    roster.cohort.capacity = 6
    roster.cohort.save()
    assert_whole_roster_imported(roster, roster.load(csv_file(ROWS)))


def test_a_sheet_that_claims_to_span_every_column_is_read_to_its_real_width(roster):
    """openpyxl fills rows up to the declared dimension: only MAX_COLUMNS are read."""
    import re as regex

    from courses import spreadsheets

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["name_or_code", "age_band"])
    sheet.append(["Y1", "14_17"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet_xml = parts["xl/worksheets/sheet1.xml"].decode()
    parts["xl/worksheets/sheet1.xml"] = regex.sub(
        r'<dimension ref="[^"]+"/>', '<dimension ref="A1:XFD1048576"/>', sheet_xml
    ).encode()
    forged = io.BytesIO()
    with zipfile.ZipFile(forged, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    rows = list(spreadsheets.table(forged.getvalue(), "roster.xlsx"))
    assert all(len(cells) <= spreadsheets.MAX_COLUMNS for _, cells in rows)
    result = roster.load(forged.getvalue(), "roster.xlsx")
    assert names(result.added) == ["Y1"]


def professional(email, first="Made", last="Up"):
    return [email, first, last, "", "", ""]


def test_a_known_address_joins_as_the_name_typed_and_is_only_invited(
    roster, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        result = roster.load(csv_file([professional("Maria.Petrova@example.org")]))

    assert names(result.added) == ["Made Up"]
    assert result.added[0].user is None
    assert roster.member_names() == ["Made Up"]
    # Maria's account gets no record, no membership: she has not said yes.
    assert not Participant.objects.filter(user=roster.maria).exists()
    invitation = CohortInvitation.objects.get()
    assert (invitation.email, invitation.participant) == (
        "maria.petrova@example.org",
        result.added[0],
    )
    assert invitation.accepted_at is None and invitation.invited_by == roster.coordinator
    assert [message.to for message in mail.outbox] == [["maria.petrova@example.org"]]


def test_a_known_and_an_unknown_address_give_the_same_result(roster):
    known = roster.load(csv_file([professional("maria.petrova@example.org")]))
    other = roster.load(
        csv_file([professional("nobody@example.org")]),
        cohort=roster.new_cohort("International ToT Varna", roster.lead),
    )

    def shape(result):
        return (
            names(result.added),
            [person.user for person in result.added],
            names(result.already_members),
            len(result.invitations),
        )

    assert shape(known) == shape(other) == (["Made Up"], [None], [], 1)


def test_only_someone_who_runs_the_cohort_imports(roster):
    learner = UserFactory()

    with pytest.raises(PermissionDenied):
        services.cohort_import_members(
            roster.cohort, csv_file(ROWS), "roster.csv", imported_by=learner
        )

    assert roster.member_names() == []
    assert not CohortInvitation.objects.exists()


def test_an_invited_address_is_the_same_person_when_imported_again_under_another_name(roster):
    first = roster.load(csv_file([professional("stefan@example.org", "Ștefan", "Țurcanu")]))

    second = roster.load(csv_file([professional("STEFAN@example.org", "S.", "Turcanu")]))

    assert second.added == [] and second.invitations == []
    assert second.already_members == first.added
    assert CohortInvitation.objects.count() == 1


def test_an_address_invited_to_the_team_cannot_also_be_imported_as_a_member(roster):
    services.invitation_create(
        cohort=roster.cohort,
        email="stefan@example.org",
        role=CohortInvitation.Role.CO_TRAINER,
        invited_by=roster.coordinator,
    )

    errors = roster.reject(csv_file([professional("Stefan@example.org")]))

    assert [(error.line, error.column) for error in errors] == [(2, "email")]
    assert "open invitation to this cohort's team" in errors[0].message
