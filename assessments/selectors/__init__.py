"""Reads about assessments: which tests a course has, results and knowledge gain."""

from .catalogue import course_assessment
from .gain import GainSummary, PersonResult, knowledge_gain, person_result

__all__ = ["GainSummary", "PersonResult", "course_assessment", "knowledge_gain", "person_result"]
