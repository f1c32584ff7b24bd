"""A trainer marks attendance with no signal; the marks arrive, once, when it returns.

Called from the one transactional browser test (see test_phone_layout.py).
"""

from __future__ import annotations

import datetime

from courses import services
from courses.models import Attendance
from tests.browser.helpers import PHONE, assert_fits, log_in, trainer_with_cohort, wait_until


def attendance_is_kept_offline_and_sent_once(browser, live_server, course_tree):
    trainer, cohort = trainer_with_cohort(
        course_tree.course, "ToT Plovdiv", "bg", ("Ана", "Борис", "Y-07")
    )
    session = services.session_create(
        cohort, starts_at=datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC), place="Plovdiv"
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
    assert page.evaluate("() => Object.keys(localStorage).length") == 1
    assert Attendance.objects.count() == 0

    context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    queued = "() => Object.keys(localStorage).length"
    wait_until(page, lambda: page.evaluate(queued) == 0, "the queued marks to be sent")
    assert page.evaluate(queued) == 0
    page.evaluate("window.dispatchEvent(new Event('online'))")  # a second flush sends nothing
    assert Attendance.objects.filter(session=session, status="present").count() == 3
    assert_fits(page, f"{live_server.url}/en/learning/training/", "trainer-home")
    assert "Cohorts in your cascade" in page.content()
    assert_fits(page, f"{live_server.url}/en/learning/training/cohorts/{cohort.pk}/", "cohort")
    context.close()
