"""Small numbers stay private: no shown count of people under the threshold, and no hidden
cell that an outsider gets back from the published sums (attacker.py).

On the demo's figures for every country and all countries, on figures made at random
(people with random attributes, counted into tables that add up as the real ones do), and
through the dashboard with another threshold.
"""

from __future__ import annotations

import datetime
from collections import Counter

import pytest
from django.test import override_settings
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from monitoring.figures import (
    BREAKDOWN_MEASURES,
    MEASURE_KINDS,
    PEOPLE,
    Figures,
    Row,
    Table,
)
from monitoring.selectors.dashboard import dashboard_for
from monitoring.selectors.figures import all_figures
from monitoring.suppression import TOTAL, protect
from tests.factories import clock

from . import test_reconciliation as reconciliation
from .attacker import Address, attack, published_sums
from .test_reconciliation import NOTHING, NOW, build

# The demo (loaded once for this module too) and the course pages, from the reconciliation tests.
demo = reconciliation.demo
courses = reconciliation.courses

THRESHOLD = 5


def true_value(figures: Figures, address: Address):
    table = figures.tables[address.table]
    row = table.total if address.row == TOTAL else table.rows[address.row]
    return row.values.get(address.measure) or 0


def leaks(figures: Figures, threshold: int = THRESHOLD, *, funnel: bool = True) -> list[str]:
    """Everything that gives a small number away, described; empty when nothing does.

    Without `funnel` the attacker leaves out that the funnel repeats the breakdowns' totals.
    """
    tables = protect(figures, threshold)
    found = []
    for name, table in tables.items():
        raw = figures.tables[name]
        for index, row in [*enumerate(table.rows), (TOTAL, table.total)]:
            if row is None:
                continue
            values = (raw.total if index == TOTAL else raw.rows[index]).values
            shown = {cell.measure: cell for cell in row.cells if not cell.hidden}
            for cell in shown.values():
                if cell.kind == PEOPLE and cell.value and 0 < cell.value < threshold:
                    found.append(f"{name}[{row.key!r}].{cell.measure} shown: {cell.value}")
            # A rate, a mean or a multiplier comes only from people who are shown.
            for measure, bases in {
                "attendance_rate": ["members"],
                "mean_gain": ["gain_people"],
                "multiplier": ["reached", "trained_directly"],
            }.items():
                if measure in shown and shown[measure].value is not None:
                    for base in bases:
                        if base in row_measures(row) and base not in shown:
                            found.append(f"{name}[{row.key!r}].{measure} shown, {base} hidden")
                        if 0 < (values.get(base) or 0) < threshold:
                            found.append(
                                f"{name}[{row.key!r}].{measure} shown on {values[base]} {base}"
                            )
    # The published sums hold for the true numbers (else the attack below proves nothing).
    period = figures.since is not None
    for terms in published_sums(tables, funnel=funnel, period=period):
        if sum(coefficient * true_value(figures, a) for a, coefficient in terms.items()):
            found.append(f"a published sum does not hold: {terms}")
    result = attack(tables, threshold, funnel=funnel, period=period)
    for address, (low, high) in result.bounds.items():
        assert low <= true_value(figures, address) <= high, f"attacker unsound at {address}"
    for address, value in {**result.pinned, **result.determined}.items():
        if 0 < true_value(figures, address) < threshold:
            found.append(f"{address} is {value}: recovered ({true_value(figures, address)})")
    return found


def row_measures(row) -> set[str]:
    return {cell.measure for cell in row.cells}


# --- Figures made at random ---------------------------------------------------------------------

MONTHS = ["2026-01", "2026-02", "2026-03"]


