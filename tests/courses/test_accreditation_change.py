"""Extending, revoking or reinstating an accreditation: a coordinator's act, always audited.

The service is the one door (accreditation_change); the admin's edit screen
calls it. These tests call it directly, as any other path would.
"""

import datetime

import pytest

from audit.models import AuditEntry
from courses import services
from courses.models import TrainerAccreditation
from tests.factories import UserFactory, coordinator, first_generation_trainer, participant

pytestmark = pytest.mark.django_db

REVOKED = datetime.datetime(2026, 1, 1, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture
def accreditation():
    return first_generation_trainer(
        participant("Ana Popescu", user=UserFactory()), by=coordinator()
    )


def _stored(accreditation):
    return TrainerAccreditation.objects.values_list("valid_until", "revoked_at").get(
        pk=accreditation.pk
    )


@pytest.mark.parametrize("who", ["the trainer themselves", "staff", "nobody"])
def test_only_a_coordinator_changes_an_accreditation(accreditation, who):
    changed_by = {
        "the trainer themselves": accreditation.participant.user,
        "staff": UserFactory(is_staff=True),
        "nobody": None,
    }[who]

    with pytest.raises(services.CascadeError) as refused:
        services.accreditation_change(
            accreditation,
            changed_by=changed_by,
            valid_until=datetime.date(2099, 12, 31),
            revoked_at=None,
        )

    assert refused.value.code == "not_allowed"
    assert _stored(accreditation) == (datetime.date(2030, 12, 31), None)
    assert not AuditEntry.objects.exists()


def test_a_coordinator_reinstates_a_revoked_accreditation_and_both_values_are_recorded(
    accreditation,
):
    TrainerAccreditation.objects.filter(pk=accreditation.pk).update(revoked_at=REVOKED)
    user = coordinator()

    services.accreditation_change(
        accreditation,
        changed_by=user,
        valid_until=datetime.date(2031, 12, 31),
        revoked_at=None,
    )

    assert _stored(accreditation) == (datetime.date(2031, 12, 31), None)
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.action, entry.target_type.model, entry.target_id) == (
        user,
        "accreditation_changed",
        "traineraccreditation",
        str(accreditation.pk),
    )
    assert entry.details == {
        "valid_until": ["2030-12-31", "2031-12-31"],
        "revoked_at": ["2026-01-01T12:00:00+00:00", None],
    }


def test_saving_the_same_values_records_nothing(accreditation):
    services.accreditation_change(
        accreditation,
        changed_by=coordinator(),
        valid_until=datetime.date(2030, 12, 31),
        revoked_at=None,
    )
    assert not AuditEntry.objects.exists()


def test_an_accreditation_cannot_end_before_it_starts(accreditation):
    with pytest.raises(services.CascadeError) as refused:
        services.accreditation_change(
            accreditation,
            changed_by=coordinator(),
            valid_until=datetime.date(2019, 12, 31),
            revoked_at=None,
        )
    assert refused.value.code == "ends_before_it_starts"
    assert _stored(accreditation) == (datetime.date(2030, 12, 31), None)
