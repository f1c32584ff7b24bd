"""A course can require its tests passed: lessons alone do not complete it (issue 8, point 4).

The post-test is flagged *required to complete the course*. It opens only once
the lessons are done; passing it, online or on paper, completes the person
and (with attendance met) their cohort membership; a score the browser
reports (H5P) never does.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from assessments import selectors, services
from assessments.models import Attempt
from cms.models import LessonPage
from courses import services as courses
from courses.models import Cohort, CohortMembership, Enrolment
from tests.factories import (
    UserFactory,
    assessment,
    build_course,
    cohort_graduate,
    cohort_led_by,
    coordinator,
    country,
    lesson_body,
    participant,
    publish,
    question,
)

pytestmark = pytest.mark.django_db


class Course:
    def __init__(self):
        self.tree = build_course(modules=1, lessons_per_module=2, slug="required")
        self.statements = [
            question("true_false", f"Statement {n} is true.", true_false_answer=True)
            for n in range(4)
        ]
        self.post = assessment(
            "post_test",
            self.statements,
            title="Final test",
            course=self.tree.course,
            pass_mark=75,
            attempts_allowed=0,
            required_for_completion=True,
        )
        self.url = f"/en/learning/assessments/{self.post.pk}/"

    def answers(self, right: int) -> dict:
        """`right` of the four statements answered right (each is true)."""
        return {
            f"q-{item.translation_key}": "true" if n < right else "false"
            for n, item in enumerate(self.statements)
        }

    def do_lessons(self, user):
        for lesson in self.tree.lessons:
            courses.lesson_complete(user, lesson)

    def take(self, client, right: int):
        html = client.get(self.url).content.decode()
        token = html.split('name="attempt" value="')[1].split('"')[0]
        return client.post(self.url, {**self.answers(right), "attempt": token})


@pytest.fixture
def course(db):
    return Course()


def completed(user) -> bool:
    return Enrolment.objects.get(user=user).completed_at is not None


def test_lessons_done_without_the_post_test_passed_is_not_complete_and_passing_completes(
    client, course, heard
):
    user = UserFactory()
    client.force_login(user)
    course.do_lessons(user)
    assert not completed(user)

    assert course.take(client, right=2).status_code == 302  # 50 %: below the pass mark of 75
    assert not completed(user) and heard == []
    assert course.take(client, right=3).status_code == 302  # 75 %: passed
    assert completed(user)
    assert heard == [("course", user.pk)]  # one completion event, heard by whoever listens


def test_the_post_test_is_refused_before_the_lessons_are_done(client, course):
    user = UserFactory()
    client.force_login(user)
    courses.lesson_complete(user, course.tree.lessons[0])  # one of two lessons

    page = client.get(course.tree.course.url).content.decode()
    assert "Final test" in page and "Opens once you have completed the course" in page
    assert course.url not in page

    response = client.get(course.url)
    html = response.content.decode()
    assert response.status_code == 403
    assert "The post-test opens once you have completed the course&#x27;s lessons." in html
    assert 'name="attempt"' not in html
    # Posting answers straight to it is refused the same way, and nothing is kept.
    response = client.post(course.url, course.answers(right=4))
    assert response.status_code == 403
    assert not Attempt.everything.exists()

    courses.lesson_complete(user, course.tree.lessons[1])
    page = client.get(course.tree.course.url).content.decode()
    assert f"{course.url}?next=" in page
    assert client.get(course.url).status_code == 200


LOCKED = (
    "The post-test opens once you have completed the course's lessons. "
    "Finish them first, then come back."
)


def test_the_services_refuse_the_post_test_before_the_lessons_are_done(course, heard):
    """Every path (the test page, a lesson's block, a loader) opens and sends through the
    services, so they refuse it themselves; the page alone is not the guard."""
    user = UserFactory()
    person = courses.participant_for_user(user)
    courses.lesson_complete(user, course.tree.lessons[0])  # one of two lessons
    with pytest.raises(ValidationError) as refused:
        services.attempt_open(person, course.post)
    assert refused.value.code == "lessons_not_done"
    assert refused.value.messages == [LOCKED]
    assert not Attempt.everything.exists()

    courses.lesson_complete(user, course.tree.lessons[1])
    opened = services.attempt_open(person, course.post)
    # A new required lesson is published while the test is open: sending is refused too.
    extra = LessonPage(title="New lesson", slug="new", body=lesson_body())
    course.tree.modules[0].add_child(instance=extra)
    publish(extra)
    all_right = {str(item.translation_key): "true" for item in course.statements}
    with pytest.raises(ValidationError) as refused:
        services.attempt_submit(person, course.post, all_right, token=opened.token)
    assert refused.value.code == "lessons_not_done"
    assert not Attempt.objects.exists()  # nothing sent, nothing passed
    assert Attempt.in_progress.get().token == opened.token  # still open, to send later
    assert heard == []

    courses.lesson_complete(user, extra)
    sent = services.attempt_submit(person, course.post, all_right, token=opened.token)
    assert sent.passed is True and heard == [("course", user.pk)]


def test_a_person_on_a_roster_only_takes_the_post_test_without_online_lessons(course):
    """No account, no online progress to check: the rule is for people who learn online
    (the demo's trainings of trainers take their tests this way)."""
    ioana = participant("Ioana")
    opened = services.attempt_open(ioana, course.post)
    all_right = {str(item.translation_key): "true" for item in course.statements}
    sent = services.attempt_submit(ioana, course.post, all_right, token=opened.token)
    assert sent.passed is True and sent.percent == 100


def test_a_lesson_block_holding_a_locked_post_test_shows_no_form_and_opens_nothing(rf, course):
    """A lesson holds knowledge checks; should a post-test be placed there (its kind changed
    afterwards), the block the lesson draws for the reader is empty, not an error."""
    from assessments import live

    request = rf.get("/en/learning/")
    request.user = UserFactory()
    assert live.knowledge_check({"request": request}, course.post.pk) == ""
    assert not Attempt.everything.exists()
    course.do_lessons(request.user)
    assert 'name="attempt"' in live.knowledge_check({"request": request}, course.post.pk)


def test_a_score_reported_by_the_browser_never_completes_a_required_test(course):
    user = UserFactory()
    course.do_lessons(user)
    person = courses.participant_for_user(user)
    # A full score as an H5P statement would bring it, against the post-test itself.
    Attempt.objects.create(
        participant=person,
        assessment=course.post,
        activity_key=course.post.translation_key,
        course_key=course.tree.course.translation_key,
        kind="post_test",
        source=Attempt.Source.H5P,
        score=4,
        max_score=4,
        percent=100,
        passed=True,
    )
    courses.course_completion_refresh(person, course.tree.course.translation_key)
    assert not selectors.required_assessments_passed(person, course.tree.course.translation_key)
    assert not completed(user)


def test_passing_completes_the_cohort_membership_when_attendance_is_met(client, course, heard):
    user = UserFactory()
    person = courses.participant_for_user(user)
    cohort = cohort_led_by(
        participant("Rutger"),
        course=course.tree.course,
        created_by=coordinator(),
        starts_on=datetime.date(2026, 3, 2),
    )
    cohort_graduate(cohort, [person], by=coordinator())  # present at every session, lessons done
    membership = CohortMembership.objects.get(cohort=cohort, participant=person)
    assert membership.completed_at is None and not completed(user)

    client.force_login(user)
    course.take(client, right=4)
    membership.refresh_from_db()
    assert completed(user) and membership.completed_at is not None
    assert heard == [("course", user.pk), ("cohort", person.pk)]
    assert Attempt.objects.get().cohort == cohort


def test_a_paper_pass_completes_a_roster_only_member_and_a_paper_fail_does_not(course):
    lead_user = coordinator()
    # A national training (a training of trainers accredits no typed record): its
    # lead is a first-generation trainer.
    lead = participant("Rutger")
    courses.accreditation_grant_first_generation(
        lead,
        level="trainer",
        country=country(),
        valid_from=datetime.date(2026, 1, 1),
        valid_until=datetime.date(2028, 12, 31),
        granted_by=lead_user,
    )
    cohort = cohort_led_by(
        lead,
        course=course.tree.course,
        created_by=lead_user,
        kind=Cohort.Kind.NATIONAL_TRAINING,
        starts_on=datetime.date(2026, 3, 2),
    )
    young, other = participant("Ioana"), participant("Mihai")  # no accounts
    cohort_graduate(cohort, [young, other], by=lead_user)
    memberships = {m.participant_id: m for m in CohortMembership.objects.filter(cohort=cohort)}
    assert all(m.completed_at is None for m in memberships.values())

    services.paper_results_enter(
        cohort,
        {(young.pk, course.post.pk): Decimal(3), (other.pk, course.post.pk): Decimal(2)},
        entered_by=lead_user,
    )
    for membership in memberships.values():
        membership.refresh_from_db()
    assert memberships[young.pk].completed_at is not None  # 3 of 4: 75 %, passed
    assert memberships[other.pk].completed_at is None  # 2 of 4: 50 %


def test_any_pass_counts_and_a_later_fail_does_not_take_it_back(client, course):
    user = UserFactory()
    person = courses.participant_for_user(user)
    client.force_login(user)
    course.do_lessons(user)
    course.take(client, right=4)
    course.take(client, right=0)
    assert selectors.required_assessments_passed(person, course.tree.course.translation_key)
    assert completed(user)


def test_a_required_test_needs_a_pass_mark_a_course_and_the_right_kind(course):
    pre = assessment("pre_test", course.statements, course=course.tree.course)
    pre.required_for_completion = True
    with pytest.raises(ValidationError, match="Only a post-test or a knowledge check"):
        pre.full_clean()
    check = assessment("knowledge_check", course.statements, required_for_completion=True)
    check.pass_mark = 60
    with pytest.raises(ValidationError, match="Choose the course this test is required for"):
        check.full_clean()
    check.course = course.tree.course
    check.pass_mark = None
    with pytest.raises(ValidationError, match="needs a pass mark"):
        check.full_clean()


def test_a_required_knowledge_check_counts_like_the_post_test(client, course):
    check = assessment(
        "knowledge_check",
        course.statements[:2],
        title="Check",
        course=course.tree.course,
        pass_mark=100,
        attempts_allowed=0,
        required_for_completion=True,
    )
    user = UserFactory()
    person = courses.participant_for_user(user)
    client.force_login(user)
    course.do_lessons(user)
    course.take(client, right=4)
    assert not completed(user)  # the knowledge check is still missing
    url = f"/en/learning/assessments/{check.pk}/"
    token = services.attempt_open(person, check).token
    client.post(
        url,
        {**{f"q-{s.translation_key}": "true" for s in course.statements[:2]}, "attempt": token},
    )
    assert completed(user)
