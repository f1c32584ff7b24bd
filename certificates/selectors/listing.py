"""Lists of certificates: a learner's own, a cohort's, a country's, all; and one by its code.

Who may read which list is decided by certificates/selectors/access.py; these
only read. Every list selects the holder, cohort, country and accreditation
with the certificates (one query for a page of rows, whatever its length).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from courses.models import Cohort, CohortMembership, Country, TrainerAccreditation

from ..models import ERASED_REVOCATION_REASON, Certificate, CertificateBatch

# A code: RFC 4648 base32 of 160 random bits (certificates.models.new_certificate_code).
CODE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
CODE_LENGTH = 32
CODE_PATTERN = re.compile(rf"[{CODE_ALPHABET}]{{{CODE_LENGTH}}}")


def normalised_code(code: str) -> str | None:
    """The code as stored (capital letters), or None when it cannot be one.

    People read codes out and type them: case does not matter, nor spaces or
    dashes put in to group the characters.
    """
    cleaned = re.sub(r"[\s-]", "", code or "").upper()
    return cleaned if CODE_PATTERN.fullmatch(cleaned) else None


def _listed(certificates: QuerySet[Certificate]) -> QuerySet[Certificate]:
    return certificates.select_related(
        "participant__merged_into",
        "cohort__country",
        "accreditation__country",
        "participant__country",
        "replaced_by",
        "course",
        "trainer",
    )


def certificate_by_code(code: str) -> Certificate | None:
    """The certificate with this code (any case, spaces ignored), or None (one query at most)."""
    code = normalised_code(code)
    if code is None:
        return None
    return _listed(Certificate.objects.filter(code=code)).first()


def current_certificate(certificate: Certificate | None) -> Certificate | None:
    """The certificate at the end of its corrections (the one that replaced it, and so on)."""
    seen = set()
    while certificate is not None and certificate.replaced_by_id and certificate.pk not in seen:
        seen.add(certificate.pk)
        certificate = Certificate.objects.get(pk=certificate.replaced_by_id)
    return certificate


def certificates_held_by(user) -> QuerySet[Certificate]:
    """The certificates that name this person, newest first (a learner's own)."""
    if not user.is_authenticated:
        return Certificate.objects.none()
    return _listed(
        Certificate.objects.filter(
            Q(participant__user=user)
            | Q(participant__user__isnull=True, participant__merged_into__user=user)
        )
    ).order_by("-issued_at", "-pk")


def in_cohort(cohort: Cohort | int) -> Q:
    """Certificates of a cohort: issued for it, or accreditations its training granted."""
    return Q(cohort=cohort) | Q(cohort__isnull=True, accreditation__granted_by_cohort=cohort)


def standing_in_cohort(cohort: Cohort | int) -> Q:
    """A cohort's certificates a member holds now: a certificate replaced by a corrected one is
    left out, its replacement stands in its place."""
    return in_cohort(cohort) & Q(replaced_by__isnull=True)


def certificates_of_cohort(cohort: Cohort) -> QuerySet[Certificate]:
    """A cohort's certificates, by the holder's name."""
    return _listed(Certificate.objects.filter(in_cohort(cohort))).order_by(
        "holder_name", "-issued_at"
    )


def in_country(country: Country | int) -> Q:
    """Certificates of a country: the cohort's, else the accreditation's, else the person's."""
    return (
        Q(cohort__country=country)
        | Q(cohort__isnull=True, accreditation__country=country)
        | Q(cohort__isnull=True, accreditation__isnull=True, participant__country=country)
    )


def certificates_in_country(country: Country | int) -> QuerySet[Certificate]:
    """A country's certificates, newest first."""
    return _listed(Certificate.objects.filter(in_country(country))).order_by("-issued_at", "-pk")


def certificates_all() -> QuerySet[Certificate]:
    """Every certificate, newest first (a coordinator's list)."""
    return _listed(Certificate.objects.all()).order_by("-issued_at", "-pk")


def with_status(status: str, *, on: datetime.date | None = None) -> Q:
    """Certificates whose status on a day (today by default) is `status`.

    The same rule as Certificate.status_on, for the database: revoked first,
    then suspended, then expired after its last valid day, else valid.
    """
    day = on or timezone.localdate()
    standing = Q(revoked_at__isnull=True, suspended_at__isnull=True)
    conditions = {
        Certificate.Status.REVOKED: Q(revoked_at__isnull=False),
        Certificate.Status.SUSPENDED: Q(revoked_at__isnull=True, suspended_at__isnull=False),
        Certificate.Status.EXPIRED: standing & Q(valid_until__lt=day),
        Certificate.Status.VALID: standing
        & (Q(valid_until__isnull=True) | Q(valid_until__gte=day)),
    }
    return conditions[status]


def memberships_to_certify() -> QuerySet[CohortMembership]:
    """Cohort memberships with what a certificate of one reads: the cohort, its course,
    country and host organisation, the person and their account (one query)."""
    return CohortMembership.objects.select_related(
        "cohort__course", "cohort__country", "cohort__host_organisation", "participant__user"
    )


def completed_memberships(cohort: Cohort | int) -> QuerySet[CohortMembership]:
    """The cohort's members who completed it, by name, with what their certificates read."""
    return (
        memberships_to_certify()
        .filter(cohort=cohort, completed_at__isnull=False)
        .order_by("participant__display_name", "pk")
    )


def accreditations_granted_by(cohort: Cohort | int) -> QuerySet[TrainerAccreditation]:
    """The accreditations a training of trainers granted and nobody revoked, by name."""
    return (
        TrainerAccreditation.objects.filter(granted_by_cohort=cohort, revoked_at__isnull=True)
        .select_related("participant")
        .order_by("participant__display_name", "pk")
    )


@dataclass
class MemberCertificates:
    """A member who completed a cohort, and their certificates of it (none yet, or more)."""

    membership: CohortMembership
    certificates: list[Certificate] = field(default_factory=list)

    @property
    def participant(self):
        return self.membership.participant


def cohort_certificate_rows(cohort: Cohort) -> list[MemberCertificates]:
    """The cohort's members who completed it, by name, each with their current certificates.

    A certificate replaced by a corrected one is left out: its replacement
    stands in its place. Two queries.
    """
    rows = {
        membership.participant_id: MemberCertificates(membership)
        for membership in completed_memberships(cohort)
    }
    certificates = _listed(
        Certificate.objects.filter(standing_in_cohort(cohort), participant_id__in=list(rows))
    ).order_by("kind", "-issued_at")
    for certificate in certificates:
        rows[certificate.participant_id].certificates.append(certificate)
    return list(rows.values())


def memberships_awaiting_certificate() -> QuerySet[CohortMembership]:
    """Members who completed a cohort and hold none of its certificates, across every cohort:
    the rows of `cohort_certificate_rows` with no certificate, where a trainer or coordinator
    issues one. Longest waiting first, with the cohort and the person (one query for any slice).
    """
    holds_one = Certificate.objects.filter(
        standing_in_cohort(OuterRef("cohort_id")), participant_id=OuterRef("participant_id")
    )
    return (
        CohortMembership.objects.filter(completed_at__isnull=False)
        .exclude(Exists(holds_one))
        .select_related("cohort", "participant")
        .order_by("completed_at", "pk")
    )


def cohort_batch(cohort: Cohort, batch_id: int) -> CertificateBatch | None:
    """One of the cohort's certificate runs, or None."""
    return CertificateBatch.objects.filter(cohort=cohort, pk=batch_id).first()


def latest_cohort_batch(cohort: Cohort) -> CertificateBatch | None:
    """The cohort's most recent certificate run, or None."""
    return CertificateBatch.objects.filter(cohort=cohort).order_by("-requested_at", "-pk").first()


def membership_by_id(membership_id: int) -> CohortMembership | None:
    """A cohort membership of any cohort, with its cohort and person, or None (one query)."""
    return (
        CohortMembership.objects.select_related("cohort", "participant")
        .filter(pk=membership_id)
        .first()
    )


def certificate_facts():
    """(holder's participant id, kind, country id, issued at) of every certificate not revoked.

    For aggregate reports (monitoring). A certificate revoked only because its
    holder's personal data was erased still counts: it was issued. A
    certificate's country is its cohort's, else its accreditation's, else its
    holder's. One query, streamed.
    """
    return (
        Certificate.objects.filter(
            Q(revoked_at__isnull=True) | Q(revocation_reason=ERASED_REVOCATION_REASON)
        )
        .order_by()
        .annotate(
            country_id=Coalesce(
                "cohort__country_id", "accreditation__country_id", "participant__country_id"
            )
        )
        .values_list("participant_id", "kind", "country_id", "issued_at")
        .iterator(chunk_size=5000)
    )
