"""Reads for paper tests: which tests a cohort writes on paper, and what was entered."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from courses.models import Cohort, Participant

from ..models import Assessment, Attempt
from .catalogue import course_assessment


@dataclass(frozen=True)
class PaperTests:
    pre: Assessment | None
    post: Assessment | None

    def by_column(self) -> dict[str, Assessment]:
        return {
            column: test
            for column, test in (("pre_test", self.pre), ("post_test", self.post))
            if test is not None
        }


def paper_tests(cohort: Cohort) -> PaperTests:
    """The cohort's course pre-test and post-test, in the cohort's language where translated."""
    return PaperTests(
        pre=course_assessment(cohort.course, Assessment.Kind.PRE_TEST, cohort.language),
        post=course_assessment(cohort.course, Assessment.Kind.POST_TEST, cohort.language),
    )


def max_points(assessment: Assessment) -> int:
    """Points a test can give: one per knowledge question."""
    return sum(1 for question in assessment.question_list if question.is_scored)


def cohort_members_by_name(cohort: Cohort) -> list[Participant]:
    """The cohort's members, by name (the rows of the paper results screen)."""
    return list(Participant.objects.filter(memberships__cohort=cohort).order_by("display_name"))


def paper_scores(cohort: Cohort) -> dict[tuple[int, int], Decimal]:
    """Points entered from paper in this cohort, by (participant id, assessment id). One query."""
    return {
        (participant_id, assessment_id): score
        for participant_id, assessment_id, score in Attempt.objects.filter(
            source=Attempt.Source.PAPER,
            cohort=cohort,
            participant__memberships__cohort=cohort,
        ).values_list("participant_id", "assessment_id", "score")
    }
