"""Reading offline: a module downloaded as one zip, lesson pages kept by the service worker,
and progress and answers sent again from a phone's queue counted once."""

from __future__ import annotations

import io
import re
import time
import zipfile
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import PageViewRestriction

from accounts.middleware import LAST_ACTIVITY_KEY
from assessments.models import Attempt
from cms.demo.loader import translate_page
from courses.models import Enrolment, LessonProgress
from tests.cms.test_languages import BULGARIAN
from tests.factories import (
    UserFactory,
    assessment,
    home_page,
    lesson_body,
    locale,
    make_trainer,
    option_id,
    publish,
    question,
)

pytestmark = pytest.mark.django_db

NOTE = "SECRET-FACILITATION-NOTE: hand out the zanzibarite cards."
OTHER_MODULE_TEXT = "Only the second module says this."


def picture(name: str = "group-home.png") -> Image:
    data = io.BytesIO()
    PILImage.new("RGB", (1600, 900), (20, 120, 90)).save(data, "PNG")
    return Image.objects.create(
        title="A group home", file=ImageFile(data, name=name), width=1600, height=900
    )


def document(title: str, name: str, content: bytes) -> Document:
    return Document.objects.create(title=title, file=ContentFile(content, name=name))


@pytest.fixture
def world(course_tree):
    """Module 1: each lesson with its own text; the first with a picture, a resource, a
    knowledge check and a trainer's note; the second linking a document in its text.
    Module 2: text of its own."""
    checklist = document("Ready to leave?", "checklist.txt", b"1. A home\n2. A job\n")
    rights = document("Rights card", "rights-card.txt", b"Article 12: be heard.\n")
    check = assessment(
        "knowledge_check",
        [question("true_false", "Leaving care is a process.")],
        title="Before you go on",
    )
    first, second, third = course_tree.lessons[:3]
    first.body = [
        *lesson_body("Lesson one: plan the move with the young person.", note=NOTE),
        ("image", {"image": picture(), "alt_text": "A bedroom.", "caption": "A small home."}),
        (
            "resource",
            {"document": checklist, "title": "Ready to leave?", "description": "A checklist."},
        ),
        ("knowledge_check", {"assessment": check}),
    ]
    second.body = [
        (
            "rich_text",
            f'<p>Lesson two: keep the <a linktype="document" id="{rights.pk}">rights card</a> '
            f'and read <a linktype="page" id="{third.pk}">the next lesson</a>.</p>',
        )
    ]
    third.body = lesson_body("Lesson three: support after leaving care.")
    for lesson in (first, second, third):
        publish(lesson)
    for lesson in course_tree.lessons[3:]:
        lesson.body = lesson_body(OTHER_MODULE_TEXT)
        publish(lesson)
    course_tree.checklist, course_tree.rights = checklist, rights
    return course_tree


def download(client, module, language: str = "en"):
    response = client.get(f"/{language}/learning/modules/{module.pk}/download/")
    assert response.status_code == 200, response.status_code
    assert response.streaming  # written while it is sent
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == 'attachment; filename="module-1.zip"'
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_a_learner_downloads_the_module_lessons_pictures_and_resources(client, learner, world):
    client.force_login(learner)
    archive = download(client, world.modules[0])
    names = archive.namelist()
    html = archive.read("module-1/index.html").decode()
    text = text_of(html)

    assert "Module 1" in text and "Explain article 12 of the UNCRC." in text
    for number, body in enumerate(
        (
            "Lesson one: plan the move with the young person.",
            "Lesson two: keep the rights card and read the next lesson .",
            "Lesson three: support after leaving care.",
        ),
        start=1,
    ):
        assert f"Lesson 1.{number}" in text
        assert body in text
    assert "I always felt that my views mattered." in text  # the quote block
    # Nothing of the other module, nothing for trainers only.
    assert OTHER_MODULE_TEXT not in html and "Lesson 2.1" not in html
    assert "zanzibarite" not in html

    # The stylesheet is inlined, and nothing is fetched from the site to read it.
    assert "<style>" in html and ".block-quote" in html
    assert '<link rel="stylesheet"' not in html
    # The picture is its rendition, inside the zip, and the page points at it.
    pictures = [name for name in names if name.startswith("module-1/images/")]
    assert len(pictures) == 1
    assert f'src="{pictures[0].removeprefix("module-1/")}"' in html
    shown = PILImage.open(io.BytesIO(archive.read(pictures[0])))
    assert shown.size[0] == 800  # of the lesson's renditions, the one for a phone's screen
    assert "srcset" not in html and "sizes=" not in html
    # Both documents are in the zip, as the resource block and the text's link point.
    assert archive.read(f"module-1/resources/{world.checklist.pk}-ready-to-leave.txt") == (
        b"1. A home\n2. A job\n"
    )
    assert archive.read(f"module-1/resources/{world.rights.pk}-rights-card.txt") == (
        b"Article 12: be heard.\n"
    )
    assert f'href="resources/{world.rights.pk}-rights-card.txt"' in html
    # What is answered online says so; links to the site's pages lead to the site.
    assert "This part is answered online" in html
    assert 'name="attempt"' not in html and "csrfmiddlewaretoken" not in html
    assert f'href="http://testserver{world.lessons[2].url}"' in html
    assert set(names) == {
        "module-1/index.html",
        *pictures,
        f"module-1/resources/{world.checklist.pk}-ready-to-leave.txt",
        f"module-1/resources/{world.rights.pk}-rights-card.txt",
    }


