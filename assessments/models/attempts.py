"""Attempts: one go at an assessment or an H5P activity, scored on the server."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .bank import Assessment

KINDS = [*Assessment.Kind.choices, ("h5p", _("Interactive activity"))]


class Attempt(models.Model):
    """One go at an assessment or an H5P activity: answers, time, and the server's score."""

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

    class Meta:
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        ordering = ["-submitted_at", "-pk"]
        indexes = [
            models.Index(fields=["participant", "activity_key", "-submitted_at"]),
            models.Index(fields=["participant", "course_key", "kind", "submitted_at"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "activity_key"],
                condition=models.Q(source="paper"),
                name="one_paper_result_per_person_and_test",
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
