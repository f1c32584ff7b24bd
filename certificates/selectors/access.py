"""Who may see a certificate (its PDF, its signed credential, its row in a list).

Checked per certificate, on every request:

- its holder: the account of the person it names (or of the record that
  person's roster record was folded into);
- the lead trainer and co-trainers of its cohort (a young expert does not
  see certificates); an accreditation certificate's cohort is the training of
  trainers that granted it;
- programme coordinators: every certificate;
- National Steering Group members of its country: the cohort's country, else
  the accreditation's, else the person's;
- nobody else. Views answer them 404, never 403, so that nobody learns
  whether a code exists.

Anyone may read the public verification page of a code they hold; that page
shows a few facts only (certificates/selectors/public.py). The signed
credential at its id (/credentials/<code>) is public only for a trainer's
accreditation: it is the chain a verifier walks from a trainee's certificate up
to generation 0. A completion or youth certificate's credential (its holder may
be a minor) is served only to those who may see the certificate.
"""

from __future__ import annotations

from enum import StrEnum

from django.db.models import QuerySet

from accounts.models import RoleAssignment
from accounts.permissions import permissions
from accounts.selectors import is_coordinator
from courses.models import CohortTrainer, Country

from ..models import Certificate

MANAGING_ROLES = (CohortTrainer.Role.LEAD, CohortTrainer.Role.CO_TRAINER)


class Relation(StrEnum):
    """Why a person may see a certificate."""

    HOLDER = "holder"
    TRAINER = "trainer"
    COORDINATOR = "coordinator"
    NSG_MEMBER = "nsg_member"


def credential_is_public(certificate: Certificate) -> bool:
    """Whether anyone may fetch the certificate's signed credential at its id."""
    return certificate.kind == Certificate.Kind.ACCREDITATION


def certificate_cohort_id(certificate: Certificate) -> int | None:
    """The cohort whose trainers see the certificate: its own, else the one that accredited."""
    if certificate.cohort_id is not None:
        return certificate.cohort_id
    if certificate.accreditation_id is not None:
        return certificate.accreditation.granted_by_cohort_id
    return None


def certificate_country_id(certificate: Certificate) -> int | None:
    """The country whose National Steering Group sees the certificate.

    The cohort's country, else the accreditation's, else the person's (which
    may be unknown for someone who learnt online on their own).
    """
    if certificate.cohort_id is not None:
        return certificate.cohort.country_id
    if certificate.accreditation_id is not None:
        return certificate.accreditation.country_id
    return certificate.participant.country_id


def nsg_country_ids(user) -> frozenset[int]:
    """The countries whose National Steering Group this person sits in.

    One query per change of roles: kept under the permissions version, which
    any change to a role replaces (accounts/signals.py).
    """
    if not user.is_authenticated:
        return frozenset()
    return permissions.get_or_build(
        ("nsg-countries", user.pk),
        lambda: frozenset(
            RoleAssignment.objects.filter(
                user=user, role=RoleAssignment.Role.NSG_MEMBER
            ).values_list("country_id", flat=True)
        ),
    )


def countries_visible_to(user) -> QuerySet[Country]:
    """The countries whose certificates this person may list: all for a coordinator,
    their own for a National Steering Group member, none for anyone else."""
    if is_coordinator(user):
        return Country.objects.all()
    return Country.objects.filter(pk__in=nsg_country_ids(user))


def _is_holder(user, certificate: Certificate) -> bool:
    holder = certificate.participant
    if holder.user_id is not None:
        return holder.user_id == user.pk
    # A roster record folded into the person's own record still names them.
    return holder.merged_into_id is not None and holder.merged_into.user_id == user.pk


def _runs_cohort(user, cohort_id: int | None) -> bool:
    return (
        cohort_id is not None
        and CohortTrainer.objects.filter(
            cohort_id=cohort_id, participant__user=user, role__in=MANAGING_ROLES
        ).exists()
    )


def viewer_relation(user, certificate: Certificate) -> Relation | None:
    """Why this person may see the certificate, or None when they may not.

    The holder first, then the cohort's trainers, coordinators and the
    country's National Steering Group: the first that applies is the answer
    (a coordinator who holds the certificate is its holder).
    """
    if not user.is_authenticated or not user.is_active:
        return None
    if _is_holder(user, certificate):
        return Relation.HOLDER
    if _runs_cohort(user, certificate_cohort_id(certificate)):
        return Relation.TRAINER
    if is_coordinator(user):
        return Relation.COORDINATOR
    country_id = certificate_country_id(certificate)
    if country_id is not None and country_id in nsg_country_ids(user):
        return Relation.NSG_MEMBER
    return None


def can_view_certificate(user, certificate: Certificate) -> bool:
    return viewer_relation(user, certificate) is not None
