"""Every figure of the aggregate layer equals a count written again in raw SQL (sql_counts.py).

On the demo cascade, for every country and for all countries, over the whole record and over
periods; and on small worlds made at random (hypothesis), where the same person sits in
several cohorts, merged records hang under the record they were merged into, people learn
online without a cohort, and cohorts are planned, running, held and cancelled.
"""

from __future__ import annotations

import datetime
import os
import uuid
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from monitoring.figures import MEASURE_KINDS, PEOPLE, Figures
from monitoring.selectors.figures import all_figures
from tests.factories import at, clock

from .sql_counts import BREAKDOWN_MEASURES, STATUSES, Counted, counted_figures

COUNTS = {"people", "count"}


# --- Comparing ----------------------------------------------------------------------------------


def _empty_row() -> dict:
    return {
        measure: None if measure in ("attendance_rate", "mean_gain") else 0
        for measure in BREAKDOWN_MEASURES
    }


def differences(figures: Figures, counted: Counted) -> tuple[list[str], int]:
    """What the aggregate layer says that the SQL count does not, and how many numbers agree."""
    found: list[str] = []
    compared = 0

    def check(where: str, got, expected) -> None:
        nonlocal compared
        compared += 1
        if got != expected:
            found.append(f"{where}: figures {got!r}, SQL {expected!r}")

    tables = figures.tables
    breakdowns = sorted(name for name in tables if name.startswith("by_"))
    check("breakdowns", breakdowns, sorted(counted.breakdowns))
    for name in breakdowns:
        table = tables[name]
        shown = {row.key: row.values for row in table.rows}
        expected_rows = counted.breakdowns.get(name, {})
        for key in sorted(set(shown) | set(expected_rows)):
            got = shown.get(key, _empty_row())
            expected = expected_rows.get(key, _empty_row())
            for measure in BREAKDOWN_MEASURES:
                check(f"{name}[{key!r}].{measure}", got.get(measure), expected[measure])
        for measure in BREAKDOWN_MEASURES:
            got = table.total.values.get(measure) if table.total else None
            check(f"{name}[total].{measure}", got, counted.totals[measure])
        if name == "by_organisation":
            for row in table.rows:
                check(
                    f"{name}[{row.key!r}].group", row.group or "", counted.regions.get(row.key, "")
                )

    trainers = tables["trainers"]
    shown_levels = {row.key: row.values for row in trainers.rows}
    for level in sorted(set(shown_levels) | set(counted.trainers)):
        for status in STATUSES:
            check(
                f"trainers[{level}].{status}",
                shown_levels.get(level, {}).get(status, 0),
                counted.trainers.get(level, {}).get(status, 0),
            )
    for status in STATUSES:
        check(
            f"trainers[total].{status}",
            trainers.total.values[status],
            counted.trainer_totals[status],
        )

    funnel = {row.key: row.values["people"] for row in tables["funnel"].rows}
    check("funnel", funnel, counted.funnel)
    compared += len(funnel) - 1

    certificates = tables["certificates"]
    shown_kinds = {row.key: row.values["certificates"] for row in certificates.rows}
    for kind in sorted(set(shown_kinds) | set(counted.certificates)):
        check(f"certificates[{kind}]", shown_kinds.get(kind, 0), counted.certificates.get(kind, 0))
    check(
        "certificates[total]", certificates.total.values["certificates"], counted.certificate_total
    )
    return found, compared


