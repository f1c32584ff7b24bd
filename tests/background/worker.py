"""A real Celery worker and a Redis broker of its own, started and stopped by the test.

    from tests.background.worker import celery_worker, redis_server, tasks_sent_to

    @pytest.mark.django_db(transaction=True)
    def test_work_done_in_the_background(tmp_path):
        database_url = test_database_url()  # tests.live_processes; skips on SQLite
        with redis_server(tmp_path / "broker") as broker, tasks_sent_to(broker.url):
            with celery_worker(database_url=database_url, broker_url=broker.url,
                               mail_dir=tmp_path / "mail") as worker:
                ...  # tasks queued here (delay, delay_on_commit) are run by `worker`
                wait_until(lambda: broker.idle(), timeout=30)

Or, in tests/background/, the `background` fixture (below): the test database,
a broker of the test's own, a mail folder, and `background.worker(...)`.

What the worker sees:

- the pytest-django test database, through DATABASE_URL: only committed data
  is visible to it, so tests use `transactional_db` (the `background` fixture
  does), never the rollback-wrapped `db`;
- its broker in CELERY_BROKER_URL, which turns the test settings' in-process
  tasks off (cms/settings/test.py); the suite's Redis (REDIS_URL) as its cache
  when there is one;
- e-mail written to files in `mail_dir` (Django's file backend; `sent_emails`
  reads them back), unless `extra_env` names another EMAIL_BACKEND;
- Redis's visibility timeout from `visibility_timeout`: a message taken by a
  worker that died unacknowledged goes to another worker after that many
  seconds (abandoned messages are looked for every second or so).

The broker is a `redis-server` on a free loopback port with its own data folder
and the append-only file on, so a test can crash and restart it without
touching the suite's Redis.

Stable API, used by the background-work and load tests:

    celery_worker(*, database_url, broker_url, mail_dir=None, redis_url=None,
                  concurrency=1, prefetch_multiplier=1, visibility_timeout=60,
                  pause_first_certificate=False, extra_env=None,
                  settings_module="cms.settings.test", timeout=60.0)
        -> ContextManager[WorkerProcess]
    redis_server(data_dir, *, port=None, appendonly=True, timeout=10.0)
        -> ContextManager[RedisServer]
    tasks_sent_to(broker_url) -> ContextManager[None]
    sent_emails(mail_dir) -> list[email.message.EmailMessage]
    wait_until(condition, *, timeout, interval=0.05, message="") -> float (seconds waited)
    fixture `background` -> Background (database_url, broker, mail_dir, worker(), emails())
"""

from __future__ import annotations

import contextlib
import email
import email.policy
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.live_processes import free_port, test_database_url

ROOT = Path(__file__).resolve().parent.parent.parent

# Variables of the test process the worker must not inherit: it is told its services.
_SERVICE_VARIABLES = {
    "DATABASE_URL",
    "REDIS_URL",
    "CELERY_BROKER_URL",
    "DJANGO_SETTINGS_MODULE",
    "EMAIL_BACKEND",
    "EMAIL_FILE_PATH",
}
# Django's file e-mail backend ends each message with a line of 79 dashes.
_MESSAGE_SEPARATOR = b"\n" + b"-" * 79 + b"\n"


class BackgroundProcessError(RuntimeError):
    """A worker or a Redis did not start (its log's last lines are in the message)."""


def wait_until(
    condition: Callable[[], object], *, timeout: float, interval: float = 0.05, message: str = ""
) -> float:
    """Wait until `condition()` is true; returns the seconds it took (AssertionError after
    `timeout` seconds, with `message`)."""
    started = time.monotonic()
    while True:
        if condition():
            return time.monotonic() - started
        if time.monotonic() - started > timeout:
            raise AssertionError(message or f"not true after {timeout}s: {condition}")
        time.sleep(interval)


