"""The dashboard pages (issue 10, points 1, 3 and 5 as a reader meets them): headline figures,
every table, the charts beside their tables, how fresh the figures are, the period filter,
counts of people rounded to 5 and small ones hidden everywhere, and the reader's language.

The expected figures are counted from the world's story and rounded here (`rounded_to_5`),
not read from the code that rounds them."""

from __future__ import annotations

import datetime
from collections import Counter

import pytest
from django.utils import formats, timezone, translation

from courses.models import Organisation
from monitoring.figures import Figures
from monitoring.labels import MEASURES, TABLES
from monitoring.models import FigureSnapshot
from monitoring.selectors.dashboard import dashboard_for
from tests.factories import sign_in
from tests.monitoring.pages_world import world_on_its_day
from tests.monitoring.screen import (
    EXACT_COUNTS,
    NOT_COUNTS,
    figures_in,
    number,
    page,
    rounded_to_5,
    screen_tables,
    seen_text,
)

pytestmark = pytest.mark.django_db

COUNTRY_PAGE = "/{language}/monitoring/bg/"
ALL_PAGE = "/{language}/monitoring/all/"
SPRING = "?since=2026-03&until=2026-04"  # periods are whole months


@pytest.fixture
def world():
    with world_on_its_day() as built:
        yield built


def _shown(count: int) -> str:
    """A count of people as the page writes it (English digits: all counts here are small)."""
    rounded = rounded_to_5(count)
    return "·" if rounded is None else str(rounded)


def _cards(soup) -> dict:
    return {seen_text(card.h3): card for card in soup.select(".headline-card")}


def _card_parts(card) -> dict[str, str]:
    return {seen_text(part.dt): seen_text(part.dd) for part in card.select("dl div")}


def _snapshot(country) -> FigureSnapshot:
    return FigureSnapshot.objects.get(country=country)


def test_the_country_page_shows_the_headline_figures_and_every_table(client, world):
    sign_in(client, world, "nsg bg")
    response = client.get(COUNTRY_PAGE.format(language="en"))

    assert response.status_code == 200
    soup = page(response)
    assert seen_text(soup.h1) == "Bulgaria"
    cards = _cards(soup)
    # Six graduates of the training of trainers, 13 professionals and 4 young people: each
    # count rounded to 5 from its exact value (25, 20), the four young people hidden.
    professionals, young_people = 6 + 13, 4
    reached = professionals + young_people
    figure = seen_text(cards["People reached"].select_one(".headline-card__figure"))
    assert figure == _shown(reached) == "25"
    assert _card_parts(cards["People reached"]) == {
        "Professionals": _shown(professionals),
        "Young people": _shown(young_people),
    }
    assert _card_parts(cards["People reached"])["Young people"] == "·"
    assert seen_text(cards["Completed"].select_one(".headline-card__figure")) == _shown(reached)
    assert seen_text(cards["Attendance (%)"].select_one(".headline-card__figure")) == "100.0"
    assert _card_parts(cards["Cohorts"]) == {
        "Cohorts held": "3",
        "Cohorts running": "0",
        "Cohorts planned": "0",
    }
    # Trainers are counted exactly: one master trainer, six trainers (two of them leading).
    assert _card_parts(cards["Master trainer"])["Accredited"] == "1"
    assert _card_parts(cards["Trainer"])["Accredited"] == "6"
    assert _card_parts(cards["Trainer"])["Expired"] == "0"
    assert {"Certificates issued", "Knowledge gain (points)"} <= set(cards)

    tables = screen_tables(soup)
    names = set(dashboard_for(world.bulgaria).tables)
    assert set(tables) == names
    captions = {seen_text(caption) for caption in soup.select("table caption")}
    assert captions == {str(TABLES[name]) for name in names}
    for table in soup.select("table.figures"):
        assert all(th["scope"] == "col" for th in table.select("thead th"))
        assert all(row.th["scope"] == "row" for row in table.select("tbody tr, tfoot tr"))
    master = tables["master_trainers"]
    # Her reach multiplier comes from the exact counts: 23 / 6 = 3.83.
    assert [cell.text for cell in master[1]] == [
        "Petya Koleva",
        "1",
        _shown(6),
        _shown(reached),
        "3.8",
    ]
    cascade = tables["cascade_tree"]
    assert [cell.text for cell in cascade[0]] == [
        "Cohort",
        "Lead trainer",
        "Trained by",
        "Generation",
        "People",
    ]
    assert [cell.text for cell in cascade[2]] == [
        "Национално обучение Пловдив",
        "+cmd",
        "ToT BG",
        "1",
        _shown(13),
    ]
    assert cascade[3][-1].text == "·"

    # Under each table, its CSV and XLSX downloads.
    for name in names:
        links = [a["href"] for a in soup.select(f"#table-{name} .downloads a")]
        assert links == [
            f"/en/monitoring/bg/export/{name}.csv",
            f"/en/monitoring/bg/export/{name}.xlsx",
        ]
    assert soup.find("a", href="/en/monitoring/bg/export.xlsx")


