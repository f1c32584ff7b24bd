"""The courses app's signals: what it announces, and what it listens to.

Announced (sent by courses/services/completion.py, once per real completion,
inside the transaction that wrote it; a receiver doing slow work should defer
it with transaction.on_commit):

- `course_completed(sender=Enrolment, enrolment=...)`: a person completed a
  course online (required lessons done and every completion rule met).
- `cohort_membership_completed(sender=CohortMembership, membership=...)`: a
  member completed a cohort (attendance, the online part, the rules).

Sent by courses/services/accreditation.py, inside the transaction that wrote it:

- `accreditation_granted(sender=TrainerAccreditation, accreditation=...)`: a
  person was accredited as a trainer (by a training of trainers or, for the
  first generation, by a coordinator); sent once per accreditation.
- `accreditation_changed(sender=TrainerAccreditation, accreditation=..., changed=...)`:
  a coordinator changed its end date or revoked or reinstated it; `changed`
  maps each changed field to [before, after] (ISO dates).

Sent by courses/services/participants.py, inside the merge's transaction:

- `participants_merged(sender=Participant, keep=..., duplicate=...)`: a
  duplicate record was folded into `keep`, after the courses rows (memberships,
  attendance, trainer roles, accreditations) moved. Apps holding rows of a
  person (assessments: test results) move theirs to `keep`, so the record
  stays whole; every merge path (trainer's page, admin, accepting an
  invitation) goes through it.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal

from .models import Enrolment, LessonProgress
from .progress_cache import on_progress_saved

course_completed = Signal()
cohort_membership_completed = Signal()
participants_merged = Signal()
accreditation_granted = Signal()
accreditation_changed = Signal()


def connect() -> None:
    for model in (Enrolment, LessonProgress):
        for signal in (post_save, post_delete):
            signal.connect(
                on_progress_saved,
                sender=model,
                dispatch_uid=f"progress-{model.__name__}-{id(signal)}",
            )
