"""A trainer marks attendance with no signal; the marks arrive, once, when it returns.

Marks the server refuses (a session that has not started) leave the queue and the
trainer reads why; marks sent with a stale sign-in stay until the page is reloaded.
Called from the one transactional browser test (see test_phone_layout.py).
"""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit

from playwright.sync_api import expect

from courses import services
from courses.models import Attendance
from tests.browser.helpers import (
    PHONE,
    assert_fits,
    log_in,
    posts_sent,
    trainer_with_cohort,
    wait_until,
)
from tests.factories import coordinator

QUEUED = "() => Object.keys(localStorage).length"
KEPT_BY_THIS_READER = """() => {
  const form = document.querySelector("form[data-offline-queue]");
  const item = JSON.parse(localStorage.getItem("attendance-queue:" + form.dataset.offlineQueue));
  return item.reader === form.dataset.reader && item.entries.length > 0;
}"""
# Marks kept on this phone from another trainer's page (a shared phone): all "absent".
ANOTHER_TRAINERS_MARKS = """() => {
  const form = document.querySelector("form[data-offline-queue]");
  const entries = Array.from(new FormData(form).entries()).map(
    ([name, value]) => [name, name.startsWith("member_") ? "absent" : value]
  );
  const item = { reader: "0123456789abcdef0123", entries: entries };
  localStorage.setItem("attendance-queue:" + form.dataset.offlineQueue, JSON.stringify(item));
}"""

# Marks as the page kept them before they carried a tag: the first member absent.
UNTAGGED_MARKS = """() => {
  const form = document.querySelector("form[data-offline-queue]");
  let first = true;
  const entries = Array.from(new FormData(form).entries()).map(([name, value]) => {
    if (name === "marked_at") return [name, new Date().toISOString()];
    if (!name.startsWith("member_")) return [name, value];
    const status = first ? "absent" : "present";
    first = false;
    return [name, status];
  });
  localStorage.setItem("attendance-queue:" + form.dataset.offlineQueue, JSON.stringify(entries));
}"""


def attendance_is_kept_offline_and_sent_once(browser, live_server, course_tree):
    trainer, cohort = trainer_with_cohort(
        course_tree.course, "ToT Plovdiv", "bg", ("Ана", "Борис", "Y-07")
    )
    session = services.session_create(
        cohort,
        starts_at=datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC),
        place="Plovdiv",
        created_by=coordinator(),
    )
    # Far ahead of any day this test runs on: it has not started. A session starts
    # within its cohort's dates, so the cohort runs until then.
    cohort = services.cohort_settings_change(
        cohort, changed_by=trainer, ends_on=datetime.date(2099, 3, 6)
    )
    not_started = services.session_create(
        cohort,
        starts_at=datetime.datetime(2099, 3, 4, 9, tzinfo=datetime.UTC),
        place="Plovdiv",
        created_by=trainer,
    )
    context = browser.new_context(**PHONE)
    page = context.new_page()
    log_in(page, live_server, trainer.email)
    url = f"{live_server.url}/en/learning/training/cohorts/{cohort.pk}/sessions/{session.pk}/attendance/"
    assert_fits(page, url, "attendance")

    context.set_offline(True)
    for radio in page.locator("input[value=present]").all():
        radio.check()
    page.get_by_role("button", name="Save attendance").tap()
    page.locator(".offline-status").wait_for(state="visible")
    assert page.evaluate(QUEUED) == 1
    assert page.evaluate(KEPT_BY_THIS_READER)  # the marks carry whose page they were made on
    assert Attendance.objects.count() == 0

    with posts_sent(page) as posts:
        context.set_offline(False)
        page.evaluate("window.dispatchEvent(new Event('online'))")
        wait_until(page, lambda: page.evaluate(QUEUED) == 0, "the queued marks to be sent")
        expect(page.locator(".attendance-saved")).to_have_text("Attendance saved.")  # said here
        sent = list(posts)
        page.evaluate("window.dispatchEvent(new Event('online'))")  # a second flush sends nothing
        page.wait_for_timeout(300)
    assert sent == [urlsplit(url).path], sent  # once: the server would count a repeat once
    assert posts == sent
    assert Attendance.objects.filter(session=session, status="present").count() == 3
    another_trainers_marks_are_dropped_unsent(page, session)
    untagged_marks_kept_before_tags_are_sent_from_this_page(page, session)

    refused_marks_leave_the_queue_with_the_reason(page, context, live_server, cohort, not_started)
    marks_kept_when_the_sign_in_ended_go_after_signing_in(
        page, context, live_server, url, session, trainer.email
    )
    assert_fits(page, f"{live_server.url}/en/learning/training/", "trainer-home")
    assert "Cohorts in your cascade" in page.content()
    assert_fits(page, f"{live_server.url}/en/learning/training/cohorts/{cohort.pk}/", "cohort")
    context.close()


