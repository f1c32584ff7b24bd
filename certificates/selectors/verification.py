"""The verification page's answer for a code, kept per certificate and day.

A certificate's QR code is read far more often than the certificate changes,
so what the page shows (`PublicRecord`, and whether its credential is public)
is kept in each process under a version of that one code (a
`shared_cache.VersionedCache` scoped to the code). Any save or deletion of the
certificate starts a new version (`certificate_changed`, connected in apps.py
to every save, and called by services that write with `QuerySet.update`), so a
revocation, a suspension, a correction or an erasure shows on the very next
request in every process. The status also changes with the date (a
certificate expires at midnight), so the day is part of the key. A code that
names no certificate is kept as such: issuing a certificate under it is a save.

A certificate whose words are not all frozen in its facts (one issued before
facts were kept) reads its course's title or its trainer's name from those
records; it is read afresh on every request rather than kept.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from django.utils import timezone

from shared_cache import VersionedCache

from ..models import Certificate
from .access import credential_is_public
from .listing import certificate_by_code, normalised_code
from .public import PublicRecord, public_record

verifications = VersionedCache("certificates:verification", size=5000)

# Kept for a certificate whose page must be read afresh each time (its words are not frozen).
_READ_AFRESH = object()


@dataclass(frozen=True)
class Verification:
    record: PublicRecord
    # Whether anyone may fetch its signed credential (the page links to it).
    credential_public: bool
    # Whether it is kept (see above); a kept answer's `key` names it until it is retired, so
    # what is drawn from it may be kept under that key too.
    kept: bool = False
    key: str = field(default_factory=lambda: uuid.uuid4().hex)


def _verification(certificate: Certificate, *, kept: bool = False) -> Verification:
    return Verification(public_record(certificate), credential_is_public(certificate), kept)


def _words_frozen(certificate: Certificate) -> bool:
    facts = certificate.facts or {}
    return bool(facts.get("course_title") or not certificate.course_id) and bool(
        facts.get("trainer_name") or not certificate.trainer_id
    )


def verification_by_code(code: str) -> Verification | None:
    """What the verification page shows for `code` (any case, spaces ignored), or None.

    No query once kept; one (the certificate with its records) when not.
    """
    code = normalised_code(code)
    if code is None:
        return None

    def build():
        certificate = certificate_by_code(code)
        if certificate is None:
            return None
        return _verification(certificate, kept=True) if _words_frozen(certificate) else _READ_AFRESH

    kept = verifications.get_or_build((timezone.localdate(),), build, scope=code)
    if kept is _READ_AFRESH:
        certificate = certificate_by_code(code)
        return _verification(certificate) if certificate is not None else None
    return kept


def certificate_changed(code: str) -> None:
    """Retire what every process keeps for this code (now, and again on commit)."""
    verifications.changed(scope=code)


def on_certificate_saved(sender, instance: Certificate, **kwargs) -> None:
    certificate_changed(instance.code)
