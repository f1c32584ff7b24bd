"""The NSG figures counted again, straight from the tables, in SQL that runs on SQLite and PostgreSQL.

Written from the definitions in docs/monitoring.md alone, to check the aggregate
layer (monitoring/selectors/figures.py) against a count that shares none of its
code. Everything is counted in SQL; Python only names the rows, turns sums into
a rate or a mean and rounds them as the dashboard does.

Local dates: a moment's date is its date in TIME_ZONE. Rather than convert
moments in SQL (which the two databases do differently), the boundaries of the
period and of each month are given as moments (the local midnight, as UTC), and
moments are compared with them.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db import connection
from django.utils import timezone

EXPIRING_WITHIN_DAYS = 90
ACTIVE_WITHIN_DAYS = 365
# Periods start at the beginning of the record; no record is older than this.
BEGINNING = datetime.date(1900, 1, 1)

PEOPLE_MEASURES = ["reached", "professionals", "young_people", "completed", "certified"]
COHORT_MEASURES = ["cohorts_held", "cohorts_running", "cohorts_planned"]
BREAKDOWN_MEASURES = [
    *COHORT_MEASURES,
    *PEOPLE_MEASURES,
    "attendance_rate",
    "members",
    "gain_people",
    "mean_gain",
    "trainers",
]
DIMENSIONS = ["organisation", "region", "month", "course", "language", "generation"]
LEVELS = ["master_trainer", "trainer"]
STATUSES = ["accredited", "active", "expiring", "expired"]
STAGES = ["enrolled", "attended", "completed", "certified"]
CERTIFICATE_KINDS = ["completion", "youth", "accreditation"]


@dataclass
class Counted:
    """One scope's figures (a country, or all countries), as the SQL counted them."""

    # table name ("by_region", ...) → row key → measure → value; the key "" of
    # "by_organisation" etc. is the "not given" row. Rows with nothing are absent.
    breakdowns: dict[str, dict[str, dict]] = field(default_factory=dict)
    totals: dict = field(default_factory=dict)
    # organisation key → region key
    regions: dict[str, str] = field(default_factory=dict)
    trainers: dict[str, dict[str, int]] = field(default_factory=dict)
    trainer_totals: dict[str, int] = field(default_factory=dict)
    funnel: dict[str, int] = field(default_factory=dict)
    certificates: dict[str, int] = field(default_factory=dict)
    certificate_total: int = 0


# --- The common part of every query -----------------------------------------------------------

# Every participant record with the record it was merged into at the end of its chain.
CHAIN = """
chain (id, root) AS (
    SELECT id, id FROM courses_participant WHERE merged_into_id IS NULL
    UNION ALL
    SELECT p.id, chain.root
    FROM courses_participant p JOIN chain ON p.merged_into_id = chain.id
)"""

