"""Taking in H5P packages: check, install new libraries (if allowed), store the content."""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from ..h5p import limits, storage
from ..h5p.package import CheckedPackage, LibraryFiles, PackageRejected, read_package
from ..h5p.sanitise import sanitise_content, sanitise_metadata
from ..models import H5PContent, H5PLibrary

logger = logging.getLogger("assessments.h5p")
INSTALL_PERMISSION = "assessments.install_h5p_library"


def _installed() -> dict[str, H5PLibrary]:
    return {library.key: library for library in H5PLibrary.objects.all()}


def _key(machine_name: str, major: int, minor: int) -> str:
    return f"{machine_name} {major}.{minor}"


def _library_key(library: LibraryFiles) -> str:
    return _key(library.machine_name, library.major, library.minor)


def _needed(package: CheckedPackage, in_package: dict[str, LibraryFiles], installed) -> set[str]:
    """Every library the content runs with: its dependencies and theirs (not editor ones)."""
    needed: set[str] = set()
    waiting = [_key(*dependency) for dependency in package.dependencies()]
    while waiting:
        key = waiting.pop()
        if key in needed:
            continue
        needed.add(key)
        metadata = (
            in_package[key].metadata
            if key in in_package
            else (installed[key].metadata if key in installed else {})
        )
        for group in ("preloadedDependencies", "dynamicDependencies"):
            for item in metadata.get(group, []) or []:
                waiting.append(
                    _key(item["machineName"], int(item["majorVersion"]), int(item["minorVersion"]))
                )
    return needed


def _upload_digest(upload) -> str:
    """SHA-256 of the uploaded bytes: the name the raw package is kept under."""
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in iter(lambda: upload.read(limits.CHUNK_BYTES), b""):
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


@transaction.atomic
def h5p_content_store(content: H5PContent, upload, *, user) -> list[H5PLibrary]:
    """Check `upload`, install the libraries it brings that are new, store its content.

    Sets the content's hash, main library and metadata (the caller saves it) and
    returns the libraries it runs with; the raw package, once the caller saves
    it, is kept as `h5p/packages/<sha256>.h5p`, never under the uploader's
    name. Raises `PackageRejected` naming each problem; then nothing is stored
    (no row, no file, no folder). Only people with the permission
    `assessments.install_h5p_library` may add library code; a library already
    installed is never overwritten, even by a different copy of the same version.
    """
    package_digest = _upload_digest(upload)
    package = read_package(upload)
    installed = _installed()
    in_package = {
        _library_key(library): library
        for library in package.libraries.values()
        if not library.is_editor_only
    }
    needed = _needed(package, in_package, installed)
    problems = []
    new = [key for key in sorted(needed) if key not in installed and key in in_package]
    missing = [key for key in sorted(needed) if key not in installed and key not in in_package]
    for key in missing:
        problems.append(
            _(
                "The content needs the library %(library)s, which is neither installed "
                "nor in the package."
            )
            % {"library": key}
        )
    if new and not user.has_perm(INSTALL_PERMISSION):
        problems.append(
            _(
                "The package brings library code that is not installed yet (%(libraries)s). "
                "Ask someone who may install H5P libraries to upload it."
            )
            % {"libraries": ", ".join(new)}
        )
    if problems:
        raise PackageRejected(problems)

    for key in sorted(needed & installed.keys() & in_package.keys()):
        if storage.files_hash(in_package[key].files) != installed[key].files_hash:
            logger.warning(
                "Upload by user %s carries a different copy of %s; the installed one is kept.",
                user.pk,
                key,
            )

    def semantics_for(library: str) -> list | None:
        # The installed copy decides, never the package's: a package cannot loosen the
        # cleaning of its text by bringing edited semantics for a library already here.
        key = library.strip()
        if key in installed:
            return installed[key].semantics
        return in_package[key].semantics if key in in_package else None

    main_key = next(
        _key(*dependency)
        for dependency in package.dependencies()
        if dependency[0] == package.main_library
    )
    cleaned = sanitise_content(package.content, main_key, semantics_for)
    metadata = sanitise_metadata(package.metadata)
    files = {
        "h5p.json": json.dumps(metadata, ensure_ascii=False).encode(),
        "content/content.json": json.dumps(cleaned, ensure_ascii=False).encode("utf-8"),
        **{f"content/{name}": data for name, data in package.content_files.items()},
    }
    content_hash = storage.files_hash(files)
    written: list[Path] = []  # removed again if anything below fails
    try:
        content_folder = storage.content_folder(content_hash)
        if storage.write_once(content_folder, files):
            written.append(content_folder)
        for key in new:
            library = in_package[key]
            row = H5PLibrary(
                machine_name=library.machine_name,
                major_version=library.major,
                minor_version=library.minor,
                patch_version=library.patch,
                title=str(library.metadata.get("title", ""))[:255],
                runnable=bool(library.metadata.get("runnable")),
                files_hash=storage.files_hash(library.files),
                metadata=library.metadata,
                semantics=library.semantics,
                installed_by=user,
            )
            # Stored under the name content asks for ("FontAwesome-4.5"), whatever the
            # package's folder spelled ("FontAwesome-04.5").
            if storage.write_once(storage.library_folder(row.folder), library.files):
                written.append(storage.library_folder(row.folder))
            row.save()
            installed[key] = row
            logger.info("H5P library %s installed by user %s", key, user.pk)
    except Exception:
        for folder in written:
            shutil.rmtree(folder, ignore_errors=True)
        raise

    content.content_hash = content_hash
    content.main_library = main_key
    content.metadata = metadata
    content.package_digest = package_digest  # names the stored package (models.h5p)
    if not content.title:
        content.title = package.title or main_key
    logger.info("H5P content %s stored by user %s", content_hash[:12], user.pk)
    return [installed[key] for key in sorted(needed)]
