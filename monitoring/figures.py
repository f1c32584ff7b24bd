"""The shapes every figure travels in: tables of rows and measures.

A `Figures` holds the tables of one country (or of all countries) as raw
counts. It is what the aggregate layer (selectors/figures.py) computes, what a
snapshot stores as JSON, and what suppression (suppression.py) turns into the
protected tables that the screen, the charts, the exports and the reports show.
Keys are strings so that a snapshot reads back exactly as it was written.
"""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass, field

# What each measure counts. "people" measures are protected from small numbers;
# "count" measures count cohorts, or trainers (accredited professionals whose
# certificates anyone may verify, so not private), and are shown exactly;
# derived measures are shown only when the people they are computed from are
# shown (BASES).
PEOPLE = "people"
COUNT = "count"
PERCENT = "percent"
POINTS = "points"
RATIO = "ratio"
NUMBER = "number"  # a property of the row (a cohort's generation), not a count

MEASURE_KINDS = {
    "cohorts_held": COUNT,
    "cohorts_running": COUNT,
    "cohorts_planned": COUNT,
    "cohorts": COUNT,
    "reached": PEOPLE,
    "professionals": PEOPLE,
    "young_people": PEOPLE,
    "attended": PEOPLE,
    "completed": PEOPLE,
    "certified": PEOPLE,
    "trainers": COUNT,
    "accredited": COUNT,
    "active": COUNT,
    "expiring": COUNT,
    "expired": COUNT,
    "certificates": PEOPLE,
    "people": PEOPLE,
    "members": PEOPLE,
    "gain_people": PEOPLE,
    "trained_directly": PEOPLE,
    "attendance_rate": PERCENT,
    "mean_gain": POINTS,
    "multiplier": RATIO,
    "generation": NUMBER,
}

# A derived measure is hidden whenever one of the counts it comes from is hidden.
BASES = {
    # Memberships and the people the row counts: two people in three cohorts are 6 memberships.
    "attendance_rate": ("members", "reached"),
    "mean_gain": ("gain_people",),
    "multiplier": ("reached", "trained_directly"),
}

# Within a row, these people measures add up to another one (a subtraction
# would otherwise give a hidden cell back).
ROW_SUMS = {"reached": ("professionals", "young_people")}

# The measures of every breakdown (by organisation, region, month, ...).
BREAKDOWN_MEASURES = [
    "cohorts_held",
    "cohorts_running",
    "cohorts_planned",
    "reached",
    "professionals",
    "young_people",
    "completed",
    "certified",
    "attendance_rate",
    "gain_people",
    "mean_gain",
    "trainers",
]
# Counted for suppression, never shown.
HIDDEN_BASES = ["members"]

BREAKDOWNS = ["organisation", "region", "month", "course", "language", "generation"]


@dataclass
class Row:
    key: str
    values: dict[str, float | int | None] = field(default_factory=dict)
    # Rows of one group add up to that group's row in another table
    # (organisations to their region).
    group: str | None = None
    # A label fixed when computed (a trainer's or a cohort's name); other rows
    # are named in the reader's language when shown.
    label: str = ""
    detail: str = ""
    # Tree tables: the row this one hangs under.
    parent: str | None = None


@dataclass
class Table:
    name: str
    dimension: str
    measures: list[str]
    rows: list[Row]
    total: Row | None = None
    # Rows add up to the total, each person in one row: a hidden cell must not
    # come back by subtracting the others from the total.
    additive: bool = True
    # The table whose rows are this table's groups (organisations → regions).
    groups_from: str | None = None

    def row(self, key: str) -> Row | None:
        return next((row for row in self.rows if row.key == key), None)


@dataclass
class Figures:
    country_id: int | None
    until: datetime.date
    computed_at: datetime.datetime
    since: datetime.date | None = None
    tables: dict[str, Table] = field(default_factory=dict)

    def to_json(self) -> dict:
        data = asdict(self)
        data["until"] = self.until.isoformat()
        data["since"] = self.since.isoformat() if self.since else None
        data["computed_at"] = self.computed_at.isoformat()
        return data

    @classmethod
    def from_json(cls, data: dict) -> Figures:
        tables = {}
        for name, table in data["tables"].items():
            rows = [Row(**row) for row in table["rows"]]
            total = Row(**table["total"]) if table["total"] else None
            tables[name] = Table(**{**table, "rows": rows, "total": total})
        return cls(
            country_id=data["country_id"],
            until=datetime.date.fromisoformat(data["until"]),
            since=datetime.date.fromisoformat(data["since"]) if data["since"] else None,
            computed_at=datetime.datetime.fromisoformat(data["computed_at"]),
            tables=tables,
        )