PEOPLE = """
sitting AS (
    -- people in cohorts that are not cancelled and have started by the end of the period
    SELECT chain.root AS person, c.id AS cohort_id, c.starts_on, c.kind, c.country_id,
           c.host_organisation_id, c.language, c.generation, c.course_id
    FROM courses_cohortmembership m
    JOIN chain ON chain.id = m.participant_id
    JOIN courses_cohort c ON c.id = m.cohort_id
    WHERE c.status <> 'cancelled' AND c.starts_on <= %(until)s
),
first_cohort AS (
    SELECT * FROM (
        SELECT sitting.*,
               ROW_NUMBER() OVER (PARTITION BY person ORDER BY starts_on, cohort_id) AS place
        FROM sitting
    ) ranked WHERE place = 1
),
first_enrolment AS (
    SELECT * FROM (
        SELECT chain.root AS person, e.enrolled_at, e.course_key, e.user_id,
               ROW_NUMBER() OVER (PARTITION BY chain.root ORDER BY e.enrolled_at, e.id) AS place
        FROM courses_enrolment e
        JOIN courses_participant account ON account.user_id = e.user_id
        JOIN chain ON chain.id = account.id
        WHERE e.enrolled_at < %(until_end)s
    ) ranked WHERE place = 1
),
person_row AS (
    -- each reached person once, with the row and the country they count in
    SELECT f.person, f.starts_on AS reached_on,
           CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS reached_at,
           COALESCE(own.country_id, f.country_id) AS country_id,
           f.host_organisation_id AS organisation_id,
           COALESCE(o.region, '') AS region, page.translation_key AS course_key,
           f.language, CAST(f.generation AS VARCHAR(8)) AS generation
    FROM first_cohort f
    -- the country on the person's own (surviving) record, else the cohort's
    JOIN courses_participant own ON own.id = f.person
    JOIN courses_organisation o ON o.id = f.host_organisation_id
    JOIN wagtailcore_page page ON page.id = f.course_id
    UNION ALL
    SELECT e.person, CAST(NULL AS DATE), e.enrolled_at,
           p.country_id, p.organisation_id,
           COALESCE(o.region, ''), e.course_key,
           COALESCE(own.preferred_language, ''), ''
    FROM first_enrolment e
    JOIN courses_participant p ON p.id = e.person
    LEFT JOIN courses_organisation o ON o.id = p.organisation_id
    -- the person's account is the surviving record's (not the merged record's they may
    -- have enrolled with); without one, the language is not given
    LEFT JOIN accounts_user own ON own.id = p.user_id
    WHERE NOT EXISTS (SELECT 1 FROM first_cohort f WHERE f.person = e.person)
),
young AS (
    SELECT DISTINCT person FROM sitting WHERE kind = 'youth_module'
),
completion AS (
    SELECT person, MIN(done) AS done FROM (
        SELECT chain.root AS person, m.completed_at AS done
        FROM courses_cohortmembership m
        JOIN chain ON chain.id = m.participant_id
        JOIN courses_cohort c ON c.id = m.cohort_id
        WHERE c.status <> 'cancelled' AND m.completed_at IS NOT NULL
        UNION ALL
        SELECT chain.root, e.completed_at
        FROM courses_enrolment e
        JOIN courses_participant account ON account.user_id = e.user_id
        JOIN chain ON chain.id = account.id
        WHERE e.completed_at IS NOT NULL
    ) completions
    WHERE done < %(until_end)s
    GROUP BY person
),
taking_part AS (
    SELECT person, MIN(moment) AS moment FROM (
        SELECT chain.root AS person, s.starts_at AS moment
        FROM courses_attendance a
        JOIN chain ON chain.id = a.participant_id
        JOIN courses_cohortsession s ON s.id = a.session_id
        JOIN courses_cohort c ON c.id = s.cohort_id
        WHERE a.status = 'present' AND c.status <> 'cancelled'
          AND s.starts_at <= %(now)s AND s.starts_at < %(until_end)s
        UNION ALL
        SELECT chain.root, lesson.started_at
        FROM courses_lessonprogress lesson
        JOIN courses_participant account ON account.user_id = lesson.user_id
        JOIN chain ON chain.id = account.id
        UNION ALL
        SELECT person, done FROM completion
    ) moments
    WHERE moment < %(until_end)s
    GROUP BY person
),
certification AS (
    SELECT chain.root AS person, MIN(cert.issued_at) AS issued
    FROM certificates_certificate cert
    JOIN chain ON chain.id = cert.participant_id
    -- revoked only because the holder was erased: still issued
    WHERE (cert.revoked_at IS NULL OR cert.revocation_reason = 'erased')
      AND cert.issued_at < %(until_end)s
    GROUP BY chain.root
),
person_event (measure, person, on_day, at_moment) AS (
    SELECT 'reached', person, reached_on, reached_at FROM person_row
    UNION ALL
    SELECT 'young_people', person, reached_on, reached_at FROM person_row
    WHERE person IN (SELECT person FROM young)
    UNION ALL
    SELECT 'professionals', person, reached_on, reached_at FROM person_row
    WHERE person NOT IN (SELECT person FROM young)
    UNION ALL
    SELECT 'attended', person, CAST(NULL AS DATE), moment FROM taking_part
    UNION ALL
    SELECT 'completed', person, CAST(NULL AS DATE), done FROM completion
    UNION ALL
    SELECT 'certified', person, CAST(NULL AS DATE), issued FROM certification
)"""

