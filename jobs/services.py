"""Writing the record of failed background tasks, and queueing a failed one again."""

from __future__ import annotations

import logging

from celery import current_app
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from accounts.models import is_coordinator
from audit.models import AuditEntry
from audit.services import audit_record_for

from .models import FailedTask

logger = logging.getLogger(__name__)

MESSAGE_LENGTH = 2000
ARGUMENT_LENGTH = 100


def _plain(value):
    """An argument as kept: numbers, flags and short strings (ids, language codes) as they
    are, anything else by its type only (tasks take ids, never objects)."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return value[:ARGUMENT_LENGTH]
    return f"<{type(value).__name__}>"


def _error_class(error: BaseException) -> str:
    kind = type(error)
    if kind.__module__ == "builtins":
        return kind.__qualname__
    return f"{kind.__module__}.{kind.__qualname__}"[:200]


def _record(
    *, task_id: str, task_name: str, args, kwargs, error: BaseException, state: str, failed: bool
) -> FailedTask:
    now = timezone.now()
    values = {
        "task_name": task_name[:200],
        "arguments": [_plain(value) for value in (args or ())],
        "keyword_arguments": {str(key): _plain(value) for key, value in (kwargs or {}).items()},
        "exception_class": _error_class(error),
        "message": str(error)[:MESSAGE_LENGTH],
        "state": state,
        "last_failed_at": now,
    }
    with transaction.atomic():
        row, created = FailedTask.objects.select_for_update().get_or_create(
            task_id=task_id,
            defaults={**values, "attempts": int(failed), "first_failed_at": now},
        )
        if not created:
            for field, value in values.items():
                setattr(row, field, value)
            row.attempts += int(failed)
            row.save()
    return row


def failed_attempt_record(
    *, task_id: str, task_name: str, args, kwargs, error: BaseException, final: bool
) -> FailedTask:
    """Count one failed run of task `task_id`: retried later (`final=False`) or failed for good.

    One row per task id; its attempts add up over retries and over runs a
    coordinator queued again.
    """
    state = FailedTask.State.FAILED if final else FailedTask.State.RETRYING
    return _record(
        task_id=task_id,
        task_name=task_name,
        args=args,
        kwargs=kwargs,
        error=error,
        state=state,
        failed=True,
    )


def not_queued_record(*, task_id: str, task_name: str, args, kwargs, error: BaseException):
    """A task that could not be handed to the broker (Redis away): kept for a coordinator to
    queue again, since nobody else will."""
    return _record(
        task_id=task_id,
        task_name=task_name,
        args=args,
        kwargs=kwargs,
        error=error,
        state=FailedTask.State.NOT_QUEUED,
        failed=False,
    )


def task_succeeded(task_id: str) -> int:
    """A task with a failure on record ran to its end (a retry, a redelivery, a coordinator's
    new try): its row says so. Returns how many rows changed (0 or 1)."""
    return (
        FailedTask.objects.filter(task_id=task_id)
        .exclude(state=FailedTask.State.SUCCEEDED)
        .update(state=FailedTask.State.SUCCEEDED, succeeded_at=timezone.now())
    )


def registered_task(name: str):
    """The Celery task called `name`, or None (a task renamed or removed since it failed)."""
    if name not in current_app.tasks:
        # Tasks modules are imported when first used; a worker imports them all at start.
        current_app.loader.import_default_modules()
    return current_app.tasks.get(name)


class TaskGone(LookupError):
    """The failed task no longer exists in the code: there is nothing to queue."""


def failed_task_queue_again(failed_task: FailedTask, *, by) -> bool:
    """A coordinator queues a failed task again, with its arguments and its id; audited.

    Only a task that failed for good or could not be queued; asking twice
    queues it once. Queued after the commit. Returns whether it was queued.
    Raises PermissionDenied for anyone but a coordinator, TaskGone when the
    task no longer exists.
    """
    if not is_coordinator(by):
        raise PermissionDenied
    task = registered_task(failed_task.task_name)
    if task is None:
        raise TaskGone(failed_task.task_name)
    with transaction.atomic():
        changed = FailedTask.objects.filter(
            pk=failed_task.pk,
            state__in=[FailedTask.State.FAILED, FailedTask.State.NOT_QUEUED],
        ).update(
            state=FailedTask.State.QUEUED_AGAIN, queued_again_at=timezone.now(), queued_again_by=by
        )
        if not changed:
            return False
        audit_record_for(
            by, AuditEntry.Action.TASK_QUEUED_AGAIN, failed_task, task=failed_task.task_name
        )
        task.apply_async_on_commit(
            failed_task.arguments, failed_task.keyword_arguments, task_id=failed_task.task_id
        )
    logger.info("Task %s (%s) queued again", failed_task.task_id, failed_task.task_name)
    return True