def invariant_breaks(figures: Figures) -> list[str]:
    """Sums that do not hold: rows to their total, organisations to their region, professionals
    and young people to the people reached, and one total heading every breakdown."""
    found = []
    tables = figures.tables
    breakdowns = [table for name, table in tables.items() if name.startswith("by_")]
    # "members" (the base of the attendance rate, never shown) counts a person in every month
    # they were in a session: it is not a sum.
    additive = [m for m in BREAKDOWN_MEASURES if MEASURE_KINDS.get(m) in COUNTS and m != "members"]
    for table in breakdowns:
        for measure in additive:
            total = table.total.values.get(measure, 0)
            parts = sum(row.values.get(measure, 0) for row in table.rows)
            if parts != total:
                found.append(f"{table.name}.{measure}: rows add up to {parts}, total {total}")
        for row in [*table.rows, table.total]:
            values = row.values
            if values["professionals"] + values["young_people"] != values["reached"]:
                found.append(f"{table.name}[{row.key!r}]: professionals + young ≠ reached")
        if table.total.values != breakdowns[0].total.values:
            found.append(f"{table.name}: total {table.total.values} ≠ {breakdowns[0].total.values}")
    regions = tables["by_region"]
    for region in regions.rows:
        members = [row for row in tables["by_organisation"].rows if (row.group or "") == region.key]
        for measure in additive:
            parts = sum(row.values.get(measure, 0) for row in members)
            if parts != region.values.get(measure, 0):
                found.append(f"region {region.key!r}.{measure}: organisations {parts}")
    trainers = tables["trainers"]
    for status in STATUSES:
        if sum(row.values[status] for row in trainers.rows) != trainers.total.values[status]:
            found.append(f"trainers.{status} rows do not add up")
    certificates = tables["certificates"]
    if (
        sum(row.values["certificates"] for row in certificates.rows)
        != certificates.total.values["certificates"]
    ):
        found.append("certificates rows do not add up")
    people = [m for m in BREAKDOWN_MEASURES if MEASURE_KINDS.get(m) == PEOPLE]
    assert people  # the check above covers people measures
    return found


def reconcile(*, until: datetime.date | None = None, since: datetime.date | None = None) -> int:
    """all_figures() against the SQL count for every country and all countries; numbers compared."""
    until = until or timezone.localdate()
    figures = all_figures(until=until, since=since)
    counted = counted_figures(until=until, since=since, now=timezone.now())
    assert sorted(figures, key=str) == sorted(counted, key=str)
    found, compared = [], 0
    for scope, expected in counted.items():
        wrong, numbers = differences(figures[scope], expected)
        found += [f"country {scope}, {since}–{until}: {line}" for line in wrong]
        found += [f"country {scope}: {line}" for line in invariant_breaks(figures[scope])]
        compared += numbers
    assert not found, "\n".join(found[:40]) + f"\n({len(found)} in all)"
    return compared


# --- Small worlds made at random ----------------------------------------------------------------

TODAY = datetime.date(2026, 6, 15)
NOW = at(TODAY, 12)
REGIONS = ["North", "South", ""]
LANGUAGES = ["bg", "en", "ro"]
KINDS = ["international_tot", "national_tot", "national_training", "youth_module"]
# Hours of the local day, with both ends of it: a moment's local date is not its UTC date.
HOURS = [0, 1, 9, 12, 13, 23]
days = st.integers(min_value=-420, max_value=120)
moments = st.tuples(days, st.sampled_from(HOURS))


def moment(offset: tuple[int, int]) -> datetime.datetime:
    day, hour = offset
    return at(TODAY + datetime.timedelta(days=day), hour)


