"""Input nobody could mean gets a clear 4xx, never a 500, and writes nothing.

Each of these answered 500 when probed: an id written "²" or "1e3", a target
cohort "abc", a time of marking in month 13, on 30 February or 99 hours from
UTC, and page ids too big for any database.
"""

import datetime

import pytest

from courses import services
from courses.models import Attendance, CohortMembership, Enrolment, LessonProgress
from tests.factories import (
    UserFactory,
    at,
    build_course,
    clock,
    cohort_led_by,
    coordinator,
    participant,
)

pytestmark = pytest.mark.django_db

FIRST_DAY = datetime.date(2026, 3, 2)
DURING = at(FIRST_DAY, 12)


@pytest.fixture
def world(client, db):
    course = build_course(modules=1, lessons_per_module=1, slug="bad-input").course
    coordinating = coordinator()
    lead_user = UserFactory()
    lead = services.participant_for_user(lead_user)
    tot = cohort_led_by(lead, course=course, created_by=coordinating)
    other = cohort_led_by(
        lead,
        course=course,
        created_by=coordinating,
        name="Later",
        starts_on=FIRST_DAY.replace(month=6),
    )
    session = services.session_create(
        tot, starts_at=at(FIRST_DAY, 9), place="Sofia", created_by=coordinating
    )
    ana = participant("Ana")
    services.cohort_add_member(tot, ana)
    client.force_login(lead_user)
    client.raise_request_exception = False  # a 500 is an answer to assert, not an exception
    return {"tot": tot, "other": other, "session": session, "ana": ana, "course": course}


def cohort_url(world, page):
    return f"/en/learning/training/cohorts/{world['tot'].pk}/{page}"


def test_accrediting_a_superscript_digit_is_refused_with_400(client, world):
    with clock(at(datetime.date(2026, 3, 10), 12)):
        response = client.post(cohort_url(world, "accredit/"), {"participant": ["²"]})
    assert response.status_code == 400
    assert "The people ticked could not be read. Tick them again." in response.content.decode()


@pytest.mark.parametrize("target", ["abc", "1e3", "-1", "²", "99999999999999999999999", ""])
def test_moving_to_a_target_that_is_no_cohort_is_refused_with_400(client, world, target):
    response = client.post(
        cohort_url(world, "move/"), {"participant": world["ana"].pk, "target": target}
    )
    assert response.status_code == 400
    assert CohortMembership.objects.get(participant=world["ana"]).cohort == world["tot"]


def test_moving_to_a_cohort_where_the_person_runs_the_team_is_refused_with_409(client, world):
    """Ana co-trains the later cohort: she cannot be moved into it as a member."""
    world["other"].trainers.create(participant=world["ana"], role="co_trainer")
    response = client.post(
        cohort_url(world, "move/"), {"participant": world["ana"].pk, "target": world["other"].pk}
    )
    assert response.status_code == 409
    assert "Ana is on the team of “Later” and cannot be one of its members" in (
        response.content.decode()
    )
    assert CohortMembership.objects.get(participant=world["ana"]).cohort == world["tot"]


@pytest.mark.parametrize(
    "marked_at",
    [
        "2026-13-45T99:00",
        "2020-02-30T00:00:00Z",
        "2020-01-01T00:00:00+99:00",
        "0001-01-01T00:00:00+14:00",
        "9999-12-31T23:59:59-14:00",
        "yesterday",
    ],
)
def test_marks_made_at_a_time_that_is_none_are_refused_by_name(client, world, marked_at):
    url = cohort_url(world, f"sessions/{world['session'].pk}/attendance/")
    marks = {f"member_{world['ana'].pk}": "present", "marked_at": marked_at}
    with clock(DURING):
        queued = client.post(url, marks, HTTP_ACCEPT="application/json")
        page = client.post(url, marks)
    assert queued.status_code == 400
    assert queued.json() == {
        "saved": False,
        "error": f"The time these marks were made ({marked_at}) could not be read, so the "
        "marks for Ana were not saved. Mark them again.",
    }
    assert page.status_code == 400
    assert "so the marks for Ana were not saved" in page.content.decode()
    assert not Attendance.objects.exists()


def test_a_readable_time_of_marking_is_still_taken(client, world):
    """The refusals above are about unreadable times, not about offline marks as such."""
    url = cohort_url(world, f"sessions/{world['session'].pk}/attendance/")
    with clock(DURING):
        response = client.post(
            url,
            {f"member_{world['ana'].pk}": "present", "marked_at": "2026-03-02T10:15:00+02:00"},
            HTTP_ACCEPT="application/json",
        )
    answer = {"saved": True, "message": "Attendance saved."}
    assert (response.status_code, response.json()) == (200, answer)
    mark = Attendance.objects.get()
    assert mark.marked_at == datetime.datetime(2026, 3, 2, 8, 15, tzinfo=datetime.UTC)


@pytest.mark.parametrize("page", ["courses/{id}/enrol/", "lessons/{id}/complete/"])
def test_a_page_id_too_big_for_any_database_is_not_found(client, world, page):
    response = client.post("/en/learning/" + page.format(id="99999999999999999999999"))
    assert response.status_code == 404
    assert not Enrolment.objects.exists()
    assert not LessonProgress.objects.exists()
