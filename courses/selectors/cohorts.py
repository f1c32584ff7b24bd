"""Reads about one cohort: its members, its places, a session's marks; and the sessions soon."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet

from ..models import Cohort, CohortMembership, CohortSession, CohortTrainer, Participant


def cohort_is_full(cohort: Cohort) -> bool:
    """Whether every place of the cohort is taken."""
    return cohort.memberships.count() >= cohort.capacity


def cohort_team_ids(cohort: Cohort | int) -> set[int]:
    """Participant ids of the cohort's team (lead, co-trainers, young experts)."""
    return set(CohortTrainer.objects.filter(cohort=cohort).values_list("participant_id", flat=True))


def cohort_members(cohort: Cohort) -> QuerySet[Participant]:
    """The cohort's members (their participant records), by name."""
    return Participant.objects.filter(memberships__cohort=cohort).order_by("display_name")


def cohort_roster(cohort: Cohort) -> QuerySet[CohortMembership]:
    """The cohort's memberships with each person and organisation, by name."""
    return cohort.memberships.select_related(
        "participant__user", "participant__organisation"
    ).order_by("participant__display_name")


def session_marks(session: CohortSession) -> dict[int, str]:
    """The attendance marked for a session: participant id -> status."""
    return dict(session.attendance.values_list("participant_id", "status"))


def cohort_by_id(pk: int) -> Cohort | None:
    """The cohort with this id, or None."""
    return Cohort.objects.filter(pk=pk).first()


def cohort_membership(cohort: Cohort, participant: Participant) -> CohortMembership:
    """One person's membership of a cohort (DoesNotExist when they are not a member)."""
    return CohortMembership.objects.select_related("participant").get(
        cohort=cohort, participant=participant
    )


def sessions_outside_dates(cohort: Cohort) -> list[CohortSession]:
    """The cohort's sessions that start outside its dates (none, when the dates are kept)."""
    first, last = cohort.session_window()
    return [
        session
        for session in cohort.sessions.order_by("starts_at")
        if not first <= session.starts_at <= last
    ]


def sessions_starting_between(
    start: datetime.datetime, end: datetime.datetime
) -> QuerySet[CohortSession]:
    """Every cohort's sessions starting from `start` until before `end`, soonest first, each with
    its cohort and country (one query for any slice). A cancelled cohort's sessions are not
    held."""
    return (
        CohortSession.objects.filter(starts_at__gte=start, starts_at__lt=end)
        .exclude(cohort__status=Cohort.Status.CANCELLED)
        .select_related("cohort__country")
        .order_by("starts_at", "pk")
    )
