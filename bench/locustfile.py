"""Learners, trainers, a coordinator and National Steering Group members on the site at once.

    .venv/bin/python bench/load.py      # starts the services and the site, runs this, reports

or against a site whose database holds the plan's accounts (bench/load_world.py):

    LOAD_PLAN=plan.json .venv/bin/locust -f bench/locustfile.py --headless \\
        --users 30 --run-time 60s --host http://127.0.0.1:8000

Who does what (bench/load_plan.py names the pages their requests are counted under):

- learners sign in, read lessons, answer a lesson's knowledge check, mark lessons
  complete and open My learning;
- trainers sign in, open their home and cohort pages and mark a session's attendance
  (each trainer a cohort of their own), then find the marks they made on the page;
- a coordinator signs in with an authenticator code, asks for all of a completed
  cohort's certificates at once and follows the run's progress until the worker
  has finished it (and downloads the zip where the plan says the site can serve it);
- National Steering Group members sign in with an authenticator code and open
  their country's dashboard.

A request counts as failed when the page does not show what the person came for
(the lesson's title, their result, "Attendance saved.", a run finished with
every certificate, their country's figures), not only on an error status.

With LOAD_RESULTS set, the figures of every page (requests, failures, p50, p95,
p99 and the longest, in milliseconds) and the errors are written there as JSON
once the users have stopped, those who finished their task after the time was up
included.
"""

from __future__ import annotations

import html
import itertools
import json
import os
import random
import re
import sys
import time
from pathlib import Path

from locust import HttpUser, between, events, task
from locust.exception import StopUser

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.load_plan import LoadPlan, totp_code  # noqa: E402

PLAN = LoadPlan.load(Path(os.environ.get("LOAD_PLAN", "load-plan.json")))
PREFIX = f"/{PLAN.language}"
# How long a coordinator follows one certificate run before calling it stuck.
RUN_PATIENCE_SECONDS = float(os.environ.get("LOAD_RUN_PATIENCE_SECONDS", "120"))

CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
INPUT = re.compile(r"<input\b[^>]*>")
ATTRIBUTE = re.compile(r'([\w-]+)(?:="([^"]*)")?')
FORM = re.compile(r'<form method="post" action="([^"]+)"[^>]*>(.*?)</form>', re.S)
PROGRESS_URL = re.compile(r'data-progress-url="([^"]+)"')

_learners = itertools.cycle(PLAN.learners)
_trainers = itertools.cycle(PLAN.trainers)
_coordinators = itertools.cycle(PLAN.coordinators)
_nsg_members = itertools.cycle(PLAN.nsg_members)


def csrf_token(text: str) -> str:
    match = CSRF_TOKEN.search(text)
    return match.group(1) if match else ""


def inputs(form_html: str) -> list[dict[str, str]]:
    """The attributes of each <input> in a piece of HTML (values unescaped)."""
    found = []
    for tag in INPUT.findall(form_html):
        attributes = {
            name: html.unescape(value or "") for name, value in ATTRIBUTE.findall(tag[6:-1])
        }
        found.append(attributes)
    return found


def form_posting_to(text: str, action_part: str) -> tuple[str, str] | None:
    """(action, inner HTML) of the first POST form whose action contains `action_part`."""
    for action, inner in FORM.findall(text):
        if action_part in action:
            return html.unescape(action), inner
    return None


@events.quitting.add_listener
def write_results(environment, **kwargs) -> None:
    """Each page's figures and the errors, as JSON in LOAD_RESULTS (when it is set)."""
    target = os.environ.get("LOAD_RESULTS")
    if not target:
        return

    def figures(entry) -> dict:
        return {
            "method": entry.method or "",
            "name": entry.name,
            "requests": entry.num_requests,
            "failures": entry.num_failures,
            "p50": entry.get_response_time_percentile(0.50),
            "p95": entry.get_response_time_percentile(0.95),
            "p99": entry.get_response_time_percentile(0.99),
            "maximum": entry.max_response_time,
        }

    stats = environment.stats
    errors = [
        f"{error.method} {error.name}: {error.error} ({error.occurrences} times)"
        for error in stats.errors.values()
    ]
    errors += [
        f"exception: {row['msg']} ({row['count']} times)\n{row['traceback']}"
        for row in environment.runner.exceptions.values()
    ]
    results = {
        "pages": [figures(entry) for _, entry in sorted(stats.entries.items())],
        "total": figures(stats.total),
        "errors": errors,
    }
    Path(target).write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")


