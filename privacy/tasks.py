"""Background work for personal data. Tasks take ids, call a service, and are safe to run twice.

An erasure resumes where it stopped (privacy/services/erasure.py): a task
redelivered after its worker died, or retried after a passing fault (the
database or the disk away), runs only the steps not done yet.
"""

from __future__ import annotations

from celery import shared_task
from django.db import DatabaseError

from jobs.retrying import retry_policy

from .services import erasure, retention


# A passing fault (the database or the disk away) is retried with backoff; once the retries
# are spent, coordinators see the job as a failed task and run the erasure again.
@shared_task(acks_late=True, **retry_policy(DatabaseError, OSError))
def erase_personal_data(erasure_id: int) -> str | None:
    """Run one person's erasure to its end; its state."""
    request = erasure.erasure_run(erasure_id)
    return request.state if request else None


@shared_task(acks_late=True)
def erase_inactive() -> int:
    """Daily (Celery beat): erase people inactive beyond the retention period; how many."""
    retention.inactive_people_request()
    return retention.retention_erasures_run()
