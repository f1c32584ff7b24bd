"""Figures kept ready: the dashboards read a snapshot instead of counting on every request.

A beat job refreshes every snapshot every MONITORING_REFRESH_MINUTES; a
dashboard that finds its snapshot older than that, or none at all (a new
install, a new country), asks for a refresh in the background and shows what
it has, with its time. One pass computes every country and all countries
together (selectors/figures.py).
"""

from __future__ import annotations

import datetime
import time
from collections import defaultdict

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from ..figures import Figures
from ..models import FigureSnapshot
from ..selectors.dashboard import period_figures_retire, period_key, refresh_minutes
from ..selectors.figures import all_figures
from ..selectors.targets import target_periods


def snapshots_refresh() -> dict[int | None, Figures]:
    """Compute the figures of every country and store them; returns what it stored.

    Beside each country's figures to date, the snapshot keeps the figures of
    the periods its national targets count, so a dashboard shows its targets
    without counting anything either. The periods' figures kept under the
    snapshots' former times leave the shared cache (an erasure refreshes so that
    no erased name stays anywhere).
    """
    started = time.perf_counter()
    figures = all_figures()
    periods: dict[int, dict] = defaultdict(dict)
    for (since, until), country_ids in target_periods().items():
        period_figures = all_figures(since=since, until=until)
        for country_id in country_ids:
            periods[country_id][period_key(since, until)] = period_figures[country_id].to_json()
    seconds = time.perf_counter() - started
    replaced = {None, *FigureSnapshot.objects.values_list("computed_at", flat=True)}
    with transaction.atomic():
        for country_id, country_figures in figures.items():
            FigureSnapshot.objects.update_or_create(
                country_id=country_id,
                defaults={
                    "computed_at": country_figures.computed_at,
                    "seconds": seconds,
                    "figures": country_figures.to_json(),
                    "periods": periods.get(country_id, {}),
                },
            )
        FigureSnapshot.objects.exclude(country_id__in=[key for key in figures if key]).exclude(
            country__isnull=True
        ).delete()
    period_figures_retire(replaced)
    return figures


def snapshots_refresh_soon() -> bool:
    """Queue one refresh for everyone who finds the figures old; True if this call queued it.

    A cache key taken with `add` lets only the first caller of an interval
    queue the task, so a busy dashboard does not start a refresh per request.
    Without a broker (the demo) the task runs at once, in this request.
    """
    from ..tasks import refresh_snapshots

    if not cache.add("monitoring:refresh-queued", True, timeout=refresh_minutes() * 60):
        return False
    refresh_snapshots.delay()
    return True


def snapshots_refresh_when_due(computed_at: datetime.datetime | None) -> bool:
    """Queue a refresh when the snapshot read was computed before the interval, or is missing.

    `computed_at` is the snapshot's time (`Dashboard.snapshot_at`); True if this call queued it.
    """
    if computed_at is not None:
        age = timezone.now() - computed_at
        if age.total_seconds() <= refresh_minutes() * 60:
            return False
    return snapshots_refresh_soon()
