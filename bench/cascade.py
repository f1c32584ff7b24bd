#!/usr/bin/env python
"""Cascade selectors on a cascade of about 1,000 and one of 100,000 participants.

    .venv/bin/python bench/cascade.py [--repeat 15] [--large 100000] [--keep]
    .venv/bin/python bench/cascade.py --postgres            (a throw-away cluster)
    .venv/bin/python bench/cascade.py --database postgres://user@host:port/db

Builds two cascades of the same shape, one after the other, in a fresh database
(by default a new SQLite file .tmp/bench/cascade-*.sqlite3, migrated first and
removed at the end unless --keep):

  generation 0  one international ToT; its graduates come from 5 countries
  generation 1  national ToTs in those countries, led by generation-0 graduates
  generation 2  national trainings and youth modules led by generation-1
                graduates, and two second-wave national ToTs per national ToT
                (only a ToT accredits trainers)
  generation 3  youth modules led by the trainers the second-wave ToTs accredited

Some young people sit in two youth modules, of the same or of the next
generation, so people must be counted once. The two upper generations are
created through courses.services.cohort_create; the lower ones with bulk_create,
their parent, generation and cascade path worked out by the service's rule
(the cohort that accredited the lead trainer) and checked against the service.

For each size it times (median of --repeat runs after one warm-up) and counts
the SQL queries of:

  trainer_cascade for the generation-0 lead (the whole tree)
  trainer_cascade for a generation-2 lead (a small subtree, the same in both)
  cohort_lineage of a generation-3 cohort
  participant_lineage of a generation-3 participant

and checks the answers against the plan the cascades were built from. The
promise: lineages stay flat (100k / 1k close to 1; the verdict allows up to 2
for the noise of a shared machine) and the whole-tree report grows at most
linearly with the memberships it counts. Exits non-zero when an answer is
wrong or a query count differs between the two sizes; the timing verdicts are
printed, not enforced.

--postgres starts a throw-away PostgreSQL cluster on loopback as
scripts/test_services.py does; --database uses an existing server, in a new
database created there (needs CREATEDB) and dropped at the end unless --keep.
"""

from __future__ import annotations

import argparse
import datetime
import math
import os
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PYTHON = sys.executable
START = datetime.date(2019, 3, 1)
BATCH = 2000
FLAT = 2.0  # a lineage read 100 times the data this much slower or less: noise, not growth

# (ISO code, name, language of the cohorts)
COUNTRIES = [
    ("BG", "Bulgaria", "bg"),
    ("RO", "Romania", "ro"),
    ("HU", "Hungary", "hu"),
    ("EE", "Estonia", "et"),
    ("IT", "Italy", "it"),
]
# The shape below one national ToT; a cascade grows by adding national ToTs.
GEN0_GRADUATES_PER_COUNTRY = 4
NATIONAL_TOT_GRADUATES = 8  # half lead a national training, half a youth module
TRAINING_MEMBERS = 12
YOUTH_MEMBERS = 10
SECOND_TOT_GRADUATES = 4  # two second-wave ToTs per national ToT
GEN3_NEW_MEMBERS = 11
GEN3_RETURNING = 2  # young people from a generation-2 module who join again
PEOPLE_PER_NATIONAL_TOT = (
    NATIONAL_TOT_GRADUATES
    + NATIONAL_TOT_GRADUATES // 2 * (TRAINING_MEMBERS + YOUTH_MEMBERS)
    + 2 * SECOND_TOT_GRADUATES * (1 + GEN3_NEW_MEMBERS)
)
PEOPLE_ABOVE = 1 + GEN0_GRADUATES_PER_COUNTRY * len(COUNTRIES)


def day(offset: int) -> datetime.date:
    return START + datetime.timedelta(days=offset)


# The plan: people are numbers, cohorts refer to them. The answers expected from
# the selectors are worked out from it, independently of the database.


@dataclass
class PlannedCohort:
    name: str
    kind: str
    country: int
    generation: int
    lead: int
    members: list[int]
    starts: int
    days: int = 5
    accredits: bool = False


