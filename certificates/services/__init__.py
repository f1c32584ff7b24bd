"""Writes about certificates. Views, receivers and tasks call these; nothing else writes.

By concern: issuing.py (a certificate per event, exactly once; corrections;
following an accreditation's changes), status.py (revoke, suspend,
reinstate), batches.py (a whole cohort in the background, and its zip),
notifications.py (the e-mails: issued, expiry reminders), merging.py (a
merged person's certificates).
"""

from .batches import batch_run, batch_start
from .errors import CertificateError
from .issuing import (
    accreditation_certificate_refresh,
    certificate_for_accreditation,
    certificate_for_enrolment,
    certificate_for_membership,
    certificate_reissue,
    check_may_request,
    current_certificate,
)
from .notifications import certificate_holder_notify, expiry_reminders_send
from .status import certificate_reinstate, certificate_revoke, certificate_suspend

__all__ = [
    "CertificateError",
    "accreditation_certificate_refresh",
    "batch_run",
    "batch_start",
    "certificate_for_accreditation",
    "certificate_for_enrolment",
    "certificate_for_membership",
    "certificate_holder_notify",
    "certificate_reinstate",
    "certificate_reissue",
    "certificate_revoke",
    "certificate_suspend",
    "check_may_request",
    "current_certificate",
    "expiry_reminders_send",
]