@st.composite
def worlds(draw):
    """A description of a small world: plain numbers that say who is where and when."""
    countries = draw(st.integers(2, 3))
    organisations = draw(
        st.lists(
            st.tuples(st.integers(0, countries - 1), st.sampled_from(REGIONS)),
            min_size=1,
            max_size=5,
        )
    )
    people = draw(st.integers(3, 18))
    person = st.integers(0, people - 1)
    persons = [
        {
            "country": draw(st.none() | st.integers(0, countries - 1)),
            "organisation": draw(st.none() | st.integers(0, len(organisations) - 1)),
            "account": draw(st.booleans()),
            "language": draw(st.sampled_from(["", *LANGUAGES])),
        }
        for _ in range(people)
    ]
    # A few records merged into an earlier one (chains of two are possible); their memberships
    # are left where they were or moved to the surviving record.
    for index in draw(st.sets(st.integers(1, people - 1), max_size=3)):
        persons[index]["merged_into"] = draw(st.integers(0, index - 1))
        persons[index]["moved"] = draw(st.booleans())
    cohorts = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "organisation": st.integers(0, len(organisations) - 1),
                    "kind": st.sampled_from(KINDS),
                    "generation": st.integers(0, 3),
                    "starts": days,
                    "length": st.sampled_from([0, 1, 6, 40]),
                    "cancelled": st.booleans().map(lambda b: b and draw(st.booleans())),
                    "language": st.sampled_from(LANGUAGES),
                    "course": st.integers(0, 1),
                }
            ),
            min_size=1,
            max_size=12,
        )
    )
    cohort = st.integers(0, len(cohorts) - 1)
    memberships = draw(
        st.lists(
            st.tuples(cohort, person, st.none() | st.integers(-3, 30)),
            unique_by=lambda item: item[:2],
            min_size=4,
            max_size=40,
        )
    )
    sessions = draw(
        st.lists(st.tuples(cohort, st.integers(0, 40), st.sampled_from(HOURS)), max_size=20)
    )
    # (session, person, status, whether the person is taken among the cohort's members)
    attendance = draw(
        st.lists(
            st.tuples(
                st.integers(0, max(len(sessions) - 1, 0)),
                person,
                st.sampled_from(["present", "present", "absent", "excused"]),
                st.booleans(),
            ),
            unique_by=lambda item: item[:2],
            max_size=40 if sessions else 0,
        )
    )
    enrolments = draw(
        st.lists(
            st.tuples(person, st.integers(0, 1), moments, st.none() | st.integers(0, 60)),
            unique_by=lambda item: item[:2],
            max_size=12,
        )
    )
    lessons = draw(st.lists(st.tuples(person, moments), max_size=8))
    accreditations = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "person": person,
                    "level": st.sampled_from(["trainer", "master_trainer"]),
                    "country": st.integers(0, countries - 1),
                    "from": days,
                    # lengths that end on the day, the 90th day, the 91st, or long after
                    "length": st.sampled_from([0, 30, 89, 90, 91, 365, 1095]),
                    "cohort": st.none() | cohort,
                    "revoked": st.booleans().map(lambda b: b and draw(st.booleans())),
                }
            ),
            max_size=8,
        )
    )
    teaching = draw(
        st.lists(
            st.tuples(cohort, person, st.sampled_from(["lead", "co_trainer", "young_expert"])),
            unique_by=lambda item: item[:2],
            max_size=10,
        )
    )
    certificates = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "person": person,
                    "kind": st.sampled_from(["completion", "youth", "accreditation"]),
                    "cohort": st.none() | cohort,
                    "accreditation": st.none() | st.integers(0, max(len(accreditations) - 1, 0)),
                    "issued": moments,
                    "revoked": st.booleans().map(lambda b: b and draw(st.booleans())),
                }
            ),
            max_size=10,
        )
    )
    # Tests in pairs (a pre-test and a post-test of a cohort member and a course), and more.
    percents = st.one_of(st.integers(0, 10000), st.integers(0, 10000), st.none())
    member = st.sampled_from([index for _cohort, index, _completed in memberships])
    statuses = st.sampled_from(["submitted", "submitted", "submitted", "in_progress"])
    attempts = []
    for index, course, pre, post in draw(
        st.lists(
            st.tuples(
                member,
                st.integers(0, 1),
                st.tuples(moments, percents, statuses),
                st.tuples(moments, percents, statuses),
            ),
            min_size=1,
            max_size=8,
        )
    ):
        attempts.append((index, course, "pre_test", *pre))
        attempts.append((index, course, "post_test", *post))
    attempts += draw(
        st.lists(
            st.tuples(
                person,
                st.integers(0, 1),
                st.sampled_from(["pre_test", "post_test", "knowledge_check"]),
                moments,
                percents,
                statuses,
            ),
            max_size=6,
        )
    )
    return {
        "countries": countries,
        "organisations": organisations,
        "persons": persons,
        "cohorts": cohorts,
        "memberships": memberships,
        "sessions": sessions,
        "attendance": attendance,
        "enrolments": enrolments,
        "lessons": lessons,
        "accreditations": accreditations,
        "teaching": teaching,
        "certificates": certificates,
        "attempts": attempts,
    }


