"""The demo's certificates: the course's wording in three languages, and certificates to look at.

The wording (certificate templates) comes first, before the cascade: members
with an account get their certificate the moment they complete, as on a real
site. After the cascade the demo coordinator asks for the certificates of
people recorded on paper (trainers do this for their cohorts), except those
of one Romanian national training, still to be issued (the admin home lists
its members under "Certificates to issue"); revokes one issued to a duplicate
record; and the international trainer's accreditation certificate has expired
(it ran until 31 December 2025).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Locale

from certificates.models import Certificate, CertificateTemplate
from certificates.services.issuing import certificate_for_accreditation, certificate_for_membership
from certificates.services.status import certificate_revoke
from cms.models import CoursePage
from courses.models import CohortMembership, TrainerAccreditation

from .loader import TRANSLATED_LANGUAGES, content, fill_translation

# The national training whose members recorded on paper wait for their certificates.
WAITING_COUNTRY = "RO"
WAITING_COHORT = "National training, Cluj-Napoca (3)"

REVOCATION_REASON = (
    "Issued to a duplicate record: the person's attendance had been typed twice. "
    "Their certificate on the merged record stays valid."
)


@dataclass(frozen=True)
class DemoCertificates:
    issued: int
    revoked: Certificate | None
    expired: Certificate | None


@transaction.atomic
def load_certificate_templates() -> int:
    """The course's three certificate templates in English, in Bulgarian and in Romanian."""
    course = CoursePage.objects.filter(locale__language_code="en").first()
    if course is None or CertificateTemplate.objects.filter(course=course).exists():
        return 0
    source = content("en").CERTIFICATE_TEMPLATES
    templates = []
    for kind, wording in source.items():
        templates.append(
            CertificateTemplate.objects.create(
                locale=Locale.get_default(),
                kind=kind,
                course=course,
                name=wording["name"],
                title=wording["title"],
                body=wording["body"],
                criteria=wording["criteria"],
                signatories=[("signatory", signatory) for signatory in wording["signatories"]],
            )
        )
    for language in TRANSLATED_LANGUAGES:
        locale = Locale.objects.get(language_code=language)
        translated = content(language).CERTIFICATE_TEMPLATES
        strings = {}
        for kind, wording in source.items():
            strings.update(_pairs(wording, translated[kind]))
        for template in templates:
            translation, _missing = fill_translation(template, locale, strings)
            translation.save_target()
    return len(templates)


def _pairs(source, translation) -> dict[str, str]:
    if isinstance(source, dict):
        return {
            key: value
            for name in source
            for key, value in _pairs(source[name], translation[name]).items()
        }
    if isinstance(source, list):
        return {
            key: value
            for left, right in zip(source, translation, strict=True)
            for key, value in _pairs(left, right).items()
        }
    return {source: translation}


@transaction.atomic
def load_demo_certificates() -> DemoCertificates | None:
    """Certificates for everyone the demo cascade completed or accredited, but the members of
    WAITING_COHORT (safe to run again)."""
    if Certificate.objects.filter(revoked_at__isnull=False).exists():
        return None
    coordinator = get_user_model().objects.filter(email="coordinator@example.org").first()
    if coordinator is None or not CohortMembership.objects.exists():
        return None
    # Members with an account and every accreditation were certified on completion;
    # people recorded on paper get theirs when someone asks (here the coordinator).
    for accreditation in TrainerAccreditation.objects.order_by("pk"):
        certificate_for_accreditation(accreditation, by=coordinator)
    completed = (
        CohortMembership.objects.filter(completed_at__isnull=False)
        .exclude(cohort__country__code=WAITING_COUNTRY, cohort__name=WAITING_COHORT)
        .select_related("cohort", "participant")
        .order_by("cohort__starts_on", "pk")
    )
    for membership in completed:
        certificate_for_membership(membership, by=coordinator)
    revoked = (
        Certificate.objects.filter(
            kind=Certificate.Kind.COMPLETION,
            participant__user__isnull=True,
            cohort__country__code="BG",
        )
        .order_by("pk")
        .first()
    )
    if revoked is not None:
        certificate_revoke(revoked, by=coordinator, reason=REVOCATION_REASON)
    expired = (
        Certificate.objects.filter(kind=Certificate.Kind.ACCREDITATION, valid_until__isnull=False)
        .order_by("valid_until")
        .first()
    )
    return DemoCertificates(
        issued=Certificate.objects.count(),
        revoked=revoked,
        expired=expired
        if expired is not None and expired.status == Certificate.Status.EXPIRED
        else None,
    )
