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
UNBOUNDED = 10**9
SHOWN, TO_DATE = "shown", "to date"  # the views protected together


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
    # The language of `label` where it is not the reader's (an untranslated course's title).
    label_language: str = ""
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


def shown_count(value: int, threshold: int, rounding: int = ROUNDING) -> int:
    """What a count of people of at least `threshold` shows: rounded to `rounding`."""
    rounded = (value + rounding // 2) // rounding * rounding
    floor = -(-threshold // rounding) * rounding  # the smallest multiple not under it
    return max(rounded, floor)


class _View:
    """Every people count of the views being protected, as one set of cells.

    A cell is (view, table name, row index or TOTAL, measure). Within a view the
    breakdowns share their total row (they count the same people), so their
    totals are one cell. Cells of a `fixed` view are already shown as they are:
    only the others may be hidden further.
    """

    def __init__(self, views: dict[str, Figures], threshold: int, rounding: int, fixed=()):
        self.views = views
        self.threshold = threshold
        self.rounding = rounding
        self.fixed = set(fixed)
        self.hidden: set = set()
        self.sums: list[tuple[list, tuple]] = []
        self.same_as: dict = {}
        for view, figures in views.items():
            self.same_as |= self._funnel_totals(view, figures)
        for view, figures in views.items():
            for name, table in figures.tables.items():
                people = [m for m in table.measures if MEASURE_KINDS.get(m) == PEOPLE]
                for measure in people:
                    for index in [*range(len(table.rows)), TOTAL]:
                        cell = self.cell(view, name, index, measure)
                        if _is_small(self.value(cell), threshold):
                            self.hidden.add(cell)
                if table.additive:
                    self.sums += list(self._sums(view, figures.tables, name, people))

    def cell(self, view: str, name: str, index: int, measure: str) -> tuple:
        if index == TOTAL and name.startswith("by_"):
            return (view, "by_*", TOTAL, measure)
        return self.same_as.get((view, name, index, measure), (view, name, index, measure))

    def _funnel_totals(self, view: str, figures: Figures) -> dict:
        """The funnel's stages that are the breakdowns' totals: one cell, not two.

        "Enrolled" is always the people reached; over the whole record,
        "completed" and "certified" are the totals of those measures too (in a
        period the funnel follows the people reached in it, and they differ).
        """
        funnel = figures.tables.get("funnel")
        if funnel is None or not any(name.startswith("by_") for name in figures.tables):
            return {}
        stages = {"enrolled": "reached"}
        if figures.since is None:
            stages |= {"completed": "completed", "certified": "certified"}
        return {
            (view, "funnel", index, "people"): (view, "by_*", TOTAL, stages[row.key])
            for index, row in enumerate(funnel.rows)
            if row.key in stages
        }

    def row(self, cell) -> Row | None:
        view, name, index, _measure = cell
        tables = self.views[view].tables
        if name == "by_*":  # the breakdowns' shared total, read from any one of them
            name = next(table for table in tables if table.startswith("by_"))
        return tables[name].total if index == TOTAL else tables[name].rows[index]

    def value(self, cell) -> int:
        row = self.row(cell)
        return (row.values.get(cell[3]) or 0) if row is not None else 0

    def _sums(self, view: str, tables: dict, name: str, people: list[str]) -> Iterable[tuple]:
        table = tables[name]
        indices = range(len(table.rows))
        for measure in people:
            if table.total is not None:
                parts = [self.cell(view, name, index, measure) for index in indices]
                yield parts, self.cell(view, name, TOTAL, measure)
            if table.groups_from and table.groups_from in tables:
                group_rows = {
                    row.key: number for number, row in enumerate(tables[table.groups_from].rows)
                }
                groups: dict[str, list[int]] = {}
                for index in indices:
                    groups.setdefault(table.rows[index].group or "", []).append(index)
                for group, members in groups.items():
                    if group in group_rows:  # the group's own row in the other table
                        parts = [self.cell(view, name, index, measure) for index in members]
                        yield parts, (view, table.groups_from, group_rows[group], measure)
        for whole, parts in ROW_SUMS.items():
            if whole in people and all(part in people for part in parts):
                for index in [*indices, TOTAL] if table.total is not None else indices:
                    yield (
                        [self.cell(view, name, index, part) for part in parts],
                        self.cell(view, name, index, whole),
                    )

    def link_months(self, period: str, reference: str) -> None:
        """A period's months are the same people as those months to date; its total, their sum."""
        months = {row.key: n for n, row in enumerate(self.views[reference].tables["by_month"].rows)}
        period_months = self.views[period].tables["by_month"]
        in_period = [months[row.key] for row in period_months.rows if row.key in months]
        for measure in period_months.measures:
            if MEASURE_KINDS.get(measure) != PEOPLE:
                continue
            for index, row in enumerate(period_months.rows):
                if row.key in months:
                    self.sums.append(
                        (
                            [self.cell(period, "by_month", index, measure)],
                            self.cell(reference, "by_month", months[row.key], measure),
                        )
                    )
            self.sums.append(
                (
                    [self.cell(reference, "by_month", index, measure) for index in in_period],
                    self.cell(period, "by_month", TOTAL, measure),
                )
            )

    def known(self, cell) -> tuple[int, int]:
        """What a reader can tell of a count from what it shows: (lowest, highest)."""
        true = self.value(cell)
        if cell in self.hidden:  # fewer than the threshold, or hidden to protect one that is
            return (1, UNBOUNDED)
        if not true:
            return (0, 0)
        shown = shown_count(true, self.threshold, self.rounding)
        # The smallest figure shown also stands for every count from the threshold up.
        smallest = shown_count(self.threshold, self.threshold, self.rounding)
        low = self.threshold if shown == smallest else shown - self.rounding // 2
        return (max(low, self.threshold), shown + (self.rounding - 1) // 2)

    def protect(self) -> set:
        """Hide more until no sum narrows a hidden count down to one value.

        First a shown part of the sum that gives it away; when none is left, a
        shown count in a sum beside it (what told the reader the others' sizes);
        the shared total only as the last resort.
        """
        while True:
            cell = next(filter(None, map(self._to_hide, self._narrowed_to_one())), None)
            if cell is None:
                return self.hidden
            self.hidden.add(cell)

    def _to_hide(self, pinned) -> tuple | None:
        def shown(cells) -> list:
            return [
                cell
                for cell in cells
                if cell not in self.hidden and cell[0] not in self.fixed and self.value(cell)
            ]

        parts, total = pinned
        pinned_cells = set(parts + [total])
        beside = [
            cell
            for other_parts, other_total in self.sums
            if set(other_parts + [other_total]) & pinned_cells
            for cell in (*other_parts, other_total)
        ]
        for candidates in (
            shown(parts),
            shown(cell for cell in beside if cell[2] != TOTAL),
            shown([total]),
            shown(beside),  # a total shared by the breakdowns, as the last resort
        ):
            if candidates:
                return min(candidates, key=lambda cell: (self.value(cell), cell))
        return None

    def _narrowed_to_one(self) -> list:
        """The sums through which a reader narrows a hidden count to one value.

        Each count starts as the range its shown figure allows; every sum then
        narrows its parts and its total (interval propagation) until nothing changes.
        """
        ranges: dict = {}

        def bounds(cell) -> tuple:
            if cell not in ranges:
                ranges[cell] = self.known(cell)
            return ranges[cell]

        for _ in range(50):
            changed = False
            for parts, total in self.sums:
                low_total, high_total = bounds(total)
                lows = [bounds(part)[0] for part in parts]
                highs = [bounds(part)[1] for part in parts]
                narrowed = {total: (max(low_total, sum(lows)), min(high_total, sum(highs)))}
                for number, part in enumerate(parts):
                    low, high = bounds(part)
                    narrowed[part] = (
                        max(low, low_total - (sum(highs) - highs[number])),
                        min(high, high_total - (sum(lows) - lows[number])),
                    )
                for cell, (low, high) in narrowed.items():
                    if low <= high and (low, high) != bounds(cell):
                        ranges[cell] = (low, high)
                        changed = True
            if not changed:
                break
        return [
            (parts, total)
            for parts, total in self.sums
            if any(
                cell in self.hidden and ranges[cell][0] == ranges[cell][1]
                for cell in (*parts, total)
            )
        ]


def _protect_table(
    table: Table, hidden: set, view: _View, name: str, threshold: int, rounding: int
) -> ProtectedTable:
    def shown(measure: str, value):
        if value and MEASURE_KINDS.get(measure) == PEOPLE:
            return shown_count(value, threshold, rounding)
        return value

    def protected_row(index: int, row: Row) -> ProtectedRow:
        cells = []
        for measure in table.measures:
            concealed = view.cell(SHOWN, name, index, measure) in hidden
            if any(
                view.cell(SHOWN, name, index, base) in hidden
                or _is_small(row.values.get(base), threshold)
                for base in BASES.get(measure, ())
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
    figures: Figures,
    threshold: int,
    rounding: int = ROUNDING,
    *,
    to_date: Figures | None = None,
) -> dict[str, ProtectedTable]:
    """Every table of the figures, protected together (they share totals and groups).

    For the figures of a period, `to_date` are the figures to date as the
    dashboard shows them: the period's months are the same people as those
    months there, so the period is protected against them too.
    """
    views = {SHOWN: figures}
    fixed: set = set()
    if to_date is not None and figures.since is not None and "by_month" in figures.tables:
        reference = _View({TO_DATE: to_date}, threshold, rounding)
        fixed = reference.protect()
        views[TO_DATE] = to_date
    view = _View(views, threshold, rounding, fixed=[TO_DATE])
    view.hidden |= fixed
    if TO_DATE in views:
        view.link_months(SHOWN, TO_DATE)
    hidden = view.protect()
    return {
        name: _protect_table(table, hidden, view, name, threshold, rounding)
        for name, table in figures.tables.items()
    }
