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
    table: Table,
    threshold: int,
    group_hidden: dict | None = None,
    group_table: Table | None = None,
) -> set[tuple[int, str]]:
    """Addresses (row index or TOTAL, measure) of the cells to hide.

    `group_hidden` maps (group key, measure) to whether the group's row is
    hidden in `group_table`, the table the groups come from (regions for
    organisations); its sums join the solving. Each published sum (parts and
    their total) ends with either no hidden cell, or a shown total and at
    least two hidden parts holding `threshold` people, or a hidden total and at
    least one hidden part: no subtraction gives a hidden cell back.
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
    primary = set(hidden)
    while True:
        _spread(constraints, hidden, is_hidden, value, threshold)
        # The rules above stop subtraction within one sum; sums can also be
        # combined. Solve them all together and hide more where a small number
        # would still come out.
        unknown = [
            ([cell for cell in parts if is_hidden(cell)], total if is_hidden(total) else None)
            for parts, total in constraints + list(_group_sums(group_table, people))
        ]
        exposed = sorted(primary & _determined(unknown), key=lambda cell: (value(cell), cell))
        if not exposed or not _hide_beside(exposed[0], constraints, hidden, is_hidden, value):
            return hidden


def _spread(constraints, hidden: set, is_hidden, value, threshold: int) -> None:
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


def _group_sums(group_table: Table | None, people: list[str]):
    """The sums of the groups' own table, its rows named as this table names groups."""
    if group_table is None:
        return
    for measure in people:
        yield [("group", row.key, measure) for row in group_table.rows], (TOTAL, measure)
    for whole, parts in ROW_SUMS.items():
        if whole in people and all(part in people for part in parts):
            for row in group_table.rows:
                yield (
                    [("group", row.key, part) for part in parts],
                    ("group", row.key, whole),
                )


def _hide_beside(cell, constraints, hidden: set, is_hidden, value) -> bool:
    """Hide one more cell in a sum holding `cell`; False when there is none to hide."""
    for parts, total in constraints:
        if cell not in parts and cell != total:
            continue
        shown = [part for part in parts if part not in hidden and value(part)]
        if shown:
            hidden.add(min(shown, key=lambda part: (value(part), part[0])))
            return True
        if total[0] not in ("group", TOTAL) and not is_hidden(total):
            hidden.add(total)
            return True
    return False


_PRIME = 2**61 - 1


def _determined(sums) -> set:
    """The unknowns whose value the published sums fix, whatever the others are.

    Each sum is (hidden parts, hidden total or None): parts − total = a known
    number. Gaussian elimination to reduced row echelon form, modulo a large
    prime (the coefficients are ±1, so this decides as exact arithmetic would):
    an unknown is fixed when its pivot row holds no other unknown.
    """
    pivots: dict = {}  # unknown → its row {unknown: coefficient}
    for parts, total in sums:
        row: dict = {}
        for part in parts:
            row[part] = (row.get(part, 0) + 1) % _PRIME
        if total is not None:
            row[total] = (row.get(total, 0) - 1) % _PRIME
        row = {unknown: coefficient for unknown, coefficient in row.items() if coefficient}
        for pivot in [unknown for unknown in row if unknown in pivots]:
            factor = row.get(pivot, 0)
            if factor:
                for unknown, coefficient in pivots[pivot].items():
                    row[unknown] = (row.get(unknown, 0) - factor * coefficient) % _PRIME
                row = {unknown: coefficient for unknown, coefficient in row.items() if coefficient}
        if not row:
            continue
        pivot = min(row, key=str)
        inverse = pow(row[pivot], _PRIME - 2, _PRIME)
        row = {unknown: coefficient * inverse % _PRIME for unknown, coefficient in row.items()}
        for other in pivots.values():
            factor = other.get(pivot, 0)
            if factor:
                for unknown, coefficient in row.items():
                    other[unknown] = (other.get(unknown, 0) - factor * coefficient) % _PRIME
                for unknown in [
                    unknown for unknown, coefficient in other.items() if not coefficient
                ]:
                    del other[unknown]
        pivots[pivot] = row
    return {pivot for pivot, row in pivots.items() if len(row) == 1}


def _protected(concealed: list, total_hidden: bool, value, threshold: int) -> bool:
    if total_hidden:
        return len(concealed) >= 1
    return len(concealed) >= 2 and sum(map(value, concealed)) >= threshold


def protect_table(
    table: Table,
    threshold: int,
    group_hidden: dict | None = None,
    group_table: Table | None = None,
) -> ProtectedTable:
    hidden = hidden_cells(table, threshold, group_hidden, group_table)

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
        protected[table.name] = protect_table(
            table, threshold, group_hidden, figures.tables.get(table.groups_from or "")
        )
    return {name: protected[name] for name in figures.tables}
