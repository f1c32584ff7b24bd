"""Reads about one person's attempts: how many, what they were shown, what they may see.

Only sent attempts count (`Attempt.objects`); a test that was opened and not
sent holds the order it was shown in and nothing else.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from courses.models import Cohort, CohortMembership, Participant

from ..models import Assessment, Attempt, Question


def attempts_made(participant: Participant, assessment: Assessment) -> int:
    """How many attempts a person has sent at an assessment, in any language."""
    return Attempt.objects.filter(
        participant=participant, activity_key=assessment.translation_key
    ).count()


def attempts_left(participant: Participant, assessment: Assessment) -> int | None:
    """How many more attempts this person has, or None when there is no limit."""
    if not assessment.attempts_allowed:
        return None
    return max(assessment.attempts_allowed - attempts_made(participant, assessment), 0)


def course_key(assessment: Assessment) -> uuid.UUID | None:
    """The translation key of the assessment's course (the same in every language), if any."""
    return assessment.course.translation_key if assessment.course_id else None


def cohort_for(participant: Participant, assessment: Assessment) -> Cohort | None:
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


def attempt_by_token(token) -> Attempt | None:
    """The sent attempt a result page names, with what the page shows of it (one query)."""
    return (
        Attempt.objects.select_related("assessment", "h5p_content", "participant", "cohort")
        .filter(token=token)
        .first()
    )


def open_attempt(participant: Participant, assessment: Assessment) -> Attempt | None:
    """The attempt this person has opened at an assessment and not sent yet, if any."""
    return Attempt.in_progress.filter(
        participant=participant, activity_key=assessment.translation_key
    ).first()


def feedback_visible(attempt: Attempt, left: int | None) -> bool:
    """Whether the assessment's feedback rule lets the person see right and wrong answers."""
    rule = attempt.assessment.feedback
    if rule == Assessment.Feedback.AFTER_EACH_ATTEMPT:
        return True
    if rule == Assessment.Feedback.AFTER_LAST_ATTEMPT:
        return bool(attempt.passed) or left == 0
    return False


@dataclass(frozen=True)
class PresentedOption:
    id: str
    text: str  # or a lazy translation (true or false)
    correct: bool


@dataclass(frozen=True)
class PresentedQuestion:
    question: Question
    options: list[PresentedOption]


TRUE_FALSE_IDS = ("true", "false")


def presented_questions(assessment: Assessment, order: dict) -> list[PresentedQuestion]:
    """The questions and their options in the order stored with an attempt.

    Texts come from `assessment` (the reader's language); ids are the same in
    every language. A true-or-false question's options are "true" and "false".
    A question or option added after the test was
    opened comes last; one removed since is left out.
    """
    questions = {str(question.translation_key): question for question in assessment.question_list}
    keys = _in_order(list(questions), order.get("questions", []))
    option_orders = order.get("options", {})
    presented = []
    for key in keys:
        question = questions[key]
        if question.kind == Question.Kind.TRUE_FALSE:
            options = {
                "true": PresentedOption("true", _("True"), question.true_false_answer),
                "false": PresentedOption("false", _("False"), not question.true_false_answer),
            }
        else:
            options = {
                option.id: PresentedOption(
                    option.id, option.value["text"], bool(option.value["correct"])
                )
                for option in question.options
            }
        option_keys = _in_order(list(options), option_orders.get(key, []))
        presented.append(PresentedQuestion(question, [options[item] for item in option_keys]))
    return presented


def _in_order(present: list[str], stored: list[str]) -> list[str]:
    known = set(present)
    ordered = [item for item in stored if item in known]
    return ordered + [item for item in present if item not in set(ordered)]


def question_feedback(assessment: Assessment, attempt: Attempt) -> list[dict]:
    """Per question, in the reader's language and the order they saw: the prompt, whether it
    was right, the options they chose and the right ones, and why."""
    items = []
    for shown in presented_questions(assessment, attempt.presented_order):
        question = shown.question
        key = str(question.translation_key)
        result = attempt.results.get(key)
        chosen = _chosen_ids(question, attempt.answers.get(key))
        items.append(
            {
                "question": question,
                "correct": result["correct"] if result else None,
                "points": result["points"] if result else None,
                "max_points": result["max_points"] if result else None,
                "options": [
                    {"option": option, "chosen": option.id in chosen} for option in shown.options
                ],
                "feedback": question.feedback,
            }
        )
    return items


def _chosen_ids(question: Question, answer) -> set[str]:
    if answer is None:
        return set()
    if question.kind == Question.Kind.TRUE_FALSE:
        return {"true" if answer else "false"}
    if question.kind == Question.Kind.MULTIPLE:
        return set(answer)
    if question.kind == Question.Kind.SINGLE:
        return {answer}
    return set()
