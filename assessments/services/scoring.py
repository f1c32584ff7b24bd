"""Scoring on the server, from the answers alone. The browser never says what the score is.

Answers are keyed by the question's translation key and name options by their
block ids, which are the same in every language:

    single      {"<key>": "<option id>"}
    multiple    {"<key>": ["<option id>", ...]}
    true_false  {"<key>": true | false}
    likert      {"<key>": 1..5}   (1 strongly disagree … 5 strongly agree)

A knowledge question is worth one point. A multiple-choice question gives the
share of correct options ticked, less the share of wrong ones, never below 0.
Attitude statements are not scored right or wrong: their mean (reverse-scored
items turned round) is kept apart as the attitude measure. A choice question
with no correct option asks an opinion and is stored, not scored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ..models import LIKERT_POINTS, Assessment, Question

TWO_PLACES = Decimal("0.01")


@dataclass
class QuestionResult:
    key: str
    points: Decimal
    max_points: Decimal
    correct: bool | None  # None for attitude statements

    def as_json(self) -> dict:
        return {
            "points": str(self.points),
            "max_points": str(self.max_points),
            "correct": self.correct,
        }


@dataclass
class Score:
    results: dict[str, QuestionResult] = field(default_factory=dict)
    attitude: Decimal | None = None

    @property
    def points(self) -> Decimal:
        return sum((result.points for result in self.results.values()), Decimal(0))

    @property
    def max_points(self) -> Decimal:
        return sum((result.max_points for result in self.results.values()), Decimal(0))

    @property
    def percent(self) -> Decimal | None:
        if not self.max_points:
            return None
        return (self.points * 100 / self.max_points).quantize(TWO_PLACES, ROUND_HALF_UP)


def option_ids(question: Question) -> set[str]:
    return {option.id for option in question.options}


def correct_option_ids(question: Question) -> set[str]:
    return {option.id for option in question.options if option.value["correct"]}


def clean_answer(question: Question, raw):
    """The answer in its stored form; ValidationError if it cannot answer this question."""
    kind = question.kind
    if kind == Question.Kind.SINGLE:
        if not isinstance(raw, str) or raw not in option_ids(question):
            raise ValidationError(_("Choose one of the options."), code="invalid")
        return raw
    if kind == Question.Kind.MULTIPLE:
        chosen = [raw] if isinstance(raw, str) else raw
        if (
            not isinstance(chosen, list | tuple)
            or not chosen
            or not set(chosen) <= option_ids(question)
        ):
            raise ValidationError(_("Tick at least one of the options."), code="invalid")
        return sorted(set(chosen))
    if kind == Question.Kind.TRUE_FALSE:
        if raw in (True, "true", "True"):
            return True
        if raw in (False, "false", "False"):
            return False
        raise ValidationError(_("Choose true or false."), code="invalid")
    try:
        value = int(raw)
    except (TypeError, ValueError):
        value = 0
    if not 1 <= value <= LIKERT_POINTS:
        raise ValidationError(_("Choose a point on the scale."), code="invalid")
    return value


def score_answers(assessment: Assessment, answers: dict) -> Score:
    """Score cleaned answers (see `clean_answer`) against the assessment's questions."""
    score = Score()
    attitudes: list[int] = []
    for question in assessment.question_list:
        key = str(question.translation_key)
        answer = answers.get(key)
        if question.kind == Question.Kind.LIKERT:
            if answer is not None:
                attitudes.append(LIKERT_POINTS + 1 - answer if question.reverse_scored else answer)
            continue
        if not question.is_scored:
            continue
        points = _points(question, answer)
        score.results[key] = QuestionResult(
            key=key, points=points, max_points=Decimal(1), correct=points == 1
        )
    if attitudes:
        score.attitude = (Decimal(sum(attitudes)) / len(attitudes)).quantize(
            TWO_PLACES, ROUND_HALF_UP
        )
    return score


def _points(question: Question, answer) -> Decimal:
    if answer is None:
        return Decimal(0)
    if question.kind == Question.Kind.SINGLE:
        return Decimal(int(answer in correct_option_ids(question)))
    if question.kind == Question.Kind.TRUE_FALSE:
        return Decimal(int(answer == question.true_false_answer))
    correct = correct_option_ids(question)
    chosen = set(answer)
    wrong = option_ids(question) - correct
    share = Decimal(len(chosen & correct)) / len(correct)
    if wrong:
        share -= Decimal(len(chosen & wrong)) / len(wrong)
    return max(share, Decimal(0)).quantize(TWO_PLACES, ROUND_HALF_UP)
