"""Knowledge gain: post-test minus pre-test, per person and per group of people.

Per person and course, the pre-test result is their first pre-test attempt
and the post-test result their latest post-test attempt (in percent of the
knowledge questions; attitude statements are measured apart). Gain is post
minus pre, in percentage points, and may be negative. Someone with a
post-test but no pre-test has no gain: they are counted as "no pre-test",
never as zero; someone with a pre-test and no post-test yet as "no post-test".

Groups are the people in a course's cohorts, by cohort, lead trainer, country
or cascade generation. Each selector runs a fixed number of queries whatever
the number of people: the memberships, and those people's results in the
course in one go (then the groups' names). The dashboards reuse them; suppressing small cells is
theirs to do with the `people` counts given here.
"""

from __future__ import annotations

import datetime
import statistics
from collections import defaultdict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext

from courses.models import Cohort, CohortMembership, CohortTrainer, Country, Participant

from ..models import Assessment, Attempt

# Edges of the distribution, in percentage points of gain.
BIN_EDGES = (-20, -10, 0, 10, 20, 30, 40, 50)
GROUPINGS = {
    "cohort": "cohort_id",
    "trainer": "lead_id",
    "country": "cohort__country_id",
    "generation": "cohort__generation",
}


@dataclass(frozen=True)
class PersonResult:
    participant_id: int
    pre: Decimal | None
    post: Decimal | None

    @property
    def gain(self) -> Decimal | None:
        if self.pre is None or self.post is None:
            return None
        return self.post - self.pre


@dataclass
class GainSummary:
    key: object
    label: str = ""
    people: int = 0
    without_pre: int = 0
    without_post: int = 0
    gains: list[Decimal] = field(default_factory=list)
    pres: list[Decimal] = field(default_factory=list)
    posts: list[Decimal] = field(default_factory=list)

    @property
    def with_both(self) -> int:
        return len(self.gains)

    @property
    def without_results(self) -> int:
        return self.people - self.with_both - self.without_pre - self.without_post

    @property
    def mean_gain(self) -> Decimal | None:
        return _mean(self.gains)

    @property
    def median_gain(self) -> Decimal | None:
        return (
            Decimal(statistics.median(self.gains)).quantize(Decimal("0.1")) if self.gains else None
        )

    @property
    def mean_pre(self) -> Decimal | None:
        return _mean(self.pres)

    @property
    def mean_post(self) -> Decimal | None:
        return _mean(self.posts)

    @property
    def distribution(self) -> list[tuple[str, int]]:
        """How many people gained how much, in bins of ten points with open ends."""
        counts = [0] * (len(BIN_EDGES) + 1)
        for gain in self.gains:
            counts[sum(1 for edge in BIN_EDGES if gain >= edge)] += 1
        labels = [gettext("under %(edge)s") % {"edge": BIN_EDGES[0]}]
        labels += [
            gettext("%(low)s to %(high)s") % {"low": low, "high": high}
            for low, high in zip(BIN_EDGES, BIN_EDGES[1:], strict=False)
        ]
        labels.append(gettext("%(edge)s or more") % {"edge": BIN_EDGES[-1]})
        return list(zip(labels, counts, strict=True))

    def add(self, result: PersonResult) -> None:
        self.people += 1
        if result.pre is not None:
            self.pres.append(result.pre)
        if result.post is not None:
            self.posts.append(result.post)
        if result.post is not None and result.pre is None:
            self.without_pre += 1
        elif result.pre is not None and result.post is None:
            self.without_post += 1
        elif result.gain is not None:
            self.gains.append(result.gain)


def _mean(values: list[Decimal]) -> Decimal | None:
    if not values:
        return None
    return (sum(values) / len(values)).quantize(Decimal("0.1"))


def _first_pre_and_latest_post(attempts) -> dict:
    """{key: [first pre-test percent, latest post-test percent]} from (key, kind, percent) rows
    in the order they were submitted."""
    results: dict = {}
    for key, kind, percent in attempts:
        result = results.setdefault(key, [None, None])
        if kind == Assessment.Kind.PRE_TEST:
            if result[0] is None:  # the first
                result[0] = percent
        else:
            result[1] = percent  # the latest, as they come in order
    return results


def _pre_and_post(course_key, participants) -> dict[int, list]:
    """{participant id: [first pre-test percent, latest post-test percent]} in one query."""
    attempts = (
        Attempt.objects.filter(
            course_key=course_key,
            kind__in=[Assessment.Kind.PRE_TEST, Assessment.Kind.POST_TEST],
            participant_id__in=participants,
        )
        .exclude(percent=None)
        .order_by("submitted_at", "pk")
        .values_list("participant_id", "kind", "percent")
    )
    return _first_pre_and_latest_post(attempts)


