"""The roster import offers a template to download (issue 12, point 6): filled in, it imports.

The template is downloaded as a trainer does, from the import page, in
English and in Bulgarian; two people are typed below its column names (a
professional and a young person, in Cyrillic and Estonian) and the file is
uploaded through the same page, which hands it to the import service.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile

import openpyxl
import pytest
from django.utils import translation
from django.utils.translation import gettext, ngettext

from courses.models import CohortInvitation, CohortMembership
from tests.courses.test_imports import Roster
from tests.factories import UserFactory, staff_with_mfa

pytestmark = pytest.mark.django_db

# The columns the import reads, as its documentation (courses/services/imports.py) lists them.
COLUMNS = ["email", "first_name", "last_name", "organisation", "name_or_code", "age_band"]
PROFESSIONAL = ["maria.petrova@example.org", "Мария", "Петрова", "Фондация Лумос", "", ""]
YOUNG_PERSON = ["", "", "", "", "Tõnu", "14_17"]


@pytest.fixture
def roster(client):
    roster = Roster()
    staff_with_mfa(client, roster.coordinator)
    return roster


def page(roster, language: str, rest: str = "") -> str:
    return f"/{language}/learning/training/cohorts/{roster.cohort.pk}/import/{rest}"


def download(client, roster, language: str, extension: str):
    response = client.get(page(roster, language, f"template.{extension}"))
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="roster-template.{extension}"'
    )
    return response


def upload(client, roster, language: str, data: bytes, name: str):
    response = client.post(page(roster, language), {"roster": io_file(data, name)})
    assert response.status_code == 200, response.content.decode()
    return response.content.decode()


def io_file(data: bytes, name: str):
    file = io.BytesIO(data)
    file.name = name
    return file


def assert_both_imported(roster, html: str, language: str) -> None:
    with translation.override(language):
        added = ngettext("%(counter)s person added.", "%(counter)s people added.", 2) % {
            "counter": 2
        }
    assert added in html
    assert roster.member_names() == ["Tõnu", "Мария Петрова"]
    member = CohortMembership.objects.get(
        cohort=roster.cohort, participant__display_name="Мария Петрова"
    )
    assert member.participant.organisation == roster.lumos
    assert CohortInvitation.objects.filter(email="maria.petrova@example.org").exists()


def test_the_import_page_offers_the_template_beside_the_upload_field(client, roster):
    html = client.get(page(roster, "en")).content.decode()

    field = html[html.index('<input id="roster"') :]
    field = field[: field.index("</div>")]
    assert f'href="{page(roster, "en", "template.xlsx")}"' in field
    assert f'href="{page(roster, "en", "template.csv")}"' in field
    assert 'aria-describedby="roster-template"' in field and 'id="roster-template"' in field


@pytest.mark.parametrize(("language", "separator"), [("en", ","), ("bg", ";")])
def test_the_csv_template_filled_with_two_rows_imports(client, roster, language, separator):
    response = download(client, roster, language, "csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    data = response.content
    # A byte order mark, so that Excel reads UTF-8; the separator Excel expects in the language.
    assert data.startswith(codecs.BOM_UTF8)
    text = data[len(codecs.BOM_UTF8) :].decode("utf-8")
    assert text == separator.join(COLUMNS) + "\r\n"  # the column names and nothing else

    filled = data + "".join(
        separator.join(row) + "\r\n" for row in (PROFESSIONAL, YOUNG_PERSON)
    ).encode("utf-8")
    html = upload(client, roster, language, filled, "roster-template.csv")

    assert_both_imported(roster, html, language)


@pytest.mark.parametrize("language", ["en", "bg"])
def test_the_xlsx_template_filled_with_two_rows_imports(client, roster, language):
    response = download(client, roster, language, "xlsx")

    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    people, explained = workbook.worksheets
    assert [[cell.value for cell in row] for row in people.iter_rows()] == [COLUMNS]
    # The second sheet, which the import never reads, explains in the reader's language: the
    # age bands as the catalogue names them, the organisations of the cohort's country.
    words = " ".join(str(cell.value) for row in explained.iter_rows() for cell in row if cell.value)
    with translation.override(language):
        assert gettext("14 to 17") in words
    assert "14_17" in words and "Фондация Лумос" in words and roster.host.name in words
    if language == "bg":
        assert re.search("[а-я]", gettext_in("bg", "Over 25"))  # the catalogue has the band
        assert gettext_in("bg", "Over 25") in words

    for row in (PROFESSIONAL, YOUNG_PERSON):
        people.append([value or None for value in row])
    filled = io.BytesIO()
    workbook.save(filled)
    html = upload(client, roster, language, filled.getvalue(), "roster-template.xlsx")

    assert_both_imported(roster, html, language)


def gettext_in(language: str, msgid: str) -> str:
    with translation.override(language):
        return gettext(msgid)


def test_only_those_who_run_the_cohort_download_it(client, roster):
    assert client.get(page(roster, "en", "template.ods")).status_code == 404
    client.force_login(UserFactory())

    assert client.get(page(roster, "en", "template.csv")).status_code == 403
    assert client.get(page(roster, "en", "template.xlsx")).status_code == 403


def test_an_organisation_named_like_a_formula_stays_text_in_the_template(client, roster):
    from courses.models import Organisation

    formula = '=HYPERLINK("http://example.invalid","Open")'
    Organisation.objects.create(name=formula, country=roster.cohort.country)

    response = download(client, roster, "en", "xlsx")

    with zipfile.ZipFile(io.BytesIO(response.content)) as package:
        sheets = [name for name in package.namelist() if name.startswith("xl/worksheets/")]
        assert sheets and not any(b"<f>" in package.read(name) for name in sheets)
    explained = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[1]
    cells = [cell for row in explained.iter_rows() for cell in row if cell.value]
    assert all(cell.data_type == "s" for cell in cells)
    assert f"'{formula}" in [cell.value for cell in cells]


def test_an_organisation_name_holding_a_control_character_still_gives_the_template(client, roster):
    """A name pasted with a control character (which a workbook's XML cannot hold) loses it:
    the template still downloads, naming the organisation."""
    from courses.models import Organisation

    Organisation.objects.create(name="Casa\x07 Speranței", country=roster.cohort.country)

    response = download(client, roster, "en", "xlsx")

    explained = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[1]
    assert "Casa Speranței" in [cell.value for row in explained.iter_rows() for cell in row]
