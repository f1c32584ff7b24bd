"""Pictures served by the application: lesson images, as their renditions.

With media on this machine's disk (a volume shared by the web processes) and
no web server in front to serve it, pages would show no pictures. The web
processes serve the renditions Wagtail makes (`images/` in the media storage)
themselves, read through the storage, with a day's caching. Nothing else of
the media storage is served here: originals, H5P packages and documents have
their own views and checks. With media on S3, picture addresses point at the
bucket and this view is never asked.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.views.decorators.http import require_safe

PICTURE_TYPES = {
    ".avif": "image/avif",
    ".gif": "image/gif",
    ".jpeg": "image/jpeg",
    ".jpg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
}
RENDITIONS = "images"
ONE_DAY = 60 * 60 * 24


@require_safe
def picture(request, path: str):
    name = PurePosixPath(path)
    content_type = PICTURE_TYPES.get(name.suffix.lower())
    if content_type is None or ".." in name.parts or name.name.startswith("."):
        raise Http404
    try:
        file = default_storage.open(f"{RENDITIONS}/{path}", "rb")
    except (FileNotFoundError, IsADirectoryError, SuspiciousFileOperation, ValueError):
        raise Http404 from None
    response = FileResponse(file, content_type=content_type)
    response["Cache-Control"] = f"public, max-age={ONE_DAY}"
    response["X-Content-Type-Options"] = "nosniff"
    return response
