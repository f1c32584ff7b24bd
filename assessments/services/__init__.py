"""Writes about assessments. Views and tasks call these; nothing else writes attempts."""

from .attempts import (
    POST_TEST_LOCKED,
    AnswersAlreadySent,
    AnswersInvalid,
    attempt_open,
    attempt_submit,
    presentation_draw,
)
from .paper import paper_results_enter, paper_results_import, parse_points
from .scoring import Score, clean_answer, score_answers

__all__ = [
    "POST_TEST_LOCKED",
    "AnswersAlreadySent",
    "AnswersInvalid",
    "Score",
    "attempt_open",
    "attempt_submit",
    "clean_answer",
    "paper_results_enter",
    "paper_results_import",
    "parse_points",
    "presentation_draw",
    "score_answers",
]
