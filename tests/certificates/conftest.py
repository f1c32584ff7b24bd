"""A cohort with a certificate, and everyone who may or may not see it.

Built through the services as people would: a first-generation trainer (Petya
Koleva) leads a national training in Bulgaria with a co-trainer and a young
expert; Мария Петрова (with an account) and Ilie (a roster-only record)
complete it; Maria's certificate is issued on her completion, Ilie's at the
lead trainer's request. Around them: another learner, another trainer with a
cohort of her own, NSG members of Bulgaria and of Romania, and a coordinator.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import ClassVar

import pytest

from accounts.models import RoleAssignment
from certificates.models import Certificate
from certificates.services.issuing import certificate_for_membership
from courses import services
from courses.models import Cohort, CohortMembership, CohortTrainer, Participant
from tests.factories import (
    UserFactory,
    build_course,
    cohort_graduate,
    cohort_led_by,
    coordinator,
    country,
    first_generation_trainer,
    make_trainer,
    participant,
)
from tests.factories import sign_in as sign_in  # the certificate tests sign in through here

HOLDER_EMAIL = "maria.petrova@example.org"
# Who reaches the admin and other people's certificates signs in with a second factor.
STAFF_ROLES = frozenset({"nsg of the country", "nsg of another country", "coordinator"})


@dataclass
class World:
    course: object
    bulgaria: object
    romania: object
    cohort: Cohort
    other_cohort: Cohort
    users: dict  # role -> user (None for anonymous)
    holder: Participant
    roster_person: Participant
    certificate: Certificate  # the holder's, issued on completion
    roster_certificate: Certificate  # Ilie's, issued at the lead trainer's request
    staff_roles: ClassVar[frozenset[str]] = STAFF_ROLES

    def membership(self, person: Participant) -> CohortMembership:
        return CohortMembership.objects.get(cohort=self.cohort, participant=person)


def nsg_member(in_country):
    user = UserFactory()
    RoleAssignment.objects.create(
        user=user, role=RoleAssignment.Role.NSG_MEMBER, country=in_country
    )
    return user


def _trainer_and_cohort(first, last, name, language, starts_on, *, course, country, by):
    """A first-generation trainer (accredited by `by`) and the national training they lead."""
    user = make_trainer(first_name=first, last_name=last)
    trainer = services.participant_for_user(user, country)
    first_generation_trainer(trainer, by=by)
    cohort = cohort_led_by(
        trainer,
        course=course,
        created_by=user,
        kind=Cohort.Kind.NATIONAL_TRAINING,
        name=name,
        language=language,
        starts_on=starts_on,
    )
    return user, cohort


def build_world() -> World:
    course = build_course(modules=1, lessons_per_module=1, slug="certificates").course
    bulgaria, romania = country(), country("RO", "Romania")
    coordinating = coordinator(first_name="Corina", last_name="Coordonator")

    lead_user, cohort = _trainer_and_cohort(
        "Petya",
        "Koleva",
        "Национално обучение Пловдив",
        "bg",
        datetime.date(2026, 3, 2),
        course=course,
        country=bulgaria,
        by=coordinating,
    )
    co_trainer = make_trainer(first_name="Ivan", last_name="Co")
    services.team_member_add(cohort, user=co_trainer, role=CohortTrainer.Role.CO_TRAINER)
    young_expert = UserFactory(first_name="Yana", last_name="Young")
    services.team_member_add(cohort, user=young_expert, role=CohortTrainer.Role.YOUNG_EXPERT)

    other_trainer, other_cohort = _trainer_and_cohort(
        "Olga",
        "Other",
        "Training Varna",
        "en",
        datetime.date(2026, 4, 6),
        course=course,
        country=bulgaria,
        by=coordinating,
    )

    holder_user = UserFactory(first_name="Мария", last_name="Петрова", email=HOLDER_EMAIL)
    holder = services.participant_for_user(holder_user, bulgaria)
    roster_person = participant("Ilie", age_band=Participant.AgeBand.AGE_14_17)
    cohort_graduate(cohort, [holder, roster_person], by=lead_user)
    world = World(
        course=course,
        bulgaria=bulgaria,
        romania=romania,
        cohort=cohort,
        other_cohort=other_cohort,
        users={
            "holder": holder_user,
            "other learner": UserFactory(first_name="Olek", last_name="Learner"),
            "lead": lead_user,
            "co-trainer": co_trainer,
            "young expert": young_expert,
            "other trainer": other_trainer,
            "nsg of the country": nsg_member(bulgaria),
            "nsg of another country": nsg_member(romania),
            "coordinator": coordinating,
            "anonymous": None,
        },
        holder=holder,
        roster_person=roster_person,
        certificate=None,
        roster_certificate=None,
    )
    world.certificate = certificate_for_membership(world.membership(holder))
    world.roster_certificate = certificate_for_membership(
        world.membership(roster_person), by=lead_user
    )
    return world


@pytest.fixture
def world(db) -> World:
    return build_world()
