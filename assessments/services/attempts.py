"""Taking an assessment online: checking the answers, scoring them and keeping the attempt."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import CohortMembership, Participant

from ..models import Assessment, Attempt
from .scoring import Score, clean_answer, score_answers


class AnswersInvalid(ValidationError):
    """Some answers are missing or cannot be answers; `errors` maps question keys to messages."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__(_("Some questions need an answer."), code="answers")


def attempts_made(participant: Participant, assessment: Assessment) -> int:
    return Attempt.objects.filter(
        participant=participant, activity_key=assessment.translation_key
    ).count()


def attempts_left(participant: Participant, assessment: Assessment) -> int | None:
    """How many more attempts this person has, or None when there is no limit."""
    if not assessment.attempts_allowed:
        return None
    return max(assessment.attempts_allowed - attempts_made(participant, assessment), 0)


def course_key(assessment: Assessment):
    return assessment.course.translation_key if assessment.course_id else None


def cohort_for(participant: Participant, assessment: Assessment):
    """The cohort in which this person takes the assessment's course, if any (the latest)."""
    key = course_key(assessment)
    if key is None:
        return None
    membership = (
        CohortMembership.objects.filter(
            participant=participant, cohort__course__translation_key=key
        )
        .select_related("cohort")
        .order_by("-cohort__starts_on")
        .first()
    )
    return membership.cohort if membership else None


def clean_answers(assessment: Assessment, raw_answers: dict) -> dict:
    """Every question answered, each answer possible for its question; else `AnswersInvalid`."""
    answers, errors = {}, {}
    for question in assessment.question_list:
        key = str(question.translation_key)
        raw = raw_answers.get(key)
        if raw in (None, "", []):
            errors[key] = _("Answer this question.")
            continue
        try:
            answers[key] = clean_answer(question, raw)
        except ValidationError as error:
            errors[key] = error.messages[0]
    if errors:
        raise AnswersInvalid(errors)
    return answers


def _attempt_from_score(assessment: Assessment, score: Score, **fields) -> Attempt:
    percent = score.percent
    passed = assessment.passes(percent)
    return Attempt.objects.create(
        assessment=assessment,
        activity_key=assessment.translation_key,
        course_key=course_key(assessment),
        kind=assessment.kind,
        results={key: result.as_json() for key, result in score.results.items()},
        score=score.points if score.max_points else None,
        max_score=score.max_points or None,
        percent=percent,
        passed=passed,
        attitude=score.attitude,
        **fields,
    )


@transaction.atomic
def attempt_submit(
    participant: Participant,
    assessment: Assessment,
    raw_answers: dict,
    *,
    started_at: datetime.datetime | None = None,
) -> Attempt:
    """Check, score and store one online attempt. Raises `AnswersInvalid` or ValidationError."""
    # One submission at a time per person, so two tabs cannot both use the last attempt.
    Participant.objects.select_for_update().get(pk=participant.pk)
    left = attempts_left(participant, assessment)
    if left == 0:
        raise ValidationError(_("You have used every attempt at this."), code="no_attempts_left")
    answers = clean_answers(assessment, raw_answers)
    now = timezone.now()
    if started_at is not None and not (now - datetime.timedelta(days=1) <= started_at <= now):
        started_at = None
    return _attempt_from_score(
        assessment,
        score_answers(assessment, answers),
        participant=participant,
        cohort=cohort_for(participant, assessment),
        source=Attempt.Source.ONLINE,
        started_at=started_at,
        submitted_at=now,
        answers=answers,
    )


def feedback_visible(attempt: Attempt, left: int | None) -> bool:
    rule = attempt.assessment.feedback
    if rule == Assessment.Feedback.AFTER_EACH_ATTEMPT:
        return True
    if rule == Assessment.Feedback.AFTER_LAST_ATTEMPT:
        return bool(attempt.passed) or left == 0
    return False


def question_feedback(assessment: Assessment, attempt: Attempt) -> list[dict]:
    """Per question, in the reader's language: the prompt, whether it was right, and why."""
    items = []
    for question in assessment.question_list:
        key = str(question.translation_key)
        result = attempt.results.get(key)
        items.append(
            {
                "question": question,
                "correct": result["correct"] if result else None,
                "feedback": question.feedback,
            }
        )
    return items
