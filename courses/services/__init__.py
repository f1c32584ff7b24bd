"""Writes about courses. Views, pages and tasks call these; nothing else writes.

By concern: cohorts.py (cohorts, their lead, members and sessions),
attendance.py, accreditation.py, participants.py (people's records, merging,
roster-only people, team members), completion.py, progress.py (online
lessons), imports.py (roster files; roster_template.py writes the file to fill in).
"""

from .accreditation import (
    accreditation_change,
    accreditation_grant_first_generation,
    accreditation_grant_for_cohort,
    graduates_accredit,
)
from .attendance import attendance_mark
from .cohorts import (
    cohort_add_member,
    cohort_change_lead,
    cohort_create,
    cohort_join,
    cohort_settings_change,
    membership_move,
    session_create,
)
from .completion import (
    course_completion_refresh,
    enrolment_refresh_completion,
    membership_refresh_completion,
)
from .errors import CascadeError
from .imports import ImportRejected, ImportResult, RowError, cohort_import_members
from .invitations import invitation_accept, invitation_create, invitation_decline
from .participants import (
    participant_for_user,
    participant_merge,
    participant_profile_change,
    roster_person_add,
    team_member_add,
)
from .progress import (
    NotALessonOfACourse,
    enrolment_create,
    lesson_complete,
    lesson_open,
)

__all__ = [
    "CascadeError",
    "ImportRejected",
    "ImportResult",
    "NotALessonOfACourse",
    "RowError",
    "accreditation_change",
    "accreditation_grant_first_generation",
    "accreditation_grant_for_cohort",
    "attendance_mark",
    "cohort_add_member",
    "cohort_join",
    "cohort_change_lead",
    "cohort_create",
    "cohort_settings_change",
    "course_completion_refresh",
    "graduates_accredit",
    "invitation_accept",
    "invitation_create",
    "invitation_decline",
    "cohort_import_members",
    "enrolment_create",
    "enrolment_refresh_completion",
    "lesson_complete",
    "lesson_open",
    "membership_move",
    "membership_refresh_completion",
    "participant_merge",
    "participant_profile_change",
    "roster_person_add",
    "participant_for_user",
    "session_create",
    "team_member_add",
]
