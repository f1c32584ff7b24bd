"""How a figure is written: on the dashboard, in its chart and in the CSV and XLSX exports.

`shown_table` turns one protected table (selectors/dashboard.py) into the text
of each of its cells in the reader's language; the page, the charts' labels
and the exports all take their text from it, so a download cannot differ from
the screen. Nothing here counts: every number is a cell of `dashboard_for`.

- Counts are whole numbers; percentages, knowledge gain (points) and reach
  multipliers have one decimal (rounded half up, the same number in a
  spreadsheet). Both as the active language writes them.
- A hidden cell is written as HIDDEN_MARK, never its value (it has none: the
  protected table holds None).
- A cell with no figure (a rate where nobody was expected) is written NO_FIGURE.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from .figures import COUNT, PERCENT, POINTS, RATIO
from .labels import DIMENSIONS, MEASURES, TABLES
from .selectors.dashboard import Dashboard, refresh_minutes
from .suppression import Cell, ProtectedRow, ProtectedTable

HIDDEN_MARK = "·"
NO_FIGURE = "—"
DECIMALS = {PERCENT: 1, POINTS: 1, RATIO: 1}

# The order of the tables on the page and in a workbook; a table added later comes last.
TABLE_ORDER = (
    "funnel",
    "by_month",
    "by_generation",
    "master_trainers",
    "cascade_tree",
    "by_organisation",
    "by_region",
    "by_course",
    "by_language",
    "by_country",
    "trainers",
    "certificates",
)

# Tables whose rows carry a second name (a cohort's lead trainer): a column of its own.
DETAIL_HEADINGS = {"cohort": _("Lead trainer")}
# Tables whose rows hang under another row (a cohort under the cohort that trained its
# lead trainer): a column naming that row, so the table holds every link its tree draws.
PARENT_HEADINGS = {"cohort": _("Trained by")}


def shown_value(value: float | int, kind: str) -> float | int:
    """The figure as shown: rates, means and ratios to one decimal (half up), counts whole."""
    decimals = DECIMALS.get(kind, 0)
    if not decimals:
        return value
    return float(Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP))


def format_value(value: float | int, kind: str) -> str:
    """A figure as the active language writes it: one decimal for rates, means and ratios."""
    return number_format(
        shown_value(value, kind),
        decimal_pos=DECIMALS.get(kind, 0),
        use_l10n=True,
        force_grouping=True,
    )


@dataclass(frozen=True)
class ShownCell:
    """One cell as shown: its text, and the number behind it (None for words and marks)."""

    text: str
    number: float | int | None = None
    kind: str = ""
    hidden: bool = False
    language: str = ""  # of the text, where it is not the reader's

    @property
    def is_number(self) -> bool:
        return self.number is not None

    @property
    def decimals(self) -> int:
        return DECIMALS.get(self.kind, 0)


def shown_cell(cell: Cell) -> ShownCell:
    if cell.hidden:
        return ShownCell(HIDDEN_MARK, kind=cell.kind, hidden=True)
    if cell.value is None:
        return ShownCell(NO_FIGURE, kind=cell.kind)
    return ShownCell(
        format_value(cell.value, cell.kind),
        number=shown_value(cell.value, cell.kind),
        kind=cell.kind,
    )


@dataclass
class ShownTable:
    """A protected table as text: column headings, rows, and the total (when it has figures)."""

    name: str
    title: str
    headings: list[str]
    numeric: list[bool]  # per column: right-aligned figures
    rows: list[list[ShownCell]]
    total: list[ShownCell] | None = None
    has_detail: bool = False
    has_parent: bool = False
    hidden: int = 0

    @property
    def columns(self) -> list[tuple[str, bool]]:
        """(heading, holds figures) of each column."""
        return list(zip(self.headings, self.numeric, strict=True))

    @property
    def lines(self) -> list[list[ShownCell]]:
        """Every row of cells in order, the headings first (as cells of text)."""
        head = [ShownCell(heading) for heading in self.headings]
        return [head, *self.rows, *([self.total] if self.total else [])]


def _has_figures(row: ProtectedRow) -> bool:
    return any(cell.value is not None or cell.hidden for cell in row.cells)


def shown_table(table: ProtectedTable) -> ShownTable:
    """The table's text as the screen shows it and the exports write it.

    A tree's rows name the row they hang under ("Trained by"), so the table
    shows each link the tree diagram draws; a row whose parent is not among the
    rows (generation 0, or beyond the rows kept) names none.
    """
    detail_heading = DETAIL_HEADINGS.get(table.dimension)
    has_detail = detail_heading is not None or any(row.detail for row in table.rows)
    parent_heading = PARENT_HEADINGS.get(table.dimension)
    has_parent = parent_heading is not None
    names = {row.key: str(row.label) for row in table.rows}
    headings = [str(DIMENSIONS.get(table.dimension, ""))]
    if has_detail:
        headings.append(str(detail_heading or ""))
    if has_parent:
        headings.append(str(parent_heading))
    headings += [str(MEASURES.get(measure, measure)) for measure in table.measures]

    def line(row: ProtectedRow) -> list[ShownCell]:
        cells = [ShownCell(str(row.label), language=row.label_language)]
        if has_detail:
            cells.append(ShownCell(str(row.detail)))
        if has_parent:
            cells.append(ShownCell(names.get(row.parent, "") if row.parent else ""))
        return cells + [shown_cell(cell) for cell in row.cells]

    total = table.total if table.total is not None and _has_figures(table.total) else None
    return ShownTable(
        name=table.name,
        title=str(TABLES.get(table.name, table.name)),
        headings=headings,
        numeric=[False] * (1 + has_detail + has_parent) + [True] * len(table.measures),
        rows=[line(row) for row in table.rows],
        total=line(total) if total else None,
        has_detail=has_detail,
        has_parent=has_parent,
        hidden=table.hidden,
    )


def table_note(dashboard: Dashboard, name: str) -> str:
    """What a table's caption adds: how many cohorts of the cascade it leaves out."""
    if name != "cascade_tree" or not dashboard.tree_left_out:
        return ""
    shown = len(dashboard.tables[name].rows)
    total = dashboard.tree_total
    return ngettext(
        "The first %(shown)s of %(total)s cohort, by generation and start date.",
        "The first %(shown)s of %(total)s cohorts, by generation and start date.",
        total,
    ) % {"shown": format_value(shown, COUNT), "total": format_value(total, COUNT)}