def _tail(path: Path, lines: int = 60) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def _port_open(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


# --- Redis -----------------------------------------------------------------------------------


@dataclass
class RedisServer:
    """A redis-server on 127.0.0.1:`port` keeping its data in `data_dir`."""

    data_dir: Path
    port: int
    appendonly: bool = True
    timeout: float = 10.0
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    @property
    def log_path(self) -> Path:
        return self.data_dir / "redis.log"

    def start(self) -> None:
        """Start it (again: same port, same data folder, reading back its append-only file)."""
        if self.process is not None and self.process.poll() is None:
            return
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--dir",
                str(self.data_dir),
                "--appendonly",
                "yes" if self.appendonly else "no",
                "--save",
                "",  # no snapshots: what survives a restart is the append-only file's
                "--logfile",
                str(self.log_path),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + self.timeout
        while not self._answers():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.kill()
                raise BackgroundProcessError(f"redis-server did not start:\n{_tail(self.log_path)}")
            time.sleep(0.02)

    def _answers(self) -> bool:
        if not _port_open(self.port):
            return False
        try:
            return bool(self.client().ping())
        except Exception:  # still loading its append-only file
            return False

    def kill(self) -> None:
        """Crash it: SIGKILL, nothing written on the way out."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)

    def stop(self) -> None:
        """Stop it as an operator would (SIGTERM)."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def client(self):
        import redis

        return redis.Redis.from_url(self.url, socket_timeout=5, socket_connect_timeout=2)

    def queued(self, queue: str = "celery") -> int:
        """Messages waiting in `queue` (Celery's default queue is "celery")."""
        return self.client().llen(queue)

    def unacknowledged(self) -> int:
        """Messages a worker took and has not acknowledged (kombu's "unacked" hash)."""
        return self.client().hlen("unacked")

    def idle(self, queue: str = "celery") -> bool:
        """Nothing waiting and nothing being worked on."""
        return self.queued(queue) == 0 and self.unacknowledged() == 0


@contextlib.contextmanager
def redis_server(
    data_dir: Path, *, port: int | None = None, appendonly: bool = True, timeout: float = 10.0
) -> Iterator[RedisServer]:
    """Run a redis-server for the block (the append-only file on unless `appendonly=False`)."""
    if not shutil.which("redis-server"):
        pytest.skip("needs redis-server (make test installs it)")
    server = RedisServer(Path(data_dir), port or free_port(), appendonly, timeout)
    server.start()
    try:
        yield server
    finally:
        server.kill()


# --- This process's tasks ---------------------------------------------------------------------


def _drop_broker_connections(app) -> None:
    # Celery keeps a pool of broker connections (and producers over it) built from the
    # configuration in force when it was first used: drop both so the next task goes to
    # the broker configured now. The pools live in kombu's registries, keyed by broker: a
    # pool closed but left there would break the next task sent to that broker (tasks run
    # in-process after the block included), so they are closed and forgotten together.
    from kombu import pools

    app._pool = None
    pools.reset()
    with contextlib.suppress(AttributeError, KeyError):
        app.__dict__["amqp"]._producer_pool = None


@contextlib.contextmanager
def tasks_sent_to(broker_url: str) -> Iterator[None]:
    """Within the block, tasks this process queues go to `broker_url` instead of running at
    once in-process (the test settings' default)."""
    from cms.celery import app

    saved = {name: app.conf[name] for name in ("broker_url", "task_always_eager")}
    _drop_broker_connections(app)
    app.conf.update(broker_url=broker_url, task_always_eager=False)
    try:
        yield
    finally:
        _drop_broker_connections(app)
        app.conf.update(saved)


def sent_emails(mail_dir: Path) -> list[email.message.EmailMessage]:
    """Every message Django's file backend wrote to `mail_dir`, oldest file first."""
    messages = []
    for path in sorted(Path(mail_dir).glob("*.log"), key=lambda path: path.stat().st_mtime_ns):
        for chunk in path.read_bytes().split(_MESSAGE_SEPARATOR):
            if chunk.strip():
                messages.append(email.message_from_bytes(chunk, policy=email.policy.default))
    return messages


# --- The worker -------------------------------------------------------------------------------


@dataclass
class WorkerProcess:
    """A running `celery -A cms worker` (its main process and pool processes)."""

    process: subprocess.Popen
    log_path: Path
    ready_file: Path
    pause_dir: Path | None
    hostname: str

    @property
    def pid(self) -> int:
        """The main process's id (pool processes are its children)."""
        return self.process.pid

    def alive(self) -> bool:
        return self.process.poll() is None

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def received(self, task_name: str) -> int:
        """How many times the worker's log says it received a `task_name` message."""
        return len(re.findall(rf"Task {re.escape(task_name)}\[[^\]]+\] received", self.log()))

    def wait_until_paused(self, timeout: float = 60.0) -> int:
        """With `pause_first_certificate`: wait until a task has committed the first certificate
        and stopped there; returns the id of the pool process running it."""
        assert self.pause_dir is not None, "started without pause_first_certificate"
        marker = self.pause_dir / "paused"
        wait_until(
            lambda: marker.exists() and marker.read_text().strip(),
            timeout=timeout,
            message=f"no task paused after {timeout}s:\n{_tail(self.log_path)}",
        )
        return int(marker.read_text())

    def resume(self) -> None:
        """Let a paused task go on."""
        assert self.pause_dir is not None
        (self.pause_dir / "resume").touch()

    def kill(self) -> None:
        """Kill the main process and its pool at once (SIGKILL), as a machine that dies would."""
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=10)

    def stop(self, timeout: float = 20.0) -> None:
        """Warm shutdown (SIGTERM: the task under way finishes), then SIGKILL after `timeout`."""
        if self.alive():
            self.process.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=timeout)
        self.kill()


