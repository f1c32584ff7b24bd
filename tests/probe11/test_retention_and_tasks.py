"""Retention and failed-task records after an erasure."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from privacy.models import ErasureRequest
from privacy.services.retention import inactive_people_request, retention_erasures_run
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


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
