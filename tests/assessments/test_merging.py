"""Test results follow a person when two records of them are merged (the record stays whole).

A trainer enters paper results for the roster record they typed; the person
then accepts the invitation, and that record is folded into their own. Their
results must come along: shown in their "My learning", counted once in
knowledge gain, and seen by the completion rules. The same holds for a
trainer's merge page and the coordinator's admin merge.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from assessments import selectors, services
from assessments.models import Attempt
from courses import services as courses
from courses.models import CohortInvitation, CohortMembership, Enrolment
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
    staff_with_mfa,
)

pytestmark = pytest.mark.django_db

MARIA = "maria.petrova@example.org"
MONDAY = datetime.date(2026, 3, 2)
AFTER_THE_SESSION = at(MONDAY, 13)
AFTER_THE_TRAINING = at(datetime.date(2026, 3, 10), 12)


class World:
    """A ToT led by Petya, with one session and a required post-test of four points."""

    def __init__(self):
        tree = build_course(modules=1, lessons_per_module=1, slug="merged")
        self.course, self.lessons = tree.course, tree.lessons
        items = [
            question("single", f"Question {n}?", [("Right", True), ("Wrong", False)])
            for n in range(4)
        ]
        self.pre = assessment("pre_test", items, course=self.course)
        self.post = assessment(
            "post_test",
            items,
            course=self.course,
            pass_mark=75,
            required_for_completion=True,
        )
        self.coordinator = coordinator()
        self.trainer = make_trainer(first_name="Petya", last_name="Koleva")
        self.lead = courses.participant_for_user(self.trainer)
        self.cohort = cohort_led_by(
            self.lead, course=self.course, created_by=self.coordinator, name="ToT Sofia"
        )
        self.session = courses.session_create(
            self.cohort,
            starts_at=at(MONDAY, 9),
            duration_minutes=180,
            place="Sofia, room 4",
            created_by=self.coordinator,
        )
        self.maria = UserFactory(email=MARIA, first_name="Мария", last_name="Петрова")

    def invite_maria(self):
        """The trainer imports Maria by e-mail; returns the roster record typed for her."""
        result = courses.cohort_import_members(
            self.cohort,
            f"email,first_name,last_name\n{MARIA},Maria,Typed\n".encode(),
            "roster.csv",
            imported_by=self.trainer,
        )
        return result.added[0]

    def member(self, name):
        person = participant(name)
        courses.cohort_add_member(self.cohort, person)
        return person

    def paper(self, results):
        """results: {person: (pre points or None, post points or None)}, out of 4."""
        scores = {}
        for person, (pre, post) in results.items():
            scores[(person.pk, self.pre.pk)] = None if pre is None else Decimal(pre)
            scores[(person.pk, self.post.pk)] = None if post is None else Decimal(post)
        services.paper_results_enter(self.cohort, scores, entered_by=self.trainer)

    def accept(self, client, typed):
        """Maria accepts her invitation on "My learning", as she would."""
        invitation = CohortInvitation.objects.get(participant=typed)
        client.force_login(self.maria)
        response = client.post(f"/en/learning/invitations/{invitation.pk}/", {"answer": "accept"})
        assert response.status_code == 302
        own = courses.participant_for_user(self.maria)
        typed.refresh_from_db()
        assert typed.merged_into == own  # the merge did happen
        return own

    def attend(self, *people):
        with clock(AFTER_THE_SESSION):
            courses.attendance_mark(
                self.session, {person.pk: "present" for person in people}, marked_by=self.trainer
            )


@pytest.fixture
def world(db):
    return World()


def paper_rows(activity) -> list[tuple[int, Decimal]]:
    return list(
        Attempt.everything.filter(
            activity_key=activity.translation_key, source=Attempt.Source.PAPER
        ).values_list("participant_id", "score")
    )


# --- Accepting an invitation -----------------------------------------------------------------


def test_paper_results_of_the_typed_record_show_in_my_learning_after_accepting(client, world):
    typed = world.invite_maria()
    world.paper({typed: (1, 4)})  # entered on paper before Maria said yes

    own = world.accept(client, typed)
    with clock(AFTER_THE_TRAINING):
        html = client.get("/en/learning/").content.decode()

    # 1 of 4 points before (25 %), 4 of 4 after (100 %): a gain of 75 points.
    assert "ToT Sofia" in html
    assert "25 %" in html and "100 %" in html and "+75 points" in html
    assert not Attempt.everything.filter(participant=typed).exists()
    assert Attempt.objects.filter(participant=own).count() == 2


def test_knowledge_gain_counts_the_merged_person_once_with_their_results(client, world):
    typed = world.invite_maria()
    boris = world.member("Boris")
    world.paper({typed: (1, 4), boris: (2, 3)})

    world.accept(client, typed)
    (summary,) = selectors.knowledge_gain(world.course, by="cohort")

    # Maria 25 % → 100 % (+75), Boris 50 % → 75 % (+25): two people, both with both tests.
    assert (summary.people, summary.with_both, summary.without_results) == (2, 2, 0)
    assert sorted(summary.gains) == [Decimal(25), Decimal(75)]
    assert summary.mean_gain == Decimal("50.0")  # (75 + 25) / 2
    assert summary.mean_pre == Decimal("37.5")  # (25 + 50) / 2
    assert summary.mean_post == Decimal("87.5")  # (100 + 75) / 2


def test_a_paper_pass_carried_over_completes_her_once_attendance_is_met(client, world, heard):
    typed = world.invite_maria()
    for lesson in world.lessons:  # the online part, under her account
        courses.lesson_complete(world.maria, lesson)
    assert Enrolment.objects.get(user=world.maria).completed_at is None  # no post-test passed
    world.paper({typed: (None, 3)})  # 75 %: passed, on the typed record
    assert heard == []

    own = world.accept(client, typed)
    # The pass is hers now: the course is complete; the cohort waits for her attendance.
    assert Enrolment.objects.get(user=world.maria).completed_at is not None
    membership = CohortMembership.objects.get(cohort=world.cohort)
    assert membership.participant == own and membership.completed_at is None
    assert heard == [("course", world.maria.pk)]

    world.attend(own)
    world.attend(own)  # marked again: no second completion
    membership.refresh_from_db()
    assert membership.completed_at is not None
    assert heard == [("course", world.maria.pk), ("cohort", own.pk)]


def test_a_moved_h5p_score_still_never_completes_a_required_test(client, world, heard):
    typed = world.invite_maria()
    for lesson in world.lessons:
        courses.lesson_complete(world.maria, lesson)
    world.attend(typed)
    # A full score for the post-test, as a browser-reported statement would bring it.
    Attempt.objects.create(
        participant=typed,
        assessment=world.post,
        activity_key=world.post.translation_key,
        course_key=world.course.translation_key,
        kind="post_test",
        source=Attempt.Source.H5P,
        score=4,
        max_score=4,
        percent=100,
        passed=True,
    )

    own = world.accept(client, typed)

    assert Attempt.objects.get(source=Attempt.Source.H5P).participant == own  # it moved
    assert not selectors.required_assessments_passed(own, world.course.translation_key)
    assert Enrolment.objects.get(user=world.maria).completed_at is None
    assert CohortMembership.objects.get(cohort=world.cohort).completed_at is None
    assert heard == []


# --- A trainer's merge and the admin's ---------------------------------------------------------


def test_a_trainers_merge_moves_results_and_keeps_the_kept_records_paper_result(client, world):
    keep, duplicate = world.member("Ana Dimitrova"), world.member("Ana  Dimitrova")
    world.paper({keep: (None, 3), duplicate: (2, 1)})  # both have a paper post-test

    client.force_login(world.trainer)
    response = client.post(
        f"/en/learning/training/cohorts/{world.cohort.pk}/merge/",
        {"keep": keep.pk, "duplicate": duplicate.pk},
    )

    assert response.status_code == 302
    # The duplicate's pre-test moves; of the two post-tests the kept record's stays, alone.
    assert paper_rows(world.pre) == [(keep.pk, Decimal(2))]
    assert paper_rows(world.post) == [(keep.pk, Decimal(3))]
    assert not Attempt.everything.filter(participant=duplicate).exists()
    result = selectors.person_result(keep, world.course)
    assert (result.pre, result.post, result.gain) == (Decimal(50), Decimal(75), Decimal(25))


def test_a_coordinators_merge_in_the_admin_moves_results(client, world):
    staff = coordinator(is_staff=True, is_superuser=True)
    staff_with_mfa(client, staff)
    keep, duplicate = world.member("Ioana"), world.member("Ioana P.")
    world.paper({duplicate: (1, 2)})

    response = client.post("/admin/training/merge/", {"keep": keep.pk, "duplicate": duplicate.pk})

    assert response.status_code == 302
    assert paper_rows(world.pre) == [(keep.pk, Decimal(1))]
    assert paper_rows(world.post) == [(keep.pk, Decimal(2))]


def test_open_tests_move_unless_the_kept_record_has_the_same_test_open(world):
    keep, duplicate = world.member("Radu"), world.member("Radu Ionescu")
    kept_open = services.attempt_open(keep, world.post)
    services.attempt_open(duplicate, world.post)  # clashes with keep's: dropped
    their_pre = services.attempt_open(duplicate, world.pre)  # keep has none open: moves

    courses.participant_merge(keep, duplicate, by=world.coordinator)

    assert sorted(Attempt.in_progress.values_list("pk", "participant_id")) == sorted(
        [(kept_open.pk, keep.pk), (their_pre.pk, keep.pk)]
    )
