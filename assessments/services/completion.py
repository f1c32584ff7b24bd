"""Telling courses that a pass may have completed someone.

Completion is decided and raised by one service in `courses`
(`course_completion_refresh`); assessments only call it after a passing attempt,
and `courses` asks back through the rule registered in apps.py
(`selectors.completion.required_assessments_passed`).
"""

from __future__ import annotations

import uuid

from courses.models import Participant
from courses.services.completion import course_completion_refresh


def completion_refresh(participant: Participant, course_key: uuid.UUID | None) -> None:
    """Ask courses to complete this person in the course (and cohort) if every rule is met."""
    if course_key is not None:
        course_completion_refresh(participant, course_key)
