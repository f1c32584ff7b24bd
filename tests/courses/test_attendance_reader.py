"""Attendance kept on a shared phone is sent only under the trainer whose page it was made on.

attendance.js sends kept marks with the tag of the page they were made on (`X-Reader`, read
from the form's `data-reader`); the server refuses marks tagged with another trainer's
page: 409, nothing saved. A form posted without JavaScript carries no tag and is the
signed-in trainer's own.
"""

import datetime
import re

import pytest

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

DAY = datetime.date(2026, 3, 2)
JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def world(db):
    course = build_course(modules=1, lessons_per_module=1, slug="attendance-reader").course
    first_trainer, second_trainer = UserFactory(), UserFactory()
    cohort = cohort_led_by(
        services.participant_for_user(first_trainer),
        course=course,
        created_by=coordinator(),
        co_trainers=(services.participant_for_user(second_trainer),),
    )
    session = services.session_create(
        cohort, starts_at=at(DAY, 9), place="Sofia", created_by=coordinator()
    )
    members = [participant(name) for name in ("Ана", "Y-07")]
    for member in members:
        services.cohort_add_member(cohort, member)
    return {
        "a": first_trainer,
        "b": second_trainer,
        "members": members,
        "session": session,
        "url": f"/en/learning/training/cohorts/{cohort.pk}/sessions/{session.pk}/attendance/",
    }


def marks(world, status: str) -> dict[str, str]:
    return {f"member_{member.pk}": status for member in world["members"]}


def page_tag(client, world, user) -> str:
    """The tag attendance.js keeps with marks made on this trainer's page."""
    client.force_login(user)
    page = client.get(world["url"]).content.decode()
    return re.search(r'<form [^>]*data-reader="([0-9a-f]+)"', page).group(1)


def statuses(world) -> dict[int, str]:
    rows = Attendance.objects.filter(session=world["session"])
    return {row.participant_id: row.status for row in rows}


def test_marks_from_another_trainers_page_are_refused_and_save_nothing(client, world):
    with clock(at(DAY, 10)):
        tag_a, tag_b = page_tag(client, world, world["a"]), page_tag(client, world, world["b"])
        assert tag_a != tag_b
        assert str(world["a"].pk) != tag_a

        client.force_login(world["a"])
        saved = client.post(world["url"], marks(world, "present"), HTTP_X_READER=tag_a, **JSON)
        assert saved.status_code == 200 and saved.json() == {
            "saved": True,
            "message": "Attendance saved.",
        }
        before = statuses(world)
        assert set(before.values()) == {"present"}

    # B signs in on the same phone; A's kept marks would go under B's name.
    client.force_login(world["b"])
    with clock(at(DAY, 11)):
        refused = client.post(world["url"], marks(world, "absent"), HTTP_X_READER=tag_a, **JSON)
    assert refused.status_code == 409
    assert refused.json()["saved"] is False and refused.json()["another_reader"] is True
    assert refused.json()["error"] == (
        "This was done while someone else was signed in on this device. Nothing was counted."
    )
    assert statuses(world) == before

    # B's own marks, from B's page, are saved.
    with clock(at(DAY, 12)):
        own = client.post(world["url"], marks(world, "absent"), HTTP_X_READER=tag_b, **JSON)
    assert own.status_code == 200 and own.json() == {"saved": True, "message": "Attendance saved."}
    assert set(statuses(world).values()) == {"absent"}


def test_the_plain_form_without_a_tag_is_the_signed_in_trainers_own(client, world):
    client.force_login(world["b"])
    with clock(at(DAY, 10)):
        response = client.post(world["url"], marks(world, "excused"))
    assert response.status_code == 302
    assert set(statuses(world).values()) == {"excused"}
    assert len(statuses(world)) == len(world["members"])
