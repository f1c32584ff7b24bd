"""Loaded into the test worker by tests/background/worker.py (`celery worker --include`).

Nothing here changes what a task does; it only lets a test know where the worker is:

- BACKGROUND_WORKER_READY_FILE: written once the worker takes tasks;
- BACKGROUND_PAUSE_DIR: the first certificate a task inserts stops that task right after the
  insert commits, until `resume` appears in the folder (or a minute passes). The folder's
  `paused` file holds the id of the pool process that stopped, for a test to kill it there.
  A message handed out again finds its certificate already there and does not stop.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from celery import signals
from django.db import transaction
from django.db.models.signals import post_save

PAUSE_LIMIT_SECONDS = 60


@signals.worker_ready.connect
def _announce_ready(**kwargs) -> None:
    ready_file = os.environ.get("BACKGROUND_WORKER_READY_FILE")
    if ready_file:
        Path(ready_file).write_text(str(os.getpid()))


def _pause_here() -> None:
    folder = Path(os.environ["BACKGROUND_PAUSE_DIR"])
    try:
        os.close(os.open(folder / "claimed", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:  # the first certificate paused already
        return
    written = folder / "paused.tmp"
    written.write_text(str(os.getpid()))
    written.rename(folder / "paused")  # whole, never half-written, when the test reads it
    deadline = time.monotonic() + PAUSE_LIMIT_SECONDS
    while not (folder / "resume").exists() and time.monotonic() < deadline:
        time.sleep(0.02)


def _on_certificate_saved(sender, instance, created, **kwargs) -> None:
    if created:
        transaction.on_commit(_pause_here)


if os.environ.get("BACKGROUND_PAUSE_DIR"):
    post_save.connect(_on_certificate_saved, sender="certificates.Certificate", weak=False)
