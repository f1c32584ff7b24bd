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

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal

from . import record_cache
from .models import (
    Attendance,
    Cohort,
    CohortInvitation,
    CohortMembership,
    CohortSession,
    CohortTrainer,
    Country,
    Enrolment,
    LessonProgress,
    Organisation,
    Participant,
    TrainerAccreditation,
)
from .progress_cache import on_participant_row_saved, on_progress_saved, progress_changed

course_completed = Signal()
cohort_membership_completed = Signal()
participants_merged = Signal()
accreditation_granted = Signal()
accreditation_changed = Signal()


# What trainers' and learners' pages are made of (record_cache.py): any change retires them.
RECORD_MODELS = (
    Cohort,
    CohortTrainer,
    CohortMembership,
    CohortSession,
    CohortInvitation,
    Participant,
    TrainerAccreditation,
    Country,
    Organisation,
)


def on_membership_saved(sender, instance, **kwargs) -> None:
    """Who is in a cohort is the record's, and the member's own "My learning"."""
    record_cache.record_changed()
    on_participant_row_saved(sender, instance)


def on_participant_saved(sender, instance, **kwargs) -> None:
    record_cache.record_changed()
    if instance.user_id:
        progress_changed(instance.user_id)


def on_email_address_saved(sender, instance, **kwargs) -> None:
    """A verified address brings the invitations sent to it onto the person's pages."""
    progress_changed(instance.user_id)


def connect() -> None:
    for model in (Enrolment, LessonProgress):
        for signal in (post_save, post_delete):
            signal.connect(
                on_progress_saved,
                sender=model,
                dispatch_uid=f"progress-{model.__name__}-{id(signal)}",
            )
    receivers = dict.fromkeys(RECORD_MODELS, record_cache.record_changed)
    receivers[CohortMembership] = on_membership_saved
    receivers[Participant] = on_participant_saved
    for model, receiver in receivers.items():
        for signal in (post_save, post_delete):
            signal.connect(
                receiver, sender=model, dispatch_uid=f"record-{model.__name__}-{id(signal)}"
            )
    m2m_changed.connect(
        record_cache.record_changed,
        sender=CohortSession.modules.through,
        dispatch_uid="record-session-modules",
    )
    post_save.connect(
        record_cache.on_user_saved, sender=get_user_model(), dispatch_uid="record-user-saved"
    )
    post_delete.connect(
        record_cache.record_changed, sender=get_user_model(), dispatch_uid="record-user-deleted"
    )
    # A person's own attendance marks and addresses show on their own pages only.
    for model, receiver in (
        (Attendance, on_participant_row_saved),
        (EmailAddress, on_email_address_saved),
    ):
        for signal in (post_save, post_delete):
            signal.connect(
                receiver, sender=model, dispatch_uid=f"progress-{model.__name__}-{id(signal)}"
            )
