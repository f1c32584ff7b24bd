#!/usr/bin/env python
"""The NSG dashboard at 1,000 and at 1,000,000 enrolments, in the same run, on PostgreSQL.

    .venv/bin/python bench/dashboard.py                 (a throw-away PostgreSQL cluster)
    .venv/bin/python bench/dashboard.py --database postgres://user@host:port/db
    .venv/bin/python bench/dashboard.py --large 100000 --requests 10   (a quicker look)

Builds a world of --small cohort memberships (1,000) in a fresh PostgreSQL
database, measures it, then grows it to --large (1,000,000) and measures
again. The record follows the rules the services keep, written straight into
the tables with COPY (it is a bench): 6 countries with 20 organisations in 4
regions each; one participant per 10 memberships (100,000) and about one cohort
per 50 (20,000); four generations (an international ToT whose graduates are
master trainers, national ToTs they lead, then national trainings, youth
modules and second-wave ToTs led by the national ToTs' graduates, then
trainings and youth modules led by the second wave), each cohort below the
cohort that accredited its lead and led while that accreditation is valid;
lead trainers and some co-trainers; two sessions a cohort, attendance marked
for half the cohorts, completions, accreditations (with their certificates),
completion certificates for some, paper pre- and post-tests for some, people
learning online without a cohort, a few merged duplicates, a few cancelled
cohorts. Professionals sit in national trainings, young people in youth
modules, people in cohorts of their own country (in the 1k world, where a
country has fewer people than a cohort has members, of any country). The 1k
world has the same shape with 100 people in 33 cohorts: a cohort cannot have
more members than there are people of its kind.

At each size it measures, each in a process of its own as a worker or a web
process would run it:

  refresh  monitoring.services.snapshots.snapshots_refresh(): what Celery beat
           runs every MONITORING_REFRESH_MINUTES; its time bounds how stale the
           dashboard can be. With its peak memory (the process's VmHWM).
  period   dashboard_for(country, since=a year ago): a report of a period,
           always computed from the record (for information).
  page     the dashboard page through Django's test client, as an NSG member
           (their country) and as a coordinator (all countries), both signed
           in with their second factor: the first request of the process
           (it builds the page from the snapshot, as the first visitor after
           each refresh does), then median and 95th percentile of --requests
           requests after 3 warm-ups, with the queries of one.

The promise: the page at 1M takes at most twice as long as at 1k (median).
Exits non-zero when a page does not answer 200 or the promise is not met.
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import cascade  # bench/cascade.py, beside this script: the throw-away database

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PYTHON = sys.executable
PROMISE = 2.0
# The all-countries figures printed after each refresh: is the world what it should be?
HEADLINE = [
    "reached",
    "professionals",
    "young_people",
    "completed",
    "certified",
    "cohorts_held",
    "cohorts_running",
    "cohorts_planned",
    "trainers",
]

# (ISO code, name, language of its cohorts)
COUNTRIES = [
    ("BG", "Bulgaria", "bg"),
    ("EE", "Estonia", "et"),
    ("HU", "Hungary", "hu"),
    ("IT", "Italy", "it"),
    ("RO", "Romania", "ro"),
    ("BY", "Belarus", "ru"),
]
ORGANISATIONS_PER_COUNTRY = 20
REGIONS_PER_COUNTRY = 4
MEMBERSHIPS_PER_PERSON = 10
MEMBERSHIPS_PER_COHORT = 50
VALIDITY = datetime.timedelta(days=3 * 365)  # an accreditation, as the services grant it
# Shares of the record.
YOUNG = 0.35  # of the people in cohorts, young people (in youth modules)
ONLINE_ONLY = 0.03  # of the people, learning online without a cohort
WITH_ACCOUNT = 0.4  # of the professionals in cohorts
ALSO_ONLINE = 0.1  # of the professionals with an account, also enrolled online
GENERATION_3 = 0.35  # of the trainings and youth modules, led by the second wave
YOUTH_IN_GENERATION = {2: 0.4, 3: 0.5}
CO_TRAINED = 0.2  # cohorts with a co-trainer
CANCELLED = 0.01
ATTENDANCE_MARKED = 0.5  # cohorts whose trainers marked attendance
PRESENT = 0.85
COMPLETED = 0.7  # members of a held cohort who completed it
CERTIFIED = 0.05  # completed memberships with a certificate
REVOKED = 0.01
TESTED = 0.1  # held national trainings whose members took paper pre- and post-tests
MERGED = 0.002  # people recorded twice, merged
ENGLISH = 0.1  # cohorts held in English


def local(day: datetime.date, hour: int) -> datetime.datetime:
    from django.utils import timezone

    return datetime.datetime.combine(
        day, datetime.time(hour), tzinfo=timezone.get_default_timezone()
    )


# The plan: rows as plain values, worked out before anything is written.


@dataclass
class Person:
    id: int
    country: int  # index in COUNTRIES
    organisation: int | None
    young: bool = False
    user: int | None = None
    merged_into: int | None = None


@dataclass
class Accreditation:
    id: int
    person: int
    level: str
    country: int
    valid_from: datetime.date
    valid_until: datetime.date
    cohort: PlannedCohort | None


@dataclass
class PlannedCohort:
    id: int
    kind: str
    country: int
    generation: int
    parent: PlannedCohort | None
    lead: int
    starts_on: datetime.date
    ends_on: datetime.date
    organisation: int
    language: str
    members: list[int] = field(default_factory=list)
    co_trainer: int | None = None
    cancelled: bool = False

    @property
    def path(self) -> str:
        return f"{self.parent.path if self.parent else '/'}{self.id}/"


class Ids:
    """The next free primary key of each table: a second world goes on from the first."""

    def __init__(self):
        self.next: dict = {}

    def take(self, model, count: int = 1) -> int:
        if model not in self.next:
            from django.db.models import Max

            self.next[model] = (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
        first = self.next[model]
        self.next[model] += count
        return first


@dataclass
class Shared:
    """What both worlds share: countries, organisations, courses, tests, the people who look."""

    countries: list  # Country
    organisations: list[list[int]]  # ids by country
    courses: dict[str, object]  # kind → CoursePage
    lessons: dict[str, object]  # kind → its first LessonPage
    tests: dict[str, object]  # pre_test / post_test → Assessment
    coordinator: object
    nsg_member: object


@dataclass
class World:
    label: str
    people: list[Person]
    cohorts: list[PlannedCohort]
    accreditations: list[Accreditation]
    trainers: dict[int, list[Accreditation]]


def plan_world(label: str, memberships: int, shared: Shared, ids: Ids, seed: int) -> World:
    """A cascade of `memberships` cohort memberships over a tenth as many people."""
    from django.utils import timezone

    from courses.models import Cohort, Participant, TrainerAccreditation

    kind, level = Cohort.Kind, TrainerAccreditation.Level
    chance = random.Random(seed)
    today = timezone.localdate()
    start = today - datetime.timedelta(days=5 * 365)
    horizon = today + datetime.timedelta(days=180)  # cohorts are planned up to half a year ahead
    people_wanted = max(60, memberships // MEMBERSHIPS_PER_PERSON)
    cohorts_wanted = max(20, memberships // MEMBERSHIPS_PER_COHORT)
    countries = range(len(COUNTRIES))
    masters_per_country = max(1, round(11 * math.sqrt(cohorts_wanted / 20_000)))
    national_tots = max(len(COUNTRIES), round(cohorts_wanted * 0.01))
    second_tots = max(2, round(cohorts_wanted * 0.02))
    regular = max(6, cohorts_wanted - 1 - national_tots - second_tots)
    national_graduates = max(1, math.ceil((1 - GENERATION_3) * regular / national_tots / 3))
    second_graduates = max(1, math.ceil(GENERATION_3 * regular / second_tots / 2.5))

    people: list[Person] = []
    cohorts: list[PlannedCohort] = []
    accreditations: list[Accreditation] = []
    trainers: dict[int, list[Accreditation]] = {}

    def organisation(country: int) -> int:
        return chance.choice(shared.organisations[country])

    def new_people(count: int, country: int, **kwargs) -> list[int]:
        first = ids.take(Participant, count)
        made = [Person(first + n, country, organisation(country), **kwargs) for n in range(count)]
        people.extend(made)
        return [person.id for person in made]

    def accredit(person: int, grade: str, country: int, cohort, valid_from) -> Accreditation:
        accreditation = Accreditation(
            ids.take(TrainerAccreditation),
            person,
            grade,
            country,
            valid_from,
            valid_from + VALIDITY,
            cohort,
        )
        accreditations.append(accreditation)
        trainers.setdefault(person, []).append(accreditation)
        return accreditation

    def cohort(kind_, country, lead: Accreditation, starts_on, days, members=()) -> PlannedCohort:
        language = "en" if chance.random() < ENGLISH else COUNTRIES[country][2]
        planned = PlannedCohort(
            ids.take(Cohort),
            kind_,
            country,
            lead.cohort.generation + 1 if lead.cohort else 0,
            lead.cohort,
            lead.person,
            starts_on,
            starts_on + datetime.timedelta(days=days),
            organisation(country),
            language,
            list(members),
        )
        cohorts.append(planned)
        return planned

    def graduate(tot: PlannedCohort, grade: str) -> list[Accreditation]:
        return [accredit(person, grade, tot.country, tot, tot.ends_on) for person in tot.members]

    # Generation 0: an international ToT led by a master trainer a coordinator accredited.
    root = new_people(1, 0)[0]
    first = accredit(root, level.MASTER_TRAINER, 0, None, start - datetime.timedelta(days=365))
    accredit(root, level.MASTER_TRAINER, 0, None, first.valid_until + datetime.timedelta(days=1))
    masters = {country: new_people(masters_per_country, country) for country in countries}
    international = cohort(
        kind.INTERNATIONAL_TOT, 0, first, start, 4, [p for group in masters.values() for p in group]
    )
    master_accreditations: dict[int, list[Accreditation]] = {}
    for country, group in masters.items():
        for person in group:
            granted = accredit(
                person, level.MASTER_TRAINER, country, international, international.ends_on
            )
            master_accreditations.setdefault(country, []).append(granted)
            # Renewed by a coordinator when the first ran out.
            accredit(
                person,
                level.MASTER_TRAINER,
                country,
                None,
                granted.valid_until + datetime.timedelta(days=1),
            )

    # Generation 1: national ToTs led by the master trainers.
    national_trainers: list[Accreditation] = []
    for number in range(national_tots):
        country = number % len(COUNTRIES)
        lead = master_accreditations[country][number // len(COUNTRIES) % masters_per_country]
        starts_on = start + datetime.timedelta(days=chance.randint(30, 365))
        tot = cohort(kind.NATIONAL_TOT, country, lead, starts_on, 4)
        tot.members = new_people(national_graduates, country)
        national_trainers += graduate(tot, level.TRAINER)
    chance.shuffle(national_trainers)

    # Generation 2: second-wave ToTs, late in their leads' accreditation.
    second_wave: list[Accreditation] = []
    for number in range(second_tots):
        lead = national_trainers[number % len(national_trainers)]
        earliest = max(
            lead.valid_from + datetime.timedelta(days=30),
            lead.valid_until - datetime.timedelta(days=365),
        )
        latest = lead.valid_until - datetime.timedelta(days=10)
        starts_on = earliest + datetime.timedelta(days=chance.randint(0, (latest - earliest).days))
        tot = cohort(kind.NATIONAL_TOT, lead.country, lead, starts_on, 4)
        tot.members = new_people(second_graduates, lead.country)
        second_wave += graduate(tot, level.TRAINER)
    chance.shuffle(second_wave)

    # The people the trainings reach: professionals and young people of each country.
    in_tots = len(people)
    online_only = max(1, round(people_wanted * ONLINE_ONLY))
    learners = max(2 * len(COUNTRIES), people_wanted - in_tots - online_only)
    pools: dict[tuple[bool, int | None], list[int]] = {}
    for number in range(learners):
        country = number % len(COUNTRIES)
        young = number % 100 < YOUNG * 100
        person = new_people(1, country, young=young)[0]
        if young and chance.random() < 0.5:
            people[-1].organisation = None  # not every young person names a care setting
        pools.setdefault((young, country), []).append(person)
        pools.setdefault((young, None), []).append(person)
    new_people_online = []
    for number in range(online_only):
        new_people_online += new_people(1, number % len(COUNTRIES))

    # Generations 2 and 3: national trainings and youth modules, led by the two waves.
    remaining = memberships - sum(len(c.members) for c in cohorts)
    weights = [chance.uniform(0.5, 1.5) for _ in range(regular)]
    scale = remaining / sum(weights)
    sizes = [max(1, int(weight * scale)) for weight in weights]
    overflow = remaining - sum(sizes)
    number = 0
    while remaining > 0:
        generation = 2 if number < (1 - GENERATION_3) * regular else 3
        youth = chance.random() < YOUTH_IN_GENERATION[generation]
        leads = national_trainers if generation == 2 else second_wave
        lead = leads[number % len(leads)]
        wanted = sizes[number] if number < regular else chance.randint(25, 75)
        if number < regular and overflow > 0:
            wanted, overflow = wanted + 1, overflow - 1
        pool = pools.get((youth, lead.country), [])
        if len(pool) < 2 * wanted:
            pool = pools[(youth, None)]
        size = min(wanted, len(pool), remaining)
        if number < regular:
            overflow += wanted - size  # a pool too small: more cohorts take the rest
        days = chance.randint(0, 40 if youth else 20)
        earliest = lead.valid_from + datetime.timedelta(days=7)
        latest = min(lead.valid_until, horizon) - datetime.timedelta(days=days)
        span = max(0, (latest - earliest).days)
        starts_on = earliest + datetime.timedelta(days=chance.randint(0, span))
        planned = cohort(
            kind.YOUTH_MODULE if youth else kind.NATIONAL_TRAINING,
            lead.country,
            lead,
            starts_on,
            days,
            chance.sample(pool, size),
        )
        if chance.random() < CO_TRAINED:
            other = leads[chance.randrange(len(leads))]
            if other.person != lead.person and other.country == lead.country:
                planned.co_trainer = other.person
        planned.cancelled = chance.random() < CANCELLED
        remaining -= size
        number += 1

    # Accounts: every trainer, some professionals, everyone learning online.
    from accounts.models import User

    by_id = {person.id: person for person in people}
    online = set(new_people_online)
    with_account = [p for p in people if p.id in trainers or p.id in online]
    with_account += [
        person
        for key, pool in pools.items()
        if key[1] is None and not key[0]
        for person in (by_id[i] for i in pool)
        if chance.random() < WITH_ACCOUNT
    ]
    first_user = ids.take(User, len(with_account))
    for number, person in enumerate(with_account):
        person.user = first_user + number
    # A few people recorded twice (by two trainers), merged into one record.
    for (_young, country), pool in pools.items():
        if country is None:
            continue
        for person in pool:
            if chance.random() < MERGED:
                survivor = chance.choice(pool)
                if survivor != person and by_id[survivor].merged_into is None:
                    by_id[person].merged_into = survivor
    return World(label, people, cohorts, accreditations, trainers)


# Writing: COPY straight into the tables.


def copy(model, columns: list[str], rows: Iterable[tuple]) -> int:
    """Write rows into `model`'s table with COPY; the other columns take the model's defaults."""
    from django.db import connection, models

    fields = {f.attname: f for f in model._meta.concrete_fields}
    fill_names, fill = [], []
    for name, model_field in fields.items():
        if name in columns:
            continue
        if model_field.has_default():
            default = model_field.default
            if isinstance(model_field, models.JSONField):
                default = json.dumps(default() if callable(default) else default)
        elif model_field.null:
            default = None
        elif getattr(model_field, "auto_now", False) or getattr(model_field, "auto_now_add", False):
            from django.utils import timezone

            default = timezone.now()
        elif isinstance(model_field, models.CharField | models.TextField | models.FileField):
            default = ""
        else:
            raise ValueError(f"{model.__name__}.{name} needs a value")
        fill_names.append(name)
        fill.append(default)
    callables = [index for index, value in enumerate(fill) if callable(value)]
    names = [fields[name].column for name in [*columns, *fill_names]]
    statement = f"COPY {model._meta.db_table} ({', '.join(names)}) FROM STDIN"
    count = 0
    with connection.cursor() as cursor, cursor.cursor.copy(statement) as stream:
        for row in rows:
            values = list(fill)
            for index in callables:
                values[index] = fill[index]()
            stream.write_row((*row, *values))
            count += 1
    return count


def write_world(world: World, shared: Shared, ids: Ids, seed: int) -> dict[str, int]:
    """Every table of the world; returns the rows written, by table."""
    from django.core.management.color import no_style
    from django.db import connection
    from django.utils import timezone

    from accounts.models import User
    from assessments.models import Attempt
    from certificates.models import Certificate, Kind
    from courses.models import (
        Attendance,
        Cohort,
        CohortMembership,
        CohortSession,
        CohortTrainer,
        Enrolment,
        LessonProgress,
        Participant,
        TrainerAccreditation,
    )

    chance = random.Random(seed + 1)
    now = timezone.now()
    today = timezone.localdate()
    countries = shared.countries
    written: dict[str, int] = {}
    people = {person.id: person for person in world.people}

    def language_of(person: Person) -> str:
        return COUNTRIES[person.country][2]

    written["users"] = copy(
        User,
        [
            "id",
            "password",
            "username",
            "email",
            "is_superuser",
            "is_staff",
            "is_active",
            "date_joined",
            "preferred_language",
        ],
        (
            (
                person.user,
                "!",  # no password: nobody signs in as them
                f"bench-{person.user}",
                f"bench-{person.user}@example.org",
                False,
                False,
                True,
                now,
                language_of(person),
            )
            for person in world.people
            if person.user
        ),
    )
    written["participants"] = copy(
        Participant,
        [
            "id",
            "user_id",
            "display_name",
            "age_band",
            "country_id",
            "organisation_id",
            "merged_into_id",
            "created_at",
        ],
        (
            (
                person.id,
                person.user,
                f"P{person.id}",
                (Participant.AgeBand.AGE_14_17 if person.id % 2 else Participant.AgeBand.AGE_18_21)
                if person.young
                else Participant.AgeBand.ADULT,
                countries[person.country].pk,
                person.organisation,
                person.merged_into,
                now,
            )
            for person in world.people
        ),
    )

    def status(cohort: PlannedCohort) -> str:
        if cohort.cancelled:
            return Cohort.Status.CANCELLED
        if cohort.starts_on > today:
            return Cohort.Status.PLANNED
        return Cohort.Status.RUNNING if cohort.ends_on >= today else Cohort.Status.COMPLETED

    def course_kind(cohort: PlannedCohort) -> str:
        if cohort.kind in Cohort.TRAINS_TRAINERS:
            return "tot"
        return "youth" if cohort.kind == Cohort.Kind.YOUTH_MODULE else "training"

    written["cohorts"] = copy(
        Cohort,
        [
            "id",
            "name",
            "course_id",
            "kind",
            "status",
            "country_id",
            "language",
            "host_organisation_id",
            "starts_on",
            "ends_on",
            "invite_code",
            "parent_id",
            "generation",
            "cascade_path",
            "created_at",
        ],
        (
            (
                cohort.id,
                f"{world.label} {cohort.kind.replace('_', ' ')} {cohort.id}",
                shared.courses[course_kind(cohort)].pk,
                cohort.kind,
                status(cohort),
                countries[cohort.country].pk,
                cohort.language,
                cohort.organisation,
                cohort.starts_on,
                cohort.ends_on,
                f"B{cohort.id:09d}",
                cohort.parent.id if cohort.parent else None,
                cohort.generation,
                cohort.path,
                now,
            )
            for cohort in world.cohorts
        ),
    )
    first = ids.take(CohortTrainer, 2 * len(world.cohorts))
    written["cohort trainers"] = copy(
        CohortTrainer,
        ["id", "cohort_id", "participant_id", "role"],
        (
            (first + 2 * number + second, cohort.id, person, role)
            for number, cohort in enumerate(world.cohorts)
            for second, (person, role) in enumerate(
                [(cohort.lead, CohortTrainer.Role.LEAD)]
                + (
                    [(cohort.co_trainer, CohortTrainer.Role.CO_TRAINER)]
                    if cohort.co_trainer
                    else []
                )
            )
        ),
    )

    # Memberships, and who completed: everyone in a ToT (they were accredited), most
    # members of a held cohort.
    completed: dict[tuple[int, int], datetime.datetime] = {}
    membership_ids: dict[tuple[int, int], int] = {}
    first = ids.take(CohortMembership, sum(len(c.members) for c in world.cohorts))
    rows = []
    for cohort in world.cohorts:
        held = not cohort.cancelled and cohort.ends_on < today
        joined = local(cohort.starts_on - datetime.timedelta(days=7), 12)
        for person in cohort.members:
            done = None
            if held and (cohort.kind in Cohort.TRAINS_TRAINERS or chance.random() < COMPLETED):
                done = local(cohort.ends_on, 17)
                completed[(cohort.id, person)] = done
            membership_ids[(cohort.id, person)] = first + len(rows)
            rows.append((first + len(rows), cohort.id, person, joined, done))
    written["memberships"] = copy(
        CohortMembership, ["id", "cohort_id", "participant_id", "joined_at", "completed_at"], rows
    )
    del rows

    # Two sessions a cohort, its first and its last day; attendance for half the cohorts.
    first = ids.take(CohortSession, 2 * len(world.cohorts))
    sessions = []
    for number, cohort in enumerate(world.cohorts):
        sessions.append((first + 2 * number, cohort, local(cohort.starts_on, 9)))
        sessions.append((first + 2 * number + 1, cohort, local(cohort.ends_on, 14)))
    written["sessions"] = copy(
        CohortSession,
        ["id", "cohort_id", "starts_at", "place"],
        ((pk, cohort.id, starts_at, "Training room") for pk, cohort, starts_at in sessions),
    )
    marked = {
        cohort.id
        for cohort in world.cohorts
        if not cohort.cancelled and chance.random() < ATTENDANCE_MARKED
    }
    marks = [
        (session, cohort.members, starts_at)
        for session, cohort, starts_at in sessions
        if cohort.id in marked and starts_at <= now
    ]
    first = ids.take(Attendance, sum(len(members) for _, members, _ in marks))

    def attendance_rows():
        number = first
        for session, members, starts_at in marks:
            marked_at = starts_at + datetime.timedelta(hours=3)
            for person in members:
                present = chance.random() < PRESENT
                status = Attendance.Status.PRESENT if present else Attendance.Status.ABSENT
                yield (number, session, person, status, marked_at)
                number += 1

    written["attendance marks"] = copy(
        Attendance, ["id", "session_id", "participant_id", "status", "marked_at"], attendance_rows()
    )

    written["accreditations"] = copy(
        TrainerAccreditation,
        [
            "id",
            "participant_id",
            "level",
            "country_id",
            "valid_from",
            "valid_until",
            "granted_by_cohort_id",
            "granted_by_id",
            "granted_at",
        ],
        (
            (
                a.id,
                a.person,
                a.level,
                countries[a.country].pk,
                a.valid_from,
                a.valid_until,
                a.cohort.id if a.cohort else None,
                None if a.cohort else shared.coordinator.pk,
                local(a.valid_from, 18),
            )
            for a in world.accreditations
        ),
    )

    # Online: people without a cohort, and some professionals with an account besides.
    in_cohorts = {person for cohort in world.cohorts for person in cohort.members}
    start = today - datetime.timedelta(days=5 * 365)
    enrolments = []
    for person in world.people:
        if not person.user or person.id in world.trainers:
            continue
        online_only = person.id not in in_cohorts
        if not online_only and chance.random() >= ALSO_ONLINE:
            continue
        courses = ["training"] + (["youth"] if online_only and chance.random() < 0.3 else [])
        for course in courses:
            enrolled = local(start + datetime.timedelta(days=chance.randint(0, 5 * 365)), 20)
            done = enrolled + datetime.timedelta(days=30)
            enrolments.append(
                (
                    person.user,
                    course,
                    enrolled,
                    done if chance.random() < 0.4 and done < now else None,
                )
            )
    first = ids.take(Enrolment, len(enrolments))
    written["online enrolments"] = copy(
        Enrolment,
        ["id", "user_id", "course_id", "course_key", "enrolled_at", "completed_at"],
        (
            (
                first + n,
                user,
                shared.courses[course].pk,
                shared.courses[course].translation_key,
                enrolled,
                done,
            )
            for n, (user, course, enrolled, done) in enumerate(enrolments)
        ),
    )
    first = ids.take(LessonProgress, len(enrolments))
    written["lessons opened"] = copy(
        LessonProgress,
        [
            "id",
            "user_id",
            "lesson_id",
            "lesson_key",
            "course_key",
            "started_at",
            "last_viewed_at",
        ],
        (
            (
                first + n,
                user,
                shared.lessons[course].pk,
                shared.lessons[course].translation_key,
                shared.courses[course].translation_key,
                min(now, enrolled + datetime.timedelta(hours=1)),
                min(now, enrolled + datetime.timedelta(hours=1)),
            )
            for n, (user, course, enrolled, _done) in enumerate(enrolments)
        ),
    )

    # Paper pre- and post-tests in some held national trainings (one result per person).
    tested, attempts = set(), []
    for cohort in world.cohorts:
        if (
            cohort.kind != Cohort.Kind.NATIONAL_TRAINING
            or cohort.cancelled
            or cohort.ends_on >= today
            or chance.random() >= TESTED
        ):
            continue
        for person in cohort.members:
            if person in tested:
                continue
            tested.add(person)
            pre = min(100, max(0, round(chance.gauss(45, 12))))
            post = min(100, max(0, round(chance.gauss(72, 12))))
            attempts.append((person, cohort, "pre_test", pre, local(cohort.starts_on, 10)))
            attempts.append((person, cohort, "post_test", post, local(cohort.ends_on, 16)))
    first = ids.take(Attempt, len(attempts))
    course_key = shared.courses["training"].translation_key
    written["test results"] = copy(
        Attempt,
        [
            "id",
            "participant_id",
            "assessment_id",
            "activity_key",
            "course_key",
            "kind",
            "cohort_id",
            "source",
            "submitted_at",
            "score",
            "max_score",
            "percent",
        ],
        (
            (
                first + n,
                person,
                shared.tests[kind].pk,
                shared.tests[kind].translation_key,
                course_key,
                kind,
                cohort.id,
                Attempt.Source.PAPER,
                submitted,
                Decimal(percent),
                Decimal(100),
                Decimal(percent),
            )
            for n, (person, cohort, kind, percent, submitted) in enumerate(attempts)
        ),
    )

    # Certificates: every accreditation from a ToT, and some completions.
    certificates = [
        (
            "accreditation",
            a.person,
            None,
            a.id,
            a.valid_from,
            a.valid_until,
            local(a.valid_from, 19),
            f"accreditation:{a.id}",
        )
        for a in world.accreditations
        if a.cohort is not None
    ]
    by_id = {cohort.id: cohort for cohort in world.cohorts}
    for (cohort_id, person), done in completed.items():
        cohort = by_id[cohort_id]
        if cohort.kind in Cohort.TRAINS_TRAINERS or chance.random() >= CERTIFIED:
            continue
        certificates.append(
            (
                Kind.YOUTH if cohort.kind == Cohort.Kind.YOUTH_MODULE else Kind.COMPLETION,
                person,
                cohort,
                None,
                cohort.ends_on,
                None,
                done + datetime.timedelta(days=1),
                f"membership:{membership_ids[(cohort_id, person)]}",
            )
        )
    first = ids.take(Certificate, len(certificates))
    status_index = Certificate.objects.count()
    written["certificates"] = copy(
        Certificate,
        [
            "id",
            "kind",
            "participant_id",
            "cohort_id",
            "course_id",
            "course_key",
            "accreditation_id",
            "language",
            "holder_name",
            "status_index",
            "valid_from",
            "valid_until",
            "issued_at",
            "idempotency_key",
            "revoked_at",
            "revocation_reason",
        ],
        (
            (
                first + n,
                kind,
                person,
                cohort.id if cohort else None,
                shared.courses[course_kind(cohort)].pk if cohort else None,
                shared.courses[course_kind(cohort)].translation_key if cohort else None,
                accreditation,
                COUNTRIES[people[person].country][2],
                f"P{person}",
                status_index + n,
                valid_from,
                valid_until,
                issued,
                key,
                *(
                    (issued + datetime.timedelta(days=10), "Issued by mistake.")
                    if n % round(1 / REVOKED) == 0
                    else (None, "")
                ),
            )
            for n, (kind, person, cohort, accreditation, valid_from, valid_until, issued, key) in (
                enumerate(certificates)
            )
        ),
    )
    models = [
        User,
        Participant,
        Cohort,
        CohortTrainer,
        CohortMembership,
        CohortSession,
        Attendance,
        TrainerAccreditation,
        Enrolment,
        LessonProgress,
        Attempt,
        Certificate,
    ]
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
    return written


def prepare_shared() -> Shared:
    """Countries, organisations, courses, tests and the two people who look at the figures."""
    from django.contrib.auth import get_user_model

    from accounts.models import RoleAssignment
    from assessments.models import Assessment
    from courses.models import Country, Organisation
    from tests.factories import build_course

    countries, organisations = [], []
    for code, name, _language in COUNTRIES:
        country, _ = Country.objects.get_or_create(code=code, defaults={"name": name})
        countries.append(country)
        organisations.append(
            [
                Organisation.objects.create(
                    country=country,
                    name=f"{name} organisation {number + 1}",
                    region=f"{name} region {number % REGIONS_PER_COUNTRY + 1}",
                    kind=Organisation.Kind.NGO if number % 3 else Organisation.Kind.PUBLIC_AGENCY,
                ).pk
                for number in range(ORGANISATIONS_PER_COUNTRY)
            ]
        )
    courses, lessons = {}, {}
    for kind in ("tot", "training", "youth"):
        tree = build_course(modules=1, lessons_per_module=2, slug=f"bench-{kind}")
        courses[kind], lessons[kind] = tree.course, tree.lessons[0]
    tests = {
        kind: Assessment.objects.create(
            kind=kind, course=courses["training"], title=kind.replace("_", " "), questions=[]
        )
        for kind in (Assessment.Kind.PRE_TEST, Assessment.Kind.POST_TEST)
    }
    users = get_user_model().objects
    coordinator = users.create_user(
        username="bench-coordinator", email="coordinator@bench.example.org"
    )
    RoleAssignment.objects.create(user=coordinator, role=RoleAssignment.Role.COORDINATOR)
    nsg_member = users.create_user(username="bench-nsg", email="nsg@bench.example.org")
    RoleAssignment.objects.create(
        user=nsg_member, role=RoleAssignment.Role.NSG_MEMBER, country=countries[0]
    )
    return Shared(countries, organisations, courses, lessons, tests, coordinator, nsg_member)


def analyze() -> float:
    from django.db import connection

    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    return time.perf_counter() - started


def totals() -> dict[str, int]:
    from courses.models import Cohort, CohortMembership, Participant

    return {
        "memberships": CohortMembership.objects.count(),
        "participants": Participant.objects.count(),
        "cohorts": Cohort.objects.count(),
    }


# Measuring, each in a process of its own.


def peak_mib() -> float:
    """This process's peak resident memory since it started its program.

    Linux keeps ru_maxrss across exec, so a child started by a big parent would
    inherit the parent's peak; VmHWM belongs to the program's own memory.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_refresh(profile: bool) -> dict:
    from monitoring.models import FigureSnapshot
    from monitoring.services.snapshots import snapshots_refresh

    before = peak_mib()
    started = time.perf_counter()
    if profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        figures = profiler.runcall(snapshots_refresh)
        stats = pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative")
        stats.print_stats(40)
        stats.sort_stats("tottime").print_stats(25)
    else:
        figures = snapshots_refresh()
    seconds = time.perf_counter() - started
    headline = figures[None].tables["by_generation"].total.values
    stored = sum(
        len(json.dumps(figures))
        for figures in FigureSnapshot.objects.values_list("figures", flat=True)
    )
    return {
        "seconds": seconds,
        "peak_mib": peak_mib(),
        "start_mib": before,
        "snapshot_kib": stored / 1024,
        "headline": {measure: headline.get(measure) for measure in HEADLINE},
    }


