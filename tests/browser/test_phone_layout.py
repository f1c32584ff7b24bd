"""Every page works on a 360 px wide phone: nothing runs off the side, buttons can be tapped."""

from pathlib import Path

import pytest

from tests.browser.assessments_flow import assessments_fit_a_phone
from tests.browser.h5p_flow import h5p_activity_is_played_and_recorded
from tests.factories import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCREENSHOTS = Path(__file__).resolve().parents[2] / ".tmp" / "screenshots"


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


def test_every_page_fits_a_phone_and_works_by_tapping(
    browser, phone, live_server, learner, course_tree, settings, tmp_path
):
    # One test: each transactional test empties the database afterwards.
    base = live_server.url
    assert_fits(phone, f"{base}/en/", "home")
    assert_fits(phone, f"{base}{course_tree.course.url}", "course")
    assert_fits(phone, f"{base}{course_tree.modules[0].url}", "module")
    assert_fits(phone, f"{base}/bg/accounts/signup/", "signup-bg")
    assert_fits(phone, f"{base}/en/accounts/login/", "login")

    log_in(phone, live_server, learner.email)
    assert_fits(phone, f"{base}{course_tree.lessons[0].url}", "lesson")
    phone.get_by_role("button", name="Mark as complete").tap()
    phone.wait_for_url(f"{base}{course_tree.lessons[1].url}")
    assert_fits(phone, f"{base}/en/learning/", "my-learning")
    assert "1 of 6 required lessons done" in phone.content()

    attendance_is_kept_offline_and_sent_once(browser, live_server, course_tree)

    assessments_fit_a_phone(browser, live_server, course_tree.course, log_in, assert_fits)

    settings.H5P_ROOT = tmp_path / "h5p"
    h5p_activity_is_played_and_recorded(browser, live_server, course_tree.lessons[2], learner)


def attendance_is_kept_offline_and_sent_once(browser, live_server, course_tree):
    """A trainer marks attendance with no signal; the marks arrive, once, when it returns."""
    import datetime

    from courses import services
    from courses.models import Attendance, Cohort
    from tests.factories import UserFactory, country, organisation, participant

    trainer = UserFactory(first_name="Petya", last_name="Koleva")
    cohort = services.cohort_create(
        name="ToT Plovdiv",
        course=course_tree.course,
        kind=Cohort.Kind.INTERNATIONAL_TOT,
        country=country(),
        language="bg",
        host_organisation=organisation(),
        lead_trainer=services.participant_for_user(trainer, country()),
        starts_on=datetime.date(2026, 3, 2),
        ends_on=datetime.date(2026, 3, 6),
    )
    for name in ("Ана", "Борис", "Y-07"):
        services.cohort_add_member(cohort, participant(name))
    session = services.session_create(
        cohort, starts_at=datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC), place="Plovdiv"
    )
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True)
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
    # Polled from here: the page's Content Security Policy forbids evaluating strings.
    for _ in range(100):
        if page.evaluate("() => Object.keys(localStorage).length") == 0:
            break
        page.wait_for_timeout(100)
    assert page.evaluate("() => Object.keys(localStorage).length") == 0
    page.evaluate("window.dispatchEvent(new Event('online'))")  # a second flush sends nothing
    assert Attendance.objects.filter(session=session, status="present").count() == 3
    assert_fits(page, f"{live_server.url}/en/learning/training/", "trainer-home")
    assert "Cohorts in your cascade" in page.content()
    assert_fits(page, f"{live_server.url}/en/learning/training/cohorts/{cohort.pk}/", "cohort")
    context.close()
