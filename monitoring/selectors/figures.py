"""The aggregate layer: every figure an NSG sees, computed once, here.

One pass over the record (courses, certificates and assessments, read through
their selectors as plain rows) yields the figures of every country and of all
countries together, so that a country's dashboard and its row in the
all-countries view can never disagree. docs/monitoring.md defines each figure;
tests/monitoring recount every one of them in raw SQL.

The rules in short:
- A person is counted once, under merged records' surviving person, for the
  country on their own record (else their first cohort's), and in one row of
  each other breakdown: the row of the cohort that first reached them (the
  first cohort they sat in that has started; for people learning only online,
  their first enrolment and the organisation they gave).
- A person is reached when that cohort starts (or when they enrol online);
  young people are those reached by a youth module, professionals everyone else.
- Each event counts on its own date: reached, took part (first presence, first
  lesson opened or first completion), completed (first completion), certified
  (first certificate not revoked). A period counts the events inside it; "by
  month" puts each event in its own month. The funnel follows the people
  reached in the period to where they stand at its end.
- Cohorts count by their dates as of the period's end: planned (not started),
  running, held (ended, within the period); cancelled cohorts never count, but
  one cancelled after it accredited trainers still gives them their rows.
- The whole pass reads one state of the record: one read-only transaction,
  REPEATABLE READ on PostgreSQL.

Counts are raw here; suppression.py protects small numbers before anyone sees them.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import partial

from django.db import connection, transaction
from django.utils import timezone

from assessments.selectors.gain import test_result_facts
from certificates.selectors.listing import certificate_facts
from courses.models import Cohort, CohortTrainer, TrainerAccreditation
from courses.selectors import facts

from ..figures import BREAKDOWN_MEASURES, BREAKDOWNS, Figures, Row, Table

EXPIRING_WITHIN_DAYS = 90
ACTIVE_WITHIN_DAYS = 365
TREE_LIMIT = 200
ALL = None  # the scope of all countries together

LEVELS = [TrainerAccreditation.Level.MASTER_TRAINER, TrainerAccreditation.Level.TRAINER]
FUNNEL = ["enrolled", "attended", "completed", "certified"]
CERTIFICATE_KINDS = ["completion", "youth", "accreditation"]
# "active": accredited and led or co-led a cohort running in the last 365 days.
TRAINER_STATUSES = ("accredited", "active", "expiring", "expired")


def _key(value) -> str:
    return "" if value is None else str(value)


def _month(day: datetime.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _day(moment, zone: datetime.tzinfo) -> datetime.date | None:
    """The local date of a moment in `zone` (the site's time zone, read once per pass)."""
    if moment is None:
        return None
    if isinstance(moment, datetime.datetime):
        return moment.astimezone(zone).date()
    return moment


def _earliest(*days):
    present = [day for day in days if day is not None]
    return min(present) if present else None


@dataclass
class Window:
    since: datetime.date | None
    until: datetime.date

    def __contains__(self, day) -> bool:
        return day is not None and (self.since is None or day >= self.since) and day <= self.until


@dataclass
class Person:
    """One reached person as the figures see them (after merging)."""

    id: int
    country: str
    reached_on: datetime.date
    young: bool
    rows: dict[str, str]  # breakdown → row key
    attended_on: datetime.date | None
    completed_on: datetime.date | None
    certified_on: datetime.date | None


@dataclass
class Trainer:
    """One trainer as of the period's end, at the level of their chosen accreditation."""

    level: str
    status: str  # "accredited", "expiring" or "expired"
    country: str
    valid_from: datetime.date  # the chosen accreditation's
    active: bool
    rows: dict[str, str]  # breakdown → row key ("month": valid_from's; "total": "")


class _Accumulator:
    """Counts for one scope: {table: {row key: {measure: value}}}."""

    def __init__(self):
        self.cells = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
        # measure → (table, row) → people; each person is visited once per scope
        self.people = defaultdict(lambda: defaultdict(int))
        self.funnel = dict.fromkeys(FUNNEL, 0)
        self.gains = defaultdict(lambda: defaultdict(list))  # table → row → gains
        self.attendance = defaultdict(lambda: [0, 0])  # (table, row) → [present, expected]
        self.members = defaultdict(int)  # (table, row) → memberships the attendance covers

    def add(self, table: str, row: str, measure: str, amount: int = 1) -> None:
        self.cells[table][row][measure] += amount


def _rooted(people: dict[int, facts.PersonFact]) -> dict[int, int]:
    def root(person_id: int) -> int:
        seen = set()
        while person_id in people and people[person_id].merged_into_id and person_id not in seen:
            seen.add(person_id)
            person_id = people[person_id].merged_into_id
        return person_id

    return {person_id: root(person_id) for person_id in people}


def all_figures(
    *, until: datetime.date | None = None, since: datetime.date | None = None
) -> dict[int | None, Figures]:
    """The figures of every country, and of all countries (key None), for a period.

    Without `since` the period runs from the beginning; `until` defaults to today.
    Every query of the pass reads the same state of the record: one read-only
    transaction, REPEATABLE READ on PostgreSQL (inside a caller's transaction,
    the caller's).
    """
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        return _all_figures(until=until, since=since)


def _all_figures(*, until: datetime.date | None, since: datetime.date | None):
    zone = timezone.get_default_timezone()
    day_of = partial(_day, zone=zone)
    now = timezone.now()
    window = Window(since, until or timezone.localdate())
    people = {person.id: person for person in facts.person_facts()}
    root = _rooted(people)

    def person_of(participant_id: int) -> int:
        # A record written after the people were read stands for itself.
        return root.get(participant_id, participant_id)

    by_user = {person.user_id: root[person.id] for person in people.values() if person.user_id}
    every_cohort = {cohort.id: cohort for cohort in facts.cohort_facts()}
    cohorts = {key: cohort for key, cohort in every_cohort.items() if not cohort.cancelled}
    regions = {_key(person.organisation_id): person.region for person in people.values()}
    regions |= {_key(cohort.organisation_id): cohort.region for cohort in every_cohort.values()}
    leads: dict[int, str] = {}  # cohort → its lead trainer's name
    led: dict[int, set[int]] = defaultdict(set)  # person → cohorts they led
    teaching: dict[int, set[int]] = defaultdict(set)
    for participant_id, cohort_id, role, name in facts.teaching_facts():
        person_id = person_of(participant_id)
        teaching[person_id].add(cohort_id)
        if role == CohortTrainer.Role.LEAD:
            leads[cohort_id] = name
            led[person_id].add(cohort_id)

    # Who sat where.
    members: dict[int, set[int]] = defaultdict(set)  # cohort → people
    first_cohort: dict[int, facts.CohortFact] = {}
    young: set[int] = set()
    completed_on: dict[int, datetime.date] = {}
    for participant_id, cohort_id, completed_at in facts.membership_facts():
        cohort = cohorts.get(cohort_id)
        if cohort is None:
            continue
        person_id = root.get(participant_id, participant_id)  # person_of, inlined: a million
        members[cohort_id].add(person_id)
        if cohort.starts_on > window.until:
            continue
        current = first_cohort.get(person_id)
        if current is None or (cohort.starts_on, cohort.id) < (current.starts_on, current.id):
            first_cohort[person_id] = cohort
        if cohort.kind == Cohort.Kind.YOUTH_MODULE:
            young.add(person_id)
        completed = day_of(completed_at)
        if completed is not None and completed <= window.until:
            completed_on[person_id] = _earliest(completed_on.get(person_id), completed)

    first_enrolment: dict[int, tuple[datetime.date, str]] = {}
    for user_id, course_key, enrolled_at, completed_at in facts.enrolment_facts():
        person_id = by_user.get(user_id)
        enrolled = day_of(enrolled_at)
        if person_id is None or enrolled > window.until:
            continue
        if person_id not in first_enrolment or (enrolled, course_key) < first_enrolment[person_id]:
            first_enrolment[person_id] = (enrolled, course_key)
        completed = day_of(completed_at)
        if completed is not None and completed <= window.until:
            completed_on[person_id] = _earliest(completed_on.get(person_id), completed)

    sessions = {  # session → (cohort, local day) of the sessions that have started
        session_id: (cohort_id, day_of(starts_at))
        for session_id, cohort_id, starts_at in facts.session_facts()
        if cohort_id in cohorts and starts_at <= now and day_of(starts_at) <= window.until
    }
    attended_on: dict[int, datetime.date] = {}
    presences: dict[int, set[int]] = defaultdict(set)  # session → people present
    for participant_id, session_id in facts.presence_facts():
        if session_id not in sessions:
            continue
        person_id = root.get(participant_id, participant_id)  # person_of, inlined
        presences[session_id].add(person_id)
        day = sessions[session_id][1]
        attended_on[person_id] = _earliest(attended_on.get(person_id), day)
    for user_id, first_opened in facts.first_lesson_facts():
        person_id = by_user.get(user_id)
        day = day_of(first_opened)
        if person_id is not None and day <= window.until:
            attended_on[person_id] = _earliest(attended_on.get(person_id), day)

    certified_on: dict[int, datetime.date] = {}
    certificates: list[tuple[int, str, int | None, datetime.date]] = []
    for participant_id, kind, country_id, issued_at in certificate_facts():
        day = day_of(issued_at)
        if day > window.until:
            continue
        person_id = person_of(participant_id)
        certified_on[person_id] = _earliest(certified_on.get(person_id), day)
        certificates.append((person_id, kind, country_id, day))

    # The reached, each with the rows they count in.
    reached: dict[int, Person] = {}
    for person_id in set(first_cohort) | set(first_enrolment):
        own = people.get(person_id)
        own_country = own.country_id if own is not None else None
        cohort = first_cohort.get(person_id)
        if cohort is not None:
            country = own_country if own_country is not None else cohort.country_id
            reached_day = cohort.starts_on
            rows = {
                "organisation": _key(cohort.organisation_id),
                "region": cohort.region,
                "course": cohort.course_key,
                "language": cohort.language,
                "generation": _key(cohort.generation),
            }
        else:
            country = own_country
            reached_day, course_key = first_enrolment[person_id]
            rows = {
                "organisation": _key(own.organisation_id),
                "region": own.region,
                "course": course_key,
                "language": own.preferred_language,
                "generation": "",
            }
        rows["month"] = _month(reached_day)
        rows["country"] = _key(country)
        reached[person_id] = Person(
            id=person_id,
            country=_key(country),
            reached_on=reached_day,
            young=person_id in young,
            rows=rows,
            attended_on=_earliest(attended_on.get(person_id), completed_on.get(person_id)),
            completed_on=completed_on.get(person_id),
            certified_on=certified_on.get(person_id),
        )

    scopes: dict[str | None, _Accumulator] = defaultdict(_Accumulator)
    scopes[ALL]  # always there, even with nothing recorded
    for country_id in facts.country_ids():
        scopes[_key(country_id)]

    def scopes_of(country: str):
        return (ALL, country) if country else (ALL,)

    for person in reached.values():
        for scope in scopes_of(person.country):
            _count_person(scopes[scope], person, window)

    # Knowledge gain: people with a pre-test and a post-test in a course, as of the period's
    # end, a person's records taken together.
    results = test_result_facts(until=window.until, person=person_of)
    for (person_id, course_key), (pre, post) in results.items():
        person = reached.get(person_id)
        if person is None or pre is None or post is None or person.reached_on not in window:
            continue
        for scope in scopes_of(person.country):
            accumulator = scopes[scope]
            for breakdown in [*BREAKDOWNS, "country"]:
                row = course_key if breakdown == "course" else person.rows[breakdown]
                accumulator.gains[breakdown][row].append(post - pre)
            accumulator.gains["total"][""].append(post - pre)

    for cohort in cohorts.values():
        for scope in scopes_of(_key(cohort.country_id)):
            _count_cohort(scopes[scope], cohort, window)

    # Attendance: per cohort and month, present marks and members × sessions.
    attendance: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for session_id, (cohort_id, day) in sessions.items():
        if day not in window:
            continue
        counts = attendance[cohort_id][_month(day)]
        counts[0] += len(presences.get(session_id, set()) & members[cohort_id])
        counts[1] += len(members[cohort_id])
    for cohort_id, months in attendance.items():
        cohort = cohorts[cohort_id]
        for scope in scopes_of(_key(cohort.country_id)):
            _count_attendance(scopes[scope], cohort, months, len(members[cohort_id]))

    trainers = _trainers(person_of, people, every_cohort, cohorts, teaching, window)
    for trainer in trainers.values():
        for scope in scopes_of(trainer.country):
            accumulator = scopes[scope]
            accumulator.add("trainers", trainer.level, trainer.status)
            if trainer.status == "expiring":
                accumulator.add("trainers", trainer.level, "accredited")
            if trainer.active:
                accumulator.add("trainers", trainer.level, "active")
            if trainer.status in ("accredited", "expiring") and trainer.valid_from in window:
                for breakdown in [*BREAKDOWNS, "country", "total"]:
                    accumulator.people["trainers"][(breakdown, trainer.rows[breakdown])] += 1

    for _person, kind, country_id, day in certificates:
        if day in window:
            for scope in scopes_of(_key(country_id)):
                scopes[scope].add("certificates", kind, "certificates")

    masters = _master_trainers(trainers, people, every_cohort, cohorts, members, led, leads, window)
    tree = _tree_rows(cohorts, members, leads)
    return {
        (int(scope) if scope else None): _figures(
            scope, scopes[scope], window, now, masters, tree, regions
        )
        for scope in scopes
    }


def _count_person(accumulator: _Accumulator, person: Person, window: Window) -> None:
    events = {
        "reached": person.reached_on,
        "completed": person.completed_on,
        "certified": person.certified_on,
    }
    group = "young_people" if person.young else "professionals"
    for measure, day in events.items():
        if day not in window:
            continue
        measures = [measure, group] if measure == "reached" else [measure]
        for breakdown in [*BREAKDOWNS, "country", "total"]:
            if breakdown == "month":
                row = _month(day)
            elif breakdown == "total":
                row = ""
            else:
                row = person.rows[breakdown]
            for name in measures:
                accumulator.people[name][(breakdown, row)] += 1
    # The funnel: the people reached in the period, each as far as they got by its end
    # (completing is taking part). Over the whole record, these are the totals.
    if person.reached_on in window:
        funnel = accumulator.funnel
        funnel["enrolled"] += 1
        funnel["attended"] += person.attended_on is not None
        funnel["completed"] += person.completed_on is not None
        funnel["certified"] += person.certified_on is not None


def _cohort_rows(cohort: facts.CohortFact, month: str) -> dict[str, str]:
    return {
        "organisation": _key(cohort.organisation_id),
        "region": cohort.region,
        "month": month,
        "course": cohort.course_key,
        "language": cohort.language,
        "generation": _key(cohort.generation),
        "country": _key(cohort.country_id),
        "total": "",
    }


def _count_cohort(accumulator: _Accumulator, cohort: facts.CohortFact, window: Window) -> None:
    if cohort.starts_on > window.until:
        status = "cohorts_planned"
    elif cohort.ends_on >= window.until:
        status = "cohorts_running"
    elif cohort.ends_on in window:
        status = "cohorts_held"
    else:
        return
    for breakdown, row in _cohort_rows(cohort, _month(cohort.starts_on)).items():
        accumulator.add(breakdown, row, status)


def _count_attendance(accumulator, cohort, months: dict, members: int) -> None:
    """A cohort's attendance, month by month; its members count once per row (base)."""
    rows = _cohort_rows(cohort, "")
    del rows["month"]
    present = sum(counts[0] for counts in months.values())
    expected = sum(counts[1] for counts in months.values())
    for breakdown, row in rows.items():
        _add_attendance(accumulator, (breakdown, row), present, expected, members)
    for month, (present, expected) in months.items():
        _add_attendance(accumulator, ("month", month), present, expected, members)


def _add_attendance(accumulator, address, present: int, expected: int, members: int) -> None:
    counts = accumulator.attendance[address]
    counts[0] += present
    counts[1] += expected
    accumulator.members[address] += members


def _trainers(person_of, people, every_cohort, cohorts, teaching, window: Window):
    """{person: Trainer} as of the period's end.

    Status: "accredited" (valid, more than 90 days to go), "expiring" (valid,
    ends within 90 days) or "expired" (none valid any more). Someone holding
    both levels counts at the higher of those still valid; someone with none
    valid, at the level of the last to end. Their country is their own record's,
    else the chosen accreditation's; their other rows are the accrediting
    cohort's, even when it was cancelled since.
    """
    held: dict[int, list[tuple]] = defaultdict(list)
    for (
        participant_id,
        level,
        country_id,
        valid_from,
        valid_until,
        cohort_id,
    ) in facts.accreditation_facts():
        if valid_from <= window.until:
            held[person_of(participant_id)].append(
                (level, country_id, valid_from, valid_until, cohort_id)
            )
    trainers: dict[int, Trainer] = {}
    rank = {level: index for index, level in enumerate(LEVELS)}
    for person_id, accreditations in held.items():
        valid = [item for item in accreditations if item[3] >= window.until]
        if valid:
            chosen = min(valid, key=lambda item: (rank[item[0]], -item[3].toordinal()))
            ends_soon = chosen[3] <= window.until + datetime.timedelta(days=EXPIRING_WITHIN_DAYS)
            status = "expiring" if ends_soon else "accredited"
        else:
            chosen = max(accreditations, key=lambda item: (item[3], -rank[item[0]]))
            status = "expired"
        level, country_id, valid_from, _until, cohort_id = chosen
        own = people.get(person_id)
        if own is not None and own.country_id is not None:
            country_id = own.country_id
        cohort = every_cohort.get(cohort_id)
        rows = (
            _cohort_rows(cohort, _month(valid_from))
            if cohort
            else dict.fromkeys([*BREAKDOWNS, "total"], "") | {"month": _month(valid_from)}
        )
        rows["country"] = _key(country_id)
        active = status != "expired" and any(
            _taught_recently(cohorts.get(taught), window) for taught in teaching[person_id]
        )
        trainers[person_id] = Trainer(
            level=level,
            status=status,
            country=_key(country_id),
            valid_from=valid_from,
            active=active,
            rows=rows,
        )
    return trainers


def _taught_recently(cohort, window: Window) -> bool:
    if cohort is None or cohort.starts_on > window.until:
        return False
    return cohort.ends_on >= window.until - datetime.timedelta(days=ACTIVE_WITHIN_DAYS)


def _path_prefixes(path: str) -> list[str]:
    """The paths `path` starts with: /1/7/ gives /, /1/ and /1/7/.

    A cascade path is ids between slashes, ending with one, so any path that
    another starts with ends at one of that other path's slashes.
    """
    return [path[: index + 1] for index, char in enumerate(path) if char == "/"]


def _master_trainers(
    trainers, people, every_cohort, cohorts, members, led, leads, window: Window
) -> dict[str | None, list[Row]]:
    """Each master trainer still accredited, with what their cascade did, by scope.

    A master trainer's cascade is every cohort (not cancelled, started by the
    period's end) whose cascade path starts with the path of a cohort they led;
    they reached its members (people, once each), trained directly the members
    of the cohorts they led, and led the cohorts of it they were lead of. A
    country lists its own master trainers, counting its own cohorts only.
    """
    masters = {
        person_id: trainer
        for person_id, trainer in trainers.items()
        if trainer.level == TrainerAccreditation.Level.MASTER_TRAINER
        and trainer.status != "expired"
    }
    below: dict[str, set[int]] = defaultdict(set)  # a led cohort's path → its leads
    for person_id in masters:
        for cohort_id in led.get(person_id, ()):
            cohort = every_cohort.get(cohort_id)
            if cohort is not None:
                below[cohort.cascade_path].add(person_id)
    # (master, scope) → people reached, people trained directly; cohorts led
    reached: dict[tuple, set[int]] = defaultdict(set)
    direct: dict[tuple, set[int]] = defaultdict(set)
    cohorts_led: dict[tuple, int] = defaultdict(int)
    for cohort in cohorts.values():
        if cohort.starts_on > window.until:
            continue
        owners = set()
        for prefix in _path_prefixes(cohort.cascade_path):
            owners |= below.get(prefix, set())
        people_in = members.get(cohort.id, set())
        for person_id in owners:
            leading = cohort.id in led[person_id]
            for scope in (ALL, _key(cohort.country_id)):
                reached[(person_id, scope)] |= people_in
                if leading:
                    direct[(person_id, scope)] |= people_in
                    cohorts_led[(person_id, scope)] += 1

    def name(person_id: int) -> str:
        own = people.get(person_id)
        if own is not None:
            return own.display_name
        return next((leads[cohort] for cohort in led.get(person_id, ()) if cohort in leads), "")

    rows: dict[str | None, list[Row]] = defaultdict(list)
    for person_id in sorted(masters, key=lambda person_id: (name(person_id), person_id)):
        for scope in (ALL, masters[person_id].country):
            if scope == "":
                continue
            trained = len(direct[(person_id, scope)])
            people_reached = len(reached[(person_id, scope)])
            rows[scope].append(
                Row(
                    key=str(person_id),
                    label=name(person_id),
                    values={
                        "cohorts": cohorts_led[(person_id, scope)],
                        "trained_directly": trained,
                        "reached": people_reached,
                        "multiplier": _rounded(people_reached / trained) if trained else None,
                    },
                )
            )
    return rows


def _tree_rows(cohorts, members, leads) -> list[tuple[str, Row]]:
    ordered = sorted(cohorts.values(), key=lambda cohort: (cohort.generation, cohort.starts_on))
    return [
        (
            _key(cohort.country_id),
            Row(
                key=str(cohort.id),
                label=cohort.name,
                detail=leads.get(cohort.id, ""),
                parent=_key(cohort.parent_id) or None,
                values={"generation": cohort.generation, "people": len(members[cohort.id])},
            ),
        )
        for cohort in ordered
    ]


def _rounded(value, places: str = "0.1"):
    if value is None:
        return None
    return float(Decimal(str(value)).quantize(Decimal(places), rounding=ROUND_HALF_UP))


def _mean(gains: list) -> float | None:
    if not gains:
        return None
    return _rounded(sum(Decimal(gain) for gain in gains) / len(gains))


def _rate(present: int, expected: int) -> float | None:
    return _rounded(Decimal(present) * 100 / expected) if expected else None


def _values(accumulator: _Accumulator, breakdown: str, row: str) -> dict:
    values = dict.fromkeys(BREAKDOWN_MEASURES, 0)
    values.update(accumulator.cells[breakdown].get(row, {}))
    for measure in ("reached", "professionals", "young_people", "completed", "certified"):
        values[measure] = accumulator.people[measure].get((breakdown, row), 0)
    values["trainers"] = accumulator.people["trainers"].get((breakdown, row), 0)
    values["members"] = accumulator.members.get((breakdown, row), 0)
    present, expected = accumulator.attendance.get((breakdown, row), (0, 0))
    values["attendance_rate"] = _rate(present, expected)
    gains = accumulator.gains["total" if breakdown == "total" else breakdown].get(row, [])
    values["gain_people"] = len(gains)
    values["mean_gain"] = _mean(gains)
    return values


def _row_keys(accumulator: _Accumulator, breakdown: str) -> set[str]:
    keys = set(accumulator.cells[breakdown])
    for measure in ("reached", "completed", "certified", "trainers"):
        keys |= {row for (name, row) in accumulator.people[measure] if name == breakdown}
    keys |= {row for (name, row) in accumulator.members if name == breakdown}
    keys |= set(accumulator.gains[breakdown])
    return keys


def _months_between(first: str, last: str) -> list[str]:
    year, month = map(int, first.split("-"))
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _figures(scope, accumulator, window, now, masters, tree, regions) -> Figures:
    tables: dict[str, Table] = {}
    total = Row(key="", values=_values(accumulator, "total", ""))
    breakdowns = [*BREAKDOWNS] + (["country"] if scope is ALL else [])
    for breakdown in breakdowns:
        keys = _row_keys(accumulator, breakdown)
        if breakdown == "month" and keys:
            keys = set(_months_between(min(keys), max(keys)))  # no month left out of a chart
        rows = [Row(key=key, values=_values(accumulator, breakdown, key)) for key in sorted(keys)]
        tables[f"by_{breakdown}"] = Table(
            name=f"by_{breakdown}",
            dimension=breakdown,
            measures=list(BREAKDOWN_MEASURES),
            rows=rows,
            total=Row(key="", values=dict(total.values)),
        )
    tables["by_organisation"].groups_from = "by_region"
    for row in tables["by_organisation"].rows:
        row.group = regions.get(row.key, "")
    trainer_rows = []
    for level in LEVELS:
        values = {
            status: accumulator.cells["trainers"][level][status] for status in TRAINER_STATUSES
        }
        trainer_rows.append(Row(key=level, values=values))
    tables["trainers"] = Table(
        name="trainers",
        dimension="level",
        measures=list(TRAINER_STATUSES),
        rows=trainer_rows,
        total=Row(
            key="",
            values={
                measure: sum(row.values[measure] for row in trainer_rows)
                for measure in TRAINER_STATUSES
            },
        ),
    )
    tables["funnel"] = Table(
        name="funnel",
        dimension="stage",
        measures=["people"],
        rows=[Row(key=stage, values={"people": accumulator.funnel[stage]}) for stage in FUNNEL],
        additive=False,
    )
    certificate_rows = [
        Row(
            key=kind,
            values={"certificates": accumulator.cells["certificates"][kind]["certificates"]},
        )
        for kind in CERTIFICATE_KINDS
    ]
    tables["certificates"] = Table(
        name="certificates",
        dimension="certificate_kind",
        measures=["certificates"],
        rows=certificate_rows,
        total=Row(
            key="",
            values={"certificates": sum(row.values["certificates"] for row in certificate_rows)},
        ),
    )
    master_rows = masters.get(scope, [])
    tables["master_trainers"] = Table(
        name="master_trainers",
        dimension="trainer",
        measures=["cohorts", "trained_directly", "reached", "multiplier"],
        rows=[Row(**vars(row)) for row in master_rows],
        additive=False,
    )
    in_scope = [row for country, row in tree if scope is ALL or country == scope]
    shown = {row.key for row in in_scope[:TREE_LIMIT]}
    tables["cascade_tree"] = Table(
        name="cascade_tree",
        dimension="cohort",
        measures=["generation", "people"],
        rows=[
            Row(**{**vars(row), "parent": row.parent if row.parent in shown else None})
            for row in in_scope[:TREE_LIMIT]
        ],
        total=Row(key="", values={"cohorts": len(in_scope)}),
        additive=False,
    )
    return Figures(
        country_id=int(scope) if scope else None,
        since=window.since,
        until=window.until,
        computed_at=now,
        tables=tables,
    )
