"""Certificates: their wording (Wagtail snippets), the certificates issued, and bulk runs.

A certificate is issued once per event of the record (a cohort member's or an
online learner's completion, a trainer's accreditation, a correction): the
event's `idempotency_key` is unique in the database, so a second completion, a
double click, a task run twice or two workers racing all find the one row.
What a certificate says is frozen when it is issued (`facts`), and both its PDF
and its signed credential are made from those facts.
"""

from __future__ import annotations

import base64
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .storage import certificate_storage

# BitstringStatusList: every certificate holds one random place in the
# revocation list and the same place in the suspension list.
STATUS_LIST_SIZE = 131_072
# The longest name a correction may give: as long as an account's full name (first name
# and last name, 150 characters each, and a space). The column itself holds any length, so
# that whatever name the record holds (made longer, even, by Unicode normalisation) fits.
HOLDER_NAME_MAX_LENGTH = 301


# The reason of a certificate revoked because its holder's personal data was erased
# (privacy/): it says nothing of its holder any more, and still counts as issued in the
# aggregate figures (selectors/listing.py::certificate_facts).
ERASED_REVOCATION_REASON = "erased"


def new_certificate_code() -> str:
    """160 random bits, written in 32 letters and digits a person can read out (RFC 4648 base32)."""
    return base64.b32encode(secrets.token_bytes(20)).decode("ascii")


class Kind(models.TextChoices):
    COMPLETION = "completion", _("Course completion")
    YOUTH = "youth", _("Youth module completion")
    ACCREDITATION = "accreditation", _("Trainer accreditation")


class SignatoryBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("name"), max_length=120)
    role = blocks.CharBlock(label=_("role"), max_length=160)

    class Meta:
        icon = "user"
        label = _("Signatory")


