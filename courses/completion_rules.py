"""Completion requirements that other apps add to a course's own rules.

`courses` knows lessons and attendance. An app that knows more (assessments:
the required tests passed) registers a rule here from its AppConfig.ready(),
so `courses` never imports it. A rule answers, for one person (their Participant
record, so roster-only people with paper results are judged too) and one
course (by its translation key, so every language counts), whether they
meet it. It is also told what is being judged: `cohort`, a membership in that
cohort, or None, the online course (the enrolment). A rule may judge a cohort
by what happened in it only (assessments: a paper pass counts for the cohort
it was entered in, so no trainer completes someone else's training).
Completion is granted only when every registered rule says yes.
"""

from __future__ import annotations

import uuid
from typing import Protocol


class CompletionRule(Protocol):
    """`rule(participant, course_key, cohort=None) -> bool`: whether the person meets it."""

    def __call__(self, participant, course_key: uuid.UUID, cohort=None) -> bool: ...


_rules: list[CompletionRule] = []


def register(rule: CompletionRule) -> CompletionRule:
    """Add a rule (idempotent, so a second ready() does not add it twice)."""
    if rule not in _rules:
        _rules.append(rule)
    return rule


def rules_met(participant, course_key: uuid.UUID, *, cohort=None) -> bool:
    """Whether a person meets every registered rule for a course.

    `cohort`: the cohort whose membership is judged; None judges the enrolment.
    """
    return all(rule(participant, course_key, cohort=cohort) for rule in _rules)
