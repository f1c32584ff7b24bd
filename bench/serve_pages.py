#!/usr/bin/env python
"""Requests per second of the site's pages against a plain Django template view.

    .venv/bin/python bench/serve_pages.py [--seconds 8] [--rounds 5] [--connections 8]
    .venv/bin/python bench/serve_pages.py --postgres        (throw-away PostgreSQL and Redis)
    DATABASE_URL=postgres://... REDIS_URL=redis://... .venv/bin/python bench/serve_pages.py

Loads the demo (`manage.py load_demo`) into a fresh database (bench/cascade.py's
`with_bench_database`: SQLite under .tmp/bench/, or PostgreSQL), serves it with
gunicorn on loopback (2 workers) and measures with wrk (Debian package `wrk`;
a Python client otherwise), each page with the session cookie of the person
it is for:

  bare          a Django view returning a fixed response (full middleware)
  lesson        a demo lesson, as the enrolled learner
  course        the demo course page, as the enrolled learner
  my_learning   "My learning", as the learner (courses, cohorts, certificates)
  trainer_home  the trainer's home (their cohorts, lineage and cascade)
  cohort        the trainer's largest cohort (roster and sessions)
  verify        a certificate's public verification page (as the learner)
  dashboard     the NSG dashboard of Bulgaria, as its NSG member signed in with
                their second factor

beside `template`: a plain Django template page with the full middleware, the
session and the user, but no Wagtail. Each page is measured for --seconds
between two measurements of the template view half as long, with the same
person's session (a staff session is larger than a learner's), and its ratio
is its requests per second over the mean of those two: the machine's load
moves both alike. Rounds repeat that for every page; the promise is that every
page's median ratio is at least 0.5. Beside the rates, the CPU time the
gunicorn processes spent per request (which other processes' load moves less)
and the CPU other processes used during the run are printed.

Without --postgres, DATABASE_URL picks the PostgreSQL server (a new database is
made there and dropped) and REDIS_URL the shared cache; with neither, SQLite and
the file-based cache, as `make demo` runs.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
PYTHON = sys.executable
PROMISE = 0.5
PAGES = ("lesson", "course", "my_learning", "trainer_home", "cohort", "verify", "dashboard")


@dataclass(frozen=True)
class Target:
    name: str
    path: str
    cookie: str
    # A text the page shows when it is the page meant (not a sign-in page, not an error).
    expect: str


# The demo's people and pages.


def _session_for(user, *, second_factor: bool = False) -> str:
    """A signed-in session for `user` (with their authenticator used, for staff)."""
    from allauth.account.internal.flows.login import record_authentication
    from allauth.mfa.models import Authenticator
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.test import RequestFactory
    from django.utils import timezone

    from accounts.middleware import LAST_ACTIVITY_KEY

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session[LAST_ACTIVITY_KEY] = int(timezone.now().timestamp())
    if second_factor:
        authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
        request = RequestFactory().get("/")
        request.session, request.user = session, user
        record_authentication(request, user, "password")
        record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)
    session.create()
    return session.session_key


def demo_targets() -> dict[str, Target]:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db.models import Count

    from certificates.models import Certificate
    from cms.models import CoursePage, LessonPage
    from courses.models import Cohort

    users = get_user_model().objects
    learner = users.get(email="learner@example.org")
    trainer = users.get(email="trainer@example.org")
    nsg_member = users.get(email="nsg.bg@example.org")
    learner_cookie = _session_for(learner)
    trainer_cookie = _session_for(trainer)
    lessons = LessonPage.objects.live().filter(locale__language_code="en").order_by("path")
    course = CoursePage.objects.live().filter(locale__language_code="en").order_by("path")[0]
    cohort = (
        Cohort.objects.filter(trainers__participant__user=trainer, trainers__role="lead")
        .annotate(size=Count("memberships", distinct=True))
        .order_by("-size", "pk")[0]
    )
    certificate = Certificate.objects.filter(
        revoked_at__isnull=True, suspended_at__isnull=True, replaced_by__isnull=True
    ).order_by("pk")[0]
    return {
        target.name: target
        for target in (
            Target("bare", "/bench/bare/", learner_cookie, "ok"),
            Target("template", "/bench/template/", learner_cookie, "A plain Django template"),
            Target("lesson", lessons[1].url, learner_cookie, lessons[1].title),
            Target("course", course.url, learner_cookie, course.title),
            Target("my_learning", "/en/learning/", learner_cookie, course.title),
            Target("trainer_home", "/en/learning/training/", trainer_cookie, cohort.name),
            Target(
                "cohort", f"/en/learning/training/cohorts/{cohort.pk}/", trainer_cookie, cohort.name
            ),
            Target("verify", f"/en/verify/{certificate.code}/", learner_cookie, certificate.code),
            Target(
                "dashboard",
                "/en/monitoring/bg/",
                _session_for(nsg_member, second_factor=True),
                "Bulgaria",
            ),
        )
    }


def queries_per_page(targets: dict[str, Target]) -> dict[str, int]:
    """SQL queries of one visit with the caches filled (Django's test client, this process)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for target in targets.values():
        client = Client()
        client.cookies["sessionid"] = target.cookie
        client.get(target.path)
        with CaptureQueriesContext(connection) as captured:
            client.get(target.path)
        counts[target.name] = len(captured)
    return counts


# The machine's load: CPU other processes used while the bench ran.


def _jiffies_busy() -> int:
    with open("/proc/stat") as stat:
        fields = [int(value) for value in stat.readline().split()[1:]]
    return sum(fields) - fields[3] - fields[4]  # all but idle and iowait


def _process_jiffies(pids: set[int]) -> int:
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total


def _descendants(roots: set[int]) -> set[int]:
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    parents[int(entry)] = int(stat.read().rsplit(")", 1)[1].split()[1])
            except OSError:
                pass
    found, frontier = set(roots), set(roots)
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


@dataclass
class LoadMeter:
    """Cores the rest of the machine kept busy: all busy CPU minus this bench's processes."""

    roots: set[int]
    started: float = 0.0
    busy: int = 0
    ours: dict[int, int] = field(default_factory=dict)

    def start(self) -> None:
        self.started, self.busy = time.monotonic(), _jiffies_busy()
        self.ours = {pid: _process_jiffies({pid}) for pid in _descendants(self.roots)}

    def others(self) -> float:
        """Cores used by other processes since `start`."""
        ticks = os.sysconf("SC_CLK_TCK")
        elapsed = time.monotonic() - self.started
        busy = _jiffies_busy() - self.busy
        now = {pid: _process_jiffies({pid}) for pid in _descendants(self.roots)}
        ours = sum(now[pid] - self.ours.get(pid, 0) for pid in now)
        return max(0.0, (busy - ours) / ticks / elapsed)


# The clients.


def get(port: int, target: Target, connection=None) -> tuple[int, str]:
    conn = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", target.path, headers={"Cookie": f"sessionid={target.cookie}"})
    response = conn.getresponse()
    body = response.read().decode("utf-8", "replace")
    if connection is None:
        conn.close()
    return response.status, body


def wait_until_serving(port: int, target: Target) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if get(port, target)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError("gunicorn did not start")


def measure_with_wrk(port: int, target: Target, seconds: int, connections: int) -> int:
    """Requests answered in `seconds` (all of them 200)."""
    result = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "30s",
            "-H",
            f"Cookie: sessionid={target.cookie}",
            f"http://127.0.0.1:{port}{target.path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    if "Non-2xx" in result.stdout or "Socket errors" in result.stdout:
        raise RuntimeError(f"{target.path} answered with errors:\n{result.stdout}")
    return int(re.search(r"(\d+) requests in", result.stdout).group(1))


def measure_with_python(port: int, target: Target, seconds: int, connections: int) -> int:
    """Requests answered in `seconds` (all of them 200)."""
    counts = [0] * connections
    errors = []
    stop = time.monotonic() + seconds

    def worker(index):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < stop:
            status, _ = get(port, target, conn)
            if status != 200:
                errors.append(status)
                return
            counts[index] += 1

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise RuntimeError(f"{target.path} answered {errors[0]}")
    return sum(counts)


@dataclass(frozen=True)
class Measured:
    rps: float
    cpu_ms: float  # CPU time of the gunicorn processes per request


def measured(client, port: int, server_pid: int, target: Target, seconds: float, args) -> Measured:
    ticks = os.sysconf("SC_CLK_TCK")
    before = _process_jiffies(_descendants({server_pid}))
    requests = client(port, target, seconds, args.connections)
    used = (_process_jiffies(_descendants({server_pid})) - before) / ticks
    return Measured(requests / seconds, 1000 * used / max(requests, 1))


@dataclass(frozen=True)
class Paired:
    """A page measured between two measurements of the template view with the same session."""

    page: Measured
    before: Measured
    after: Measured

    @property
    def template_rps(self) -> float:
        return (self.before.rps + self.after.rps) / 2

    @property
    def ratio(self) -> float:
        return self.page.rps / self.template_rps

    @property
    def template_cpu_ms(self) -> float:
        return (self.before.cpu_ms + self.after.cpu_ms) / 2


# The run.


def throwaway_redis():
    """scripts/test_services.py's Redis, with a data folder of its own."""
    from scripts.test_services import Redis

    redis = Redis()
    redis.data = Path(tempfile.mkdtemp(prefix="serve-pages-redis-"))
    return redis


def load_demo() -> float:
    started = time.perf_counter()
    subprocess.run(
        [PYTHON, "manage.py", "load_demo"],
        cwd=ROOT,
        check=True,
        env={**os.environ},
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def serve_and_measure(args) -> int:
    print(f"demo loaded in {load_demo():.1f} s")
    targets = demo_targets()
    chosen = ["bare", "template", *args.pages]
    targets = {name: targets[name] for name in chosen}
    port = _free_port()
    server = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "bench.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env={**os.environ},
    )
    client = measure_with_wrk if shutil.which("wrk") else measure_with_python
    rounds: list[dict[str, Paired]] = []
    meter = LoadMeter({os.getpid(), *_service_pids()})
    try:
        wait_until_serving(port, targets["template"])
        for target in targets.values():
            status, body = get(port, target)
            if status != 200 or target.expect not in body:
                raise RuntimeError(f"{target.name}: {target.path} answered {status}")
            client(port, target, 2, args.connections)  # warm up both workers
        meter.start()
        for number in range(args.rounds):
            results = {}
            for name, target in targets.items():
                if name == "template":
                    continue
                # The template view with this page's session, just before and just after it.
                template = replace(targets["template"], cookie=target.cookie)
                half = max(1, args.seconds // 2)
                before = measured(client, port, server.pid, template, half, args)
                page = measured(client, port, server.pid, target, args.seconds, args)
                after = measured(client, port, server.pid, template, half, args)
                results[name] = Paired(page, before, after)
            rounds.append(results)
            print(f"round {number + 1}: {_line(results)}", flush=True)
        others = meter.others()
    finally:
        server.terminate()
        server.wait(timeout=30)
    counts = queries_per_page(targets)
    return report(args, client, targets, rounds, counts, others)


def _line(results: dict[str, Paired]) -> str:
    return ", ".join(
        f"{name} {paired.page.rps:.0f}/{paired.template_rps:.0f} ({paired.ratio:.2f})"
        for name, paired in results.items()
    )


def report(args, client, targets, rounds, counts, others) -> int:
    from django.conf import settings
    from django.db import connection

    cache = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[1]
    print()
    print(
        f"database: {connection.vendor}, shared cache: {cache}, client: "
        f"{client.__name__.removeprefix('measure_with_')}, gunicorn workers: {args.workers}, "
        f"connections: {args.connections}, each page {args.seconds} s between two "
        f"{max(1, args.seconds // 2)} s of the template view, {len(rounds)} rounds"
    )
    print(
        f"other processes kept {others:.2f} of {os.cpu_count()} cores busy on average "
        f"(load average now {os.getloadavg()[0]:.2f})"
    )
    print()
    header = " | ".join(f"round {number + 1}" for number in range(len(rounds)))
    print(
        f"| page | queries | {header} | median requests/s (template) | **median ratio** "
        "| CPU ms/request (template) |"
    )
    print("|---|---:|" + "---:|" * len(rounds) + "---:|---:|---:|")
    failed = []
    for name in targets:
        if name == "template":
            continue
        pairs = [results[name] for results in rounds]
        ratios = [pair.ratio for pair in pairs]
        cells = " | ".join(f"{ratio:.2f}" for ratio in ratios)
        median = statistics.median(ratios)
        rps = statistics.median(pair.page.rps for pair in pairs)
        template_rps = statistics.median(pair.template_rps for pair in pairs)
        cpu = statistics.median(pair.page.cpu_ms for pair in pairs)
        template_cpu = statistics.median(pair.template_cpu_ms for pair in pairs)
        print(
            f"| {name} | {counts[name]} | {cells} | {rps:.0f} ({template_rps:.0f}) "
            f"| **{median:.2f}** | {cpu:.2f} ({template_cpu:.2f}) |"
        )
        if name in PAGES and median < PROMISE:
            failed.append(name)
    print()
    for name, target in targets.items():
        print(f"  {name}: {target.path}")
    print()
    if failed:
        print(f"below {PROMISE} of the template view: {', '.join(failed)}")
        return 1
    print(f"every page at {PROMISE} of the template view or more")
    return 0


def _service_pids() -> set[int]:
    """The PostgreSQL and Redis servers on this machine that the pages use.

    Their processes are not this bench's children (pg_ctl detaches the server):
    they are found by the port in their command line.
    """
    from urllib.parse import urlsplit

    ports = {
        urlsplit(os.environ[name]).port
        for name in ("DATABASE_URL", "REDIS_URL")
        if os.environ.get(name, "").startswith(("postgres", "redis"))
    }
    pids = set()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            command = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if command.startswith(("postgres", "/usr/lib/postgresql", "redis-server")) and any(
            f"port={port}" in command or f":{port}" in command for port in ports
        ):
            pids.add(int(entry))
    return pids


def _free_port() -> int:
    from scripts.test_services import free_port

    return free_port()


def main() -> None:
    from bench.cascade import with_bench_database

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--pages", nargs="+", choices=PAGES, default=list(PAGES))
    parser.add_argument("--postgres", action="store_true", help="throw-away PostgreSQL and Redis")
    parser.add_argument("--keep", action="store_true", help="keep the SQLite database")
    args = parser.parse_args()
    args.database = None if args.postgres else os.environ.get("DATABASE_URL")

    redis = throwaway_redis() if args.postgres and not os.environ.get("REDIS_URL") else None
    cache_folder = tempfile.mkdtemp(prefix="serve-pages-")
    os.environ.update(
        # The file-based shared cache (no Redis) of this run alone.
        CACHE_DIR=str(Path(cache_folder) / "cache"),
        # Pages are read, tasks not queued: with a broker they would wait for a worker.
        CELERY_BROKER_URL="",
        # The demo's figures stay current for the whole run (no refresh while measuring).
        MONITORING_REFRESH_MINUTES="1440",
        # The demo's files (images, H5P, certificates) in this run's folder.
        MEDIA_ROOT=str(Path(cache_folder) / "media"),
        CERTIFICATES_ROOT=str(Path(cache_folder) / "certificates"),
    )
    try:
        if redis is not None:
            os.environ["REDIS_URL"] = redis.start()
        code = with_bench_database(args, serve_and_measure, postgres=args.postgres)
    finally:
        if redis is not None:
            redis.stop()
            shutil.rmtree(redis.data, ignore_errors=True)
        shutil.rmtree(cache_folder, ignore_errors=True)
    sys.exit(code)


if __name__ == "__main__":
    main()
