"""Reads about the training cascade: lineage, subtrees and reach.

Every selector runs a fixed number of queries whatever the size of the
cascade: lineages are read by the ids in a cohort's path, subtrees by path
prefix (indexed), and people are counted with COUNT(DISTINCT …) so a person in
several cohorts counts once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Q, Subquery

from ..models import Cohort, CohortMembership, CohortTrainer, Participant, TrainerAccreditation
from ..models.people import country_name


@dataclass(frozen=True)
class LineageStep:
    cohort: Cohort
    lead_trainer: Participant | None

    @property
    def generation(self) -> int:
        return self.cohort.generation


def _with_lead_trainers(cohorts: list[Cohort]) -> list[LineageStep]:
    leads = {
        trainer.cohort_id: trainer.participant
        for trainer in CohortTrainer.objects.filter(
            cohort__in=cohorts, role=CohortTrainer.Role.LEAD
        ).select_related("participant")
    }
    return [LineageStep(cohort, leads.get(cohort.pk)) for cohort in cohorts]


def cohort_lineage(cohort: Cohort) -> list[LineageStep]:
    """The cohort and its ancestors from generation 0 down, with their lead trainers (2 queries)."""
    cohorts = list(Cohort.objects.filter(pk__in=cohort.lineage_ids).order_by("generation"))
    return _with_lead_trainers(cohorts)


def participant_lineage(participant: Participant) -> list[LineageStep]:
    """Who trained this person, back to generation 0.

    For an accredited trainer, through the cohort that accredited them; for
    anyone else, through the first cohort they joined. Four queries at most.
    """
    accreditation = (
        TrainerAccreditation.objects.filter(
            participant=participant, granted_by_cohort__isnull=False
        )
        .select_related("granted_by_cohort")
        .order_by("granted_at")
        .first()
    )
    if accreditation is not None:
        return cohort_lineage(accreditation.granted_by_cohort)
    membership = (
        CohortMembership.objects.filter(participant=participant)
        .select_related("cohort")
        .order_by("cohort__starts_on", "pk")
        .first()
    )
    return cohort_lineage(membership.cohort) if membership else []


@dataclass(frozen=True)
class CascadeGeneration:
    generation: int
    cohorts: int
    people_reached: int
    trainers_produced: int


@dataclass(frozen=True)
class CascadeReport:
    """What a trainer's cohorts produced, generation by generation."""

    cohorts_led: list[Cohort]
    generations: list[CascadeGeneration] = field(default_factory=list)
    people_reached: int = 0
    people_trained_directly: int = 0

    @property
    def reach_multiplier(self) -> float | None:
        if not self.people_trained_directly:
            return None
        return self.people_reached / self.people_trained_directly


def _subtree_filter(cohorts: list[Cohort], prefix: str = "") -> Q:
    condition = Q(pk__in=[])
    for cohort in cohorts:
        condition |= Q(**{f"{prefix}cascade_path__startswith": cohort.cascade_path})
    return condition


def _cohorts_led(participant: Participant) -> list[Cohort]:
    return list(
        Cohort.objects.filter(
            trainers__participant=participant, trainers__role=CohortTrainer.Role.LEAD
        ).order_by("starts_on")
    )


def trainer_cascade(participant: Participant) -> CascadeReport:
    """The subtree of every cohort a trainer led: cohorts, people reached and trainers produced.

    Five queries whatever the size of the subtree.
    """
    cohorts_led = _cohorts_led(participant)
    if not cohorts_led:
        return CascadeReport(cohorts_led=[])
    in_subtree = _subtree_filter(cohorts_led)
    cohorts_by_generation = dict(
        Cohort.objects.filter(in_subtree)
        .values("generation")
        .annotate(count=Count("pk"))
        .values_list("generation", "count")
    )
    members = CohortMembership.objects.filter(_subtree_filter(cohorts_led, "cohort__"))
    people_by_generation = dict(
        members.values("cohort__generation")
        .annotate(people=Count("participant", distinct=True))
        .values_list("cohort__generation", "people")
    )
    trainers_by_generation = dict(
        TrainerAccreditation.objects.filter(_subtree_filter(cohorts_led, "granted_by_cohort__"))
        .values("granted_by_cohort__generation")
        .annotate(trainers=Count("participant", distinct=True))
        .values_list("granted_by_cohort__generation", "trainers")
    )
    totals = members.aggregate(
        reached=Count("participant", distinct=True),
        direct=Count("participant", distinct=True, filter=Q(cohort__in=cohorts_led)),
    )
    generations = [
        CascadeGeneration(
            generation=generation,
            cohorts=cohorts_by_generation[generation],
            people_reached=people_by_generation.get(generation, 0),
            trainers_produced=trainers_by_generation.get(generation, 0),
        )
        for generation in sorted(cohorts_by_generation)
    ]
    return CascadeReport(
        cohorts_led=cohorts_led,
        generations=generations,
        people_reached=totals["reached"],
        people_trained_directly=totals["direct"],
    )


@dataclass
class CascadeNode:
    """One cohort in a trainer's cascade tree, with the cohorts its graduates went on to lead."""

    cohort_id: int
    name: str
    kind: str
    country: str
    generation: int
    lead_trainer: str
    people: int
    children: list[CascadeNode] = field(default_factory=list)

    def get_kind_display(self) -> str:
        return Cohort.Kind(self.kind).label


@dataclass(frozen=True)
class CascadeTree:
    roots: list[CascadeNode]
    shown: int
    total: int

    @property
    def hidden(self) -> int:
        return self.total - self.shown


def trainer_cascade_tree(
    participant: Participant, *, limit: int = 250, cohorts_led: list[Cohort] | None = None
) -> CascadeTree:
    """The cohorts below each cohort a trainer led, as a tree (two queries, three if cut).

    A master trainer's cascade can hold thousands of cohorts; the tree holds the
    first `limit` of them by generation and start date, and says how many it left out.
    `cohorts_led` (from `trainer_cascade`) saves reading them again.
    """
    if cohorts_led is None:
        cohorts_led = _cohorts_led(participant)
    if not cohorts_led:
        return CascadeTree(roots=[], shown=0, total=0)
    in_subtree = Cohort.objects.filter(_subtree_filter(cohorts_led))
    lead_names = CohortTrainer.objects.filter(
        cohort=OuterRef("pk"), role=CohortTrainer.Role.LEAD
    ).values("participant__display_name")[:1]
    rows = (
        in_subtree.order_by("generation", "starts_on", "pk")
        .annotate(people=Count("memberships"), lead_trainer=Subquery(lead_names))
        .values(
            "pk",
            "parent_id",
            "name",
            "kind",
            "country__code",
            "country__name",
            "generation",
            "lead_trainer",
            "people",
        )[:limit]
    )
    nodes: dict[int, CascadeNode] = {}
    roots: list[CascadeNode] = []
    for row in rows:
        node = CascadeNode(
            cohort_id=row["pk"],
            name=row["name"],
            kind=row["kind"],
            country=country_name(row["country__code"], row["country__name"]),
            generation=row["generation"],
            lead_trainer=row["lead_trainer"] or "",
            people=row["people"],
        )
        nodes[node.cohort_id] = node
        parent = nodes.get(row["parent_id"])
        (parent.children if parent else roots).append(node)
    total = len(nodes) if len(nodes) < limit else in_subtree.count()
    return CascadeTree(roots=roots, shown=len(nodes), total=total)


def reach_multiplier(participant: Participant) -> float | None:
    """People reached through a trainer's cascade per person they trained directly."""
    return trainer_cascade(participant).reach_multiplier
