"""Attendance: marking who was present at a cohort's session.

Attendance is for sessions that have started: nobody completes a cohort, or
is accredited by it, before it met. A session counts as started from
`START_GRACE` before its start, for clocks and time zones that disagree a little.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Attendance, CohortMembership, CohortSession, Participant
from ..selectors.access import can_manage_cohort
from ..selectors.cohorts import cohort_team_ids
from .completion import memberships_refresh
from .errors import CascadeError, on_the_team_refusal

START_GRACE = datetime.timedelta(hours=1)


def attendance_mark(
    session: CohortSession, marks: dict[int, str], *, marked_by, marked_at=None
) -> int:
    """Record attendance for a session's members; returns how many marks changed.

    Idempotent: sending the same marks again changes nothing, and a mark made
    earlier (say, on a phone that was offline) never overwrites a later one.
    Only members of the session's cohort can be marked (never someone on its
    team, never the person marking), only by someone who runs the cohort (or a
    coordinator), and only once the session has started: `marked_at` (when the
    marks were made, on a phone perhaps) may not be before the session's start
    either.
    """
    # One marker at a time per session: the marks are read under the session's lock,
    # so two posts at once neither collide on a new mark nor let the earlier win.
    with transaction.atomic():
        session = (
            CohortSession.objects.select_for_update(of=("self",))
            .select_related("cohort")
            .get(pk=session.pk)
        )
        if marked_by is None or not can_manage_cohort(marked_by, session.cohort):
            raise CascadeError(
                _("Only the cohort's trainers mark its attendance."), code="not_allowed"
            )
        now = timezone.now()
        opens_at = session.starts_at - START_GRACE
        if opens_at > now:
            raise CascadeError(
                _("This session has not started yet; attendance is marked once it has."),
                code="session_not_started",
            )
        marked_at = marked_at or now
        if marked_at < opens_at:
            raise CascadeError(
                _("These marks were made before the session started."), code="marked_before_session"
            )
        members = set(
            CohortMembership.objects.filter(cohort_id=session.cohort_id).values_list(
                "participant_id", flat=True
            )
        )
        strangers = set(marks) - members
        if strangers:
            raise CascadeError(_("Only members of this cohort can be marked."), code="not_a_member")
        # Whoever runs the cohort is never marked in it, and nobody marks themselves:
        # attendance is what makes a person complete, and then be accredited.
        on_team = set(marks) & cohort_team_ids(session.cohort_id)
        if on_team:
            person = Participant.objects.get(pk=min(on_team))
            raise on_the_team_refusal(session.cohort, person)
        own = Participant.objects.filter(user=marked_by).values_list("pk", flat=True).first()
        if own is not None and own in marks:
            raise CascadeError(
                _(
                    "Nobody marks their own attendance: "
                    "another of the cohort's trainers marks yours."
                ),
                code="own_attendance",
            )
        existing = {mark.participant_id: mark for mark in session.attendance.all()}
        changed = 0
        for participant_id, status in marks.items():
            mark = existing.get(participant_id)
            if mark is None:
                Attendance.objects.create(
                    session=session,
                    participant_id=participant_id,
                    status=status,
                    marked_by=marked_by,
                    marked_at=marked_at,
                )
                changed += 1
            elif mark.status != status and mark.marked_at <= marked_at:
                mark.status, mark.marked_by, mark.marked_at = status, marked_by, marked_at
                mark.save(update_fields=["status", "marked_by", "marked_at"])
                changed += 1
        if changed:
            memberships_refresh(cohort_id=session.cohort_id, participant_id__in=list(marks))
        return changed
