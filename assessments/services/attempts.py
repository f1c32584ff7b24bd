"""Taking an assessment online: opening it in a shuffled order, then scoring what comes back.

Opening a test (`attempt_open`) creates the person's attempt in progress and
draws, on the server, the order of its answer options (and of its questions
where the assessment allows): the order is kept with the attempt, so a reload
shows the same test and the result shows it as it was seen. Sending the
answers (`attempt_submit`) completes that attempt; answers name options by
their ids, so the score never depends on where an option was shown.

A course's post-test opens only once the person has completed the course's
required lessons: both services refuse it before then (`ValidationError`,
code `lessons_not_done`), whichever page or block calls them. The rule is for
people with an account, who take the lessons online; a person on a roster only
(no account) has no online progress to check, and their trainer vouches for
the course.
"""

from __future__ import annotations

import json
import secrets
import uuid

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courses.models import Participant

from ..models import Assessment, Attempt, Question
from ..selectors.attempts import TRUE_FALSE_IDS, attempts_left, cohort_for, course_key
from ..selectors.catalogue import post_test_available
from .completion import completion_refresh
from .scoring import clean_answer, score_answers

# Not guessable from anything a person can see (no seed from ids or times).
_shuffler = secrets.SystemRandom()

POST_TEST_LOCKED = gettext_lazy(
    "The post-test opens once you have completed the course's lessons. "
    "Finish them first, then come back."
)


NOT_OPEN = gettext_lazy(
    "These answers do not belong to the test as it is open now (it was sent "
    "already, or opened again). Nothing was counted: please answer again."
)


class AnswersAlreadySent(ValidationError):
    """The token names the person's own attempt, already sent: a replay (a phone sending its
    queued answers again after an answer that never arrived). Nothing more is counted;
    `attempt` is the result the first sending made."""

    def __init__(self, attempt: Attempt):
        self.attempt = attempt
        super().__init__(NOT_OPEN, code="already_sent")


class AnswersInvalid(ValidationError):
    """Some answers are missing or cannot be answers; `errors` maps question keys to messages."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__(_("Some questions need an answer."), code="answers")


def _shuffled(items: list) -> list:
    items = list(items)
    _shuffler.shuffle(items)
    return items


def presentation_draw(assessment: Assessment) -> dict:
    """A fresh order for one attempt: options always shuffled, questions where allowed.

    Attitude scales keep their order (strongly disagree … strongly agree).
    """
    questions = [str(question.translation_key) for question in assessment.question_list]
    options: dict[str, list[str]] = {}
    for question in assessment.question_list:
        key = str(question.translation_key)
        if question.kind == Question.Kind.TRUE_FALSE:
            options[key] = _shuffled(TRUE_FALSE_IDS)
        elif question.kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE):
            options[key] = _shuffled([option.id for option in question.options])
    return {
        "questions": _shuffled(questions) if assessment.shuffle_questions else questions,
        "options": options,
    }


def _check_post_test_open(participant: Participant, assessment: Assessment) -> None:
    """Refuse (code `lessons_not_done`) a post-test to a person with an account whose
    course's required lessons are not all completed; any other test passes."""
    if assessment.kind != Assessment.Kind.POST_TEST:
        return
    if participant.user_id is None:  # on a roster only: no online lessons to have done
        return
    if not post_test_available(participant.user, assessment):
        raise ValidationError(POST_TEST_LOCKED, code="lessons_not_done")


def attempt_open(participant: Participant, assessment: Assessment) -> Attempt:
    """The person's attempt in progress at this assessment: the one already open, or a new one.

    Safe to call on every page view; two at once still give one open attempt.
    A post-test before the lessons are done is refused (see `_check_post_test_open`).
    """
    _check_post_test_open(participant, assessment)
    key = assessment.translation_key
    found = Attempt.in_progress.filter(participant=participant, activity_key=key).first()
    if found is not None:
        return found
    now = timezone.now()
    try:
        with transaction.atomic():
            return Attempt.objects.create(
                participant=participant,
                assessment=assessment,
                activity_key=key,
                course_key=course_key(assessment),
                kind=assessment.kind,
                source=Attempt.Source.ONLINE,
                status=Attempt.Status.IN_PROGRESS,
                started_at=now,
                submitted_at=now,
                presented_order=presentation_draw(assessment),
            )
    except IntegrityError:  # a concurrent request opened it first
        return Attempt.in_progress.get(participant=participant, activity_key=key)


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


def _the_answers_sent(assessment: Assessment, raw_answers: dict, sent: Attempt) -> bool:
    """Whether `raw_answers` are the answers `sent` was completed with: a replay. Other
    answers under a used token (a copy of the page kept from before, answered anew) were
    never counted, and are refused rather than reported as sent."""
    try:
        answers = clean_answers(assessment, raw_answers)
    except AnswersInvalid:
        return False
    return json.loads(json.dumps(answers, cls=DjangoJSONEncoder)) == sent.answers


@transaction.atomic
def attempt_submit(
    participant: Participant,
    assessment: Assessment,
    raw_answers: dict,
    *,
    token,
) -> Attempt:
    """Check, score and complete the person's open attempt named by `token`.

    The attempt's token is the submission's idempotency key: sent again, it counts
    nothing. Refused (ValidationError, code `not_open`) when the token names no attempt
    this person has open at this assessment: none, someone else's, or their own already
    sent with other answers; `AnswersAlreadySent` (code `already_sent`, with the same
    message) when it names their own, already sent with these answers (a replay);
    and (code `lessons_not_done`) for a post-test before the lessons are done, even
    with an attempt open. Raises `AnswersInvalid` when answers are missing; the
    attempt then stays open.
    """
    # One submission at a time per person, so two tabs cannot both use the last attempt.
    Participant.objects.select_for_update().get(pk=participant.pk)
    _check_post_test_open(participant, assessment)
    attempt = (
        Attempt.in_progress.select_for_update()
        .filter(
            token=_uuid_or_none(token),
            participant=participant,
            activity_key=assessment.translation_key,
        )
        .first()
    )
    if attempt is None:
        sent = Attempt.objects.filter(
            token=_uuid_or_none(token),
            participant=participant,
            activity_key=assessment.translation_key,
        ).first()
        if sent is not None and _the_answers_sent(assessment, raw_answers, sent):
            raise AnswersAlreadySent(sent)
        raise ValidationError(NOT_OPEN, code="not_open")
    if attempts_left(participant, assessment) == 0:
        raise ValidationError(_("You have used every attempt at this."), code="no_attempts_left")
    answers = clean_answers(assessment, raw_answers)
    score = score_answers(assessment, answers)
    percent = score.percent
    attempt.assessment = assessment  # the language version that was answered
    attempt.kind = assessment.kind
    attempt.course_key = course_key(assessment)
    attempt.cohort = cohort_for(participant, assessment)
    attempt.status = Attempt.Status.SUBMITTED
    attempt.submitted_at = timezone.now()
    attempt.answers = answers
    attempt.results = {key: result.as_json() for key, result in score.results.items()}
    attempt.score = score.points if score.max_points else None
    attempt.max_score = score.max_points or None
    attempt.percent = percent
    attempt.passed = assessment.passes(percent)
    attempt.attitude = score.attitude
    attempt.save()
    if attempt.passed:
        completion_refresh(participant, attempt.course_key)
    return attempt


def _uuid_or_none(token) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(token))
    except (TypeError, ValueError):
        return None
