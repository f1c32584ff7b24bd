"""Background work of monitoring. Tasks take ids, not objects, and are safe to run twice."""

from celery import shared_task

from .services import snapshots


@shared_task(acks_late=True)
def refresh_snapshots() -> None:
    """Recompute every country's figures (beat, and dashboards finding theirs old)."""
    snapshots.snapshots_refresh()
