"""Completion: the one door through which a person completes a course or a cohort.

Every path that can complete someone (a lesson finished, attendance marked, a
paper or online test result, an H5P result, an import, the admin) calls these.
Each completion is written in exactly one place, with a conditional UPDATE
(`completed_at IS NULL`), so two requests racing complete once; the winner
sends `courses.signals.course_completed` or `cohort_membership_completed`.
Completion is never taken back.

The rules:
- An enrolment completes when its required lessons are done and every rule
  registered in `courses.completion_rules` is met (assessments registers
  "required assessments passed").
- A cohort membership completes when the member was present at at least the
  cohort's threshold of its sessions (all its sessions count; a presence
  counts once its session has started, and at least one is needed whatever
  the threshold), (for a member with an account) their
  enrolment in the cohort's course is complete, and every registered rule is
  met for that cohort (roster-only people can meet them with paper results
  entered in it).
- A training of trainers produces trainers, so nobody skips its online part:
  it completes only members with an account whose enrolment in its course is
  complete; a roster-only member of a training of trainers never completes it.
"""

from __future__ import annotations

import uuid

from django.utils import timezone

from .. import completion_rules, progress_cache, record_cache, selectors
from ..models import Attendance, CohortMembership, Enrolment, Participant
from ..signals import cohort_membership_completed, course_completed
from .participants import participant_for_user


def enrolment_refresh_completion(enrolment: Enrolment) -> bool:
    """Complete the enrolment if the course's rules are met now; returns whether it is complete.

    When it completes, the person's memberships in cohorts of this course are
    judged again, since the online part was what they were waiting for.
    """
    if enrolment.completed_at is not None:
        return True
    if not selectors.course_progress(enrolment.user, enrolment.course).is_complete:
        return False
    participant = participant_for_user(enrolment.user)
    if not completion_rules.rules_met(participant, enrolment.course_key, cohort=None):
        return False
    now = timezone.now()
    won = Enrolment.objects.filter(pk=enrolment.pk, completed_at__isnull=True).update(
        completed_at=now
    )
    enrolment.completed_at = now if won else enrolment.completed_at
    if won:
        progress_cache.progress_changed(enrolment.user_id)
        course_completed.send(sender=Enrolment, enrolment=enrolment)
        memberships_refresh(
            participant=participant, cohort__course__translation_key=enrolment.course_key
        )
    else:  # someone else completed it meanwhile
        enrolment.refresh_from_db(fields=["completed_at"])
    return True


def membership_refresh_completion(membership: CohortMembership) -> bool:
    """Complete a cohort member who meets every rule now; returns whether they are complete."""
    if membership.completed_at is not None:
        return True
    cohort = membership.cohort
    sessions = cohort.sessions.count()
    # Only presence at sessions that have started counts, and at least one is needed
    # whatever the threshold: nobody completes a cohort before it met.
    present = Attendance.objects.filter(
        session__cohort=cohort,
        session__starts_at__lte=timezone.now(),
        participant_id=membership.participant_id,
        status=Attendance.Status.PRESENT,
    ).count()
    if not (present > 0 and present * 100 >= cohort.attendance_threshold * sessions):
        return False
    course_key = cohort.course.translation_key
    participant = membership.participant
    if participant.user_id is None:
        # A typed record cannot have done the online part; a trainer must have.
        if cohort.trains_trainers:
            return False
    elif not selectors.enrolment_is_complete(participant.user_id, course_key):
        return False
    # Judged for this cohort: a rule may count only what happened in it.
    if not completion_rules.rules_met(participant, course_key, cohort=cohort):
        return False
    now = timezone.now()
    won = CohortMembership.objects.filter(pk=membership.pk, completed_at__isnull=True).update(
        completed_at=now
    )
    if won:
        membership.completed_at = now
        # The update sends no signal: the cohort's pages and the member's own change.
        record_cache.record_changed()
        progress_cache.participants_changed([membership.participant_id])
        cohort_membership_completed.send(sender=CohortMembership, membership=membership)
    else:
        membership.refresh_from_db(fields=["completed_at"])
    return True


def course_completion_refresh(participant: Participant, course_key: uuid.UUID) -> None:
    """Judge again a person's completion of one course: their enrolment and their cohorts.

    Called when something a completion rule reads has changed for this person
    (a passing test attempt, a paper result). Safe to call any number of times.
    """
    if participant.merged_into_id:
        participant = participant.merged_into
    if participant.user_id is not None:
        enrolment = (
            Enrolment.objects.filter(user_id=participant.user_id, course_key=course_key)
            .select_related("user", "course")
            .first()
        )
        if enrolment is not None:
            enrolment_refresh_completion(enrolment)
    memberships_refresh(participant=participant, cohort__course__translation_key=course_key)


def memberships_refresh(**filters) -> None:
    """Judge again every not-yet-complete membership the filters select."""
    for membership in CohortMembership.objects.filter(
        completed_at__isnull=True, **filters
    ).select_related("cohort__course", "participant"):
        membership_refresh_completion(membership)
