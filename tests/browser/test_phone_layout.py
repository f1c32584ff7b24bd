"""Every page works on a 360 px wide phone: nothing runs off the side, buttons can be tapped."""

from pathlib import Path

import pytest

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


def test_every_page_fits_a_phone_and_works_by_tapping(phone, live_server, learner, course_tree):
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
