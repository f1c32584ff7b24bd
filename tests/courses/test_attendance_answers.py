"""What the attendance endpoint answers the phone's offline queue (TESTS-SECURITY 13, 15, 39).

The queue keeps marks only for answers that may change (no connection, 5xx, 429,
an ended sign-in); a definite refusal must therefore be a JSON answer with its
exact status and the reason the trainer reads.
"""

import datetime

import pytest
from django.test import Client

from audit.models import AuditEntry
from courses import services
from courses.models import Attendance
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
JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def world(db):
    course = build_course(modules=1, lessons_per_module=1, slug="attendance-answers").course
    lead_user = UserFactory()
    planner = coordinator()
    cohort = cohort_led_by(
        services.participant_for_user(lead_user), course=course, created_by=planner
    )
    first = services.session_create(
        cohort, starts_at=at(FIRST_DAY, 9), place="Sofia", created_by=planner
    )
    third = services.session_create(
        cohort,
        starts_at=at(FIRST_DAY + datetime.timedelta(days=2), 9),
        place="Sofia",
        created_by=planner,
    )
    members = [participant(name) for name in ("Ана", "Y-07")]
    for member in members:
        services.cohort_add_member(cohort, member)
    return {"cohort": cohort, "first": first, "third": third, "members": members, "lead": lead_user}


def url(world, session):
    return f"/en/learning/training/cohorts/{world['cohort'].pk}/sessions/{session.pk}/attendance/"


def marks(world, status="present"):
    return {f"member_{member.pk}": status for member in world["members"]}


def test_marks_for_a_session_not_started_are_refused_with_409_and_the_reason(client, world):
    client.force_login(world["lead"])
    with clock(at(FIRST_DAY, 18)):  # the third day's session is two days away
        response = client.post(url(world, world["third"]), marks(world), **JSON)
    assert response.status_code == 409
    assert response.json() == {
        "saved": False,
        "error": "This session has not started yet; attendance is marked once it has.",
    }
    assert not Attendance.objects.exists()


def test_marks_dated_before_the_session_are_refused_with_409_and_the_reason(client, world):
    client.force_login(world["lead"])
    made_the_day_before = "2026-03-01T18:00:00+00:00"
    with clock(at(FIRST_DAY, 18)):
        response = client.post(
            url(world, world["first"]), {**marks(world), "marked_at": made_the_day_before}, **JSON
        )
    assert response.status_code == 409
    assert response.json() == {
        "saved": False,
        "error": "These marks were made before the session started.",
    }
    assert not Attendance.objects.exists()


def test_a_trainer_of_another_cohort_is_refused_with_403_in_json_and_audited(client, world):
    outsider = UserFactory()
    client.force_login(outsider)
    with clock(at(FIRST_DAY, 18)):
        response = client.post(url(world, world["first"]), marks(world), **JSON)
    assert response.status_code == 403
    assert response.json() == {
        "saved": False,
        "error": "Only the cohort's trainers mark its attendance.",
    }
    assert not Attendance.objects.exists()
    refusal = AuditEntry.objects.get(action="access_refused", actor=outsider)
    assert (refusal.method, refusal.target_id) == ("POST", str(world["cohort"].pk))


def test_marks_the_form_cannot_read_are_refused_with_400(client, world):
    client.force_login(world["lead"])
    with clock(at(FIRST_DAY, 18)):
        response = client.post(url(world, world["first"]), marks(world, "late"), **JSON)
    assert response.status_code == 400
    assert response.json() == {
        "saved": False,
        "error": "These marks could not be read. Mark the attendance again.",
    }
    assert not Attendance.objects.exists()


def test_marks_for_a_started_session_are_saved_and_the_page_carries_the_messages(client, world):
    client.force_login(world["lead"])
    with clock(at(FIRST_DAY, 10)):
        page = client.get(url(world, world["first"])).content.decode()
        response = client.post(url(world, world["first"]), marks(world), **JSON)
    assert response.status_code == 200
    assert response.json() == {"saved": True, "message": "Attendance saved."}
    assert Attendance.objects.filter(session=world["first"], status="present").count() == len(
        world["members"]
    )
    # What attendance.js shows when kept marks are refused, or the sign-in has ended.
    assert 'role="alert" data-refused="The attendance was not saved."' in page
    assert "Your sign-in has ended or this page is out of date." in page


def test_marks_sent_from_the_queue_are_told_on_their_page_not_on_the_next(client, world):
    """The queue sends kept marks while the trainer stays on the attendance page: that page
    says "Attendance saved." (the answer's message), so no message waits for the next page.
    Marks saved by the button go to the cohort's page, which says it."""
    client.force_login(world["lead"])
    with clock(at(FIRST_DAY, 10)):
        queued = client.post(url(world, world["first"]), {**marks(world), "queued": "1"}, **JSON)
        cohort_page = client.get(f"/en/learning/training/cohorts/{world['cohort'].pk}/")
        assert queued.json()["message"] == "Attendance saved."
        assert "Attendance saved." not in cohort_page.content.decode()

        client.post(url(world, world["first"]), marks(world, "absent"), **JSON)
        cohort_page = client.get(f"/en/learning/training/cohorts/{world['cohort'].pk}/")
        assert "Attendance saved." in cohort_page.content.decode()


def test_a_refused_security_token_is_told_to_the_queue_as_such_and_saves_nothing(world):
    """The queue keeps marks refused for their token (the sign-in ended or changed since the
    page was kept) and drops marks refused for any other reason: it must tell them apart."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(world["lead"])
    with clock(at(FIRST_DAY, 10)):
        queued = client.post(url(world, world["first"]), marks(world), **JSON)
        page = client.post(url(world, world["first"]), marks(world))

    assert queued.status_code == 403
    assert queued.json() == {
        "saved": False,
        "csrf": True,
        "error": "Your sign-in has ended or changed. Reload the page and sign in again.",
    }
    assert page.status_code == 403 and page["Content-Type"].startswith("text/html")
    assert not Attendance.objects.exists()
