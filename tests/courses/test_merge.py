"""Merging never hands over what the trainer does not own (TESTS-SECURITY 40)."""

import datetime

import pytest
from allauth.account.models import EmailAddress

from audit.models import AuditEntry
from courses import services
from courses.models import Attendance, CohortMembership, CohortTrainer, Participant
from tests.factories import (
    UserFactory,
    build_course,
    cohort_graduate,
    cohort_led_by,
    coordinator,
    participant,
    trainee,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    course = build_course(modules=1, lessons_per_module=1, slug="merge").course
    coordinating = coordinator()
    tot = cohort_led_by(participant("Rutger"), course=course, created_by=coordinating)
    trainer_user = UserFactory(first_name="Petya", last_name="Koleva")
    trainer = services.participant_for_user(trainer_user)
    cohort_graduate(tot, [trainer], by=coordinating, accredit=True)
    training = cohort_led_by(
        trainer,
        course=course,
        created_by=trainer_user,
        kind="national_training",
        name="Training Plovdiv",
        starts_on=datetime.date(2026, 4, 6),
    )
    return {
        "course": course,
        "coordinator": coordinating,
        "tot": tot,
        "trainer_user": trainer_user,
        "trainer": trainer,
        "training": training,
    }


def snapshot():
    return (
        sorted(CohortMembership.objects.values_list("cohort_id", "participant_id")),
        sorted(CohortTrainer.objects.values_list("cohort_id", "participant_id", "role")),
        sorted(Attendance.objects.values_list("session_id", "participant_id")),
        sorted(Participant.objects.values_list("pk", "merged_into_id", "user_id")),
    )


def merge_through_the_site(client, world, keep, duplicate):
    client.force_login(world["trainer_user"])
    url = f"/en/learning/training/cohorts/{world['training'].pk}/merge/"
    return client.post(url, {"keep": keep.pk, "duplicate": duplicate.pk})


def refused_and_audited(world, keep, duplicate):
    entry = AuditEntry.objects.filter(action="access_refused").latest("pk")
    assert entry.actor == world["trainer_user"]
    assert entry.details == {"keep": keep.pk, "duplicate": duplicate.pk}


def test_a_trainer_merges_two_plain_records_in_their_own_cohort(client, world):
    keep, duplicate = participant("Ana Dimitrova"), participant("Ana  Dimitrova")
    for person in (keep, duplicate):
        services.cohort_add_member(world["training"], person)
    assert merge_through_the_site(client, world, keep, duplicate).status_code == 302
    duplicate.refresh_from_db()
    assert duplicate.merged_into == keep


def test_a_record_holding_an_accreditation_is_refused(client, world):
    # The duplicate is an accredited trainer who also sits in the trainer's cohort.
    accredited = trainee("Maria Petrova")
    cohort_graduate(world["tot"], [accredited], by=world["coordinator"], accredit=True)
    services.cohort_add_member(world["training"], accredited)
    keep = participant("Maria Petrova (typed)")
    services.cohort_add_member(world["training"], keep)
    before = snapshot()
    response = merge_through_the_site(client, world, keep, accredited)
    assert response.status_code == 403
    assert "Ask a programme coordinator" in response.content.decode()
    assert snapshot() == before
    refused_and_audited(world, keep, accredited)
    with pytest.raises(services.CascadeError) as refused:
        services.participant_merge(keep, accredited, by=world["trainer_user"])
    assert refused.value.code == "not_allowed"
    assert snapshot() == before


def test_a_record_leading_a_cohort_elsewhere_is_refused(client, world):
    # Someone else leads a ToT (generation 0) and is also on this trainer's roster.
    lead_elsewhere = participant("Rutger (again)")
    cohort_led_by(
        lead_elsewhere, course=world["course"], created_by=world["coordinator"], name="ToT 2"
    )
    services.cohort_add_member(world["training"], lead_elsewhere)
    keep = participant("Plain member")
    services.cohort_add_member(world["training"], keep)
    before = snapshot()
    assert merge_through_the_site(client, world, keep, lead_elsewhere).status_code == 403
    assert snapshot() == before
    refused_and_audited(world, keep, lead_elsewhere)
    # Nor the other way round: the trainer's member cannot absorb the lead role.
    with pytest.raises(services.CascadeError):
        services.participant_merge(lead_elsewhere, keep, by=world["trainer_user"])
    assert snapshot() == before


def test_a_person_from_outside_the_trainers_cohorts_is_refused(client, world):
    stranger = participant("Stranger")
    services.cohort_add_member(world["tot"], stranger)  # a cohort the trainer does not run
    mine = participant("Mine")
    services.cohort_add_member(world["training"], mine)
    before = snapshot()
    # Not on this cohort's roster: the site form does not even offer them.
    response = merge_through_the_site(client, world, mine, stranger)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    with pytest.raises(services.CascadeError) as refused:
        services.participant_merge(mine, stranger, by=world["trainer_user"])
    assert refused.value.code == "not_allowed"
    # Even a person on the roster who also belongs to a cohort the trainer cannot manage.
    services.cohort_add_member(world["training"], stranger)
    before = snapshot()
    assert merge_through_the_site(client, world, mine, stranger).status_code == 403
    assert snapshot() == before


def test_a_coordinator_merges_anything_and_roles_move(world):
    lead_elsewhere = participant("Rutger (again)")
    tot2 = cohort_led_by(
        lead_elsewhere, course=world["course"], created_by=world["coordinator"], name="ToT 2"
    )
    keep = participant("Rutger")
    services.participant_merge(keep, lead_elsewhere, by=world["coordinator"])
    assert tot2.trainers.get().participant == keep


def test_a_person_folds_a_record_typed_for_them_into_their_own_but_no_more(world):
    user = UserFactory(email="typed@example.org")
    EmailAddress.objects.update_or_create(
        user=user, email="typed@example.org", defaults={"verified": True, "primary": True}
    )
    own = services.participant_for_user(user)
    typed = participant("Typed by the trainer")
    services.cohort_add_member(world["training"], typed)
    # Without the trainer's invitation for that record, it is not theirs to take.
    with pytest.raises(services.CascadeError):
        services.participant_merge(own, typed, by=user)
    services.invitation_create(
        cohort=world["training"],
        email="typed@example.org",
        invited_by=world["trainer_user"],
        participant=typed,
    )
    services.participant_merge(own, typed, by=user)
    typed.refresh_from_db()
    assert typed.merged_into == own
    # A trainer's record is not theirs to take.
    with pytest.raises(services.CascadeError):
        services.participant_merge(own, world["trainer"], by=user)