def test_a_document_linked_twice_however_spelled_is_packed_once(client, learner, world):
    """The third lesson links the rights card as the second does, and by an address of its
    own (with a query string): one file in the zip, listed once among the resources."""
    third = world.lessons[2]
    rights = f"/documents/{world.rights.pk}/rights-card.txt"
    third.body = [
        (
            "rich_text",
            f'<p>Again: <a linktype="document" id="{world.rights.pk}">the card</a>, '
            f'<a href="{rights}?download=1">the card to keep</a>.</p>',
        )
    ]
    publish(third)
    client.force_login(learner)

    archive = download(client, world.modules[0])

    names = archive.namelist()
    packed = f"module-1/resources/{world.rights.pk}-rights-card.txt"
    assert names.count(packed) == 1
    html = archive.read("module-1/index.html").decode()
    # Three links in the lessons, one in the list of resources.
    assert html.count(f'href="resources/{world.rights.pk}-rights-card.txt"') == 4
    resources = html[html.index('id="resources-heading"') :]
    assert resources.count("Rights card") == 1


def test_a_trainer_gets_the_facilitation_notes(client, world):
    client.force_login(make_trainer())
    html = download(client, world.modules[0]).read("module-1/index.html").decode()
    assert "zanzibarite" in html


def test_the_copy_is_in_the_reader_language_with_the_original_where_untranslated(
    client, learner, world
):
    strings = {
        **BULGARIAN,
        "Lesson 1.3": "Урок 1.3",
        "Lesson three: support after leaving care.": "Урок три: подкрепа след напускане.",
    }
    for page in (home_page(), world.course, world.modules[0], world.lessons[2]):
        translate_page(page, locale("bg"), strings)
    bulgarian_module = world.modules[0].get_translation(locale("bg"))
    client.force_login(learner)
    html = download(client, bulgarian_module, "bg").read("module-1/index.html").decode()
    assert '<html lang="bg">' in html
    assert "Модул 1" in html and "Урок 1.3" in html
    assert "Урок три: подкрепа след напускане." in html
    assert "Lesson three" not in html
    # Untranslated lessons come in English, marked as such.
    assert '<h2 id="lesson-1-title" lang="en">Lesson 1.1</h2>' in html
    assert "Lesson one: plan the move with the young person." in html


def test_files_past_the_size_limit_stay_online(client, learner, world, settings):
    client.force_login(learner)
    # Room for the checklist (19 bytes), which comes first, and for nothing more.
    settings.MODULE_DOWNLOAD_MAX_BYTES = 30
    archive = download(client, world.modules[0])
    assert archive.namelist() == [
        "module-1/index.html",
        f"module-1/resources/{world.checklist.pk}-ready-to-leave.txt",
    ]
    html = archive.read("module-1/index.html").decode()
    assert "too large to include: open it on the site" in html
    assert f'href="http://testserver{world.rights.url}"' in html
    assert "Lesson two: keep the" in html  # the text always comes


