"""How tasks that meet a passing fault (a mail server away) retry: a bounded number of times,
waiting longer each time.

    @shared_task(**retry_policy(SMTPException, ConnectionError))
    def notify_holder(certificate_id): ...

The waits double from JOBS_RETRY_BACKOFF seconds up to JOBS_RETRY_BACKOFF_MAX,
each drawn at random below its bound (jitter) unless JOBS_RETRY_JITTER is off,
so that tasks failing together do not all come back at once. After
JOBS_MAX_RETRIES retries the task fails for good and coordinators see it
(jobs.FailedTask). The settings are read when the task module is imported.
"""

from __future__ import annotations

from django.conf import settings


def retry_policy(*errors: type[BaseException]) -> dict:
    """Options for `shared_task`: retry on `errors`, bounded, with exponential backoff."""
    if not errors:
        raise ValueError("retry_policy needs the errors a later attempt can mend")
    return {
        "autoretry_for": errors,
        "max_retries": settings.JOBS_MAX_RETRIES,
        "retry_backoff": settings.JOBS_RETRY_BACKOFF,
        "retry_backoff_max": settings.JOBS_RETRY_BACKOFF_MAX,
        "retry_jitter": settings.JOBS_RETRY_JITTER,
    }