def test_the_page_says_how_fresh_its_figures_are_and_how_small_numbers_are_hidden(client, world):
    sign_in(client, world, "nsg bg")
    soup = page(client.get(COUNTRY_PAGE.format(language="en")))

    computed = timezone.localtime(_snapshot(world.bulgaria).computed_at)
    moment = formats.date_format(computed, "DATETIME_FORMAT")
    assert f"{computed:%B} {computed.year}" in moment
    assert seen_text(soup.select_one(".freshness")) == (
        f"Figures as of {moment}; refreshed every 15 minutes."
    )
    note = soup.select_one(".suppression-note")
    assert seen_text(note).startswith(
        "Numbers under 5 people are hidden (·), and so is any number that would let you "
        "work them out."
    )
    assert note.a["href"] == "#small-numbers"
    assert soup.find(id="small-numbers").h2
    assert seen_text(soup.select_one(".legend .hidden-mark")) == "·"

    marks = soup.select("td .hidden-mark")
    assert marks, "the world has small numbers"
    for mark in marks:
        assert mark["title"].startswith("Hidden: fewer than 5 people")
        assert mark.find_next_sibling(class_="visually-hidden").get_text() == "hidden"


def test_an_old_snapshot_is_shown_with_its_time_while_a_refresh_is_asked_for(client, world):
    snapshot = _snapshot(world.bulgaria)
    old = timezone.now() - datetime.timedelta(minutes=40)
    snapshot.computed_at = old
    snapshot.figures["computed_at"] = old.isoformat()
    snapshot.save()
    sign_in(client, world, "nsg bg")

    shown = seen_text(page(client.get(COUNTRY_PAGE.format(language="en"))).select_one(".freshness"))
    assert formats.date_format(timezone.localtime(old), "DATETIME_FORMAT") in shown
    # Without a broker the refresh runs at once; the next visit shows its time.
    fresh = _snapshot(world.bulgaria).computed_at
    assert fresh > old + datetime.timedelta(minutes=39)
    shown = seen_text(page(client.get(COUNTRY_PAGE.format(language="en"))).select_one(".freshness"))
    assert formats.date_format(timezone.localtime(fresh), "DATETIME_FORMAT") in shown


@pytest.mark.parametrize(
    ("role", "url", "scope"),
    [
        ("nsg bg", COUNTRY_PAGE.format(language="en"), "bulgaria"),
        ("nsg bg", COUNTRY_PAGE.format(language="bg"), "bulgaria"),
        ("coordinator", ALL_PAGE.format(language="en"), None),
    ],
)
def test_a_hidden_cell_shows_the_mark_and_its_value_appears_nowhere(
    client, world, role, url, scope
):
    country = getattr(world, scope) if scope else None
    language = url.split("/")[1]
    sign_in(client, world, role)
    soup = page(client.get(url))
    tables = screen_tables(soup)
    raw = Figures.from_json(_snapshot(country).figures).tables
    with translation.override(language):
        protected = dashboard_for(country).tables
        hidden_word = translation.gettext("hidden")

    hidden_values, shown_values, rounded_away = set(), set(), set()
    for name, table in protected.items():
        screen = tables[name]
        headings = [cell.text for cell in screen[0]]
        rows = screen[1 : 1 + len(table.rows)]
        if table.total is not None and len(screen) > 1 + len(table.rows):
            rows.append(screen[-1])
        raw_rows = (
            [*raw[name].rows, raw[name].total] if len(rows) > len(table.rows) else raw[name].rows
        )
        for row, raw_row, screen_row in zip(table.all_rows, raw_rows, rows, strict=False):
            for cell in row.cells:
                where = (name, row.key, cell.measure)
                shown = screen_row[headings.index(str(MEASURES[cell.measure]))]
                exact = raw_row.values.get(cell.measure)
                if cell.hidden:
                    assert shown.text == "·", where
                    assert shown.hidden_words == hidden_word
                    assert cell.measure not in EXACT_COUNTS, where  # cohorts, trainers: shown
                    if cell.measure not in NOT_COUNTS:
                        # Nothing the sums would pin down in this world: only small counts.
                        assert 1 <= exact <= 4, where
                        hidden_values.add(exact)
                    continue
                assert shown.text != "·", where
                if cell.value is not None:
                    shown_values.add(cell.value)
                if cell.measure in NOT_COUNTS or exact is None:
                    continue
                expected = exact if cell.measure in EXACT_COUNTS else rounded_to_5(exact)
                assert number(shown.text, language) == expected, where
                if expected != exact:
                    rounded_away.add(exact)
    # Values that are hidden or rounded, and shown nowhere else (as another cell), must not
    # be found at all: neither a small count nor the exact count behind a rounded one.
    assert hidden_values - shown_values, "the world hides a value nobody may see"
    assert rounded_away - shown_values, "the world rounds a count"
    secret = (hidden_values | rounded_away) - shown_values
    found = figures_in(soup, language)
    assert {number(str(value), "en") for value in shown_values} <= found  # the search sees
    assert not {number(str(value), "en") for value in secret} & found


