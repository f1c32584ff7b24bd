"""TESTS-SECURITY 29: a worker killed (SIGKILL) while issuing a certificate leads to exactly one
certificate and one e-mail once the message is handed out again.

A learner completes an online course; the completion queues the issuing
task; the worker inserts the certificate and commits, and is stopped there
(tests/background/worker_hooks.py) with the PDF not drawn and the holder not
told. Then it is killed:

- only the pool process running the task: Celery's main process sees it lost
  and, with acks_late and reject_on_worker_lost, puts the message back at once;
- the whole worker, main process and pool: nobody acknowledges the message,
  and Redis hands it to the next worker after the visibility timeout.

The task run again finds the certificate by its idempotency key, draws the
PDF and tells the holder, once.
"""

from __future__ import annotations

import os
import signal
import time

import pytest

from certificates.models import Certificate
from courses import services
from tests.background.worker import wait_until
from tests.factories import UserFactory, build_course, restore_default_site

ISSUE = "certificates.tasks.issue_for_enrolment"
NOTIFY = "certificates.tasks.notify_holder"
# The second worker's visibility timeout: short enough to wait for, longer than the task takes
# here (a message still in progress after it is handed out again: run twice, which the
# outcome must survive too, but which would only slow the test).
VISIBILITY_TIMEOUT = 10


@pytest.fixture
def learner_and_lesson():
    restore_default_site()
    tree = build_course(modules=1, lessons_per_module=1, slug="killed")
    return UserFactory(first_name="Ana", last_name="Ionescu"), tree.lessons[0]


def _certificates(user):
    return Certificate.objects.filter(participant__user=user)


def _stopped_mid_task(worker, user, lesson) -> int:
    """Complete the course and wait until the issuing task stops after committing the
    certificate; returns the pool process's id."""
    services.lesson_complete(user, lesson)  # completes the course: the issuing task is queued
    pool_process = worker.wait_until_paused(timeout=60)
    [certificate] = _certificates(user)
    assert not certificate.pdf and certificate.notified_at is None  # stopped mid-task
    return pool_process


def _assert_one_certificate_and_one_email(background, user):
    [certificate] = _certificates(user)
    assert certificate.pdf and certificate.notified_at is not None
    to_the_learner = [message for message in background.emails() if user.email in message["To"]]
    assert len(to_the_learner) == 1, [message["Subject"] for message in to_the_learner]
    assert len(background.emails()) == 1
    return certificate


def test_a_pool_process_killed_while_issuing_gives_one_certificate_and_one_email(
    background, learner_and_lesson
):
    user, lesson = learner_and_lesson
    # A visibility timeout far away: only reject_on_worker_lost can bring the message back.
    with background.worker(pause_first_certificate=True, visibility_timeout=600) as worker:
        pool_process = _stopped_mid_task(worker, user, lesson)

        os.kill(pool_process, signal.SIGKILL)
        killed = time.monotonic()
        wait_until(
            lambda: background.emails() and background.broker.idle(),
            timeout=60,
            message=f"not issued again after the kill:\n{worker.log()[-3000:]}",
        )
        redelivered_in = time.monotonic() - killed

        assert worker.alive()  # the main process lived on and started a new pool process
        assert worker.received(ISSUE) == 2  # the message came back once
        assert "WorkerLostError" in worker.log()
    _assert_one_certificate_and_one_email(background, user)
    print(f"\npool process killed: issued and told {redelivered_in:.2f}s after the kill")


def test_a_whole_worker_killed_while_issuing_gives_one_certificate_and_one_email(
    background, learner_and_lesson
):
    user, lesson = learner_and_lesson
    with background.worker(pause_first_certificate=True) as first:
        _stopped_mid_task(first, user, lesson)
        first.kill()  # main process and pool at once
        killed = time.monotonic()
        assert not first.alive()
    assert background.broker.unacknowledged() == 1  # taken, never acknowledged
    assert background.broker.queued() == 0

    with background.worker(visibility_timeout=VISIBILITY_TIMEOUT) as second:
        started_in = time.monotonic() - killed
        wait_until(
            lambda: background.emails() and background.broker.idle(),
            timeout=60,
            message=f"not issued again after the kill:\n{second.log()[-3000:]}",
        )
        done_in = time.monotonic() - killed
        assert second.received(ISSUE) >= 1
    _assert_one_certificate_and_one_email(background, user)
    print(
        f"\nwhole worker killed: next worker ready {started_in:.2f}s after the kill, "
        f"issued and told {done_in:.2f}s after it (visibility timeout {VISIBILITY_TIMEOUT}s)"
    )
