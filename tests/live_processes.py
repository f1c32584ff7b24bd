"""Real web processes for tests that need more than one process: gunicorn on loopback.

    from tests.live_processes import test_database_url, web_process

    @pytest.mark.django_db(transaction=True)
    def test_two_processes_share_sessions():
        database_url = test_database_url()  # skips on SQLite
        with web_process(database_url=database_url, redis_url=redis_url()) as first:
            with web_process(database_url=database_url, redis_url=redis_url()) as second:
                ...  # first and second are base URLs, e.g. "http://127.0.0.1:40123"

What the processes see:

- the pytest-django test database, through DATABASE_URL: only data that is committed is
  visible to them, so tests use `transactional_db` (or `django_db(transaction=True)`), never
  the default rollback-wrapped `db`;
- Redis through REDIS_URL when one is given (cms.settings.test uses the Redis cache only then);
- DJANGO_SETTINGS_MODULE=cms.settings.test unless `settings_module` says otherwise.

The processes do not share the test settings' per-process folders and in-memory storages
(H5P_ROOT, CERTIFICATES_ROOT, InMemoryStorage for media): each process makes its own.
Pass `extra_env` when a test needs more (anything the settings read from the environment).

Stable API, used by the production, cache-staleness and load tests:

    web_process(*, database_url, redis_url=None, port=None, workers=1, extra_env=None,
                settings_module="cms.settings.test", timeout=60.0) -> ContextManager[str]
    test_database_url() -> str
    redis_url() -> str
    free_port() -> int
"""

from __future__ import annotations

import contextlib
import http.client
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Variables of the running test process that must not leak into the web process: the web
# process is told its services explicitly.
_SERVICE_VARIABLES = {"DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "DJANGO_SETTINGS_MODULE"}


class WebProcessError(RuntimeError):
    """The web process did not start (its log's last lines are in the message)."""


def free_port() -> int:
    """A TCP port free on 127.0.0.1 at the time of asking."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_database_url() -> str:
    """The URL of the pytest-django test database (call it inside a test with database access).

    Skips the test when the suite runs on SQLite: its test database lives in the test
    process's memory, where no other process can reach it.
    """
    from django.db import connection

    settings_dict = connection.settings_dict
    if settings_dict["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip("needs PostgreSQL shared between processes (make test starts one)")
    return database_url_for(settings_dict["NAME"])


# pytest would otherwise collect the helper above as a test when a module imports it.
test_database_url.__test__ = False


def database_url_for(name: str) -> str:
    """A URL for database `name` on the test database's server, with its credentials."""
    from django.db import connection

    settings_dict = connection.settings_dict
    user = quote(settings_dict.get("USER") or "", safe="")
    password = quote(settings_dict.get("PASSWORD") or "", safe="")
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = settings_dict.get("HOST") or "localhost"
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    return f"postgres://{credentials}{host}{port}/{quote(name, safe='')}"


def redis_url() -> str:
    """The Redis the suite shares (REDIS_URL); skips the test when there is none."""
    url = os.environ.get("REDIS_URL")
    if not url:
        pytest.skip("needs a real Redis (make test starts one and sets REDIS_URL)")
    return url


@contextlib.contextmanager
def web_process(
    *,
    database_url: str,
    redis_url: str | None = None,
    port: int | None = None,
    workers: int = 1,
    extra_env: dict[str, str] | None = None,
    settings_module: str = "cms.settings.test",
    timeout: float = 60.0,
) -> Iterator[str]:
    """Run gunicorn `cms.wsgi:application` on 127.0.0.1 and yield its base URL.

    Waits until /healthz answers without a server error (raises WebProcessError with the
    log's tail if the process exits or stays silent for `timeout` seconds). On leaving, stops
    it: SIGTERM (gunicorn's graceful stop), then SIGKILL to its process group after 15 s.
    """
    port = port or free_port()
    env = {key: value for key, value in os.environ.items() if key not in _SERVICE_VARIABLES}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": settings_module,
            "DATABASE_URL": database_url,
            "PYTHONUNBUFFERED": "1",
        }
    )
    if redis_url:
        env["REDIS_URL"] = redis_url
    env.update(extra_env or {})
    base_url = f"http://127.0.0.1:{port}"
    with tempfile.NamedTemporaryFile(
        mode="w+b", prefix=f"gunicorn-{port}-", suffix=".log", delete=False
    ) as log:
        log_path = Path(log.name)
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "cms.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(workers),
                "--timeout",
                "120",
                "--graceful-timeout",
                "10",
                "--error-logfile",
                "-",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its workers form a group that can be stopped together
        )
    try:
        _wait_until_answering(process, port, log_path, timeout)
        yield base_url
    finally:
        _stop(process)
        log_path.unlink(missing_ok=True)


def _wait_until_answering(
    process: subprocess.Popen, port: int, log_path: Path, timeout: float
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise WebProcessError(f"gunicorn exited with {process.returncode}:\n{_tail(log_path)}")
        # Any answer but a server error counts: under production settings /healthz redirects
        # plain http to https and refuses hosts it does not serve, which is still an answer.
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            connection.request("GET", "/healthz")
            if connection.getresponse().status < 500:
                return
        except (OSError, http.client.HTTPException):
            pass
        finally:
            connection.close()
        time.sleep(0.2)
    _stop(process)
    raise WebProcessError(f"gunicorn did not answer within {timeout}s:\n{_tail(log_path)}")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=15)
    # Workers left behind by a master that did not stop in time.
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=5)


def _tail(log_path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(log_path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"
