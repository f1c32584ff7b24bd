"""Moving a member between cohorts (issue 8, review G1-2 and G1-3).

A trainer moves members only between cohorts they manage (never into one where
they are only a young expert), never into a closed or full cohort, and never
a member who completed: completion is never taken back, so it is announced once.
"""

import datetime

import pytest

from audit.models import AuditEntry
from courses import services
from courses.models import Cohort, CohortMembership
from tests.factories import (
    UserFactory,
    at,
    build_course,
    clock,
    cohort_graduate,
    cohort_led_by,
    coordinator,
    participant,
    trainee,
)

pytestmark = pytest.mark.django_db

MINE_START = datetime.date(2026, 4, 6)


@pytest.fixture
def world():
    course = build_course(modules=1, lessons_per_module=1, slug="moves").course
    coord = coordinator()
    tot = cohort_led_by(participant("Rutger"), course=course, created_by=coord)
    trainer_user = UserFactory(first_name="Petya", last_name="Koleva")
    trainer = services.participant_for_user(trainer_user)
    cohort_graduate(tot, [trainer], by=coord, accredit=True)

    def mine(name, starts_on, **fields):
        return cohort_led_by(
            trainer,
            course=course,
            created_by=trainer_user,
            kind="national_training",
            name=name,
            starts_on=starts_on,
            **fields,
        )

    first = mine("Training A", MINE_START)
    second = mine("Training B", MINE_START + datetime.timedelta(days=30))
    other_lead = trainee("Other lead")
    cohort_graduate(tot, [other_lead], by=coord, accredit=True)
    foreign = cohort_led_by(
        other_lead,
        course=course,
        created_by=coord,
        kind="national_training",
        name="Foreign",
        starts_on=MINE_START + datetime.timedelta(days=40),
        young_experts=(trainer,),
    )
    person = participant("Ana")
    services.cohort_add_member(first, person)
    return {
        "first": first,
        "second": second,
        "foreign": foreign,
        "person": person,
        "trainer_user": trainer_user,
        "mine": mine,
    }


def move_url(cohort):
    return f"/en/learning/training/cohorts/{cohort.pk}/move/"


def test_the_form_offers_only_cohorts_the_trainer_manages(client, world):
    client.force_login(world["trainer_user"])
    html = client.get(move_url(world["first"])).content.decode()
    assert "Training B" in html
    assert "Foreign" not in html  # only a young expert there


def test_moving_into_a_cohort_where_one_is_only_a_young_expert_is_refused(client, world):
    first, foreign, person = world["first"], world["foreign"], world["person"]
    client.force_login(world["trainer_user"])
    response = client.post(move_url(first), {"participant": person.pk, "target": foreign.pk})
    assert response.status_code == 403
    assert CohortMembership.objects.get(participant=person).cohort == first
    refusal = AuditEntry.objects.get(action="access_refused", actor=world["trainer_user"])
    assert refusal.target_id == str(foreign.pk)
    with pytest.raises(services.CascadeError) as refused:
        services.membership_move(
            CohortMembership.objects.get(participant=person), foreign, by=world["trainer_user"]
        )
    assert refused.value.code == "not_allowed"
    assert CohortMembership.objects.get(participant=person).cohort == first


def test_moving_out_of_a_cohort_one_does_not_manage_is_refused(world):
    stranger = UserFactory()
    membership = CohortMembership.objects.get(participant=world["person"])
    with pytest.raises(services.CascadeError) as refused:
        services.membership_move(membership, world["second"], by=stranger)
    assert refused.value.code == "not_allowed"
    assert CohortMembership.objects.get(participant=world["person"]).cohort == world["first"]


@pytest.mark.parametrize("status", [Cohort.Status.COMPLETED, Cohort.Status.CANCELLED])
def test_a_closed_cohort_takes_nobody_moved_in(client, world, status):
    first, second, person = world["first"], world["second"], world["person"]
    Cohort.objects.filter(pk=second.pk).update(status=status)
    client.force_login(world["trainer_user"])
    response = client.post(move_url(first), {"participant": person.pk, "target": second.pk})
    assert response.status_code == 409
    assert "no longer takes new members" in response.content.decode()
    assert CohortMembership.objects.get(participant=person).cohort == first


def test_a_full_cohort_takes_nobody_moved_in(world):
    second = world["second"]
    Cohort.objects.filter(pk=second.pk).update(capacity=1)
    services.cohort_add_member(second, participant("Boris"))
    membership = CohortMembership.objects.get(participant=world["person"])
    with pytest.raises(services.CascadeError) as refused:
        services.membership_move(membership, second, by=world["trainer_user"])
    assert refused.value.code == "full"
    assert CohortMembership.objects.get(participant=world["person"]).cohort == world["first"]


def test_a_completed_member_stays_and_completion_is_announced_once(client, world, heard):
    first, second, person = world["first"], world["second"], world["person"]
    trainer_user = world["trainer_user"]
    with clock(at(MINE_START - datetime.timedelta(days=1))):
        sessions = [
            services.session_create(
                first,
                starts_at=at(MINE_START + datetime.timedelta(days=offset)),
                place="Plovdiv",
                created_by=trainer_user,
            )
            for offset in (0, 1)
        ]
    with clock(at(first.ends_on, 17)):
        for session in sessions:
            services.attendance_mark(session, {person.pk: "present"}, marked_by=trainer_user)
        completed_at = CohortMembership.objects.get(participant=person).completed_at
        assert completed_at == at(first.ends_on, 17)
        client.force_login(trainer_user)
        response = client.post(move_url(first), {"participant": person.pk, "target": second.pk})
        assert response.status_code == 409
        assert "stays where they completed" in response.content.decode()
        membership = CohortMembership.objects.get(participant=person)
        with pytest.raises(services.CascadeError) as refused:
            services.membership_move(membership, second, by=trainer_user)
        assert refused.value.code == "completed"
        # Marks changed back and forth later announce nothing more.
        services.attendance_mark(sessions[1], {person.pk: "absent"}, marked_by=trainer_user)
        services.attendance_mark(sessions[1], {person.pk: "present"}, marked_by=trainer_user)
    membership = CohortMembership.objects.get(participant=person)
    assert (membership.cohort, membership.completed_at) == (first, completed_at)
    assert heard == [("cohort", person.pk)]


def test_a_moved_member_is_judged_in_the_new_cohort(world, heard):
    """Present at the target's only session already (marked there before): the move completes."""
    second, person = world["second"], world["person"]
    trainer_user = world["trainer_user"]
    with clock(at(second.starts_on - datetime.timedelta(days=1))):
        session = services.session_create(
            second, starts_at=at(second.starts_on), place="Varna", created_by=trainer_user
        )
    helper = participant("Boris")
    services.cohort_add_member(second, helper)
    with clock(at(second.starts_on, 17)):
        services.attendance_mark(session, {helper.pk: "present"}, marked_by=trainer_user)
        membership = CohortMembership.objects.get(participant=person)
        services.membership_move(membership, second, by=trainer_user)
    membership.refresh_from_db()
    assert membership.cohort == second and membership.completed_at is None  # not present there
    assert ("cohort", person.pk) not in heard
