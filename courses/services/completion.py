"""Completion: when a person has completed a course online, and a cohort.

Every path that can complete someone (a lesson finished, attendance marked,
a paper result, an H5P result, an import, the admin) calls these.
"""

from __future__ import annotations

from django.utils import timezone

from .. import progress_cache, selectors
from ..models import Attendance, CohortMembership, Enrolment


def enrolment_refresh_completion(enrolment: Enrolment) -> bool:
    """Complete the enrolment once the course's completion rules are met.

    Completion is never taken back: a lesson added to the course later does
    not undo what a person has already achieved.
    """
    if enrolment.completed_at is not None:
        return True
    if not selectors.course_progress(enrolment.user, enrolment.course).is_complete:
        return False
    Enrolment.objects.filter(pk=enrolment.pk, completed_at__isnull=True).update(
        completed_at=timezone.now()
    )
    progress_cache.progress_changed(enrolment.user_id)
    return True


def membership_complete(membership: CohortMembership) -> CohortMembership:
    if membership.completed_at is None:
        membership.completed_at = timezone.now()
        membership.save(update_fields=["completed_at"])
    return membership


def membership_refresh_completion(membership: CohortMembership) -> bool:
    """Complete a cohort member who meets both rules; never taken back once given.

    1. Attendance: present at no less than the cohort's threshold of its sessions.
    2. Online: a member with an account has completed the cohort's course online.
       (Roster-only members, such as young people without accounts, are judged on
       attendance alone.)
    """
    if membership.completed_at is not None:
        return True
    cohort = membership.cohort
    sessions = cohort.sessions.count()
    present = Attendance.objects.filter(
        session__cohort=cohort, participant_id=membership.participant_id, status="present"
    ).count()
    attended_enough = sessions > 0 and present * 100 >= cohort.attendance_threshold * sessions
    user_id = membership.participant.user_id
    online_done = (
        user_id is None
        or Enrolment.objects.filter(
            user_id=user_id, course=cohort.course, completed_at__isnull=False
        ).exists()
    )
    if attended_enough and online_done:
        membership_complete(membership)
        return True
    return False