def test_each_chart_is_in_a_figure_beside_the_table_with_the_same_numbers(client, world):
    sign_in(client, world, "nsg bg")
    soup = page(client.get(COUNTRY_PAGE.format(language="en")))
    tables = screen_tables(soup)

    def column(name, heading):
        rows = tables[name]
        index = [cell.text for cell in rows[0]].index(heading)
        body = rows[1:-1] if name != "funnel" and name != "cascade_tree" else rows[1:]
        return ["hidden" if row[index].text == "·" else row[index].text for row in body]

    expected = {
        "funnel": column("funnel", "People"),
        "by_month": column("by_month", "Professionals") + column("by_month", "Young people"),
        "by_generation": column("by_generation", "People reached"),
        "cascade_tree": column("cascade_tree", "People"),
    }
    for name, values in expected.items():
        block = soup.find(id=f"table-{name}")
        figure = block.find("figure")
        assert figure.figcaption and figure.svg, name
        assert figure.svg["role"] == "img"
        drawn = [node.get_text() for node in figure.svg.select(".chart-value, .chart-node-value")]
        assert Counter(drawn) == Counter(values), name
        assert not figure.svg.select(".chart-share")  # the table shows no shares
        assert block.find("table")
    # No other table has a chart.
    assert len(soup.select("figure svg")) == 4


def test_bulgarian_readers_get_bulgarian_numbers_dates_and_names(client, world):
    sign_in(client, world, "nsg bg")
    response = client.get(COUNTRY_PAGE.format(language="bg"))

    soup = page(response)
    assert soup.html["lang"] == "bg"
    assert seen_text(soup.h1) == "България"
    tables = screen_tables(soup)
    assert [cell.text for cell in tables["master_trainers"][1]][-1] == "3,8"
    assert tables["funnel"][1][-1].text == _shown(6 + 13 + 4)
    attendance = [cell.text for cell in tables["by_generation"][-1]]
    assert "100,0" in attendance and "100.0" not in attendance
    months = [row[0].text for row in tables["by_month"][1:-1]]
    assert "април 2026 г." in months
    computed = timezone.localtime(_snapshot(world.bulgaria).computed_at)
    with translation.override("bg"):
        moment = formats.date_format(computed, "DATETIME_FORMAT")
    assert moment in seen_text(soup.select_one(".freshness"))
    assert "г.," in moment


def test_an_untranslated_course_is_named_in_english_and_marked_so(client, world):
    """Under /bg/ the course nobody translated keeps its English title in the table by
    course, marked as English for screen readers; under /en/ nothing is marked."""
    sign_in(client, world, "nsg bg")
    bulgarian = page(client.get(COUNTRY_PAGE.format(language="bg")))
    [row_heading] = [
        th
        for th in bulgarian.select("#table-by_course tbody th")
        if seen_text(th) == "Course monitoring"
    ]
    assert row_heading.get("lang") == "en"

    english = page(client.get(COUNTRY_PAGE.format(language="en")))
    headings = english.select("#table-by_course tbody th")
    assert "Course monitoring" in [seen_text(th) for th in headings]
    assert not any(th.get("lang") for th in headings)


