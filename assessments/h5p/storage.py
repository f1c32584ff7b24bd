"""Where checked H5P files live: content by its hash, libraries by name and version.

    <H5P_ROOT>/content/<sha256>/h5p.json
    <H5P_ROOT>/content/<sha256>/content/content.json, images, …
    <H5P_ROOT>/libraries/H5P.MultiChoice-1.16/library.json, *.js, *.css, …

Both are written once, into a temporary folder that is then renamed into
place; a folder that exists is never written again. Identical content uploaded
twice is stored once, and every content shares the installed libraries.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from django.conf import settings


def h5p_root() -> Path:
    return Path(getattr(settings, "H5P_ROOT", Path(settings.MEDIA_ROOT) / "h5p"))


def content_folder(content_hash: str) -> Path:
    return h5p_root() / "content" / content_hash


def library_folder(folder: str) -> Path:
    return h5p_root() / "libraries" / folder


def files_hash(files: dict[str, bytes]) -> str:
    """One digest for a set of files: their names and bytes, in name order."""
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(files[name]).digest())
    return digest.hexdigest()


def write_once(target: Path, files: dict[str, bytes]) -> bool:
    """Write `files` into `target` unless it exists. Returns whether it wrote them."""
    if target.exists():
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".incoming-", dir=target.parent))
    try:
        for name, data in files.items():
            path = (staging / name).resolve()
            if not path.is_relative_to(staging.resolve()):
                raise ValueError(f"refusing to write outside the package folder: {name!r}")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        try:
            os.rename(staging, target)
        except OSError:
            if target.exists():  # written meanwhile by another upload of the same files
                return False
            raise
        return True
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def stored_file(base: Path, relative: str) -> Path | None:
    """The file at `relative` inside `base`, or None if it is not a file inside it."""
    root = base.resolve()
    path = (base / relative).resolve()
    if not path.is_relative_to(root) or not path.is_file():
        return None
    return path
