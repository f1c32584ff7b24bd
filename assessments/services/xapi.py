"""xAPI statements from H5P activities: checked on the server, then attempts and progress.

The player runs sandboxed in an iframe and hands each statement to the lesson
page through postMessage; the page sends it here with the person's session
cookie and CSRF token, and a signed activity session naming the person, the
activity and the lesson. A statement is accepted only when:

- its actor is the signed-in person (the player is given an opaque id for them);
- its object is this activity (statements about sub-content are acknowledged, not scored);
- its score is a number within 0..max and max is positive and not absurd;
- the very same statement has not been sent before (no replay).

Scored statements (answered, completed, passed, failed) become attempts
marked as coming from an interactive activity. H5P often sends "answered" and
"completed" for the same action; a second scored statement within a few
seconds of the first with the same score belongs to the same attempt (they
are taken one at a time per person). A completed, passed or answered
statement completes the lesson, with or without a score; failed does not.
The score is the browser's word: it never issues a certificate on its own.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import secrets
from decimal import Decimal, InvalidOperation

from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from courses.models import Participant
from courses.selectors import lesson_page_model
from courses.services import lesson_complete, participant_for_user

from ..models import Attempt, H5PContent, H5PUserState, XapiStatement
from .scoring import TWO_PLACES

VERB_BASE = "http://adlnet.gov/expapi/verbs/"
SCORED_VERBS = {"answered", "completed", "passed", "failed"}
COMPLETING_VERBS = {"answered", "completed", "passed"}
MAX_STATEMENT_BYTES = 64 * 1024
MAX_SCORE = Decimal(10_000)  # within the score columns (7 digits, 2 of them decimals)
KNOWN_VERBS = SCORED_VERBS | {"attempted", "interacted", "experienced", "progressed", "scored"}
SESSION_MAX_AGE = datetime.timedelta(hours=12)
SAME_ATTEMPT_WITHIN = datetime.timedelta(seconds=5)


class StatementRefused(Exception):
    def __init__(self, reason: str, status: int = 400):
        self.reason = reason
        self.status = status
        super().__init__(reason)


def activity_iri(request, content: H5PContent) -> str:
    return request.build_absolute_uri(f"/h5p/activities/{content.translation_key}")


def learner_mailbox(user) -> str:
    """An opaque, stable address for the person: the player never learns their e-mail."""
    token = salted_hmac("h5p-learner", str(user.pk)).hexdigest()[:24]
    return f"learner-{token}@learners.invalid"


def activity_session(user, content: H5PContent, lesson_id: int | None) -> str:
    return signing.dumps(
        {
            "user": user.pk,
            "content": content.pk,
            "lesson": lesson_id,
            "nonce": secrets.token_hex(8),
        },
        salt="h5p-activity-session",
    )


def read_activity_session(token: str, user, content: H5PContent) -> dict:
    """The signed session, if it is this person's for this activity; else `StatementRefused`."""
    session = read_player_session(token, content)
    if session.get("user") != user.pk:
        raise StatementRefused("activity session of someone else", 403)
    return session


def read_player_session(token: str, content: H5PContent) -> dict:
    """The signed session for this activity, whoever it names.

    The player (an opaque origin) has no cookies: the session it was given is
    what identifies the person when H5P saves where they are.
    """
    try:
        session = signing.loads(
            token, salt="h5p-activity-session", max_age=SESSION_MAX_AGE.total_seconds()
        )
    except signing.BadSignature:
        raise StatementRefused("activity session missing, forged or expired", 403) from None
    if session.get("content") != content.pk:
        raise StatementRefused("activity session of another activity", 403)
    return session


def _part(statement: dict, name: str) -> dict:
    value = statement.get(name)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise StatementRefused(f"{name} is not an object")
    return value


def _text(part: dict, name: str) -> str:
    value = part.get(name, "")
    if not isinstance(value, str):
        raise StatementRefused(f"{name} is not text")
    return value


def _verb(statement: dict) -> str:
    verb_id = _text(_part(statement, "verb"), "id")
    verb = verb_id.removeprefix(VERB_BASE) if verb_id.startswith(VERB_BASE) else ""
    return verb if verb in KNOWN_VERBS else "other"


