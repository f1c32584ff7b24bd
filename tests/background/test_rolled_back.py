"""TESTS-SECURITY 30: a transaction that is rolled back never sends its task.

Completing a course queues the certificate's issuing after the commit
(`delay_on_commit`). A completion rolled back leaves nothing in the broker
(read in Redis with no worker running, so nothing could have taken it), and
the worker started afterwards issues nothing for it; the same completion
committed sends exactly one message, which the worker turns into one
certificate.
"""

from __future__ import annotations

import json

import pytest
from django.db import transaction

from certificates.models import Certificate
from courses import services
from courses.models import Enrolment
from tests.background.worker import wait_until
from tests.factories import UserFactory, build_course, restore_default_site

ISSUE = "certificates.tasks.issue_for_enrolment"


class ChangedMind(Exception):
    """Something later in the same request failed: everything it wrote is rolled back."""


def _queued_tasks(broker) -> list[str]:
    return [json.loads(raw)["headers"]["task"] for raw in broker.client().lrange("celery", 0, -1)]


def test_a_rolled_back_completion_sends_no_task_and_a_committed_one_sends_one(background):
    restore_default_site()
    lesson = build_course(modules=1, lessons_per_module=1, slug="rolled-back").lessons[0]
    user = UserFactory()

    with pytest.raises(ChangedMind), transaction.atomic():
        services.lesson_complete(user, lesson)
        assert Enrolment.objects.get(user=user).completed_at is not None  # the course completed
        raise ChangedMind

    assert not Enrolment.objects.filter(user=user, completed_at__isnull=False).exists()
    assert background.broker.queued() == 0 and background.broker.unacknowledged() == 0

    services.lesson_complete(user, lesson)  # the same completion, committed
    assert _queued_tasks(background.broker) == [ISSUE]

    with background.worker() as worker:
        wait_until(
            lambda: background.emails() and background.broker.idle(),
            timeout=60,
            message=f"the committed completion was not issued:\n{worker.log()[-3000:]}",
        )
        assert worker.received(ISSUE) == 1
    assert Certificate.objects.filter(participant__user=user).count() == 1
    assert Certificate.objects.count() == 1
    assert [message["To"] for message in background.emails()] == [user.email]
