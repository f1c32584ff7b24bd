"""A trainer's session ends (idle timeout) while marks wait offline: they are kept, and sent
once the trainer signs in again, not lost to the sign-in page."""

import datetime

from django.contrib.sessions.models import Session

from courses.models import Attendance, Cohort, CohortMembership, CohortSession, CohortTrainer
from tests.browser.helpers import PHONE, log_in, wait_until
from tests.factories import UserFactory, country, organisation, participant


def marks_kept_when_the_session_ends(browser, live_server, course_tree) -> None:
    trainer = UserFactory(first_name="Petya", last_name="Koleva")
    cohort = Cohort.objects.create(
        name="Training Plovdiv",
        course=course_tree.course,
        kind=Cohort.Kind.NATIONAL_TRAINING,
        country=country(),
        language="bg",
        host_organisation=organisation(),
        starts_on=datetime.date(2026, 3, 2),
        ends_on=datetime.date(2026, 3, 6),
    )
    CohortTrainer.objects.create(
        cohort=cohort, participant=participant("Petya Koleva", user=trainer)
    )
    for name in ("Ана", "Борис"):
        CohortMembership.objects.create(cohort=cohort, participant=participant(name))
    session = CohortSession.objects.create(
        cohort=cohort, starts_at=datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC), place="X"
    )
    url = (
        f"{live_server.url}/en/learning/training/cohorts/{cohort.pk}"
        f"/sessions/{session.pk}/attendance/"
    )
    context = browser.new_context(**PHONE)
    page = context.new_page()
    log_in(page, live_server, trainer.email)
    page.goto(url)

    context.set_offline(True)
    for radio in page.locator("input[value=present]").all():
        radio.check()
    page.get_by_role("button", name="Save attendance").tap()
    page.locator(".offline-status").wait_for(state="visible")
    queued = "() => Object.keys(localStorage).length"
    assert page.evaluate(queued) == 1

    # Meanwhile the session ends on the server, as after the idle timeout.
    for stored in Session.objects.all():
        if stored.get_decoded().get("_auth_user_id") == str(trainer.pk):
            stored.delete()
    context.set_offline(False)
    with page.expect_response(lambda response: "/accounts/login/" in response.url):
        page.evaluate("window.dispatchEvent(new Event('online'))")
    page.wait_for_timeout(300)
    assert page.evaluate(queued) == 1  # the sign-in page is not taken for "saved"
    assert Attendance.objects.filter(session=session).count() == 0

    # Signed in again (a new session, a new CSRF token), the page sends the kept marks.
    log_in(page, live_server, trainer.email)
    page.goto(url)
    wait_until(page, lambda: page.evaluate(queued) == 0, "the kept marks to be sent")
    assert Attendance.objects.filter(session=session, status="present").count() == 2
    context.close()
