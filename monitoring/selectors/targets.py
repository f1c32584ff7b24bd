"""How far a country is towards each of its targets, and whether it is keeping pace.

A target's figure is never counted here: it is one cell of a dashboard's
protected tables (MEASURE_CELLS), read from the dashboard of the period the
target covers, from its first day (`starts_on`) to today, or to its due date
once that has passed. So only what happened since the start counts, and a cell
that suppression hides stays hidden: no figure, no share, no pace.

Pace compares the share done with the share of the time gone (a straight line
from 0 on the first day to the target on the due date): within
ON_TRACK_POINTS percentage points it is on track, above ahead, below behind.
docs/monitoring.md says the same to readers.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import Country

from ..models import Target
from .dashboard import Dashboard, dashboard_for, snapshots

Measure = Target.Measure

# Each measure is one cell of a table's total row (docs/monitoring.md defines them).
MEASURE_CELLS: dict[str, tuple[str, str]] = {
    Measure.PROFESSIONALS_REACHED: ("by_generation", "professionals"),
    Measure.YOUNG_PEOPLE_REACHED: ("by_generation", "young_people"),
    Measure.PEOPLE_REACHED: ("by_generation", "reached"),
    Measure.PEOPLE_COMPLETED: ("by_generation", "completed"),
    Measure.TRAINERS_ACCREDITED: ("by_generation", "trainers"),
    Measure.CERTIFICATES_ISSUED: ("certificates", "certificates"),
    Measure.COHORTS_HELD: ("by_generation", "cohorts_held"),
}

ON_TRACK_POINTS = 5
# An average month (365.25 / 12 days), for "needed per month".
DAYS_PER_MONTH = Fraction(36525, 1200)


class Pace(StrEnum):
    NOT_STARTED = "not_started"
    AHEAD = "ahead"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    REACHED = "reached"
    MISSED = "missed"
    NOT_SHOWN = "not_shown"


PACE_WORDS = {
    Pace.NOT_STARTED: _("Not started yet"),
    Pace.AHEAD: _("Ahead of pace"),
    Pace.ON_TRACK: _("On track"),
    Pace.BEHIND: _("Behind pace"),
    Pace.REACHED: _("Reached"),
    Pace.MISSED: _("Missed"),
    Pace.NOT_SHOWN: _("Pace not shown: the figure is hidden to protect small numbers"),
}


@dataclass
class TargetProgress:
    target: Target
    counted_until: datetime.date  # the last day counted: today, or the due date once past
    current: int | None  # None when the cell is hidden
    hidden: bool
    share: int | None  # percent of the target done, rounded down; None when hidden
    expected: int  # where the straight line stands on `counted_until`
    pace: Pace
    per_month: int | None  # needed each month from today to reach the target, rounded up
    days_left: int  # from today to the due date (negative once past)
    threshold: int  # the smallest number of people a figure shows

    @property
    def measure_label(self) -> str:
        return self.target.get_measure_display()

    @property
    def pace_label(self) -> str:
        return str(PACE_WORDS[self.pace])

    @property
    def bar_value(self) -> int | None:
        """The progress bar's fill, 0 to 100."""
        return None if self.share is None else min(self.share, 100)


def _cells(dashboard: Dashboard) -> dict[str, tuple[int | None, bool]]:
    """The protected figure of each measure in a dashboard: (value, hidden)."""
    cells = {}
    for measure, (table, name) in MEASURE_CELLS.items():
        cell = dashboard.tables[table].total.cell(name)
        cells[measure] = (None if cell.hidden else cell.value, cell.hidden)
    return cells


def _period_cells(
    country: Country, since: datetime.date, until: datetime.date, page: Dashboard
) -> dict[str, tuple[int | None, bool]]:
    """The protected figures of the country from `since` to `until`.

    The page's own dashboard serves when it covers that period; otherwise the
    snapshot holds them (services/snapshots.py stores every target's period),
    and a target newer than the snapshot has its period counted once, for every
    country, into the shared cache of periods (selectors/dashboard.py).
    """
    if page.country == country and page.since == since and page.until == until:
        return _cells(page)
    return _cells(dashboard_for(country, since=since, until=until))