def test_who_cannot_read_the_course_gets_no_copy(client, learner, world, settings):
    settings.MODULE_DOWNLOAD_RATE_LIMITS = "1/h/user"  # refusals use up none of it
    module = world.modules[0]
    url = f"/en/learning/modules/{module.pk}/download/"
    assert client.get(url)["Location"].startswith("/en/accounts/login/")
    client.force_login(learner)
    # A course kept for a group the learner is not in.
    restriction = PageViewRestriction.objects.create(
        page=world.course, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Master trainers"))
    assert client.get(url).status_code == 403
    assert client.get(url).status_code == 403
    restriction.delete()
    assert client.get(url).status_code == 200
    # An unpublished module, a page that is no module, a number no page has.
    module.unpublish()
    assert client.get(url).status_code == 404
    assert client.get(f"/en/learning/modules/{world.lessons[0].pk}/download/").status_code == 404
    assert client.get("/en/learning/modules/99999999999999999999/download/").status_code == 404


def test_the_module_page_links_to_the_download(client, learner, world):
    client.force_login(learner)
    html = client.get(world.modules[0].url).content.decode()
    assert f'href="/en/learning/modules/{world.modules[0].pk}/download/"' in html
    assert "Download for offline reading" in html


# --- The service worker ---------------------------------------------------------------------


def test_the_service_worker_is_served_from_the_root_and_small(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-cache" in response["Cache-Control"]
    assert len(response.content) < 6 * 1024
    assert client.post("/sw.js").status_code == 405


def test_only_a_signed_in_reader_lesson_pages_may_be_kept(client, learner, world):
    lesson = world.lessons[0]
    assert "X-Offline-Copy" not in client.get(lesson.url, follow=True)
    client.force_login(learner)
    first = client.get(lesson.url)
    assert first.status_code == 200 and first["X-Offline-Copy"]
    html = first.content.decode()
    assert "data-offline-copy hidden>You are offline: this is the copy saved on %(date)s." in html
    for other in (world.modules[0].url, world.course.url, "/en/learning/", "/en/accounts/email/"):
        assert "X-Offline-Copy" not in client.get(other), other
    # Each reader's copies are told apart, without their id.
    client.force_login(UserFactory())
    second = client.get(lesson.url)["X-Offline-Copy"]
    assert second != first["X-Offline-Copy"] and str(learner.pk) != first["X-Offline-Copy"]
    # A trainer's view shows the facilitation notes: it stays online.
    client.force_login(make_trainer())
    trainers = client.get(lesson.url)
    assert "zanzibarite" in trainers.content.decode()
    assert "X-Offline-Copy" not in trainers and trainers["X-Reader"] not in ("", "none")


def test_every_page_says_whose_it_is(client, learner, world):
    """X-Reader: the service worker forgets the kept pages when it changes, to nobody too."""
    lesson = world.lessons[0]
    assert client.get("/en/")["X-Reader"] == "none"
    client.force_login(learner)
    page = client.get(lesson.url)
    tag = page["X-Reader"]
    # The same tag on every page of this reader, on the lesson page for its script, never the id.
    assert tag == page["X-Offline-Copy"] and tag != str(learner.pk)
    assert f'data-reader="{tag}"' in page.content.decode()
    for other in ("/en/", world.course.url, world.modules[0].url, "/en/accounts/email/"):
        assert client.get(other)["X-Reader"] == tag, other
    assert "X-Reader" not in client.get("/sw.js")  # not a page
    # The session ends after the idle timeout: the next page says nobody.
    session = client.session
    session[LAST_ACTIVITY_KEY] = 0
    session.save()
    assert client.get("/en/")["X-Reader"] == "none"
    client.force_login(learner)
    client.post("/en/accounts/logout/")
    assert client.get("/en/")["X-Reader"] == "none"


# --- Sent again from a phone's queue: counted once, for the person who did it --------------


def test_marking_a_lesson_complete_twice_counts_once(client, learner, world, heard):
    client.force_login(learner)
    lesson = world.lessons[0]
    url = f"/en/learning/lessons/{lesson.pk}/complete/"
    json = {"HTTP_ACCEPT": "application/json"}
    answer = client.post(url, {"next": world.lessons[1].url}, **json)
    assert answer.json() == {
        "saved": True,
        "message": "Lesson marked as complete.",
        "next": world.lessons[1].url,
    }
    completed_at = LessonProgress.objects.get(user=learner, lesson=lesson).completed_at
    # Sent at once, the page goes on where the form leads: the message waits there.
    assert "Lesson marked as complete." in client.get(world.lessons[1].url).content.decode()
    # The phone never heard the answer and sends the same again, from its queue.
    again = client.post(url, {"next": world.lessons[1].url, "queued": "1"}, **json)
    assert again.json()["saved"] is True
    progress = LessonProgress.objects.filter(user=learner, lesson=lesson)
    assert progress.count() == 1 and progress.get().completed_at == completed_at
    # Sent from the queue, the answer is shown where the queue sent it, not again later.
    assert "Lesson marked as complete." not in client.get(world.lessons[1].url).content.decode()


def test_the_course_completes_once_however_often_its_last_lesson_is_sent(
    client, learner, world, heard
):
    client.force_login(learner)
    json = {"HTTP_ACCEPT": "application/json"}
    for lesson in world.lessons:
        client.post(f"/en/learning/lessons/{lesson.pk}/complete/", **json)
    last = f"/en/learning/lessons/{world.lessons[-1].pk}/complete/"
    assert client.post(last, **json).json()["message"] == (
        "Well done: you have completed the course."
    )
    assert heard == [("course", learner.pk)]
    assert Enrolment.objects.filter(user=learner, completed_at__isnull=False).count() == 1


def test_answers_sent_again_with_the_same_attempt_count_once(client, learner, world):
    item = question("single", "Which article?", [("Article 12", True), ("Article 3", False)])
    check = assessment("knowledge_check", [item], title="Check", attempts_allowed=0)
    client.force_login(learner)
    url = f"/en/learning/assessments/{check.pk}/"
    client.get(url)  # opens the attempt: its token is what the phone keeps with the answers
    token = str(Attempt.in_progress.get(participant__user=learner).token)
    answers = {
        "attempt": token,
        f"q-{item.translation_key}": option_id(item, "Article 12"),
        "next": world.lessons[0].url,
    }
    json = {"HTTP_ACCEPT": "application/json"}
    first = client.post(url, answers, **json).json()
    assert first["saved"] is True and first["message"] == "Your answers were sent: 100% right."
    result = Attempt.objects.get(participant__user=learner)
    assert first["next"].startswith(f"/en/learning/assessments/attempts/{result.token}/")

    again = client.post(url, {**answers, "queued": "1"}, **json).json()
    assert again == first  # the same result, counted once
    assert Attempt.objects.filter(participant__user=learner).count() == 1
    # Without JavaScript the replay is refused as before, and counts nothing either.
    page = client.post(url, answers)
    assert page.status_code == 400
    assert "Nothing was counted" in page.content.decode()
    assert Attempt.objects.filter(participant__user=learner).count() == 1


def test_other_answers_under_a_used_attempt_are_refused_not_reported_as_sent(
    client, learner, world
):
    """A copy of the page kept from before the test was sent, answered anew offline: the
    new answers were never counted, so the queue is told so rather than "sent"."""
    item = question("single", "Which article?", [("Article 12", True), ("Article 3", False)])
    check = assessment("knowledge_check", [item], title="Check", attempts_allowed=0)
    client.force_login(learner)
    url = f"/en/learning/assessments/{check.pk}/"
    client.get(url)
    token = str(Attempt.in_progress.get(participant__user=learner).token)
    json = {"HTTP_ACCEPT": "application/json"}
    right = {"attempt": token, f"q-{item.translation_key}": option_id(item, "Article 12")}
    assert client.post(url, right, **json).json()["saved"] is True

    wrong = {**right, f"q-{item.translation_key}": option_id(item, "Article 3"), "queued": "1"}
    later = client.post(url, wrong, **json)

    assert later.status_code == 409
    assert later.json()["saved"] is False
    assert "Nothing was counted" in later.json()["error"]
    kept = Attempt.objects.get(participant__user=learner)
    assert kept.percent == 100  # the first answers stand


def test_answers_the_server_refuses_say_why(client, learner, world):
    item = question("single", "Which article?", [("Article 12", True), ("Article 3", False)])
    check = assessment("knowledge_check", [item], title="Check", attempts_allowed=0)
    client.force_login(learner)
    url = f"/en/learning/assessments/{check.pk}/"
    client.get(url)
    token = str(Attempt.in_progress.get(participant__user=learner).token)
    json = {"HTTP_ACCEPT": "application/json"}
    missing = client.post(url, {"attempt": token}, **json)
    assert missing.status_code == 400
    assert missing.json() == {
        "saved": False,
        "error": "These answers could not be read. Answer the questions again.",
    }
    unreadable = client.post(url, {"attempt": token, f"q-{item.translation_key}": "x"}, **json)
    assert unreadable.status_code == 400 and unreadable.json()["saved"] is False
    # Another person's attempt: refused (and dropped from the queue), nothing counted.
    client.force_login(UserFactory())
    answers = {"attempt": token, f"q-{item.translation_key}": option_id(item, "Article 12")}
    foreign = client.post(url, answers, **json)
    assert foreign.status_code == 409
    assert foreign.json() == {
        "saved": False,
        "error": "These answers do not belong to the test as it is open now (it was sent "
        "already, or opened again). Nothing was counted: please answer again.",
    }
    assert not Attempt.objects.exists()


def test_what_a_device_kept_for_another_person_is_refused(client, learner, world):
    """A marks a lesson complete and answers a check offline; B signs in on the same device."""
    item = question("single", "Which article?", [("Article 12", True), ("Article 3", False)])
    check = assessment("knowledge_check", [item], title="Check", attempts_allowed=0)
    lesson = world.lessons[0]
    client.force_login(learner)
    tag_of_a = client.get(lesson.url)["X-Reader"]
    other = UserFactory()
    client.force_login(other)
    tag_of_b = client.get(lesson.url)["X-Reader"]
    complete = f"/en/learning/lessons/{lesson.pk}/complete/"
    queued = {"HTTP_ACCEPT": "application/json", "HTTP_X_READER": tag_of_a}
    refused = client.post(complete, {"queued": "1"}, **queued)
    assert refused.status_code == 409
    assert refused.json() == {
        "saved": False,
        "error": "This was done while someone else was signed in on this device. "
        "Nothing was counted.",
        "another_reader": True,
    }
    test_url = f"/en/learning/assessments/{check.pk}/"
    client.get(test_url)
    token = str(Attempt.in_progress.get(participant__user=other, assessment=check).token)
    answers = {"attempt": token, f"q-{item.translation_key}": option_id(item, "Article 12")}
    assert client.post(test_url, answers, **queued).status_code == 409
    assert not LessonProgress.objects.filter(lesson=lesson, completed_at__isnull=False).exists()
    assert not Attempt.objects.filter(percent__isnull=False).exists()

    # B's own, with B's tag, counts; so does the form posted without JavaScript (no tag).
    own = {"HTTP_ACCEPT": "application/json", "HTTP_X_READER": tag_of_b}
    assert client.post(test_url, answers, **own).json()["saved"] is True
    assert client.post(complete).status_code == 302
    done = LessonProgress.objects.filter(lesson=lesson, completed_at__isnull=False)
    assert list(done.values_list("user", flat=True)) == [other.pk]
    assert Attempt.objects.get(percent__isnull=False).participant.user == other


def test_an_account_downloading_too_often_gets_the_429_page(client, learner, world, settings):
    settings.MODULE_DOWNLOAD_RATE_LIMITS = "2/h/user"
    client.force_login(learner)
    first, second = world.modules[0], world.modules[1]
    started = time.time()
    with mock.patch("time.time", return_value=started):
        assert client.get(f"/en/learning/modules/{first.pk}/download/").status_code == 200
    with mock.patch("time.time", return_value=started + 10 * 60):
        # every module counts towards the one limit
        assert client.get(f"/en/learning/modules/{second.pk}/download/").status_code == 200

    # 45 minutes after the first download: it leaves the hour's window in 15 minutes.
    with mock.patch("time.time", return_value=started + 45 * 60):
        refused = client.get(f"/en/learning/modules/{first.pk}/download/")
    assert refused.status_code == 429
    assert refused["Content-Type"].startswith("text/html")
    page = text_of(refused.content.decode())
    assert "Too many attempts" in page
    assert "Please wait 15 minutes and try again" in page
    with mock.patch("time.time", return_value=started + 60 * 60 + 1):
        assert client.get(f"/en/learning/modules/{first.pk}/download/").status_code == 200

    # The limit is the account's: another reader on the same connection still downloads.
    client.force_login(UserFactory())
    assert client.get(f"/en/learning/modules/{first.pk}/download/").status_code == 200
