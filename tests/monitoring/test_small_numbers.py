"""Small numbers stay private: no count under 5 comes back from what a view publishes.

The attacker here reads every figure of a view (a country or all countries, to
date or for a month) and every sum they obey: each column to its total, the
breakdowns' shared total, organisations to their region, professionals and
young people to the people reached. It narrows every count down as far as the
rounded figures and those sums allow (interval propagation). No small count
may come out as one value.

Across views (a month against the figures to date, a country against all
countries) rounding leaves ranges rather than numbers, but near 5 a reader who
links many views can sometimes narrow one down; docs/monitoring.md says so.
`_attack(..., across=...)` measures that; it is not a promise the tests make.
"""

from __future__ import annotations

import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monitoring.figures import Figures, Row, Table
from monitoring.suppression import protect

THRESHOLD = 5
PEOPLE = ("reached", "professionals", "young_people")
TOTAL = "Σ"  # a total's key in the attacker's addresses (a row may be keyed "")
MONTHS = ("2026-01", "2026-02", "2026-03")
REGIONS = {"11": "North", "12": "North", "13": "South", "21": "East", "22": ""}


def rounded_to_5(count: int) -> int:
    """What the docs promise a count of 5 or more shows."""
    nearest = 5 * ((count + 2) // 5)  # counts are whole: no halves to break
    return max(5, nearest)


# --- A world of people, counted by hand -------------------------------------------------------

person = st.fixed_dictionaries(
    {
        "country": st.sampled_from(["1", "2"]),
        "organisation": st.sampled_from(sorted(REGIONS)),
        "month": st.sampled_from(MONTHS),
        "generation": st.sampled_from(["0", "1", "2", ""]),
        "young": st.booleans(),
    }
)


def _counts(group: list[dict]) -> dict:
    young = sum(1 for one in group if one["young"])
    return {"reached": len(group), "professionals": len(group) - young, "young_people": young}


def _table(people: list[dict], dimension: str) -> Table:
    def key(one):
        return REGIONS[one["organisation"]] if dimension == "region" else one[dimension]

    groups: dict[str, list[dict]] = {}
    for one in people:
        groups.setdefault(key(one), []).append(one)
    rows = [Row(key=name, values=_counts(group)) for name, group in sorted(groups.items())]
    if dimension == "organisation":
        for row in rows:
            row.group = REGIONS[row.key]
    return Table(
        name=f"by_{dimension}",
        dimension=dimension,
        measures=list(PEOPLE),
        rows=rows,
        total=Row(key="", values=_counts(people)),
        groups_from="by_region" if dimension == "organisation" else None,
    )


def _figures(people: list[dict], country: str | None, month: str | None = None) -> Figures:
    dimensions = ["organisation", "region", "month", "generation"]
    dimensions += [] if country else ["country"]
    return Figures(
        country_id=int(country) if country else None,
        until=datetime.date(2026, 3, 31),
        computed_at=datetime.datetime(2026, 4, 1, tzinfo=datetime.UTC),
        since=datetime.date.fromisoformat(f"{month}-01") if month else None,
        tables={f"by_{dimension}": _table(people, dimension) for dimension in dimensions},
    )


def _published(people: list[dict]) -> dict[str, Figures]:
    """Every view: "1", "2", "all", and each of them for one month ("1:2026-02")."""
    views = {}
    for country in ("1", "2", None):
        mine = [one for one in people if country is None or one["country"] == country]
        name = country or "all"
        views[name] = _figures(mine, country)
        for month in MONTHS:
            views[f"{name}:{month}"] = _figures(
                [one for one in mine if one["month"] == month], country, month
            )
    return views


# --- The attacker -----------------------------------------------------------------------------


def _protected(views: dict[str, Figures], view: str):
    """A view as the dashboard shows it: a month against the figures to date."""
    scope, _, month = view.partition(":")
    return protect(views[view], THRESHOLD, to_date=views[scope] if month else None)


def _links(views: dict[str, Figures], *, across: tuple[str, ...] = ()):
    """The sums (parts, total) and equalities (one, other) any reader knows hold."""
    sums, same = [], []
    for view, figures in views.items():
        for name, table in figures.tables.items():
            if not name.startswith("by_"):
                continue
            keys = [row.key for row in table.rows]
            for measure in PEOPLE:
                sums.append(
                    ([(view, name, key, measure) for key in keys], (view, name, TOTAL, measure))
                )
                same.append(((view, name, TOTAL, measure), (view, "by_month", TOTAL, measure)))
            if name == "by_organisation":
                for region in {row.group or "" for row in table.rows}:
                    for measure in PEOPLE:
                        parts = [
                            (view, name, row.key, measure)
                            for row in table.rows
                            if (row.group or "") == region
                        ]
                        sums.append((parts, (view, "by_region", region, measure)))
            for key in [*keys, TOTAL]:
                sums.append(
                    (
                        [(view, name, key, "professionals"), (view, name, key, "young_people")],
                        (view, name, key, "reached"),
                    )
                )
        scope, _, month = view.partition(":")
        for measure in PEOPLE:
            if (
                "countries" in across and scope != "all"
            ):  # a country's total is its row among all countries
                everywhere = f"all:{month}" if month else "all"
                same.append(
                    ((view, "by_month", TOTAL, measure), (everywhere, "by_country", scope, measure))
                )
            if "months" in across and month:  # a month's own total is its row in the month table
                same.append(
                    ((view, "by_month", TOTAL, measure), (scope, "by_month", month, measure))
                )
    return sums, same


def _attack(views: dict[str, Figures], *, across: tuple[str, ...] = ()) -> list[tuple]:
    """Every small hidden count the attacker narrows down to one value."""
    truth, seen = {}, {}
    for view, figures in views.items():
        protected = _protected(views, view)
        for name, table in figures.tables.items():
            shown = protected[name]
            rows = [*table.rows, table.total] if table.total else table.rows
            for row, shown_row in zip(rows, shown.all_rows, strict=True):
                key = TOTAL if row is table.total else row.key
                for cell in shown_row.cells:
                    address = (view, name, key, cell.measure)
                    truth[address] = row.values.get(cell.measure) or 0
                    seen[address] = (cell.value, cell.hidden)

    def start(address) -> tuple:
        if address not in seen:  # a row a view does not have: nobody there
            return (0, 0)
        value, hidden = seen[address]
        if hidden:  # fewer than 5, or hidden to protect one that is: the page says no more
            return (1, 10**9)
        if not value:
            return (0, 0)
        return (max(value - 2, THRESHOLD), value + 2)

    sums, same = _links(views, across=across)
    ranges: dict = {}
    for parts, total in sums:
        for address in (*parts, total):
            ranges.setdefault(address, start(address))
    for one, other in same:
        ranges.setdefault(one, start(one))
        ranges.setdefault(other, start(other))
    for _ in range(100):
        before = dict(ranges)
        for parts, total in sums:
            lows = [ranges[part][0] for part in parts]
            highs = [ranges[part][1] for part in parts]
            low, high = ranges[total]
            ranges[total] = (max(low, sum(lows)), min(high, sum(highs)))
            for number, part in enumerate(parts):
                part_low, part_high = ranges[part]
                ranges[part] = (
                    max(part_low, ranges[total][0] - (sum(highs) - highs[number])),
                    min(part_high, ranges[total][1] - (sum(lows) - lows[number])),
                )
        for one, other in same:
            both = (max(ranges[one][0], ranges[other][0]), min(ranges[one][1], ranges[other][1]))
            ranges[one] = ranges[other] = both
        if ranges == before:
            break
    for address, (low, high) in ranges.items():
        true = truth.get(address, 0)
        assert low <= true <= high, f"the attacker's own reasoning is wrong at {address}"
    return [
        (address, truth[address])
        for address, (value, hidden) in seen.items()
        if hidden
        and truth[address] < THRESHOLD
        and address in ranges
        and ranges[address][0] == ranges[address][1]
    ]


# --- Tests ------------------------------------------------------------------------------------


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(person, max_size=45))
def test_no_small_count_comes_back_from_every_view_together(people):
    assert _attack(_published(people)) == []


