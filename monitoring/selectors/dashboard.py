"""What a dashboard, an export or a report shows: the figures, protected and named.

Everything an NSG member or a coordinator sees goes through `dashboard_for`:
the screen, its charts, the CSV and XLSX exports, the PDF report and the
monthly e-mail. So they cannot disagree, and none of them can show a small
number that suppression hid.

Where the figures come from, cheapest first:
1. the process's own memory (`snapshots`, a `shared_cache.VersionedCache`):
   each snapshot's time, and the dashboards built from it under the
   snapshot's time, the period, the threshold and the language, kept as they
   are (not pickled) until a change to any snapshot or target starts a new
   snapshots version (apps.py connects the signals);
2. the country's snapshot: its figures to date, or one period a national
   target counts (read alone, by its JSON key, not with the other periods);
3. the shared cache ("default": Redis in production), which keeps every
   country's figures of a period under the period and the snapshot's time:
   one pass counts every country, so a period asked for anywhere is counted
   once per snapshot, for the dashboards, the downloads, the reports and the
   monthly e-mails alike;
4. a pass over the whole record (selectors/figures.py: seconds at a million
   enrolments), whose figures then go to the shared cache.
Views ask `figures_kept` first, to limit how often a person may cause step 4.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.db.models.fields.json import KeyTransform
from django.utils import timezone
from django.utils.translation import get_language

from courses.models import Country
from courses.selectors import facts
from shared_cache import VersionedCache

from ..figures import Figures
from ..labels import label_rows
from ..models import FigureSnapshot
from ..suppression import ProtectedTable, protect
from .figures import all_figures

ALL_SCOPE = "all"  # the key of all countries together among a period's stored figures

# What is read or built from the snapshots and targets, kept in each process until either
# changes. Dashboards are shared between requests as they are: nobody changes one.
snapshots = VersionedCache("monitoring:snapshots", size=2000, prefetch=True)


def snapshots_changed(**_signal_kwargs) -> None:
    """Retire every snapshot's time and every dashboard kept, in every process."""
    snapshots.changed()


def small_cell_threshold() -> int:
    return int(getattr(settings, "MONITORING_SMALL_CELL_THRESHOLD", 5))


def refresh_minutes() -> int:
    return int(getattr(settings, "MONITORING_REFRESH_MINUTES", 15))


def kept_seconds() -> int:
    """How long what is built from one snapshot is kept: beyond the next refresh, not forever."""
    return 2 * 60 * refresh_minutes()


@dataclass
class Dashboard:
    country: Country | None  # None: all countries
    tables: dict[str, ProtectedTable]
    computed_at: datetime.datetime
    since: datetime.date | None
    until: datetime.date
    threshold: int
    from_snapshot: bool
    # When the snapshot beside which these figures were read was computed
    # (None: there is no snapshot yet). A refresh is due when it is old or missing.
    snapshot_at: datetime.datetime | None = None
    # The cohorts of the cascade before the tree kept its first ones (its rows).
    tree_total: int = 0
    # Set when the dashboard is kept in the process: what is built from it may be
    # kept under this key too (it changes with the snapshot).
    cache_key: str | None = None

    @property
    def totals(self):
        """The headline figures: the total row every breakdown shares."""
        return self.tables["by_generation"].total

    @property
    def is_period(self) -> bool:
        return self.since is not None

    @property
    def tree_left_out(self) -> int:
        """Cohorts of the cascade that its table and tree do not show."""
        return max(self.tree_total - len(self.tables["cascade_tree"].rows), 0)


def period_key(since: datetime.date | None, until: datetime.date) -> str:
    return f"{since or ''}/{until}"


def _scope(country_id: int | None) -> str:
    return ALL_SCOPE if country_id is None else str(country_id)


def snapshot_time(country_id: int | None) -> datetime.datetime | None:
    """When the snapshot of a country (None: all countries) was computed; None if it has none.

    Read once per snapshots version.
    """
    return snapshots.get_or_build(
        ("time", country_id),
        lambda: (
            FigureSnapshot.objects.filter(country_id=country_id)
            .values_list("computed_at", flat=True)
            .first()
        ),
    )


def snapshot_figures(
    country_id: int | None,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
) -> Figures | None:
    """The stored figures to date, or of a period a target counts (None when not stored).

    A period is read by its key alone: the snapshot may keep many.
    """
    snapshots = FigureSnapshot.objects.filter(country_id=country_id)
    if since is None and until is None:
        stored = snapshots.values_list("figures", flat=True).first()
    else:
        key = period_key(since, until or timezone.localdate())
        stored = snapshots.values_list(KeyTransform(key, "periods"), flat=True).first()
    return Figures.from_json(stored) if stored else None


def _shared_key(
    since: datetime.date | None, until: datetime.date | None, stamp: datetime.datetime | None
) -> str:
    moment = stamp.isoformat() if stamp else "none"
    return f"monitoring:period:{period_key(since, until or timezone.localdate())}:{moment}"


