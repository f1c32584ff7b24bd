#!/usr/bin/env python
"""Requests per second for a learner's lesson page against two Django baselines.

    .venv/bin/python bench/serve_pages.py [--seconds 10] [--connections 8] [--workers 2]

Serves the demo (its own SQLite database under .tmp/bench/, created on the
first run) with gunicorn on loopback and measures, in the same run and with the
same logged-in session cookie:

  bare      a Django view returning a fixed response (full middleware)
  template  a plain Django template page with the full middleware, the session
            and the user, but no Wagtail
  lesson    a demo lesson page for a logged-in, enrolled learner

The promise: lesson reaches at least half the requests per second of template.
Uses wrk when installed (Debian package `wrk`), otherwise a Python client.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
PYTHON = sys.executable


def prepare_database() -> None:
    database = ROOT / ".tmp" / "bench" / "db.sqlite3"
    if database.exists():
        return
    database.parent.mkdir(parents=True, exist_ok=True)
    for command in (["migrate", "--noinput", "-v0"], ["load_demo"]):
        subprocess.run(
            [PYTHON, "manage.py", *command],
            cwd=ROOT,
            check=True,
            env={**os.environ},
            stdout=subprocess.DEVNULL,
        )


def learner_session_and_lesson() -> tuple[str, str]:
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.sessions.backends.db import SessionStore

    from cms.models import LessonPage

    learner = get_user_model().objects.get(email="learner@example.org")
    session = SessionStore()
    session[SESSION_KEY] = str(learner.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = learner.get_session_auth_hash()
    session.create()
    lesson = LessonPage.objects.live().filter(locale__language_code="en").order_by("path")[1]
    return session.session_key, lesson.url


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_serving(port: int, path: str, cookie: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            status = get(port, path, cookie)
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError("gunicorn did not start")


def get(port: int, path: str, cookie: str, connection=None) -> int:
    conn = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", path, headers={"Cookie": f"sessionid={cookie}"})
    response = conn.getresponse()
    response.read()
    if connection is None:
        conn.close()
    return response.status


def measure_with_wrk(port, path, cookie, seconds, connections) -> float:
    result = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "-H",
            f"Cookie: sessionid={cookie}",
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    if "Non-2xx" in result.stdout:
        raise RuntimeError(f"{path} answered with errors:\n{result.stdout}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1))


def measure_with_python(port, path, cookie, seconds, connections) -> float:
    counts = [0] * connections
    errors = []
    stop = time.monotonic() + seconds

    def worker(index):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while time.monotonic() < stop:
            status = get(port, path, cookie, conn)
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
        raise RuntimeError(f"{path} answered {errors[0]}")
    return sum(counts) / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    prepare_database()
    cookie, lesson_url = learner_session_and_lesson()
    port = free_port()
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
    measure = measure_with_wrk if shutil.which("wrk") else measure_with_python
    try:
        wait_until_serving(port, lesson_url, cookie)
        targets = {"bare": "/bench/bare/", "template": "/bench/template/", "lesson": lesson_url}
        results = {}
        for name, path in targets.items():
            measure(port, path, cookie, 2, args.connections)  # warm up
            results[name] = measure(port, path, cookie, args.seconds, args.connections)
    finally:
        server.terminate()
        server.wait(timeout=30)

    print(
        f"client: {measure.__name__.removeprefix('measure_with_')}, gunicorn workers: "
        f"{args.workers}, connections: {args.connections}, {args.seconds}s each"
    )
    print(f"lesson page: {lesson_url}")
    for name, rps in results.items():
        print(f"  {name:<9} {rps:8.1f} requests/s")
    ratio = results["lesson"] / results["template"]
    print(f"lesson / template = {ratio:.2f}  (promise: >= 0.50)")
    print(f"lesson / bare     = {results['lesson'] / results['bare']:.2f}")
    sys.exit(0 if ratio >= 0.5 else 1)


if __name__ == "__main__":
    main()