@settings(max_examples=80, deadline=None)
@given(st.lists(person, max_size=45))
def test_a_count_shows_as_zero_or_rounded_to_5_and_a_small_one_is_hidden(people):
    for figures in _published(people).values():
        protected = protect(figures, THRESHOLD)
        for name, table in figures.tables.items():
            for row, shown in zip(
                [*table.rows, table.total], protected[name].all_rows, strict=True
            ):
                for cell in shown.cells:
                    true = row.values[cell.measure]
                    if cell.hidden or 0 < true < THRESHOLD:
                        assert cell.hidden and cell.value is None
                    elif true == 0:
                        assert cell.value == 0
                    else:
                        assert cell.value == rounded_to_5(true)


def _world(**counts) -> list[dict]:
    """People from names like c1_o11_m3_y=3: country 1, organisation 11, March, young."""
    people = []
    for key, number in counts.items():
        country, organisation, month, young = key.split("_")
        one = {
            "country": country[1:],
            "organisation": organisation[1:],
            "month": MONTHS[int(month[1:]) - 1],
            "generation": "1",
            "young": young == "y",
        }
        people += [dict(one) for _ in range(number)]
    return people


def test_three_young_people_in_march_stay_hidden_whatever_view_is_compared():
    # The probe's case: a month's small count against the figures to date and the
    # month's own view. Exact figures gave it back by subtraction.
    views = _published(_world(c1_o11_m1_p=20, c1_o11_m3_y=3, c1_o12_m2_p=13, c2_o21_m1_p=10))
    march = protect(views["1:2026-03"], THRESHOLD)["by_month"]
    assert march.total.cell("young_people").hidden
    assert protect(views["1"], THRESHOLD)["by_month"].total.cell("reached").value == 35  # 36
    assert _attack(views) == []