@dataclass
class Plan:
    label: str
    countries: list[int] = field(default_factory=list)
    age_bands: list[str] = field(default_factory=list)
    cohorts: list[PlannedCohort] = field(default_factory=list)
    root_lead: int = 0
    subtree_lead: int = 0
    gen3_cohort: int = 0
    gen3_person: int = 0

    @property
    def people(self) -> int:
        return len(self.countries)

    def new_people(self, count: int, country: int, age_band: str = "adult") -> list[int]:
        first = self.people
        self.countries += [country] * count
        self.age_bands += [age_band] * count
        return list(range(first, self.people))

    def add(self, cohort: PlannedCohort) -> PlannedCohort:
        self.cohorts.append(cohort)
        return cohort

    def parents(self) -> list[int | None]:
        """The cohort that accredited each cohort's lead (cohorts come after their parent)."""
        accredited_by: dict[int, int] = {}
        parents: list[int | None] = []
        for index, cohort in enumerate(self.cohorts):
            parents.append(None if cohort.generation == 0 else accredited_by[cohort.lead])
            if cohort.accredits:
                for member in cohort.members:
                    accredited_by.setdefault(member, index)
        return parents

    def chain(self, index: int) -> list[int]:
        parents = self.parents()
        chain = [index]
        while parents[chain[0]] is not None:
            chain.insert(0, parents[chain[0]])
        return chain


def plan_cascade(label: str, national_tots_per_country: int) -> Plan:
    from courses.models import Cohort

    kind = Cohort.Kind
    plan = Plan(label)
    plan.root_lead = plan.new_people(1, 0)[0]
    graduates = {
        country: plan.new_people(GEN0_GRADUATES_PER_COUNTRY, country)
        for country in range(len(COUNTRIES))
    }
    plan.add(
        PlannedCohort(
            f"{label} international ToT",
            kind.INTERNATIONAL_TOT,
            0,
            0,
            plan.root_lead,
            [person for people in graduates.values() for person in people],
            0,
            accredits=True,
        )
    )
    for number in range(national_tots_per_country):
        for country, (code, _, _) in enumerate(COUNTRIES):
            starts = 10 + (number * len(COUNTRIES) + country) % 60
            trainers = plan.new_people(NATIONAL_TOT_GRADUATES, country)
            plan.add(
                PlannedCohort(
                    f"{label} national ToT {code} {number + 1}",
                    kind.NATIONAL_TOT,
                    country,
                    1,
                    graduates[country][number % GEN0_GRADUATES_PER_COUNTRY],
                    trainers,
                    starts,
                    accredits=True,
                )
            )
            after = starts + 15
            half = NATIONAL_TOT_GRADUATES // 2
            youth_modules = []
            for position, trainer in enumerate(trainers):
                if position < half:
                    members = plan.new_people(TRAINING_MEMBERS, country)
                    kind_, what, days = kind.NATIONAL_TRAINING, "training", 5
                else:
                    members = plan.new_people(YOUTH_MEMBERS, country, "18_21")
                    kind_, what, days = kind.YOUTH_MODULE, "youth module", 30
                cohort = plan.add(
                    PlannedCohort(
                        f"{label} {what} {code} {number + 1}.{position + 1}",
                        kind_,
                        country,
                        2,
                        trainer,
                        members,
                        after + position,
                        days,
                    )
                )
                if kind_ == kind.YOUTH_MODULE:
                    youth_modules.append(cohort)
            # The first young person of each module also joins the next one.
            for first, second in pairwise(youth_modules):
                second.members.append(first.members[0])
            second_tots = [
                plan.add(
                    PlannedCohort(
                        f"{label} second-wave ToT {code} {number + 1}.{lead + 1}",
                        kind.NATIONAL_TOT,
                        country,
                        2,
                        trainers[lead],
                        plan.new_people(SECOND_TOT_GRADUATES, country),
                        after + 20,
                        accredits=True,
                    )
                )
                for lead in (0, half)
            ]
            gen3_trainers = [person for tot in second_tots for person in tot.members]
            for position, trainer in enumerate(gen3_trainers):
                returning = youth_modules[position % len(youth_modules)].members
                plan.add(
                    PlannedCohort(
                        f"{label} youth module {code} {number + 1}.g3.{position + 1}",
                        kind.YOUTH_MODULE,
                        country,
                        3,
                        trainer,
                        plan.new_people(GEN3_NEW_MEMBERS, country, "14_17")
                        + returning[1 : 1 + GEN3_RETURNING],
                        after + 40 + position,
                        30,
                    )
                )
    first_national_tot = plan.cohorts[1]
    plan.subtree_lead = first_national_tot.members[0]
    plan.gen3_cohort = len(plan.cohorts) - 1
    plan.gen3_person = plan.cohorts[-1].members[GEN3_NEW_MEMBERS - 1]
    return plan


