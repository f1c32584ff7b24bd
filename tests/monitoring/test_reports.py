"""The printable report of a country for a period (issue 10, point 6): the screen's figures on
A4 paper, in the reader's language, counts of people rounded to 5 and small ones hidden; and its
address refuses other countries. The clock stands where the world leaves it: 1 April 2026.
"""

from __future__ import annotations

import io

import pytest
from django.utils import translation
from pypdf import PdfReader

from monitoring import presentation
from monitoring.reports import report_pdf
from monitoring.selectors.dashboard import dashboard_for
from monitoring.selectors.figures import all_figures
from tests.factories import clock, staff_with_mfa
from tests.monitoring.report_world import END_OF_MARCH, MARCH, REPORT_DAY, build_report_world
from tests.monitoring.screen import EXACT_COUNTS, NOT_COUNTS, rounded_to_5

pytestmark = pytest.mark.django_db

MARCH_QUERY = {"since": "2026-03-01", "until": "2026-03-31"}


def report_url(language: str, scope: str) -> str:
    return f"/{language}/monitoring/{scope}/report.pdf"


def pdf_text(pdf: bytes) -> str:
    """The PDF's text with every run of white space made one space (table cells wrap)."""
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def line_text(cells) -> str:
    return " ".join(" ".join(cell.text for cell in cells).split())


@pytest.fixture
def world():
    with clock(REPORT_DAY):
        yield build_report_world()


def test_a_bulgarian_report_shows_the_screen_figures_of_the_period_in_bulgarian(client, world):
    staff_with_mfa(client, world.nsg_bulgarian)

    response = client.get(report_url("bg", "bg"), MARCH_QUERY)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "report-bg-2026-03-01-2026-03-31.pdf" in response["Content-Disposition"]
    text = pdf_text(response.content)
    # The country, the period and the labels in Bulgarian.
    assert text.count("България") >= 2  # the title, and each page's running head
    assert "1 март 2026 г. – 31 март 2026 г." in text
    for label in ("Достигнати хора", "Млади хора", "Поколение 1", "Издадени сертификати"):
        assert label in text, label
    # In March: the training of trainers' graduate, nine professionals and three young
    # people were reached (13, shown as 15); the graduate and seven professionals completed
    # (8), and the three young people (11 in all, shown as 10).
    assert f"Достигнати хора {rounded_to_5(1 + 9 + 3)}" in text
    assert f"Завършен {rounded_to_5(1 + 7 + 3)}" in text
    with translation.override("bg"):
        dashboard = dashboard_for(world.bulgaria, since=MARCH, until=END_OF_MARCH)
        cards = presentation.headline_cards(dashboard)
        shown = [presentation.shown_table(dashboard.tables[name]) for name in dashboard.tables]
    # Every headline figure, and every row of every table, as the screen writes it.
    for card in cards:
        if card.figure is not None:
            assert f"{card.title} {card.figure.text}" in text, card.title
        for name, cell in card.parts:
            assert " ".join(f"{name}: {cell.text}".split()) in text, name
    for table in shown:
        assert " ".join(table.title.split()) in text
        for cells in [*table.rows, *([table.total] if table.total else [])]:
            assert line_text(cells) in text, (table.name, line_text(cells))


def test_a_shown_count_of_people_is_rounded_to_5_and_a_hidden_one_is_under_5(world):
    with translation.override("bg"):
        dashboard = dashboard_for(world.bulgaria, since=MARCH, until=END_OF_MARCH)
    raw = all_figures(since=MARCH, until=END_OF_MARCH)[world.bulgaria.pk]
    # March's three young people are hidden; ten professionals show as they are (a multiple
    # of 5), the thirteen people reached as 15: totals come from their exact counts, so
    # 10 and 15 need not add up.
    assert raw.tables["by_generation"].total.values["young_people"] == 3
    assert raw.tables["by_generation"].total.values["professionals"] == 10
    assert dashboard.totals.cell("young_people").hidden
    assert dashboard.totals.cell("professionals").value == 10
    assert dashboard.totals.cell("reached").value == 15

    people_cells = 0
    for name, table in dashboard.tables.items():
        raw_table = raw.tables[name]
        raw_rows = [*raw_table.rows, *([raw_table.total] if table.total else [])]
        for row, raw_row in zip(table.all_rows, raw_rows, strict=True):
            for cell in row.cells:
                exact = raw_row.values.get(cell.measure)
                where = (name, row.label, cell.measure)
                if cell.measure in NOT_COUNTS or exact is None:
                    continue
                if cell.measure in EXACT_COUNTS:
                    assert not cell.hidden and cell.value == exact, where
                    continue
                people_cells += 1
                if cell.hidden:
                    # Nothing here needs a larger count hidden for a smaller one's sake.
                    assert 1 <= exact <= 4, where
                else:
                    assert cell.value == rounded_to_5(exact), where
                    assert cell.value % 5 == 0 and (cell.value == 0 or cell.value >= 5), where
    assert people_cells >= 50