@contextlib.contextmanager
def celery_worker(
    *,
    database_url: str,
    broker_url: str,
    mail_dir: Path | None = None,
    redis_url: str | None = None,
    concurrency: int = 1,
    prefetch_multiplier: int = 1,
    visibility_timeout: int = 60,
    pause_first_certificate: bool = False,
    extra_env: dict[str, str] | None = None,
    settings_module: str = "cms.settings.test",
    timeout: float = 60.0,
) -> Iterator[WorkerProcess]:
    """Run `celery -A cms worker` (prefork pool) for the block; yields once it takes tasks.

    `pause_first_certificate`: the first certificate a task inserts stops that task right
    after the insert commits (before its PDF and before the holder is told), until the test
    kills it or calls `resume()`; `WorkerProcess.wait_until_paused()` waits for that moment.
    Raises BackgroundProcessError with the log's tail if the worker does not get ready within
    `timeout` seconds. On leaving: warm shutdown, then SIGKILL to its process group.
    """
    work_dir = Path(tempfile.mkdtemp(prefix="celery-worker-"))
    ready_file = work_dir / "ready"
    pause_dir = work_dir / "pause" if pause_first_certificate else None
    hostname = f"background-{uuid.uuid4().hex[:8]}@%h"
    env = {key: value for key, value in os.environ.items() if key not in _SERVICE_VARIABLES}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": settings_module,
            "DATABASE_URL": database_url,
            "CELERY_BROKER_URL": broker_url,
            "CELERY_BROKER_VISIBILITY_TIMEOUT": str(visibility_timeout),
            "BACKGROUND_WORKER_READY_FILE": str(ready_file),
            "PYTHONUNBUFFERED": "1",
            # The test settings' per-process folders (H5P_ROOT, CERTIFICATES_ROOT) land here.
            "TMPDIR": str(work_dir),
        }
    )
    if redis_url:
        env["REDIS_URL"] = redis_url
    if mail_dir is not None:
        Path(mail_dir).mkdir(parents=True, exist_ok=True)
        env["EMAIL_BACKEND"] = "django.core.mail.backends.filebased.EmailBackend"
        env["EMAIL_FILE_PATH"] = str(mail_dir)
    if pause_dir is not None:
        pause_dir.mkdir()
        env["BACKGROUND_PAUSE_DIR"] = str(pause_dir)
    env.update(extra_env or {})
    log_path = work_dir / "worker.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "cms",
                "worker",
                "--pool=prefork",
                f"--concurrency={concurrency}",
                f"--prefetch-multiplier={prefetch_multiplier}",
                "--loglevel=INFO",
                f"--hostname={hostname}",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "--include=tests.background.worker_hooks",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # the main process and its pool form a group
        )
    worker = WorkerProcess(process, log_path, ready_file, pause_dir, hostname)
    try:
        deadline = time.monotonic() + timeout
        while not ready_file.exists():
            if not worker.alive() or time.monotonic() > deadline:
                worker.kill()
                raise BackgroundProcessError(
                    f"the Celery worker did not get ready:\n{_tail(log_path)}"
                )
            time.sleep(0.05)
        yield worker
    finally:
        worker.stop()
        shutil.rmtree(work_dir, ignore_errors=True)


# --- The fixture ------------------------------------------------------------------------------


@dataclass
class Background:
    """What a test of background work has: the test database's URL, a broker of its own
    (tasks this process queues go there), a folder the workers' e-mail is written to, and
    workers to start (`worker(**options)`, options as for `celery_worker`)."""

    database_url: str
    broker: RedisServer
    mail_dir: Path
    workers: list[WorkerProcess] = field(default_factory=list)

    @contextlib.contextmanager
    def worker(self, **options) -> Iterator[WorkerProcess]:
        options.setdefault("mail_dir", self.mail_dir)
        options.setdefault("redis_url", os.environ.get("REDIS_URL"))
        with celery_worker(
            database_url=self.database_url, broker_url=self.broker.url, **options
        ) as worker:
            self.workers.append(worker)
            yield worker

    def emails(self) -> list[email.message.EmailMessage]:
        return sent_emails(self.mail_dir)


@pytest.fixture
def background(transactional_db, tmp_path) -> Iterator[Background]:
    """The test database (committed data only), a broker of the test's own, a mail folder."""
    database_url = test_database_url()  # skips on SQLite
    with redis_server(tmp_path / "broker") as broker, tasks_sent_to(broker.url):
        state = Background(database_url, broker, tmp_path / "mail")
        state.mail_dir.mkdir()
        try:
            yield state
        finally:
            for worker in state.workers:  # a test that left one running
                worker.stop()
