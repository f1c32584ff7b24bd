"""What anyone holding a certificate's code may learn of it: the verification page's facts.

Name, course, date (the day it was issued, as the PDF prints it), issuer, the
trainer who delivered it, and its status with the date that goes with it
(valid until, expired on, revoked on, suspended since) and, for a corrected
certificate, the code of the one that replaced it. An accreditation
certificate vouches from the accreditation's own start, which may lie years
before it was issued: that start is `valid_from`, beside the issue date.
Nothing more: no e-mail, no cohort or its members, no reason for a revocation.
The words are the certificate's own (its frozen facts), in the language it was
issued in; only the labels around them follow the reader's language.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from accounts.languages import written_in

from ..models import Certificate
from ..text import nfc


@dataclass(frozen=True)
class PublicRecord:
    code: str
    kind: str
    language: str  # the language the certificate's own words are in
    holder_name: str
    title: str
    course_title: str
    issued_on: datetime.date  # the day it was issued, as the PDF prints it
    issuer_name: str
    trainer_name: str
    status: str  # a Certificate.Status value
    valid_until: datetime.date | None = None
    valid_from: datetime.date | None = None  # accreditation certificates: the accreditation's
    revoked_on: datetime.date | None = None
    suspended_on: datetime.date | None = None
    replacement_code: str = ""
    # The language the course title is written in (the original's, for a course not
    # translated into the certificate's language).
    course_title_language: str = ""

    @property
    def status_label(self) -> str:
        return Certificate.Status(self.status).label

    @property
    def is_valid(self) -> bool:
        return self.status == Certificate.Status.VALID


def _local_day(moment: datetime.datetime | None) -> datetime.date | None:
    return timezone.localdate(moment) if moment is not None else None


def _issued_on(certificate: Certificate) -> datetime.date:
    """The issue date its facts (and so its PDF) carry; the day of issue for older ones."""
    written = (certificate.facts or {}).get("issued_on")
    if isinstance(written, str):
        try:
            return datetime.date.fromisoformat(written)
        except ValueError:
            pass
    return _local_day(certificate.issued_at)


def _course_title_language(certificate: Certificate, facts: dict, course_title: str) -> str:
    """The language `course_title` is written in: as kept in the facts; for a certificate
    issued before that was kept, its course page's language when the title is that page's
    (the course is read with the certificate, its locale without a query after the first),
    else the certificate's own language."""
    if facts.get("course_title_language"):
        return facts["course_title_language"]
    if certificate.course_id and Certificate.course.is_cached(certificate):
        course = certificate.course
        if course_title == nfc(course.title):
            return written_in(course)
    return certificate.language


def public_record(certificate: Certificate, *, on: datetime.date | None = None) -> PublicRecord:
    """The facts the public verification page shows for `certificate`, its status on `on`."""
    facts = certificate.facts or {}
    course_title = facts.get("course_title") or (
        certificate.course.title if certificate.course_id else ""
    )
    trainer_name = facts.get("trainer_name") or (
        certificate.trainer.display_name if certificate.trainer_id else ""
    )
    replacement = certificate.replaced_by if certificate.replaced_by_id else None
    return PublicRecord(
        code=certificate.code,
        kind=certificate.kind,
        language=certificate.language,
        holder_name=certificate.holder_name,
        title=facts.get("title") or certificate.get_kind_display(),
        course_title=course_title,
        issued_on=_issued_on(certificate),
        issuer_name=facts.get("issuer_name") or str(settings.WAGTAIL_SITE_NAME),
        trainer_name=trainer_name,
        status=certificate.status_on(on or timezone.localdate()),
        valid_until=certificate.valid_until,
        valid_from=(
            certificate.valid_from if certificate.kind == Certificate.Kind.ACCREDITATION else None
        ),
        revoked_on=_local_day(certificate.revoked_at),
        suspended_on=_local_day(certificate.suspended_at),
        replacement_code=replacement.code if replacement is not None else "",
        course_title_language=(
            _course_title_language(certificate, facts, course_title) if course_title else ""
        ),
    )
