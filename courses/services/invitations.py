"""Invitations: adding someone by e-mail reveals nothing about them to the trainer.

A trainer who adds a person by e-mail (the roster import, the team form)
gets the same answer whether or not the address has an account: a member
joins the roster as the name the trainer typed, and an invitation e-mail with
the same wording goes to the address either way. The person sees the
invitation in "My learning" once they hold a verified address equal to the
invited one (an account made later, or an address added and verified later,
counts too), and accepts or declines:

- accepting as a member folds the typed roster record into the person's own
  record (`participant_merge`): membership and attendance carry over, and the
  person is counted once; as a co-trainer or young expert it adds them to the
  cohort's team;
- declining leaves the typed roster record as it is, with no link to the
  account; the team is unchanged.

Only the addressee answers, and only through a verified address: anyone else
is refused (`PermissionDenied`), an unverified address included.

A typed record of a young person whose age band may be below their country's
age of digital consent is joined only with a guardian's consent: a paper form
a trainer recorded, or the consent the accepting account was made with
(courses/services/consent.py). Joining by the cohort's code applies the same
rule (`selectors.consent.joining_consent_missing`), so declining first and
joining by code changes nothing; a young person joining a cohort's team needs it
too.
"""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.emails import email_message, site_url

from ..models import Cohort, CohortInvitation, CohortTrainer, Participant
from ..models.invitations import normalise_email
from ..selectors.access import can_manage_cohort
from ..selectors.cohorts import cohort_team_ids
from ..selectors.consent import joining_consent_missing
from ..selectors.invitations import canonical_record, verified_emails
from ..selectors.learner_cohorts import lead_trainer_names
from . import cohorts, participants  # they import this module in turn: read them at call time
from .errors import guardian_consent_refusal, on_the_team_refusal

logger = logging.getLogger(__name__)


def invitation_create(
    *,
    cohort: Cohort,
    email: str,
    role: str = CohortInvitation.Role.MEMBER,
    invited_by,
    participant: Participant | None = None,
) -> CohortInvitation:
    """Invite an address to a cohort as a member (for a typed roster record) or to its team.

    Safe to call twice: an open invitation of the same address to the same
    cohort is returned as it is, and no second e-mail goes out. The e-mail
    leaves once the surrounding transaction commits.
    """
    if not can_manage_cohort(invited_by, cohort):
        raise PermissionDenied
    return invitation_new(
        cohort=cohort, email=email, role=role, invited_by=invited_by, participant=participant
    )


def invitation_new(
    *,
    cohort: Cohort,
    email: str,
    role: str,
    invited_by,
    participant: Participant | None = None,
) -> CohortInvitation:
    """The write behind `invitation_create`, for a caller that has checked the inviter.

    The roster import checks once for the whole file rather than once a row.
    """
    if role not in CohortInvitation.Role.values:
        raise ValidationError(_("Unknown role."), code="bad_role")
    is_member = role == CohortInvitation.Role.MEMBER
    if is_member != (participant is not None):
        raise ValidationError(
            _("A member is invited for a roster record; a team member without one."),
            code="bad_role",
        )
    email = normalise_email(email)
    validate_email(email)
    existing = _open_invitation(cohort, email)
    if existing is not None:
        return _reuse(existing, role=role, participant=participant)
    try:
        with transaction.atomic():
            invitation = CohortInvitation.objects.create(
                cohort=cohort,
                email=email,
                role=role,
                participant=participant,
                invited_by=invited_by,
            )
    except IntegrityError:
        # Two trainers invited the same address at the same moment.
        return _reuse(_open_invitation(cohort, email), role=role, participant=participant)
    _send_after_commit(invitation.pk)
    return invitation


def _open_invitation(cohort: Cohort, email: str) -> CohortInvitation | None:
    return CohortInvitation.objects.filter(
        cohort=cohort, email=email, accepted_at__isnull=True, declined_at__isnull=True
    ).first()


def _reuse(
    invitation: CohortInvitation, *, role: str, participant: Participant | None
) -> CohortInvitation:
    """The open invitation again; a team invitation may change its role."""
    if invitation.role == role and invitation.participant_id == getattr(participant, "pk", None):
        return invitation
    team_roles = CohortInvitation.TEAM_ROLES
    if invitation.role in team_roles and role in team_roles:
        invitation.role = role
        invitation.save(update_fields=["role"])
        return invitation
    raise ValidationError(
        _("This address already has an open invitation to this cohort."),
        code="already_invited",
    )