def child_period() -> dict:
    from django.utils import timezone

    from courses.models import Country
    from monitoring.selectors.dashboard import dashboard_for

    country = Country.objects.get(code=COUNTRIES[0][0])
    since = timezone.localdate() - datetime.timedelta(days=365)
    started = time.perf_counter()
    dashboard = dashboard_for(country, since=since)
    seconds = time.perf_counter() - started
    reached = dashboard.totals.cell("reached")
    return {
        "seconds": seconds,
        "peak_mib": peak_mib(),
        "reached": None if reached.hidden else reached.value,
    }


def dashboard_paths(country) -> dict[str, str]:
    """The dashboard of one country (an NSG member's) and of all countries (a coordinator's)."""
    from django.urls import reverse

    from monitoring.guards import scope_slug

    return {
        "country": reverse("monitoring:country", args=[scope_slug(country)]),
        "all countries": reverse("monitoring:all_countries"),
    }


def child_page(requests: int) -> dict:
    try:
        return _measure_pages(requests)
    except Exception as error:  # the page is not there, or broke: say so, measure the rest
        return {"error": f"{type(error).__name__}: {error}"}


def _measure_pages(requests: int) -> dict:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone, translation

    from courses.models import Country
    from monitoring.models import FigureSnapshot
    from monitoring.selectors.dashboard import refresh_minutes
    from tests.factories import staff_with_mfa

    country = Country.objects.get(code=COUNTRIES[0][0])
    with translation.override("en"):
        paths = dashboard_paths(country)
    # A snapshot older than the interval would make the page ask for a refresh,
    # which runs in the request when Celery has no broker: measure fresh figures only.
    computed_at = FigureSnapshot.objects.get(country=None).computed_at
    if timezone.now() - computed_at > datetime.timedelta(minutes=refresh_minutes()):
        return {"error": f"the snapshot of {computed_at} is older than the refresh interval"}
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    viewers = {
        "country": users.get(username="bench-nsg"),
        "all countries": users.get(username="bench-coordinator"),
    }
    results = {}
    for name, path in paths.items():
        client = Client()
        staff_with_mfa(client, viewers[name])
        first = None
        for _ in range(3):  # warm up: templates, translations, the process's caches
            started = time.perf_counter()
            response = client.get(path)
            # The first request of the process builds the page from the snapshot,
            # as the first visitor after each refresh does; the others are served
            # from what it kept (monitoring/selectors/dashboard.py, views.py).
            first = first if first is not None else time.perf_counter() - started
            if response.status_code != 200:
                return {"error": f"{path} answered {response.status_code}"}
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        query_count = len(queries)  # read now: the next request clears the connection's log
        times = []
        for _ in range(requests):
            started = time.perf_counter()
            response = client.get(path)
            times.append(time.perf_counter() - started)
            if response.status_code != 200:
                return {"error": f"{path} answered {response.status_code}"}
        times.sort()
        results[name] = {
            "path": path,
            "first": first,
            "median": statistics.median(times),
            "p95": times[min(len(times) - 1, math.ceil(0.95 * len(times)) - 1)],
            "queries": query_count,
            "kib": len(response.content) / 1024,
        }
    return results