@st.composite
def people_tables(draw):
    """People with random attributes (make_figures counts them as the aggregate layer does:
    each person in one row of each breakdown, each event in its own month)."""
    regions = draw(st.integers(1, 3))
    # Regions of one organisation are common: each organisation picks a region.
    organisations = draw(st.lists(st.integers(0, regions - 1), min_size=1, max_size=5))
    countries = draw(st.sampled_from([[], ["1", "2"], ["1", "2", "3"]]))
    person = st.fixed_dictionaries(
        {
            "organisation": st.none() | st.integers(0, len(organisations) - 1),
            "course": st.sampled_from(["c1", "c2", "c3"]),
            "language": st.sampled_from(["bg", "en", ""]),
            "generation": st.sampled_from(["0", "1", "2", ""]),
            "country": st.sampled_from(countries or [""]),
            "reached_in": st.sampled_from(MONTHS),
            "young": st.booleans().map(lambda young: young and draw(st.booleans())),
            "attended": st.booleans(),
            "completed_in": st.none() | st.sampled_from(MONTHS),
            "certified_in": st.none() | st.sampled_from(MONTHS),
            "gain": st.none() | st.tuples(st.sampled_from(["c1", "c2"]), st.integers(-30, 80)),
        }
    )
    people = draw(st.lists(person, max_size=45))
    trainers = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "row": st.none() | st.integers(0, max(len(people) - 1, 0)),
                    "month": st.sampled_from(MONTHS),
                    "level": st.sampled_from(["master_trainer", "trainer"]),
                    "status": st.sampled_from(["accredited", "active", "expiring", "expired"]),
                }
            ),
            max_size=14,
        )
    )
    cohorts = draw(st.integers(0, 6))
    certificates = draw(st.lists(st.sampled_from(["completion", "youth", "accreditation"])))
    masters = draw(st.lists(st.tuples(st.integers(0, 12), st.integers(0, 40)), max_size=4))
    members = draw(st.integers(0, 12))
    return {
        "organisations": organisations,
        "countries": countries,
        "people": people,
        "trainers": trainers,
        "cohorts": cohorts,
        "certificates": certificates,
        "masters": masters,
        "members": members,
    }


