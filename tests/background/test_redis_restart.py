"""TESTS-SECURITY 32: Redis restarted loses no queued work, and the site keeps serving meanwhile.

- Tasks queued while no worker runs survive Redis crashing (SIGKILL) and
  starting again on the same port and data folder, because the append-only
  file is on; a worker started afterwards does every one of them. Without the
  append-only file the same crash loses them all (measured here too).
- While Redis is away, pages answer: the shared cache misses instead of
  failing (shared_cache/backends.py), and a task queued after a commit is
  recorded for coordinators instead of failing the request (jobs/queueing.py);
  once Redis is back, a coordinator queues it again.
"""

from __future__ import annotations

import json
import time

import pytest
from django.conf import settings
from django.test import override_settings

from certificates import tasks
from certificates.models import Certificate
from courses import services
from courses.models import Enrolment
from jobs.models import FailedTask
from tests.background.worker import redis_server, tasks_sent_to, wait_until
from tests.factories import UserFactory, build_course, restore_default_site
from tests.live_processes import free_port

ISSUE = "certificates.tasks.issue_for_enrolment"
LEARNERS = 3


def _queued_tasks(broker) -> list[str]:
    return [json.loads(raw)["headers"]["task"] for raw in broker.client().lrange("celery", 0, -1)]


def _cache_nobody_answers():
    """The settings' caches, with the shared one on a Redis port where nothing listens."""
    return {
        **settings.CACHES,
        "default": {
            "BACKEND": "shared_cache.backends.TolerantRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        },
    }


def test_tasks_queued_before_redis_crashes_are_all_done_after_it_restarts(background):
    restore_default_site()
    lesson = build_course(modules=1, lessons_per_module=1, slug="restart").lessons[0]
    learners = [UserFactory() for _ in range(LEARNERS)]
    for user in learners:
        services.lesson_complete(user, lesson)  # no worker runs: the tasks wait in Redis
    assert _queued_tasks(background.broker) == [ISSUE] * LEARNERS

    crashed = time.monotonic()
    background.broker.kill()
    background.broker.start()  # same port, same data folder
    back_in = time.monotonic() - crashed
    assert _queued_tasks(background.broker) == [ISSUE] * LEARNERS

    with background.worker() as worker:
        started = time.monotonic()
        wait_until(
            lambda: len(background.emails()) == LEARNERS and background.broker.idle(),
            timeout=90,
            message=f"not every queued task was done:\n{worker.log()[-3000:]}",
        )
        done_in = time.monotonic() - started
        assert worker.received(ISSUE) == LEARNERS
    for user in learners:
        assert Certificate.objects.filter(participant__user=user).count() == 1
    assert sorted(message["To"] for message in background.emails()) == sorted(
        user.email for user in learners
    )
    print(
        f"\nRedis crashed and back in {back_in:.2f}s with {LEARNERS} tasks queued; "
        f"a new worker issued and told all {LEARNERS} in {done_in:.2f}s"
    )


def test_without_the_append_only_file_a_crash_loses_the_queued_tasks(tmp_path):
    """The control: what the append-only file is for."""
    with redis_server(tmp_path / "no-aof", appendonly=False) as broker, tasks_sent_to(broker.url):
        for certificate_id in range(1, LEARNERS + 1):
            tasks.notify_holder.delay(certificate_id)
        assert broker.queued() == LEARNERS
        broker.kill()
        broker.start()
        assert broker.queued() == 0


@pytest.mark.django_db
def test_pages_answer_while_the_shared_cache_is_down(client):
    tree = build_course(modules=1, lessons_per_module=2, slug="cache-down")
    learner = UserFactory()
    pages = ["/en/", tree.course.url, tree.lessons[0].url, tree.lessons[1].url]
    with override_settings(CACHES=_cache_nobody_answers()):
        anonymous = [client.get(url).status_code for url in pages[:2]]
        client.force_login(learner)
        started = time.monotonic()
        answers = [client.get(url) for url in pages]
        took = time.monotonic() - started
        completed = client.post(f"/en/learning/lessons/{tree.lessons[0].pk}/complete/")
        again = client.get(tree.lessons[0].url)

    assert anonymous == [200, 200]
    assert [answer.status_code for answer in answers] == [200] * len(pages)
    assert tree.lessons[1].title in answers[3].content.decode()
    assert completed.status_code == 302 and again.status_code == 200
    assert Enrolment.objects.get(user=learner).last_lesson_id == tree.lessons[0].pk
    print(f"\nshared cache down: {len(pages)} pages as a learner in {took:.2f}s")


def test_a_completion_while_redis_is_down_is_kept_and_queued_again_once_it_is_back(
    background, client, coordinator_in_the_admin
):
    restore_default_site()
    lesson = build_course(modules=1, lessons_per_module=1, slug="redis-down").lessons[0]
    learner = UserFactory()
    learner_client = client.__class__()
    learner_client.force_login(learner)

    background.broker.kill()  # the one Redis of a small site: broker and cache at once
    with override_settings(CACHES=_cache_nobody_answers()):
        started = time.monotonic()
        completed = learner_client.post(f"/en/learning/lessons/{lesson.pk}/complete/")
        took = time.monotonic() - started
        page = learner_client.get(lesson.url)
    assert completed.status_code == 302 and page.status_code == 200
    enrolment = Enrolment.objects.get(user=learner)
    assert enrolment.completed_at is not None
    [kept] = FailedTask.objects.all()
    assert (kept.task_name, kept.state) == (ISSUE, FailedTask.State.NOT_QUEUED)
    assert kept.arguments == [enrolment.pk, "en"]

    background.broker.start()
    assert background.broker.queued() == 0
    queued = client.post(f"/admin/failedtask/queue_again/{kept.pk}/")
    assert queued.status_code == 302
    assert _queued_tasks(background.broker) == [ISSUE]
    kept.refresh_from_db()
    assert kept.state == FailedTask.State.QUEUED_AGAIN
    print(f"\nRedis down: completing the course answered in {took:.2f}s")