def run_child(what: str, *options: str) -> dict:
    """Runs one measurement in a fresh process, as a worker or a web process would."""
    result = subprocess.run(
        [PYTHON, str(Path(__file__).resolve()), "--child", what, *options],
        env={**os.environ},
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        raise SystemExit(f"the {what} measurement failed")
    if "--profile" in options:
        report = ROOT / ".tmp" / "bench" / f"dashboard-{what}.txt"
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(result.stderr)
        print(f"  ({what}: its profile is in {report.relative_to(ROOT)})")
    return json.loads(result.stdout.strip().splitlines()[-1])


def child_main(what: str, args) -> None:
    import django

    django.setup()
    if what == "refresh":
        result = child_refresh(args.profile)
    elif what == "period":
        result = child_period()
    else:
        result = child_page(args.requests)
    print(json.dumps(result))


# The run.


def milliseconds(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms"


def run(args) -> int:
    import django

    django.setup()
    from django.db import connection

    from monitoring.selectors.dashboard import refresh_minutes

    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
    print(
        "load average (1, 5, 15 min) at the start: "
        + ", ".join(f"{x:.1f}" for x in os.getloadavg())
    )
    started = time.perf_counter()
    shared = prepare_shared()
    print(f"countries, organisations, courses and staff in {time.perf_counter() - started:.1f} s")
    ids = Ids()
    measured: dict[str, dict] = {}
    sizes = [("1k", args.small), (f"{args.large // 1000:,}k", args.large - args.small)]
    if args.large >= 1_000_000:
        sizes[1] = (f"{args.large / 1_000_000:g}M", args.large - args.small)
    for number, (label, memberships) in enumerate(sizes):
        print(f"\n{label}: adding {memberships:,} memberships")
        started = time.perf_counter()
        world = plan_world(label, memberships, shared, ids, seed=2026 + number)
        print(f"  planned in {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        written = write_world(world, shared, ids, seed=2026 + number)
        print(
            f"  written in {time.perf_counter() - started:.1f} s: "
            + ", ".join(f"{count:,} {table}" for table, count in written.items())
        )
        del world
        print(f"  VACUUM ANALYZE in {analyze():.1f} s")
        sizes_now = totals()
        print(
            "  the record now: "
            + ", ".join(f"{count:,} {name}" for name, count in sizes_now.items())
        )
        profile = args.profile and number == len(sizes) - 1
        refresh = run_child("refresh", *(["--profile"] if profile else []))
        print(
            f"  refresh (snapshots_refresh{', under cProfile' if profile else ''}): "
            f"{refresh['seconds']:.1f} s, peak memory "
            f"{refresh['peak_mib']:,.0f} MiB (the process began at {refresh['start_mib']:,.0f} "
            f"MiB), snapshots {refresh['snapshot_kib']:,.0f} KiB"
        )
        print(
            "  all countries: "
            + ", ".join(
                f"{count:,} {name.replace('_', ' ')}"
                for name, count in refresh["headline"].items()
                if count is not None
            )
        )
        period = run_child("period")
        print(
            f"  a year's report of one country (dashboard_for(country, since=…)): "
            f"{period['seconds']:.1f} s, peak memory {period['peak_mib']:,.0f} MiB"
        )
        page = run_child("page", "--requests", str(args.requests))
        if "error" in page:
            print(f"  page: {page['error']}")
        else:
            for name, figures in page.items():
                print(
                    f"  page, {name} ({figures['path']}): first {milliseconds(figures['first'])}, "
                    f"median {milliseconds(figures['median'])}"
                    f", p95 {milliseconds(figures['p95'])}, {figures['queries']} queries, "
                    f"{figures['kib']:,.0f} KiB"
                )
        measured[label] = {"totals": sizes_now, "refresh": refresh, "period": period, "page": page}

    (small, _), (large, _) = sizes
    a, b = measured[small], measured[large]
    print(f"\n| | {small} | {large} | {large} / {small} |")
    print("|---|---:|---:|---:|")
    for name in ("memberships", "participants", "cohorts"):
        print(f"| {name} | {a['totals'][name]:,} | {b['totals'][name]:,} | |")
    verdict = 0
    if "error" in a["page"] or "error" in b["page"]:
        print("| dashboard page | not measured | not measured | |")
        verdict = 1
    else:
        for name in a["page"]:
            for statistic in ("first", "median", "p95"):
                x, y = a["page"][name][statistic], b["page"][name][statistic]
                print(
                    f"| page, {name}, {statistic} | {milliseconds(x)} | {milliseconds(y)} "
                    f"| {y / x:.2f} |"
                )
    for name in ("refresh", "period"):
        x, y = a[name]["seconds"], b[name]["seconds"]
        print(f"| {name} | {x:,.2f} s | {y:,.2f} s | {y / x:,.0f} |")
        print(
            f"| {name}, peak memory | {a[name]['peak_mib']:,.0f} MiB | "
            f"{b[name]['peak_mib']:,.0f} MiB | |"
        )
    print(f"\n{args.requests} requests a page after 3 warm-ups, Django's test client")
    if not verdict:
        for name in a["page"]:
            ratio = b["page"][name]["median"] / a["page"][name]["median"]
            print(
                f"ratio {large}/{small}, page, {name} (median) = {ratio:.2f} "
                f"(promise <= {PROMISE:.2f}): {'met' if ratio <= PROMISE else 'NOT met'}"
            )
            if ratio > PROMISE:
                verdict = 1
    minutes = refresh_minutes()
    worst = 2 * minutes * 60 + b["refresh"]["seconds"]
    print(
        f"staleness at {large}: a snapshot takes {b['refresh']['seconds']:.0f} s to compute; "
        f"refreshed every {minutes} min, a figure is at most about {worst / 60:.0f} min old"
    )
    print(
        "load average (1, 5, 15 min) at the end: " + ", ".join(f"{x:.1f}" for x in os.getloadavg())
    )
    return verdict


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", help="a PostgreSQL server URL (a new database is made)")
    parser.add_argument("--small", type=int, default=1_000, help="memberships of the small world")
    parser.add_argument("--large", type=int, default=1_000_000, help="memberships in the end")
    parser.add_argument("--requests", type=int, default=30, help="timed requests a page")
    parser.add_argument("--profile", action="store_true", help="profile the large refresh")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--child", choices=["refresh", "period", "page"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    if args.child:
        child_main(args.child, args)
        return
    if args.database and not args.database.startswith(("postgres://", "postgresql://")):
        parser.error("--database takes a postgres:// URL")
    if args.large < 10 * args.small:
        parser.error("--large: at least ten times --small")

    began = time.perf_counter()
    code = cascade.with_bench_database(args, run, postgres=not args.database)
    print(f"the whole bench: {(time.perf_counter() - began) / 60:.1f} min")
    sys.exit(code)


if __name__ == "__main__":
    main()
