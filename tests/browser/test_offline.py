"""A lesson read on a phone whose connection drops: the page stays readable, marked as the copy
kept on the phone; "Mark as complete" and a knowledge check's answers wait on the phone and
arrive once when the connection returns; signing out forgets the kept pages."""

import pytest
from playwright.sync_api import expect

from assessments.models import Attempt
from courses.models import LessonProgress
from tests.browser.helpers import PHONE, SCREENSHOTS, log_in, wait_until
from tests.factories import assessment, publish, question

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

QUEUED = "() => Object.keys(localStorage).filter(key => key.startsWith('offline-queue:')).length"
KEPT = (
    "() => caches.open('lesson-pages-v1').then(cache => cache.match(location.href)).then(Boolean)"
)


def test_a_lesson_read_and_worked_on_offline(browser, live_server, learner, course_tree):
    item = question("single", "Which article?", [("Article 12", True), ("Article 3", False)])
    check = assessment("knowledge_check", [item], title="Before you go on", attempts_allowed=0)
    lesson = course_tree.lessons[0]
    lesson.body.append(("knowledge_check", {"assessment": check}))
    publish(lesson)
    url = f"{live_server.url}{lesson.url}"

    context = browser.new_context(**PHONE)
    page = context.new_page()
    log_in(page, live_server, learner.email)
    page.goto(url)
    wait_until(page, lambda: page.evaluate(KEPT), "the lesson to be kept on the phone")

    context.set_offline(True)
    page.reload()
    banner = page.locator("[data-offline-copy]")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("You are offline: this is the copy saved on ")
    assert "%(date)s" not in banner.inner_text()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lesson 1.1")
    expect(page.locator(".lesson-body")).to_contain_text("Care leavers want flexibility")

    # A page the phone has not kept: the learner is told, the lesson stays.
    page.get_by_role("link", name="Lesson 1.2 →").tap()
    expect(page.locator("[data-offline-notice]")).to_have_text(
        "You are offline, and this page is not saved on this device. "
        "It opens once you are back online."
    )
    assert page.url == url
    # Reached some other way (typed, from history), it says so too, not the browser's error.
    page.goto(f"{live_server.url}{course_tree.lessons[1].url}")
    expect(page.get_by_text("this page is not saved on this device")).to_be_visible()
    page.goto(url)

    page.get_by_role("button", name="Mark as complete").tap()
    page.get_by_label("Article 12").check()
    page.get_by_role("button", name="Check my answers").tap()
    waiting = page.get_by_text("Saved on this device: it will be sent when you are back online.")
    expect(waiting).to_have_count(2)
    assert page.evaluate(QUEUED) == 2
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "lesson-offline.png"), full_page=True)
    overflow = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    assert page.evaluate(overflow) <= 0
    completed = LessonProgress.objects.filter(
        user=learner, lesson=lesson, completed_at__isnull=False
    )
    answers = Attempt.objects.filter(participant__user=learner)
    assert not completed.exists() and not answers.exists()

    context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    wait_until(page, lambda: page.evaluate(QUEUED) == 0, "the kept work to be sent")
    page.evaluate("window.dispatchEvent(new Event('online'))")  # nothing is left to send
    expect(page.get_by_text("Lesson marked as complete.")).to_be_visible()
    expect(page.get_by_text("Your answers were sent: 100% right.")).to_be_visible()
    expect(page.get_by_role("link", name="See your answers")).to_be_visible()
    assert completed.count() == 1
    assert answers.count() == 1 and answers.get().percent == 100

    # Signing out forgets the kept pages: the next person on this phone finds none.
    page.reload()
    with page.expect_navigation():  # the button may sit in a closed menu on a phone
        page.locator("form[action$='/accounts/logout/']").evaluate("form => form.requestSubmit()")
    assert page.evaluate("() => caches.has('lesson-pages-v1')") is False
    context.close()
