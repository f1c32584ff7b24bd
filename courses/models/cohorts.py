"""Cohorts: one run of a course, its trainers, members, sessions and attendance."""

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


def new_invite_code() -> str:
    # 8 characters from an alphabet without look-alikes: easy to read aloud in a room.
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(8))


class Cohort(models.Model):
    class Kind(models.TextChoices):
        INTERNATIONAL_TOT = "international_tot", _("International training of trainers")
        NATIONAL_TOT = "national_tot", _("National training of trainers")
        NATIONAL_TRAINING = "national_training", _("National training")
        YOUTH_MODULE = "youth_module", _("Youth module")

    class Status(models.TextChoices):
        PLANNED = "planned", pgettext_lazy("cohort status", "Planned")
        RUNNING = "running", pgettext_lazy("cohort status", "Running")
        COMPLETED = "completed", pgettext_lazy("cohort status", "Completed")
        CANCELLED = "cancelled", pgettext_lazy("cohort status", "Cancelled")

    TRAINS_TRAINERS = {Kind.INTERNATIONAL_TOT, Kind.NATIONAL_TOT}

    name = models.CharField(_("name"), max_length=200)
    course = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("course"),
        help_text=_("The course page in the language it was written in."),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    country = models.ForeignKey(
        "courses.Country",
        on_delete=models.PROTECT,
        related_name="cohorts",
        verbose_name=_("country"),
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    host_organisation = models.ForeignKey(
        "courses.Organisation",
        on_delete=models.PROTECT,
        related_name="hosted_cohorts",
        verbose_name=_("host organisation"),
    )
    capacity = models.PositiveIntegerField(_("capacity"), default=25)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    attendance_threshold = models.PositiveSmallIntegerField(
        _("attendance needed (%)"),
        default=80,
        # At least 1 %: with 0 % a member would complete without attending anything.
        validators=[
            MinValueValidator(
                1,
                message=_("Enter 1 or more: members complete a cohort by attending its sessions."),
            ),
            MaxValueValidator(100, message=_("Enter 100 or less.")),
        ],
        help_text=_("Share of sessions a member must attend to complete the cohort."),
    )
    invite_code = models.CharField(
        _("invite code"), max_length=12, unique=True, default=new_invite_code, editable=False
    )
    # The cascade: the cohort that accredited this cohort's lead trainer.
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("trained by cohort"),
    )
    generation = models.PositiveSmallIntegerField(
        _("cascade generation"), default=0, editable=False
    )
    cascade_path = models.CharField(
        _("cascade path"),
        max_length=255,
        editable=False,
        # On PostgreSQL this also creates a varchar_pattern_ops index, which
        # serves the prefix (LIKE '/1/7/%') queries of subtrees.
        db_index=True,
        help_text=_("Ids from generation 0 down to this cohort: /1/7/42/."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["-starts_on", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="cohort_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=models.Q(attendance_threshold__lte=100),
                name="attendance_threshold_is_a_percentage",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def trains_trainers(self) -> bool:
        return self.kind in self.TRAINS_TRAINERS

    @property
    def lineage_ids(self) -> list[int]:
        return [int(part) for part in self.cascade_path.strip("/").split("/") if part]

    def session_window(self) -> tuple[datetime.datetime, datetime.datetime]:
        """When its sessions may start: from its first day at 00:00 to its last day's end.

        Both ends included, in the site's time zone.
        """
        zone = timezone.get_default_timezone()
        return (
            timezone.make_aware(datetime.datetime.combine(self.starts_on, datetime.time.min), zone),
            timezone.make_aware(datetime.datetime.combine(self.ends_on, datetime.time.max), zone),
        )


class CohortTrainer(models.Model):
    class Role(models.TextChoices):
        LEAD = "lead", _("Lead trainer")
        CO_TRAINER = "co_trainer", _("Co-trainer")
        YOUNG_EXPERT = "young_expert", _("Young expert (co-facilitator)")

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="trainers")
    participant = models.ForeignKey(
        "courses.Participant", on_delete=models.PROTECT, related_name="cohorts_led"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.LEAD)

    class Meta:
        verbose_name = _("cohort trainer")
        verbose_name_plural = _("cohort trainers")
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "participant"], name="one_role_per_cohort_trainer"
            ),
            models.UniqueConstraint(
                fields=["cohort"],
                condition=models.Q(role="lead"),
                name="one_lead_trainer_per_cohort",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant} ({self.get_role_display()}, {self.cohort})"


class CohortMembership(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="memberships")
    participant = models.ForeignKey(
        "courses.Participant", on_delete=models.PROTECT, related_name="memberships"
    )
    joined_at = models.DateTimeField(_("joined at"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("cohort member")
        verbose_name_plural = _("cohort members")
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "participant"], name="one_membership_per_cohort"
            )
        ]

    def __str__(self) -> str:
        return f"{self.participant} in {self.cohort}"


class CohortSession(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(_("starts at"))
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"), default=180)
    place = models.CharField(_("place"), max_length=200)
    modules = models.ManyToManyField(
        "wagtailcore.Page", blank=True, related_name="+", verbose_name=_("modules covered")
    )

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at"]

    def __str__(self) -> str:
        return f"{self.cohort} · {self.starts_at:%Y-%m-%d}"

    def clean(self):
        # A session dated outside its cohort would let attendance (and accreditation)
        # be recorded for a training that has not taken place.
        super().clean()
        if self.starts_at is None or self.cohort_id is None:
            return
        first, last = self.cohort.session_window()
        if not first <= self.starts_at <= last:
            message = _("A session starts within its cohort's dates, %(starts)s to %(ends)s.") % {
                "starts": date_format(self.cohort.starts_on, "SHORT_DATE_FORMAT"),
                "ends": date_format(self.cohort.ends_on, "SHORT_DATE_FORMAT"),
            }
            raise ValidationError(
                {"starts_at": ValidationError(message, code="outside_cohort_dates")}
            )


class Attendance(models.Model):
    class Status(models.TextChoices):
        PRESENT = "present", _("Present")
        ABSENT = "absent", _("Absent")
        EXCUSED = "excused", _("Excused")

    session = models.ForeignKey(CohortSession, on_delete=models.CASCADE, related_name="attendance")
    participant = models.ForeignKey(
        "courses.Participant", on_delete=models.CASCADE, related_name="attendance"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    marked_at = models.DateTimeField(_("marked at"))

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "participant"], name="one_attendance_mark_per_session"
            )
        ]

    def __str__(self) -> str:
        return f"{self.participant}: {self.get_status_display()}"
