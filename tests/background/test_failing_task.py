"""TESTS-SECURITY 31: a task that always fails stops after bounded retries with growing waits,
and coordinators see it in the admin and queue it again once the cause is mended.

The mail server is away: telling a learner their certificate is ready fails
at every attempt. The worker runs with the project's retry policy set to
three retries waiting 1, 2 and 4 seconds (no jitter, so the waits can be
checked); production waits a minute, then two, four... (settings JOBS_*).
"""

from __future__ import annotations

import time

import pytest
from celery import current_app

from audit.models import AuditEntry
from certificates.models import Certificate
from courses import services
from jobs.models import FailedTask
from tests.background.mail_server import mail_server
from tests.background.worker import wait_until
from tests.factories import UserFactory, build_course, restore_default_site
from tests.live_processes import free_port

NOTIFY = "certificates.tasks.notify_holder"
RETRIES = 3
FIRST_WAIT = 1  # seconds; then 2, then 4
LIST = "/admin/failedtask/"


def test_every_task_that_retries_stops_after_a_bound_and_waits_longer_each_time():
    current_app.loader.import_default_modules()
    project_tasks = {
        name: task for name, task in current_app.tasks.items() if not name.startswith("celery.")
    }
    retrying = {name for name, task in project_tasks.items() if getattr(task, "autoretry_for", ())}
    assert {NOTIFY, "courses.tasks.invitation_send"} <= retrying
    for name in retrying:
        task = project_tasks[name]
        assert task.max_retries is not None and 0 < task.max_retries <= 10, name
        assert task.retry_backoff, name  # exponential waits
        assert task.retry_backoff_max and task.retry_backoff_max <= 3600, name
    # Every task is acknowledged only when done, and put back when its worker dies.
    for name, task in project_tasks.items():
        assert task.acks_late and task.reject_on_worker_lost, name


def _failures_of(task_name: str, timeout: float) -> tuple[FailedTask, list[float]]:
    """Follow the task's record until it fails for good: the record, and when each failed
    attempt was first seen (seconds, monotonic)."""
    seen: list[float] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        row = FailedTask.objects.filter(task_name=task_name).first()
        if row is not None and row.attempts > len(seen):
            seen.extend([time.monotonic()] * (row.attempts - len(seen)))
        if row is not None and row.state == FailedTask.State.FAILED:
            return row, seen
        time.sleep(0.05)
    raise AssertionError(f"{task_name} did not fail for good within {timeout}s")


@pytest.mark.usefixtures("transactional_db")
def test_a_task_that_always_fails_stops_and_coordinators_queue_it_again(
    background, client, coordinator_in_the_admin
):
    restore_default_site()
    lesson = build_course(modules=1, lessons_per_module=1, slug="failing").lessons[0]
    user = UserFactory()
    mail_port = free_port()  # nothing listens there yet: the mail server is away
    failing_mail = {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(mail_port),
        "JOBS_MAX_RETRIES": str(RETRIES),
        "JOBS_RETRY_BACKOFF": str(FIRST_WAIT),
        "JOBS_RETRY_JITTER": "0",
    }

    with background.worker(extra_env=failing_mail) as worker:
        services.lesson_complete(user, lesson)  # issued, then the holder is to be told
        failed, seen = _failures_of(NOTIFY, timeout=60)
        wait_until(background.broker.idle, timeout=10, message="a retry is still waiting")
        time.sleep(1)  # nothing more comes
        failed.refresh_from_db()

        certificate = Certificate.objects.get(participant__user=user)
        assert failed.state == FailedTask.State.FAILED
        assert failed.attempts == RETRIES + 1 == worker.received(NOTIFY)
        assert failed.arguments == [certificate.pk]
        assert failed.exception_class == "ConnectionRefusedError"
        waits = [later - earlier for earlier, later in zip(seen, seen[1:], strict=False)]
        expected = [FIRST_WAIT * 2**retry for retry in range(RETRIES)]  # 1, 2, 4
        assert len(waits) == RETRIES
        for wait, least in zip(waits, expected, strict=True):
            assert least - 0.2 <= wait <= least + 3, (waits, expected)
        spread = (failed.last_failed_at - failed.first_failed_at).total_seconds()
        assert spread >= sum(expected) - 0.2
        certificate.refresh_from_db()
        assert certificate.notified_at is None  # not told, and the claim was given back

        # Coordinators see it in the admin.
        admin_home = client.get("/admin/").content.decode()
        listing = client.get(LIST, {"state": "failed"})
        html = listing.content.decode()
        assert f'"url": "{LIST}"' in admin_home  # in the admin's menu
        assert listing.status_code == 200
        for text in (NOTIFY, "Failed", "ConnectionRefusedError", f"{LIST}queue_again/"):
            assert text in html, text

        # The mail server is back: a coordinator queues the task again, once.
        with mail_server(mail_port) as mail:
            confirm = client.get(f"{LIST}queue_again/{failed.pk}/")
            queued = client.post(f"{LIST}queue_again/{failed.pk}/")
            again = client.post(f"{LIST}queue_again/{failed.pk}/")  # a second click
            wait_until(
                lambda: mail.messages and background.broker.idle(),
                timeout=30,
                message=f"not sent after being queued again:\n{worker.log()[-3000:]}",
            )
            time.sleep(0.5)
            assert [message["To"] for message in mail.messages] == [user.email]

    assert confirm.status_code == 200 and "ConnectionRefusedError" in confirm.content.decode()
    assert queued.status_code == 302 and again.status_code == 302
    failed.refresh_from_db()
    assert failed.state == FailedTask.State.SUCCEEDED and failed.succeeded_at is not None
    assert failed.queued_again_by == coordinator_in_the_admin
    certificate.refresh_from_db()
    assert certificate.notified_at is not None
    [entry] = AuditEntry.objects.filter(action=AuditEntry.Action.TASK_QUEUED_AGAIN)
    assert (entry.actor_id, entry.target_id) == (coordinator_in_the_admin.pk, str(failed.pk))
    print(
        f"\nfailing task: {failed.attempts} attempts, waits "
        + ", ".join(f"{wait:.2f}s" for wait in waits)
        + f" (bounds {expected}), first to last failure {spread:.2f}s"
    )
