"""An outsider who tries to get hidden cells back from what a dashboard publishes.

They know every shown number, the method (docs/monitoring.md, monitoring/suppression.py)
and every sum the tables publish:
- each column of an additive table (the breakdowns, trainers by level, certificates by
  kind) adds up to its total;
- organisations add up to their region (a row of "by_organisation" carries its region's
  key as `group`);
- professionals and young people add up to the people reached, in every row and total;
- every breakdown has the same total; the funnel's enrolled are its people reached and,
  over the whole record (no `since`), its completed and certified are the total's too.

What a cell tells them of its count: a hidden count is at least 1 (zero is always
shown); a shown 0 is 0; a shown count of people is rounded, so it stands for every count
(at least the threshold) that shows that figure.

Two attacks, run together:
- exact elimination over the rationals: each published sum is an equation; the hidden
  counts are eliminated one after the other (Gauss–Jordan), the shown counts kept as
  unknowns with their ranges, so each hidden count ends up expressed exactly through the
  others; a hidden count whose equation holds nothing else is determined;
- bounds: every count starts with the range its figure allows, and each equation (the
  published ones and the eliminated ones) narrows its terms from the others' ranges,
  until nothing moves. A hidden count whose range closes on one value is pinned.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction

from monitoring.figures import PEOPLE
from monitoring.suppression import ROUNDING, TOTAL, ProtectedTable, shown_count

ADDITIVE = ("trainers", "certificates")  # besides the breakdowns ("by_...")
REFERENCE = "by_generation"  # any breakdown: all totals are equal
FUNNEL_TOTALS = {"enrolled": "reached", "completed": "completed", "certified": "certified"}


@dataclass(frozen=True, order=True)
class Address:
    table: str
    row: int  # index in the table's rows, or TOTAL
    measure: str


@dataclass
class Attack:
    equations: list[dict[Address, int]]
    # hidden counts that the published sums fix to one value
    determined: dict[Address, Fraction] = field(default_factory=dict)
    # hidden counts whose range closes on one value
    pinned: dict[Address, int] = field(default_factory=dict)
    bounds: dict[Address, tuple[float, float]] = field(default_factory=dict)


def _rows(table: ProtectedTable):
    yield from enumerate(table.rows)
    if table.total is not None:
        yield TOTAL, table.total


def cell(tables: dict[str, ProtectedTable], address: Address):
    table = tables[address.table]
    row = table.total if address.row == TOTAL else table.rows[address.row]
    return row.cell(address.measure)


def _is_people(tables, address: Address) -> bool:
    table = tables[address.table]
    row = table.total if address.row == TOTAL else table.rows[address.row]
    return any(c.measure == address.measure and c.kind == PEOPLE for c in row.cells)


def _people(table: ProtectedTable) -> list[str]:
    kinds = {c.measure: c.kind for _index, row in _rows(table) for c in row.cells}
    return [measure for measure in table.measures if kinds.get(measure) == PEOPLE]


def published_sums(
    tables: dict[str, ProtectedTable], *, funnel: bool = True, period: bool = False
) -> list[dict[Address, int]]:
    """Every published sum of counts of people, as {cell: coefficient} adding up to zero
    (without `funnel`: leaving out that the funnel repeats the breakdowns' totals)."""
    equations: list[dict[Address, int]] = []

    def equation(plus: list[Address], minus: list[Address]) -> None:
        terms: dict[Address, int] = {}
        for address in plus:
            terms[address] = terms.get(address, 0) + 1
        for address in minus:
            terms[address] = terms.get(address, 0) - 1
        terms = {address: value for address, value in terms.items() if value}
        if terms and all(_is_people(tables, address) for address in terms):
            equations.append(terms)

    breakdowns = [name for name in tables if name.startswith("by_")]
    for name in [*breakdowns, *(name for name in ADDITIVE if name in tables)]:
        table = tables[name]
        if table.total is None:
            continue
        for measure in _people(table):
            rows = [Address(name, index, measure) for index in range(len(table.rows))]
            equation(rows, [Address(name, TOTAL, measure)])
    for name in breakdowns:
        table = tables[name]
        if {"reached", "professionals", "young_people"} <= set(table.measures):
            for index, _row in _rows(table):
                equation(
                    [Address(name, index, "professionals"), Address(name, index, "young_people")],
                    [Address(name, index, "reached")],
                )
        if name != REFERENCE and REFERENCE in tables and table.total is not None:
            for measure in _people(table):
                equation([Address(name, TOTAL, measure)], [Address(REFERENCE, TOTAL, measure)])
    if "by_organisation" in tables and "by_region" in tables:
        organisations, regions = tables["by_organisation"], tables["by_region"]
        for measure in _people(organisations):
            for region_index, region in enumerate(regions.rows):
                members = [
                    Address("by_organisation", index, measure)
                    for index, row in enumerate(organisations.rows)
                    if (row.group or "") == region.key
                ]
                equation(members, [Address("by_region", region_index, measure)])
    if funnel and "funnel" in tables and REFERENCE in tables:
        stages = {row.key: index for index, row in enumerate(tables["funnel"].rows)}
        for stage, measure in FUNNEL_TOTALS.items():
            if stage in stages and (stage == "enrolled" or not period):
                equation(
                    [Address("funnel", stages[stage], "people")],
                    [Address(REFERENCE, TOTAL, measure)],
                )
    return equations


def known_range(value, hidden: bool, threshold: int, rounding: int = ROUNDING) -> tuple:
    """The counts a cell can stand for, as a reader of the method tells them."""
    if hidden:
        return (1, math.inf)
    if not value:
        return (0, 0)
    counts = [
        count
        for count in range(threshold, int(value) + rounding + 1)
        if shown_count(count, threshold, rounding) == value
    ]
    return (min(counts), max(counts))


def _eliminated(equations: list[dict[Address, int]], hidden: set[Address]) -> list[dict]:
    """The equations after eliminating each hidden count in turn (Gauss–Jordan over the
    rationals): each hidden count that can be is expressed through the others."""
    rows = [{address: Fraction(c) for address, c in terms.items()} for terms in equations]
    used: set[int] = set()
    for variable in sorted(hidden):
        pivot = next((i for i, row in enumerate(rows) if i not in used and row.get(variable)), None)
        if pivot is None:
            continue
        used.add(pivot)
        scale = rows[pivot][variable]
        rows[pivot] = {address: c / scale for address, c in rows[pivot].items()}
        for i, row in enumerate(rows):
            factor = row.get(variable) if i != pivot else None
            if factor:
                merged = dict(row)
                for address, c in rows[pivot].items():
                    merged[address] = merged.get(address, 0) - factor * c
                rows[i] = {address: c for address, c in merged.items() if c != 0}
    return [row for row in rows if row]


def attack(
    tables: dict[str, ProtectedTable],
    threshold: int,
    rounding: int = ROUNDING,
    *,
    funnel: bool = True,
    period: bool = False,
) -> Attack:
    """What the published sums give back of the hidden counts (`period`: of a view with a
    `since`)."""
    equations = published_sums(tables, funnel=funnel, period=period)
    result = Attack(equations=equations)
    addresses = sorted({address for terms in equations for address in terms})
    hidden = {address for address in addresses if cell(tables, address).hidden}
    low, high = {}, {}
    for address in addresses:
        shown = cell(tables, address)
        low[address], high[address] = known_range(shown.value, shown.hidden, threshold, rounding)

    # Exact: a count of a known range of one value is a constant.
    reduced = _eliminated(equations, hidden)
    for row in reduced:
        unknown = [a for a in row if low[a] != high[a]]
        if len(unknown) == 1 and unknown[0] in hidden:
            (variable,) = unknown
            constant = -sum(c * low[a] for a, c in row.items() if a != variable)
            result.determined[variable] = constant / row[variable]

    # Bounds, carried through every equation until nothing moves.
    linear = [{a: Fraction(c) for a, c in terms.items()} for terms in equations] + reduced
    for _round in range(500):
        moved = False
        for row in linear:
            moved |= _narrow(row, low, high)
        if not moved:
            break
    result.bounds = {address: (low[address], high[address]) for address in hidden}
    result.pinned = {a: int(low[a]) for a in sorted(hidden) if low[a] == high[a]}
    return result


def _narrow(row: dict[Address, Fraction], low: dict, high: dict) -> bool:
    """Narrow each term of Σ coefficient × count = 0 from the others' ranges."""
    # Each term's contribution c × x lies in [least, most].
    spans = {}
    for address, c in row.items():
        ends = (c * low[address], c * high[address])
        spans[address] = (min(ends), max(ends))
    finite_least = sum(lo for lo, _hi in spans.values() if lo != -math.inf)
    finite_most = sum(hi for _lo, hi in spans.values() if hi != math.inf)
    infinite_least = sum(1 for lo, _hi in spans.values() if lo == -math.inf)
    infinite_most = sum(1 for _lo, hi in spans.values() if hi == math.inf)
    moved = False
    for address, c in row.items():
        lo, hi = spans[address]
        # The others add up to −c × x, so c × x lies in [−(others' most), −(others' least)].
        others_most = (
            None
            if infinite_most - (hi == math.inf) > 0
            else finite_most - (hi if hi != math.inf else 0)
        )
        others_least = (
            None
            if infinite_least - (lo == -math.inf) > 0
            else finite_least - (lo if lo != -math.inf else 0)
        )
        least = None if others_most is None else -others_most
        most = None if others_least is None else -others_least
        if c < 0:
            least, most = most, least
        new_low = None if least is None else Fraction(least) / c
        new_high = None if most is None else Fraction(most) / c
        if new_low is not None and math.ceil(new_low) > low[address]:
            low[address], moved = math.ceil(new_low), True
        if new_high is not None and math.floor(new_high) < high[address]:
            high[address], moved = math.floor(new_high), True
    return moved
