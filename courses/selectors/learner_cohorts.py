"""A learner's face-to-face training: the cohorts they belong to, as they see them.

Only the person's own data: each cohort's schedule (date, time, place,
modules), the person's own attendance, and the lead trainer's name. Never
another member. A fixed number of queries whatever the number of cohorts:
the person's record, their memberships, the sessions with their modules,
their attendance marks and the lead trainers.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from wagtail.models import Page

from ..models import (
    Attendance,
    Cohort,
    CohortMembership,
    CohortSession,
    CohortTrainer,
    Participant,
)


@dataclass(frozen=True)
class ScheduleEntry:
    """One session as a learner reads it; `attendance` is their own mark, if any."""

    session: CohortSession
    attendance: str | None = None

    @property
    def ends_at(self) -> datetime.datetime:
        return self.session.starts_at + datetime.timedelta(minutes=self.session.duration_minutes)

    @property
    def has_started(self) -> bool:
        return self.session.starts_at <= timezone.now()

    @property
    def attendance_label(self) -> str:
        return Attendance.Status(self.attendance).label if self.attendance else ""

    @property
    def modules(self) -> list[Page]:
        return list(self.session.modules.all())


@dataclass
class LearnerCohort:
    membership: CohortMembership
    lead_trainer: str
    sessions: list[ScheduleEntry] = field(default_factory=list)

    @property
    def cohort(self) -> Cohort:
        return self.membership.cohort

    @property
    def present(self) -> int:
        return sum(1 for item in self.sessions if item.attendance == Attendance.Status.PRESENT)


def sessions_with_modules(cohort_ids: Iterable[int]) -> QuerySet[CohortSession]:
    """The sessions of these cohorts in time order, each with its modules (two queries)."""
    return (
        CohortSession.objects.filter(cohort_id__in=list(cohort_ids))
        .prefetch_related(
            Prefetch(
                "modules",
                queryset=Page.objects.select_related("locale").order_by("path"),
            )
        )
        .order_by("starts_at", "pk")
    )


def cohort_schedule(cohort: Cohort) -> list[ScheduleEntry]:
    """What a cohort's invite page shows before anyone joins: when, where and what."""
    return [ScheduleEntry(session) for session in sessions_with_modules([cohort.pk])]


def lead_trainer_names(cohort_ids: Iterable[int]) -> dict[int, str]:
    """{cohort id: its lead trainer's name} in one query."""
    return dict(
        CohortTrainer.objects.filter(
            cohort_id__in=list(cohort_ids), role=CohortTrainer.Role.LEAD
        ).values_list("cohort_id", "participant__display_name")
    )


def learner_participant(user) -> Participant | None:
    """The record of a person with an account, if they have one yet."""
    if not user.is_authenticated:
        return None
    return Participant.objects.filter(user=user).first()


def learner_cohorts(user, participant: Participant | None = None) -> list[LearnerCohort]:
    """Each cohort the person is a member of, newest first, with their own attendance."""
    participant = participant or learner_participant(user)
    if participant is None:
        return []
    memberships = list(
        CohortMembership.objects.filter(participant=participant)
        .select_related("cohort__host_organisation", "cohort__country", "cohort__course")
        .order_by("-cohort__starts_on", "cohort__name", "pk")
    )
    if not memberships:
        return []
    cohort_ids = [membership.cohort_id for membership in memberships]
    leads = lead_trainer_names(cohort_ids)
    marks = dict(
        Attendance.objects.filter(
            participant=participant, session__cohort_id__in=cohort_ids
        ).values_list("session_id", "status")
    )
    by_cohort = {
        membership.cohort_id: LearnerCohort(membership, leads.get(membership.cohort_id, ""))
        for membership in memberships
    }
    for session in sessions_with_modules(cohort_ids):
        by_cohort[session.cohort_id].sessions.append(ScheduleEntry(session, marks.get(session.pk)))
    return list(by_cohort.values())