def make_figures(
    organisations, countries, people, trainers, cohorts, certificates, masters, members
):
    def region(organisation):
        return "" if organisation is None else f"Region {organisations[organisation]}"

    def keys(person, dimension):
        if dimension == "organisation":
            return "" if person["organisation"] is None else str(person["organisation"] + 1)
        if dimension == "region":
            return region(person["organisation"])
        return person[dimension]

    dimensions = ["organisation", "region", "month", "course", "language", "generation"]
    if countries:
        dimensions.append("country")
    tables = {}
    for dimension in dimensions:
        counts: dict[str, Counter] = {}

        def add(key, measure, amount=1, counts=counts):
            counts.setdefault(key, Counter())[measure] += amount

        gains: dict[str, list[int]] = {}
        for person in people:
            key = person["reached_in"] if dimension == "month" else keys(person, dimension)
            add(key, "reached")
            add(key, "young_people" if person["young"] else "professionals")
            if person["completed_in"]:
                add(person["completed_in"] if dimension == "month" else key, "completed")
                if person["certified_in"]:
                    add(person["certified_in"] if dimension == "month" else key, "certified")
            if person["gain"]:
                gain_key = person["gain"][0] if dimension == "course" else key
                add(gain_key, "gain_people")
                gains.setdefault(gain_key, []).append(person["gain"][1])
        for trainer in trainers:
            if trainer["status"] == "expired":
                continue
            if dimension == "month":
                key = trainer["month"]
            elif trainer["row"] is None or not people:
                key = "" if dimension != "country" else (countries[0] if countries else "")
            else:
                key = keys(people[trainer["row"]], dimension)
            add(key, "trainers")
        for index, key in enumerate(sorted(counts)):
            add(key, "cohorts_held", (cohorts + index) % 3)
            add(key, "members", (members + 2 * index) % 9)
        rows = []
        for key in sorted(counts):
            values = {measure: counts[key][measure] for measure in BREAKDOWN_MEASURES}
            values["members"] = counts[key]["members"]
            values["attendance_rate"] = 80.0 if values["members"] else None
            values["mean_gain"] = (
                round(sum(gains[key]) / len(gains[key]), 1) if gains.get(key) else None
            )
            rows.append(
                Row(
                    key=key,
                    values=values,
                    group=region(int(key) - 1)
                    if dimension == "organisation" and key
                    else ("" if dimension == "organisation" else None),
                )
            )
        total = dict.fromkeys(BREAKDOWN_MEASURES, 0)
        for row in rows:
            for measure in BREAKDOWN_MEASURES:
                if MEASURE_KINDS[measure] in ("people", "count"):
                    total[measure] += row.values[measure]
        total["members"] = sum(row.values["members"] for row in rows)
        total["attendance_rate"] = 80.0 if total["members"] else None
        every_gain = [gain for person in people if person["gain"] for gain in [person["gain"][1]]]
        total["mean_gain"] = round(sum(every_gain) / len(every_gain), 1) if every_gain else None
        tables[f"by_{dimension}"] = Table(
            name=f"by_{dimension}",
            dimension=dimension,
            measures=list(BREAKDOWN_MEASURES),
            rows=rows,
            total=Row(key="", values=total),
            groups_from="by_region" if dimension == "organisation" else None,
        )
    statuses = ["accredited", "active", "expiring", "expired"]
    levels = []
    for level in ["master_trainer", "trainer"]:
        mine = [trainer for trainer in trainers if trainer["level"] == level]
        values = dict.fromkeys(statuses, 0)
        for trainer in mine:
            if trainer["status"] == "expired":
                values["expired"] += 1
            else:
                values["accredited"] += 1
                if trainer["status"] in ("active", "expiring"):
                    values[trainer["status"]] += 1
        levels.append(Row(key=level, values=values))
    tables["trainers"] = Table(
        name="trainers",
        dimension="level",
        measures=statuses,
        rows=levels,
        total=Row(key="", values={s: sum(row.values[s] for row in levels) for s in statuses}),
    )
    funnel = {
        "enrolled": len(people),
        "attended": sum(1 for person in people if person["attended"] or person["completed_in"]),
        "completed": sum(1 for person in people if person["completed_in"]),
        "certified": sum(
            1 for person in people if person["completed_in"] and person["certified_in"]
        ),
    }
    tables["funnel"] = Table(
        name="funnel",
        dimension="stage",
        measures=["people"],
        rows=[Row(key=stage, values={"people": count}) for stage, count in funnel.items()],
        additive=False,
    )
    kinds = Counter(certificates)
    tables["certificates"] = Table(
        name="certificates",
        dimension="certificate_kind",
        measures=["certificates"],
        rows=[
            Row(key=kind, values={"certificates": kinds[kind]})
            for kind in ["completion", "youth", "accreditation"]
        ],
        total=Row(key="", values={"certificates": len(certificates)}),
    )
    tables["master_trainers"] = Table(
        name="master_trainers",
        dimension="trainer",
        measures=["cohorts", "trained_directly", "reached", "multiplier"],
        rows=[
            Row(
                key=str(index),
                values={
                    "cohorts": 1,
                    "trained_directly": trained,
                    "reached": trained + more,
                    "multiplier": round((trained + more) / trained, 1) if trained else None,
                },
            )
            for index, (trained, more) in enumerate(masters)
        ],
        additive=False,
    )
    return Figures(
        country_id=None,
        until=datetime.date(2026, 3, 31),
        computed_at=NOW,
        tables=tables,
    )


RANDOM_TABLES = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
THRESHOLDS = st.sampled_from([3, 5, 5, 5, 10])


@RANDOM_TABLES
@given(world=people_tables(), threshold=THRESHOLDS)
def test_random_tables_give_no_small_number_away_through_their_sums(world, threshold):
    """Every sum of the breakdowns, trainers and certificates: nothing comes back."""
    assert leaks(make_figures(**world), threshold, funnel=False) == []


def person(**attributes) -> dict:
    return {
        "organisation": None,
        "course": "c1",
        "language": "bg",
        "generation": "0",
        "country": "1",
        "reached_in": "2026-01",
        "young": False,
        "attended": False,
        "completed_in": None,
        "certified_in": None,
        "gain": None,
        **attributes,
    }


