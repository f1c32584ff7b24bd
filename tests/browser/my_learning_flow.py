"""A learner on a phone: their cohort's sessions and attendance, an invitation accepted by tapping.

Called from the one transactional browser test (see test_phone_layout.py).
"""

from __future__ import annotations

import datetime

from courses import services
from courses.models import CohortMembership
from tests.browser.helpers import PHONE, assert_fits, log_in
from tests.factories import UserFactory, at, clock, cohort_led_by, coordinator, make_trainer


def face_to_face_fits_a_phone(browser, live_server, course_tree):
    base = live_server.url
    planner = coordinator()
    trainer = make_trainer(first_name="Petya", last_name="Koleva")
    lead = services.participant_for_user(trainer)
    cohort = cohort_led_by(
        lead, course=course_tree.course, created_by=planner, name="ToT Sofia: leaving care"
    )
    day = datetime.date(2026, 3, 2)
    for offset, place in enumerate(("Sofia, Child Protection Agency, room 4", "Plovdiv")):
        session = services.session_create(
            cohort,
            starts_at=at(day + datetime.timedelta(days=offset)),
            place=place,
            created_by=planner,
        )
        session.modules.set(course_tree.modules)
    learner = UserFactory(email="ioana.phone@example.org", first_name="Ioana")
    services.cohort_join(cohort, learner)
    with clock(at(day, 17)):
        services.attendance_mark(
            cohort.sessions.first(),
            {services.participant_for_user(learner).pk: "present"},
            marked_by=trainer,
        )
    second = cohort_led_by(lead, course=course_tree.course, created_by=planner, name="ToT Varna")
    services.cohort_import_members(
        second,
        f"email,first_name,last_name\n{learner.email},Ioana,T.\n".encode(),
        "roster.csv",
        imported_by=trainer,
    )

    context = PHONE | {"locale": "en-GB"}
    page = browser.new_context(**context).new_page()
    log_in(page, live_server, learner.email)
    assert_fits(page, f"{base}/en/learning/", "my-learning-face-to-face")
    html = page.content()
    assert "Your attendance" in html and "Trainer: Petya Koleva" in html
    with page.expect_navigation(url=f"{base}/en/learning/"):
        page.get_by_role("button", name="Accept").tap()
    assert "You have joined “ToT Varna”." in page.content()
    assert CohortMembership.objects.filter(cohort=second, participant__user=learner).exists()
    assert_fits(page, f"{base}/en/learning/join/{cohort.invite_code}/", "join-schedule")
    page.context.close()
