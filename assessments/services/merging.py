"""Test results follow a person when two records of them are merged.

`courses` folds a duplicate record into the one it keeps (`participant_merge`:
a trainer's merge page, the admin's, or accepting a cohort invitation, where
the roster record the trainer typed is folded into the person's own) and
announces it with `courses.signals.participants_merged`; `courses` never
imports this app, so assessments listens (connected in apps.py) and moves the
attempts here, in the merge's transaction. Without it, results entered on
paper for a typed record would stay with a record nobody reads: missing from
the person's "My learning", lost or counted as someone else in knowledge
gain, and unseen by the completion rules.

What an H5P activity remembers (where a person left it, the statements
received) is kept per account, and the account moves with the record, so
nothing of it moves here.
"""

from __future__ import annotations

import uuid

from courses.models import Participant
from courses.progress_cache import participants_changed

from ..models import Attempt
from .completion import completion_refresh


def attempts_move_to(keep: Participant, duplicate: Participant) -> int:
    """Move every attempt of `duplicate` to `keep`, then judge keep's completion again.

    Sent results (online, on paper, H5P) all move, whatever their course. Two
    rules of the attempts allow only one row per person and test, and where
    both records hold one, `keep`'s stays and the duplicate's is deleted:

    - a paper result (one per person and test): the merge cannot tell which
      of two scores is right, so the kept record's stands (a trainer corrects
      it on the paper results page where needed);
    - a test opened and not sent yet (one per person and test): `keep`'s order
      stays; an open attempt of the duplicate alone moves, so a test the person
      has open in another window can still be sent.

    Then, for each course the moved results belong to, completion is judged
    again for `keep` (`courses.services.completion.course_completion_refresh`):
    a passed post-test carried over may be what they were waiting for. The
    completion rules still count only online and paper passes, so a moved H5P
    score completes nobody. Returns how many attempts moved.

    Call inside the merge's transaction; a handful of queries, plus the
    completion check per course.
    """
    # Lock both records' attempts: a paper entry for either cannot slip in between.
    list(
        Attempt.everything.select_for_update()
        .filter(participant__in=(keep.pk, duplicate.pk))
        .values_list("pk", flat=True)
    )
    kept = Attempt.everything.filter(participant=keep)
    kept_paper = kept.filter(source=Attempt.Source.PAPER).values_list("activity_key", flat=True)
    kept_open = kept.filter(status=Attempt.Status.IN_PROGRESS).values_list(
        "activity_key", flat=True
    )
    theirs = Attempt.everything.filter(participant=duplicate)
    theirs.filter(source=Attempt.Source.PAPER, activity_key__in=list(kept_paper)).delete()
    theirs.filter(status=Attempt.Status.IN_PROGRESS, activity_key__in=list(kept_open)).delete()
    course_keys: set[uuid.UUID] = set(
        theirs.filter(status=Attempt.Status.SUBMITTED)
        .exclude(course_key=None)
        .values_list("course_key", flat=True)
    )
    moved = theirs.update(participant=keep)
    # The update sends no signal: both records' people see their results anew.
    participants_changed([keep.pk, duplicate.pk])
    for course_key in sorted(course_keys, key=str):
        completion_refresh(keep, course_key)
    return moved


def attempts_follow_merge(sender, *, keep: Participant, duplicate: Participant, **kwargs) -> None:
    """Receiver of `courses.signals.participants_merged` (connected in apps.py)."""
    attempts_move_to(keep, duplicate)
