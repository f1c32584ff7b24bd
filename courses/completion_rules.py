"""Completion requirements that other apps add to a course's own rules.

`courses` knows lessons and attendance. An app that knows more (assessments:
the required tests passed) registers a rule here from its AppConfig.ready(),
so `courses` never imports it. A rule answers, for one person (their Participant
record, so roster-only people with paper results are judged too) and one
course (by its translation key, so every language counts), whether they
meet it.
Completion is granted only when every registered rule says yes.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

CompletionRule = Callable[[object, uuid.UUID], bool]

_rules: list[CompletionRule] = []


def register(rule: CompletionRule) -> CompletionRule:
    """Add a rule (idempotent, so a second ready() does not add it twice)."""
    if rule not in _rules:
        _rules.append(rule)
    return rule


def rules_met(participant, course_key: uuid.UUID) -> bool:
    """Whether a person meets every registered rule for a course."""
    return all(rule(participant, course_key) for rule in _rules)
