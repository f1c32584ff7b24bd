"""Retention and failed-task records after an erasure."""

import datetime
import smtplib

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from courses.models import CohortInvitation
from jobs.models import FailedTask
from jobs.services import failed_attempt_record
from privacy.models import ErasureRequest
from privacy.services.erasure import erasure_request, erasure_run
from privacy.services.retention import inactive_people_request, retention_erasures_run
from tests.courses.test_invitations import World
from tests.factories import UserFactory, coordinator

pytestmark = pytest.mark.django_db

ROSTER_ADDRESS = "roster.only@example.org"


def test_an_erased_roster_persons_address_stays_in_a_failed_invitation_task():
    world = World()
    typed = world.invite_member(email=ROSTER_ADDRESS, name=("Rosa", "Roster"))
    invitation = CohortInvitation.objects.get(participant=typed)
    # The mail server refused the invitation for good (what the worker's signal records).
    failed_attempt_record(
        task_id="t-1",
        task_name="courses.tasks.invitation_send",
        args=[invitation.pk],
        kwargs={},
        error=smtplib.SMTPRecipientsRefused({ROSTER_ADDRESS: (550, b"mailbox full")}),
        final=True,
    )
    erasure = erasure_request(
        participant=typed, by=coordinator(), origin=ErasureRequest.Origin.COORDINATOR, queue=False
    )
    erasure_run(erasure.pk)
    assert CohortInvitation.objects.get(pk=invitation.pk).email == ""
    left = list(
        FailedTask.objects.filter(message__icontains=ROSTER_ADDRESS).values_list(
            "task_name", "message"
        )
    )
    assert left == [], left


def test_a_retention_erasure_left_waiting_does_not_erase_someone_who_came_back(settings):
    settings.PRIVACY_INACTIVE_RETENTION_DAYS = 365
    long_ago = timezone.now() - datetime.timedelta(days=800)
    person = UserFactory(email="back.again@example.org", first_name="Back")
    get_user_model().objects.filter(pk=person.pk).update(date_joined=long_ago, last_login=long_ago)

    # The daily job asks for the erasures, then stops (a worker killed, a deploy)...
    inactive_people_request()
    assert ErasureRequest.objects.filter(user=person).exists()
    # ...the person signs in the next morning...
    get_user_model().objects.filter(pk=person.pk).update(last_login=timezone.now())
    # ...and the next day's job runs what was left waiting.
    retention_erasures_run()

    person.refresh_from_db()
    assert person.is_active and person.email == "back.again@example.org", (
        "an active person was erased by retention"
    )