periods = st.one_of(
    st.just((None, None)),
    st.tuples(st.none() | st.integers(-420, -1), st.integers(-200, 0)).map(
        lambda period: (
            None if period[0] is None else min(period[0], period[1]),
            period[1],
        )
    ),
)


def build(world: dict, courses: list, test) -> None:
    """The world in the database, row by row, as the record would hold it."""
    from assessments.models import Attempt
    from certificates.models import Certificate
    from courses.models import (
        Attendance,
        Cohort,
        CohortMembership,
        CohortSession,
        CohortTrainer,
        Country,
        Enrolment,
        LessonProgress,
        Organisation,
        Participant,
        TrainerAccreditation,
    )

    User = get_user_model()
    countries = Country.objects.bulk_create(
        Country(code=f"Q{index}", name=f"Country {index}") for index in range(world["countries"])
    )
    organisations = Organisation.objects.bulk_create(
        Organisation(name=f"Organisation {index}", country=countries[country], region=region)
        for index, (country, region) in enumerate(world["organisations"])
    )
    users = {}
    for index, spec in enumerate(world["persons"]):
        if spec["account"]:
            users[index] = User(
                username=f"world{index}",
                email=f"world{index}@example.org",
                preferred_language=spec["language"],
            )
    User.objects.bulk_create(users.values())
    people = Participant.objects.bulk_create(
        Participant(
            display_name=f"Person {index}",
            user=users.get(index),
            country=None if spec["country"] is None else countries[spec["country"]],
            organisation=(
                None if spec["organisation"] is None else organisations[spec["organisation"]]
            ),
        )
        for index, spec in enumerate(world["persons"])
    )
    for index, spec in enumerate(world["persons"]):
        if "merged_into" in spec:
            people[index].merged_into = people[spec["merged_into"]]
    Participant.objects.bulk_update(people, ["merged_into"])

    def root(index: int) -> int:
        while "merged_into" in world["persons"][index]:
            index = world["persons"][index]["merged_into"]
        return index

    cohorts = []
    for index, spec in enumerate(world["cohorts"]):
        host = organisations[spec["organisation"]]
        starts = TODAY + datetime.timedelta(days=spec["starts"])
        cohorts.append(
            Cohort(
                name=f"Cohort {index}",
                course=courses[spec["course"]],
                kind=spec["kind"],
                status="cancelled" if spec["cancelled"] else "planned",
                country_id=host.country_id,
                language=spec["language"],
                host_organisation=host,
                starts_on=starts,
                ends_on=starts + datetime.timedelta(days=spec["length"]),
                generation=spec["generation"],
                cascade_path=f"/{index}/",
                invite_code=f"WORLD{index:03d}",
            )
        )
    Cohort.objects.bulk_create(cohorts)

    members: dict[tuple[int, int], int | None] = {}
    for cohort, index, completed in world["memberships"]:
        spec = world["persons"][index]
        if spec.get("moved") and (cohort, root(index)) not in members:
            index = root(index)
        members.setdefault((cohort, index), completed)
    CohortMembership.objects.bulk_create(
        CohortMembership(
            cohort=cohorts[cohort],
            participant=people[index],
            completed_at=(
                None
                if completed is None
                else at(cohorts[cohort].ends_on + datetime.timedelta(days=completed), 15)
            ),
        )
        for (cohort, index), completed in members.items()
    )
    sessions = CohortSession.objects.bulk_create(
        CohortSession(
            cohort=cohorts[cohort],
            starts_at=at(
                min(
                    cohorts[cohort].starts_on + datetime.timedelta(days=day),
                    cohorts[cohort].ends_on,
                ),
                hour,
            ),
            place="Room",
        )
        for cohort, day, hour in world["sessions"]
    )
    cohort_members: dict[int, list[int]] = {}
    for cohort, index in members:
        cohort_members.setdefault(cohort, []).append(index)
    marks = {}
    for session, index, status, among_members in world["attendance"]:
        present = cohort_members.get(world["sessions"][session][0], [])
        if among_members and present:
            index = present[index % len(present)]
        marks.setdefault((session, index), status)
    Attendance.objects.bulk_create(
        Attendance(
            session=sessions[session],
            participant=people[index],
            status=status,
            marked_at=sessions[session].starts_at,
        )
        for (session, index), status in marks.items()
    )
    enrolments = []
    for index, course, enrolled, completed in world["enrolments"]:
        if index in users:
            enrolments.append(
                Enrolment(
                    user=users[index],
                    course=courses[course],
                    course_key=courses[course].translation_key,
                    completed_at=(
                        None
                        if completed is None
                        else moment(enrolled) + datetime.timedelta(days=completed)
                    ),
                )
            )
            enrolments[-1].when = moment(enrolled)
    unique = {(e.user_id, e.course_key): e for e in enrolments}
    enrolments = Enrolment.objects.bulk_create(unique.values())
    for enrolment in enrolments:
        enrolment.enrolled_at = enrolment.when  # auto_now_add: set after
    Enrolment.objects.bulk_update(enrolments, ["enrolled_at"])
    opened = LessonProgress.objects.bulk_create(
        LessonProgress(
            user=users[index],
            lesson=courses[0],
            lesson_key=uuid.uuid4(),
            course_key=courses[0].translation_key,
        )
        for index, _when in world["lessons"]
        if index in users
    )
    for progress, when in zip(
        opened, [when for index, when in world["lessons"] if index in users], strict=True
    ):
        progress.started_at = moment(when)
    LessonProgress.objects.bulk_update(opened, ["started_at"])

    accreditations = []
    granted = set()
    for spec in world["accreditations"]:
        starts = TODAY + datetime.timedelta(days=spec["from"])
        cohort = spec["cohort"]
        if cohort is not None and (cohort, spec["person"]) in granted:
            cohort = None
        granted.add((cohort, spec["person"]))
        accreditations.append(
            TrainerAccreditation(
                participant=people[spec["person"]],
                level=spec["level"],
                country=countries[spec["country"]],
                valid_from=starts,
                valid_until=starts + datetime.timedelta(days=spec["length"]),
                granted_by_cohort=None if cohort is None else cohorts[cohort],
                revoked_at=at(TODAY, 8) if spec["revoked"] else None,
            )
        )
    TrainerAccreditation.objects.bulk_create(accreditations)
    leads = set()
    teams = []
    for cohort, index, role in world["teaching"]:
        if role == "lead":
            if cohort in leads:
                role = "co_trainer"
            leads.add(cohort)
        teams.append(CohortTrainer(cohort=cohorts[cohort], participant=people[index], role=role))
    CohortTrainer.objects.bulk_create(teams)
    Certificate.objects.bulk_create(
        Certificate(
            kind=spec["kind"],
            idempotency_key=f"world:{index}",
            participant=people[spec["person"]],
            cohort=None if spec["cohort"] is None else cohorts[spec["cohort"]],
            accreditation=(
                accreditations[spec["accreditation"]]
                if spec["accreditation"] is not None and accreditations
                else None
            ),
            language="en",
            holder_name=f"Person {spec['person']}",
            status_index=index,
            valid_from=moment(spec["issued"]).date(),
            issued_at=moment(spec["issued"]),
            revoked_at=at(TODAY, 8) if spec["revoked"] else None,
            revocation_reason="Issued by mistake." if spec["revoked"] else "",
        )
        for index, spec in enumerate(world["certificates"])
    )
    Attempt.everything.bulk_create(
        Attempt(
            participant=people[index],
            assessment=test,
            activity_key=uuid.uuid4(),
            course_key=courses[course].translation_key,
            kind=kind,
            submitted_at=moment(when),
            percent=None if percent is None else Decimal(percent) / 100,
            status=status,
        )
        for index, course, kind, when, percent, status in world["attempts"]
    )