# Seven people: six professionals (five reached in January, one in February) and one young
# person of organisation 1. The breakdowns hide the people reached (7), but the funnel shows
# them as "enrolled" (5, so 5 to 7), and the months' rows make them at least 7: the total is
# 7, professionals 6 or 7, so the young person comes back as 1.
FUNNEL_GIVES_THE_TOTAL = {
    "organisations": [0],
    "countries": ["1", "2"],
    "people": [
        *[person() for _ in range(5)],
        person(reached_in="2026-02"),
        person(organisation=0, young=True),
    ],
    "trainers": [],
    "cohorts": 0,
    "certificates": [],
    "masters": [],
    "members": 0,
}


@RANDOM_TABLES
@example(world=FUNNEL_GIVES_THE_TOTAL, threshold=5)
@given(world=people_tables(), threshold=THRESHOLDS)
def test_random_tables_give_no_small_number_away_with_the_funnel(world, threshold):
    assert leaks(make_figures(**world), threshold) == []


# --- What the figures count as the base of a rate -----------------------------------------------


def test_a_rate_of_two_people_in_three_cohorts_is_hidden(courses):
    pages, test = courses
    cohort = {
        "organisation": 0,
        "kind": "national_training",
        "generation": 1,
        "starts": -30,
        "length": 1,
        "cancelled": False,
        "language": "bg",
        "course": 0,
    }
    build(
        {
            **NOTHING,
            "persons": [
                {"country": 0, "organisation": 0, "account": False, "language": ""},
                {"country": 0, "organisation": 0, "account": False, "language": ""},
            ],
            "cohorts": [cohort, {**cohort, "starts": -20}, {**cohort, "starts": -10}],
            "memberships": [(c, p, None) for c in range(3) for p in range(2)],
            "sessions": [(c, 0, 9) for c in range(3)],
            "attendance": [(c, p, "present", True) for c in range(3) for p in range(2)],
        },
        pages,
        test,
    )
    with clock(NOW):
        dashboard = dashboard_for(None, until=NOW.date())
    organisation = dashboard.tables["by_organisation"].rows[0]
    assert organisation.cell("reached").hidden  # two people
    assert organisation.cell("attendance_rate").hidden  # shown: 100.0


# --- The demo (last: its data stays loaded until the module ends) -------------------------------


@pytest.mark.parametrize(
    ("since", "until"),
    [(None, None), (datetime.date(2025, 11, 1), datetime.date(2026, 1, 31))],
)
def test_demo_gives_no_small_number_away(demo, db, since, until):
    """Every country and all countries, to date and for a quarter, each view on its own."""
    with clock(demo):
        every = all_figures(since=since, until=until)
    found = []
    hidden = 0
    for scope, figures in every.items():
        found += [f"country {scope}: {line}" for line in leaks(figures)]
        hidden += sum(table.hidden for table in protect(figures, THRESHOLD).values())
    assert not found, "\n".join(found)
    assert hidden > 0  # the demo has small cells: the test attacks something


def test_another_threshold_shows_nothing_under_it(demo, db):
    """With MONITORING_SMALL_CELL_THRESHOLD = 10 no count of 1 to 9 people is shown."""
    from courses.models import Country

    shown_small = []
    with override_settings(MONITORING_SMALL_CELL_THRESHOLD=10), clock(demo):
        for country in [None, *Country.objects.all()]:
            dashboard = dashboard_for(country, until=demo.date())
            assert dashboard.threshold == 10
            if country is None:
                hidden_at_ten = sum(table.hidden for table in dashboard.tables.values())
            for name, table in dashboard.tables.items():
                for row in table.all_rows:
                    for cell in row.cells:
                        if cell.kind == PEOPLE and not cell.hidden and 0 < (cell.value or 0) < 10:
                            shown_small.append(f"{country} {name} {row.key} {cell.measure}")
    with clock(demo):
        hidden_at_five = sum(
            table.hidden for table in dashboard_for(None, until=demo.date()).tables.values()
        )
    assert not shown_small
    assert hidden_at_ten > hidden_at_five
