"""Two countries' training, built through the services, for the dashboard pages and exports.

Bulgaria: a first-generation master trainer (Petya Koleva) leads an
international training of trainers in March 2026 whose six graduates become
trainers. One of them, whose name was typed as "+cmd", leads a national
training of thirteen professionals (each given a certificate) hosted by an organisation typed as
`=HYPERLINK("http://x","y")`; another leads a youth module of four young
people (a small number, hidden everywhere). Romania: a master trainer of its
own trains seventeen professionals (RO figures must never reach a Bulgarian
NSG member). Around them: a learner, a trainer, NSG members of each country,
a content editor who reaches the admin, and a coordinator who does too.

The world is built, and read, on one day (`world_on_its_day`): 15 June 2026, after
every cohort ended and long before any accreditation does, so its trainers are
the same whatever the real date.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import ClassVar

from django.contrib.auth.models import Permission

from accounts.models import RoleAssignment
from certificates.models import Certificate
from certificates.services.issuing import certificate_for_membership
from courses import services
from courses.models import Cohort, CohortMembership, Organisation, Participant
from monitoring.services.snapshots import snapshots_refresh
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
    make_trainer,
    organisation,
    participant,
)

INJECTED_ORGANISATION = '=HYPERLINK("http://x","y")'
INJECTED_TRAINER = "+cmd"
ROMANIAN_PROFESSIONALS = 17
TODAY = datetime.date(2026, 6, 15)
# Who signs in with a second factor: the roles that see figures, and the admin's users.
STAFF_ROLES = frozenset({"nsg bg", "nsg ro", "editor", "coordinator"})


@dataclass
class World:
    bulgaria: object
    romania: object
    users: dict  # role -> user (None: anonymous)
    staff_roles: ClassVar[frozenset[str]] = STAFF_ROLES


def nsg_member(in_country, **kwargs):
    user = UserFactory(**kwargs)
    RoleAssignment.objects.create(
        user=user, role=RoleAssignment.Role.NSG_MEMBER, country=in_country
    )
    return user


def _master_trainer_with_tot(name, *, course, in_country, by, host, starts_on, trainees):
    """A first-generation master trainer's training of trainers; its graduates accredited."""
    user = make_trainer(first_name=name.split()[0], last_name=name.split()[-1])
    lead = services.participant_for_user(user, in_country)
    first_generation_trainer(
        lead,
        by=by,
        country=in_country,
        level="master_trainer",
        valid_from=datetime.date(2026, 1, 5),
    )
    tot = cohort_led_by(
        lead,
        course=course,
        created_by=by,
        name=f"ToT {in_country.code}",
        country=in_country,
        host_organisation=host,
        language=in_country.code.lower(),
        starts_on=starts_on,
    )
    people = [
        participant(trainee, in_country, user=UserFactory(first_name=trainee, last_name="T"))
        for trainee in trainees
    ]
    cohort_graduate(tot, people, by=by, accredit=True)
    return tot, people


def _cohort(lead, *, course, by, name, kind, in_country, host, starts_on, members, certify=False):
    cohort = cohort_led_by(
        lead,
        course=course,
        created_by=by,
        name=name,
        kind=kind,
        country=in_country,
        host_organisation=host,
        language=in_country.code.lower(),
        starts_on=starts_on,
    )
    cohort_graduate(cohort, members, by=by)
    if certify:
        with clock(at(cohort.ends_on, 18)) as issued:
            for membership in CohortMembership.objects.filter(cohort=cohort):
                certificate_for_membership(membership, by=by)
        # A certificate takes its time from the real clock (its field's default), which the
        # frozen one does not reach: these were issued on the training's last day.
        Certificate.objects.filter(issued_at__gt=issued).update(issued_at=issued)
    return cohort


def _in_the_admin(user, *permissions: str):
    """`user` let into the Wagtail admin (staff, with its access permission and `permissions`)."""
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    for codename in ("access_admin", *permissions):
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return user


def build_world() -> World:
    course = build_course(modules=1, lessons_per_module=1, slug="monitoring").course
    bulgaria, romania = country(), country("RO", "Romania")
    coordinating = _in_the_admin(coordinator(first_name="Corina", last_name="Coordonator"))
    sofia = organisation()
    injected = Organisation.objects.create(
        name=INJECTED_ORGANISATION, country=bulgaria, region="Plovdiv"
    )
    bucharest = Organisation.objects.create(
        name="Asociația Sprijin București", country=romania, region="București"
    )

    _tot, trainers = _master_trainer_with_tot(
        "Petya Koleva",
        course=course,
        in_country=bulgaria,
        by=coordinating,
        host=sofia,
        starts_on=datetime.date(2026, 3, 2),
        trainees=[INJECTED_TRAINER, "Ivan", "Elena", "Stoyan", "Mila", "Dimo"],
    )
    _cohort(
        trainers[0],
        course=course,
        by=coordinating,
        name="Национално обучение Пловдив",
        kind=Cohort.Kind.NATIONAL_TRAINING,
        in_country=bulgaria,
        host=injected,
        starts_on=datetime.date(2026, 4, 6),
        members=[participant(f"Професионалист {number}") for number in range(13)],
        certify=True,
    )
    _cohort(
        trainers[1],
        course=course,
        by=coordinating,
        name="Youth module Sofia",
        kind=Cohort.Kind.YOUTH_MODULE,
        in_country=bulgaria,
        host=sofia,
        starts_on=datetime.date(2026, 5, 4),
        members=[
            participant(f"Y{number}", age_band=Participant.AgeBand.AGE_14_17) for number in range(4)
        ],
    )

    _ro_tot, ro_trainers = _master_trainer_with_tot(
        "Radu Ionescu",
        course=course,
        in_country=romania,
        by=coordinating,
        host=bucharest,
        starts_on=datetime.date(2026, 3, 9),
        trainees=["Ioana", "Mihai", "Sorin", "Dana", "Vlad"],
    )
    _cohort(
        ro_trainers[0],
        course=course,
        by=coordinating,
        name="Formare națională București",
        kind=Cohort.Kind.NATIONAL_TRAINING,
        in_country=romania,
        host=bucharest,
        starts_on=datetime.date(2026, 4, 13),
        members=[
            participant(f"Profesionist {number}", romania)
            for number in range(ROMANIAN_PROFESSIONALS)
        ],
    )
    snapshots_refresh()
    return World(
        bulgaria=bulgaria,
        romania=romania,
        users={
            "anonymous": None,
            "learner": UserFactory(first_name="Мария", last_name="Петрова"),
            "trainer": make_trainer(first_name="Georgi", last_name="Ivanov"),
            "nsg bg": nsg_member(bulgaria, first_name="Boryana", last_name="NSG"),
            "nsg ro": nsg_member(romania, first_name="Raluca", last_name="NSG"),
            # An editor holding the model permission: the reports name people, so it opens
            # nothing without the coordinator's role.
            "editor": _in_the_admin(
                UserFactory(first_name="Elena", last_name="Editor"), "view_monthlyreport"
            ),
            "coordinator": coordinating,
        },
    )


@contextmanager
def world_on_its_day() -> Iterator[World]:
    """The world built, and its figures read, with the clock at noon on TODAY."""
    with clock(at(TODAY, 12)):
        yield build_world()
