"""The project's Celery task class: queued after a commit, never lost by a broker that is away.

`task.delay_on_commit(...)` queues the task once the transaction commits (a
rolled-back change queues nothing). The commit has happened by then, so a
broker that cannot be reached must not turn the page into an error: the task
is recorded as not queued (jobs.FailedTask) for a coordinator to queue again,
and logged. Run in-process (no broker configured), tasks behave as Celery's.
"""

from __future__ import annotations

import functools
import logging

from celery.contrib.django.task import DjangoTask
from celery.utils import uuid
from django.db import transaction

logger = logging.getLogger(__name__)


class Task(DjangoTask):
    def delay_on_commit(self, *args, **kwargs) -> None:
        """`delay(*args, **kwargs)` after the commit of the current transaction."""
        self.apply_async_on_commit(args, kwargs)

    def apply_async_on_commit(self, args=None, kwargs=None, **options) -> None:
        """`apply_async(args, kwargs, **options)` after the commit of the current transaction."""
        transaction.on_commit(functools.partial(self._queue_committed, args, kwargs, options))

    def _queue_committed(self, args, kwargs, options) -> None:
        if self.app.conf.task_always_eager:
            self.apply_async(args, kwargs, **options)
            return
        options = {**options, "task_id": options.get("task_id") or uuid()}
        try:
            self.apply_async(args, kwargs, **options)
        except Exception as error:
            logger.exception("Task %s[%s] not queued", self.name, options["task_id"])
            from .services import not_queued_record  # models are ready by the time of a commit

            try:
                not_queued_record(
                    task_id=options["task_id"],
                    task_name=self.name,
                    args=args,
                    kwargs=kwargs,
                    error=error,
                )
            except Exception:
                logger.exception("Task %s[%s] not recorded either", self.name, options["task_id"])
