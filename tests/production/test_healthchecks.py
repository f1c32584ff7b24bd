"""docker-compose.yml's health checks, run for real against the processes they watch.

Each check is taken from the compose file as written and run as the container would
run it (CMD as a program, CMD-SHELL through sh, $$ made $), against gunicorn and
Celery started with the compose commands under the production settings configured
from .env.example.
"""

import contextlib
import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.live_processes import redis_url, web_process
from tests.production.configuration import (
    ROOT,
    compose,
    example_environment,
    process_environment,
    rendered,
)

VENV_BIN = str(Path(sys.executable).parent)


def health_check(service: str, deployment: dict[str, str]) -> list[str]:
    """The service's health check as the argv docker runs."""
    test = rendered(compose()["services"][service]["healthcheck"]["test"], deployment)
    kind, *rest = test
    if kind == "CMD":
        return rest
    assert kind == "CMD-SHELL"
    return ["sh", "-c", rest[0]]


def run_check(argv: list[str], environment: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        argv, env=environment, cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def container_environment(deployment: dict[str, str], **more: str) -> dict[str, str]:
    """What a container of the image has: the deployment, the production settings, this
    virtualenv's programs first on PATH, and HOSTNAME as docker sets it."""
    environment = process_environment(
        {**deployment, "DJANGO_SETTINGS_MODULE": "cms.settings.production", **more}
    )
    environment["PATH"] = VENV_BIN + os.pathsep + environment.get("PATH", "")
    environment["HOSTNAME"] = socket.gethostname()
    return environment


def folders(tmp_path: Path) -> dict[str, str]:
    """The folders the application writes, made as the image makes them."""
    for name in ("media", "h5p", "certificates", "beat"):
        (tmp_path / name).mkdir()
    return {
        "MEDIA_ROOT": str(tmp_path / "media"),
        "H5P_ROOT": str(tmp_path / "h5p"),
        "CERTIFICATES_ROOT": str(tmp_path / "certificates"),
        "CELERY_BEAT_SCHEDULE_FILENAME": str(tmp_path / "beat" / "celerybeat-schedule"),
    }


def test_the_web_health_check_passes_only_while_gunicorn_serves(tmp_path):
    deployment = example_environment(**folders(tmp_path))
    # /healthz reads no table: an empty SQLite file stands for the database.
    database_url = f"sqlite:///{tmp_path / 'unused.sqlite3'}"
    with web_process(
        database_url=database_url,
        settings_module="cms.settings.production",
        extra_env=deployment,
    ) as base_url:
        port = str(urlsplit(base_url).port)
        argv = health_check("web", deployment)
        argv[argv.index("--port") + 1] = port  # the container's 8000, here a free port
        environment = container_environment(deployment, DATABASE_URL=database_url)
        result = run_check(argv, environment)
        assert result.returncode == 0, result.stdout + result.stderr

        # Asked plainly, production settings refuse the loopback host and send http to
        # https: the check passes because it asks as the TLS proxy does.
        connection = http.client.HTTPConnection("127.0.0.1", int(port), timeout=10)
        connection.request("GET", "/healthz")
        assert connection.getresponse().status in (301, 400)
        connection.close()
    assert run_check(argv, environment).returncode == 1


@contextlib.contextmanager
def celery_process(service: str, environment: dict[str, str]):
    command = rendered(compose()["services"][service]["command"], environment)
    assert command[0] == "celery"
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", *command[1:]],
        env=environment,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait(timeout=10)


def passes_within(argv, environment, process, seconds: float) -> subprocess.CompletedProcess:
    """Run the check until it passes (as docker does during start_period)."""
    deadline = time.monotonic() + seconds
    while True:
        result = run_check(argv, environment)
        if result.returncode == 0 or time.monotonic() > deadline or process.poll() is not None:
            return result
        time.sleep(1)


def broker_for_this_test() -> str:
    # A database of the suite's Redis that no other test uses: Celery's control messages
    # are scoped to it, so only these processes answer.
    parts = urlsplit(redis_url())
    return urlunsplit(parts._replace(path="/13"))


def test_worker_and_beat_answer_their_health_checks(tmp_path):
    broker = broker_for_this_test()
    deployment = example_environment(**folders(tmp_path))
    environment = container_environment(
        deployment,
        DATABASE_URL=f"sqlite:///{tmp_path / 'unused.sqlite3'}",
        REDIS_URL=broker,
        CELERY_BROKER_URL=broker,
    )
    with (
        celery_process("worker", environment) as worker,
        celery_process("beat", environment) as beat,
    ):
        for name, process in (("worker", worker), ("beat", beat)):
            argv = health_check(name, deployment)
            result = passes_within(argv, environment, process, seconds=90)
            if result.returncode != 0:
                process.terminate()
                pytest.fail(
                    f"{name}: {result.stdout}{result.stderr}\n{process.communicate()[1][-3000:]}"
                )
            node = "celery@" if name == "worker" else "celerybeat@"
            assert f"{node}{socket.gethostname()}: OK" in result.stdout
        # Beat keeps its schedule where the environment says (a volume in compose).
        assert list((tmp_path / "beat").glob("celerybeat-schedule*"))
    # Stopped, beat no longer answers: the check fails, and docker would restart it.
    result = run_check(health_check("beat", deployment), environment)
    assert result.returncode != 0
