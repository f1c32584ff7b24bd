#!/usr/bin/env python
"""Load test: learners, trainers, a coordinator and NSG members at once, on the real services.

    .venv/bin/python bench/load.py [--users 30] [--seconds 60] [--spawn-rate 3]
                                   [--web-workers 4] [--worker-concurrency 1]
                                   [--learners 30] [--keep]

Starts everything itself, on loopback, and stops it at the end:

1. a throw-away PostgreSQL cluster and Redis server (scripts/test_services.py);
2. migrates, loads the demo (manage.py load_demo, about a minute) and adds what a
   load test needs (bench/load_world.py: learner accounts, the demo trainer's
   running cohorts, ended cohorts whose certificates nobody has asked for yet);
3. gunicorn (tests/live_processes.py) and a Celery worker (tests/background/worker.py)
   with the development settings, DEBUG off, the cache and the broker on Redis, and
   the certificate files in a folder both share;
4. locust headless (bench/locustfile.py) with `--users` users for `--seconds`
   seconds, then reads back what the users wrote (answers stored, attendance
   marks, certificate runs finished, certificates issued).

Prints p50/p95/p99 per page (milliseconds) as a Markdown table for
docs/PERFORMANCE.md, the load average the run met, every error, and what the
database holds; exits non-zero when a request failed or the database does not
hold what the requests did. The working folder (the plan, locust's figures, the
certificate files) is removed at the end unless --keep.
tests/load/test_load.py runs a 15-second version on a small world.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load_plan import PAGES_BY_ROLE, LoadPlan  # noqa: E402

LOCUSTFILE = ROOT / "bench" / "locustfile.py"


@dataclass(frozen=True)
class PageFigures:
    """One page's requests in a run; times in milliseconds."""

    method: str
    name: str
    requests: int
    failures: int
    p50: float
    p95: float
    p99: float
    maximum: float


