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
from django.core.cache import caches
from django.utils import timezone
from django.utils.translation import get_language

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
    # Set when the dashboard comes from a snapshot: what is built from it may be
    # kept under this key too (it changes with the snapshot).
    cache_key: str | None = None

    @property
    def totals(self):
        """The headline figures: the total row every breakdown shares."""
        return self.tables["by_generation"].total

    @property
    def is_period(self) -> bool:
        return self.since is not None


def period_key(since: datetime.date | None, until: datetime.date) -> str:
    return f"{since or ''}/{until}"


def snapshot_figures(
    country_id: int | None,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
) -> Figures | None:
    """The stored figures to date, or of a period a target counts (None when not stored)."""
    snapshots = FigureSnapshot.objects.filter(country_id=country_id)
    if since is None and until is None:
        stored = snapshots.values_list("figures", flat=True).first()
    else:
        periods = snapshots.values_list("periods", flat=True).first() or {}
        stored = periods.get(period_key(since, until or timezone.localdate()))
    return Figures.from_json(stored) if stored else None


def _cache_key(country_id, computed_at, since, until, threshold) -> str:
    period = period_key(since, until or timezone.localdate())
    return (
        f"monitoring:dashboard:{country_id}:{computed_at.isoformat()}:{period}:"
        f"{threshold}:{get_language()}"
    )


def dashboard_for(
    country: Country | None,
    *,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
    figures: Figures | None = None,
) -> Dashboard:
    """The protected figures of a country (None: all countries), named in the active language.

    They come from the country's snapshot: the figures to date, or those of
    a period a target counts. Any other period, or figures not stored yet, are
    computed from the record. Callers check access first (selectors/access.py).
    """
    country_id = country.pk if country else None
    threshold = small_cell_threshold()
    local = caches["local"]
    from_snapshot = False
    if figures is None:
        # The same snapshot, period, threshold and language make the same
        # dashboard: kept in the process until a refresh replaces the snapshot.
        stamp = (
            FigureSnapshot.objects.filter(country_id=country_id)
            .values_list("computed_at", flat=True)
            .first()
        )
        if stamp is not None:
            cached = local.get(_cache_key(country_id, stamp, since, until, threshold))
            if cached is not None:
                return cached
        figures = snapshot_figures(country_id, since, until)
        from_snapshot = figures is not None
    if figures is None:
        figures = all_figures(since=since, until=until)[country_id]
    tables = {name: label_rows(table) for name, table in protect(figures, threshold).items()}
    dashboard = Dashboard(
        country=country,
        tables=tables,
        computed_at=figures.computed_at,
        since=figures.since,
        until=figures.until,
        threshold=threshold,
        from_snapshot=from_snapshot,
    )
    if from_snapshot:
        dashboard.cache_key = _cache_key(country_id, figures.computed_at, since, until, threshold)
        local.set(dashboard.cache_key, dashboard, 2 * 60 * refresh_minutes())
    return dashboard
