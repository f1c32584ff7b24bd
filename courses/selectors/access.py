"""Who may see and change which cohort. Checked per object, on every request.

- A coordinator sees and changes every cohort, and alone plans an international
  training of trainers (generation 0).
- A lead trainer or co-trainer sees and changes the cohorts they run; the lead
  (or a coordinator) accredits a training of trainers' graduates.
- A young expert (co-facilitator) sees their cohort's sessions and attendance,
  never contact data, and changes nothing.
- Anyone else (learners, other trainers, NSG members) sees no roster.
"""

from __future__ import annotations

from django.db.models import QuerySet

from accounts.models import is_coordinator

from ..models import Cohort, CohortTrainer

MANAGING_ROLES = (CohortTrainer.Role.LEAD, CohortTrainer.Role.CO_TRAINER)


def cohort_role(user, cohort: Cohort) -> str | None:
    """The person's role in running this cohort, or None (one query)."""
    if not user.is_authenticated:
        return None
    return (
        CohortTrainer.objects.filter(cohort=cohort, participant__user=user)
        .values_list("role", flat=True)
        .first()
    )


def can_manage_cohort(user, cohort: Cohort) -> bool:
    return cohort_role(user, cohort) in MANAGING_ROLES or is_coordinator(user)


def can_accredit_graduates(user, cohort: Cohort) -> bool:
    """The cohort's lead trainer or a coordinator accredits its graduates."""
    return cohort_role(user, cohort) == CohortTrainer.Role.LEAD or is_coordinator(user)


def can_view_attendance(user, cohort: Cohort) -> bool:
    return cohort_role(user, cohort) is not None or is_coordinator(user)


def cohorts_run_by(user) -> QuerySet[Cohort]:
    """The cohorts a person leads, co-trains or co-facilitates, newest first."""
    if not user.is_authenticated:
        return Cohort.objects.none()
    return (
        Cohort.objects.filter(trainers__participant__user=user)
        .select_related("country", "host_organisation")
        .distinct()
        .order_by("-starts_on")
    )


def cohorts_managed_by(user) -> QuerySet[Cohort]:
    """The cohorts a person may change (lead, co-trainer; a coordinator: all), newest first.

    Unlike `cohorts_run_by`, not those where they are only a young expert.
    """
    if not user.is_authenticated:
        return Cohort.objects.none()
    cohorts = Cohort.objects.all()
    if not is_coordinator(user):
        cohorts = cohorts.filter(
            trainers__participant__user=user, trainers__role__in=MANAGING_ROLES
        )
    return cohorts.select_related("country", "host_organisation").distinct().order_by("-starts_on")
