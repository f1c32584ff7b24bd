"""Reads about assessments: which tests a course has, attempts, results and knowledge gain."""

from .attempts import (
    PresentedOption,
    PresentedQuestion,
    attempt_by_token,
    attempts_left,
    attempts_made,
    cohort_for,
    course_key,
    feedback_visible,
    open_attempt,
    presented_questions,
    question_feedback,
)
from .catalogue import (
    CourseTest,
    course_assessment,
    last_attempt,
    learner_course_tests,
    post_test_available,
)
from .completion import required_assessment_keys, required_assessments_passed
from .gain import (
    GainSummary,
    PersonResult,
    cohort_knowledge_gain,
    knowledge_gain,
    person_result,
)
from .paper import PaperTests, cohort_members_by_name, max_points, paper_scores, paper_tests

__all__ = [
    "CourseTest",
    "GainSummary",
    "PaperTests",
    "PersonResult",
    "PresentedOption",
    "PresentedQuestion",
    "attempt_by_token",
    "attempts_left",
    "attempts_made",
    "cohort_for",
    "cohort_knowledge_gain",
    "cohort_members_by_name",
    "course_assessment",
    "course_key",
    "feedback_visible",
    "knowledge_gain",
    "last_attempt",
    "learner_course_tests",
    "max_points",
    "open_attempt",
    "paper_scores",
    "paper_tests",
    "person_result",
    "post_test_available",
    "presented_questions",
    "question_feedback",
    "required_assessment_keys",
    "required_assessments_passed",
]
