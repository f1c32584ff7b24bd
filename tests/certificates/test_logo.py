"""A template's logo: shrunk when the template is saved, printed on every certificate."""

import io
import os

import pytest
from django.core.files.images import ImageFile
from django.core.files.storage import InMemoryStorage
from django.utils._os import safe_join
from PIL import Image as PILImage
from pypdf import PdfReader
from wagtail.images.models import Image
from wagtail.models import Locale

from certificates.models import CertificateTemplate, Kind
from tests.certificates.conftest import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def files_on_disk(settings, tmp_path):
    # Renditions are drawn from a file on disk, as on a real site.
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.MEDIA_ROOT = tmp_path / "media"


class RemoteStorage(InMemoryStorage):
    """Files kept elsewhere (as on S3): no path on this machine's disk."""

    def path(self, name):
        raise NotImplementedError("This backend doesn't support absolute paths.")

    def _relative_path(self, name):  # how the memory storage finds its files
        return os.path.relpath(safe_join(self.location, name), self.location)


def uploaded_logo(width: int, height: int) -> Image:
    data = io.BytesIO()
    PILImage.new("RGB", (width, height), (35, 57, 91)).save(data, "PNG")
    return Image.objects.create(
        title="Logo", file=ImageFile(data, name="logo.png"), width=width, height=height
    )


def images_in(pdf: bytes) -> list[tuple[int, int]]:
    resources = PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"]
    found = []
    for item in resources.get("/XObject", {}).values():
        item = item.get_object()
        if item["/Subtype"] == "/Image":
            found.append((item["/Width"], item["/Height"]))
    return found


def test_a_large_logo_is_shrunk_when_chosen_and_printed_shrunk(files_on_disk):
    logo = uploaded_logo(2400, 800)
    CertificateTemplate.objects.create(
        locale=Locale.get_default(),
        kind=Kind.COMPLETION,
        name="Default completion certificate",
        title="Certificate of completion",
        body="{name} completed {course}.",
        criteria="Completed the course.",
        logo=logo,
    )
    # Saving the template made the small copy: no certificate waits for it.
    assert list(logo.renditions.values_list("width", "height")) == [(600, 200)]

    world = build_world()  # its members complete and get their certificates

    for certificate in (world.certificate, world.roster_certificate):
        with certificate.pdf.open("rb") as pdf:
            assert images_in(pdf.read()) == [(600, 200)]


def test_a_logo_kept_on_a_storage_without_local_files_is_printed(settings):
    """Media on S3: the storage has no file paths; the PDF still prints the shrunk logo."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "tests.certificates.test_logo.RemoteStorage"},
    }
    logo = uploaded_logo(900, 300)
    with pytest.raises(NotImplementedError):
        logo.file.path  # noqa: B018 (what S3 answers too)
    CertificateTemplate.objects.create(
        locale=Locale.get_default(),
        kind=Kind.COMPLETION,
        name="Default completion certificate",
        title="Certificate of completion",
        body="{name} completed {course}.",
        criteria="Completed the course.",
        logo=logo,
    )
    world = build_world()
    with world.certificate.pdf.open("rb") as pdf:
        assert images_in(pdf.read()) == [(600, 200)]
