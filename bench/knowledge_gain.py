#!/usr/bin/env python
"""Knowledge gain by generation, trainer and cohort, on a cascade of 1,000 and one of 100,000.

    .venv/bin/python bench/knowledge_gain.py [--repeat 5] [--large 100000] [--postgres]

Builds the two cascades of bench/cascade.py (same shape, same options), gives
every person in a training of trainers or a national training a pre-test and a
post-test result (about 8 in 100 miss the pre-test; youth modules take none),
and times assessments.selectors.knowledge_gain for the whole of each cascade,
grouped by generation, by lead trainer and by cohort (median of --repeat runs
after one warm-up), with its SQL queries. It checks the answers against what
was written. The promise: a fixed number of queries at both sizes, and time
growing no faster than the memberships read (the selector reads each person's
first pre-test and latest post-test once; a dashboard over a whole country
reads that country's people, so it will want its answer cached). Exits
non-zero when an answer is wrong or a query count differs between the sizes;
the timing verdict is printed.
"""

from __future__ import annotations

import random
import sys
import time
from decimal import Decimal

import cascade  # bench/cascade.py, beside this script: the cascade builder

GROUPINGS = ("generation", "trainer", "cohort")
PRE, POST = 45, 75  # mean percent right
NOISE = 1.25  # a shared 2-core machine: a quarter either way is noise, not growth


def add_results(built, course) -> tuple[int, dict[int, list[Decimal]]]:
    """Pre and post results for the people of the non-youth cohorts; gains by generation."""
    from assessments.models import Assessment, Attempt
    from courses.models import Cohort, CohortMembership

    tests = {
        kind: Assessment.objects.get_or_create(
            kind=kind, course=course, defaults={"title": kind, "questions": []}
        )[0]
        for kind in (Assessment.Kind.PRE_TEST, Assessment.Kind.POST_TEST)
    }
    chance = random.Random(len(built.cohorts))
    root = built.cohorts[0].cascade_path
    memberships = (
        CohortMembership.objects.filter(cohort__cascade_path__startswith=root)
        .exclude(cohort__kind=Cohort.Kind.YOUTH_MODULE)
        .values_list("participant_id", "cohort__generation")
        .order_by("pk")
    )
    attempts, gains, seen = [], {}, set()
    for participant_id, generation in memberships:
        if participant_id in seen:
            continue
        seen.add(participant_id)
        post = Decimal(min(100, max(0, round(chance.gauss(POST - 5 * generation, 10)))))
        attempts.append(result(tests["post_test"], participant_id, post, course))
        if chance.random() < 0.08:
            continue
        pre = Decimal(min(100, max(0, round(chance.gauss(PRE, 10)))))
        attempts.append(result(tests["pre_test"], participant_id, pre, course))
        gains.setdefault(generation, []).append(post - pre)
    Attempt.objects.bulk_create(attempts, batch_size=cascade.BATCH)
    return len(attempts), gains


def result(assessment, participant_id: int, percent: Decimal, course):
    from assessments.models import Attempt

    return Attempt(
        participant_id=participant_id,
        assessment=assessment,
        activity_key=assessment.translation_key,
        course_key=course.translation_key,
        kind=assessment.kind,
        source=Attempt.Source.PAPER,
        score=percent,
        max_score=Decimal(100),
        percent=percent,
    )


def run(args) -> int:
    course, countries, hosts = cascade.world()  # sets Django up
    from django.db import connection

    from assessments.selectors import knowledge_gain
    from courses.models import CohortMembership

    failures, timings, rows = [], {}, {}
    for label, national_tots in cascade.sizes(args.large):
        built = cascade.build(cascade.plan_cascade(label, national_tots), course, countries, hosts)
        started = time.perf_counter()
        written, gains = add_results(built, course)
        seconds = time.perf_counter() - started
        print(f"{cascade.describe(built)}; {written:,} results in {seconds:.1f} s")
        scope = CohortMembership.objects.filter(
            cohort__cascade_path__startswith=built.cohorts[0].cascade_path
        )
        rows[label] = scope.count()
        for grouping in GROUPINGS:

            def operation(grouping=grouping, scope=scope):
                return knowledge_gain(course, by=grouping, memberships=scope)

            timings[(label, grouping)] = cascade.measure(operation, args.repeat)
        by_generation = {
            s.key: s for s in knowledge_gain(course, by="generation", memberships=scope)
        }
        for generation, expected in gains.items():
            got = by_generation[generation]
            mean = (sum(expected) / len(expected)).quantize(Decimal("0.1"))
            if (got.with_both, got.mean_gain) != (len(expected), mean):
                failures.append(f"{label} generation {generation}: {got.mean_gain} != {mean}")
        print(
            "  gain by generation: "
            + ", ".join(
                f"{key}: {s.mean_gain} (n={s.with_both})"
                for key, s in sorted(by_generation.items())
            )
        )
    (a, _), (b, _) = cascade.sizes(args.large)
    growth = rows[b] / rows[a]
    print(f"\n| grouping | queries | {a} | {b} | ratio | memberships x{growth:.1f} |")
    print("|---|---:|---:|---:|---:|---|")
    for grouping in GROUPINGS:
        small, large = timings[(a, grouping)], timings[(b, grouping)]
        ratio = large.seconds / small.seconds
        print(
            f"| {grouping} | {small.queries} | {cascade.milliseconds(small.seconds)} | "
            f"{cascade.milliseconds(large.seconds)} | x{ratio:.1f} | "
            f"{'linear or less' if ratio <= growth * NOISE else 'MORE than linear'} |"
        )
        if small.queries != large.queries:
            failures.append(f"{grouping}: query count depends on the size of the cascade")
    print(f"\nmedian of {args.repeat} runs after one warm-up, {connection.vendor}")
    for failure in failures:
        print(f"FAIL {failure}", file=sys.stderr)
    print("answers and query counts: " + ("ok" if not failures else f"{len(failures)} FAILED"))
    return 1 if failures else 0


if __name__ == "__main__":
    cascade.main(run=run, description=__doc__)
