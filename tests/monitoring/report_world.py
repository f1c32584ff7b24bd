"""A small record for the report and monthly-report tests, built through the services.

Bulgaria: a coordinator accredits a first-generation master trainer (2020-2030),
who leads a national training in February 2026 (five people) and an
international training of trainers in March 2026 that accredits Петя Колева;
she leads a national training (nine people, seven complete) and a youth module
(three young people: a number small enough to be hidden) in March 2026.
Romania: a first-generation trainer leads a national training in March 2026 (six people).
Each country has National Steering Group members; the clock then stands at
1 April 2026, 06:00, when the monthly reports of March are due.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from accounts.models import RoleAssignment
from courses import services
from courses.models import Cohort, Participant
from tests.factories import (
    UserFactory,
    at,
    build_course,
    clock,
    cohort_graduate,
    cohort_led_by,
    coordinator,
    country,
    first_generation_trainer,
    organisation,
    participant,
)

MARCH = datetime.date(2026, 3, 1)
END_OF_MARCH = datetime.date(2026, 3, 31)
# When the monthly reports of March are planned and sent.
REPORT_DAY = at(datetime.date(2026, 4, 1), 6)


@dataclass
class ReportWorld:
    bulgaria: object
    romania: object
    coordinator: object
    nsg_bulgarian: object  # a Bulgarian NSG member who reads Bulgarian
    nsg_no_language: object  # a Bulgarian NSG member with no language chosen
    nsg_romanian: object  # the Romanian NSG member, reading Romanian
    editor: object


def _person(first: str, last: str, in_country) -> Participant:
    user = UserFactory(first_name=first, last_name=last)
    return services.participant_for_user(user, in_country)


def _roster(prefix: str, count: int, in_country, **fields) -> list[Participant]:
    return [participant(f"{prefix} {number}", in_country, **fields) for number in range(count)]


def _nsg_member(in_country, language: str, email: str):
    user = UserFactory(email=email, preferred_language=language)
    RoleAssignment.objects.create(
        user=user, role=RoleAssignment.Role.NSG_MEMBER, country=in_country
    )
    return user


def build_report_world() -> ReportWorld:
    bulgaria = country("BG", "Bulgaria")
    romania = country("RO", "Romania")
    course = build_course(modules=1, lessons_per_module=1, slug="reports").course
    coord = coordinator()
    sofia = organisation("SOS Children's Villages Bulgaria", bulgaria)
    bucharest = organisation("Hope and Homes for Children Romania", romania)

    master = _person("Rutger", "Visser", bulgaria)
    first_generation_trainer(master, by=coord, level="master_trainer", country=bulgaria)
    with clock(at(datetime.date(2026, 1, 15))):
        february = cohort_led_by(
            master,
            course=course,
            created_by=coord,
            kind=Cohort.Kind.NATIONAL_TRAINING,
            name="Национално обучение Пловдив",
            language="bg",
            host_organisation=sofia,
            starts_on=datetime.date(2026, 2, 2),
            ends_on=datetime.date(2026, 2, 6),
        )
        tot = cohort_led_by(master, course=course, created_by=coord, host_organisation=sofia)
    cohort_graduate(february, _roster("Февруари", 5, bulgaria), by=master.user)

    trainer = _person("Петя", "Колева", bulgaria)
    cohort_graduate(tot, [trainer], by=coord, accredit=True)
    with clock(at(datetime.date(2026, 3, 7))):
        training = cohort_led_by(
            trainer,
            course=course,
            created_by=trainer.user,
            kind=Cohort.Kind.NATIONAL_TRAINING,
            name="Национално обучение София",
            language="bg",
            host_organisation=sofia,
            starts_on=datetime.date(2026, 3, 9),
            ends_on=datetime.date(2026, 3, 13),
        )
        youth = cohort_led_by(
            trainer,
            course=course,
            created_by=trainer.user,
            kind=Cohort.Kind.YOUTH_MODULE,
            name="Младежки модул София",
            language="bg",
            host_organisation=sofia,
            starts_on=datetime.date(2026, 3, 16),
            ends_on=datetime.date(2026, 3, 18),
        )
    professionals = _roster("Специалист", 9, bulgaria)
    for person in professionals:
        services.cohort_add_member(training, person)
    cohort_graduate(training, professionals[:7], by=trainer.user)
    young = _roster("Младеж", 3, bulgaria, age_band=Participant.AgeBand.AGE_14_17)
    cohort_graduate(youth, young, by=trainer.user)

    romanian_trainer = _person("Ioana", "Popescu", romania)
    first_generation_trainer(romanian_trainer, by=coord, country=romania)
    with clock(at(datetime.date(2026, 3, 1))):
        romanian_training = cohort_led_by(
            romanian_trainer,
            course=course,
            created_by=coord,
            kind=Cohort.Kind.NATIONAL_TRAINING,
            name="Formare națională București",
            language="ro",
            country=romania,
            host_organisation=bucharest,
            starts_on=datetime.date(2026, 3, 9),
            ends_on=datetime.date(2026, 3, 13),
        )
    cohort_graduate(romanian_training, _roster("Participant", 6, romania), by=coord)

    editor = UserFactory(is_staff=True)
    return ReportWorld(
        bulgaria=bulgaria,
        romania=romania,
        coordinator=coord,
        nsg_bulgarian=_nsg_member(bulgaria, "bg", "nsg.bg@example.org"),
        nsg_no_language=_nsg_member(bulgaria, "", "nsg.bg.2@example.org"),
        nsg_romanian=_nsg_member(romania, "ro", "nsg.ro@example.org"),
        editor=editor,
    )
