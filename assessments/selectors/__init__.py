"""Reads about assessments: which tests a course has, results and knowledge gain."""

from .catalogue import CourseTest, course_assessment, last_attempt, learner_course_tests
from .gain import GainSummary, PersonResult, knowledge_gain, person_result

__all__ = [
    "CourseTest",
    "GainSummary",
    "PersonResult",
    "course_assessment",
    "knowledge_gain",
    "last_attempt",
    "learner_course_tests",
    "person_result",
]
