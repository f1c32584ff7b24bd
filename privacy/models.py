"""Personal data: erasing a person, as a job that can stop anywhere and be run again.

An erasure names an account, a person's record (a roster-only person), or
both. It runs step by step (privacy/services/erasure.py: STEPS); each step
writes in one transaction and is recorded in `steps_done` in that same
transaction, so a job stopped mid-way (a worker killed, a database error)
resumes at the first step not done. What it keeps and removes is in
docs/privacy.md.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Without look-alike letters, like invite codes: read aloud or typed from a screen.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_erasure_code() -> str:
    """The neutral name an erased person's records carry from then on: ERASED-7KQ2M4PX."""
    return "ERASED-" + "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))


class ErasureRequest(models.Model):
    """Erasing one person's personal data everywhere, while the facts the figures count stay."""

    class Origin(models.TextChoices):
        PERSON = "person", _("Asked by the person")
        COORDINATOR = "coordinator", _("Asked by a programme coordinator")
        RETENTION = "retention", _("Inactive beyond the retention period")

    class State(models.TextChoices):
        WAITING = "waiting", _("Waiting")
        RUNNING = "running", _("Running")
        FAILED = "failed", _("Stopped with an error")
        DONE = "done", _("Done")

    # The account stays (deactivated, anonymised): the figures count its enrolments.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="erasure",
        verbose_name=_("account"),
    )
    participant = models.OneToOneField(
        "courses.Participant",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="erasure",
        verbose_name=_("person's record"),
    )
    code = models.CharField(
        _("neutral code"),
        max_length=20,
        unique=True,
        default=new_erasure_code,
        editable=False,
        help_text=_("Replaces the person's name on every record that named them."),
    )
    origin = models.CharField(_("asked by"), max_length=12, choices=Origin.choices)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.WAITING
    )
    steps_done = models.JSONField(_("steps done"), default=list, blank=True, editable=False)
    # How many rows each step changed: counts only, never names.
    counts = models.JSONField(_("counts"), default=dict, blank=True, editable=False)
    # Certificate PDFs and zips to delete from storage: written with the certificates' own
    # change, deleted by the next step (so a crash between the two loses no file to delete).
    files_to_delete = models.JSONField(default=list, blank=True, editable=False)
    runs = models.PositiveSmallIntegerField(_("runs"), default=0, editable=False)
    started_at = models.DateTimeField(_("last started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("erasure of personal data")
        verbose_name_plural = _("erasures of personal data")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(user__isnull=False) | models.Q(participant__isnull=False),
                name="erasure_names_someone",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} ({self.get_state_display()})"

    @property
    def is_done(self) -> bool:
        return self.state == self.State.DONE
