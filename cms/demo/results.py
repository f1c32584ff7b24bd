"""Pre-test and post-test results for the demo cascade, so knowledge gain has a shape.

People start from about the same place in every generation; what they gain
shrinks a little with each step down the cascade (the message loses some
strength as it is passed on), which is what an NSG looks for. Trainings of
trainers take the tests online; national trainings on paper, entered by their
trainer. Some people missed the pre-test, and running cohorts have no
post-test yet. Youth-module cohorts take no professional tests.
"""

from __future__ import annotations

import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction

from assessments.models import Assessment, Question
from assessments.selectors import max_points, paper_tests
from assessments.services import attempt_open, attempt_submit, paper_results_enter
from courses.models import Cohort, CohortTrainer

# Mean share of knowledge questions right, before and after, by generation.
PRE_MEAN = 0.45
POST_MEAN_BY_GENERATION = {0: 0.82, 1: 0.77, 2: 0.72, 3: 0.67}
MISSED_PRE_TEST = 0.08
# A retake after reviewing the material gets at least this share right.
RETAKE_SHARE = 0.9


@transaction.atomic
def load_demo_results() -> int:
    """Results for every completed or running professional cohort (once); returns how many.

    Cohorts whose results were entered already (by the cascade, before it
    accredits their graduates) are left as they are.
    """
    chance = random.Random(12)
    count = 0
    cohorts = (
        Cohort.objects.exclude(kind=Cohort.Kind.YOUTH_MODULE)
        .exclude(status__in=[Cohort.Status.PLANNED, Cohort.Status.CANCELLED])
        .exclude(attempts__isnull=False)
        .order_by("generation", "starts_on")
    )
    for cohort in cohorts:
        count += enter_cohort_results(cohort, chance)
    return count


def enter_cohort_results(cohort: Cohort, chance: random.Random) -> int:
    """One cohort's pre-test and (once it is over) post-test results; returns how many.

    The demo course requires its post-test passed: a cascade that accredits a
    cohort's graduates enters their results first, so that those who passed complete.
    """
    if cohort.kind == Cohort.Kind.YOUTH_MODULE or cohort.attempts.exists():
        return 0
    finished = cohort.status == Cohort.Status.COMPLETED
    post_mean = POST_MEAN_BY_GENERATION.get(cohort.generation, 0.65)
    people = [m.participant for m in cohort.memberships.select_related("participant")]
    # Each cohort takes the tests in its own language where they are translated.
    tests = paper_tests(cohort)
    pre, post = tests.pre, tests.post
    if pre is None or post is None:
        return 0
    if cohort.trains_trainers:
        return _online(cohort, people, pre, post, post_mean, finished, chance)
    return _paper(cohort, people, pre, post, post_mean, finished, chance)


def _share(mean: float, chance: random.Random) -> float:
    return min(max(chance.gauss(mean, 0.12), 0.0), 1.0)


def _online(cohort, people, pre, post, post_mean, finished, chance) -> int:
    count = 0
    for person in people:
        if chance.random() >= MISSED_PRE_TEST:
            _take(person, pre, _answers(pre, _share(PRE_MEAN, chance), chance))
            count += 1
        if finished:
            attempt = _take(person, post, _answers(post, _share(post_mean, chance), chance))
            count += 1
            if attempt.passed is False:
                # Future trainers who fail review the material and use their second attempt.
                retake_share = max(_share(post_mean, chance), RETAKE_SHARE)
                _take(person, post, _answers(post, retake_share, chance))
                count += 1
    return count


def _take(person, assessment: Assessment, answers: dict):
    """Open the test as a person would (the order is drawn) and send the answers."""
    opened = attempt_open(person, assessment)
    return attempt_submit(person, assessment, answers, token=opened.token)


def _paper(cohort, people, pre, post, post_mean, finished, chance) -> int:
    top = max_points(pre)
    scores = {}
    for person in people:
        if chance.random() >= MISSED_PRE_TEST:
            scores[(person.pk, pre.pk)] = Decimal(round(_share(PRE_MEAN, chance) * top))
        if finished:
            scores[(person.pk, post.pk)] = Decimal(round(_share(post_mean, chance) * top))
    lead = cohort.trainers.filter(role=CohortTrainer.Role.LEAD).select_related("participant")
    trainer = lead.first()
    entered_by = trainer.participant.user if trainer else None
    if entered_by is None:
        # Most demo trainers have no account: the demo coordinator enters their results,
        # as only a cohort's trainers or a coordinator may.
        entered_by = get_user_model().objects.filter(email="coordinator@example.org").first()
    return paper_results_enter(cohort, scores, entered_by=entered_by)


def _answers(assessment: Assessment, share_right: float, chance: random.Random) -> dict:
    """Answers that get about `share_right` of the knowledge questions right."""
    answers = {}
    for question in assessment.question_list:
        key = str(question.translation_key)
        right = chance.random() < share_right
        if question.kind == Question.Kind.LIKERT:
            answers[key] = chance.choice([3, 4, 4, 5, 5]) if right else chance.choice([2, 3, 4])
        elif question.kind == Question.Kind.TRUE_FALSE:
            answers[key] = question.true_false_answer if right else not question.true_false_answer
        else:
            correct = [option.id for option in question.options if option.value["correct"]]
            wrong = [option.id for option in question.options if not option.value["correct"]]
            if question.kind == Question.Kind.SINGLE:
                answers[key] = correct[0] if right else chance.choice(wrong)
            else:
                answers[key] = correct if right else [chance.choice(wrong)]
    return answers
