"""The record as plain rows, for reports that count across countries (monitoring).

Each selector is one query returning value tuples, streamed in chunks, so a
report can read a million memberships without building a million model
objects. They say nothing about who may see what: callers check access.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from django.db.models import Min
from wagtail.models import Page

from ..models import (
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
from ..record_cache import record_version

CHUNK = 5000


class CohortFact(NamedTuple):
    id: int
    country_id: int
    course_key: str
    language: str
    organisation_id: int
    region: str
    kind: str
    generation: int
    parent_id: int | None
    name: str
    starts_on: object
    ends_on: object
    cascade_path: str
    cancelled: bool


class PersonFact(NamedTuple):
    id: int
    merged_into_id: int | None
    user_id: int | None
    country_id: int | None
    organisation_id: int | None
    region: str
    display_name: str
    preferred_language: str


def cohort_facts() -> Iterator[CohortFact]:
    """Every cohort, cancelled ones flagged (`cancelled`): a cohort cancelled after it
    accredited trainers still says where they were trained."""
    rows = Cohort.objects.order_by("pk").values_list(
        "pk",
        "country_id",
        "course__translation_key",
        "language",
        "host_organisation_id",
        "host_organisation__region",
        "kind",
        "generation",
        "parent_id",
        "name",
        "starts_on",
        "ends_on",
        "cascade_path",
        "status",
    )
    for row in rows.iterator(chunk_size=CHUNK):
        yield CohortFact(
            *row[:2],
            str(row[2]),
            *row[3:5],
            row[5] or "",
            *row[6:13],
            row[13] == Cohort.Status.CANCELLED,
        )


def person_facts() -> Iterator[PersonFact]:
    """Every participant, with the account's language and their organisation's region."""
    rows = Participant.objects.order_by("pk").values_list(
        "pk",
        "merged_into_id",
        "user_id",
        "country_id",
        "organisation_id",
        "organisation__region",
        "display_name",
        "user__preferred_language",
    )
    for row in rows.iterator(chunk_size=CHUNK):
        yield PersonFact(*row[:5], row[5] or "", row[6], row[7] or "")


def membership_facts() -> Iterator[tuple[int, int, object]]:
    """(participant id, cohort id, completed at) of every membership."""
    return (
        CohortMembership.objects.order_by()
        .values_list("participant_id", "cohort_id", "completed_at")
        .iterator(chunk_size=CHUNK)
    )


def session_facts() -> Iterator[tuple[int, int, object]]:
    """(session id, cohort id, starts at) of every session."""
    return (
        CohortSession.objects.order_by()
        .values_list("pk", "cohort_id", "starts_at")
        .iterator(chunk_size=CHUNK)
    )


def presence_facts() -> Iterator[tuple[int, int]]:
    """(participant id, session id) of every mark 'present'."""
    return (
        Attendance.objects.filter(status=Attendance.Status.PRESENT)
        .order_by()
        .values_list("participant_id", "session_id")
        .iterator(chunk_size=CHUNK)
    )


def enrolment_facts() -> Iterator[tuple[int, str, object, object]]:
    """(user id, course key, enrolled at, completed at) of every online enrolment."""
    rows = Enrolment.objects.order_by().values_list(
        "user_id", "course_key", "enrolled_at", "completed_at"
    )
    for user_id, course_key, enrolled_at, completed_at in rows.iterator(chunk_size=CHUNK):
        yield user_id, str(course_key), enrolled_at, completed_at


def first_lesson_facts() -> Iterator[tuple[int, object]]:
    """(user id, when they first opened any lesson)."""
    return (
        LessonProgress.objects.order_by()
        .values("user_id")
        .annotate(first=Min("started_at"))
        .values_list("user_id", "first")
        .iterator(chunk_size=CHUNK)
    )


def accreditation_facts() -> Iterator[tuple]:
    """(participant id, level, country id, valid from, valid until, granting cohort id).

    Revoked accreditations are left out: they never counted.
    """
    return (
        TrainerAccreditation.objects.filter(revoked_at__isnull=True)
        .order_by()
        .values_list(
            "participant_id",
            "level",
            "country_id",
            "valid_from",
            "valid_until",
            "granted_by_cohort_id",
        )
        .iterator(chunk_size=CHUNK)
    )


def teaching_facts() -> Iterator[tuple[int, int, str, str]]:
    """(participant id, cohort id, role, name) of every lead trainer and co-trainer."""
    return (
        CohortTrainer.objects.filter(
            role__in=[CohortTrainer.Role.LEAD, CohortTrainer.Role.CO_TRAINER]
        )
        .order_by()
        .values_list("participant_id", "cohort_id", "role", "participant__display_name")
        .iterator(chunk_size=CHUNK)
    )


def names_version() -> str:
    """Changes whenever a name below may have changed (organisations, countries, people).

    What is labelled with them can be kept under it (the record version, record_cache.py).
    """
    return record_version()


def organisation_names(ids) -> dict[str, str]:
    """{organisation id as text: name} for labelling rows."""
    return {
        str(pk): name
        for pk, name in Organisation.objects.filter(pk__in=[int(i) for i in ids if i]).values_list(
            "pk", "name"
        )
    }


def course_titles(keys, language: str) -> dict[str, tuple[str, str]]:
    """{course translation key as text: (title, the language it is written in)}, in
    `language` where translated, else the original's."""
    titles: dict[str, tuple[str, str]] = {}
    pages = (
        Page.objects.filter(translation_key__in=[key for key in keys if key])
        .order_by("pk")
        .values_list("translation_key", "title", "locale__language_code")
    )
    for key, title, page_language in pages:
        if page_language == language or str(key) not in titles:
            titles[str(key)] = (title, page_language)
    return titles


def country_names(ids) -> dict[str, tuple[str, str]]:
    """{country id as text: (ISO code, stored name)}; `country_name` translates them."""
    return {
        str(pk): (code, name)
        for pk, code, name in Country.objects.filter(pk__in=[int(i) for i in ids if i]).values_list(
            "pk", "code", "name"
        )
    }


def country_ids() -> list[int]:
    return list(Country.objects.order_by("pk").values_list("pk", flat=True))
