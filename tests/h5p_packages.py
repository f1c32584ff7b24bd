"""Building .h5p packages for tests: content from tests/fixtures/h5p (with author text that
must be cleaned) and the platform's own content type H5P.LeavingCareCheck; and the real
exported packages kept beside the checkout (never copied into it)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from assessments.h5p.content_types import LEAVING_CARE_CHECK, library_files

FIXTURE = Path(__file__).parent / "fixtures" / "h5p"
LIBRARY = LEAVING_CARE_CHECK
# Third-party packages live in the shared folder beside the checkout (CI has it there).
REAL_PACKAGES = Path(__file__).resolve().parents[1] / ".." / "shared" / "fixtures" / "h5p"
TRUE_FALSE_LIBRARIES = {
    "H5P.TrueFalse 1.6",
    "H5P.Question 1.4",
    "H5P.JoubelUI 1.3",
    "H5P.Transition 1.0",
    "H5P.FontIcons 1.0",
    "FontAwesome 4.5",
    "Drop 1.0",
    "Tether 1.0",
}


def real_package(name: str = "true-false-real.h5p") -> bytes:
    """The bytes of a real exported package, or a skip saying where it was looked for."""
    path = REAL_PACKAGES / name
    if not path.is_file():
        pytest.skip(
            f"the real H5P package {path} is absent (the shared folder beside the checkout)"
        )
    return path.read_bytes()


def package_files(*, with_library: bool = True) -> dict[str, bytes]:
    files = {
        "h5p.json": (FIXTURE / "h5p.json").read_bytes(),
        "content/content.json": (FIXTURE / "content" / "content.json").read_bytes(),
    }
    if with_library:
        files.update(library_files(LIBRARY))
    return files


def build_package(
    files: dict[str, bytes] | None = None,
    extra: dict[str, bytes] | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
) -> io.BytesIO:
    """A zip of `files` (the fixture by default) with `extra` files added or replaced."""
    contents = dict(package_files() if files is None else files)
    contents.update(extra or {})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in contents.items():
            archive.writestr(name, data)
    buffer.seek(0)
    buffer.name = "activity.h5p"
    return buffer
