"""Attendance for sessions that have started; accreditation after the last one (TESTS-SECURITY 39)."""

import datetime

import pytest

from cms.models import LessonPage
from courses import services
from courses.models import Attendance, TrainerAccreditation
from courses.services.attendance import START_GRACE
from tests.factories import (
    UserFactory,
    at,
    build_course,
    clock,
    cohort_led_by,
    coordinator,
    participant,
    trainee,
)

pytestmark = pytest.mark.django_db

FIRST_DAY = datetime.date(2026, 3, 2)


@pytest.fixture
def world(db):
    course = build_course(modules=1, lessons_per_module=1, slug="accreditation").course
    coordinating = coordinator()
    lead_user = UserFactory()
    tot = cohort_led_by(
        services.participant_for_user(lead_user), course=course, created_by=coordinating
    )
    first = services.session_create(
        tot, starts_at=at(FIRST_DAY, 9), place="Sofia", created_by=coordinating
    )
    last = services.session_create(
        tot,
        starts_at=at(FIRST_DAY + datetime.timedelta(days=2), 9),
        place="Sofia",
        created_by=coordinating,
    )
    youth = trainee("Y-1", age_band="18_21")
    services.cohort_add_member(tot, youth)
    for lesson in LessonPage.objects.descendant_of(course).live():  # the online part
        services.lesson_complete(youth.user, lesson)
    return {"tot": tot, "first": first, "last": last, "youth": youth, "lead_user": lead_user}


def test_attendance_for_a_session_not_yet_started_is_refused(world):
    session, youth = world["first"], world["youth"]
    too_early = session.starts_at - START_GRACE - datetime.timedelta(minutes=1)
    with clock(too_early), pytest.raises(services.CascadeError) as refused:
        services.attendance_mark(session, {youth.pk: "present"}, marked_by=world["lead_user"])
    assert refused.value.code == "session_not_started"
    assert not Attendance.objects.exists()
    # Within the grace (a clock a little ahead) it is taken.
    with clock(session.starts_at - START_GRACE + datetime.timedelta(minutes=1)):
        services.attendance_mark(session, {youth.pk: "present"}, marked_by=world["lead_user"])
    assert Attendance.objects.get().status == "present"


def test_offline_marks_dated_before_the_session_are_refused(world):
    session, youth = world["first"], world["youth"]
    with clock(at(FIRST_DAY, 18)), pytest.raises(services.CascadeError) as refused:
        services.attendance_mark(
            session,
            {youth.pk: "present"},
            marked_by=world["lead_user"],
            marked_at=at(FIRST_DAY - datetime.timedelta(days=1), 18),
        )
    assert refused.value.code == "marked_before_session"
    assert not Attendance.objects.exists()


def test_the_site_refuses_marks_before_the_session_with_a_message(client, world):
    client.force_login(world["lead_user"])
    url = f"/en/learning/training/cohorts/{world['tot'].pk}/sessions/{world['last'].pk}/attendance/"
    with clock(at(FIRST_DAY, 18)):  # the last session is two days away
        response = client.post(url, {f"member_{world['youth'].pk}": "present"})
    assert response.status_code == 409
    assert "has not started yet" in response.content.decode()
    assert not Attendance.objects.exists()


def test_someone_outside_the_cohort_cannot_be_marked(world):
    outsider = participant("Not a member")
    with clock(at(FIRST_DAY, 12)), pytest.raises(services.CascadeError) as refused:
        services.attendance_mark(
            world["first"],
            {world["youth"].pk: "present", outsider.pk: "present"},
            marked_by=world["lead_user"],
        )
    assert refused.value.code == "not_a_member"
    assert not Attendance.objects.exists()


def test_graduates_are_accredited_only_after_the_last_session(world):
    youth = world["youth"]
    with clock(at(FIRST_DAY, 12)):
        services.attendance_mark(
            world["first"], {youth.pk: "present"}, marked_by=world["lead_user"]
        )
    # 1 of 2 sessions falls short of 80 %; after the last session, 2 of 2 completes.
    next_day = at(FIRST_DAY + datetime.timedelta(days=1), 12)
    with clock(next_day), pytest.raises(services.CascadeError) as refused:
        services.graduates_accredit(world["tot"], granted_by=world["lead_user"], participant_ids=[])
    assert refused.value.code == "training_not_held"
    granted_day = FIRST_DAY + datetime.timedelta(days=9)
    with clock(at(FIRST_DAY + datetime.timedelta(days=2), 12)):
        services.attendance_mark(world["last"], {youth.pk: "present"}, marked_by=world["lead_user"])
    with clock(at(granted_day, 10)):
        granted = services.graduates_accredit(
            world["tot"], granted_by=world["lead_user"], participant_ids=[youth.pk]
        )
    assert [accreditation.participant for accreditation in granted] == [youth]
    accreditation = TrainerAccreditation.objects.get()
    assert accreditation.valid_from == granted_day  # not the cohort's end date
    assert accreditation.valid_until == granted_day + datetime.timedelta(days=3 * 365)


def test_a_co_trainer_cannot_accredit(world):
    co_user = UserFactory()
    tot = world["tot"]
    tot.trainers.create(participant=services.participant_for_user(co_user), role="co_trainer")
    after = at(FIRST_DAY + datetime.timedelta(days=5), 12)
    with clock(after), pytest.raises(services.CascadeError) as refused:
        services.graduates_accredit(tot, granted_by=co_user, participant_ids=[])
    assert refused.value.code == "not_allowed"


def test_exactly_the_confirmed_graduates_are_accredited(world):
    """The lead leaves out a graduate they doubt: only those confirmed are accredited."""
    tot, youth = world["tot"], world["youth"]
    doubted = participant("Y-2", age_band="18_21")
    services.cohort_add_member(tot, doubted)
    for session in (world["first"], world["last"]):
        with clock(session.starts_at + datetime.timedelta(hours=3)):
            services.attendance_mark(
                session,
                {youth.pk: "present", doubted.pk: "present"},
                marked_by=world["lead_user"],
            )
    with clock(at(FIRST_DAY + datetime.timedelta(days=5), 10)):
        granted = services.graduates_accredit(
            tot, granted_by=world["lead_user"], participant_ids=[youth.pk]
        )
    assert [accreditation.participant for accreditation in granted] == [youth]
    assert list(TrainerAccreditation.objects.values_list("participant", flat=True)) == [youth.pk]


@pytest.mark.parametrize("who", ["not completed", "outsider", "nobody"])
def test_confirming_anyone_but_a_waiting_graduate_writes_nothing(world, who):
    tot, youth = world["tot"], world["youth"]
    for session in (world["first"], world["last"]):
        with clock(session.starts_at + datetime.timedelta(hours=3)):
            services.attendance_mark(session, {youth.pk: "present"}, marked_by=world["lead_user"])
    unfinished = participant("Y-3", age_band="18_21")
    services.cohort_add_member(tot, unfinished)
    confirmed = {
        "not completed": [youth.pk, unfinished.pk],
        "outsider": [youth.pk, participant("Outsider").pk],
        "nobody": [],
    }[who]
    after = at(FIRST_DAY + datetime.timedelta(days=5), 10)
    with clock(after), pytest.raises(services.CascadeError) as refused:
        services.graduates_accredit(tot, granted_by=world["lead_user"], participant_ids=confirmed)
    assert refused.value.code == ("none_chosen" if who == "nobody" else "graduates_changed")
    assert not TrainerAccreditation.objects.exists()
