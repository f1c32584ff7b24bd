"""A session starts within its cohort's dates; attendance counts once a session has started.

Found by probing: a trainer added a session dated 2021 to a training of trainers
starting in 2027, marked attendance at once and accredited at once; with an
attendance threshold of 0 % members completed before the cohort ever met.
"""

import datetime
import zoneinfo

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError

from cms.models import LessonPage
from courses import services
from courses.models import Attendance, Cohort, CohortMembership, CohortSession
from tests.factories import (
    UserFactory,
    build_course,
    clock,
    cohort_led_by,
    coordinator,
    country,
    make_trainer,
)

pytestmark = pytest.mark.django_db

SITE = zoneinfo.ZoneInfo(settings.TIME_ZONE)
TODAY = datetime.datetime(2026, 11, 29, 10, tzinfo=SITE)  # the ToT is planned today
STARTS_ON, ENDS_ON = datetime.date(2027, 3, 1), datetime.date(2027, 3, 5)


def local(*parts) -> datetime.datetime:
    return datetime.datetime(*parts, tzinfo=SITE)


@pytest.fixture
def world(db):
    coordinating = coordinator()
    lead_user = make_trainer()
    lead = services.participant_for_user(lead_user, country())
    services.accreditation_grant_first_generation(
        lead,
        level="trainer",
        country=country(),
        valid_from=datetime.date(2020, 1, 1),
        valid_until=datetime.date(2030, 12, 31),
        granted_by=coordinating,
    )
    course = build_course(modules=1, lessons_per_module=1, slug="dates").course
    tot = cohort_led_by(
        lead,
        course=course,
        created_by=lead_user,
        kind=Cohort.Kind.NATIONAL_TOT,
        name="National ToT 2027",
        starts_on=STARTS_ON,
        ends_on=ENDS_ON,
    )
    learner = UserFactory()
    services.cohort_join(tot, learner)
    for lesson in LessonPage.objects.descendant_of(course).live():
        services.lesson_complete(learner, lesson)
    return {"tot": tot, "lead_user": lead_user, "learner": learner.participant}


def session_form(starts_at: str) -> dict:
    return {"starts_at": starts_at, "duration_minutes": 180, "place": "Sofia"}


def test_a_backdated_session_is_refused_so_nothing_can_be_marked_or_accredited(client, world):
    tot = world["tot"]
    client.force_login(world["lead_user"])
    with clock(TODAY):
        response = client.post(
            f"/en/learning/training/cohorts/{tot.pk}/sessions/new/",
            session_form("2021-01-01T09:00"),
        )
        assert response.status_code == 200
        html = response.content.decode()
        assert "A session starts within its cohort&#x27;s dates" in html
        assert 'value="2021-01-01T09:00"' in html  # what was typed is kept
        assert not CohortSession.objects.exists()
        accredit = client.post(
            f"/en/learning/training/cohorts/{tot.pk}/accredit/",
            {"participant": [world["learner"].pk]},
        )
    assert accredit.status_code == 409  # no session has taken place
    assert not Attendance.objects.exists()
    assert CohortMembership.objects.get(participant=world["learner"]).completed_at is None


@pytest.mark.parametrize(
    ("starts_at", "taken"),
    [
        (local(2027, 2, 28, 23, 59), False),  # the evening before
        (local(2027, 3, 1, 0, 0), True),  # the first day, midnight, in the site's zone
        (datetime.datetime(2027, 2, 28, 22, 30, tzinfo=datetime.UTC), True),  # 00:30 there
        (local(2027, 3, 5, 23, 59), True),  # the last day, late
        (local(2027, 3, 6, 0, 0), False),  # the day after
        (datetime.datetime(2021, 1, 1, 9, tzinfo=datetime.UTC), False),
    ],
)
def test_a_session_starts_within_the_cohort_days_in_the_sites_time_zone(world, starts_at, taken):
    tot = world["tot"]
    if taken:
        session = services.session_create(
            tot, starts_at=starts_at, place="Sofia", created_by=world["lead_user"]
        )
        assert session.starts_at == starts_at
    else:
        with pytest.raises(ValidationError) as refused:
            services.session_create(
                tot, starts_at=starts_at, place="Sofia", created_by=world["lead_user"]
            )
        assert refused.value.error_dict["starts_at"][0].code == "outside_cohort_dates"
        assert not CohortSession.objects.exists()


@pytest.mark.parametrize(
    "typed", ["9999-12-31T23:59", "0001-01-01T00:00", "1999-12-31T23:00", "2101-01-01T00:00"]
)
def test_a_start_in_no_sensible_year_is_a_form_error(client, world, typed):
    client.force_login(world["lead_user"])
    client.raise_request_exception = False
    response = client.post(
        f"/en/learning/training/cohorts/{world['tot'].pk}/sessions/new/", session_form(typed)
    )
    assert response.status_code == 200
    assert "Enter a date between 2000 and 2100." in response.content.decode()
    assert not CohortSession.objects.exists()


