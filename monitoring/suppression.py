"""Small numbers stay private: counts of people are rounded to 5, and those under 5 hidden.

1. A count of people from 1 to threshold − 1 is hidden (0 is shown: nobody
   is described by it).
2. Every other count of people is rounded to the nearest multiple of
   `rounding` (5): totals too, each from its exact count, so rounded rows need
   not add up to their rounded total. A count is never shown under the
   threshold: one that would round below it shows the threshold's multiple.
   Subtracting rounded figures (a total from its rows, one period from
   another, a country from all countries) gives a range, never the number:
   that is what complementary suppression alone could not promise once
   periods can be chosen.
3. Where the published sums (each column to its total, organisations to their
   region, professionals and young people to the people reached) would still
   narrow a hidden cell down to one value, the smallest shown part of that sum
   is hidden too, until none is.
4. A rate, a mean or a ratio is hidden when a count it comes from is hidden or
   under the threshold.

Counts of cohorts and of trainers (accredited professionals, named in public
on their certificates) are exact. docs/monitoring.md explains the method to
readers; the dashboard says it in one sentence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .figures import BASES, MEASURE_KINDS, PEOPLE, ROW_SUMS, Figures, Row, Table

TOTAL = -1  # the index of a table's total row in a cell address
ROUNDING = 5


@dataclass
class Cell:
    measure: str
    kind: str
    value: float | int | None
    hidden: bool = False


@dataclass
class ProtectedRow:
    key: str
    cells: list[Cell]
    label: str = ""
    detail: str = ""
    group: str | None = None
    parent: str | None = None

    def cell(self, measure: str) -> Cell:
        return next(cell for cell in self.cells if cell.measure == measure)


@dataclass
class ProtectedTable:
    name: str
    dimension: str
    measures: list[str]
    rows: list[ProtectedRow]
    total: ProtectedRow | None = None
    hidden: int = 0  # how many cells are hidden

    @property
    def all_rows(self) -> list[ProtectedRow]:
        return [*self.rows, self.total] if self.total else list(self.rows)


def _is_small(value, threshold: int) -> bool:
    return value is not None and 0 < value < threshold


def _constraints(table: Table, measure: str, group_hidden: dict | None) -> Iterable[tuple]:
    """(parts, total) of every sum the table publishes for one people measure."""
    indices = range(len(table.rows))
    if table.total is not None:
        yield [(index, measure) for index in indices], (TOTAL, measure)
    if group_hidden is not None:
        groups: dict[str, list[int]] = {}
        for index in indices:
            groups.setdefault(table.rows[index].group or "", []).append(index)
        for group, members in groups.items():
            # The total is the group's own row in the other table (a region).
            yield [(index, measure) for index in members], ("group", group, measure)


def _row_constraints(table: Table) -> Iterable[tuple]:
    for whole, parts in ROW_SUMS.items():
        if whole in table.measures and all(part in table.measures for part in parts):
            for index in [*range(len(table.rows)), TOTAL]:
                if index == TOTAL and table.total is None:
                    continue
                yield [(index, part) for part in parts], (index, whole)


def shown_count(value: int, threshold: int, rounding: int = ROUNDING) -> int:
    """What a count of people of at least `threshold` shows: rounded to `rounding`."""
    rounded = (value + rounding // 2) // rounding * rounding
    floor = -(-threshold // rounding) * rounding  # the smallest multiple not under it
    return max(rounded, floor)


def _known_range(shown: int | None, hidden: bool, threshold: int, rounding: int) -> tuple:
    """What a reader can tell of a count from what it shows: (lowest, highest)."""
    if hidden:
        return (1, threshold - 1)
    if not shown:
        return (0, 0)
    low = max(shown - rounding // 2, threshold)
    return (low, shown + (rounding - 1) // 2)


def hidden_cells(
    table: Table,
    threshold: int,
    group_hidden: dict | None = None,
    group_table: Table | None = None,
    rounding: int = ROUNDING,
) -> set[tuple[int, str]]:
    """Addresses (row index or TOTAL, measure) of the people counts to hide.

    `group_hidden` maps (group key, measure) to whether the group's row is
    hidden in `group_table`, the table the groups come from (regions for
    organisations); their rows count as the totals of the groups' sums.
    """

    def value(address) -> int:
        if address[0] == "group":
            row = group_rows.get(address[1])
            return (row.values.get(address[2]) or 0) if row else 0
        index, measure = address
        row: Row = table.total if index == TOTAL else table.rows[index]
        return row.values.get(measure) or 0

    group_rows = {row.key: row for row in group_table.rows} if group_table else {}
    people = [measure for measure in table.measures if MEASURE_KINDS.get(measure) == PEOPLE]
    hidden = {
        (index, measure)
        for measure in people
        for index in [*range(len(table.rows)), TOTAL]
        if (index != TOTAL or table.total is not None)
        and _is_small(value((index, measure)), threshold)
    }
    if not table.additive:
        return hidden

    def is_hidden(address) -> bool:
        if address[0] == "group":
            return (group_hidden or {}).get((address[1], address[2]), False)
        return address in hidden

    def known(address) -> tuple:
        true = value(address)
        concealed = is_hidden(address)
        shown = None if concealed else (shown_count(true, threshold, rounding) if true else 0)
        return _known_range(shown, concealed, threshold, rounding)

    sums = [
        constraint
        for measure in people
        for constraint in _constraints(table, measure, group_hidden)
    ]
    sums += list(_row_constraints(table))
    while True:
        pinned = _narrowed_to_one(sums, known, is_hidden)
        if not pinned:
            return hidden
        parts, total = pinned
        shown = [part for part in parts if not is_hidden(part) and value(part)]
        if shown:
            hidden.add(min(shown, key=lambda part: (value(part), part[0])))
        elif total[0] not in ("group", TOTAL) and not is_hidden(total):
            hidden.add(total)
        else:
            return hidden  # nothing left to hide in that sum


def _narrowed_to_one(sums, known, is_hidden):
    """A sum through which a reader narrows a hidden count down to one value, or None.

    Each count starts as the range its shown figure allows; every sum then
    narrows its parts and its total (interval propagation), until nothing changes.
    """
    ranges: dict = {}

    def bounds(address) -> tuple:
        if address not in ranges:
            ranges[address] = known(address)
        return ranges[address]

    for _ in range(20):
        changed = False
        for parts, total in sums:
            low_total, high_total = bounds(total)
            lows = [bounds(part)[0] for part in parts]
            highs = [bounds(part)[1] for part in parts]
            narrowed = {total: (max(low_total, sum(lows)), min(high_total, sum(highs)))}
            for number, part in enumerate(parts):
                others_low = sum(lows) - lows[number]
                others_high = sum(highs) - highs[number]
                low, high = bounds(part)
                narrowed[part] = (
                    max(low, low_total - others_high),
                    min(high, high_total - others_low),
                )
            for address, (low, high) in narrowed.items():
                if (low, high) != bounds(address) and low <= high:
                    ranges[address] = (low, high)
                    changed = True
        if not changed:
            break
    for parts, total in sums:
        for address in (*parts, total):
            low, high = ranges.get(address, (0, 1))
            if address[0] != "group" and is_hidden(address) and low == high:
                return parts, total
    return None


def protect_table(
    table: Table,
    threshold: int,
    group_hidden: dict | None = None,
    group_table: Table | None = None,
    rounding: int = ROUNDING,
) -> ProtectedTable:
    hidden = hidden_cells(table, threshold, group_hidden, group_table, rounding)

    def shown(measure: str, value):
        if value and MEASURE_KINDS.get(measure) == PEOPLE:
            return shown_count(value, threshold, rounding)
        return value

    def protected_row(index: int, row: Row) -> ProtectedRow:
        cells = []
        for measure in table.measures:
            concealed = (index, measure) in hidden
            bases = BASES.get(measure, ())
            if any(
                (index, base) in hidden or _is_small(row.values.get(base), threshold)
                for base in bases
            ):
                concealed = True
            cells.append(
                Cell(
                    measure=measure,
                    kind=MEASURE_KINDS.get(measure, ""),
                    value=None if concealed else shown(measure, row.values.get(measure)),
                    hidden=concealed,
                )
            )
        return ProtectedRow(
            key=row.key,
            cells=cells,
            label=row.label,
            detail=row.detail,
            group=row.group,
            parent=row.parent,
        )

    rows = [protected_row(index, row) for index, row in enumerate(table.rows)]
    total = protected_row(TOTAL, table.total) if table.total else None
    result = ProtectedTable(
        name=table.name, dimension=table.dimension, measures=table.measures, rows=rows, total=total
    )
    result.hidden = sum(cell.hidden for row in result.all_rows for cell in row.cells)
    return result


def protect(
    figures: Figures, threshold: int, rounding: int = ROUNDING
) -> dict[str, ProtectedTable]:
    """Every table of the figures, protected; groups' tables first."""
    protected: dict[str, ProtectedTable] = {}
    order = sorted(figures.tables.values(), key=lambda table: table.groups_from is not None)
    for table in order:
        group_hidden = None
        if table.groups_from:
            groups = protected[table.groups_from]
            group_hidden = {
                (row.key, cell.measure): cell.hidden for row in groups.rows for cell in row.cells
            }
        protected[table.name] = protect_table(
            table, threshold, group_hidden, figures.tables.get(table.groups_from or ""), rounding
        )
    return {name: protected[name] for name in figures.tables}
