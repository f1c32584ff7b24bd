"""Pictures and videos in lessons: an editor cannot save a picture without its alternative text
or a video without its transcript; readers get the picture as responsive renditions and the
transcript beside the video."""

import io
import json
import re

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.models import LessonPage
from tests.factories import build_course

pytestmark = pytest.mark.django_db

ALT_MISSING = "Say what the image shows: people who cannot see it hear or read this text instead."
TRANSCRIPT_MISSING = (
    "Write out everything said in the video: people who cannot hear or play it read the "
    "transcript instead."
)


def picture() -> Image:
    data = io.BytesIO()
    PILImage.new("RGB", (1600, 900), (20, 120, 90)).save(data, "PNG")
    return Image.objects.create(title="A river", file=ImageFile(data, name="river.png"))


def video() -> Document:
    document = Document(title="Ana's story")
    document.file.save("ana.mp4", ContentFile(b"\0\0\0\x18ftypmp42"), save=False)
    document.save()
    return document


def save_in_the_admin(client, lesson, body):
    """The editor's form for `lesson`, sent with `body` and published."""
    data = nested_form_data(
        {
            "title": lesson.title,
            "slug": lesson.slug,
            "intro": lesson.intro,
            "body": streamfield(body),
            "estimated_minutes": "20",
            "is_required": "on",
            "action-publish": "publish",
        }
    )
    return client.post(f"/admin/pages/{lesson.pk}/edit/", data)


def block_errors(response) -> list[str]:
    """The messages the editor shows beside the lesson's blocks (Wagtail draws them from the
    block data it is given in the page)."""
    found = []

    def walk(value):
        if isinstance(value, dict):
            found.extend(value.get("messages", []))
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    page = BeautifulSoup(response.content, "html.parser")
    for element in page.find_all(True):
        for value in element.attrs.values():
            if isinstance(value, str) and '"blockErrors"' in value:
                walk(json.loads(value))
    return found


def test_a_picture_without_alternative_text_is_refused_with_a_clear_error(admin_client):
    lesson = build_course(modules=1, lessons_per_module=1).lessons[0]
    image = picture()
    for alt_text in ("", "   "):
        response = save_in_the_admin(
            admin_client,
            lesson,
            [("image", {"image": image.pk, "alt_text": alt_text, "caption": "The river"})],
        )
        assert response.status_code == 200  # the form again, not a redirect
        assert ALT_MISSING in block_errors(response)
        assert "The river" in response.content.decode()  # what was typed is kept
    lesson.refresh_from_db()
    assert [block.block_type for block in lesson.body] != ["image"]


def test_a_video_without_transcript_is_refused_with_a_clear_error(admin_client):
    lesson = build_course(modules=1, lessons_per_module=1).lessons[0]
    clip = video()
    for transcript in ("", "<p></p>", "<p> </p>"):
        response = save_in_the_admin(
            admin_client,
            lesson,
            [
                (
                    "video",
                    {
                        "title": "Ana's story",
                        "video": clip.pk,
                        "captions": "",
                        "transcript": rich_text(transcript),
                    },
                )
            ],
        )
        assert response.status_code == 200
        assert TRANSCRIPT_MISSING in block_errors(response)
    lesson.refresh_from_db()
    assert "video" not in [block.block_type for block in lesson.body]


def test_a_lesson_shows_its_picture_as_responsive_renditions_and_the_transcript(
    admin_client, client
):
    lesson = build_course(modules=1, lessons_per_module=1).lessons[0]
    response = save_in_the_admin(
        admin_client,
        lesson,
        [
            ("image", {"image": picture().pk, "alt_text": "A river in spring", "caption": ""}),
            (
                "video",
                {
                    "title": "Ana's story",
                    "video": video().pk,
                    "captions": "",
                    "transcript": rich_text("<p>Ana tells how she left care at 18.</p>"),
                },
            ),
        ],
    )
    assert response.status_code == 302
    lesson = LessonPage.objects.get(pk=lesson.pk)
    page = BeautifulSoup(client.get(lesson.url).content, "html.parser")

    img = page.select_one(".block-image img")
    assert img["alt"] == "A river in spring"
    widths = sorted(int(width) for width in re.findall(r" (\d+)w", img["srcset"]))
    assert widths == [400, 800, 1200]
    assert img["sizes"] and img["loading"] == "lazy"
    # The largest gives its size (and shape) to the picture, which fills the lesson's column.
    assert (img["width"], img["height"]) == ("1200", "675")
    for candidate in img["srcset"].split(","):
        address = candidate.split()[0]
        assert address.startswith("/media/images/") and address.endswith(".webp")

    figure = page.select_one(".block-video")
    assert figure.select_one("video")
    transcript = figure.select_one("details.transcript")
    assert transcript.select_one("summary").get_text(strip=True) == "Transcript"
    assert "Ana tells how she left care at 18." in transcript.get_text()
