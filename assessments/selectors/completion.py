"""Which tests a course requires passed, and whether a person has passed them.

An assessment is required when an editor ticks *required to complete the
course* on it (a post-test or a knowledge check, with a pass mark and its
course). Passing counts online or on paper, in any language. A paper pass
counts for the cohort it was entered in: a cohort membership is judged on
online passes and paper passes entered in that cohort, the online course on
online passes and paper passes from the person's own cohorts. Otherwise any
trainer could complete someone's training of trainers with a pass entered in
their own training. Any passing
attempt counts: a later failed try does not take a pass back, as completion
is never taken back. A score reported by the browser (an H5P activity,
`source = h5p`) never counts: it is not an attempt at an assessment the
server scored.
"""

from __future__ import annotations

import uuid

from django.db.models import Q

from ..models import Assessment, Attempt


def required_assessment_keys(course_key: uuid.UUID) -> set[uuid.UUID]:
    """Translation keys of the tests a course requires passed (flagged in any language)."""
    return set(
        Assessment.objects.filter(
            required_for_completion=True, course__translation_key=course_key
        ).values_list("translation_key", flat=True)
    )


def required_assessments_passed(participant, course_key: uuid.UUID, cohort=None) -> bool:
    """Whether a person has passed every test the course requires (a completion rule).

    With `cohort` (a membership judged): passed online, or on paper in that cohort.
    Without (the online course): passed online, or on paper in a cohort the person
    is a member of. H5P scores never count. Two queries. `participant` is a
    Participant record, so roster-only people with paper results are judged too.
    """
    required = required_assessment_keys(course_key)
    if not required:
        return True
    if cohort is not None:
        on_paper = Q(source=Attempt.Source.PAPER, cohort=cohort)
    else:
        on_paper = Q(
            source=Attempt.Source.PAPER,
            cohort__in=participant.memberships.values("cohort_id"),
        )
    passed = set(
        Attempt.objects.filter(
            Q(source=Attempt.Source.ONLINE) | on_paper,
            participant=participant,
            activity_key__in=required,
            passed=True,
        ).values_list("activity_key", flat=True)
    )
    return required <= passed