def _counted(target: Target, today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The period a target counts: from its first day to today, or to its due date once past."""
    return target.starts_on, min(today, target.due_on)


def target_periods() -> dict[tuple[datetime.date, datetime.date], set[int]]:
    """{(first day, last day counted): countries} of every target that has started."""
    today = timezone.localdate()
    periods: dict[tuple, set[int]] = {}
    for target in Target.objects.filter(starts_on__lte=today):
        periods.setdefault(_counted(target, today), set()).add(target.country_id)
    return periods


def _expected(target: Target, day: datetime.date) -> Fraction:
    """Where a straight line from 0 on the first day to the target on the due date stands."""
    length = (target.due_on - target.starts_on).days
    elapsed = min(max((day - target.starts_on).days, 0), length)
    return Fraction(target.value * elapsed, length)


def _round(value: Fraction) -> int:
    return math.floor(value + Fraction(1, 2))


def _pace(target: Target, current: int, expected: Fraction, today: datetime.date) -> Pace:
    if current >= target.value:
        return Pace.REACHED
    if today > target.due_on:
        return Pace.MISSED
    if today < target.starts_on:
        return Pace.NOT_STARTED
    points = Fraction(current - expected) * 100 / target.value
    if points > ON_TRACK_POINTS:
        return Pace.AHEAD
    if points < -ON_TRACK_POINTS:
        return Pace.BEHIND
    return Pace.ON_TRACK


def _per_month(target: Target, current: int, days_left: int) -> int | None:
    remaining = target.value - current
    if remaining <= 0 or days_left <= 0:
        return None
    return math.ceil(remaining * DAYS_PER_MONTH / days_left)


def target_progress(country: Country, dashboard: Dashboard) -> list[TargetProgress]:
    """Each of the country's targets with its figure, share, expected value, pace and need.

    `dashboard` is the country's dashboard the targets are shown with: its
    threshold applies, and it serves as the period's figures when it covers the
    target's period. Otherwise one period dashboard is computed for each
    distinct period (first day, last day counted) among the targets.

    Kept in the process with a kept dashboard, for the day, until a snapshot or
    a target changes (the snapshots version): shared, so nobody changes it.
    """
    if dashboard.cache_key is None:
        return _target_progress(country, dashboard)
    return snapshots.get_or_build(
        ("targets", country.pk, dashboard.cache_key, timezone.localdate()),
        lambda: _target_progress(country, dashboard),
    )


def _target_progress(country: Country, dashboard: Dashboard) -> list[TargetProgress]:
    today = timezone.localdate()
    periods: dict[tuple, dict] = {}
    progress = []
    for target in Target.objects.filter(country=country).order_by("due_on", "measure", "pk"):
        since, until = _counted(target, today)
        expected = _expected(target, until)
        days_left = (target.due_on - today).days
        if target.starts_on > until:  # nothing to count yet
            current, hidden = 0, False
        else:
            period = (since, until)
            if period not in periods:
                periods[period] = _period_cells(country, *period, dashboard)
            current, hidden = periods[period][target.measure]
        if hidden:
            share, pace, per_month = None, Pace.NOT_SHOWN, None
        else:
            share = math.floor(Fraction(current * 100, target.value))
            pace = _pace(target, current, expected, today)
            per_month = _per_month(target, current, days_left)
        progress.append(
            TargetProgress(
                target=target,
                counted_until=until,
                current=current,
                hidden=hidden,
                share=share,
                expected=_round(expected),
                pace=pace,
                per_month=per_month,
                days_left=days_left,
                threshold=dashboard.threshold,
            )
        )
    return progress
