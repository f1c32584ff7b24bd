"""E-mails queued after a commit are never lost when the broker is away.

A trainer invites a co-trainer, and a trainer issues a member's certificate,
while Redis does not answer (the broker is a loopback port where nothing
listens). The trainer's page answers as usual; the invitation and the
certificate stand; the e-mail that could not be queued is on the list of
failed background tasks, where a coordinator queues it again once the broker
is back, and the person gets it once.

The requests run in autocommit (`transaction=True`), as in production, so the
tasks are queued inside the request, after its writes commit.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.core import mail

from certificates.models import Certificate
from courses import services
from courses.models import Cohort, CohortInvitation, CohortMembership
from jobs.models import FailedTask
from tests.background.worker import tasks_sent_to
from tests.factories import (
    UserFactory,
    build_course,
    cohort_graduate,
    cohort_led_by,
    coordinator,
    country,
    first_generation_trainer,
    make_trainer,
    restore_default_site,
    staff_with_mfa,
)
from tests.live_processes import free_port

pytestmark = pytest.mark.django_db(transaction=True)

FAILED_TASKS = "/admin/failedtask/"
CO_TRAINER = "ivan.co@example.org"
HOLDER = "maria.petrova@example.org"


def _broker_away():
    """Tasks go to a Redis port where nothing listens."""
    return tasks_sent_to(f"redis://127.0.0.1:{free_port()}/0")


def _cohort():
    """A national training led by a first-generation trainer; the trainer and the cohort."""
    restore_default_site()
    course = build_course(modules=1, lessons_per_module=1, slug="broker-away").course
    coordinating = coordinator(first_name="Corina", last_name="Coordonator")
    trainer = make_trainer(first_name="Petya", last_name="Koleva")
    lead = services.participant_for_user(trainer, country())
    first_generation_trainer(lead, by=coordinating)
    cohort = cohort_led_by(
        lead,
        course=course,
        created_by=trainer,
        kind=Cohort.Kind.NATIONAL_TRAINING,
        name="Training Plovdiv",
    )
    return trainer, cohort


def _coordinator_client(client_class):
    client = client_class()
    user = coordinator(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    staff_with_mfa(client, user)
    return client, user


def _queue_again(client, failed: FailedTask):
    answer = client.post(f"{FAILED_TASKS}queue_again/{failed.pk}/")
    assert answer.status_code == 302
    failed.refresh_from_db()
    assert failed.state == FailedTask.State.QUEUED_AGAIN


def test_an_invitation_made_while_the_broker_is_away_is_kept_and_sent_once_queued_again(client):
    trainer, cohort = _cohort()
    client.force_login(trainer)
    mail.outbox.clear()

    with _broker_away():
        answer = client.post(
            f"/en/learning/training/cohorts/{cohort.pk}/team/new/",
            {"email": CO_TRAINER, "role": "co_trainer"},
        )

    # The trainer's request went through, and the invitation stands.
    assert answer.status_code == 302
    assert answer["Location"] == f"/en/learning/training/cohorts/{cohort.pk}/"
    invitation = CohortInvitation.objects.get(cohort=cohort, email=CO_TRAINER)
    assert invitation.sent_at is None and mail.outbox == []
    # The e-mail is on the coordinators' list, to queue again.
    [kept] = FailedTask.objects.all()
    assert (kept.task_name, kept.state, kept.arguments) == (
        "courses.tasks.invitation_send",
        FailedTask.State.NOT_QUEUED,
        [invitation.pk],
    )
    assert kept.may_be_queued_again

    coordinating, _user = _coordinator_client(client.__class__)
    listing = coordinating.get(FAILED_TASKS, {"state": "not_queued"}).content.decode()
    assert "courses.tasks.invitation_send" in listing
    assert f"{FAILED_TASKS}queue_again/{kept.pk}/" in listing
    _queue_again(coordinating, kept)  # the broker back (here: tasks run in-process)
    twice = coordinating.post(f"{FAILED_TASKS}queue_again/{kept.pk}/")

    assert twice.status_code == 302
    assert [message.to for message in mail.outbox] == [[CO_TRAINER]]
    invitation.refresh_from_db()
    assert invitation.sent_at is not None


def test_a_certificate_issued_while_the_broker_is_away_tells_its_holder_once_queued_again(
    client,
):
    trainer, cohort = _cohort()
    holder_user = UserFactory(first_name="Мария", last_name="Петрова", email=HOLDER)
    holder = services.participant_for_user(holder_user, cohort.country)
    client.force_login(trainer)

    with _broker_away():
        # The member completes: the automatic certificate cannot be queued either.
        cohort_graduate(cohort, [holder], by=trainer)
        membership = CohortMembership.objects.get(cohort=cohort, participant=holder)
        assert membership.completed_at is not None
        assert not Certificate.objects.filter(participant=holder).exists()
        mail.outbox.clear()
        # The trainer sees no certificate yet and issues it from the cohort's page.
        answer = client.post(
            f"/en/learning/training/cohorts/{cohort.pk}/certificates/issue/",
            {"membership": membership.pk},
        )

    assert answer.status_code == 302
    page = client.get(answer["Location"]).content.decode()
    assert "is issued" in page
    certificate = Certificate.objects.get(participant=holder)
    assert certificate.notified_at is None and mail.outbox == []
    kept = {task.task_name: task for task in FailedTask.objects.all()}
    assert set(kept) == {
        "certificates.tasks.issue_for_enrolment",  # the online part: the cohort's covers it
        "certificates.tasks.issue_for_membership",
        "certificates.tasks.notify_holder",
    }
    assert kept["certificates.tasks.notify_holder"].arguments == [certificate.pk]
    assert kept["certificates.tasks.issue_for_membership"].arguments == [membership.pk]
    assert {task.state for task in kept.values()} == {FailedTask.State.NOT_QUEUED}

    coordinating, _user = _coordinator_client(client.__class__)
    # Every one queued again: the holder is told once, and still holds one certificate.
    for name in sorted(kept, reverse=True):  # the e-mail first
        _queue_again(coordinating, kept[name])

    assert [message.to for message in mail.outbox] == [[HOLDER]]
    assert Certificate.objects.filter(participant=holder).count() == 1
    certificate.refresh_from_db()
    assert certificate.notified_at is not None
