"""A learner plays H5P activities in a lesson; the server records the attempt and the progress.

The platform's own content type, and a real exported H5P.TrueFalse package with its
whole dependency tree (FontAwesome-4.5, Drop-1.0, Tether-1.0, ...), uploaded by a
coordinator who may install library code. Called from the one transactional browser
test (see test_phone_layout.py).
"""

from __future__ import annotations

import io
import json

from django.contrib.auth.models import Permission

from assessments.models import Attempt, H5PContent, H5PLibrary, H5PUserState, XapiStatement
from assessments.services.h5p import h5p_content_store
from courses.models import LessonProgress
from tests.browser.axe import serious_violations, with_axe
from tests.browser.helpers import log_in, wait_until
from tests.factories import UserFactory, publish
from tests.factories import coordinator as make_coordinator
from tests.h5p_packages import TRUE_FALSE_LIBRARIES, build_package, package_files, real_package

ANSWER = "You, with the people who support you"
# Plain text with < and ": stored escaped once, shown as typed (never as markup).
QUOTED = 'Only the "social worker" <alone>'


def activity_frame(page, problems, selector: str = ".h5p-leaving-care-check"):
    """The frame (inside the sandboxed player) that shows the activity."""
    found = []

    def ready():
        found[:] = [frame for frame in page.frames if frame.query_selector(selector)]
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
    content_json = json.loads(package_files()["content/content.json"])
    content_json["answers"][0] = QUOTED
    package = build_package(extra={"content/content.json": json.dumps(content_json).encode()})
    libraries = h5p_content_store(content, package, user=installer)
    content.save()
    content.libraries.set(libraries)
    lesson.body.append(("h5p_activity", {"activity": content, "caption": ""}))
    publish(lesson)

    context = with_axe(browser.new_context(viewport={"width": 1024, "height": 900}))
    page = context.new_page()
    problems = watch(page)
    log_in(page, live_server, learner.email)
    page.goto(f"{live_server.url}{lesson.url}")
    player = page.locator("iframe.block-h5p__frame")
    assert player.get_attribute("sandbox") == "allow-scripts"
    player.scroll_into_view_if_needed()  # the player loads lazily, when it comes into view
    frame = activity_frame(page, problems)
    # The lesson with its player, and the activity inside it, pass axe-core.
    inaccessible = serious_violations(page, "the lesson around the player")
    inaccessible += serious_violations(frame, "the H5P player")
    assert inaccessible == [], "\n".join(inaccessible)

    # The activity's script runs in an opaque origin: it cannot reach the lesson page.
    reach = "() => { try { return window.top.document.cookie.length >= 0 } catch (e) { return 'blocked' } }"
    assert frame.evaluate(reach) == "blocked"
    assert frame.evaluate("() => typeof window.stolen") == "undefined"  # onerror= was removed
    # Author text is shown as text: the label typed with a script tag reads as typed, and
    # nothing in the activity is markup the author wrote.
    check = frame.get_by_role("button", name="Check <script>alert(1)</script>")
    assert check.count() == 1
    assert frame.locator(".h5p-leaving-care-check script, .h5p-leaving-care-check img").count() == 0
    labels = frame.locator(".h5p-leaving-care-check label").all_inner_texts()
    assert labels[0].strip() == QUOTED  # not &quot;social worker&quot; &lt;alone&gt;
    assert frame.locator(".h5p-leaving-care-check alone").count() == 0  # and not markup

    frame.get_by_label(ANSWER).check()
    check.click()
    wait_until(page, lambda: Attempt.objects.filter(source="h5p").exists(), "the attempt")
    attempt = Attempt.objects.get(source="h5p")
    result = (attempt.score, attempt.max_score, attempt.percent, attempt.passed)
    assert result == (1, 1, 100, True), (
        result,
        list(XapiStatement.objects.values("verb", "statement")),
    )
    assert attempt.participant.user == learner
    # "completed" follows "answered" in a request of its own: wait for it, then one attempt.
    wait_until(
        page,
        lambda: (
            set(XapiStatement.objects.values_list("verb", flat=True)) >= {"answered", "completed"}
        ),
        f"the completed statement ({problems})",
    )
    assert Attempt.objects.filter(source="h5p").count() == 1
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


def real_package_is_played_and_recorded(browser, live_server, lesson, learner):
    """A real exported H5P.TrueFalse: uploaded, placed in a lesson, answered, recorded."""
    data = real_package()  # skips, saying where it looked, where the shared folder is absent
    coordinator = make_coordinator(is_staff=True, first_name="Elena", last_name="Marinescu")
    coordinator.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["access_admin", "add_h5pcontent", "install_h5p_library"]
        )
    )
    content = H5PContent(title="")
    libraries = h5p_content_store(content, io.BytesIO(data), user=coordinator)
    content.save()
    content.libraries.set(libraries)
    assert {library.key for library in libraries} == TRUE_FALSE_LIBRARIES
    assert set(
        H5PLibrary.objects.filter(machine_name="FontAwesome").values_list("installed_by", flat=True)
    ) == {coordinator.pk}
    lesson.body.append(("h5p_activity", {"activity": content, "caption": ""}))
    publish(lesson)

    context = browser.new_context(viewport={"width": 1024, "height": 900})
    page = context.new_page()
    problems = watch(page)
    fonts: dict[str, tuple[int, str]] = {}
    page.on(
        "response",
        lambda response: (
            "/h5p/libraries/FontAwesome-4.5/fontawesome-webfont" in response.url
            and fonts.update({response.url: (response.status, response.headers["content-type"])})
        ),
    )
    log_in(page, live_server, learner.email)
    page.goto(f"{live_server.url}{lesson.url}")
    player = page.locator("iframe.block-h5p__frame")
    assert player.get_attribute("sandbox") == "allow-scripts"
    player.scroll_into_view_if_needed()
    frame = activity_frame(page, problems, ".h5p-true-false-answer")
    assert "Is this false?" in frame.inner_text(".h5p-true-false")
    # Its icon font (FontAwesome-4.5, a library folder without a dot) is served to the
    # sandboxed frame with its own type, and the browser accepts it.
    faces = frame.evaluate(
        "() => document.fonts.load('16px H5PFontAwesome4').then("
        "(found) => found.map((face) => face.status))"
    )
    assert faces == ["loaded"], (faces, problems)
    assert fonts and all(status == 200 for status, _type in fonts.values()), fonts
    assert {content_type for _status, content_type in fonts.values()} <= {
        "font/woff2",
        "font/woff",
        "font/ttf",
    }, fonts

    frame.get_by_role("radio", name="False").click()
    frame.get_by_role("button", name="Check").click()
    wait_until(
        page,
        lambda: Attempt.objects.filter(source="h5p", h5p_content=content).exists(),
        f"the attempt ({problems})",
    )
    attempt = Attempt.objects.get(source="h5p", h5p_content=content)
    assert (attempt.score, attempt.max_score, attempt.percent) == (1, 1, 100), list(
        XapiStatement.objects.filter(h5p_content=content).values("verb", "statement")
    )
    assert attempt.participant.user == learner
    assert "answered" in set(
        XapiStatement.objects.filter(h5p_content=content).values_list("verb", flat=True)
    )
    assert not [problem for problem in problems if problem.startswith(("4", "5", "error"))], (
        problems
    )
    context.close()
