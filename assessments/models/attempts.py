"""Attempts: one go at an assessment or an H5P activity, scored on the server."""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .bank import Assessment

KINDS = [*Assessment.Kind.choices, ("h5p", _("Interactive activity"))]


class SubmittedAttempts(models.Manager):
    """Attempts that were sent (or entered, or reported): what every result and count reads."""

    def get_queryset(self):
        return super().get_queryset().filter(status=Attempt.Status.SUBMITTED)


class AllAttempts(models.Manager):
    """Sent and open alike: for deleting with a person, never for counting results."""


class OpenAttempts(models.Manager):
    """Tests opened and not sent yet: they hold the order the person was shown."""

    def get_queryset(self):
        return super().get_queryset().filter(status=Attempt.Status.IN_PROGRESS)


class Attempt(models.Model):
    """One go at an assessment or an H5P activity: answers, time, and the server's score.

    An online attempt exists from the moment the person opens the test (`in_progress`),
    holding the order in which its questions and options were shown to them; sending
    the answers completes it. `Attempt.objects` sees only completed attempts, so no
    count or result can take an opened test for a result; `Attempt.in_progress` sees
    the opened ones.
    """

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("In progress")
        SUBMITTED = "submitted", _("Sent")

    class Source(models.TextChoices):
        ONLINE = "online", _("Online")
        PAPER = "paper", _("Entered from paper")
        H5P = "h5p", _("Interactive activity")

    participant = models.ForeignKey(
        "courses.Participant", on_delete=models.CASCADE, related_name="attempts"
    )
    # One of the two: the language version that was answered.
    assessment = models.ForeignKey(
        Assessment, null=True, blank=True, on_delete=models.PROTECT, related_name="attempts"
    )
    h5p_content = models.ForeignKey(
        "assessments.H5PContent",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="attempts",
    )
    # The translation key of either: the same in every language, what counting uses.
    activity_key = models.UUIDField(db_index=True, editable=False)
    course_key = models.UUIDField(null=True, blank=True, db_index=True, editable=False)
    kind = models.CharField(max_length=20, choices=KINDS, editable=False)
    cohort = models.ForeignKey(
        "courses.Cohort", null=True, blank=True, on_delete=models.SET_NULL, related_name="attempts"
    )
    source = models.CharField(max_length=8, choices=Source.choices, default=Source.ONLINE)
    started_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(default=timezone.now, db_index=True)
    answers = models.JSONField(default=dict, blank=True)
    results = models.JSONField(default=dict, blank=True)
    score = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    max_score = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    percent = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    passed = models.BooleanField(null=True, blank=True)
    attitude = models.DecimalField(
        max_digits=3,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_(
            "Mean agreement with the attitude statements, 1 to 5, reverse-scored items turned."
        ),
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.SUBMITTED, editable=False
    )
    # {"questions": [question key, ...], "options": {question key: [option id, ...]}},
    # drawn by the server when the test is opened (services.attempts.attempt_open).
    presented_order = models.JSONField(default=dict, blank=True, editable=False)

    objects = SubmittedAttempts()
    in_progress = OpenAttempts()
    everything = AllAttempts()

    class Meta:
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        ordering = ["-submitted_at", "-pk"]
        indexes = [
            models.Index(fields=["participant", "activity_key", "-submitted_at"]),
            models.Index(fields=["participant", "course_key", "kind", "submitted_at"]),
        ]
        base_manager_name = "everything"
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "activity_key"],
                condition=models.Q(source="paper"),
                name="one_paper_result_per_person_and_test",
            ),
            models.UniqueConstraint(
                fields=["participant", "activity_key"],
                condition=models.Q(status="in_progress"),
                name="one_open_attempt_per_person_and_test",
            ),
            models.CheckConstraint(
                condition=models.Q(assessment__isnull=True) ^ models.Q(h5p_content__isnull=True),
                name="attempt_of_an_assessment_or_an_activity",
            ),
            models.CheckConstraint(
                condition=models.Q(percent__isnull=True)
                | models.Q(percent__gte=0, percent__lte=100),
                name="attempt_percent_in_range",
            ),
            models.CheckConstraint(
                condition=models.Q(score__isnull=True)
                | models.Q(score__gte=0, score__lte=models.F("max_score")),
                name="attempt_score_within_max",
            ),
        ]

    def __str__(self) -> str:
        activity = self.assessment or self.h5p_content
        return f"{activity} · {self.participant} · {self.submitted_at:%Y-%m-%d}"

    @property
    def points(self) -> Decimal | None:
        """The score without trailing zeros (9, 9.5), for showing."""
        return _plain(self.score)

    @property
    def points_possible(self) -> Decimal | None:
        return _plain(self.max_score)


def _plain(value: Decimal | None) -> Decimal | None:
    if value is None:
        return None
    return value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()
