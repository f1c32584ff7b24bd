"""What a dashboard, an export or a report shows: the figures, protected and named.

Everything an NSG member or a coordinator sees goes through `dashboard_for`:
the screen, its charts, the CSV and XLSX exports, the PDF report and the
monthly e-mail. So they cannot disagree, and none of them can show a small
number that suppression hid.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from courses.models import Country

from ..figures import Figures
from ..labels import label_rows
from ..models import FigureSnapshot
from ..suppression import ProtectedTable, protect
from .figures import all_figures


def small_cell_threshold() -> int:
    return int(getattr(settings, "MONITORING_SMALL_CELL_THRESHOLD", 5))


def refresh_minutes() -> int:
    return int(getattr(settings, "MONITORING_REFRESH_MINUTES", 15))


@dataclass
class Dashboard:
    country: Country | None  # None: all countries
    tables: dict[str, ProtectedTable]
    computed_at: datetime.datetime
    since: datetime.date | None
    until: datetime.date
    threshold: int
    from_snapshot: bool

    @property
    def totals(self):
        """The headline figures: the total row every breakdown shares."""
        return self.tables["by_generation"].total

    @property
    def is_period(self) -> bool:
        return self.since is not None


def snapshot_figures(country_id: int | None) -> Figures | None:
    snapshot = FigureSnapshot.objects.filter(country_id=country_id).first()
    return Figures.from_json(snapshot.figures) if snapshot else None


def snapshot_is_old(figures: Figures | None) -> bool:
    if figures is None:
        return True
    age = timezone.now() - figures.computed_at
    return age > datetime.timedelta(minutes=refresh_minutes())


def dashboard_for(
    country: Country | None,
    *,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
    figures: Figures | None = None,
) -> Dashboard:
    """The protected figures of a country (None: all countries), named in the active language.

    Without a period they come from the country's snapshot (computed now if
    there is none yet); a period is computed from the record. Callers check
    access first (selectors/access.py).
    """
    country_id = country.pk if country else None
    from_snapshot = False
    if figures is None and since is None and until is None:
        figures = snapshot_figures(country_id)
        from_snapshot = figures is not None
    if figures is None:
        figures = all_figures(since=since, until=until)[country_id]
    threshold = small_cell_threshold()
    tables = {name: label_rows(table) for name, table in protect(figures, threshold).items()}
    return Dashboard(
        country=country,
        tables=tables,
        computed_at=figures.computed_at,
        since=figures.since,
        until=figures.until,
        threshold=threshold,
        from_snapshot=from_snapshot,
    )
