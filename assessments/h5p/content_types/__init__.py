"""H5P content types of the platform's own, in the H5P package format.

H5P.LeavingCareCheck: one question with options and a check button; it
reports attempted, answered and completed with a score, and resumes where the
person left it. It is what the demo and the tests play (content types from the
H5P hub cannot be fetched here), and it goes through exactly the checks and
storage an uploaded package from h5p.org goes through.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

HERE = Path(__file__).parent
LEAVING_CARE_CHECK = "H5P.LeavingCareCheck-1.0"


def library_files(folder: str) -> dict[str, bytes]:
    """The files of one library folder, by their path in a package."""
    root = HERE / folder
    return {
        f"{folder}/{path.relative_to(root).as_posix()}": path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def leaving_care_check_package(
    title: str, question: str, answers: list[str], correct: int
) -> io.BytesIO:
    """An .h5p package of one H5P.LeavingCareCheck activity."""
    metadata = {
        "title": title,
        "language": "en",
        "mainLibrary": "H5P.LeavingCareCheck",
        "embedTypes": ["iframe"],
        "license": "U",
        "preloadedDependencies": [
            {"machineName": "H5P.LeavingCareCheck", "majorVersion": "1", "minorVersion": "0"}
        ],
    }
    content = {"question": question, "answers": answers, "correct": correct, "checkLabel": "Check"}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("h5p.json", json.dumps(metadata, ensure_ascii=False))
        archive.writestr("content/content.json", json.dumps(content, ensure_ascii=False))
        for name, data in library_files(LEAVING_CARE_CHECK).items():
            archive.writestr(name, data)
    buffer.seek(0)
    buffer.name = "activity.h5p"
    return buffer
