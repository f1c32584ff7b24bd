"""Every page works on a 360 px wide phone: nothing runs off the side, buttons can be tapped."""

import pytest

from tests.browser.assessments_flow import assessments_fit_a_phone
from tests.browser.attendance_flow import attendance_is_kept_offline_and_sent_once
from tests.browser.certificates_flow import certificate_pages_fit_a_phone
from tests.browser.h5p_flow import (
    h5p_activity_is_played_and_recorded,
    real_package_is_played_and_recorded,
)
from tests.browser.helpers import assert_fits, log_in
from tests.browser.monitoring_flow import dashboard_fits_a_phone_and_downloads
from tests.browser.my_learning_flow import face_to_face_fits_a_phone
from tests.browser.session_end_flow import marks_kept_when_the_session_ends

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


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
    marks_kept_when_the_session_ends(browser, live_server, course_tree)

    face_to_face_fits_a_phone(browser, live_server, course_tree)

    assessments_fit_a_phone(browser, live_server, course_tree.course)

    certificate_pages_fit_a_phone(browser, live_server)

    dashboard_fits_a_phone_and_downloads(browser, live_server)

    settings.H5P_ROOT = tmp_path / "h5p"
    h5p_activity_is_played_and_recorded(browser, live_server, course_tree.lessons[2], learner)
    # Last: it skips (saying why) where the shared folder of real packages is absent.
    real_package_is_played_and_recorded(browser, live_server, course_tree.lessons[3], learner)