def person_result(participant, course) -> PersonResult:
    """One person's pre-test, post-test and gain in a course (any cohort, or none)."""
    return person_results(participant, [course])[course.pk]


def person_results(participant, courses) -> dict[int, PersonResult]:
    """{course id: one person's pre-test, post-test and gain in it}, for any number of
    courses in one query."""
    courses = list(courses)
    attempts = (
        Attempt.objects.filter(
            course_key__in={course.translation_key for course in courses},
            kind__in=[Assessment.Kind.PRE_TEST, Assessment.Kind.POST_TEST],
            participant_id=participant.pk,
        )
        .exclude(percent=None)
        .order_by("submitted_at", "pk")
        .values_list("course_key", "kind", "percent")
    )
    found = _first_pre_and_latest_post(attempts) if courses else {}
    return {
        course.pk: PersonResult(participant.pk, *found.get(course.translation_key, (None, None)))
        for course in courses
    }


def knowledge_gain(course, *, by: str, memberships: QuerySet | None = None) -> list[GainSummary]:
    """Gain of the people in a course's cohorts, by cohort, trainer, country or generation.

    `memberships` narrows the people (e.g. one country's cohorts for an NSG, or a
    trainer's cascade). A person counts once per group.
    """
    if by not in GROUPINGS:
        raise ValueError(f"cannot group knowledge gain by {by!r}")
    course_key = course.translation_key
    memberships = (
        memberships if memberships is not None else CohortMembership.objects.all()
    ).filter(cohort__course__translation_key=course_key)
    if by == "trainer":
        memberships = memberships.annotate(
            lead_id=Subquery(
                CohortTrainer.objects.filter(
                    cohort=OuterRef("cohort_id"), role=CohortTrainer.Role.LEAD
                ).values("participant_id")[:1]
            )
        )
    results = _pre_and_post(course_key, memberships.values("participant_id"))
    groups: dict[object, GainSummary] = {}
    seen: dict[object, set[int]] = defaultdict(set)
    for key, participant_id in memberships.values_list(GROUPINGS[by], "participant_id"):
        if participant_id in seen[key]:
            continue
        seen[key].add(participant_id)
        pre, post = results.get(participant_id, (None, None))
        groups.setdefault(key, GainSummary(key=key)).add(PersonResult(participant_id, pre, post))
    _label(groups, by)
    return sorted(groups.values(), key=lambda summary: (summary.key is None, summary.key))


def _label(groups: dict[object, GainSummary], by: str) -> None:
    keys = [key for key in groups if key is not None]
    if by == "generation":
        names = {key: gettext("Generation %(number)s") % {"number": key} for key in keys}
    elif by == "country":
        names = dict(Country.objects.filter(pk__in=keys).values_list("pk", "name"))
    elif by == "trainer":
        names = dict(Participant.objects.filter(pk__in=keys).values_list("pk", "display_name"))
    else:
        names = dict(Cohort.objects.filter(pk__in=keys).values_list("pk", "name"))
    for key, summary in groups.items():
        summary.label = names.get(key, "")


def cohort_knowledge_gain(cohort: Cohort) -> GainSummary | None:
    """Knowledge gain of one cohort's members (None when it has no members). Three queries."""
    summaries = knowledge_gain(
        cohort.course, by="cohort", memberships=CohortMembership.objects.filter(cohort=cohort)
    )
    return summaries[0] if summaries else None


def test_result_facts(
    *,
    until: datetime.date | None = None,
    person: Callable[[int], Hashable] = lambda participant_id: participant_id,
) -> dict:
    """{(person, course key): [first pre-test percent, latest post-test percent]}.

    Every person and course at once, for aggregate reports (monitoring); the
    same rule as `knowledge_gain` (first pre-test, latest post-test). With
    `until`, attempts submitted after the end of that local day are left out.
    `person` maps a participant id to the person it stands for (e.g. the record
    a duplicate was merged into) before pre-tests and post-tests are paired, so
    a pre-test on one record and a post-test on another of the same person make
    a pair. One query.
    """
    attempts = Attempt.objects.filter(
        kind__in=[Assessment.Kind.PRE_TEST, Assessment.Kind.POST_TEST],
        course_key__isnull=False,
    ).exclude(percent=None)
    if until is not None:
        end_of_day = datetime.datetime.combine(until + datetime.timedelta(days=1), datetime.time())
        attempts = attempts.filter(
            submitted_at__lt=timezone.make_aware(end_of_day, timezone.get_default_timezone())
        )
    rows = attempts.order_by("submitted_at", "pk").values_list(
        "participant_id", "course_key", "kind", "percent"
    )
    return _first_pre_and_latest_post(
        ((person(participant_id), str(course_key)), kind, percent)
        for participant_id, course_key, kind, percent in rows.iterator(chunk_size=5000)
    )