def period_figures(
    since: datetime.date | None,
    until: datetime.date | None,
    *,
    stamp: datetime.datetime | None,
    country_id: int | None = None,
) -> Figures:
    """A country's figures of a period (None: all countries'), kept with every other country's.

    Read from the shared cache under the period and `stamp` (the snapshot's
    time); else one pass counts every country and all of them are kept there,
    so the next country, download, report or e-mail of that period counts nothing.
    """
    shared = caches["default"]
    key = _shared_key(since, until, stamp)
    stored = shared.get(key)
    if stored is None or _scope(country_id) not in stored:
        counted = all_figures(since=since, until=until)
        stored = {_scope(scope): figures.to_json() for scope, figures in counted.items()}
        shared.set(key, stored, kept_seconds())
        # Listed under the snapshot's time, for the next refresh to delete (best effort: a
        # key lost to a concurrent listing only waits for its timeout).
        listed = _periods_key(stamp)
        shared.set(listed, [*(shared.get(listed) or []), key], kept_seconds())
    return Figures.from_json(stored[_scope(country_id)])


def _periods_key(stamp: datetime.datetime | None) -> str:
    return f"monitoring:periods-of:{stamp.isoformat() if stamp else 'none'}"


def period_figures_retire(stamps) -> None:
    """Delete the periods' figures kept under these snapshot times (a refresh replaces them).

    Nothing reads them once the snapshots carry a new time, but they may still name a
    trainer whose data has since been erased (privacy's figures step refreshes for that):
    they leave the shared cache now rather than when their timeout ends.
    """
    shared = caches["default"]
    listed = [_periods_key(stamp) for stamp in stamps]
    keys = [key for kept in shared.get_many(listed).values() for key in kept]
    shared.delete_many([*keys, *listed])


def _local_key(country_id, stamp, since, until, threshold) -> str:
    """The same snapshot, period, threshold, language and names make the same dashboard.

    The names (the country in the heading, the organisations and countries labelling
    rows) are read when it is made: a renamed country shows at once, not at the next
    refresh.
    """
    period = period_key(since, until or timezone.localdate())
    return (
        f"monitoring:dashboard:{country_id}:{stamp.isoformat()}:{period}:"
        f"{threshold}:{get_language()}:{facts.names_version()}"
    )


def figures_kept(
    country: Country | None,
    *,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
) -> bool:
    """Whether `dashboard_for` would find these figures kept, rather than count the record."""
    country_id = country.pk if country else None
    stamp = snapshot_time(country_id)
    if stamp is not None:
        if since is None and until is None:
            return True
        local_key = _local_key(country_id, stamp, since, until, small_cell_threshold())
        if snapshots.has((local_key,)):
            return True
        key = period_key(since, until or timezone.localdate())
        if FigureSnapshot.objects.filter(country_id=country_id, periods__has_key=key).exists():
            return True
    return caches["default"].has_key(_shared_key(since, until, stamp))


def dashboard_for(
    country: Country | None,
    *,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
    figures: Figures | None = None,
) -> Dashboard:
    """The protected figures of a country (None: all countries), named in the active language.

    They come from the country's snapshot (the figures to date, or those of a
    period a target counts), else from the shared cache of periods, else from
    one pass over the record (module docstring). Callers check access first
    (selectors/access.py); views check `figures_kept` before a pass.
    """
    country_id = country.pk if country else None
    threshold = small_cell_threshold()
    if figures is not None:
        return _dashboard(country, figures, threshold, from_snapshot=False)
    stamp = snapshot_time(country_id)

    def build() -> Dashboard:
        figures = snapshot_figures(country_id, since, until) if stamp else None
        from_snapshot = figures is not None
        if figures is None:
            figures = period_figures(since, until, stamp=stamp, country_id=country_id)
        return _dashboard(
            country, figures, threshold, from_snapshot=from_snapshot, snapshot_at=stamp
        )

    if stamp is None:
        return build()
    # The same snapshot, period, threshold and language make the same dashboard:
    # kept in the process, under the snapshot's time, until a refresh replaces it.
    local_key = _local_key(country_id, stamp, since, until, threshold)

    def build_kept() -> Dashboard:
        dashboard = build()
        dashboard.cache_key = local_key
        return dashboard

    return snapshots.get_or_build((local_key,), build_kept)


def _dashboard(
    country: Country | None,
    figures: Figures,
    threshold: int,
    *,
    from_snapshot: bool,
    snapshot_at: datetime.datetime | None = None,
) -> Dashboard:
    # Protection keeps only the measures a table shows: the cascade's count of
    # cohorts (before the tree kept its first ones) is read before.
    tree = figures.tables["cascade_tree"]
    tree_total = (tree.total.values.get("cohorts") if tree.total else None) or len(tree.rows)
    # A period is protected together with the figures to date its months belong to.
    to_date = snapshot_figures(country.pk if country else None) if figures.since else None
    protected = protect(figures, threshold, to_date=to_date)
    tables = {name: label_rows(table) for name, table in protected.items()}
    return Dashboard(
        country=country,
        tables=tables,
        computed_at=figures.computed_at,
        since=figures.since,
        until=figures.until,
        threshold=threshold,
        from_snapshot=from_snapshot,
        snapshot_at=snapshot_at,
        tree_total=int(tree_total),
    )
