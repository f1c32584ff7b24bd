"""Invitations: a trainer adds someone by e-mail; the person decides whether it is them.

The trainer learns nothing from an invitation: not whether the address has an
account, nor the account's name. The person sees it in "My learning" once they
hold a verified address equal to the invited one, and accepts or declines.
"""

import unicodedata

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def normalise_email(address: str) -> str:
    """One spelling per address, as invitations store and compare them (NFC, case-folded)."""
    return unicodedata.normalize("NFC", address.strip()).casefold()


class CohortInvitation(models.Model):
    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        CO_TRAINER = "co_trainer", _("Co-trainer")
        YOUNG_EXPERT = "young_expert", _("Young expert (co-facilitator)")

    TEAM_ROLES = {Role.CO_TRAINER, Role.YOUNG_EXPERT}

    cohort = models.ForeignKey(
        "courses.Cohort",
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("cohort"),
    )
    # For a member: the roster record made from what the trainer typed. Accepting
    # folds it into the person's own record; declining leaves it as it is.
    participant = models.ForeignKey(
        "courses.Participant",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="invitations",
        verbose_name=_("roster record"),
    )
    email = models.CharField(_("e-mail"), max_length=254)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("invited at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("e-mail sent at"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    declined_at = models.DateTimeField(_("declined at"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "email"],
                condition=models.Q(accepted_at__isnull=True, declined_at__isnull=True),
                name="one_open_invitation_per_cohort_and_email",
            ),
            models.CheckConstraint(
                condition=models.Q(accepted_at__isnull=True) | models.Q(declined_at__isnull=True),
                name="invitation_accepted_or_declined_not_both",
            ),
            models.CheckConstraint(
                condition=models.Q(role="member", participant__isnull=False)
                | (~models.Q(role="member") & models.Q(participant__isnull=True)),
                name="member_invitation_has_a_roster_record",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()} · {self.cohort}"

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.declined_at is None
