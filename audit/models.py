"""An append-only record of who looked at or changed people's records, and who was refused.

Entries hold ids, never names or e-mail addresses, so that erasing a person
leaves the trail intact without keeping their personal data in it.

One change is allowed, and only to erasure (privacy/services/erasure.py, through
`audit.services.audit_entries_redact`, which records it): the path and details of
the entries about an erased person are emptied (`details` becomes {"erased": true});
who acted, what, on which record and when stay. On PostgreSQL the trigger of
migration 0010 lets exactly that update through, and only inside a transaction
that declared it (`audit.redacting`); everything else is refused as before.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(Exception):
    """Audit entries are written once and never changed or deleted."""


# What an erased person's entries keep as details (see the module docstring).
ERASED_DETAILS = {"erased": True}


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("audit entries cannot be changed")

    def _erase_details(self) -> int:
        """Empty these entries' path and details: erasure's one way in (module docstring).

        Called by `audit.services.audit_entries_redact` only, which declares the
        change to the database and records it in the trail.
        """
        return super().update(path="", details=ERASED_DETAILS)

    def delete(self):
        raise AppendOnlyError("audit entries cannot be deleted")


class AuditEntry(models.Model):
    class Action(models.TextChoices):
        ACCESS_REFUSED = "access_refused", _("Access refused")
        RECORD_VIEWED = "record_viewed", _("Person's record viewed")
        ROSTER_VIEWED = "roster_viewed", _("Cohort roster viewed")
        ATTENDANCE_MARKED = "attendance_marked", _("Attendance marked")
        ROSTER_IMPORTED = "roster_imported", _("Roster imported")
        MEMBER_MOVED = "member_moved", _("Member moved to another cohort")
        PARTICIPANTS_MERGED = "participants_merged", _("Duplicate records merged")
        TRAINERS_ACCREDITED = "trainers_accredited", _("Graduates accredited as trainers")
        RESULTS_ENTERED = "results_entered", _("Paper test results entered")
        RESULTS_VIEWED = "results_viewed", _("Cohort test results viewed")
        H5P_UPLOADED = "h5p_uploaded", _("H5P package uploaded")
        ACCREDITATION_GRANTED = "accreditation_granted", _("Trainer accredited by a coordinator")
        ACCREDITATION_CHANGED = "accreditation_changed", _("Trainer accreditation changed")
        ROLE_GRANTED = "role_granted", _("Role given")
        ROLE_CHANGED = "role_changed", _("Role changed")
        ROLE_REMOVED = "role_removed", _("Role taken away")
        COMPLETION_SETTINGS_CHANGED = (
            "completion_settings_changed",
            _("Completion settings of a test changed"),
        )
        CERTIFICATES_ISSUED = "certificates_issued", _("Certificates issued")
        CERTIFICATE_REVOKED = "certificate_revoked", _("Certificate revoked")
        CERTIFICATE_SUSPENDED = "certificate_suspended", _("Certificate suspended")
        CERTIFICATE_REINSTATED = "certificate_reinstated", _("Certificate suspension lifted")
        CERTIFICATE_REISSUED = "certificate_reissued", _("Certificate re-issued with corrections")
        CERTIFICATE_DOWNLOADED = "certificate_downloaded", _("Certificate downloaded by staff")
        TARGET_SET = "target_set", _("National target set")
        TARGET_CHANGED = "target_changed", _("National target changed")
        TARGET_REMOVED = "target_removed", _("National target removed")
        MONTHLY_REPORT_RESENT = "monthly_report_resent", _("Monthly report sent again")
        PERSONAL_DATA_EXPORTED = "personal_data_exported", _("Personal data downloaded")
        ERASURE_REQUESTED = "erasure_requested", _("Erasure of personal data requested")
        PERSONAL_DATA_ERASED = "personal_data_erased", _("Personal data erased")
        AUDIT_DETAILS_ERASED = "audit_details_erased", _("Audit entries' details erased")
        CERTIFICATE_VIEWED = "certificate_viewed", _("Certificate viewed by staff")
        CERTIFICATES_LISTED = "certificates_listed", _("Certificates listed by staff")
        DASHBOARD_VIEWED = "dashboard_viewed", _("Figures naming trainers viewed")
        CASCADE_VIEWED = "cascade_viewed", _("Trainer's cascade viewed")
        GUARDIAN_CONSENT_RECORDED = "guardian_consent_recorded", _("Guardian's consent recorded")
        CONSENT_AGE_CHANGED = "consent_age_changed", _("Age of digital consent changed")
        TASK_QUEUED_AGAIN = "task_queued_again", _("Failed background task queued again")
        CONSENTS_LISTED = (
            "consents_listed",
            _("Guardians' consents or waiting sign-ups listed by staff"),
        )
        ERASURE_CANCELLED = (
            "erasure_cancelled",
            _("Erasure of personal data cancelled: the person was active again"),
        )

    occurred_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    # No database constraint: the entry outlives the account it names.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    action = models.CharField(_("what"), max_length=32, choices=Action.choices)
    target_type = models.ForeignKey(
        ContentType, verbose_name=_("record type"), on_delete=models.PROTECT, related_name="+"
    )
    target_id = models.CharField(_("record id"), max_length=64)
    method = models.CharField(max_length=8, blank=True)
    path = models.CharField(max_length=500, blank=True)
    details = models.JSONField(default=dict, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit trail")
        ordering = ["-occurred_at", "-pk"]
        indexes = [models.Index(fields=["target_type", "target_id", "-occurred_at"])]

    def __str__(self):
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.action} {self.target_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("audit entries cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("audit entries cannot be deleted")
