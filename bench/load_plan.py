"""What a load test's users sign in as and where they go: the plan of one run.

The database side (bench/load_world.py, on the demo or on a test's small world)
writes it as JSON; the locust file (bench/locustfile.py) reads it in the locust
process, which runs without Django. So this module is plain Python: the plan's
records, the names under which each page's requests are counted, and the code
an authenticator app shows, which staff type after their password.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import struct
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

# The requests each kind of user makes, by the name locust counts them under.
LEARNER_PAGES = (
    "lesson",
    "knowledge check: answer",
    "lesson: mark complete",
    "my learning",
)
TRAINER_PAGES = ("trainer home", "cohort", "attendance", "attendance: mark")
COORDINATOR_PAGES = (
    "cohort certificates",
    "certificates: issue all",
    "certificates: run progress",
)
NSG_PAGES = ("dashboard",)
SIGN_IN_PAGES = ("sign in: form", "sign in", "sign in: authenticator code")
PAGES_BY_ROLE = {
    "learner": LEARNER_PAGES,
    "trainer": TRAINER_PAGES,
    "coordinator": COORDINATOR_PAGES,
    "nsg member": NSG_PAGES,
}


@dataclass(frozen=True)
class Lesson:
    path: str
    title: str
    page_id: int
    knowledge_check: int | None = None  # the assessment's id, when the lesson holds one


@dataclass(frozen=True)
class TrainerAccount:
    """A trainer and the running cohort whose attendance they mark."""

    email: str
    cohort_id: int
    session_ids: tuple[int, ...]


@dataclass(frozen=True)
class CoordinatorAccount:
    """A coordinator and the completed cohorts whose certificates they issue all at once."""

    email: str
    authenticator_secret: str
    cohort_ids: tuple[int, ...]


@dataclass(frozen=True)
class NSGAccount:
    """A National Steering Group member; their country's dashboard names the country."""

    email: str
    authenticator_secret: str
    country_name: str


@dataclass(frozen=True)
class LoadPlan:
    password: str  # every account's
    learners: tuple[str, ...]  # e-mail addresses
    lessons: tuple[Lesson, ...]
    trainers: tuple[TrainerAccount, ...]
    coordinators: tuple[CoordinatorAccount, ...]
    nsg_members: tuple[NSGAccount, ...]
    language: str = "en"  # the URL prefix of the interface pages
    # Download each finished run's zip (only where web and worker share the certificate files).
    download_archives: bool = False
    notes: dict = field(default_factory=dict)

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self), indent=1, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> LoadPlan:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(
            password=data["password"],
            learners=tuple(data["learners"]),
            lessons=tuple(Lesson(**lesson) for lesson in data["lessons"]),
            trainers=tuple(
                TrainerAccount(**{**row, "session_ids": tuple(row["session_ids"])})
                for row in data["trainers"]
            ),
            coordinators=tuple(
                CoordinatorAccount(**{**row, "cohort_ids": tuple(row["cohort_ids"])})
                for row in data["coordinators"]
            ),
            nsg_members=tuple(NSGAccount(**row) for row in data["nsg_members"]),
            language=data["language"],
            download_archives=data["download_archives"],
            notes=data.get("notes", {}),
        )


def totp_code(secret: str, at: float | None = None) -> str:
    """The code an authenticator app shows for `secret` (RFC 6238: SHA-1, 30 s, 6 digits)."""
    step = int((time.time() if at is None else at) // 30)
    digest = hmac.new(
        base64.b32decode(secret, casefold=True), struct.pack(">Q", step), hashlib.sha1
    ).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"
