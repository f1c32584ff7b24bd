"""A small cascade for the certificate tests, built through the services as people would.

A coordinator accredits a first-generation master trainer (2020-2030), who
leads an international training of trainers (generation 0, 2-6 March 2026);
its graduate Петя Колева is accredited by it and leads a national training in
Bulgarian (25 May - 10 June 2026), which Ana Ionescu (with an account) and
Ilie (a roster-only record) complete.
"""

from __future__ import annotations

import datetime
import threading
from dataclasses import dataclass

from django.db import connection

from accounts.models import RoleAssignment
from courses import services
from courses.models import Cohort, CohortTrainer, Participant, TrainerAccreditation
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
)

# While the national training runs: its trainer's accreditation is valid.
NOW = at(datetime.date(2026, 6, 1), 12)


def person(first: str, last: str, **fields) -> Participant:
    """A person with an account and their participant record."""
    user = UserFactory(first_name=first, last_name=last, **fields)
    return services.participant_for_user(user, country())


@dataclass
class Cascade:
    course: object
    coordinator: object
    master: Participant
    master_accreditation: TrainerAccreditation
    tot: Cohort
    trainer: Participant
    trainer_accreditation: TrainerAccreditation
    training: Cohort
    learner: Participant
    roster_person: Participant

    @property
    def trainer_user(self):
        return self.trainer.user


def build_cascade(
    *, slug: str = "certificates", kind: str = Cohort.Kind.NATIONAL_TRAINING, language="bg"
) -> Cascade:
    """The cascade above, with the national training planned but not yet completed."""
    course = build_course(modules=1, lessons_per_module=1, slug=slug).course
    coord = coordinator()
    master = person("Rutger", "Visser")
    master_accreditation = first_generation_trainer(master, by=coord)
    tot = cohort_led_by(master, course=course, created_by=coord)
    trainer = person("Петя", "Колева")
    cohort_graduate(tot, [trainer], by=coord, accredit=True)
    with clock(NOW):
        training = cohort_led_by(
            trainer,
            course=course,
            created_by=trainer.user,
            kind=kind,
            name="Национално обучение София",
            language=language,
            starts_on=datetime.date(2026, 5, 25),
            ends_on=datetime.date(2026, 6, 10),
        )
    return Cascade(
        course=course,
        coordinator=coord,
        master=master,
        master_accreditation=master_accreditation,
        tot=tot,
        trainer=trainer,
        trainer_accreditation=TrainerAccreditation.objects.get(
            participant=trainer, granted_by_cohort=tot
        ),
        training=training,
        learner=person("Ana", "Ionescu"),
        roster_person=participant("Ilie", age_band=Participant.AgeBand.AGE_14_17),
    )


def graduate(world: Cascade, people=None) -> None:
    """The training's members complete it (sessions held, present, lessons done online)."""
    cohort_graduate(
        world.training,
        people if people is not None else [world.learner, world.roster_person],
        by=world.trainer_user,
    )


def outsiders(world: Cascade) -> dict:
    """People who must not issue, change or correct the training's certificates, by who they are:
    a member, the training's young expert, the trainer of another cohort, an NSG member."""
    young_expert = UserFactory(first_name="Dan", last_name="Young")
    services.team_member_add(
        world.training, user=young_expert, role=CohortTrainer.Role.YOUNG_EXPERT
    )
    nsg_member = UserFactory(first_name="Nadia", last_name="Steering")
    RoleAssignment.objects.create(
        user=nsg_member, role=RoleAssignment.Role.NSG_MEMBER, country=country()
    )
    return {
        "a learner": world.learner.user,
        "a young expert": young_expert,
        "another cohort's trainer": world.master.user,
        "an NSG member": nsg_member,
    }


def change_accreditation(world: Cascade, **change) -> TrainerAccreditation:
    """A coordinator changes the trainer's accreditation (`valid_until`, `revoked_at`)."""
    accreditation = world.trainer_accreditation
    accreditation.refresh_from_db()
    values = {"valid_until": accreditation.valid_until, "revoked_at": accreditation.revoked_at}
    return services.accreditation_change(
        accreditation, changed_by=world.coordinator, **{**values, **change}
    )


def at_once(actions: list) -> tuple[list, list]:
    """Run each action in its own thread, all released at the same moment (PostgreSQL only);
    returns what they returned and what they raised."""
    results, errors, barrier = [], [], threading.Barrier(len(actions), timeout=60)

    def run(action):
        try:
            barrier.wait()
            results.append(action())
        except Exception as error:  # noqa: BLE001 - the test reports any
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors
