"""A learner plays an H5P activity in a lesson; the server records the attempt and the progress.

Called from the one transactional browser test (see test_phone_layout.py).
"""

from __future__ import annotations

import json

from assessments.models import Attempt, H5PContent, H5PUserState, XapiStatement
from assessments.services.h5p import h5p_content_store
from courses.models import LessonProgress
from tests.browser.helpers import log_in, wait_until
from tests.factories import UserFactory, publish
from tests.h5p_packages import build_package

ANSWER = "You, with the people who support you"


def activity_frame(page, problems):
    """The frame (inside the sandboxed player) that shows the activity."""
    found = []

    def ready():
        found[:] = [
            frame for frame in page.frames if frame.query_selector(".h5p-leaving-care-check")
        ]
        return bool(found)

    wait_until(page, ready, f"the H5P activity to appear ({problems})")
    return found[0]


def watch(page) -> list[str]:
    """What went wrong in the browser, to say so when a wait fails."""
    problems: list[str] = []
    page.on("console", lambda message: problems.append(f"console {message.type}: {message.text}"))
    page.on("pageerror", lambda error: problems.append(f"error: {error}"))
    page.on(
        "response",
        lambda response: (
            response.status >= 400 and problems.append(f"{response.status} {response.url}")
        ),
    )
    return problems


def h5p_activity_is_played_and_recorded(browser, live_server, lesson, learner):
    installer = UserFactory(is_staff=True, is_superuser=True)
    content = H5PContent(title="")
    libraries = h5p_content_store(content, build_package(), user=installer)
    content.save()
    content.libraries.set(libraries)
    lesson.body.append(("h5p_activity", {"activity": content, "caption": ""}))
    publish(lesson)

    context = browser.new_context(viewport={"width": 1024, "height": 900})
    page = context.new_page()
    problems = watch(page)
    log_in(page, live_server, learner.email)
    page.goto(f"{live_server.url}{lesson.url}")
    player = page.locator("iframe.block-h5p__frame")
    assert player.get_attribute("sandbox") == "allow-scripts"
    player.scroll_into_view_if_needed()  # the player loads lazily, when it comes into view
    frame = activity_frame(page, problems)

    # The activity's script runs in an opaque origin: it cannot reach the lesson page.
    reach = "() => { try { return window.top.document.cookie.length >= 0 } catch (e) { return 'blocked' } }"
    assert frame.evaluate(reach) == "blocked"
    assert frame.evaluate("() => typeof window.stolen") == "undefined"  # onerror= was removed
    assert "<script>" not in frame.inner_text(".h5p-leaving-care-check")

    frame.get_by_label(ANSWER).check()
    frame.get_by_role("button", name="Check").click()
    wait_until(page, lambda: Attempt.objects.filter(source="h5p").exists(), "the attempt")
    attempt = Attempt.objects.get(source="h5p")
    result = (attempt.score, attempt.max_score, attempt.percent, attempt.passed)
    assert result == (1, 1, 100, True), (
        result,
        list(XapiStatement.objects.values("verb", "statement")),
    )
    assert attempt.participant.user == learner
    assert set(XapiStatement.objects.values_list("verb", flat=True)) >= {"answered", "completed"}
    wait_until(
        page,
        lambda: LessonProgress.objects.filter(
            user=learner, lesson_key=lesson.translation_key, completed_at__isnull=False
        ).exists(),
        "the lesson to be completed",
    )
    page.get_by_text("Your result was saved.").wait_for()

    # Where the learner left it comes back when they return.
    # H5P core saves it itself, a few seconds after the last change.
    wait_until(
        page,
        lambda: H5PUserState.objects.filter(user=learner).exists(),
        f"saved state ({problems})",
        tries=200,
    )
    assert json.loads(H5PUserState.objects.get(user=learner).state) == {"chosen": 1}
    page.reload()
    page.locator("iframe.block-h5p__frame").scroll_into_view_if_needed()
    frame = activity_frame(page, problems)
    assert frame.get_by_label(ANSWER).is_checked()
    assert "Your last result: 100%." in page.content()
    context.close()
