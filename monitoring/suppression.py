"""Small numbers stay private: cells under the threshold are hidden, and so is whatever would
give them back.

1. Primary suppression: a count of people from 1 to threshold − 1 is hidden
   (0 is shown: nobody is described by it).
2. Complementary suppression: wherever cells add up to a total (each column of
   a breakdown to its total; organisations to their region; professionals and
   young people to the people reached in the same row), a hidden cell must not
   come back by subtraction. A sum whose total is shown gets at least two
   hidden parts holding together at least `threshold` people; a sum whose total
   is hidden gets at least one hidden part. The smallest shown parts are hidden
   until that holds. Hiding one cell can open another sum, so this repeats
   until nothing changes.
3. A rate, a mean or a ratio is hidden when a count it comes from is hidden or
   under the threshold.

Counts of cohorts are not people and are always shown. docs/monitoring.md
explains the method to readers; the dashboard says it in one sentence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .figures import BASES, MEASURE_KINDS, PEOPLE, ROW_SUMS, Figures, Row, Table

TOTAL = -1  # the index of a table's total row in a cell address


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
    extra: dict = field(default_factory=dict)

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


def hidden_cells(
    table: Table, threshold: int, group_hidden: dict | None = None
) -> set[tuple[int, str]]:
    """Addresses (row index or TOTAL, measure) of the cells to hide.

    `group_hidden` maps (group key, measure) to whether the group's row is
    hidden in the table the groups come from (regions for organisations).
    Each published sum (parts and their total) ends with either no hidden cell,
    or a shown total and at least two hidden parts holding `threshold` people,
    or a hidden total and at least one hidden part: no subtraction gives a
    hidden cell back.
    """

    def value(address) -> float:
        if address[0] == "group":
            return 0
        index, measure = address
        row: Row = table.total if index == TOTAL else table.rows[index]
        return row.values.get(measure) or 0

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

    constraints = [
        constraint
        for measure in people
        for constraint in _constraints(table, measure, group_hidden)
    ]
    constraints += list(_row_constraints(table))
    changed = True
    while changed:
        changed = False
        for parts, total in constraints:
            concealed = [cell for cell in parts if cell in hidden and value(cell)]
            total_hidden = is_hidden(total)
            if not concealed and not total_hidden:
                continue

            while not _protected(concealed, total_hidden, value, threshold):
                shown = [cell for cell in parts if cell not in hidden and value(cell)]
                if shown:
                    cell = min(shown, key=lambda cell: (value(cell), cell[0]))
                elif total[0] not in ("group", TOTAL) and not total_hidden:
                    # Nothing left to hide among the parts: hide what they add up to.
                    cell, total_hidden = total, True
                else:
                    break
                hidden.add(cell)
                if cell != total:
                    concealed.append(cell)
                changed = True
    return hidden


def _protected(concealed: list, total_hidden: bool, value, threshold: int) -> bool:
    if total_hidden:
        return len(concealed) >= 1
    return len(concealed) >= 2 and sum(map(value, concealed)) >= threshold


def protect_table(table: Table, threshold: int, group_hidden: dict | None = None) -> ProtectedTable:
    hidden = hidden_cells(table, threshold, group_hidden)

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
                    value=None if concealed else row.values.get(measure),
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


def protect(figures: Figures, threshold: int) -> dict[str, ProtectedTable]:
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
        protected[table.name] = protect_table(table, threshold, group_hidden)
    return {name: protected[name] for name in figures.tables}
