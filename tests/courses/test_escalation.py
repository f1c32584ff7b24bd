"""A fresh account with no roles tries to make itself a trainer (TESTS-SECURITY 38).

The chain: plan an international training of trainers, join it, mark itself
present, complete, accredit itself, lead a national training. Each step is
tried through the site and through the services; each is refused and nothing
is written.
"""

import datetime

import pytest

from courses import services
from courses.models import Attendance, Cohort, CohortSession, TrainerAccreditation
from tests.factories import (
    UserFactory,
    at,
    build_course,
    clock,
    cohort_led_by,
    coordinator,
    country,
    organisation,
    participant,
)

pytestmark = pytest.mark.django_db

NOW = at(datetime.date(2026, 11, 20), 12)


@pytest.fixture
def world(db):
    tree = build_course(modules=1, lessons_per_module=1, slug="escalation")
    bulgaria = country()
    return {
        "course": tree.course,
        "lessons": tree.lessons,
        "country": bulgaria,
        "host": organisation(in_country=bulgaria),
        "attacker": UserFactory(email="eve@example.org"),
        "coordinator": coordinator(),
    }


def plan(world, kind, name="Eve's ToT"):
    return {
        "name": name,
        "course": world["course"].pk,
        "kind": kind,
        "country": world["country"].pk,
        "language": "en",
        "host_organisation": world["host"].pk,
        "capacity": 20,
        "starts_on": "2026-11-02",
        "ends_on": "2026-11-06",
        "attendance_threshold": 80,
    }


def nothing_written():
    return (
        Cohort.objects.count(),
        CohortSession.objects.count(),
        Attendance.objects.count(),
        TrainerAccreditation.objects.count(),
    )


def test_a_fresh_account_cannot_climb_the_cascade(client, world):
    attacker = world["attacker"]
    me = services.participant_for_user(attacker, world["country"])
    client.force_login(attacker)

    # 1. Plan an international ToT: refused on the site and in the service.
    with clock(NOW):
        response = client.post(
            "/en/learning/training/cohorts/new/", plan(world, "international_tot")
        )
    assert response.status_code == 200
    assert "Only a programme coordinator plans" in response.content.decode()
    with pytest.raises(services.CascadeError) as refused:
        cohort_led_by(me, course=world["course"], created_by=attacker)
    assert refused.value.code == "coordinators_only"
    assert nothing_written() == (0, 0, 0, 0)

    # A real ToT exists, planned by a coordinator and held; the attacker joins it
    # with its code (anyone invited may) and finishes the lessons online.
    tot = cohort_led_by(
        participant("Rutger"),
        course=world["course"],
        created_by=world["coordinator"],
        starts_on=datetime.date(2026, 11, 2),
    )
    session = services.session_create(
        tot, starts_at=at(tot.starts_on), place="Sofia", created_by=world["coordinator"]
    )
    with clock(NOW):
        assert client.post(f"/en/learning/join/{tot.invite_code}/").status_code == 302
        for lesson in world["lessons"]:
            services.lesson_complete(attacker, lesson)
    before = nothing_written()

    # 2. Mark themselves present: refused (403 on the site; the service refuses too).
    url = f"/en/learning/training/cohorts/{tot.pk}/sessions/{session.pk}/attendance/"
    with clock(NOW):
        assert client.post(url, {f"member_{me.pk}": "present"}).status_code == 403
        with pytest.raises(services.CascadeError) as refused:
            services.attendance_mark(session, {me.pk: "present"}, marked_by=attacker)
    assert refused.value.code == "not_allowed"

    # 3. Completion: without attendance, the membership is not complete.
    membership = tot.memberships.get(participant=me)
    assert not services.membership_refresh_completion(membership)
    membership.refresh_from_db()
    assert membership.completed_at is None

    # 4. Accredit themselves: refused on the site and in the service.
    accredit = f"/en/learning/training/cohorts/{tot.pk}/accredit/"
    with clock(NOW):
        assert client.get(accredit).status_code == 403
        assert client.post(accredit, {"participant": [me.pk]}).status_code == 403
        with pytest.raises(services.CascadeError) as refused:
            services.graduates_accredit(tot, granted_by=attacker, participant_ids=[me.pk])
        assert refused.value.code == "not_allowed"
        with pytest.raises(services.CascadeError) as refused:
            services.accreditation_grant_for_cohort(tot, me, granted_by=attacker)
        assert refused.value.code == "not_allowed"

    # 5. Lead a national training: refused, no accreditation.
    with clock(NOW):
        response = client.post(
            "/en/learning/training/cohorts/new/",
            {
                **plan(world, "national_training", "Eve's training"),
                "starts_on": "2026-12-01",
                "ends_on": "2026-12-02",
            },
        )
    assert response.status_code == 200
    assert "has no valid trainer accreditation" in response.content.decode()
    with pytest.raises(services.CascadeError) as refused:
        cohort_led_by(
            me,
            course=world["course"],
            created_by=attacker,
            kind=Cohort.Kind.NATIONAL_TRAINING,
            starts_on=datetime.date(2026, 12, 1),
        )
    assert refused.value.code == "no_valid_accreditation"

    assert nothing_written() == before == (1, 1, 0, 0)
    assert not TrainerAccreditation.objects.filter(participant=me).exists()


def test_a_trainer_cannot_plan_a_cohort_for_someone_else_to_lead(world):
    with pytest.raises(services.CascadeError) as refused:
        cohort_led_by(
            participant("Accredited or not"),
            course=world["course"],
            created_by=world["attacker"],
            kind=Cohort.Kind.NATIONAL_TRAINING,
        )
    assert refused.value.code == "not_your_cohort"
    assert not Cohort.objects.exists()


def test_only_a_coordinator_hands_a_cohort_to_another_lead(world):
    tot = cohort_led_by(
        participant("Rutger"), course=world["course"], created_by=world["coordinator"]
    )
    with pytest.raises(services.CascadeError) as refused:
        services.cohort_change_lead(tot, participant("Eve"), by=world["attacker"])
    assert refused.value.code == "coordinators_only"
    assert tot.trainers.get().participant.display_name == "Rutger"
