"""Load: 30 users for 15 seconds on gunicorn, PostgreSQL, Redis and a real Celery worker.

The CI version of bench/load.py (TESTS-SECURITY case 37), on a small world made
with the factories instead of the demo: learners read lessons, answer a
knowledge check and mark lessons complete; two trainers mark attendance in
running cohorts of their own; a coordinator (with an authenticator code) asks
for all of an ended cohort's certificates at once and follows the run until
the worker has issued them; NSG members (with their codes) open Bulgaria's
dashboard. No request may fail, each kind of user must have made each of its
requests, and the database must hold what the requests did: every answer sent,
every completion, every attendance save with a mark for each member, every
certificate run finished with a certificate for each member who completed.
"""

from __future__ import annotations

import datetime
import importlib.util

import pytest
from django.utils import timezone

from accounts.models import RoleAssignment
from bench.load import problems, run_locust, wait_for_runs
from bench.load_plan import PAGES_BY_ROLE, CoordinatorAccount, LoadPlan
from bench.load_world import (
    authenticator_secret,
    course_lessons,
    effects_recorded,
    learner_accounts,
    nsg_accounts,
    running_cohort,
)
from courses import services
from courses.models import Cohort
from monitoring.services.snapshots import snapshots_refresh
from tests.background.worker import celery_worker, redis_server
from tests.factories import (
    PASSWORD,
    UserFactory,
    assessment,
    build_course,
    cohort_graduate,
    cohort_led_by,
    coordinator,
    country,
    first_generation_trainer,
    make_trainer,
    organisation,
    participant,
    publish,
    question,
    restore_default_site,
)
from tests.live_processes import redis_url, test_database_url, web_process

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("locust") is None, reason="needs locust (the dev extras)"
)

USERS = 30
SECONDS = 15


def small_world() -> LoadPlan:
    """A course of four lessons (two with a knowledge check), 30 learners, two trainers
    each with a running cohort of ten, two ended cohorts of six people with no account
    (so no certificate yet), a coordinator and three NSG members of Bulgaria."""
    restore_default_site()
    tree = build_course(modules=2, lessons_per_module=2, slug="load")
    check = assessment(
        questions=[
            question(options=[("Article 12", True), ("Article 3", False)]),
            question("multiple", options=[("Early", True), ("Late", False), ("Together", True)]),
        ],
        title="Check: participation",
        attempts_allowed=0,
    )
    for lesson in (tree.lessons[0], tree.lessons[2]):
        lesson.body.append(("knowledge_check", {"assessment": check}))
        publish(lesson)
    the_coordinator = coordinator(first_name="Elena")
    bulgaria, host = country(), organisation()
    trainers, leads = [], []
    for name in ("Georgi", "Petya"):
        lead = services.participant_for_user(make_trainer(first_name=name), bulgaria)
        first_generation_trainer(lead, by=the_coordinator)
        leads.append(lead)
        members = [participant(f"{name}'s member {number}") for number in range(1, 11)]
        trainers.append(
            running_cohort(
                tree.course,
                name=f"National training of {name}",
                lead=lead,
                created_by=the_coordinator,
                members=members,
                country=bulgaria,
                host=host,
            )
        )
    ended = []
    for number in (1, 2):
        cohort = cohort_led_by(
            leads[0],
            course=tree.course,
            created_by=the_coordinator,
            kind=Cohort.Kind.NATIONAL_TRAINING,
            name=f"Ended national training {number}",
            starts_on=timezone.localdate() - datetime.timedelta(days=60),
        )
        people = [participant(f"Graduate {number}.{person}") for person in range(1, 7)]
        cohort_graduate(cohort, people, by=the_coordinator)
        ended.append(cohort.pk)
    for _ in range(3):
        RoleAssignment.objects.create(
            user=UserFactory(first_name="Ralitsa"),
            role=RoleAssignment.Role.NSG_MEMBER,
            country=bulgaria,
        )
    snapshots_refresh()  # the dashboards' figures, as the worker's schedule would keep them
    return LoadPlan(
        password=PASSWORD,
        learners=learner_accounts(tree.course, USERS, password=PASSWORD),
        lessons=course_lessons(tree.course),
        trainers=tuple(trainers),
        coordinators=(
            CoordinatorAccount(
                email=the_coordinator.email,
                authenticator_secret=authenticator_secret(the_coordinator),
                cohort_ids=tuple(ended),
            ),
        ),
        nsg_members=nsg_accounts(),
        notes={"course_title": tree.course.title},
    )


def test_thirty_users_for_fifteen_seconds_with_no_error_and_everything_recorded(
    transactional_db, tmp_path
):
    database, cache = test_database_url(), redis_url()  # skip without PostgreSQL and Redis
    plan = small_world()
    with (
        redis_server(tmp_path / "broker") as broker,
        celery_worker(
            database_url=database,
            broker_url=broker.url,
            redis_url=cache,
            mail_dir=tmp_path / "mail",
            concurrency=2,
        ),
        web_process(
            database_url=database,
            redis_url=cache,
            workers=2,
            extra_env={"CELERY_BROKER_URL": broker.url},
        ) as site,
    ):
        since = timezone.now()
        result = run_locust(
            host=site, plan=plan, users=USERS, seconds=SECONDS, work_dir=tmp_path, spawn_rate=10
        )
        wait_for_runs(plan, since=since, timeout=60)
    effects = effects_recorded(plan, since=since)
    report = f"\n{result.table()}\n{effects}\n{result.output[-4000:]}"
    # The figures, with pytest -s.
    print(f"\n{result.table()}\n{effects}\nload average {result.load_average}")

    assert result.total.failures == 0 and result.errors == [], report
    for role, pages in PAGES_BY_ROLE.items():
        for page in pages:
            assert result.requests(page) > 0, f"no {role} request to {page}{report}"
    # The database holds what the requests did, one for one.
    assert effects.answers_stored == result.requests("knowledge check: answer"), report
    assert effects.lessons_completed == result.requests("lesson: mark complete"), report
    assert effects.attendance_saved == result.requests("attendance: mark"), report
    assert effects.sessions_marked > 0 and effects.marks_missing == 0, report
    assert effects.certificate_runs == result.requests("certificates: issue all"), report
    assert (effects.runs_unfinished, effects.runs_failed) == (0, 0), report
    # The first run of an ended cohort issued its graduates' six certificates.
    assert effects.certificates_issued >= 6 and effects.completed_without_certificate == 0, report
    assert problems(result, effects) == [], report