class CertificateTemplate(TranslatableMixin, models.Model):
    """The wording of a kind of certificate, for one course or as the default for its kind.

    Translated with wagtail-localize like any content; a certificate uses the
    template in its own language, or the original when it is not translated.
    """

    name = models.CharField(
        _("name"), max_length=200, help_text=_("For editors: which certificate this is.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    course = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("course"),
        help_text=_("Leave empty for the default wording of this kind."),
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(
        _("text"),
        help_text=_(
            "Placeholders: {name}, {course}, {hours}, {dates}, {cohort}, {country}, "
            "{trainer}, {level}, {valid_until}."
        ),
    )
    criteria = models.TextField(
        _("what earns it"),
        help_text=_("Shown to verifiers in the signed credential: what the holder did."),
    )
    hours = models.DecimalField(
        _("hours"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        help_text=_("For online learning. A cohort's certificate counts its sessions' hours."),
    )
    signatories = StreamField(
        [("signatory", SignatoryBlock())], blank=True, verbose_name=_("signatories")
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("logo"),
    )

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("title"),
        TranslatableField("body"),
        TranslatableField("criteria"),
        TranslatableField("signatories"),
        SynchronizedField("kind"),
        SynchronizedField("course"),
        SynchronizedField("hours"),
        SynchronizedField("logo"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate templates")
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name


class Certificate(models.Model):
    Kind = Kind

    class Status(models.TextChoices):
        VALID = "valid", pgettext_lazy("certificate status", "Valid")
        EXPIRED = "expired", pgettext_lazy("certificate status", "Expired")
        REVOKED = "revoked", pgettext_lazy("certificate status", "Revoked")
        SUSPENDED = "suspended", pgettext_lazy("certificate status", "Suspended")

    code = models.CharField(
        _("code"), max_length=40, unique=True, default=new_certificate_code, editable=False
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # The event it was issued for: "membership:12", "enrolment:7", "accreditation:3",
    # "reissue:<code>". Unique: the same event never makes two certificates.
    idempotency_key = models.CharField(max_length=120, unique=True, editable=False)
    participant = models.ForeignKey(
        "courses.Participant",
        on_delete=models.PROTECT,
        related_name="certificates",
        verbose_name=_("holder"),
    )
    course = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("course"),
    )
    course_key = models.UUIDField(_("course translation key"), null=True, blank=True)
    cohort = models.ForeignKey(
        "courses.Cohort",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="certificates",
        verbose_name=_("cohort"),
    )
    accreditation = models.ForeignKey(
        "courses.TrainerAccreditation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="certificates",
        verbose_name=_("accreditation"),
    )
    # Who delivered the training, and the certificate of their own accreditation: the cascade.
    trainer = models.ForeignKey(
        "courses.Participant",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("delivered by"),
    )
    trainer_certificate = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("trainer's accreditation certificate"),
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    holder_name = models.TextField(_("name on the certificate"))
    facts = models.JSONField(_("what it says"), default=dict, editable=False)
    credential = models.JSONField(_("signed credential"), default=dict, editable=False)
    pdf = models.FileField(
        _("PDF"), storage=certificate_storage, upload_to="pdf/%Y/%m/", blank=True, editable=False
    )
    status_index = models.PositiveIntegerField(_("status list index"), unique=True, editable=False)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issued by"),
        help_text=_("Empty when issued on completion."),
    )
    notified_at = models.DateTimeField(_("holder told"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True, editable=False)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
        editable=False,
    )
    revocation_reason = models.TextField(_("reason for revoking"), blank=True, editable=False)
    suspended_at = models.DateTimeField(_("suspended at"), null=True, blank=True, editable=False)
    suspended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("suspended by"),
        editable=False,
    )
    suspension_reason = models.TextField(_("reason for suspending"), blank=True, editable=False)
    # A correction: the old certificate is revoked and points to the one that replaced it.
    replaced_by = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replaces",
        verbose_name=_("replaced by"),
        editable=False,
    )

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status_index__lt=STATUS_LIST_SIZE),
                name="certificate_status_index_in_list",
            ),
            models.CheckConstraint(
                condition=models.Q(valid_until__isnull=True)
                | models.Q(valid_until__gte=models.F("valid_from")),
                name="certificate_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=models.Q(revoked_at__isnull=True) | ~models.Q(revocation_reason=""),
                name="revocation_has_a_reason",
            ),
        ]
        indexes = [models.Index(fields=["participant", "-issued_at"])]

    def __str__(self) -> str:
        return f"{self.holder_name}: {self.get_kind_display()} ({self.code})"

    def status_on(self, day) -> str:
        if self.revoked_at is not None:
            return self.Status.REVOKED
        if self.suspended_at is not None:
            return self.Status.SUSPENDED
        if self.valid_until is not None and day > self.valid_until:
            return self.Status.EXPIRED
        return self.Status.VALID

    @property
    def status(self) -> str:
        return self.status_on(timezone.localdate())

    @property
    def is_erased(self) -> bool:
        """Revoked because its holder was erased: no name, PDF or credential is made again."""
        return self.revoked_at is not None and self.revocation_reason == ERASED_REVOCATION_REASON


class CertificateBatch(models.Model):
    """Issuing a whole cohort's certificates in the background, and the zip of their PDFs."""

    cohort = models.ForeignKey(
        "courses.Cohort", on_delete=models.CASCADE, related_name="certificate_batches"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    # When the run last counted a certificate done (or started): a run that stops moving
    # for long is replaced by the next one started (services/batches.py).
    progressed_at = models.DateTimeField(default=timezone.now)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    finished_at = models.DateTimeField(null=True, blank=True)
    failed = models.TextField(blank=True)
    archive = models.FileField(storage=certificate_storage, upload_to="zip/%Y/%m/", blank=True)

    class Meta:
        verbose_name = _("certificate run")
        verbose_name_plural = _("certificate runs")
        ordering = ["-requested_at"]
        constraints = [
            # A double click finds the run already going.
            models.UniqueConstraint(
                fields=["cohort"],
                condition=models.Q(finished_at__isnull=True),
                name="one_running_certificate_batch_per_cohort",
            )
        ]

    def __str__(self) -> str:
        return f"{self.cohort}: {self.done}/{self.total}"

    @property
    def percent(self) -> int:
        return 100 if not self.total else round(100 * self.done / self.total)


class ExpiryReminder(models.Model):
    """A reminder sent to a trainer before their accreditation certificate expires: sent once."""

    certificate = models.ForeignKey(
        Certificate, on_delete=models.CASCADE, related_name="expiry_reminders"
    )
    days_before = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["certificate", "days_before"], name="one_expiry_reminder_per_step"
            )
        ]

    def __str__(self) -> str:
        return f"{self.certificate.code}: {self.days_before} days before"