@pytest.fixture
def courses(db):
    from cms.models import CoursePage
    from tests.factories import assessment, home_page

    home = home_page()
    pages = []
    for slug in ("first-course", "second-course"):
        page = CoursePage(title=slug, slug=slug, summary="A course.")
        home.add_child(instance=page)
        pages.append(page)
    return pages, assessment(kind="pre_test")


@settings(
    max_examples=int(os.environ.get("WORLDS", 25)),
    deadline=None,
    phases=[Phase.explicit, Phase.generate] if os.environ.get("NO_SHRINK") else list(Phase),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(world=worlds(), period=periods)
def test_random_worlds_figures_equal_the_sql_count(courses, world, period):
    pages, test = courses
    since, until = (
        None if offset is None else TODAY + datetime.timedelta(days=offset) for offset in period
    )
    with transaction.atomic():
        build(world, pages, test)
        with clock(NOW):
            try:
                reconcile(until=until)
                reconcile(since=since, until=until)
            except AssertionError:
                if os.environ.get("NO_SHRINK"):
                    with open("/tmp/world_fail.txt", "w") as out:
                        out.write(repr((world, period)))
                raise
        transaction.set_rollback(True)


# --- Cases the random worlds reach rarely, each on its own ---------------------------------------

NOTHING = {
    "countries": 2,
    "organisations": [(0, "North"), (1, "South")],
    "persons": [],
    "cohorts": [],
    "memberships": [],
    "sessions": [],
    "attendance": [],
    "enrolments": [],
    "lessons": [],
    "accreditations": [],
    "teaching": [],
    "certificates": [],
    "attempts": [],
}
ONE_PERSON_TWO_RECORDS = {
    **NOTHING,
    "persons": [
        {"country": 0, "organisation": 0, "account": False, "language": ""},
        {"country": 0, "organisation": 0, "account": False, "language": "", "merged_into": 0},
    ],
    "cohorts": [
        {
            "organisation": 0,
            "kind": "national_training",
            "generation": 1,
            "starts": -30,
            "length": 1,
            "cancelled": False,
            "language": "bg",
            "course": 0,
        }
    ],
    "memberships": [(0, 0, None)],
}


def figures_now(country=None):
    with clock(NOW):
        return all_figures()[country]


def test_merged_records_tests_count_as_one_persons(courses):
    """A merged record's earlier pre-test (20 %) is the person's first: 70 − 20 = 50 points."""
    pages, test = courses
    build(
        {
            **ONE_PERSON_TWO_RECORDS,
            "attempts": [
                (1, 0, "pre_test", (-31, 9), 2000, "submitted"),  # the merged record
                (0, 0, "pre_test", (-30, 9), 4000, "submitted"),
                (0, 0, "post_test", (-29, 9), 7000, "submitted"),
            ],
        },
        pages,
        test,
    )
    total = figures_now().tables["by_generation"].total.values
    assert (total["gain_people"], total["mean_gain"]) == (1, 50.0)


def test_a_pre_test_on_a_merged_record_and_a_post_test_on_the_other_make_a_gain(courses):
    pages, test = courses
    build(
        {
            **ONE_PERSON_TWO_RECORDS,
            "attempts": [
                (1, 0, "pre_test", (-31, 9), 2000, "submitted"),  # the merged record
                (0, 0, "post_test", (-29, 9), 7000, "submitted"),
            ],
        },
        pages,
        test,
    )
    total = figures_now().tables["by_generation"].total.values
    assert (total["gain_people"], total["mean_gain"]) == (1, 50.0)


def test_trainers_accredited_abroad_count_for_their_own_country(courses):
    """An international training of trainers in country A accredits two master trainers of
    B: one whose record says B (accredited for A), one whose record gives no country
    (accredited for B). Both count for B, on B's dashboard and in B's row of all countries."""
    pages, test = courses
    tot = {
        "organisation": 0,
        "kind": "international_tot",
        "generation": 0,
        "starts": -60,
        "length": 5,
        "cancelled": False,
        "language": "en",
        "course": 0,
    }
    accreditation = {
        "level": "master_trainer",
        "from": -50,
        "length": 365,
        "cohort": 0,
        "revoked": False,
    }
    build(
        {
            **NOTHING,
            "persons": [
                {"country": 1, "organisation": 1, "account": False, "language": ""},
                {"country": None, "organisation": None, "account": False, "language": ""},
            ],
            "cohorts": [tot],
            "memberships": [(0, 0, 0), (0, 1, 0)],
            "accreditations": [
                {**accreditation, "person": 0, "country": 0},
                {**accreditation, "person": 1, "country": 1},
            ],
        },
        pages,
        test,
    )
    from courses.models import Country

    abroad, home = Country.objects.get(code="Q0"), Country.objects.get(code="Q1")
    with clock(NOW):
        figures = all_figures()
    assert figures[home.pk].tables["trainers"].total.values["accredited"] == 2
    assert figures[abroad.pk].tables["trainers"].total.values["accredited"] == 0
    rows = figures[None].tables["by_country"].rows
    assert {row.key: row.values["trainers"] for row in rows if row.values["trainers"]} == {
        str(home.pk): 2
    }


def test_trainer_of_a_cohort_cancelled_since_counts_in_its_rows(courses):
    from courses.models import Cohort, TrainerAccreditation

    pages, test = courses
    build(
        {
            **NOTHING,
            "persons": [{"country": 0, "organisation": 0, "account": False, "language": ""}],
            "cohorts": [
                {
                    "organisation": 0,
                    "kind": "national_tot",
                    "generation": 1,
                    "starts": -60,
                    "length": 5,
                    "cancelled": False,
                    "language": "en",
                    "course": 0,
                }
            ],
            "memberships": [(0, 0, 0)],
            "accreditations": [
                {
                    "person": 0,
                    "level": "trainer",
                    "country": 0,
                    "from": -50,
                    "length": 365,
                    "cohort": 0,
                    "revoked": False,
                }
            ],
        },
        pages,
        test,
    )
    cohort = Cohort.objects.get()
    Cohort.objects.update(status="cancelled")  # after it accredited
    assert TrainerAccreditation.objects.get().granted_by_cohort == cohort
    rows = figures_now().tables["by_organisation"].rows
    trainers = {row.key: row.values["trainers"] for row in rows if row.values["trainers"]}
    assert trainers == {str(cohort.host_organisation_id): 1}


# --- The demo cascade (last: its data stays loaded until the module ends) ----------------------


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, loaded once for the module (it takes tens of seconds) and rolled back after."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            with open("/dev/null", "w") as quiet:
                call_command("load_demo", stdout=quiet)
            yield timezone.now()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


DEMO_PERIODS = [
    (None, None),
    (datetime.date(2025, 11, 1), datetime.date(2026, 1, 31)),
    (None, datetime.date(2026, 1, 15)),
    (datetime.date(2026, 2, 1), None),
]


@pytest.mark.parametrize(("since", "until"), DEMO_PERIODS)
def test_demo_figures_equal_the_sql_count(demo, db, since, until):
    with clock(demo):
        compared = reconcile(until=until, since=since)
    assert compared > 1000
    print(f"demo {since}–{until}: {compared} numbers compared")
