"""Background work of monitoring. Tasks take ids, not objects, and are safe to run twice."""

from celery import shared_task

from .services import monthly, snapshots


@shared_task(acks_late=True)
def refresh_snapshots() -> None:
    """Recompute every country's figures (beat, and dashboards finding theirs old)."""
    snapshots.snapshots_refresh()


@shared_task
def plan_monthly_reports() -> int:
    """Beat, on the 1st of each month: plan last month's reports and queue each one waiting.

    Returns how many were queued. A report is queued after the transaction that
    planned it commits (at once outside one).
    """
    report_ids = monthly.monthly_reports_plan()
    for report_id in report_ids:
        send_monthly_report.delay_on_commit(report_id)
    return len(report_ids)


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=monthly.SEND_ERRORS,
    retry_backoff=True,
    retry_backoff_max=3600,
    retry_jitter=True,
    max_retries=5,
)
def send_monthly_report(self, report_id: int) -> bool:
    """Send one planned report (once); a failed send is retried with backoff, then marked failed."""
    return monthly.monthly_report_send(
        report_id, final_attempt=self.request.retries >= self.max_retries
    )