# A day or a moment inside the period, and inside a month of the months table.
IN_PERIOD = """(
    ({alias}.on_day >= %(since)s AND {alias}.on_day <= %(until)s)
    OR ({alias}.at_moment >= %(since_start)s AND {alias}.at_moment < %(until_end)s)
)"""
IN_MONTH = """(
    ({alias}.on_day >= month.first_day AND {alias}.on_day < month.next_first_day)
    OR ({alias}.at_moment >= month.starts AND {alias}.at_moment < month.ends)
)"""


def _months_table(first: datetime.date, last: datetime.date) -> tuple[str, dict]:
    """A CTE of the months from `first` to `last`: key, first day, next first day, and the
    moments (local midnight) they start and end."""
    rows, params = [], {}
    year, month = first.year, first.month
    index = 0
    while (year, month) <= (last.year, last.month):
        start = datetime.date(year, month, 1)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        following = datetime.date(year, month, 1)
        names = [f"month_{index}_{part}" for part in ("key", "first", "next", "starts", "ends")]
        rows.append("(" + ", ".join(f"%({name})s" for name in names) + ")")
        params.update(
            zip(
                names,
                [
                    f"{start:%Y-%m}",
                    _day(start),
                    _day(following),
                    _moment(start),
                    _moment(following),
                ],
                strict=True,
            )
        )
        index += 1
    table = "month (key, first_day, next_first_day, starts, ends) AS (VALUES {})".format(
        ", ".join(rows)
    )
    return table, params


def _day(day: datetime.date):
    return connection.ops.adapt_datefield_value(day)


def _moment(day: datetime.date):
    """The local midnight starting `day`, as the database stores moments."""
    midnight = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
    return connection.ops.adapt_datetimefield_value(midnight)


def _fetch(sql: str, params: dict) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


# --- Row keys ---------------------------------------------------------------------------------


def _key(value) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, uuid.UUID):
        return str(value)
    text = str(value)
    if len(text) == 32 and all(char in "0123456789abcdef" for char in text):
        return str(uuid.UUID(text))  # SQLite keeps UUIDs as 32 hex digits
    return text


