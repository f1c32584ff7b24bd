#!/usr/bin/env python3
"""Start the real services the test suite uses, run a command, stop them again.

    python scripts/test_services.py -- pytest ...

- PostgreSQL: a throw-away cluster in .tmp/ on a free loopback port, unless
  DATABASE_URL is already set. The suite falls back to SQLite only when no
  PostgreSQL is installed and none can be installed.
- Redis: a throw-away server on a free loopback port (REDIS_URL), AOF on.
- Chromium: the Debian package, for browser tests (CHROMIUM_PATH).

Missing Debian packages are installed when running as root with apt-get
(always on CI), so a fresh machine needs nothing by hand.
"""

from __future__ import annotations

import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".tmp" / "services"
DEBIAN_PACKAGES = {
    "postgresql": lambda: bool(_postgres_bin()),
    "redis-server": lambda: bool(shutil.which("redis-server")),
    "chromium": lambda: bool(shutil.which("chromium")),
    "gettext": lambda: bool(shutil.which("xgettext")),
}


def log(message: str) -> None:
    print(f"[test services] {message}", flush=True)


def _postgres_bin() -> Path | None:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    return Path(candidates[0]).parent if candidates else None


def install_missing_packages() -> None:
    missing = [name for name, present in DEBIAN_PACKAGES.items() if not present()]
    if not missing:
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        log(f"not installing {', '.join(missing)} (needs root and apt-get)")
        return
    log(f"installing Debian packages: {', '.join(missing)}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listening on 127.0.0.1:{port} after {seconds}s")


def _as_postgres_user(command: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root; Debian's package creates a postgres user.
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


class Postgres:
    def __init__(self) -> None:
        self.bin = _postgres_bin()
        # A directory of its own in the system's temporary folder: the postgres
        # user may not be able to enter the checkout (or .tmp/, which Django's
        # file cache creates private).
        self.data = Path(tempfile.mkdtemp(prefix="leaving-care-test-postgres-"))
        self.port = free_port()

    def start(self) -> str:
        if os.geteuid() == 0:
            shutil.chown(self.data, "postgres", "postgres")
        subprocess.run(
            _as_postgres_user(
                [
                    str(self.bin / "initdb"),
                    "-D",
                    str(self.data),
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "--encoding=UTF8",
                    "--locale=C.UTF-8",
                    "-N",
                ]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port} "
            f"-c unix_socket_directories={self.data} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
        )
        subprocess.run(
            _as_postgres_user(
                [
                    str(self.bin / "pg_ctl"),
                    "-D",
                    str(self.data),
                    "-o",
                    options,
                    "-l",
                    str(self.data / "server.log"),
                    "-w",
                    "start",
                ]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        wait_for_port(self.port)
        log(f"PostgreSQL on 127.0.0.1:{self.port}")
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        subprocess.run(
            _as_postgres_user(
                [str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "stop"]
            ),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        shutil.rmtree(self.data, ignore_errors=True)


class Redis:
    def __init__(self) -> None:
        self.port = free_port()
        # A folder of its own: several runs at once must not share an append-only file.
        WORK.mkdir(parents=True, exist_ok=True)
        self.data = Path(tempfile.mkdtemp(prefix="redis-", dir=WORK))
        self.process: subprocess.Popen | None = None

    def start(self) -> str:
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--dir",
                str(self.data),
                "--appendonly",
                "yes",
                "--save",
                "",
            ],
            stdout=subprocess.DEVNULL,
        )
        wait_for_port(self.port)
        log(f"Redis on 127.0.0.1:{self.port}")
        return f"redis://127.0.0.1:{self.port}/0"

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
        shutil.rmtree(self.data, ignore_errors=True)


def main(argv: list[str]) -> int:
    command = argv[argv.index("--") + 1 :] if "--" in argv else argv
    if not command:
        print(__doc__)
        return 2
    WORK.mkdir(parents=True, exist_ok=True)
    install_missing_packages()
    env = dict(os.environ)
    started = []
    try:
        if not env.get("DATABASE_URL") and _postgres_bin():
            postgres = Postgres()
            env["DATABASE_URL"] = postgres.start()
            started.append(postgres)
        elif not env.get("DATABASE_URL"):
            log("PostgreSQL is not installed: the suite runs on SQLite")
        if not env.get("REDIS_URL") and shutil.which("redis-server"):
            redis = Redis()
            env["REDIS_URL"] = redis.start()
            started.append(redis)
        if shutil.which("chromium"):
            env.setdefault("CHROMIUM_PATH", shutil.which("chromium"))
        process = subprocess.Popen(command, env=env)
        try:
            return process.wait()
        except KeyboardInterrupt:
            process.send_signal(signal.SIGINT)
            return process.wait()
    finally:
        for service in reversed(started):
            service.stop()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