def _send_after_commit(invitation_id: int) -> None:
    """Queue the e-mail once the invitation is committed; a broker that is away leaves it
    recorded for a coordinator to queue again (jobs), and the trainer's page still answers."""
    from ..tasks import invitation_send  # the task calls back into this module

    invitation_send.delay_on_commit(invitation_id)


def invitation_email_send(invitation_id: int) -> bool:
    """Send the invitation e-mail once; the same words whether or not the address has an account.

    The e-mail is in the cohort's language (the language the person is invited
    to be trained in), sent for the cohort's host organisation: the trainer
    must not learn, and the wording must not depend on, whether the address
    belongs to an account, so no account's language is looked up. Returns
    whether an e-mail went out now.
    """
    with transaction.atomic():
        invitation = (
            CohortInvitation.objects.select_for_update(of=("self",))
            .select_related("cohort__host_organisation")
            .filter(pk=invitation_id, sent_at__isnull=True)
            .first()
        )
        if invitation is None or not invitation.is_open:
            return False
        cohort = invitation.cohort
        trainer = lead_trainer_names([cohort.pk]).get(cohort.pk, "")
        with translation.override(cohort.language):
            link = site_url(reverse("my_learning"))
            subject = _("Invitation to “%(cohort)s”") % {"cohort": cohort.name}
            body = _(
                "Hello,\n\n"
                "%(trainer)s invites you to “%(cohort)s” (%(organisation)s, from "
                "%(starts)s) as: %(role)s.\n\n"
                "To accept or decline, sign in with this e-mail address, or create an "
                "account with it, and open “My learning”:\n%(link)s\n\n"
                "If you do not know this training, you can ignore this e-mail.\n"
            ) % {
                "trainer": trainer,
                "cohort": cohort.name,
                "organisation": cohort.host_organisation.name,
                "starts": date_format(cohort.starts_on, "SHORT_DATE_FORMAT"),
                "role": invitation.get_role_display(),
                "link": link,
            }
            reason = _(
                "You receive this e-mail because a trainer invited this address to a cohort on "
                "%(platform)s."
            )
        email_message(
            subject,
            body,
            to=invitation.email,
            language=cohort.language,
            reason=reason,
            organisation=cohort.host_organisation.name,
        ).send()
        invitation.sent_at = timezone.now()
        invitation.save(update_fields=["sent_at"])
    logger.info("Invitation %s to cohort %s sent", invitation.pk, cohort.pk)
    return True


def _addressed_to(invitation: CohortInvitation, user) -> None:
    """Refuse anyone but the holder of a verified address equal to the invited one."""
    if invitation.email not in verified_emails(user):
        raise PermissionDenied


def _open_for_answer(invitation: CohortInvitation, user) -> CohortInvitation:
    invitation = (
        CohortInvitation.objects.select_for_update(of=("self",))
        .select_related("cohort", "participant")
        .get(pk=invitation.pk)
    )
    _addressed_to(invitation, user)
    if not invitation.is_open:
        raise ValidationError(
            _("This invitation has already been answered."), code="already_answered"
        )
    return invitation


@transaction.atomic
def invitation_accept(invitation: CohortInvitation, *, user) -> CohortInvitation:
    """The addressee accepts: they become the member (or team member) with their account."""
    invitation = _open_for_answer(invitation, user)
    cohort = invitation.cohort
    if invitation.role == CohortInvitation.Role.MEMBER:
        typed = canonical_record(invitation.participant)
        waiting = joining_consent_missing(user, cohort)
        if waiting is not None:
            raise guardian_consent_refusal(waiting)
        own = participants.participant_for_user(user, cohort.country)
        if own.pk in cohort_team_ids(cohort):
            raise on_the_team_refusal(cohort, yourself=True)
        if typed.pk != own.pk:
            if typed.user_id is None:
                # The typed record is this person: their account takes over its
                # membership and attendance; the typed record points to it.
                participants.participant_merge(own, typed, by=user)
            else:
                # The trainer merged the typed record into someone else's meanwhile:
                # this person still joins, without touching the other's record.
                cohorts.cohort_add_member(cohort, own)
    else:
        participants.team_member_add(cohort, user=user, role=CohortTrainer.Role(invitation.role))
    invitation.accepted_at = timezone.now()
    invitation.answered_by = user
    invitation.save(update_fields=["accepted_at", "answered_by"])
    return invitation


@transaction.atomic
def invitation_decline(invitation: CohortInvitation, *, user) -> CohortInvitation:
    """The addressee declines: the trainer's typed roster record stays, linked to nobody."""
    invitation = _open_for_answer(invitation, user)
    # Nobody is recorded as having declined: the typed record stays linked to no account.
    invitation.declined_at = timezone.now()
    invitation.save(update_fields=["declined_at"])
    return invitation
