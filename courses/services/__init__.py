"""Writes about courses. Views, pages and tasks call these; nothing else writes."""

from .cohorts import (
    CascadeError,
    accreditation_grant_first_generation,
    accreditation_grant_for_cohort,
    attendance_mark,
    cohort_add_member,
    cohort_change_lead,
    cohort_create,
    membership_complete,
    participant_for_user,
    session_create,
)
from .progress import (
    NotALessonOfACourse,
    enrolment_create,
    enrolment_refresh_completion,
    lesson_complete,
    lesson_open,
)

__all__ = [
    "CascadeError",
    "NotALessonOfACourse",
    "accreditation_grant_first_generation",
    "accreditation_grant_for_cohort",
    "attendance_mark",
    "cohort_add_member",
    "cohort_change_lead",
    "cohort_create",
    "enrolment_create",
    "enrolment_refresh_completion",
    "lesson_complete",
    "lesson_open",
    "membership_complete",
    "participant_for_user",
    "session_create",
]