def expected_report(plan: Plan, person: int) -> dict:
    """What trainer_cascade should answer, from the plan alone."""
    parents = plan.parents()
    generation: list[int] = []
    inside: list[bool] = []
    cohorts, people, trainers = defaultdict(int), defaultdict(set), defaultdict(set)
    reached, direct = set(), set()
    for index, cohort in enumerate(plan.cohorts):
        parent = parents[index]
        generation.append(0 if cohort.generation == 0 else generation[parent] + 1)
        led = cohort.lead == person
        inside.append(led or (parent is not None and inside[parent]))
        if not inside[index]:
            continue
        level = generation[index]
        cohorts[level] += 1
        people[level].update(cohort.members)
        reached.update(cohort.members)
        if cohort.accredits:
            trainers[level].update(cohort.members)
        if led:
            direct.update(cohort.members)
    return {
        "cohorts": dict(cohorts),
        "people": {level: len(members) for level, members in people.items()},
        "trainers": {level: len(members) for level, members in trainers.items()},
        "reached": len(reached),
        "direct": len(direct),
    }


def report_as_dict(report) -> dict:
    return {
        "cohorts": {g.generation: g.cohorts for g in report.generations},
        "people": {g.generation: g.people_reached for g in report.generations},
        "trainers": {
            g.generation: g.trainers_produced for g in report.generations if g.trainers_produced
        },
        "reached": report.people_reached,
        "direct": report.people_trained_directly,
    }


# Building a planned cascade in the database.


@dataclass
class Built:
    plan: Plan
    people: list
    cohorts: list
    memberships: int
    accreditations: int
    seconds: float

    def person(self, index: int):
        from courses.models import Participant

        return Participant.objects.get(pk=self.people[index].pk)

    def cohort(self, index: int):
        from courses.models import Cohort

        return Cohort.objects.get(pk=self.cohorts[index].pk)


