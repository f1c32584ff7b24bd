"""A world of every page the bench measures, built through the services as people would.

`build_world(size)` gives `size` of everything: courses the learner is enrolled
in, trainers below the master trainer's training of trainers (each leading a
national training the learner completes, with its certificate), members and
sessions per cohort; an open invitation to the learner's address; an NSG
member of Bulgaria and the dashboards' snapshots. Several worlds may be built
in one database (their courses' addresses differ by size).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.test import Client

from accounts.models import RoleAssignment
from certificates.models import Certificate
from certificates.services.issuing import certificate_for_membership
from courses import services
from courses.models import Cohort, CohortMembership, Participant
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
    participant,
    staff_with_mfa,
)

NOW = at(datetime.date(2026, 9, 1), 12)


@dataclass
class PageWorld:
    learner: object
    master: object  # the master trainer's account: generation 0, the whole cascade below
    nsg_member: object
    course_url: str
    tot: Cohort  # the master trainer's training of trainers: every trainer is a member
    certificate: Certificate  # one of the learner's
    coordinator: object
    course: object
    learner_record: Participant
    trainers: list[Participant]  # the trainings' leads, the training of trainers' graduates
    trainings: list[Cohort]  # the national trainings the learner completed


def _person(first: str, last: str):
    user = UserFactory(first_name=first, last_name=last)
    return services.participant_for_user(user, country())


def build_world(size: int) -> PageWorld:
    """`size` of everything: courses, trainers (each leading a national training), the
    learner's cohorts, members and sessions per cohort."""
    course = build_course(modules=size, lessons_per_module=size, slug=f"main-{size}").course
    coord = coordinator()
    master = _person("Rutger", "Visser")
    first_generation_trainer(master, by=coord)
    tot = cohort_led_by(master, course=course, created_by=coord)
    trainers = [_person("Петя", f"Колева {number}") for number in range(size)]
    cohort_graduate(tot, trainers, by=coord, accredit=True)

    learner_user = UserFactory(first_name="Ana", last_name="Ionescu")
    learner = services.participant_for_user(learner_user, country())
    for number in range(size):
        extra = build_course(modules=1, lessons_per_module=2, slug=f"extra-{size}-{number}")
        services.lesson_complete(learner_user, extra.lessons[0])
    trainings = []
    with clock(NOW):
        for number, trainer in enumerate(trainers):
            training = cohort_led_by(
                trainer,
                course=course,
                created_by=trainer.user,
                kind=Cohort.Kind.NATIONAL_TRAINING,
                name=f"National training {number}",
                starts_on=datetime.date(2026, 9, 7 + 7 * number),
            )
            trainings.append(training)
            for session in range(size):
                services.session_create(
                    training,
                    starts_at=at(training.starts_on + datetime.timedelta(days=session % 4)),
                    duration_minutes=120,
                    place="Sofia",
                    created_by=trainer.user,
                )
            members = [participant(f"Member {number}.{index}") for index in range(size)]
            # The learner completes every national training (a certificate each).
            cohort_graduate(training, [learner, *members], by=trainer.user)
            certificate_for_membership(
                CohortMembership.objects.get(cohort=training, participant=learner)
            )
        # An open invitation to the learner's address, from the last trainer's cohort.
        services.invitation_create(
            cohort=training,
            email=learner_user.email,
            role="co_trainer",
            invited_by=trainer.user,
        )
    nsg_member = UserFactory()
    RoleAssignment.objects.create(
        user=nsg_member, role=RoleAssignment.Role.NSG_MEMBER, country=country()
    )
    snapshots_refresh()
    return PageWorld(
        learner=learner_user,
        master=master.user,
        nsg_member=nsg_member,
        course_url=course.url,
        tot=tot,
        certificate=Certificate.objects.filter(participant=learner).order_by("pk").first(),
        coordinator=coord,
        course=course,
        learner_record=learner,
        trainers=trainers,
        trainings=trainings,
    )


def pages_of(world: PageWorld) -> dict[str, tuple[Client, str]]:
    """Each page with a client signed in as the person it is for (staff with a second factor)."""
    learner, master, nsg_member = Client(), Client(), Client()
    learner.force_login(world.learner)
    master.force_login(world.master)
    staff_with_mfa(nsg_member, world.nsg_member)
    return {
        "course page": (learner, world.course_url),
        "my learning": (learner, "/en/learning/"),
        "trainer home": (master, "/en/learning/training/"),
        "cohort page": (master, f"/en/learning/training/cohorts/{world.tot.pk}/"),
        "verification page": (learner, f"/en/verify/{world.certificate.code}/"),
        "verification page, signed out": (Client(), f"/en/verify/{world.certificate.code}/"),
        "NSG dashboard": (nsg_member, "/en/monitoring/bg/"),
    }
