"""What a certificate says, as plain values: the one shape the PDF and the credential read.

The issuing service (certificates/services/issuing.py) gathers these from the
record once, when a certificate is issued; the PDF (certificates/pdf.py) and
the Open Badges credential (certificates/credentials/open_badges.py) are both
made from them, so paper and credential can never tell two stories.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Signatory:
    name: str
    role: str


@dataclass(frozen=True)
class StatusEntry:
    """A place in one of the platform's status lists (BitstringStatusList)."""

    purpose: str  # "revocation" or "suspension"
    index: int
    list_url: str  # the status list credential's URL


@dataclass(frozen=True)
class CertificateFacts:
    code: str
    kind: str  # "completion", "youth" or "accreditation" (certificates.models.Certificate.Kind)
    language: str  # the language the certificate and its credential are written in
    holder_name: str  # NFC
    # The certificate's wording, from its template, placeholders already filled in.
    title: str
    body: str
    course_title: str
    criteria: str  # what the holder did to earn it, in `language`
    issued_on: datetime.date
    # The platform as issuer (the key's holder) and the organisation that ran the training.
    issuer_name: str
    issuer_url: str
    organisation_name: str = ""
    country_name: str = ""
    cohort_name: str = ""
    starts_on: datetime.date | None = None
    ends_on: datetime.date | None = None
    hours: float | None = None
    # From when to when it vouches: an accreditation certificate for the accreditation's
    # own dates (which may lie before the day it was issued); otherwise from issued_on.
    valid_from: datetime.date | None = None
    valid_until: datetime.date | None = None  # accreditation certificates
    level: str = ""  # accreditation certificates: "Trainer", "Master trainer"
    # Who delivered the training: the accredited lead trainer and their own
    # accreditation certificate (its code, and its credential's URL): the cascade.
    trainer_name: str = ""
    trainer_accreditation_code: str = ""
    trainer_credential_url: str = ""
    signatories: tuple[Signatory, ...] = ()
    logo_path: str = ""  # a file on disk (a shrunk rendition), or empty
    verify_url: str = ""  # the public verification page, the QR code's target
    credential_url: str = ""  # the signed credential's id and address
    achievement_url: str = ""
    status: tuple[StatusEntry, ...] = field(default=())
    # The language the course title is written in: the certificate's, or the original's when
    # the course has no translation into it (empty on certificates issued before it was kept).
    course_title_language: str = ""
