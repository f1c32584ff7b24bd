"""A training of trainers accredits only people who did its online part (issue 8, review G1-1).

The hole: a ToT lead types a roster record, marks it present, the typed record
completes the ToT; the invited person accepts (the merge moves the completed
membership to their account) and is accredited though their course is not done.
"""

import datetime

import pytest
from allauth.account.models import EmailAddress

from courses import selectors, services
from courses.models import CohortMembership, Participant, TrainerAccreditation
from tests.factories import (
    UserFactory,
    at,
    build_course,
    clock,
    cohort_graduate,
    cohort_led_by,
    coordinator,
    participant,
)

pytestmark = pytest.mark.django_db

NTOT_START = datetime.date(2026, 4, 6)


@pytest.fixture
def world():
    tree = build_course(modules=1, lessons_per_module=2, slug="online-part")
    coord = coordinator()
    tot = cohort_led_by(participant("Rutger"), course=tree.course, created_by=coord)
    trainer_user = UserFactory(first_name="Petya", last_name="Koleva")
    trainer = services.participant_for_user(trainer_user)
    cohort_graduate(tot, [trainer], by=coord, accredit=True)
    with clock(at(NTOT_START - datetime.timedelta(days=7))):
        ntot = cohort_led_by(
            trainer,
            course=tree.course,
            created_by=trainer_user,
            kind="national_tot",
            name="National ToT Plovdiv",
            starts_on=NTOT_START,
        )
        session = services.session_create(
            ntot, starts_at=at(NTOT_START), place="Plovdiv", created_by=trainer_user
        )
    typed = Participant.objects.create(display_name="Ivan Typed", country=ntot.country)
    services.cohort_add_member(ntot, typed)
    invitation = services.invitation_create(
        cohort=ntot, email="ivan@example.org", invited_by=trainer_user, participant=typed
    )
    ivan = UserFactory(email="ivan@example.org")
    EmailAddress.objects.update_or_create(
        user=ivan, email="ivan@example.org", defaults={"verified": True, "primary": True}
    )
    return {
        "tree": tree,
        "ntot": ntot,
        "session": session,
        "typed": typed,
        "invitation": invitation,
        "ivan": ivan,
        "trainer_user": trainer_user,
    }


def test_a_typed_record_present_at_a_tot_does_not_complete_it(world, heard):
    with clock(at(NTOT_START, 17)):
        services.attendance_mark(
            world["session"], {world["typed"].pk: "present"}, marked_by=world["trainer_user"]
        )
    assert CohortMembership.objects.get(participant=world["typed"]).completed_at is None
    assert ("cohort", world["typed"].pk) not in heard


def test_accepting_the_invitation_does_not_accredit_without_the_online_part(client, world):
    ntot, trainer_user, ivan = world["ntot"], world["trainer_user"], world["ivan"]
    with clock(at(NTOT_START, 17)):
        services.attendance_mark(
            world["session"], {world["typed"].pk: "present"}, marked_by=trainer_user
        )
    with clock(at(NTOT_START, 18)):
        services.invitation_accept(world["invitation"], user=ivan)
        own = services.participant_for_user(ivan)
        assert CohortMembership.objects.get(cohort=ntot, participant=own).completed_at is None
        assert selectors.graduates_to_accredit(ntot) == []
        # The lead posts Ivan's id anyway.
        client.force_login(trainer_user)
        response = client.post(
            f"/en/learning/training/cohorts/{ntot.pk}/accredit/", {"participant": [own.pk]}
        )
        assert response.status_code == 409
        with pytest.raises(services.CascadeError) as refused:
            services.accreditation_grant_for_cohort(ntot, own, granted_by=trainer_user)
    assert refused.value.code == "not_completed"
    assert not TrainerAccreditation.objects.filter(participant=own).exists()


def test_once_the_online_part_is_done_the_tot_completes_and_accredits(world, heard):
    ntot, trainer_user, ivan = world["ntot"], world["trainer_user"], world["ivan"]
    with clock(at(NTOT_START, 17)):
        services.attendance_mark(
            world["session"], {world["typed"].pk: "present"}, marked_by=trainer_user
        )
    with clock(at(NTOT_START, 18)):
        services.invitation_accept(world["invitation"], user=ivan)
        own = services.participant_for_user(ivan)
        for lesson in world["tree"].lessons:
            services.lesson_complete(ivan, lesson)
        assert heard.count(("cohort", own.pk)) == 1
        assert selectors.graduates_to_accredit(ntot) == [own]
        services.graduates_accredit(ntot, granted_by=trainer_user, participant_ids=[own.pk])
    assert TrainerAccreditation.objects.get(granted_by_cohort=ntot).participant == own


def test_a_completed_membership_without_the_online_part_is_not_accredited(world):
    """Even a membership completed before this rule (kept in the record) needs the course."""
    ntot, trainer_user, ivan = world["ntot"], world["trainer_user"], world["ivan"]
    own = services.participant_for_user(ivan)
    services.cohort_add_member(ntot, own)
    CohortMembership.objects.filter(cohort=ntot, participant=own).update(
        completed_at=at(NTOT_START, 17)
    )
    with clock(at(NTOT_START, 18)), pytest.raises(services.CascadeError) as refused:
        services.accreditation_grant_for_cohort(ntot, own, granted_by=trainer_user)
    assert refused.value.code == "online_part_missing"
    assert not TrainerAccreditation.objects.filter(participant=own).exists()
