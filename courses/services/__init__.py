"""Writes about courses. Views, pages and tasks call these; nothing else writes."""

from .cohorts import (
    CascadeError,
    accreditation_grant_first_generation,
    accreditation_grant_for_cohort,
    attendance_mark,
    cohort_add_member,
    cohort_change_lead,
    cohort_create,
    graduates_accredit,
    membership_complete,
    membership_refresh_completion,
    participant_for_user,
    participant_merge,
    roster_person_add,
    session_create,
    team_member_add,
)
from .imports import ImportRejected, ImportResult, RowError, cohort_import_members
from .progress import (
    NotALessonOfACourse,
    enrolment_create,
    enrolment_refresh_completion,
    lesson_complete,
    lesson_open,
)

__all__ = [
    "CascadeError",
    "ImportRejected",
    "ImportResult",
    "NotALessonOfACourse",
    "RowError",
    "accreditation_grant_first_generation",
    "accreditation_grant_for_cohort",
    "attendance_mark",
    "cohort_add_member",
    "cohort_change_lead",
    "cohort_create",
    "graduates_accredit",
    "cohort_import_members",
    "enrolment_create",
    "enrolment_refresh_completion",
    "lesson_complete",
    "lesson_open",
    "membership_complete",
    "membership_refresh_completion",
    "participant_merge",
    "roster_person_add",
    "participant_for_user",
    "session_create",
    "team_member_add",
]
