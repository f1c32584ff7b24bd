"""Lesson pictures are served by the web processes themselves; nothing else of media is."""

import io

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image

pytestmark = pytest.mark.django_db


@pytest.fixture
def media_on_disk(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "secret.txt").write_text("not for anyone")
    return tmp_path / "media"


def picture(name="river.png") -> Image:
    data = io.BytesIO()
    PILImage.new("RGB", (800, 400), (20, 120, 90)).save(data, "PNG")
    return Image.objects.create(
        title="A river", file=ImageFile(data, name=name), width=800, height=400
    )


def test_a_lesson_picture_is_served_as_its_rendition(client, media_on_disk):
    rendition = picture().get_rendition("width-400")
    assert rendition.url.startswith("/media/images/")
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "max-age=86400" in response["Cache-Control"]
    served = PILImage.open(io.BytesIO(b"".join(response.streaming_content)))
    assert served.size == (400, 200)


def test_nothing_else_of_the_media_folder_is_served(client, media_on_disk):
    original = picture()
    (media_on_disk / "images").mkdir(parents=True, exist_ok=True)
    (media_on_disk / "images" / "page.html").write_text("<script>alert(1)</script>")
    (media_on_disk / "h5p").mkdir(exist_ok=True)
    (media_on_disk / "h5p" / "content.png").write_bytes(b"\x89PNG")
    for address in (
        f"/media/{original.file.name}",  # originals are not linked from pages
        "/media/images/page.html",
        "/media/images/../h5p/content.png",
        "/media/images/%2e%2e/%2e%2e/secret.txt",
        "/media/images/missing.png",
        "/media/images/",
    ):
        assert client.get(address, follow=True).status_code == 404, address
    assert client.post(picture("b.png").get_rendition("width-100").url).status_code == 405
