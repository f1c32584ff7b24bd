"""What certificates does when courses announces something (connected in apps.py).

Courses sends its signals inside the transaction that wrote the event; the
certificate work is queued for after the commit (a rolled-back completion
earns nothing), except revoking an accreditation's certificate, which is done
in the same transaction so that both change together.
"""

from __future__ import annotations

from django.utils import translation

from courses.models import CohortMembership, Enrolment, Participant, TrainerAccreditation

from . import tasks
from .models import CertificateTemplate
from .services import contents, status
from .services.merging import certificates_follow_merge


def on_membership_completed(sender, *, membership: CohortMembership, **kwargs) -> None:
    # Roster-only members get theirs when a trainer asks for it.
    if membership.participant.user_id is not None:
        tasks.issue_for_membership.delay_on_commit(membership.pk)


def on_course_completed(sender, *, enrolment: Enrolment, **kwargs) -> None:
    # The language the person read in when they completed: theirs, unless they chose one.
    tasks.issue_for_enrolment.delay_on_commit(enrolment.pk, translation.get_language())


def on_accreditation_granted(sender, *, accreditation: TrainerAccreditation, **kwargs) -> None:
    tasks.issue_for_accreditation.delay_on_commit(accreditation.pk)


def on_accreditation_changed(
    sender, *, accreditation: TrainerAccreditation, changed: dict, **kwargs
) -> None:
    if accreditation.revoked_at is not None:
        status.accreditation_certificates_revoke(accreditation)
        return
    reinstated = "revoked_at" in changed
    tasks.refresh_for_accreditation.delay_on_commit(accreditation.pk, reinstated)


def on_participants_merged(sender, *, keep: Participant, duplicate: Participant, **kwargs) -> None:
    certificates_follow_merge(keep, duplicate)


def on_template_saved(sender, *, instance: CertificateTemplate, **kwargs) -> None:
    # The logo is shrunk when it is chosen, not when the first certificate is drawn.
    contents.logo_path(instance)