def another_trainers_marks_are_dropped_unsent(page, session):
    page.evaluate(ANOTHER_TRAINERS_MARKS)
    with posts_sent(page) as posts:
        page.reload()
        wait_until(page, lambda: page.evaluate(QUEUED) == 0, "another trainer's marks dropped")
        page.wait_for_timeout(300)
    assert posts == []  # never sent under this trainer's sign-in
    assert Attendance.objects.filter(session=session, status="present").count() == 3


def untagged_marks_kept_before_tags_are_sent_from_this_page(page, session):
    """Marks kept by the page before marks carried a tag: a plain list of the form's entries,
    the first member absent. They were made on this session's page, so they are sent."""
    page.evaluate(UNTAGGED_MARKS)
    page.reload()
    wait_until(page, lambda: page.evaluate(QUEUED) == 0, "the untagged marks to be sent")
    wait_until(
        page,
        lambda: Attendance.objects.filter(session=session, status="absent").count() == 1,
        "the first member to be marked absent",
    )
    assert Attendance.objects.filter(session=session, status="present").count() == 2


def refused_marks_leave_the_queue_with_the_reason(page, context, live_server, cohort, session):
    url = f"{live_server.url}/en/learning/training/cohorts/{cohort.pk}/sessions/{session.pk}/attendance/"
    page.goto(url)
    context.set_offline(True)
    page.locator("input[value=present]").first.check()
    page.get_by_role("button", name="Save attendance").tap()
    page.locator(".offline-status").wait_for(state="visible")
    assert page.evaluate(QUEUED) == 1

    with posts_sent(page) as posts:
        context.set_offline(False)
        page.evaluate("window.dispatchEvent(new Event('online'))")
        expect(page.get_by_role("alert")).to_have_text(
            "The attendance was not saved. "
            "This session has not started yet; attendance is marked once it has."
        )
        assert page.evaluate(QUEUED) == 0  # not sent again and again
        expect(page.locator(".offline-status")).to_be_hidden()
        assert not Attendance.objects.filter(session=session).exists()
        sent = list(posts)
        page.reload()  # nothing is left to send
        page.wait_for_timeout(300)
    assert sent == [urlsplit(url).path] and posts == sent  # asked once, refused once
    assert page.evaluate(QUEUED) == 0
    assert not Attendance.objects.filter(session=session).exists()


def marks_kept_when_the_sign_in_ended_go_after_signing_in(
    page, context, live_server, url, session, email
):
    page.goto(url)
    context.set_offline(True)
    page.locator("fieldset").first.locator("input[value=present]").check()
    page.get_by_role("button", name="Save attendance").tap()
    page.locator(".offline-status").wait_for(state="visible")
    context.clear_cookies(name="sessionid")  # meanwhile the sign-in ends

    context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    expect(page.get_by_role("alert")).to_contain_text("Reload it and sign in again if asked")
    assert page.evaluate(QUEUED) == 1  # the trainer's work is kept
    assert Attendance.objects.filter(session=session, status="absent").count() == 1

    log_in(page, live_server, email)  # a new sign-in, a new CSRF token: the marks go with it
    page.goto(url)
    wait_until(page, lambda: page.evaluate(QUEUED) == 0, "the kept marks to be sent")
    assert Attendance.objects.filter(session=session, status="present").count() == 3
