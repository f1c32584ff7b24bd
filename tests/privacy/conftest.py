"""Two learners who share a cohort and its trainer, one of them with a merged record.

Built through the services: a first-generation trainer, Teodora Trainerova,
leads a national training in Bulgaria (2 to 6 March 2026). Anna Alpha and Boris
Beta, both with accounts, complete it and get their certificates; before Anna
joined, the trainer had typed a roster record for her ("Anna typed"), marked
present, which a coordinator merged into Anna's own. Anna also learns online
and took a pre-test and a post-test. The clock stands at 15 June 2026.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest

from assessments.models import Attempt
from audit.models import AuditEntry
from audit.services import audit_record_for
from certificates.models import Certificate
from certificates.services.issuing import certificate_for_membership
from cms.models import LessonPage
from courses import services
from courses.models import Cohort, CohortInvitation, CohortMembership, Participant
from tests.factories import (
    UserFactory,
    assessment,
    at,
    build_course,
    clock,
    cohort_graduate,
    cohort_led_by,
    coordinator,
    country,
    first_generation_trainer,
    make_trainer,
    organisation,
    participant,
)

TODAY = datetime.date(2026, 6, 15)


@dataclass
class TwoLearners:
    course: object
    cohort: Cohort
    coordinator: object
    trainer: object  # User
    anna: object  # User
    boris: object  # User
    anna_record: Participant
    anna_typed: Participant  # merged into anna_record
    boris_record: Participant
    anna_certificate: Certificate
    boris_certificate: Certificate

    def membership(self, record: Participant) -> CohortMembership:
        return CohortMembership.objects.get(cohort=self.cohort, participant=record)

    def invite(self, email: str, name: str) -> CohortInvitation:
        """The trainer types a roster record for someone and invites their address."""
        typed = participant(name, self.anna_record.country)
        return services.invitation_create(
            cohort=self.cohort, email=email, invited_by=self.trainer, participant=typed
        )


def build_two_learners() -> TwoLearners:
    bulgaria = country()
    tree = build_course(modules=1, lessons_per_module=1, slug="privacy")
    coordinating = coordinator(first_name="Cornelia", last_name="Coordinatora")
    trainer = make_trainer(
        first_name="Teodora", last_name="Trainerova", email="teodora.trainer@example.org"
    )
    trainer_record = services.participant_for_user(trainer, bulgaria)
    first_generation_trainer(trainer_record, by=coordinating)
    with clock(at(datetime.date(2026, 2, 1))):
        cohort = cohort_led_by(
            trainer_record,
            course=tree.course,
            created_by=trainer,
            kind=Cohort.Kind.NATIONAL_TRAINING,
            name="Национално обучение Варна",
            language="bg",
            host_organisation=organisation(in_country=bulgaria),
        )
    anna = UserFactory(first_name="Anna", last_name="Alpha", email="anna.alpha@example.org")
    boris = UserFactory(first_name="Boris", last_name="Beta", email="boris.beta@example.org")
    anna_record = services.participant_for_user(anna, bulgaria)
    boris_record = services.participant_for_user(boris, bulgaria)
    anna_typed = participant("Anna typed", bulgaria)
    cohort_graduate(cohort, [anna_typed, boris_record], by=trainer)
    services.participant_merge(anna_record, anna_typed, by=coordinating)
    cohort_graduate(cohort, [anna_record], by=trainer)
    certificates = []
    for record in (anna_record, boris_record):
        membership = CohortMembership.objects.get(cohort=cohort, participant=record)
        with clock(at(cohort.ends_on, 18)) as issued:
            certificates.append(certificate_for_membership(membership, by=trainer))
        Certificate.objects.filter(pk=certificates[-1].pk).update(issued_at=issued)
    pre_test = assessment("pre_test", title="Pre-test", course=tree.course)
    post_test = assessment("post_test", title="Post-test", course=tree.course)
    for test, percent, day in (
        (pre_test, "35.00", cohort.starts_on),
        (post_test, "85.00", cohort.ends_on),
    ):
        Attempt.objects.create(
            participant=anna_record,
            assessment=test,
            activity_key=test.translation_key,
            course_key=tree.course.translation_key,
            kind=test.kind,
            submitted_at=at(day, 10),
            score=percent,
            max_score="100",
            percent=percent,
            passed=True,
            answers={"q1": ["Anna's own choice"]},
        )
    lesson = LessonPage.objects.descendant_of(tree.course).live().first()
    with clock(at(datetime.date(2026, 4, 1))):
        services.lesson_complete(boris, lesson)
    audit_record_for(
        coordinating, AuditEntry.Action.RECORD_VIEWED, anna, participant=anna_record.pk
    )
    audit_record_for(
        coordinating, AuditEntry.Action.RECORD_VIEWED, boris, participant=boris_record.pk
    )
    return TwoLearners(
        course=tree.course,
        cohort=cohort,
        coordinator=coordinating,
        trainer=trainer,
        anna=anna,
        boris=boris,
        anna_record=anna_record,
        anna_typed=anna_typed,
        boris_record=boris_record,
        anna_certificate=certificates[0],
        boris_certificate=certificates[1],
    )


@pytest.fixture
def two_learners(db):
    with clock(at(TODAY, 12)):
        yield build_two_learners()