class PlatformUser(HttpUser):
    abstract = True

    def sign_in(self, email: str, authenticator_secret: str = "") -> None:
        """Sign in through the login page, with the authenticator's code when staff."""
        login = f"{PREFIX}/accounts/login/"
        with self.client.get(login, name="sign in: form", catch_response=True) as response:
            token = csrf_token(response.text)
            if not token:
                response.failure("no sign-in form")
                raise StopUser
        data = {"login": email, "password": PLAN.password, "csrfmiddlewaretoken": token}
        with self.client.post(login, data, name="sign in", catch_response=True) as response:
            if authenticator_secret:
                if "/2fa/authenticate/" not in response.url:
                    response.failure(f"{email}: not asked for a code ({response.url})")
                    raise StopUser
            elif not self._signed_in(response):
                response.failure(f"{email}: not signed in ({response.url})")
                raise StopUser
        if authenticator_secret:
            self.type_authenticator_code(email, authenticator_secret, response)

    def type_authenticator_code(self, email: str, secret: str, form_page) -> None:
        """Type the app's current code; once more with the next code if it changed on the way.

        A code is good for its 30 seconds only (allauth's default, no tolerance), and a
        busy site may take a while to read it: like a person who sees the countdown nearly
        over, wait for the next code then, and type the new one if the old was refused.
        """
        name = "sign in: authenticator code"
        for attempt in range(3):
            left = 30 - time.time() % 30
            if left < 5:
                time.sleep(left + 0.2)
            data = {"code": totp_code(secret), "csrfmiddlewaretoken": csrf_token(form_page.text)}
            with self.client.post(form_page.url, data, name=name, catch_response=True) as answer:
                if self._signed_in(answer):
                    return
                if attempt < 2 and "/2fa/authenticate/" in answer.url:
                    # Refused: the code ran out on its way. Counted apart, not as an error.
                    answer.request_meta["name"] = f"{name}: ran out on the way"
                    form_page = answer
                    continue
                answer.failure(f"{email}: the authenticator code was refused")
                raise StopUser

    @staticmethod
    def _signed_in(response) -> bool:
        return response.ok and f"{PREFIX}/accounts/logout/" in response.text

    def post_form(self, url: str, data, *, name: str, page_text: str):
        """POST `data` with the CSRF token of the page the form was on."""
        fields = list(data.items()) if isinstance(data, dict) else list(data)
        fields.append(("csrfmiddlewaretoken", csrf_token(page_text)))
        return self.client.post(url, fields, name=name, catch_response=True)


class Learner(PlatformUser):
    weight = 1  # everyone the fixed counts below leave
    wait_time = between(1, 3)

    def on_start(self) -> None:
        self.sign_in(next(_learners))
        self.completed: set[int] = set()
        self.my_learning()

    def open_lesson(self, lesson, *, with_form: str = "") -> str | None:
        """The lesson's page, if it shows the lesson (and a form posting to `with_form`)."""
        with self.client.get(lesson.path, name="lesson", catch_response=True) as response:
            if html.escape(lesson.title) not in response.text:
                response.failure(f"lesson {lesson.path} does not show its title")
                return None
            if with_form and form_posting_to(response.text, with_form) is None:
                response.failure(f"lesson {lesson.path} has no form for {with_form}")
                return None
            return response.text

    @task(3)
    def study_a_lesson(self) -> None:
        """A lesson not completed yet: read it, answer its knowledge check, mark it complete."""
        left = [lesson for lesson in PLAN.lessons if lesson.page_id not in self.completed]
        lesson = random.choice(left or PLAN.lessons)
        # A knowledge check with no limit on attempts always offers its form.
        check = f"/assessments/{lesson.knowledge_check}/" if lesson.knowledge_check else ""
        text = self.open_lesson(lesson, with_form=check)
        if text is None:
            return
        if check:
            self.answer(text, check)
        url = f"{PREFIX}/learning/lessons/{lesson.page_id}/complete/"
        if form_posting_to(text, url) is None:  # completed before (a run on the same database)
            self.completed.add(lesson.page_id)
            return
        with self.post_form(
            url, {"next": lesson.path}, name="lesson: mark complete", page_text=text
        ) as response:
            if "You have completed this lesson." not in response.text:
                response.failure("the lesson is not shown as completed")
                return
        self.completed.add(lesson.page_id)

    def answer(self, lesson_text: str, check: str) -> None:
        """Answer the lesson's knowledge check (any answers) and see the result."""
        action, inner = form_posting_to(lesson_text, check)
        fields, choices = [], {}
        for field in inputs(inner):
            if field.get("type") in ("radio", "checkbox"):
                choices.setdefault((field["type"], field["name"]), []).append(field["value"])
            elif field.get("name") and field.get("name") != "csrfmiddlewaretoken":
                fields.append((field["name"], field.get("value", "")))
        for (kind, name), values in choices.items():
            picked = random.sample(values, random.randint(1, len(values)))
            fields.extend((name, value) for value in (picked if kind == "checkbox" else picked[:1]))
        with self.post_form(
            action, fields, name="knowledge check: answer", page_text=lesson_text
        ) as response:
            answered = "/assessments/attempts/" in response.url
            if not answered or 'class="result"' not in response.text:
                response.failure(f"no result after answering ({response.status_code})")

    @task(2)
    def read_a_lesson(self) -> None:
        self.open_lesson(random.choice(PLAN.lessons))

    @task(1)
    def my_learning(self) -> None:
        with self.client.get(
            f"{PREFIX}/learning/", name="my learning", catch_response=True
        ) as response:
            if html.escape(PLAN.notes.get("course_title", "")) not in response.text:
                response.failure("My learning does not show the course")


