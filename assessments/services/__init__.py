"""Writes about assessments. Views and tasks call these; nothing else writes attempts."""

from .attempts import (
    AnswersInvalid,
    attempt_submit,
    attempts_left,
    attempts_made,
    feedback_visible,
    question_feedback,
)
from .paper import (
    PaperTests,
    max_points,
    paper_results_enter,
    paper_results_import,
    paper_tests,
    parse_points,
)
from .scoring import Score, clean_answer, score_answers

__all__ = [
    "PaperTests",
    "max_points",
    "paper_results_enter",
    "paper_results_import",
    "paper_tests",
    "parse_points",
    "AnswersInvalid",
    "Score",
    "attempt_submit",
    "attempts_left",
    "attempts_made",
    "clean_answer",
    "feedback_visible",
    "question_feedback",
    "score_answers",
]
