"""Trainer accreditation: it makes a graduate's cohorts children of the cohort that trained them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TrainerAccreditation(models.Model):
    class Level(models.TextChoices):
        TRAINER = "trainer", _("Trainer")
        MASTER_TRAINER = "master_trainer", _("Master trainer")

    participant = models.ForeignKey(
        "courses.Participant", on_delete=models.PROTECT, related_name="accreditations"
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    country = models.ForeignKey(
        "courses.Country", on_delete=models.PROTECT, related_name="accreditations"
    )
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))
    granted_by_cohort = models.ForeignKey(
        "courses.Cohort",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="accreditations_granted",
        verbose_name=_("granted by completing"),
        help_text=_("Empty for the first generation, accredited by a coordinator."),
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("granted by"),
    )
    granted_at = models.DateTimeField(_("granted at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("trainer accreditation")
        verbose_name_plural = _("trainer accreditations")
        ordering = ["-valid_until"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__gte=models.F("valid_from")),
                name="accreditation_ends_after_it_starts",
            ),
            # A training of trainers accredits each graduate once, even under two requests.
            models.UniqueConstraint(
                fields=["granted_by_cohort", "participant"],
                condition=models.Q(granted_by_cohort__isnull=False),
                name="one_accreditation_per_graduate_and_cohort",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant}: {self.get_level_display()} until {self.valid_until}"

    def is_valid_on(self, day) -> bool:
        return self.revoked_at is None and self.valid_from <= day <= self.valid_until
