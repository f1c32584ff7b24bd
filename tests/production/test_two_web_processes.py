"""Two web processes, as on two machines, share everything through PostgreSQL and Redis.

Two gunicorn processes on different loopback ports serve the same test database and
Redis, as two machines behind a load balancer would. One browser (one cookie jar)
talks to both:

- signed in on one, the session works on the other;
- a rate limit counted on one applies on the other;
- what a learner does through one (enrol, complete lessons) the other shows at once,
  even after it has shown (and could have kept) the page before the change.
"""

import http.cookiejar
import re
import secrets
import urllib.error
import urllib.parse
import urllib.request

import pytest

from tests.factories import PASSWORD, UserFactory, build_course, restore_default_site
from tests.live_processes import redis_url, test_database_url, web_process

BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


class Browser:
    """One person's browser: one cookie jar, whichever process answers."""

    def __init__(self):
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def get(self, url: str) -> tuple[int, str]:
        return self._open(urllib.request.Request(url))

    def post(self, url: str, data: dict[str, str]) -> tuple[int, str]:
        token = next(cookie.value for cookie in self.cookies if cookie.name == "csrftoken")
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        return self._open(urllib.request.Request(url, data=body, method="POST"))

    def _open(self, request) -> tuple[int, str]:
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")

    def final_url(self, url: str) -> str:
        with self.opener.open(urllib.request.Request(url), timeout=60) as response:
            return response.url


@pytest.fixture
def two_processes(transactional_db):
    database_url, shared_redis = test_database_url(), redis_url()
    restore_default_site()  # an earlier transactional test may have emptied the database
    with (
        web_process(database_url=database_url, redis_url=shared_redis) as first,
        web_process(database_url=database_url, redis_url=shared_redis) as second,
    ):
        assert first != second
        yield first, second


def test_a_session_begun_on_one_process_works_on_the_other(two_processes):
    first, second = two_processes
    learner = UserFactory(first_name="Elena", last_name="Marinescu")
    browser = Browser()

    # Before signing in, the other process sends the browser to the sign-in page.
    assert "/accounts/login/" in browser.final_url(f"{second}/en/learning/")

    browser.get(f"{first}/en/accounts/login/")
    status, page = browser.post(
        f"{first}/en/accounts/login/", {"login": learner.email, "password": PASSWORD}
    )
    assert status == 200 and "You are logged in as Elena Marinescu." in text(page)

    assert browser.final_url(f"{second}/en/learning/") == f"{second}/en/learning/"
    status, page = browser.get(f"{second}/en/learning/")
    assert status == 200 and "Log out" in text(page)

    # Signing out on the second ends the session on the first too.
    browser.post(f"{second}/en/accounts/logout/", {})
    assert "/accounts/login/" in browser.final_url(f"{first}/en/learning/")


def text(page: str) -> str:
    """What a reader sees of the page: its words, without markup."""
    return " ".join(re.sub(r"<[^>]+>", " ", page).split())


def unknown_code() -> str:
    return "".join(secrets.choice(BASE32) for _ in range(32))


def test_a_rate_limit_counted_on_one_process_applies_on_the_other(two_processes):
    first, second = two_processes
    browser = Browser()
    # Five unknown certificate codes from one address in five minutes are answered; the
    # sixth is refused (CERTIFICATE_CODE_RATE_LIMITS), wherever each one was asked.
    answers = [
        browser.get(f"{process}/en/verify/{unknown_code()}/")[0]
        for process in (first, second, first, second, first)
    ]
    assert answers == [404] * 5
    assert browser.get(f"{second}/en/verify/{unknown_code()}/")[0] == 429
    assert browser.get(f"{first}/en/verify/{unknown_code()}/")[0] == 429


def test_what_one_process_changes_the_other_shows(two_processes):
    first, second = two_processes
    tree = build_course(modules=1, lessons_per_module=2, slug="leaving-care")
    learner = UserFactory(first_name="Elena", last_name="Marinescu")
    browser = Browser()
    browser.get(f"{first}/en/accounts/login/")
    browser.post(f"{first}/en/accounts/login/", {"login": learner.email, "password": PASSWORD})
    course_url = tree.course.url

    # Both processes show the course before enrolment (and may keep what they drew).
    for process in (first, second):
        status, page = browser.get(f"{process}{course_url}")
        assert status == 200 and "done" not in page

    browser.post(f"{first}/en/learning/courses/{tree.course.pk}/enrol/", {})
    status, page = browser.get(f"{second}{course_url}")
    assert "0/2 done" in page

    browser.post(f"{second}/en/learning/lessons/{tree.lessons[0].pk}/complete/", {})
    assert "1/2 done" in browser.get(f"{first}{course_url}")[1]
    assert "1/2 done" in browser.get(f"{second}{course_url}")[1]

    browser.post(f"{first}/en/learning/lessons/{tree.lessons[1].pk}/complete/", {})
    for process in (second, first):
        assert "You have completed this course." in browser.get(f"{process}{course_url}")[1]