def build(plan: Plan, course, countries: list, hosts: list) -> Built:
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.utils import timezone

    from courses import services
    from courses.models import (
        Cohort,
        CohortMembership,
        CohortTrainer,
        Participant,
        TrainerAccreditation,
    )

    started = time.perf_counter()
    now = timezone.now()
    # Generation 0 is a coordinator's to plan; the bench plans every cohort as one.
    planner = get_user_model().objects.create(username="bench-coordinator", is_superuser=True)
    cohorts: list = [None] * len(plan.cohorts)
    accredited_by: dict[int, TrainerAccreditation] = {}
    memberships = accreditations = 0

    def place(planned: PlannedCohort):
        # The rule of services/cohorts.py _place_in_cascade, read from the accreditations made here.
        if planned.kind == Cohort.Kind.INTERNATIONAL_TOT:
            return None, 0
        parent = accredited_by[planned.lead].granted_by_cohort
        return parent, (parent.generation + 1) if parent else 1

    with transaction.atomic():
        people = Participant.objects.bulk_create(
            [
                Participant(
                    display_name=f"{plan.label} {index}",
                    country=countries[country],
                    age_band=plan.age_bands[index],
                )
                for index, country in enumerate(plan.countries)
            ],
            batch_size=BATCH,
        )
        for generation in range(4):
            indexes = [i for i, c in enumerate(plan.cohorts) if c.generation == generation]
            if generation < 2:
                # The few upper cohorts go through the service itself.
                for index in indexes:
                    planned = plan.cohorts[index]
                    cohorts[index] = services.cohort_create(
                        name=planned.name,
                        course=course,
                        kind=planned.kind,
                        country=countries[planned.country],
                        language=COUNTRIES[planned.country][2],
                        host_organisation=hosts[planned.country],
                        lead_trainer=people[planned.lead],
                        starts_on=day(planned.starts),
                        ends_on=day(planned.starts + planned.days),
                        created_by=planner,
                    )
            else:
                new = []
                for index in indexes:
                    planned = plan.cohorts[index]
                    parent, level = place(planned)
                    cohorts[index] = Cohort(
                        name=planned.name,
                        course=course,
                        kind=planned.kind,
                        country=countries[planned.country],
                        language=COUNTRIES[planned.country][2],
                        host_organisation=hosts[planned.country],
                        starts_on=day(planned.starts),
                        ends_on=day(planned.starts + planned.days),
                        parent=parent,
                        generation=level,
                        cascade_path="/",
                    )
                    new.append(cohorts[index])
                Cohort.objects.bulk_create(new, batch_size=BATCH)
                for cohort in new:
                    parent_path = cohort.parent.cascade_path if cohort.parent else "/"
                    cohort.cascade_path = f"{parent_path}{cohort.pk}/"
                Cohort.objects.bulk_update(new, ["cascade_path"], batch_size=BATCH)
                CohortTrainer.objects.bulk_create(
                    [
                        CohortTrainer(
                            cohort=cohorts[index],
                            participant=people[plan.cohorts[index].lead],
                            role=CohortTrainer.Role.LEAD,
                        )
                        for index in indexes
                    ],
                    batch_size=BATCH,
                )
            created = CohortMembership.objects.bulk_create(
                [
                    CohortMembership(
                        cohort=cohorts[index], participant=people[member], completed_at=now
                    )
                    for index in indexes
                    for member in plan.cohorts[index].members
                ],
                batch_size=BATCH,
            )
            memberships += len(created)
            # As services.accreditation_grant_for_cohort: valid from the day granted (here,
            # as the demo records history, the ToT's last day).
            granted = []
            for index in indexes:
                if not plan.cohorts[index].accredits:
                    continue
                cohort = cohorts[index]
                for member in plan.cohorts[index].members:
                    accreditation = TrainerAccreditation(
                        participant=people[member],
                        level=TrainerAccreditation.Level.TRAINER,
                        country=cohort.country,
                        valid_from=cohort.ends_on,
                        valid_until=cohort.ends_on + datetime.timedelta(days=3 * 365),
                        granted_by_cohort=cohort,
                    )
                    granted.append(accreditation)
                    accredited_by.setdefault(member, accreditation)
            TrainerAccreditation.objects.bulk_create(granted, batch_size=BATCH)
            accreditations += len(granted)
        Cohort.objects.filter(cascade_path__startswith=cohorts[0].cascade_path).update(
            status=Cohort.Status.COMPLETED
        )
    return Built(plan, people, cohorts, memberships, accreditations, time.perf_counter() - started)


# Checks.


