"""Learners see their face-to-face training in "My learning", and the schedule before joining.

Only their own record: the sessions, their own attendance, their test results
and gain, their trainer's name; never another member.
"""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessments.services import paper_results_enter
from courses import services
from tests.factories import (
    UserFactory,
    assessment,
    at,
    build_course,
    clock,
    cohort_led_by,
    coordinator,
    make_trainer,
    participant,
    question,
)

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2026, 3, 2)
AFTER_THE_TRAINING = at(datetime.date(2026, 3, 10), 12)


class World:
    def __init__(self):
        tree = build_course(modules=2, lessons_per_module=1, slug="face-to-face")
        self.course, self.modules = tree.course, tree.modules
        items = [
            question("single", f"Question {n}?", [("Right", True), ("Wrong", False)])
            for n in range(4)
        ]
        self.pre = assessment("pre_test", items, course=self.course)
        self.post = assessment("post_test", items, course=self.course, pass_mark=75)
        self.trainer = make_trainer(first_name="Petya", last_name="Koleva")
        self.lead = services.participant_for_user(self.trainer)
        self.planner = coordinator()
        self.cohort = cohort_led_by(
            self.lead, course=self.course, created_by=self.planner, name="ToT Sofia"
        )
        self.first = services.session_create(
            self.cohort,
            starts_at=at(MONDAY, 9),
            duration_minutes=180,
            place="Sofia, room 4",
            created_by=self.planner,
        )
        self.first.modules.set([self.modules[0]])
        self.second = services.session_create(
            self.cohort,
            starts_at=at(MONDAY + datetime.timedelta(days=1), 13),
            duration_minutes=90,
            place="Plovdiv, SOS village",
            created_by=self.planner,
        )
        self.second.modules.set([self.modules[1]])
        self.learner = UserFactory(
            email="ioana@example.org", first_name="Ioana", last_name="Țărănescu"
        )
        services.cohort_join(self.cohort, self.learner)
        self.me = services.participant_for_user(self.learner)
        self.other = participant("Борис Петров", user=UserFactory(email="boris@example.org"))
        services.cohort_add_member(self.cohort, self.other)


@pytest.fixture
def world(db):
    return World()


def attend(world):
    with clock(AFTER_THE_TRAINING):
        services.attendance_mark(
            world.first,
            {world.me.pk: "present", world.other.pk: "present"},
            marked_by=world.trainer,
        )
        services.attendance_mark(
            world.second,
            {world.me.pk: "absent", world.other.pk: "present"},
            marked_by=world.trainer,
        )


def results(world, mine, others):
    """Paper points out of 4: (pre, post) for the learner and for the other member."""
    scores = {}
    for person, (pre, post) in ((world.me, mine), (world.other, others)):
        scores[(person.pk, world.pre.pk)] = Decimal(pre)
        scores[(person.pk, world.post.pk)] = Decimal(post)
    paper_results_enter(world.cohort, scores, entered_by=world.trainer)


def my_learning(client, world, language="en") -> str:
    client.force_login(world.learner)
    with clock(AFTER_THE_TRAINING):
        response = client.get(f"/{language}/learning/")
    assert response.status_code == 200
    return response.content.decode()


def test_my_learning_shows_the_sessions_my_attendance_my_results_and_my_trainer(client, world):
    attend(world)
    results(world, mine=(2, 4), others=(1, 1))

    html = my_learning(client, world)

    assert "Face-to-face training" in html and "ToT Sofia" in html
    assert "Trainer: Petya Koleva" in html
    # Each session: day, start and end, place and modules, in English as English writes them.
    assert "02/03/2026, 09:00–12:00" in html and "Sofia, room 4" in html
    assert "03/03/2026, 13:00–14:30" in html and "Plovdiv, SOS village" in html
    assert "Module 1" in html and "Module 2" in html
    assert html.count("Your attendance:") == 2
    assert "Present</strong>" in html and "Absent</strong>" in html
    assert "Present at 1 of 2 sessions." in html
    # 2 of 4 points before, 4 of 4 after: 50 % and 100 %, a gain of 50 points.
    assert "50 %" in html and "100 %" in html and "+50 points" in html


def test_my_learning_never_shows_another_member(client, world):
    attend(world)
    results(world, mine=(2, 4), others=(1, 3))

    html = my_learning(client, world)

    for other in ("Борис Петров", "boris@example.org", "25 %", "75 %"):
        assert other not in html


def test_sessions_not_yet_marked_and_no_results_yet(client, world):
    html = my_learning(client, world)

    assert html.count("not marked") == 2  # both sessions took place; nothing recorded
    assert "Present at 0 of 2 sessions." in html
    assert "Knowledge gain" not in html


def test_dates_and_times_follow_the_reader_language(client, world):
    html = my_learning(client, world, language="bg")

    assert "02.03.2026, 09:00–12:00" in html
    assert "03.03.2026, 13:00–14:30" in html


def test_someone_in_no_cohort_sees_no_face_to_face_section(client, world):
    client.force_login(UserFactory())

    html = client.get("/en/learning/").content.decode()

    assert "Face-to-face training" not in html and "ToT Sofia" not in html


def test_the_invite_page_shows_the_schedule_before_joining(client, world):
    client.force_login(UserFactory())

    response = client.get(f"/en/learning/join/{world.cohort.invite_code}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "02/03/2026, 09:00–12:00" in html and "Sofia, room 4" in html
    assert "03/03/2026, 13:00–14:30" in html and "Module 2" in html
    assert "Join this cohort" in html
    # Nobody's attendance or name before joining.
    assert "Your attendance" not in html
    assert "Ioana" not in html and "Борис" not in html


def test_more_cohorts_of_a_course_cost_no_more_queries(client, world):
    client.force_login(world.learner)
    client.get("/en/learning/")  # caches warmed
    with CaptureQueriesContext(connection) as one_cohort:
        client.get("/en/learning/")
    planner = coordinator()
    for number in range(4):
        cohort = cohort_led_by(
            world.lead, course=world.course, created_by=planner, name=f"Training {number}"
        )
        for hour in (9, 11, 14):
            services.session_create(
                cohort, starts_at=at(MONDAY, hour), place="Sofia", created_by=planner
            )
        services.cohort_join(cohort, world.learner)
    client.get("/en/learning/")

    with CaptureQueriesContext(connection) as five_cohorts:
        html = client.get("/en/learning/").content.decode()

    assert html.count("Your attendance:") == 2 + 4 * 3
    assert len(five_cohorts) == len(one_cohort)
