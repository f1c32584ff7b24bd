"""Failed background tasks: recorded as Celery reports them, shown to coordinators alone, and
queued again by a coordinator (audited, once).

Tasks run in-process here (the test settings); tests/background/ runs them
in a real worker.
"""

from contextlib import contextmanager

import pytest
from celery import current_app
from django.contrib.auth.models import Permission
from django.core import mail
from django.test import override_settings

from accounts.models import RoleAssignment
from audit.models import AuditEntry
from certificates import tasks
from certificates.models import Certificate
from courses import services
from jobs.models import FailedTask
from tests.factories import UserFactory, build_course, country, staff_with_mfa
from tests.live_processes import free_port

pytestmark = pytest.mark.django_db

LIST = "/admin/failedtask/"
MAIL_SERVER_AWAY = {
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "EMAIL_HOST": "127.0.0.1",
    "EMAIL_TIMEOUT": 2,
}


@pytest.fixture
def certificate(django_capture_on_commit_callbacks):
    """A learner's certificate, issued on completion; the holder not told yet."""
    lesson = build_course(modules=1, lessons_per_module=1, slug="jobs").lessons[0]
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.lesson_complete(user, lesson)
    issued = Certificate.objects.get(participant__user=user)
    Certificate.objects.filter(pk=issued.pk).update(notified_at=None)
    mail.outbox.clear()
    return issued


@contextmanager
def run_as_a_worker_does():
    """Tasks run in-process report their errors instead of raising them, as in a worker
    (retries then follow at once instead of waiting)."""
    conf = current_app.conf
    saved = conf.task_eager_propagates
    conf.task_eager_propagates = False
    try:
        yield
    finally:
        conf.task_eager_propagates = saved


def _fail_to_notify(certificate) -> FailedTask:
    """Tell the holder while the mail server is away: every attempt fails."""
    with override_settings(**MAIL_SERVER_AWAY, EMAIL_PORT=free_port()), run_as_a_worker_does():
        result = tasks.notify_holder.apply(args=[certificate.pk])
    assert result.state == "FAILURE" and isinstance(result.result, ConnectionRefusedError)
    return FailedTask.objects.get()


def test_a_task_that_keeps_failing_is_recorded_once_with_its_attempts(certificate):
    failed = _fail_to_notify(certificate)

    assert failed.task_name == "certificates.tasks.notify_holder"
    assert failed.state == FailedTask.State.FAILED
    assert failed.attempts == tasks.notify_holder.max_retries + 1 == 6
    assert failed.arguments == [certificate.pk] and failed.keyword_arguments == {}
    assert failed.exception_class == "ConnectionRefusedError"
    assert "Connection refused" in failed.message
    assert failed.first_failed_at <= failed.last_failed_at
    certificate.refresh_from_db()
    assert certificate.notified_at is None and mail.outbox == []


def test_a_task_that_fails_without_retrying_is_recorded_as_failed():
    with run_as_a_worker_does():
        result = tasks.issue_for_enrolment.apply(args=["not an id"])
    assert isinstance(result.result, ValueError)
    failed = FailedTask.objects.get()
    assert (failed.task_name, failed.state, failed.attempts) == (
        "certificates.tasks.issue_for_enrolment",
        FailedTask.State.FAILED,
        1,
    )
    assert failed.arguments == ["not an id"]


def test_coordinators_see_failed_tasks_and_queue_one_again_once(
    client, certificate, coordinator_in_the_admin, django_capture_on_commit_callbacks
):
    failed = _fail_to_notify(certificate)

    menu = client.get("/admin/").content.decode()
    listing = client.get(LIST)
    only_failed = client.get(LIST, {"state": "failed"}).content.decode()
    only_retrying = client.get(LIST, {"state": "retrying"}).content.decode()
    inspect = client.get(f"{LIST}inspect/{failed.pk}/")
    confirm = client.get(f"{LIST}queue_again/{failed.pk}/")

    assert f'"url": "{LIST}"' in menu
    assert listing.status_code == 200 and inspect.status_code == 200
    html = listing.content.decode()
    for text in ("certificates.tasks.notify_holder", "Failed", "ConnectionRefusedError"):
        assert text in html, text
    assert f"{LIST}queue_again/{failed.pk}/" in only_failed
    assert f"{LIST}inspect/{failed.pk}/" in only_failed
    assert f"{LIST}inspect/{failed.pk}/" not in only_retrying
    assert confirm.status_code == 200
    assert "failed after 6 attempts" in confirm.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        queued = client.post(f"{LIST}queue_again/{failed.pk}/")
        twice = client.post(f"{LIST}queue_again/{failed.pk}/")

    assert queued.status_code == 302 and twice.status_code == 302
    # Run again (here at once, in-process) with the mail server back: the holder is told once.
    assert [message.to for message in mail.outbox] == [[certificate.participant.user.email]]
    failed.refresh_from_db()
    assert failed.state == FailedTask.State.QUEUED_AGAIN
    assert failed.queued_again_by == coordinator_in_the_admin
    [entry] = AuditEntry.objects.filter(action=AuditEntry.Action.TASK_QUEUED_AGAIN)
    assert (entry.actor_id, entry.target_id) == (coordinator_in_the_admin.pk, str(failed.pk))
    assert entry.details == {"task": "certificates.tasks.notify_holder"}
    # Queued again, it is not offered again.
    assert f"{LIST}queue_again/{failed.pk}/" not in client.get(LIST).content.decode()


def test_a_task_that_no_longer_exists_is_not_queued(client, coordinator_in_the_admin):
    from django.utils import timezone

    now = timezone.now()
    gone = FailedTask.objects.create(
        task_id="gone-1",
        task_name="certificates.tasks.renamed_since",
        exception_class="RuntimeError",
        state=FailedTask.State.FAILED,
        attempts=1,
        first_failed_at=now,
        last_failed_at=now,
    )
    answer = client.post(f"{LIST}queue_again/{gone.pk}/", follow=True)
    assert answer.status_code == 200
    assert "no longer exists" in answer.content.decode()
    gone.refresh_from_db()
    assert gone.state == FailedTask.State.FAILED
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.TASK_QUEUED_AGAIN).exists()


@pytest.mark.parametrize("who", ["an NSG member", "an editor with the model's permission"])
def test_nobody_else_sees_failed_tasks_or_queues_one_again(client, certificate, who):
    failed = _fail_to_notify(certificate)
    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    if who == "an NSG member":
        RoleAssignment.objects.create(
            user=user, role=RoleAssignment.Role.NSG_MEMBER, country=country()
        )
    else:
        user.user_permissions.add(Permission.objects.get(codename="view_failedtask"))
    staff_with_mfa(client, user)

    answers = [
        client.get(LIST),
        client.get(f"{LIST}inspect/{failed.pk}/"),
        client.get(f"{LIST}queue_again/{failed.pk}/"),
        client.post(f"{LIST}queue_again/{failed.pk}/"),
    ]

    for answer in answers:
        assert answer.status_code in (302, 403)
        assert answer.status_code == 403 or answer["Location"] == "/admin/"
        assert "ConnectionRefusedError" not in answer.content.decode()
    assert f'"url": "{LIST}"' not in client.get("/admin/").content.decode()
    failed.refresh_from_db()
    assert failed.state == FailedTask.State.FAILED
    assert mail.outbox == []