def test_neither_a_hidden_count_nor_an_exact_one_reaches_the_report(client, world):
    staff_with_mfa(client, world.nsg_bulgarian)
    with translation.override("bg"):
        dashboard = dashboard_for(world.bulgaria, since=MARCH, until=END_OF_MARCH)
    raw = all_figures(since=MARCH, until=END_OF_MARCH)[world.bulgaria.pk]

    text = pdf_text(client.get(report_url("bg", "bg"), MARCH_QUERY).content)

    mark = presentation.HIDDEN_MARK
    assert f"Млади хора: {mark}" in text and "Млади хора: 3" not in text
    revealed_rows = 0
    with translation.override("bg"):
        for name, table in dashboard.tables.items():
            shown = presentation.shown_table(table)
            raw_table = raw.tables[name]
            lines = [*shown.rows, *([shown.total] if shown.total else [])]
            for row, raw_row, cells in zip(
                table.all_rows, [*raw_table.rows, raw_table.total], lines, strict=False
            ):
                # The row as it would read with its hidden and rounded counts given exactly.
                exact = [
                    presentation.format_value(raw_row.values[cell.measure], cell.kind)
                    if cell.measure not in NOT_COUNTS | EXACT_COUNTS
                    and raw_row.values.get(cell.measure) is not None
                    else None
                    for cell in row.cells
                ]
                offset = len(cells) - len(row.cells)
                revealed = [*cells[:offset]] + [
                    presentation.ShownCell(value) if value is not None else cell
                    for cell, value in zip(cells[offset:], exact, strict=True)
                ]
                assert line_text(cells) in text, (name, row.label)
                if line_text(revealed) == line_text(cells):
                    continue  # every count of the row is a multiple of 5 already
                assert line_text(revealed) not in text, (name, row.label)
                revealed_rows += 1
    assert revealed_rows >= 10


def test_an_nsg_member_gets_403_for_another_country_or_all_and_learns_nothing(client, world):
    staff_with_mfa(client, world.nsg_bulgarian)

    answers = {
        scope: client.get(report_url("bg", scope), MARCH_QUERY)
        for scope in ("ro", "RO", "all", "xx")
    }

    assert {scope: answer.status_code for scope, answer in answers.items()} == dict.fromkeys(
        answers, 403
    )
    for answer in answers.values():
        assert answer["Content-Type"].startswith("text/html")
        page = answer.content.decode()
        assert "Румъния" not in page and "Romania" not in page and "România" not in page


def test_a_coordinator_prints_any_country_and_all_countries(client, world):
    staff_with_mfa(client, world.coordinator)

    romania = client.get(report_url("en", "ro"), MARCH_QUERY)
    everywhere = client.get(report_url("en", "all"), MARCH_QUERY)

    assert romania.status_code == everywhere.status_code == 200
    assert "Romania" in pdf_text(romania.content)
    everywhere_text = pdf_text(everywhere.content)
    assert "All countries" in everywhere_text and "By country" in everywhere_text


def test_a_period_the_report_cannot_read_is_a_page_that_says_so(client, world):
    staff_with_mfa(client, world.nsg_bulgarian)

    answers = [
        client.get(report_url("en", "bg"), query)
        for query in (
            {"since": "2026-13"},
            {"since": "yesterday", "until": "2026-03"},
            {"since": "2026-03", "until": "2026-02"},
            {"until": "1066-10"},
        )
    ]

    for answer in answers:
        assert answer.status_code == 400
        page = answer.content.decode()
        assert "<h1>The period is not valid</h1>" in page
        assert "year-month" in page
    assert "The last month comes before the first." in answers[2].content.decode()


def test_a_report_is_printed_in_the_language_of_its_address(client, world):
    staff_with_mfa(client, world.nsg_bulgarian)

    english = pdf_text(client.get(report_url("en", "bg"), MARCH_QUERY).content)

    assert "Bulgaria" in english and "1 March 2026 – 31 March 2026" in english
    assert f"People reached {rounded_to_5(13)}" in english and "България" not in english


def test_the_report_renders_without_a_request_in_the_active_language(world):
    with translation.override("bg"):
        dashboard = dashboard_for(world.bulgaria, since=MARCH, until=END_OF_MARCH)
        pdf = report_pdf(dashboard)

    assert pdf.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(pdf))
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(float(width) / 72 * 25.4), round(float(height) / 72 * 25.4)) == (210, 297)
    pages = len(reader.pages)
    with translation.override("bg"):
        last_page = translation.gettext("Page %(page)s of %(pages)s") % {
            "page": pages,
            "pages": pages,
        }
    assert last_page in pdf_text(pdf)
