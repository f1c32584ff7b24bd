"""Reads about assessments: results and knowledge gain, for pages and dashboards."""

from .gain import GainSummary, PersonResult, knowledge_gain, person_result

__all__ = ["GainSummary", "PersonResult", "knowledge_gain", "person_result"]
