"""A lesson read on a phone whose connection drops: the page stays readable, marked as the copy
kept on the phone; "Mark as complete" and a knowledge check's answers wait on the phone and
arrive once when the connection returns. A shared phone: what one person left waiting is never
sent under the next person's account, a session that ends forgets the kept pages, and so does
signing out; a copy older than 30 days is not shown."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from assessments.models import Attempt
from courses.models import LessonProgress
from tests.browser.helpers import PHONE, SCREENSHOTS, log_in, posts_sent, wait_until
from tests.factories import UserFactory, assessment, publish, question

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

QUEUED = "() => Object.keys(localStorage).filter(key => key.startsWith('offline-queue:')).length"
KEPT = (
    "() => caches.open('lesson-pages-v1').then(cache => cache.match(location.href)).then(Boolean)"
)
ANY_KEPT = "() => caches.has('lesson-pages-v1')"
# The copy of this page as if it had been kept 31 days ago.
AGED = """async () => {
  const cache = await caches.open('lesson-pages-v1');
  const copy = await cache.match(location.href);
  const headers = new Headers(copy.headers);
  headers.set('X-Offline-Saved', Date.now() - 31 * 864e5);
  await cache.put(location.href, new Response(await copy.text(), { headers }));
}"""
LOG_OUT = "form[action$='/accounts/logout/']"
# "Mark as complete" kept on the phone by this page's reader, as lesson-offline.js keeps it.
B_CLICK_KEPT = """() => {
  const form = document.querySelector("form[data-offline-form]");
  const item = {
    url: form.action,
    entries: Array.from(new FormData(form).entries()),
    reader: document.body.dataset.reader,
  };
  localStorage.setItem("offline-queue:complete:" + form.action, JSON.stringify(item));
}"""


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

    # Meanwhile the form's security token changed (as at each sign-in): the copy's is stale.
    fresh = {"name": "csrftoken", "value": "f" * 32, "url": live_server.url}
    context.add_cookies([fresh])
    with posts_sent(page) as posts:
        context.set_offline(False)
        page.evaluate("window.dispatchEvent(new Event('online'))")
        wait_until(page, lambda: page.evaluate(QUEUED) == 0, "the kept work to be sent")
        expect(page.get_by_text("Lesson marked as complete.")).to_be_visible()
        expect(page.get_by_text("Your answers were sent: 100% right.")).to_be_visible()
        sent = list(posts)
        page.evaluate("window.dispatchEvent(new Event('online'))")  # nothing is left to send
        page.wait_for_timeout(300)
    expect(page.get_by_role("link", name="See your answers")).to_be_visible()
    # One request for each piece of kept work, and none from the second flush.
    assert sorted(sent) == sorted(
        [
            reverse("courses:complete_lesson", args=[lesson.pk]),
            reverse("assessments:take", args=[check.pk]),
        ]
    )
    assert posts == sent
    assert completed.count() == 1
    assert answers.count() == 1 and answers.get().percent == 100

    # A shared phone. A marks the next lesson complete offline; that copy is old news after
    # 30 days; then A's session ends (idle timeout, expiry, a closed browser) unsent.
    second = course_tree.lessons[1]
    page.goto(f"{live_server.url}{second.url}")
    wait_until(page, lambda: page.evaluate(KEPT), "the next lesson to be kept")
    context.set_offline(True)
    page.reload()
    page.get_by_role("button", name="Mark as complete").tap()
    wait_until(page, lambda: page.evaluate(QUEUED) == 1, "A's click to wait on the phone")
    page.evaluate(AGED)
    page.reload()
    expect(page.get_by_text("this page is not saved on this device")).to_be_visible()
    context.clear_cookies()
    page.goto("about:blank")
    context.set_offline(False)
    # The next page is nobody's: the pages A kept are forgotten.
    page.goto(f"{live_server.url}/en/")
    wait_until(page, lambda: not page.evaluate(ANY_KEPT), "A's pages to be forgotten")
    assert page.evaluate(QUEUED) == 1  # A may still sign in again and send it

    # B signs in on the same phone: A's click is dropped, never sent, and B is told nothing.
    other = UserFactory(email="b@example.org")
    log_in(page, live_server, other.email)
    page.goto(f"{live_server.url}{second.url}")
    wait_until(page, lambda: page.evaluate(QUEUED) == 0, "A's click to be dropped")
    expect(page.locator("[data-offline-notice]")).to_be_hidden()
    expect(page.locator("[data-offline-status]")).to_have_count(0)
    done = LessonProgress.objects.filter(lesson=second, completed_at__isnull=False)
    assert not done.exists()

    # Logging out drops what B left waiting, and forgets the kept pages: the next person on
    # this phone finds neither.
    wait_until(page, lambda: page.evaluate(KEPT), "B's lesson to be kept")
    # B's click, kept as the page keeps it offline (planted: a click made under the browser's
    # offline emulation may be held, not refused, and sent later, which no phone does).
    page.evaluate(B_CLICK_KEPT)
    assert page.evaluate(QUEUED) == 1
    # Asking to log out drops nothing yet: offline, the logout may never reach the site (here
    # it never leaves the page; the button may sit in a closed menu on a phone).
    leaving = "() => localStorage.getItem('offline-queue-leaving')"
    ask_to_log_out = (
        "form => { form.addEventListener('submit', e => e.preventDefault(), { once: true });"
        " form.requestSubmit(); }"
    )
    page.locator(LOG_OUT).evaluate(ask_to_log_out)
    assert page.evaluate(QUEUED) == 1 and page.evaluate(leaving)
    # The next page is still B's (the logout did not go through): nothing is lost. (My
    # learning sends nothing itself: B's click waits for B's lesson page.)
    page.goto("about:blank")
    context.set_offline(False)
    page.goto(f"{live_server.url}/en/learning/")
    assert page.evaluate(QUEUED) == 1 and page.evaluate(leaving) is None
    # Asked again, and this time it goes through (the site ends the session): the next page
    # is nobody's, so what B left waiting is dropped, never sent.
    page.locator(LOG_OUT).evaluate(ask_to_log_out)
    context.clear_cookies()
    page.goto(f"{live_server.url}/en/")
    wait_until(page, lambda: page.evaluate(QUEUED) == 0, "B's click to be dropped at logout")
    wait_until(page, lambda: not page.evaluate(ANY_KEPT), "B's pages to be forgotten")
    assert not done.exists()
    context.close()
