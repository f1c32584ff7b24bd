"""Revoking, suspending and reinstating certificates: a coordinator's decision, with a reason.

Revocation is final: the certificate's place in the revocation list is set for
good (a correction is a new certificate, see issuing.certificate_reissue).
Suspension holds a certificate while a case is looked at; reinstating lifts
it. Each keeps who and when on the certificate, the reason in its own words,
and an entry in the audit trail (ids and dates only). Every change starts a new
status-list version, so the signed lists served to verifiers are made again.

Revoking a trainer's accreditation (in courses) revokes its certificate too.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import is_coordinator
from audit.models import AuditEntry
from audit.services import audit_record_for
from courses.models import TrainerAccreditation

from ..models import Certificate
from ..selectors.listing import current_certificate
from ..selectors.status_lists import status_lists
from .errors import CertificateError

REASON_MAX_LENGTH = 2000


def required_reason(reason: str | None) -> str:
    """The reason as given, trimmed; refused when empty or very long."""
    reason = (reason or "").strip()
    if not reason:
        raise CertificateError(_("Give a reason."), code="reason_required")
    if len(reason) > REASON_MAX_LENGTH:
        raise CertificateError(
            _("Keep the reason under %(count)s characters.") % {"count": REASON_MAX_LENGTH},
            code="reason_too_long",
        )
    return reason


def _check_coordinator(by) -> None:
    if by is None or not is_coordinator(by):
        raise CertificateError(
            _("Only a programme coordinator revokes, suspends or reinstates a certificate."),
            code="not_allowed",
        )


def _locked(certificate: Certificate) -> Certificate:
    return Certificate.objects.select_for_update().get(pk=certificate.pk)


def _refuse_if_replaced(certificate: Certificate) -> None:
    """A certificate a correction replaced (and revoked) is not decided on again: the
    decision belongs to the certificate that stands in its place, which the coordinator is
    told to look at (a decision on the old one would leave the new one valid)."""
    if certificate.replaced_by_id is not None and certificate.revoked_at is not None:
        replacement = current_certificate(certificate)
        raise CertificateError(
            _(
                "This certificate was corrected and replaced by certificate %(code)s: "
                "revoke or suspend that one."
            )
            % {"code": replacement.code},
            code="replaced",
        )


def _changed() -> None:
    """Start a new status version (selectors/status_lists.py), now and after the commit: every
    signed status list is made again on its next read."""
    status_lists.changed()


def _write(certificate: Certificate, *, by, action: str, audit: dict, **fields) -> Certificate:
    """Change a locked certificate's status fields, audited, and start a new status version."""
    for name, value in fields.items():
        setattr(certificate, name, value)
    certificate.save(update_fields=list(fields))
    audit_record_for(by, action, certificate, **audit)
    _changed()
    return certificate


def mark_revoked(certificate: Certificate, *, by, reason: str) -> Certificate:
    """Revoke a locked certificate for the services that have already decided (no checks)."""
    now = timezone.now()
    return _write(
        certificate,
        by=by,
        action=AuditEntry.Action.CERTIFICATE_REVOKED,
        audit={"revoked_at": now.isoformat()},
        revoked_at=now,
        revoked_by=by,
        revocation_reason=reason,
    )


@transaction.atomic
def certificate_revoke(certificate: Certificate, *, by, reason: str) -> Certificate:
    """A coordinator revokes a certificate for good, with a reason; revoking twice changes
    nothing. A certificate a correction replaced is refused (code "replaced"), naming the
    one that replaced it."""
    _check_coordinator(by)
    reason = required_reason(reason)
    certificate = _locked(certificate)
    _refuse_if_replaced(certificate)
    if certificate.revoked_at is not None:
        return certificate
    return mark_revoked(certificate, by=by, reason=reason)


@transaction.atomic
def certificate_suspend(certificate: Certificate, *, by, reason: str) -> Certificate:
    """A coordinator suspends a certificate while a case is looked at, with a reason."""
    _check_coordinator(by)
    reason = required_reason(reason)
    certificate = _locked(certificate)
    _refuse_if_replaced(certificate)
    if certificate.revoked_at is not None:
        raise CertificateError(
            _("This certificate is revoked; it cannot be suspended."), code="revoked"
        )
    if certificate.suspended_at is not None:
        return certificate
    now = timezone.now()
    return _write(
        certificate,
        by=by,
        action=AuditEntry.Action.CERTIFICATE_SUSPENDED,
        audit={"suspended_at": now.isoformat()},
        suspended_at=now,
        suspended_by=by,
        suspension_reason=reason,
    )


@transaction.atomic
def certificate_reinstate(certificate: Certificate, *, by) -> Certificate:
    """A coordinator lifts a suspension (never their own certificate's).

    The certificate is valid again; who suspended it and why stay on it (the
    last suspension), and the audit trail holds both dates.
    """
    _check_coordinator(by)
    certificate = _locked(certificate)
    if certificate.participant.user_id == by.pk:
        raise CertificateError(
            _("Nobody lifts the suspension of their own certificate."), code="own_certificate"
        )
    if certificate.revoked_at is not None:
        raise CertificateError(
            _("This certificate is revoked; revocation is final."), code="revoked"
        )
    if certificate.suspended_at is None:
        return certificate
    return _write(
        certificate,
        by=by,
        action=AuditEntry.Action.CERTIFICATE_REINSTATED,
        audit={
            "suspended_at": certificate.suspended_at.isoformat(),
            "reinstated_at": timezone.now().isoformat(),
        },
        suspended_at=None,
    )


def who_changed(accreditation: TrainerAccreditation):
    """The coordinator who last changed an accreditation (from the audit trail), or None."""
    entry = (
        AuditEntry.objects.filter(
            action=AuditEntry.Action.ACCREDITATION_CHANGED,
            target_type=ContentType.objects.get_for_model(TrainerAccreditation),
            target_id=str(accreditation.pk),
        )
        .select_related("actor")
        .order_by("-occurred_at", "-pk")
        .first()
    )
    return entry.actor if entry else None


@transaction.atomic
def accreditation_certificates_revoke(accreditation: TrainerAccreditation) -> int:
    """Revoke the certificates of an accreditation courses has revoked; returns how many.

    Called when courses announces the change (inside its transaction), so the
    certificate stops being valid in the same commit. The revocation is
    recorded as the coordinator's who revoked the accreditation.
    """
    by = who_changed(accreditation)
    revoked = 0
    for certificate in Certificate.objects.select_for_update().filter(
        accreditation=accreditation, revoked_at__isnull=True
    ):
        with translation.override(certificate.language):
            reason = _("The trainer accreditation was revoked.")
        mark_revoked(certificate, by=by, reason=reason)
        revoked += 1
    return revoked