def rounded(value: Decimal | None) -> float | None:
    if value is None:
        return None
    return float(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


# The SQL expression of each dimension, for people (person_row r) and for cohorts
# (courses_cohort c, its organisation o, its course page).
PERSON_KEYS = {
    "organisation": "r.organisation_id",
    "region": "r.region",
    "course": "r.course_key",
    "language": "r.language",
    "generation": "r.generation",
    "country": "r.country_id",
    "month": "month.key",
    # PostgreSQL refuses a bare constant in GROUP BY
    "total": "CAST('' AS VARCHAR(8))",
}
COHORT_KEYS = {
    "organisation": "c.host_organisation_id",
    "region": "COALESCE(o.region, '')",
    "course": "page.translation_key",
    "language": "c.language",
    "generation": "CAST(c.generation AS VARCHAR(8))",
    "country": "c.country_id",
    "month": "month.key",
    "total": "CAST('' AS VARCHAR(8))",
}


class Counter:
    """The counts of one period, for any scope: `counted(country_id)` (None: all countries)."""

    def __init__(self, *, until: datetime.date, since: datetime.date | None, now):
        self.until, self.since, self.now = until, since, now
        # The months a record may hold (a figure outside them would break the month
        # breakdown's sum, which the tests check).
        self.months, self.month_params = _months_table(
            datetime.date(until.year - 6, 1, 1), datetime.date(until.year + 2, 12, 1)
        )
        self.params = {
            "until": _day(until),
            "until_end": _moment(until + datetime.timedelta(days=1)),
            "since": _day(since or BEGINNING),
            "since_start": _moment(since or BEGINNING),
            "now": connection.ops.adapt_datetimefield_value(now),
            "expiring_by": _day(until + datetime.timedelta(days=EXPIRING_WITHIN_DAYS)),
            "active_since": _day(until - datetime.timedelta(days=ACTIVE_WITHIN_DAYS)),
        }

    def query(self, sql: str, *, months: bool = False, **extra) -> list[tuple]:
        """`sql` after the common CTEs; with the table of months when it needs it."""
        if months:
            with_clause = f"WITH RECURSIVE {CHAIN},\n{self.months},\n{PEOPLE}"
            extra = {**self.month_params, **extra}
        else:
            with_clause = f"WITH RECURSIVE {CHAIN},\n{PEOPLE}"
        return _fetch(f"{with_clause}\n{sql}", {**self.params, **extra})

    def query_by(self, dimension: str, sql: str, **extra) -> list[tuple]:
        return self.query(sql, months=dimension == "month", **extra)

    def country_ids(self) -> list[int]:
        return [row[0] for row in _fetch("SELECT id FROM courses_country ORDER BY id", {})]

    # Each method returns {row key: {measure: value}} for one dimension ("total": one row "").

    def people(self, dimension: str, scope: str) -> dict[str, dict]:
        month_join = (
            f"JOIN month ON {IN_MONTH.format(alias='event')}" if dimension == "month" else ""
        )
        rows = self.query_by(
            dimension,
            f"""
            SELECT event.measure, {PERSON_KEYS[dimension]} AS row_key, COUNT(*)
            FROM person_event event
            JOIN person_row r ON r.person = event.person
            {month_join}
            WHERE {IN_PERIOD.format(alias="event")} AND {scope.format(country="r.country_id")}
            GROUP BY event.measure, {PERSON_KEYS[dimension]}
            """,
        )
        counted: dict[str, dict] = {}
        for measure, key, count in rows:
            counted.setdefault(_key(key), {})[measure] = count
        return counted

    def cohorts(self, dimension: str, scope: str) -> dict[str, dict]:
        month_join = (
            "JOIN month ON c.starts_on >= month.first_day AND c.starts_on < month.next_first_day"
            if dimension == "month"
            else ""
        )
        rows = self.query_by(
            dimension,
            f"""
            SELECT {COHORT_KEYS[dimension]} AS row_key,
                   SUM(CASE WHEN c.starts_on > %(until)s THEN 1 ELSE 0 END),
                   SUM(CASE WHEN c.starts_on <= %(until)s AND c.ends_on >= %(until)s
                       THEN 1 ELSE 0 END),
                   SUM(CASE WHEN c.ends_on < %(until)s AND c.ends_on >= %(since)s
                       THEN 1 ELSE 0 END)
            FROM courses_cohort c
            JOIN courses_organisation o ON o.id = c.host_organisation_id
            JOIN wagtailcore_page page ON page.id = c.course_id
            {month_join}
            WHERE c.status <> 'cancelled' AND {scope.format(country="c.country_id")}
            GROUP BY {COHORT_KEYS[dimension]}
            """,
        )
        return {
            _key(key): {
                "cohorts_planned": planned,
                "cohorts_running": running,
                "cohorts_held": held,
            }
            for key, planned, running, held in rows
        }

    def attendance(self, dimension: str, scope: str) -> dict[str, dict]:
        """The attendance rate by row (Σ present ÷ Σ members × sessions) and its base."""
        month_join = f"JOIN month ON {IN_MONTH.format(alias='s')}" if dimension == "month" else ""
        counted_sessions = """
            counted_session AS (
                SELECT s.id, s.cohort_id, CAST(NULL AS DATE) AS on_day, s.starts_at AS at_moment
                FROM courses_cohortsession s
                JOIN courses_cohort c ON c.id = s.cohort_id
                WHERE c.status <> 'cancelled' AND s.starts_at <= %(now)s
                  AND s.starts_at >= %(since_start)s AND s.starts_at < %(until_end)s
            ),
            member AS (
                SELECT DISTINCT m.cohort_id, chain.root AS person
                FROM courses_cohortmembership m JOIN chain ON chain.id = m.participant_id
            ),
            session_count AS (
                SELECT s.id,
                       (SELECT COUNT(*) FROM member WHERE member.cohort_id = s.cohort_id)
                           AS members,
                       (SELECT COUNT(DISTINCT chain.root)
                        FROM courses_attendance a JOIN chain ON chain.id = a.participant_id
                        WHERE a.session_id = s.id AND a.status = 'present'
                          AND chain.root IN (
                              SELECT person FROM member WHERE member.cohort_id = s.cohort_id
                          )) AS present
                FROM counted_session s
            )"""
        tables = f"""
            FROM counted_session s
            JOIN courses_cohort c ON c.id = s.cohort_id
            JOIN courses_organisation o ON o.id = c.host_organisation_id
            JOIN wagtailcore_page page ON page.id = c.course_id
            {month_join}"""
        where = f"WHERE {scope.format(country='c.country_id')}"
        sums = self.query_by(
            dimension,
            f""", {counted_sessions}
            SELECT {COHORT_KEYS[dimension]}, SUM(n.present), SUM(n.members)
            {tables} JOIN session_count n ON n.id = s.id
            {where}
            GROUP BY {COHORT_KEYS[dimension]}
            """,
        )
        # "members", the base the rate is shown on: each cohort's members, once for each row
        # the cohort holds sessions in (a person in two cohorts of a row counts twice; see
        # test_suppression.py for what that lets through).
        places = self.query_by(
            dimension,
            f""", {counted_sessions}
            SELECT row_key, SUM(members) FROM (
                SELECT DISTINCT {COHORT_KEYS[dimension]} AS row_key, s.cohort_id,
                       (SELECT COUNT(*) FROM member WHERE member.cohort_id = s.cohort_id)
                           AS members
                {tables}
                {where}
            ) placed
            GROUP BY row_key
            """,
        )
        counted: dict[str, dict] = {}
        for key, present, expected in sums:
            if expected:
                rate = Decimal(100) * Decimal(present) / Decimal(expected)
                counted.setdefault(_key(key), {})["attendance_rate"] = rounded(rate)
        for key, members in places:
            counted.setdefault(_key(key), {})["members"] = int(members)
        return counted

    def gain(self, dimension: str, scope: str) -> dict[str, dict]:
        """People with both tests (person and course pairs) and their mean gain, by row."""
        month_join = (
            "JOIN month ON "
            + IN_MONTH.replace("{alias}.on_day", "r.reached_on").replace(
                "{alias}.at_moment", "r.reached_at"
            )
            if dimension == "month"
            else ""
        )
        key = "g.course_key" if dimension == "course" else PERSON_KEYS[dimension]
        in_period = IN_PERIOD.replace("{alias}.on_day", "r.reached_on").replace(
            "{alias}.at_moment", "r.reached_at"
        )
        rows = self.query_by(
            dimension,
            f""", result AS (
                SELECT chain.root AS person, a.course_key, a.kind,
                       CAST(ROUND(a.percent * 100) AS INTEGER) AS hundredths,
                       ROW_NUMBER() OVER (
                           PARTITION BY chain.root, a.course_key, a.kind
                           ORDER BY a.submitted_at, a.id
                       ) AS first_place,
                       ROW_NUMBER() OVER (
                           PARTITION BY chain.root, a.course_key, a.kind
                           ORDER BY a.submitted_at DESC, a.id DESC
                       ) AS last_place
                FROM assessments_attempt a
                JOIN chain ON chain.id = a.participant_id
                WHERE a.status = 'submitted' AND a.kind IN ('pre_test', 'post_test')
                  AND a.course_key IS NOT NULL AND a.percent IS NOT NULL
                  AND a.submitted_at < %(until_end)s
            ),
            g AS (
                SELECT pre.person, pre.course_key, post.hundredths - pre.hundredths AS gain
                FROM result pre
                JOIN result post ON post.person = pre.person AND post.course_key = pre.course_key
                WHERE pre.kind = 'pre_test' AND pre.first_place = 1
                  AND post.kind = 'post_test' AND post.last_place = 1
            )
            SELECT {key}, COUNT(*), SUM(g.gain)
            FROM g JOIN person_row r ON r.person = g.person
            {month_join}
            WHERE {in_period} AND {scope.format(country="r.country_id")}
            GROUP BY {key}
            """,
        )
        counted: dict[str, dict] = {}
        for row_key, pairs, hundredths in rows:
            mean = Decimal(int(hundredths)) / Decimal(100) / Decimal(pairs)
            counted[_key(row_key)] = {"gain_people": pairs, "mean_gain": rounded(mean)}
        return counted

    # Trainers: each person's chosen accreditation (not revoked, started by the end of the
    # period): of the higher level still valid, lasting longest; for someone with none valid,
    # the one that ended last. The table of trainers by level is as of the period's end;
    # within a period, the breakdowns' "trainers accredited" count those whose chosen
    # accreditation starts inside it (the cohort that granted it counts even if cancelled).
    TRAINER = """, accreditation AS (
        SELECT a.*, chain.root AS person
        FROM courses_traineraccreditation a JOIN chain ON chain.id = a.participant_id
        WHERE a.revoked_at IS NULL AND a.valid_from <= %(until)s
    ),
    chosen AS (
        SELECT * FROM (
            SELECT accreditation.*,
                   ROW_NUMBER() OVER (
                       PARTITION BY person
                       ORDER BY CASE WHEN valid_until >= %(until)s THEN 0 ELSE 1 END,
                                CASE WHEN valid_until >= %(until)s AND level = 'trainer'
                                     THEN 1 ELSE 0 END,
                                valid_until DESC,
                                CASE WHEN level = 'master_trainer' THEN 0 ELSE 1 END,
                                id
                   ) AS place
            FROM accreditation
        ) ranked WHERE place = 1
    ),
    trainer AS (
        -- their country: the one on their own record, else the chosen accreditation's
        SELECT chosen.id, chosen.level, chosen.valid_from, chosen.valid_until,
               chosen.granted_by_cohort_id, chosen.person,
               COALESCE(own.country_id, chosen.country_id) AS country_id,
               CASE WHEN valid_until >= %(until)s THEN 1 ELSE 0 END AS is_accredited,
               CASE WHEN valid_until >= %(until)s AND valid_until <= %(expiring_by)s
                    THEN 1 ELSE 0 END AS is_expiring,
               CASE WHEN valid_until < %(until)s THEN 1 ELSE 0 END AS is_expired,
               CASE WHEN valid_until >= %(until)s AND EXISTS (
                   SELECT 1 FROM courses_cohorttrainer ct
                   JOIN chain ON chain.id = ct.participant_id
                   JOIN courses_cohort c ON c.id = ct.cohort_id
                   WHERE chain.root = chosen.person AND ct.role IN ('lead', 'co_trainer')
                     AND c.status <> 'cancelled' AND c.starts_on <= %(until)s
                     AND c.ends_on >= %(active_since)s
               ) THEN 1 ELSE 0 END AS is_active
        FROM chosen JOIN courses_participant own ON own.id = chosen.person
    )"""

    def trainer_levels(self, scope: str) -> dict[str, dict]:
        rows = self.query(
            f"""{self.TRAINER}
            SELECT level, SUM(is_accredited), SUM(is_active), SUM(is_expiring), SUM(is_expired)
            FROM trainer t
            WHERE {scope.format(country="t.country_id")}
            GROUP BY level
            """,
        )
        return {
            level: dict(zip(STATUSES, map(int, counts), strict=True)) for level, *counts in rows
        }

    def trainers(self, dimension: str, scope: str) -> dict[str, dict]:
        """Accredited trainers in the row of the cohort that accredited them."""
        key = COHORT_KEYS[dimension]
        if dimension == "country":
            key = "t.country_id"
        month_join = (
            "JOIN month ON t.valid_from >= month.first_day AND t.valid_from < month.next_first_day"
            if dimension == "month"
            else ""
        )
        rows = self.query_by(
            dimension,
            f"""{self.TRAINER}
            SELECT {key}, COUNT(*)
            FROM trainer t
            LEFT JOIN courses_cohort c ON c.id = t.granted_by_cohort_id
            LEFT JOIN courses_organisation o ON o.id = c.host_organisation_id
            LEFT JOIN wagtailcore_page page ON page.id = c.course_id
            {month_join}
            WHERE t.is_accredited = 1 AND t.valid_from >= %(since)s
              AND {scope.format(country="t.country_id")}
            GROUP BY {key}
            """,
        )
        return {_key(row_key): {"trainers": count} for row_key, count in rows}

    def certificates(self, scope: str) -> dict[str, int]:
        rows = self.query(
            f"""
            SELECT cert.kind, COUNT(*)
            FROM certificates_certificate cert
            LEFT JOIN courses_cohort c ON c.id = cert.cohort_id
            LEFT JOIN courses_traineraccreditation a ON a.id = cert.accreditation_id
            -- the holder: the record the certificate was issued to (docs/monitoring.md does
            -- not say whether a merged record's certificate takes the surviving record's country)
            JOIN courses_participant holder ON holder.id = cert.participant_id
            WHERE (cert.revoked_at IS NULL OR cert.revocation_reason = 'erased')
              AND cert.issued_at >= %(since_start)s AND cert.issued_at < %(until_end)s
              AND {scope.format(country="COALESCE(c.country_id, a.country_id, holder.country_id)")}
            GROUP BY cert.kind
            """
        )
        return dict(rows)

    def funnel(self, scope: str) -> dict[str, int]:
        """The people reached in the period, and how many of them took part, completed and
        were certified by the end of the period."""
        in_period = IN_PERIOD.replace("{alias}.on_day", "r.reached_on").replace(
            "{alias}.at_moment", "r.reached_at"
        )
        ((enrolled, attended, completed, certified),) = self.query(
            f"""
            SELECT COUNT(*),
                   COUNT(taking_part.person),
                   COUNT(completion.person),
                   COUNT(certification.person)
            FROM person_row r
            LEFT JOIN taking_part ON taking_part.person = r.person
            LEFT JOIN completion ON completion.person = r.person
            LEFT JOIN certification ON certification.person = r.person
            WHERE {in_period} AND {scope.format(country="r.country_id")}
            """
        )[0:1]
        return {
            "enrolled": enrolled,
            "attended": attended,
            "completed": completed,
            "certified": int(certified or 0),
        }

    # --- One scope, every table -------------------------------------------------------------

    def counted(self, country_id: int | None) -> Counted:
        scope = "1 = 1" if country_id is None else "{country} = %(scope_country)s"
        self.params["scope_country"] = country_id
        result = Counted()
        dimensions = [*DIMENSIONS, *(["country"] if country_id is None else [])]
        for dimension in [*dimensions, "total"]:
            rows: dict[str, dict] = {}
            for part in (
                self.people(dimension, scope),
                self.cohorts(dimension, scope),
                self.attendance(dimension, scope),
                self.gain(dimension, scope),
                self.trainers(dimension, scope),
            ):
                for key, values in part.items():
                    rows.setdefault(key, {}).update(values)
            for values in rows.values():
                for measure in [*PEOPLE_MEASURES, *COHORT_MEASURES, "members", "gain_people"]:
                    values.setdefault(measure, 0)
                values.setdefault("trainers", 0)
                values.setdefault("attendance_rate", None)
                values.setdefault("mean_gain", None)
                values.pop("attended", None)
            if dimension == "total":
                result.totals = rows.get("", _empty())
            else:
                result.breakdowns[f"by_{dimension}"] = rows
        result.regions = {
            _key(organisation): region or ""
            for organisation, region in _fetch("SELECT id, region FROM courses_organisation", {})
        }
        result.funnel = self.funnel(scope)
        result.trainers = self.trainer_levels(scope)
        result.trainer_totals = {
            status: sum(level.get(status, 0) for level in result.trainers.values())
            for status in STATUSES
        }
        result.certificates = self.certificates(scope)
        result.certificate_total = sum(result.certificates.values())
        return result


def _empty() -> dict:
    values: dict = dict.fromkeys(BREAKDOWN_MEASURES, 0)
    values["attendance_rate"] = None
    values["mean_gain"] = None
    return values


def counted_figures(
    *, until: datetime.date, since: datetime.date | None = None, now=None
) -> dict[int | None, Counted]:
    """Every country's figures and all countries' (key None), counted in SQL."""
    counter = Counter(until=until, since=since, now=now or timezone.now())
    scopes: list[int | None] = [*counter.country_ids(), None]
    return {scope: counter.counted(scope) for scope in scopes}
