"""What jobs does when Celery reports on a task (connected in apps.py).

These run in the worker, around every task: they never raise (a failure to
record is logged, and the task's own outcome stands), and each write is in a
savepoint of its own, so that an eager task inside a request's transaction is
not disturbed.
"""

from __future__ import annotations

import logging

from . import services

logger = logging.getLogger(__name__)


def on_task_retry(sender=None, request=None, reason=None, **kwargs) -> None:
    error = getattr(reason, "exc", None) or reason
    try:
        services.failed_attempt_record(
            task_id=request.id,
            task_name=sender.name,
            args=request.args,
            kwargs=request.kwargs,
            error=error,
            final=False,
        )
    except Exception:
        logger.exception("Retry of task %s not recorded", getattr(request, "id", None))


def on_task_failure(
    sender=None, task_id=None, exception=None, args=None, kwargs=None, **extra
) -> None:
    try:
        services.failed_attempt_record(
            task_id=task_id,
            task_name=sender.name,
            args=args,
            kwargs=kwargs,
            error=exception,
            final=True,
        )
    except Exception:
        logger.exception("Failure of task %s not recorded", task_id)


def on_task_success(sender=None, **kwargs) -> None:
    request = sender.request
    if request.is_eager:
        # Run in-process (the demo, the tests): a failure there reached its caller already.
        return
    try:
        services.task_succeeded(request.id)
    except Exception:
        logger.exception("Success of task %s not recorded", request.id)
