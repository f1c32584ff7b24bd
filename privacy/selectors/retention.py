"""Who has been inactive for longer than the platform keeps personal data.

A person is inactive since a moment (`since`) when nothing of theirs happened
after it: for an account, no sign-in, sign-up, online learning or test; for
any record of theirs (merged records included), no membership joined or
completed, no cohort of theirs (as a member or on its team) still running after
that day, no attendance marked, no test sent or opened, no certificate issued,
no invitation and no accreditation still valid after that day. Staff (staff
flag, administrators, anyone with a role) are never chosen: coordinators
manage their accounts. Nobody already asked to be erased is chosen again.

A retention erasure waits between the daily job's asking and its run (a day when
the job stopped): the erasure asks `still_inactive` again before its first step.

Each selector is one query.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from accounts.models import RoleAssignment
from assessments.models import Attempt
from certificates.models import Certificate
from courses.models import (
    Attendance,
    CohortInvitation,
    CohortMembership,
    CohortTrainer,
    Enrolment,
    LessonProgress,
    Participant,
    TrainerAccreditation,
)

from ..models import ErasureRequest
from .people import Person


def retention_days() -> int:
    return int(getattr(settings, "PRIVACY_INACTIVE_RETENTION_DAYS", 0) or 0)


def inactive_since(now: datetime.datetime | None = None) -> datetime.datetime | None:
    """The moment before which activity is too old; None when retention is off."""
    days = retention_days()
    if days <= 0:
        return None
    return (now or timezone.now()) - datetime.timedelta(days=days)


def _active_records(records: Q, since: datetime.datetime) -> Q:
    """Something happened after `since` to one of the records matched by `records`
    (a condition on `participant`, evaluated against the outer row)."""
    day = since.date()
    return (
        Exists(
            CohortMembership.objects.filter(records).filter(
                Q(joined_at__gte=since) | Q(completed_at__gte=since) | Q(cohort__ends_on__gte=day)
            )
        )
        | Exists(CohortTrainer.objects.filter(records, cohort__ends_on__gte=day))
        | Exists(Attendance.objects.filter(records, marked_at__gte=since))
        | Exists(
            Attempt.everything.filter(records).filter(
                Q(submitted_at__gte=since) | Q(started_at__gte=since)
            )
        )
        | Exists(Certificate.objects.filter(records, issued_at__gte=since))
        | Exists(CohortInvitation.objects.filter(records, created_at__gte=since))
        | Exists(
            TrainerAccreditation.objects.filter(
                records, revoked_at__isnull=True, valid_until__gte=day
            )
        )
    )


def _inactive_accounts(since: datetime.datetime) -> QuerySet:
    """Accounts (not staff) with nothing of theirs after `since`."""
    mine = Q(participant__user=OuterRef("pk")) | Q(participant__merged_into__user=OuterRef("pk"))
    active = (
        Q(date_joined__gte=since)
        | Q(last_login__gte=since)
        | Exists(
            Enrolment.objects.filter(user=OuterRef("pk")).filter(
                Q(enrolled_at__gte=since)
                | Q(last_activity_at__gte=since)
                | Q(completed_at__gte=since)
            )
        )
        | Exists(LessonProgress.objects.filter(user=OuterRef("pk"), last_viewed_at__gte=since))
        | _active_records(mine, since)
    )
    return (
        get_user_model()
        .objects.exclude(active)
        .exclude(Q(is_staff=True) | Q(is_superuser=True))
        .exclude(Exists(RoleAssignment.objects.filter(user=OuterRef("pk"))))
    )


def _inactive_roster_records(since: datetime.datetime) -> QuerySet[Participant]:
    """Roster-only people (no account, not merged into another record) recorded before
    `since` with nothing of theirs after it."""
    mine = Q(participant=OuterRef("pk")) | Q(participant__merged_into=OuterRef("pk"))
    return (
        Participant.objects.filter(user__isnull=True, merged_into__isnull=True)
        .filter(created_at__lt=since)
        .exclude(_active_records(mine, since))
    )


def inactive_accounts(since: datetime.datetime) -> QuerySet:
    """Accounts (not staff, not asked for yet) with nothing of theirs after `since`."""
    return (
        _inactive_accounts(since)
        .exclude(Exists(ErasureRequest.objects.filter(user=OuterRef("pk"))))
        .order_by("pk")
    )


def inactive_roster_records(since: datetime.datetime) -> QuerySet[Participant]:
    """Roster-only people (no account, not merged into another record, not asked for yet)
    recorded before `since` with nothing of theirs after it."""
    return (
        _inactive_roster_records(since)
        .exclude(Exists(ErasureRequest.objects.filter(participant=OuterRef("pk"))))
        .order_by("pk")
    )


def still_inactive(person: Person, since: datetime.datetime) -> bool:
    """Whether the person, asked for by retention some time ago, is inactive since `since`
    still: an account (their record's, should a roster record have been merged into an
    account's since) as `inactive_accounts` says, a roster-only person as
    `inactive_roster_records` says, whether asked for or not."""
    if person.user is not None:
        return _inactive_accounts(since).filter(pk=person.user.pk).exists()
    return _inactive_roster_records(since).filter(pk=person.root_id).exists()