def test_new_dates_cannot_leave_a_session_outside_the_cohort(client, world):
    tot = world["tot"]
    services.session_create(
        tot, starts_at=local(2027, 3, 3, 9), place="Sofia", created_by=world["lead_user"]
    )
    client.force_login(world["lead_user"])
    settings_form = {
        "name": tot.name,
        "status": "planned",
        "capacity": 25,
        "starts_on": "2027-03-04",
        "ends_on": "2027-03-05",
        "attendance_threshold": 80,
    }
    with clock(TODAY):
        response = client.post(f"/en/learning/training/cohorts/{tot.pk}/settings/", settings_form)
        assert response.status_code == 200
        assert "These dates leave sessions outside the cohort" in response.content.decode()
        tot.refresh_from_db()
        assert tot.starts_on == STARTS_ON
        with pytest.raises(services.CascadeError) as refused:
            services.cohort_settings_change(
                tot, changed_by=world["lead_user"], ends_on=datetime.date(2027, 3, 2)
            )
        assert refused.value.code == "sessions_outside_dates"
        # Dates that still hold the session are taken.
        services.cohort_settings_change(
            tot, changed_by=world["lead_user"], ends_on=datetime.date(2027, 3, 3)
        )
    tot.refresh_from_db()
    assert tot.ends_on == datetime.date(2027, 3, 3)


@pytest.mark.parametrize(
    ("threshold", "message"),
    [
        ("0", "Enter 1 or more: members complete a cohort by attending its sessions."),
        ("101", "Enter 100 or less."),
    ],
)
def test_the_settings_refuse_a_threshold_outside_1_to_100(client, world, threshold, message):
    tot = world["tot"]
    client.force_login(world["lead_user"])
    response = client.post(
        f"/en/learning/training/cohorts/{tot.pk}/settings/",
        {
            "name": tot.name,
            "status": "planned",
            "capacity": 25,
            "starts_on": STARTS_ON.isoformat(),
            "ends_on": ENDS_ON.isoformat(),
            "attendance_threshold": threshold,
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert f'value="{threshold}"' in html
    tot.refresh_from_db()
    assert tot.attendance_threshold == 80
    with pytest.raises(ValidationError):
        services.cohort_settings_change(
            tot, changed_by=world["lead_user"], attendance_threshold=int(threshold)
        )


def test_nobody_completes_before_a_session_has_started_whatever_the_threshold(world):
    tot, learner = world["tot"], world["learner"]
    Cohort.objects.filter(pk=tot.pk).update(attendance_threshold=0)  # a record from before
    first = services.session_create(
        tot, starts_at=local(2027, 3, 1, 9), place="Sofia", created_by=world["lead_user"]
    )
    services.session_create(
        tot, starts_at=local(2027, 3, 3, 9), place="Sofia", created_by=world["lead_user"]
    )
    membership = CohortMembership.objects.select_related("cohort").get(participant=learner)
    with clock(TODAY):
        assert services.membership_refresh_completion(membership) is False
    # Marked present within the grace before the first session: it has not started yet.
    with clock(local(2027, 3, 1, 8, 30)):
        services.attendance_mark(first, {learner.pk: "present"}, marked_by=world["lead_user"])
        membership.refresh_from_db()
        assert membership.completed_at is None
    with clock(local(2027, 3, 1, 9, 1)):
        assert services.membership_refresh_completion(membership) is True
    assert membership.completed_at == local(2027, 3, 1, 9, 1)


def test_absent_at_every_started_session_never_completes_at_threshold_zero(world):
    tot, learner = world["tot"], world["learner"]
    Cohort.objects.filter(pk=tot.pk).update(attendance_threshold=0)
    first = services.session_create(
        tot, starts_at=local(2027, 3, 1, 9), place="Sofia", created_by=world["lead_user"]
    )
    with clock(local(2027, 3, 1, 12)):
        services.attendance_mark(first, {learner.pk: "absent"}, marked_by=world["lead_user"])
    assert CohortMembership.objects.get(participant=learner).completed_at is None


def test_a_member_completes_at_the_threshold_of_all_sessions_not_of_those_held_so_far(world):
    """80 % of three sessions: present at the first two (67 %) is not enough, even before the
    third has taken place."""
    tot, learner = world["tot"], world["learner"]
    sessions = [
        services.session_create(
            tot, starts_at=local(2027, 3, day, 9), place="Sofia", created_by=world["lead_user"]
        )
        for day in (1, 2, 4)
    ]
    for session in sessions[:2]:
        with clock(session.starts_at + datetime.timedelta(hours=3)):
            services.attendance_mark(session, {learner.pk: "present"}, marked_by=world["lead_user"])
    assert CohortMembership.objects.get(participant=learner).completed_at is None
    with clock(sessions[2].starts_at + datetime.timedelta(hours=3)):
        services.attendance_mark(sessions[2], {learner.pk: "present"}, marked_by=world["lead_user"])
    completed = CohortMembership.objects.get(participant=learner).completed_at
    assert completed == sessions[2].starts_at + datetime.timedelta(hours=3)


@pytest.mark.parametrize(
    ("name", "typed"), [("ends_on", "9999-12-31"), ("starts_on", "1999-12-31")]
)
def test_cohort_dates_in_no_sensible_year_are_a_form_error(client, world, name, typed):
    tot = world["tot"]
    client.force_login(world["lead_user"])
    client.raise_request_exception = False
    values = {
        "name": tot.name,
        "status": "planned",
        "capacity": 25,
        "starts_on": STARTS_ON.isoformat(),
        "ends_on": ENDS_ON.isoformat(),
        "attendance_threshold": 80,
        name: typed,
    }
    response = client.post(f"/en/learning/training/cohorts/{tot.pk}/settings/", values)
    assert response.status_code == 200
    assert "Enter a date between 2000 and 2100." in response.content.decode()
    tot.refresh_from_db()
    assert (tot.starts_on, tot.ends_on) == (STARTS_ON, ENDS_ON)
