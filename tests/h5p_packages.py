"""Building .h5p packages for tests: content from tests/fixtures/h5p (with author text that
must be cleaned) and the platform's own content type H5P.LeavingCareCheck."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from assessments.h5p.content_types import LEAVING_CARE_CHECK, library_files

FIXTURE = Path(__file__).parent / "fixtures" / "h5p"
LIBRARY = LEAVING_CARE_CHECK


def package_files(*, with_library: bool = True) -> dict[str, bytes]:
    files = {
        "h5p.json": (FIXTURE / "h5p.json").read_bytes(),
        "content/content.json": (FIXTURE / "content" / "content.json").read_bytes(),
    }
    if with_library:
        files.update(library_files(LIBRARY))
    return files


def build_package(
    files: dict[str, bytes] | None = None, extra: dict[str, bytes] | None = None
) -> io.BytesIO:
    """A zip of `files` (the fixture by default) with `extra` files added or replaced."""
    contents = dict(package_files() if files is None else files)
    contents.update(extra or {})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in contents.items():
            archive.writestr(name, data)
    buffer.seek(0)
    buffer.name = "activity.h5p"
    return buffer