def test_a_period_shows_the_figures_of_that_period(client, world):
    sign_in(client, world, "nsg bg")
    response = client.get(COUNTRY_PAGE.format(language="en") + SPRING)

    assert response.status_code == 200
    soup = page(response)
    # Only the training of trainers of March (six graduates) and the national training of
    # April (13 professionals): 19 people shown as 20, where all the time shows 25; the youth
    # module of May is not in it.
    cards = _cards(soup)
    assert seen_text(cards["People reached"].select_one(".headline-card__figure")) == _shown(19)
    assert _card_parts(cards["People reached"]) == {
        "Professionals": _shown(6 + 13),
        "Young people": "0",
    }
    assert _shown(19) != _shown(6 + 13 + 4)
    assert _card_parts(cards["Cohorts"])["Cohorts held"] == "2"
    assert seen_text(soup.select_one(".freshness")).startswith(
        "Figures for 1 March 2026 – 30 April 2026, counted from the record at"
    )
    assert soup.find("input", attrs={"name": "since"})["value"] == "2026-03"
    assert soup.find("input", attrs={"name": "until"})["value"] == "2026-04"
    assert soup.find("input", attrs={"name": "since"})["type"] == "month"
    for link in soup.select(".downloads a"):
        assert link["href"].endswith(SPRING)
    assert soup.find("a", href=f"/en/monitoring/bg/export.xlsx{SPRING}")


@pytest.mark.parametrize(
    ("query", "error"),
    [
        ("?since=2026-13", "Enter a month as year and month, for example 2026-03."),
        ("?since=yesterday&until=2026-04", "Enter a month as year and month, for example 2026-03."),
        ("?since=2026-05&until=2026-04", "The last month comes before the first."),
        ("?since=1500-01", "Choose a month from January 2000 to December 2099."),
        ("?until=9999-12", "Choose a month from January 2000 to December 2099."),
        ("?until=99999-01", "Enter a month as year and month, for example 2026-03."),
    ],
)
def test_a_wrong_period_is_a_clear_form_error_never_a_server_error(client, world, query, error):
    sign_in(client, world, "nsg bg")
    response = client.get(COUNTRY_PAGE.format(language="en") + query)

    assert response.status_code == 400
    soup = page(response)
    assert error in seen_text(soup.select_one(".period-form"))
    assert soup.select_one(".period-form [role=alert]")
    # The figures shown are all the time recorded, and said to be.
    assert seen_text(soup.select_one(".freshness")).startswith("Figures as of")

    for download in ("export/by_month.csv", "export/by_month.xlsx", "export.xlsx"):
        response = client.get(f"/en/monitoring/bg/{download}{query}")
        assert response.status_code == 400
        assert error in response.content.decode()


def test_the_all_countries_view_adds_the_table_by_country(client, world):
    sign_in(client, world, "coordinator")
    response = client.get(ALL_PAGE.format(language="en"))

    assert response.status_code == 200
    soup = page(response)
    assert seen_text(soup.h1) == "All countries"
    # Bulgaria's 23 and Romania's 5 graduates and 17 professionals: each rounded from its
    # exact count, the total too (45), so the rows (25 and 20) need not add up to it.
    bulgaria, romania = 23, 5 + 17
    cards = _cards(soup)
    assert seen_text(cards["People reached"].select_one(".headline-card__figure")) == _shown(
        bulgaria + romania
    )
    by_country = screen_tables(soup)["by_country"]
    rows = {row[0].text: row for row in by_country[1:-1]}
    reached = [cell.text for cell in by_country[0]].index("People reached")
    assert rows["Bulgaria"][reached].text == _shown(bulgaria) == "25"
    assert rows["Romania"][reached].text == _shown(romania) == "20"
    assert by_country[-1][reached].text == _shown(bulgaria + romania) == "45"
    assert not soup.find(id="targets-heading")  # targets are national
    nav = [seen_text(a) for a in soup.select(".country-nav a")]
    assert nav == ["Bulgaria", "Romania"]


def test_a_renamed_organisation_shows_at_once_though_the_figures_wait_for_a_refresh(client, world):
    """The figures come from the snapshot; the names labelling them are the record's own."""
    sign_in(client, world, "coordinator")
    url = COUNTRY_PAGE.format(language="en")

    def organisations() -> list[str]:
        return [
            row[0].text for row in screen_tables(page(client.get(url)))["by_organisation"][1:-1]
        ]

    sofia = Organisation.objects.get(name="SOS Children's Villages Bulgaria")
    before = organisations()
    assert sofia.name in before
    computed_at = _snapshot(world.bulgaria).computed_at
    sofia.name = "Фондация Нов път"
    sofia.save()

    after = organisations()
    assert "Фондация Нов път" in after
    assert "SOS Children's Villages Bulgaria" not in after
    assert len(after) == len(before)
    assert _snapshot(world.bulgaria).computed_at == computed_at  # no refresh was needed