def _score(statement: dict) -> tuple[Decimal, Decimal] | None:
    result = _part(statement, "result")
    if "score" not in result:
        return None
    score = result["score"]
    if not isinstance(score, dict):
        raise StatementRefused("score is not an object")
    try:
        raw = Decimal(str(score["raw"]))
        top = Decimal(str(score["max"]))
        bottom = Decimal(str(score.get("min", 0)))
    except (TypeError, KeyError, InvalidOperation):
        raise StatementRefused("score is not a number") from None
    if not (raw.is_finite() and top.is_finite() and bottom.is_finite()):
        raise StatementRefused("score is not a finite number")
    if bottom != 0 or not (0 < top <= MAX_SCORE) or not (0 <= raw <= top):
        raise StatementRefused("score outside 0..max")
    return raw, top


def _digest(user, statement: dict) -> str:
    canonical = json.dumps(statement, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(f"{user.pk}\n{canonical}".encode()).hexdigest()


def xapi_statement_record(
    request, content: H5PContent, session: dict, statement: dict
) -> Attempt | None:
    """Check one statement (see the module docstring); returns the attempt it made or joined."""
    user = request.user
    if not isinstance(statement, dict):
        raise StatementRefused("a statement is a JSON object")
    if _text(_part(statement, "actor"), "mbox") != f"mailto:{learner_mailbox(user)}":
        raise StatementRefused("statement made for someone else", 403)
    object_id = _text(_part(statement, "object"), "id")
    iri = activity_iri(request, content)
    if object_id != iri:
        if object_id.startswith(f"{iri}?subContentId="):
            return None  # a part of the activity: acknowledged, not scored
        raise StatementRefused("statement about another activity", 403)
    verb = _verb(statement)
    score = _score(statement) if verb in SCORED_VERBS else None
    with transaction.atomic():
        try:
            record = XapiStatement.objects.create(
                digest=_digest(user, statement),
                user=user,
                h5p_content=content,
                verb=verb,
                statement=statement,
            )
        except IntegrityError:
            raise StatementRefused("this statement was already received", 409) from None
        attempt = None
        if score is not None:
            attempt = _attempt_for(user, content, verb, score, statement)
            record.attempt = attempt
            record.save(update_fields=["attempt"])
    # Activities without questions (a presentation, a video) complete without a score.
    if verb in COMPLETING_VERBS and session.get("lesson"):
        _complete_lesson(user, session["lesson"])
    return attempt


def _attempt_for(user, content: H5PContent, verb: str, score, statement: dict) -> Attempt:
    raw, top = score
    percent = (raw * 100 / top).quantize(TWO_PLACES)
    success = _part(statement, "result").get("success")
    passed = True if verb == "passed" else False if verb == "failed" else None
    if passed is None and isinstance(success, bool):
        passed = success
    participant = participant_for_user(user)
    # H5P sends "answered" and "completed" for one action at once: one at a time per
    # person, so the second finds the attempt the first made.
    Participant.objects.select_for_update().get(pk=participant.pk)
    now = timezone.now()
    recent = (
        Attempt.objects.filter(
            participant=participant,
            h5p_content=content,
            submitted_at__gte=now - SAME_ATTEMPT_WITHIN,
            score=raw,
            max_score=top,
        )
        .order_by("-submitted_at")
        .first()
    )
    if recent is not None:
        if passed is not None and recent.passed is None:
            recent.passed = passed
            recent.save(update_fields=["passed"])
        return recent
    return Attempt.objects.create(
        participant=participant,
        h5p_content=content,
        activity_key=content.translation_key,
        kind="h5p",
        source=Attempt.Source.H5P,
        submitted_at=now,
        score=raw,
        max_score=top,
        percent=percent,
        passed=passed,
        answers={"response": str(_part(statement, "result").get("response", ""))[:2000]},
    )


def _complete_lesson(user, lesson_id: int) -> None:
    lesson = lesson_page_model().objects.live().filter(pk=lesson_id).first()
    if lesson is not None:
        lesson_complete(user, lesson)


def h5p_state_save(user_id: int, content: H5PContent, state: str | None) -> None:
    """Keep where the person is in the activity; None forgets it (H5P resets the content)."""
    if state is None:
        H5PUserState.objects.filter(user_id=user_id, content_key=content.translation_key).delete()
        return
    H5PUserState.objects.update_or_create(
        user_id=user_id,
        content_key=content.translation_key,
        defaults={"state": state, "content_hash": content.content_hash},
    )


def h5p_state(user_id: int, content: H5PContent) -> str | None:
    saved = H5PUserState.objects.filter(
        user_id=user_id, content_key=content.translation_key, content_hash=content.content_hash
    ).first()
    return saved.state if saved else None
