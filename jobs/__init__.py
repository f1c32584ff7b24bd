"""Background work seen from the outside: how tasks retry, and what failed for good.

Tasks retry with one policy (`retrying.retry_policy`: bounded, with growing
waits). A task that fails, while it retries and once it gives up, is recorded
as a `FailedTask` by the Celery signal handlers in `receivers.py`; so is a task
that could not even be queued after a commit (`queueing.Task`). Coordinators
see them in the admin and queue a failed one again (audited).
"""