def test_an_organisation_alone_in_its_region_keeps_its_small_count():
    views = _published(_world(c1_o13_m1_p=3, c1_o11_m1_p=12, c1_o12_m1_p=9))
    organisations = protect(views["1"], THRESHOLD)["by_organisation"]
    south = next(row for row in organisations.rows if row.key == "13")
    assert south.cell("reached").hidden
    assert _attack(views) == []


@pytest.mark.parametrize("threshold", [5, 10])
def test_rates_and_means_of_few_people_are_hidden(threshold):
    def row(key, reached, rate, gain_people, gain):
        values = {"reached": reached, "attendance_rate": rate, "members": reached}
        return Row(key=key, values=values | {"gain_people": gain_people, "mean_gain": gain})

    table = Table(
        name="by_month",
        dimension="month",
        measures=["reached", "attendance_rate", "gain_people", "mean_gain"],
        rows=[row("2026-01", 30, 90.0, 3, 40.0), row("2026-02", 8, 50.0, 8, 10.0)],
        total=row("", 38, 81.6, 11, 16.4),
    )
    figures = Figures(
        country_id=1,
        until=datetime.date(2026, 3, 31),
        computed_at=datetime.datetime(2026, 4, 1, tzinfo=datetime.UTC),
        tables={"by_month": table},
    )
    january, february = protect(figures, threshold)["by_month"].rows
    assert january.cell("mean_gain").hidden  # 3 people with both tests
    assert not january.cell("attendance_rate").hidden
    assert february.cell("attendance_rate").hidden is (threshold > 8)
    assert february.cell("mean_gain").hidden is (threshold > 8)


def test_the_rounding_the_test_expects_is_the_documented_one():
    assert [rounded_to_5(count) for count in (5, 6, 7, 8, 12, 13, 23, 102)] == [
        5,
        5,
        5,
        10,
        10,
        15,
        25,
        100,
    ]