def table_order(tables: dict) -> list[str]:
    known = [name for name in TABLE_ORDER if name in tables]
    return known + [name for name in tables if name not in TABLE_ORDER]


def table_cells(table: ProtectedTable) -> list[list[str]]:
    """The heading row, then each row, then the total: exactly the text shown on screen."""
    return [[cell.text for cell in line] for line in shown_table(table).lines]


# --- The headline cards ---------------------------------------------------------------------


@dataclass
class Card:
    """A headline figure with the figures that break it down, all cells of the tables below."""

    title: str
    figure: ShownCell | None = None
    parts: list[tuple[str, ShownCell]] = field(default_factory=list)


def _part(row: ProtectedRow, measure: str) -> tuple[str, ShownCell]:
    return str(MEASURES[measure]), shown_cell(row.cell(measure))


def headline_cards(dashboard: Dashboard) -> list[Card]:
    """People reached, completions, certificates, attendance, knowledge gain, trainers, cohorts."""
    totals = dashboard.totals
    cards = [
        Card(
            str(MEASURES["reached"]),
            shown_cell(totals.cell("reached")),
            [_part(totals, "professionals"), _part(totals, "young_people")],
        ),
        Card(str(MEASURES["completed"]), shown_cell(totals.cell("completed"))),
    ]
    certificates = dashboard.tables["certificates"].total
    if certificates is not None:
        cards.append(
            Card(str(TABLES["certificates"]), shown_cell(certificates.cell("certificates")))
        )
    cards += [
        Card(str(MEASURES["attendance_rate"]), shown_cell(totals.cell("attendance_rate"))),
        Card(
            str(MEASURES["mean_gain"]),
            shown_cell(totals.cell("mean_gain")),
            [_part(totals, "gain_people")],
        ),
    ]
    for level in dashboard.tables["trainers"].rows:
        cards.append(
            Card(
                level.label,
                parts=[
                    _part(level, measure)
                    for measure in ("accredited", "active", "expiring", "expired")
                ],
            )
        )
    cards.append(
        Card(
            gettext("Cohorts"),
            parts=[
                _part(totals, measure)
                for measure in ("cohorts_held", "cohorts_running", "cohorts_planned")
            ],
        )
    )
    return cards


# --- What the figures are ---------------------------------------------------------------------


def moment_text(moment: datetime.datetime) -> str:
    return date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def period_text(since: datetime.date | None, until: datetime.date) -> str:
    """'1 March 2026 – 31 March 2026', or 'Up to 31 March 2026' from the beginning."""
    last = date_format(until, "DATE_FORMAT")
    if since is None:
        return gettext("Up to %(date)s") % {"date": last}
    return f"{date_format(since, 'DATE_FORMAT')} – {last}"


def freshness_text(dashboard: Dashboard) -> str:
    """How fresh the figures are, in the reader's language."""
    moment = moment_text(dashboard.computed_at)
    if dashboard.from_snapshot:
        minutes = refresh_minutes()
        return ngettext(
            "Figures as of %(moment)s; refreshed every %(minutes)s minute.",
            "Figures as of %(moment)s; refreshed every %(minutes)s minutes.",
            minutes,
        ) % {"moment": moment, "minutes": minutes}
    return gettext("Figures for %(period)s, counted from the record at %(moment)s.") % {
        "period": period_text(dashboard.since, dashboard.until),
        "moment": moment,
    }


def suppression_text(threshold: int) -> str:
    return gettext(
        "Numbers under %(threshold)s people are hidden (%(mark)s), and so is any number "
        "that would let you work them out."
    ) % {"threshold": threshold, "mark": HIDDEN_MARK}


def place_name(dashboard: Dashboard) -> str:
    return str(dashboard.country) if dashboard.country else gettext("All countries")


def about_lines(dashboard: Dashboard) -> list[tuple[str, str]]:
    """What a download says about its figures: where, when, how fresh, what is hidden."""
    return [
        (gettext("Country"), place_name(dashboard)),
        (gettext("Period"), period_text(dashboard.since, dashboard.until)),
        (gettext("Figures as of"), moment_text(dashboard.computed_at)),
        (gettext("Small numbers"), suppression_text(dashboard.threshold)),
    ]
