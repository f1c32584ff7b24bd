"""What a trainer's home and a cohort's page show, made once per change of the record.

Both are made of the training record only (cohorts, teams, members, sessions,
accreditations, names), so each is kept in every process under the record
version (record_cache.py) and made again after any change to it. Whether the
viewer may see a cohort is answered from the kept team (and the permissions
cache, for coordinators); nothing here is changed after it is made.

- `trainer_home(user)`: no query when kept; about ten (the selectors' own
  fixed budgets) when made, however large the cascade.
- `cohort_page(pk)`: no query when kept; four when made, however many members.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.safestring import SafeString
from django.utils.translation import get_language

from accounts.selectors import is_coordinator

from . import record_cache, selectors
from .charts import cascade_tree_diagram
from .models import Cohort, CohortMembership, CohortSession, CohortTrainer, Participant
from .selectors import access


@dataclass(frozen=True)
class TrainerHome:
    cohorts: tuple[Cohort, ...]
    lineage: tuple[selectors.LineageStep, ...] = ()
    cascade: selectors.CascadeReport | None = None
    cascade_tree: selectors.CascadeTree | None = None
    cascade_diagram: SafeString | None = None
    # The generation from which the tree starts folded (the trainer's own and the next show).
    cascade_tree_open_below: int | None = None
    own_cohort_ids: frozenset[int] = field(default_factory=frozenset)

    def context(self) -> dict:
        return {
            "cohorts": self.cohorts,
            "own_cohort_ids": self.own_cohort_ids,
            "lineage": self.lineage,
            "cascade": self.cascade,
            "cascade_tree": self.cascade_tree,
            "cascade_diagram": self.cascade_diagram,
            "cascade_tree_open_below": self.cascade_tree_open_below,
        }


def _trainer_home(user) -> TrainerHome:
    cohorts = tuple(access.cohorts_run_by(user))
    own_cohort_ids = frozenset(cohort.pk for cohort in cohorts)
    participant = Participant.objects.filter(user=user).first()
    if participant is None:
        return TrainerHome(cohorts=cohorts, own_cohort_ids=own_cohort_ids)
    cascade = selectors.trainer_cascade(participant)
    tree = selectors.trainer_cascade_tree(participant, cohorts_led=cascade.cohorts_led)
    return TrainerHome(
        cohorts=cohorts,
        own_cohort_ids=own_cohort_ids,
        lineage=tuple(selectors.participant_lineage(participant)),
        cascade=cascade,
        cascade_tree=tree,
        cascade_diagram=cascade_tree_diagram(tree, own_cohort_ids=own_cohort_ids),
        cascade_tree_open_below=(
            min(cohort.generation for cohort in cascade.cohorts_led)
            if cascade.cohorts_led
            else None
        ),
    )


def trainer_home(user) -> TrainerHome:
    """The trainer's cohorts, who trained them, and what their cascade reached.

    Kept per person and language (the diagram's words) under the record version.
    """
    return record_cache.kept(("trainer-home", user.pk, get_language()), lambda: _trainer_home(user))


@dataclass(frozen=True)
class CohortPage:
    cohort: Cohort  # with its country and host organisation
    sessions: tuple[CohortSession, ...]
    # Each membership with its person, their account and organisation, by name.
    memberships: tuple[CohortMembership, ...]
    # {user id: their role} for the people with an account on the cohort's team.
    team_roles: dict[int, str]

    def role_of(self, user) -> str | None:
        """The person's role in running the cohort, or None (as `access.cohort_role`)."""
        return self.team_roles.get(user.pk) if user.is_authenticated else None

    def may_view(self, user) -> bool:
        """As `access.can_view_attendance`: anyone on the team, or a coordinator."""
        return self.role_of(user) is not None or is_coordinator(user)

    def may_manage(self, user) -> bool:
        """As `access.can_manage_cohort`: the lead or a co-trainer, or a coordinator."""
        return self.role_of(user) in access.MANAGING_ROLES or is_coordinator(user)


def _cohort_page(pk: int) -> CohortPage | None:
    cohort = Cohort.objects.select_related("country", "host_organisation").filter(pk=pk).first()
    if cohort is None:
        return None
    team_roles: dict[int, str] = {}
    for user_id, role in (
        CohortTrainer.objects.filter(cohort=cohort, participant__user__isnull=False)
        .order_by("pk")
        .values_list("participant__user_id", "role")
    ):
        team_roles.setdefault(user_id, role)
    return CohortPage(
        cohort=cohort,
        sessions=tuple(cohort.sessions.all()),
        memberships=tuple(selectors.cohort_roster(cohort)),
        team_roles=team_roles,
    )


def cohort_page(pk: int) -> CohortPage | None:
    """A cohort with its sessions, roster and team (None if there is no such cohort)."""
    return record_cache.kept(("cohort-page", pk), lambda: _cohort_page(pk))