class Trainer(PlatformUser):
    fixed_count = min(2, len(PLAN.trainers))
    wait_time = between(2, 4)

    def on_start(self) -> None:
        self.account = next(_trainers)
        self.sign_in(self.account.email)
        self.cohort_url = f"{PREFIX}/learning/training/cohorts/{self.account.cohort_id}/"
        self.marks: dict[int, dict[str, str]] = {}  # what this trainer last marked, by session

    @task
    def mark_attendance(self) -> None:
        """Home, the cohort, a session's attendance: find the marks last made, mark again."""
        with self.client.get(
            f"{PREFIX}/learning/training/", name="trainer home", catch_response=True
        ) as response:
            if self.cohort_url not in response.text:
                response.failure("the trainer's home does not list their cohort")
                return
        with self.client.get(self.cohort_url, name="cohort", catch_response=True) as response:
            if "/attendance/" not in response.text:
                response.failure("the cohort page offers no attendance")
                return
        session_id = random.choice(self.account.session_ids)
        url = f"{self.cohort_url}sessions/{session_id}/attendance/"
        with self.client.get(url, name="attendance", catch_response=True) as response:
            text = response.text
            radios = [field for field in inputs(text) if field.get("type") == "radio"]
            members = sorted({field["name"] for field in radios})
            shown = {field["name"]: field["value"] for field in radios if "checked" in field}
            if not members:
                response.failure("the attendance page lists nobody")
                return
            if self.marks.get(session_id, shown) != shown:
                response.failure("the attendance page does not show the marks last made")
                return
        statuses = ("present", "present", "absent", "excused")
        marks = {name: random.choice(statuses) for name in members}
        with self.post_form(url, marks, name="attendance: mark", page_text=text) as response:
            if "Attendance saved." not in response.text:
                response.failure(f"attendance not saved ({response.status_code})")
                return
        self.marks[session_id] = marks


class Coordinator(PlatformUser):
    fixed_count = min(1, len(PLAN.coordinators))
    wait_time = between(2, 4)

    def on_start(self) -> None:
        account = next(_coordinators)
        self.sign_in(account.email, account.authenticator_secret)
        self.cohorts = itertools.cycle(account.cohort_ids)

    @task
    def issue_all_certificates(self) -> None:
        page = f"{PREFIX}/learning/training/cohorts/{next(self.cohorts)}/certificates/"
        with self.client.get(page, name="cohort certificates", catch_response=True) as response:
            text = response.text
            if "/certificates/runs/" not in text:
                response.failure("no way to issue the cohort's certificates")
                return
        if form_posting_to(text, "/certificates/runs/") is not None:  # no run going: start one
            with self.post_form(
                f"{page}runs/", {}, name="certificates: issue all", page_text=text
            ) as response:
                if "The certificates are being issued." not in response.text:
                    response.failure("the run did not start")
                    return
                text = response.text
        match = PROGRESS_URL.search(text)
        if match is None:
            return
        self.follow_run(html.unescape(match.group(1)))

    def follow_run(self, progress_url: str) -> None:
        """Poll the run's progress as the page's progress bar does, until it is finished."""
        started = time.monotonic()
        while True:
            with self.client.get(
                progress_url, name="certificates: run progress", catch_response=True
            ) as response:
                try:
                    progress = response.json()
                except ValueError:
                    response.failure("the run's progress is not JSON")
                    return
                if progress["finished"]:
                    if progress["failed"] or progress["done"] != progress["total"]:
                        response.failure(f"the run finished incomplete: {progress}")
                        return
                    break
                if time.monotonic() - started > RUN_PATIENCE_SECONDS:
                    response.failure(f"the run is still going after {RUN_PATIENCE_SECONDS:.0f}s")
                    return
            time.sleep(1)
        if PLAN.download_archives and progress["archive_url"]:
            with self.client.get(
                progress["archive_url"], name="certificates: zip", catch_response=True
            ) as response:
                if not response.content.startswith(b"PK"):
                    response.failure("the zip of the run's certificates is not a zip")


class NSGMember(PlatformUser):
    fixed_count = min(3, len(PLAN.nsg_members))
    wait_time = between(2, 4)

    def on_start(self) -> None:
        self.account = next(_nsg_members)
        self.sign_in(self.account.email, self.account.authenticator_secret)

    @task
    def dashboard(self) -> None:
        # /monitoring/ sends a member of one country's group to that country's dashboard.
        with self.client.get(
            f"{PREFIX}/monitoring/", name="dashboard", catch_response=True
        ) as response:
            if html.escape(self.account.country_name) not in response.text or (
                "<table" not in response.text
            ):
                response.failure(f"the dashboard does not show {self.account.country_name}")