def check(built: Built, service_sample: int | None) -> list[str]:
    """What is wrong with the stored cascade or the selectors' answers about it."""
    from courses import selectors
    from courses.models import Cohort
    from courses.selectors.accreditation import valid_accreditation

    plan = built.plan
    label = plan.label
    failures = []
    parents = plan.parents()
    stored = {
        pk: (parent_id, generation, path)
        for pk, parent_id, generation, path in Cohort.objects.filter(
            pk__in=[cohort.pk for cohort in built.cohorts]
        ).values_list("pk", "parent_id", "generation", "cascade_path")
    }
    for index, planned in enumerate(plan.cohorts):
        pk = built.cohorts[index].pk
        parent = parents[index]
        parent_pk = built.cohorts[parent].pk if parent is not None else None
        parent_path = stored[parent_pk][2] if parent_pk else "/"
        if stored[pk] != (parent_pk, planned.generation, f"{parent_path}{pk}/"):
            failures.append(f"{label}: {planned.name} is stored as {stored[pk]}")
    # The service, asked where each bulk-created cohort belongs, agrees.
    bulk = [i for i, c in enumerate(plan.cohorts) if c.generation >= 2]
    step = 1 if service_sample is None else max(1, len(bulk) // service_sample)
    for index in bulk[::step]:
        planned = plan.cohorts[index]
        accreditation = valid_accreditation(built.people[planned.lead], day(planned.starts))
        if (
            accreditation is None
            or accreditation.granted_by_cohort_id != stored[built.cohorts[index].pk][0]
        ):
            failures.append(f"{label}: the service would place {planned.name} elsewhere")

    root_lead = built.person(plan.root_lead)
    whole = selectors.trainer_cascade(root_lead)
    expected = expected_report(plan, plan.root_lead)
    if report_as_dict(whole) != expected:
        failures.append(f"{label}: whole tree {report_as_dict(whole)} != {expected}")
    # Everyone created is reached except the lead of generation 0, who sits in no cohort.
    if whole.people_reached != plan.people - 1:
        failures.append(f"{label}: reached {whole.people_reached}, created {plan.people - 1}")
    if [g.generation for g in whole.generations] != [0, 1, 2, 3]:
        failures.append(f"{label}: generations {whole.generations}")
    counted = sum(g.people_reached for g in whole.generations)
    if counted <= whole.people_reached or built.memberships <= whole.people_reached:
        failures.append(
            f"{label}: people per generation add up to {counted}, no more than the "
            f"{whole.people_reached} reached: nobody counted in two generations"
        )
    multiplier = selectors.reach_multiplier(root_lead)
    if multiplier is None or abs(multiplier - expected["reached"] / expected["direct"]) > 1e-9:
        failures.append(f"{label}: reach multiplier {multiplier}")
    small = selectors.trainer_cascade(built.person(plan.subtree_lead))
    expected = expected_report(plan, plan.subtree_lead)
    if report_as_dict(small) != expected:
        failures.append(f"{label}: small subtree {report_as_dict(small)} != {expected}")

    def lineage_of(steps) -> list[tuple[int, int, int]]:
        return [(s.cohort.pk, s.generation, s.lead_trainer.pk) for s in steps]

    def planned_lineage(index: int) -> list[tuple[int, int, int]]:
        return [
            (built.cohorts[i].pk, plan.cohorts[i].generation, built.people[plan.cohorts[i].lead].pk)
            for i in plan.chain(index)
        ]

    chain = planned_lineage(plan.gen3_cohort)
    if [generation for _, generation, _ in chain] != [0, 1, 2, 3]:
        failures.append(f"{label}: the generation-3 cohort's chain is {chain}")
    got = lineage_of(selectors.cohort_lineage(built.cohort(plan.gen3_cohort)))
    if got != chain:
        failures.append(f"{label}: cohort lineage {got} != {chain}")
    got = lineage_of(selectors.participant_lineage(built.person(plan.gen3_person)))
    if got != chain:
        failures.append(f"{label}: participant lineage {got} != {chain}")
    trainer_chain = planned_lineage(1)  # the subtree lead was accredited by the first national ToT
    got = lineage_of(selectors.participant_lineage(built.person(plan.subtree_lead)))
    if got != trainer_chain:
        failures.append(f"{label}: trainer's lineage {got} != {trainer_chain}")
    return failures


# Measuring.


@dataclass
class Measured:
    seconds: float
    queries: int


def measure(operation: Callable[[], object], repeat: int) -> Measured:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    operation()  # warm up
    with CaptureQueriesContext(connection) as queries:
        operation()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        operation()
        times.append(time.perf_counter() - started)
    return Measured(statistics.median(times), len(queries))


OPERATIONS = [
    "trainer_cascade, generation-0 lead (whole tree)",
    "trainer_cascade, generation-2 lead (small subtree)",
    "cohort_lineage, generation-3 cohort",
    "participant_lineage, generation-3 participant",
]


def measure_all(built: Built, repeat: int) -> dict[str, Measured]:
    from courses import selectors

    plan = built.plan
    root_lead = built.person(plan.root_lead)
    subtree_lead = built.person(plan.subtree_lead)
    cohort = built.cohort(plan.gen3_cohort)
    person = built.person(plan.gen3_person)
    operations = [
        lambda: selectors.trainer_cascade(root_lead),
        lambda: selectors.trainer_cascade(subtree_lead),
        lambda: selectors.cohort_lineage(cohort),
        lambda: selectors.participant_lineage(person),
    ]
    return {
        name: measure(operation, repeat)
        for name, operation in zip(OPERATIONS, operations, strict=True)
    }


def subtree_memberships(built: Built, person: int) -> int:
    from courses.models import CohortMembership

    plan = built.plan
    paths = [c.cascade_path for i, c in enumerate(built.cohorts) if plan.cohorts[i].lead == person]
    total = 0
    for path in paths:
        total += CohortMembership.objects.filter(cohort__cascade_path__startswith=path).count()
    return total


def explain(built: Built) -> None:
    from courses.models import CohortMembership

    path = built.cohorts[1].cascade_path
    print(f"\nplan of the subtree membership query below {path} ({built.plan.label}):")
    print(CohortMembership.objects.filter(cohort__cascade_path__startswith=path).explain())


def analyze() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def describe(built: Built) -> str:
    plan = built.plan
    return (
        f"{plan.label}: {plan.people:,} participants, {len(plan.cohorts):,} cohorts, "
        f"{built.memberships:,} memberships, {built.accreditations:,} accreditations, "
        f"built in {built.seconds:.1f} s"
    )


def milliseconds(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def print_table(small: Built, large: Built, results: dict[str, dict[str, Measured]]) -> None:
    a, b = small.plan.label, large.plan.label
    print(
        f"\n| operation | {a} ({small.plan.people:,}) | {b} ({large.plan.people:,}) "
        f"| {b} / {a} | queries {a} | queries {b} |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for name in OPERATIONS:
        s, g = results[a][name], results[b][name]
        print(
            f"| {name} | {milliseconds(s.seconds)} | {milliseconds(g.seconds)} "
            f"| {g.seconds / s.seconds:.2f} | {s.queries} | {g.queries} |"
        )


# The database.


def throwaway_postgres():
    """scripts/test_services.py's cluster: a data directory of its own, removed on stop."""
    from scripts.test_services import Postgres

    return Postgres()


def fresh_postgres(url: str) -> tuple[dict[str, str], Callable[[], None]]:
    import psycopg

    name = f"cascade_bench_{os.getpid()}_{int(time.time())}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(url)
    env = {
        "DATABASE_URL": urlunsplit(parts._replace(path=f"/{name}")),
        # bench/settings.py names the database after BENCH_DATABASE.
        "BENCH_DATABASE": name,
    }

    def drop() -> None:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return env, drop


def fresh_sqlite() -> tuple[dict[str, str], Callable[[], None]]:
    path = ROOT / ".tmp" / "bench" / f"cascade-{os.getpid()}-{int(time.time())}.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    env = {"DATABASE_URL": f"sqlite:///{path}", "BENCH_DATABASE": str(path)}

    def remove() -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)

    return env, remove


def migrate() -> float:
    started = time.perf_counter()
    subprocess.run(
        [PYTHON, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        check=True,
        env={**os.environ},
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def world():
    """The course page and the five countries with a host organisation each."""
    import django

    django.setup()
    from django.db import connection
    from wagtail.models import Page

    from courses.models import Country, Organisation

    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
    course = Page.objects.filter(depth=2).first() or Page.objects.first()
    countries, hosts = [], []
    for code, name, _ in COUNTRIES:
        country, _ = Country.objects.get_or_create(code=code, defaults={"name": name})
        host, _ = Organisation.objects.get_or_create(country=country, name=f"{name} host")
        countries.append(country)
        hosts.append(host)
    return course, countries, hosts


def sizes(large: int) -> list[tuple[str, int]]:
    """(label, national ToTs per country) of the small and the large cascade."""
    per_country = math.ceil((large - PEOPLE_ABOVE) / (PEOPLE_PER_NATIONAL_TOT * 5))
    return [("1k", 1), (f"{large // 1000}k", per_country)]


def run(args) -> int:
    from django.db import connection

    course, countries, hosts = world()
    (a, _), (b, _) = sizes(args.large)
    failures: list[str] = []
    built: dict[str, Built] = {}
    results: dict[str, dict[str, Measured]] = {}
    for label, national_tots in sizes(args.large):
        plan = plan_cascade(label, national_tots)
        built[label] = build(plan, course, countries, hosts)
        print(describe(built[label]))
        analyze()
        found = check(built[label], service_sample=None if label == a else 200)
        failures += found
        print(f"  checks: {'ok' if not found else f'{len(found)} FAILED'}")
        results[label] = measure_all(built[label], args.repeat)
    # The small cascade's answers do not change once a large one sits beside it.
    found = check(built[a], service_sample=None)
    failures += found
    print(f"{a} again, beside {b}: {'ok' if not found else f'{len(found)} FAILED'}")
    if args.explain:
        explain(built[b])

    small, large = built[a], built[b]
    print_table(small, large, results)
    print(f"\nmedian of {args.repeat} runs after one warm-up, {connection.vendor}")
    for name in OPERATIONS:
        if results[a][name].queries != results[b][name].queries:
            failures.append(f"{name}: query count depends on the size of the cascade")

    def ratio(name: str) -> float:
        return results[b][name].seconds / results[a][name].seconds

    rows = [subtree_memberships(b, b.plan.root_lead) for b in (small, large)]
    whole, subtree, *lineages = OPERATIONS
    print(
        f"promise, whole tree at most linear: memberships counted {rows[0]:,} -> {rows[1]:,} "
        f"(x{rows[1] / rows[0]:.1f}), time x{ratio(whole):.1f}: "
        + ("yes" if ratio(whole) <= rows[1] / rows[0] else "NO")
    )
    print(
        f"promise, lineages flat (x{FLAT} or less): "
        + ", ".join(f"{name.split(',')[0]} x{ratio(name):.2f}" for name in lineages)
        + (": yes" if all(ratio(name) <= FLAT for name in lineages) else ": NO")
    )
    counted = subtree_memberships(large, large.plan.subtree_lead)
    print(
        f"not promised, small subtree ({counted} memberships in both; cohorts "
        f"{len(small.cohorts):,} -> {len(large.cohorts):,}): time x{ratio(subtree):.2f}"
    )
    for failure in failures:
        print(f"FAIL {failure}", file=sys.stderr)
    print("answers and query counts: " + ("ok" if not failures else f"{len(failures)} FAILED"))
    return 1 if failures else 0


def main(run=run, description: str = __doc__) -> None:
    parser = argparse.ArgumentParser(description=description.splitlines()[0])
    target = parser.add_mutually_exclusive_group()
    target.add_argument("--database", help="a PostgreSQL server URL (a new database is made)")
    target.add_argument("--postgres", action="store_true", help="start a throw-away cluster")
    parser.add_argument("--large", type=int, default=100_000, help="participants, at least")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--explain", action="store_true", help="print a subtree query plan")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()
    if args.database and not args.database.startswith(("postgres://", "postgresql://")):
        parser.error("--database takes a postgres:// URL")
    if args.large < 2000:
        parser.error("--large: at least 2000 participants")

    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    sys.exit(with_bench_database(args, run, postgres=args.postgres))


def with_bench_database(args, run, *, postgres: bool) -> int:
    """Migrate a fresh database, run the bench in it, and drop it (unless --keep).

    `postgres`: a throw-away cluster on loopback; else `args.database` (a
    postgres:// URL) or, without one, SQLite.
    """
    server = throwaway_postgres() if postgres else None
    try:
        url = server.start() if server else args.database
        env, remove = fresh_postgres(url) if url else fresh_sqlite()
        os.environ.update(env)
        try:
            print(f"migrated in {migrate():.1f} s")
            return run(args)
        finally:
            from django.db import connections

            connections.close_all()
            if not args.keep or server:
                remove()
            else:
                print(f"kept {env['BENCH_DATABASE']}")
    finally:
        if server:
            server.stop()


if __name__ == "__main__":
    main()
