"""Where a deployment keeps files: S3-compatible buckets when named, shared folders otherwise.

The settings are loaded in a fresh process (settings are read once per process); nothing
here reaches the network: storages are built and addresses worked out, no bucket is asked.
"""

import json
import subprocess
import sys

from tests.production.configuration import ROOT, example_environment, process_environment

REPORT = """
import json, django
django.setup()
from django.conf import settings
from django.core.files.storage import default_storage, storages
from certificates.models import Certificate, CertificateBatch
from assessments.h5p.storage import h5p_root

def describe(storage):
    storage = getattr(storage, "_wrapped", storage)
    if not getattr(storage, "bucket_name", None):
        storage._setup() if hasattr(storage, "_setup") else None
    return {
        "class": type(storage).__module__ + "." + type(storage).__name__,
        "bucket": getattr(storage, "bucket_name", None),
        "location": str(getattr(storage, "location", "")),
        "acl": getattr(storage, "default_acl", None),
        "endpoint": getattr(storage, "endpoint_url", None),
    }

default_storage._setup()
print(json.dumps({
    "media": describe(default_storage),
    "media_url": default_storage.url("images/care-leavers.jpg"),
    "pdf": describe(Certificate._meta.get_field("pdf").storage),
    "pdf_url": Certificate._meta.get_field("pdf").storage.url("pdf/2026/01/CODE.pdf"),
    "zip": describe(CertificateBatch._meta.get_field("archive").storage),
    "documents": getattr(settings, "WAGTAILDOCS_SERVE_METHOD", None),
    "h5p_root": str(h5p_root()),
}))
"""


def storage_report(**deployment: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", REPORT],
        env=process_environment(
            {
                **example_environment(**deployment),
                "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            }
        ),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_media_and_certificates_go_to_s3_compatible_buckets_when_named():
    report = storage_report(
        AWS_STORAGE_BUCKET_NAME="training-media",
        CERTIFICATES_BUCKET_NAME="training-certificates",
        AWS_S3_ENDPOINT_URL="https://objects.example.net",
        AWS_S3_REGION_NAME="eu-central",
        AWS_S3_ACCESS_KEY_ID="EXAMPLEKEY",
        AWS_S3_SECRET_ACCESS_KEY="example-secret",
    )
    s3 = "storages.backends.s3.S3Storage"
    assert report["media"] == {
        "class": s3,
        "bucket": "training-media",
        "location": "media",
        "acl": None,
        "endpoint": "https://objects.example.net",
    }
    # Media addresses are plain (pages that show them are cached longer than a signature lasts).
    assert report["media_url"] == (
        "https://objects.example.net/training-media/media/images/care-leavers.jpg"
    )
    # Certificates name people: a private bucket, and any address to them is signed.
    assert report["pdf"]["class"] == report["zip"]["class"] == s3
    assert report["pdf"]["bucket"] == report["zip"]["bucket"] == "training-certificates"
    assert report["pdf"]["acl"] == "private"
    assert report["pdf_url"].startswith(
        "https://objects.example.net/training-certificates/pdf/2026/01/CODE.pdf?"
    )
    assert "Signature=" in report["pdf_url"] and "Expires=" in report["pdf_url"]
    # Documents stream through the site, where Wagtail's privacy rules apply.
    assert report["documents"] == "serve_view"


def test_a_custom_domain_serves_the_media_bucket():
    report = storage_report(
        AWS_STORAGE_BUCKET_NAME="training-media", AWS_S3_CUSTOM_DOMAIN="media.example.org"
    )
    assert report["media_url"] == "https://media.example.org/media/images/care-leavers.jpg"
    # No certificates bucket named: certificates stay in their folder.
    assert report["pdf"]["class"] == "django.core.files.storage.filesystem.FileSystemStorage"


def test_without_buckets_files_stay_in_the_folders_the_environment_names(tmp_path):
    report = storage_report(
        MEDIA_ROOT=str(tmp_path / "media"),
        CERTIFICATES_ROOT=str(tmp_path / "certificates"),
        H5P_ROOT=str(tmp_path / "h5p"),
    )
    filesystem = "django.core.files.storage.filesystem.FileSystemStorage"
    assert report["media"]["class"] == filesystem
    assert report["media"]["location"] == str(tmp_path / "media")
    assert report["pdf"]["class"] == report["zip"]["class"] == filesystem
    assert report["pdf"]["location"] == str(tmp_path / "certificates")
    assert report["h5p_root"] == str(tmp_path / "h5p")
    assert report["documents"] is None
