"""What monitoring keeps of its own: figures as last computed, national targets, monthly reports.

Monitoring writes nothing of the other apps; it reads them through their selectors.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class FigureSnapshot(models.Model):
    """The figures of one country (or of all countries), as computed at `computed_at`.

    Dashboards read these rather than counting millions of rows on each request;
    a beat job refreshes them (docs/monitoring.md says how fresh they are).
    """

    country = models.OneToOneField(
        "courses.Country",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("country"),
        help_text=_("Empty: all countries together."),
    )
    computed_at = models.DateTimeField(_("computed at"))
    seconds = models.FloatField(_("seconds to compute"), default=0)
    figures = models.JSONField(_("figures"), default=dict)
    # The periods the country's targets count (selectors/targets.py), by "since/until".
    periods = models.JSONField(_("figures of target periods"), default=dict)

    class Meta:
        verbose_name = _("figure snapshot")
        verbose_name_plural = _("figure snapshots")
        constraints = [
            # NULL is distinct in a unique constraint: one row for "all countries" too.
            models.UniqueConstraint(
                fields=["country"],
                condition=models.Q(country__isnull=True),
                name="one_all_countries_snapshot",
            )
        ]

    def __str__(self) -> str:
        return f"{self.country or _('All countries')} @ {self.computed_at:%Y-%m-%d %H:%M}"


class Target(models.Model):
    """A national goal an NSG sets, e.g. 75 professionals trained by 31 December 2027.

    Each measure is one figure of the dashboard, counted from `starts_on`
    (selectors/targets.py names the cell; docs/monitoring.md defines it).
    """

    class Measure(models.TextChoices):
        # "Professionals trained": professionals reached by a training (the
        # Leaving Care project's "national training delivered to 378
        # professionals"); completing it is PEOPLE_COMPLETED.
        PROFESSIONALS_REACHED = "professionals_reached", _("Professionals reached")
        YOUNG_PEOPLE_REACHED = "young_people_reached", _("Young people reached")
        PEOPLE_REACHED = "people_reached", _("People reached")
        PEOPLE_COMPLETED = "people_completed", _("People who completed a training")
        TRAINERS_ACCREDITED = "trainers_accredited", _("Trainers accredited (still valid)")
        CERTIFICATES_ISSUED = "certificates_issued", _("Certificates issued")
        COHORTS_HELD = "cohorts_held", _("Cohorts held")

    country = models.ForeignKey(
        "courses.Country",
        on_delete=models.CASCADE,
        related_name="monitoring_targets",
        verbose_name=_("country"),
    )
    measure = models.CharField(_("what is counted"), max_length=30, choices=Measure.choices)
    value = models.PositiveIntegerField(
        _("target"), validators=[MinValueValidator(1, message=_("Enter 1 or more."))]
    )
    starts_on = models.DateField(
        _("counting from"), help_text=_("Progress and pace are measured from this day.")
    )
    due_on = models.DateField(_("to reach by"))
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["due_on", "measure"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(due_on__gt=models.F("starts_on")),
                name="target_due_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_measure_display()}: {self.value} ({self.due_on})"

    def clean(self) -> None:
        if self.starts_on and self.due_on and self.due_on <= self.starts_on:
            message = _("The date to reach the target must come after the day counting starts.")
            raise ValidationError({"due_on": ValidationError(message, code="due_before_start")})


class MonthlyReport(models.Model):
    """One NSG member's report for one month: sent once, retried when sending fails."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="monthly_reports",
        verbose_name=_("recipient"),
    )
    country = models.ForeignKey(
        "courses.Country", on_delete=models.CASCADE, related_name="+", verbose_name=_("country")
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month reported."))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("monthly report")
        verbose_name_plural = _("monthly reports")
        ordering = ["-month", "country", "recipient"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "country", "month"], name="one_monthly_report_per_recipient"
            )
        ]

    def __str__(self) -> str:
        return f"{self.country} {self.month:%Y-%m} → {self.recipient}"
