"""Which tests a course requires passed, and whether a person has passed them.

An assessment is required when an editor ticks *required to complete the
course* on it (a post-test or a knowledge check, with a pass mark and its
course). Passing counts online or on paper, in any language. Any passing
attempt counts: a later failed try does not take a pass back, as completion
is never taken back. A score reported by the browser (an H5P activity,
`source = h5p`) never counts: it is not an attempt at an assessment the
server scored.
"""

from __future__ import annotations

import uuid

from ..models import Assessment, Attempt

COUNTED_SOURCES = (Attempt.Source.ONLINE, Attempt.Source.PAPER)


def required_assessment_keys(course_key: uuid.UUID) -> set[uuid.UUID]:
    """Translation keys of the tests a course requires passed (flagged in any language)."""
    return set(
        Assessment.objects.filter(
            required_for_completion=True, course__translation_key=course_key
        ).values_list("translation_key", flat=True)
    )


def required_assessments_passed(participant, course_key: uuid.UUID) -> bool:
    """Whether a person has passed every test the course requires (a completion rule).

    Two queries. `participant` is a Participant record, so roster-only people with
    paper results are judged too.
    """
    required = required_assessment_keys(course_key)
    if not required:
        return True
    passed = set(
        Attempt.objects.filter(
            participant=participant,
            activity_key__in=required,
            passed=True,
            source__in=COUNTED_SOURCES,
        ).values_list("activity_key", flat=True)
    )
    return required <= passed
