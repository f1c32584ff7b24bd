"""Completing a cohort (attendance and online work) and one person counted once (merging)."""

import datetime

import pytest

from courses import selectors, services
from courses.models import Attendance, Cohort, CohortMembership
from tests.factories import (
    UserFactory,
    at,
    build_course,
    clock,
    coordinator,
    country,
    organisation,
    participant,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(db):
    tree = build_course(modules=1, lessons_per_module=2, slug="rules")
    coordinating = coordinator()
    # A training (not of trainers): roster-only people complete it on attendance.
    lead = participant("Lead")
    services.accreditation_grant_first_generation(
        lead,
        level="trainer",
        country=country("RO", "Romania"),
        valid_from=datetime.date(2026, 1, 1),
        valid_until=datetime.date(2028, 12, 31),
        granted_by=coordinating,
    )
    cohort = services.cohort_create(
        name="Training Iași",
        course=tree.course,
        kind=Cohort.Kind.NATIONAL_TRAINING,
        country=country("RO", "Romania"),
        language="ro",
        host_organisation=organisation("DGASPC Iași", country("RO", "Romania")),
        lead_trainer=lead,
        starts_on=datetime.date(2026, 2, 2),
        ends_on=datetime.date(2026, 2, 6),
        attendance_threshold=75,
        created_by=coordinating,
    )
    cohort.coordinator = coordinating  # who marks attendance in these tests
    sessions = [
        services.session_create(
            cohort,
            starts_at=datetime.datetime(2026, 2, day, 9, tzinfo=datetime.UTC),
            place="Iași",
            created_by=coordinating,
        )
        for day in (2, 3, 4, 5)
    ]
    return tree, cohort, sessions


def attend(sessions, person, present_in: int):
    for index, session in enumerate(sessions):
        status = "present" if index < present_in else "absent"
        with clock(at(datetime.date(2026, 2, 6), 18)):
            services.attendance_mark(
                session, {person.pk: status}, marked_by=session.cohort.coordinator
            )


def test_roster_only_member_completes_on_attendance_alone(run):
    _, cohort, sessions = run
    youth = participant("Y-12", age_band="14_17")
    membership = services.cohort_add_member(cohort, youth)
    attend(sessions, youth, present_in=2)
    assert not services.membership_refresh_completion(membership)
    attend(sessions, youth, present_in=3)  # 3 of 4 = 75 %, the threshold
    assert services.membership_refresh_completion(membership)


def test_member_with_an_account_also_needs_the_course_online(run):
    tree, cohort, sessions = run
    user = UserFactory()
    person = services.participant_for_user(user, cohort.country)
    membership = services.cohort_add_member(cohort, person)
    attend(sessions, person, present_in=4)
    assert not services.membership_refresh_completion(membership)
    for lesson in tree.lessons:
        services.lesson_complete(user, lesson)
    assert services.membership_refresh_completion(membership)
    membership.refresh_from_db()
    assert membership.completed_at is not None


def test_merging_duplicates_counts_the_person_once(run):
    _, cohort, sessions = run
    first, duplicate = participant("Ștefan Popa"), participant("Stefan Popa")
    services.cohort_add_member(cohort, first)
    services.cohort_add_member(cohort, duplicate)
    other = services.cohort_create(
        name="Training Cluj",
        course=cohort.course,
        kind=Cohort.Kind.INTERNATIONAL_TOT,
        country=cohort.country,
        language="ro",
        host_organisation=cohort.host_organisation,
        lead_trainer=participant("Lead 2"),
        starts_on=datetime.date(2026, 3, 2),
        ends_on=datetime.date(2026, 3, 3),
        created_by=cohort.coordinator,
    )
    services.cohort_add_member(other, duplicate)
    with clock(at(datetime.date(2026, 2, 6), 18)):
        services.attendance_mark(
            sessions[0],
            {first.pk: "present", duplicate.pk: "absent"},
            marked_by=cohort.coordinator,
        )

    # Records in two cohorts, one of them not the trainer's: a coordinator's merge.
    services.participant_merge(first, duplicate, by=cohort.coordinator)
    assert CohortMembership.objects.filter(participant=duplicate).count() == 0
    assert set(
        CohortMembership.objects.filter(participant=first).values_list("cohort", flat=True)
    ) == {cohort.pk, other.pk}
    assert Attendance.objects.get(session=sessions[0], participant=first).status == "present"
    duplicate.refresh_from_db()
    assert duplicate.merged_into == first
    # Joining again through the old record lands on the kept one.
    assert services.cohort_add_member(other, duplicate).participant == first
    lead = cohort.trainers.get().participant
    assert selectors.trainer_cascade(lead).people_reached == 1


def test_a_person_cannot_be_merged_with_themselves(run):
    person = participant("Ana")
    with pytest.raises(services.CascadeError):
        services.participant_merge(person, person, by=coordinator())


def test_marking_the_last_session_completes_the_members_who_attended_enough(run):
    _, cohort, sessions = run
    youth = participant("Y-30", age_band="18_21")
    membership = services.cohort_add_member(cohort, youth)
    for session in sessions[:3]:
        with clock(at(datetime.date(2026, 2, 6), 18)):
            services.attendance_mark(session, {youth.pk: "present"}, marked_by=cohort.coordinator)
    membership.refresh_from_db()
    assert membership.completed_at is not None