@dataclass
class LoadResult:
    pages: dict[str, PageFigures]  # by the name the locust file counts them under
    total: PageFigures
    errors: list[str] = field(default_factory=list)  # "METHOD name: what went wrong (times)"
    exit_code: int = 0
    output: str = ""  # what locust printed
    # The machine's load average (1 minute) when locust started and when it ended: the
    # figures are only as quiet as the machine was.
    load_average: tuple[float, float] = (0.0, 0.0)

    def requests(self, name: str) -> int:
        page = self.pages.get(name)
        return page.requests if page else 0

    def table(self) -> str:
        """The figures as a Markdown table."""
        lines = [
            "| page | requests | failures | p50 ms | p95 ms | p99 ms | max ms |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for page in [*self.pages.values(), self.total]:
            name = "**all requests**" if page is self.total else f"{page.method} {page.name}"
            lines.append(
                f"| {name} | {page.requests} | {page.failures} | {page.p50:.0f} | "
                f"{page.p95:.0f} | {page.p99:.0f} | {page.maximum:.0f} |"
            )
        return "\n".join(lines)


def run_locust(
    *,
    host: str,
    plan: LoadPlan,
    users: int,
    seconds: int,
    work_dir: Path,
    spawn_rate: float = 3,
    stop_timeout: int = 60,
) -> LoadResult:
    """Run bench/locustfile.py headless against `host` and read back its figures.

    Users still in a task when the time is up finish it (at most `stop_timeout`
    seconds): a coordinator follows a certificate run to its end.
    """
    work_dir.mkdir(parents=True, exist_ok=True)
    plan_path, results_path = work_dir / "plan.json", work_dir / "results.json"
    plan.save(plan_path)
    results_path.unlink(missing_ok=True)
    load_before = os.getloadavg()[0]
    process = subprocess.run(
        [
            sys.executable,
            "-m",
            "locust",
            "--locustfile",
            str(LOCUSTFILE),
            "--headless",
            "--users",
            str(users),
            "--spawn-rate",
            str(spawn_rate),
            "--run-time",
            f"{seconds}s",
            "--stop-timeout",
            str(stop_timeout),
            "--host",
            host,
            "--only-summary",
            "--loglevel",
            "WARNING",
        ],
        cwd=ROOT,
        env={**os.environ, "LOAD_PLAN": str(plan_path), "LOAD_RESULTS": str(results_path)},
        capture_output=True,
        text=True,
    )
    output = process.stdout + process.stderr
    if not results_path.exists():
        raise RuntimeError(f"locust wrote no figures (exit code {process.returncode}):\n{output}")
    results = json.loads(results_path.read_text(encoding="utf-8"))
    return LoadResult(
        pages={page["name"]: PageFigures(**page) for page in results["pages"]},
        total=PageFigures(**results["total"]),
        errors=results["errors"],
        exit_code=process.returncode,
        output=output,
        load_average=(load_before, os.getloadavg()[0]),
    )


def problems(result: LoadResult, effects) -> list[str]:
    """What is wrong with a run: failed requests, a kind of user who did nothing, or a
    database that does not hold what the requests did (`effects`: load_world.LoadEffects)."""
    found = list(result.errors)
    if result.total.failures:
        found.append(f"{result.total.failures} requests failed")
    for role, pages in PAGES_BY_ROLE.items():
        found += [f"no {role} request to {page}" for page in pages if not result.requests(page)]
    expectations = [
        ("knowledge-check answers stored", effects.answers_stored, "knowledge check: answer"),
        ("lessons completed", effects.lessons_completed, "lesson: mark complete"),
        ("attendance saves audited", effects.attendance_saved, "attendance: mark"),
        ("certificate runs", effects.certificate_runs, "certificates: issue all"),
    ]
    for label, stored, page in expectations:
        if stored != result.requests(page):
            found.append(f"{label}: {stored} in the database, {result.requests(page)} requests")
    if effects.marks_missing:
        found.append(f"{effects.marks_missing} members of marked sessions have no mark")
    if effects.runs_unfinished or effects.runs_failed:
        found.append(
            f"certificate runs: {effects.runs_unfinished} unfinished, {effects.runs_failed} failed"
        )
    if effects.completed_without_certificate:
        found.append(
            f"{effects.completed_without_certificate} members who completed a cohort "
            "the coordinator ran have no certificate"
        )
    return found


def wait_for_runs(plan: LoadPlan, *, since: datetime.datetime, timeout: float = 120) -> None:
    """Wait until the worker has finished every certificate run started since `since`."""
    from certificates.models import CertificateBatch

    cohorts = [cohort for account in plan.coordinators for cohort in account.cohort_ids]
    runs = CertificateBatch.objects.filter(
        cohort_id__in=cohorts, requested_at__gte=since, finished_at__isnull=True
    )
    deadline = time.monotonic() + timeout
    while runs.exists() and time.monotonic() < deadline:
        time.sleep(0.5)


# --- The bench: services, the demo, the site and a worker -----------------------------------


@contextlib.contextmanager
def services() -> Iterator[tuple[str, str]]:
    """A throw-away PostgreSQL and Redis on loopback: (database URL, Redis URL)."""
    from scripts.test_services import Postgres, Redis, install_missing_packages

    install_missing_packages()
    postgres, redis = Postgres(), Redis()
    try:
        database_url = postgres.start()
        yield database_url, redis.start()
    finally:
        redis.stop()
        postgres.stop()


def settings_environment(work_dir: Path, database_url: str, redis_url: str) -> dict[str, str]:
    """What the demo's settings read for this run: services, folders, no debug."""
    return {
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        # Empty while the demo loads (tasks run in-process); the site and the worker are
        # given the broker when they start.
        "CELERY_BROKER_URL": "",
        "MEDIA_ROOT": str(work_dir / "media"),
        "CERTIFICATES_ROOT": str(work_dir / "certificates"),
        "CERTIFICATES_SIGNING_KEY_FILE": str(work_dir / "certificates-signing-key"),
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }


def load_demo() -> None:
    for command in (["migrate", "--noinput", "-v0"], ["load_demo"]):
        started = time.monotonic()
        subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        print(f"  manage.py {command[0]}: {time.monotonic() - started:.0f} s", flush=True)


def run_on_the_demo(args, work_dir: Path):
    """Services, the demo, the site and a worker, then locust: (LoadResult, LoadEffects)."""
    from tests.background.worker import celery_worker
    from tests.live_processes import web_process

    with services() as (database_url, redis_url):
        os.environ.update(settings_environment(work_dir, database_url, redis_url))
        print("Database: the demo", flush=True)
        load_demo()

        import django

        django.setup()
        from django.db import connections
        from django.utils import timezone

        from bench.load_world import demo_plan, effects_recorded

        # Site and worker share the certificate folder here: the zips can be downloaded.
        plan = replace(demo_plan(learners=args.learners), download_archives=True)
        connections.close_all()
        print(
            f"  {len(plan.learners)} learners, {len(plan.trainers)} trainer cohorts, "
            f"{sum(len(account.cohort_ids) for account in plan.coordinators)} cohorts to "
            f"certify, {len(plan.nsg_members)} NSG members",
            flush=True,
        )
        with (
            web_process(
                database_url=database_url,
                redis_url=redis_url,
                workers=args.web_workers,
                settings_module="cms.settings.dev",
            ) as host,
            celery_worker(
                database_url=database_url,
                broker_url=redis_url,
                redis_url=redis_url,
                mail_dir=work_dir / "mail",
                concurrency=args.worker_concurrency,
                visibility_timeout=3600,
                settings_module="cms.settings.dev",
            ),
        ):
            print(
                f"Site {host} ({args.web_workers} gunicorn workers), Celery worker "
                f"(concurrency {args.worker_concurrency}); locust: {args.users} users "
                f"for {args.seconds} s",
                flush=True,
            )
            since = timezone.now()
            result = run_locust(
                host=host,
                plan=plan,
                users=args.users,
                seconds=args.seconds,
                spawn_rate=args.spawn_rate,
                work_dir=work_dir,
            )
            wait_for_runs(plan, since=since)
            effects = effects_recorded(plan, since=since)
            connections.close_all()
    return result, effects


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=30)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--spawn-rate", type=float, default=3)
    parser.add_argument("--web-workers", type=int, default=4)
    # One certificate run is one task: a second pool process would only take cores from the site.
    parser.add_argument("--worker-concurrency", type=int, default=1)
    parser.add_argument("--learners", type=int, default=30, help="learner accounts to add")
    parser.add_argument(
        "--keep", action="store_true", help="keep the working folder (plan, figures, files)"
    )
    args = parser.parse_args(argv)

    work_dir = Path(tempfile.mkdtemp(prefix="leaving-care-load-"))
    print(f"Working in {work_dir}", flush=True)
    with contextlib.ExitStack() as cleanup:
        if not args.keep:
            cleanup.callback(shutil.rmtree, work_dir, ignore_errors=True)
        result, effects = run_on_the_demo(args, work_dir)
    print()
    print(result.table())
    print()
    before, after = result.load_average
    print(f"Load average (1 min) when locust started: {before:.1f}, ended: {after:.1f}")
    print()
    print("In the database afterwards:")
    for name, value in effects.__dict__.items():
        print(f"  {name.replace('_', ' ')}: {value}")
    found = problems(result, effects)
    print()
    print("Errors:" if found else "Errors: none")
    for problem in found:
        print(f"  {problem}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
