"""What the browser flows share: signing in, waiting, checking a page fits a phone."""

from __future__ import annotations

import datetime
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from tests.factories import PASSWORD

SCREENSHOTS = Path(__file__).resolve().parents[2] / ".tmp" / "screenshots"
PHONE = {"viewport": {"width": 360, "height": 740}, "has_touch": True}


def assert_fits(page, url: str, name: str) -> None:
    response = page.goto(url)
    assert response.status == 200, url
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    assert overflow <= 0, f"{url} is {overflow}px wider than a 360px screen"


def log_in(page, live_server, email):
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit] >> nth=-1")
    page.wait_for_url(f"{live_server.url}/en/learning/")


@contextmanager
def posts_sent(page):
    """The paths of the POST requests `page` makes inside the `with` block, in order.

    The server counts a piece of work sent twice once, so only the browser's own requests
    show whether the work was sent once.
    """
    posts: list[str] = []

    def heard(request):
        if request.method == "POST":
            posts.append(urlsplit(request.url).path)

    page.on("request", heard)
    try:
        yield posts
    finally:
        page.remove_listener("request", heard)


def wait_until(page, condition, what: str, tries: int = 100):
    """Poll from Python: the pages' Content Security Policy forbids evaluating strings.

    On SQLite the live server and this thread share one in-memory database, whose
    tables are locked while a request writes: a locked read is "not yet".
    """
    from django.db import OperationalError

    for _ in range(tries):
        try:
            if condition():
                return
        except OperationalError as error:
            if "locked" not in str(error):
                raise
        page.wait_for_timeout(100)
    raise AssertionError(f"waited {tries / 10:.0f} s for {what}")


def trainer_with_cohort(course, name: str, language: str, members):
    """A trainer (Petya Koleva) leading an international ToT of `members` (roster-only)."""
    from courses import services
    from courses.models import Cohort
    from tests.factories import UserFactory, coordinator, country, organisation, participant

    trainer = UserFactory(first_name="Petya", last_name="Koleva")
    cohort = services.cohort_create(
        created_by=coordinator(),  # generation 0 is a coordinator's to plan
        name=name,
        course=course,
        kind=Cohort.Kind.INTERNATIONAL_TOT,
        country=country(),
        language=language,
        host_organisation=organisation(),
        lead_trainer=services.participant_for_user(trainer, country()),
        starts_on=datetime.date(2026, 3, 2),
        ends_on=datetime.date(2026, 3, 6),
    )
    for member in members:
        services.cohort_add_member(cohort, participant(member))
    return trainer, cohort
