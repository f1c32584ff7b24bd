"""Reading an uploaded .h5p file and checking everything in it before anything is stored.

The archive is read entry by entry in bounded chunks; nothing is written to
disk here. A package is refused, whole, with a message naming each problem:

- names that could escape a folder (`../x`, `/abs`, `C:\\x`, backslashes, NUL),
  duplicate names (also when they differ only in case) and symbolic links;
- a file whose type is not allowed where it sits: in `content/` only data
  (no script, markup or SVG), no dotfiles and no files without an extension;
- more than the configured bytes per file or in total, a compression ratio
  above 100, or an entry that unpacks to more than its header said;
- an `h5p.json` or `library.json` that is missing or not what the H5P format says;
- an SVG in a library that carries script, `foreignObject`, event handlers,
  `javascript:` links or XML entities.
"""

from __future__ import annotations

import json
import re
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException
from django.utils.translation import gettext as _

from . import limits

LIBRARY_FOLDER = re.compile(
    r"^(?P<name>[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)+)-(?P<major>\d+)\.(?P<minor>\d+)$"
)
MACHINE_NAME = re.compile(r"^[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)+$")
WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:")
SVG_DANGER = re.compile(rb"<\s*script|foreignObject|\son[a-z]+\s*=|javascript:", re.IGNORECASE)


class PackageRejected(Exception):
    """The package was not stored; `problems` names each reason."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


@dataclass
class LibraryFiles:
    folder: str
    machine_name: str
    major: int
    minor: int
    patch: int
    metadata: dict
    files: dict[str, bytes] = field(default_factory=dict)

    @property
    def is_editor_only(self) -> bool:
        return self.machine_name.startswith("H5PEditor.")

    @property
    def semantics(self) -> list | None:
        raw = self.files.get("semantics.json")
        try:
            value = json.loads(raw) if raw else None
        except ValueError:
            return None
        return value if isinstance(value, list) else None


@dataclass
class CheckedPackage:
    metadata: dict  # h5p.json
    content: dict  # content/content.json
    content_files: dict[str, bytes]  # other files under content/, by path inside it
    libraries: dict[str, LibraryFiles]  # by folder name, e.g. "H5P.MultiChoice-1.16"

    @property
    def title(self) -> str:
        return str(self.metadata.get("title", ""))[:255]

    @property
    def main_library(self) -> str:
        return self.metadata["mainLibrary"]

    def dependencies(self) -> list[tuple[str, int, int]]:
        return [
            (item["machineName"], int(item["majorVersion"]), int(item["minorVersion"]))
            for item in self.metadata.get("preloadedDependencies", [])
        ]


def read_package(upload) -> CheckedPackage:
    """Check an uploaded file (any object with .read/.seek) and return what it holds."""
    try:
        archive = zipfile.ZipFile(upload)
    except (zipfile.BadZipFile, OSError):
        raise PackageRejected(
            [_("This file is not an H5P package (a .h5p file is a zip archive).")]
        ) from None
    with archive:
        problems: list[str] = []
        files = _read_entries(archive, problems)
        if problems:
            raise PackageRejected(problems)
        return _check_structure(files)


def _name_problem(name: str) -> str | None:
    if "\x00" in name or "\\" in name:
        return _("“%(name)s” has a character a file name may not have.")
    if name.startswith("/") or WINDOWS_DRIVE.match(name):
        return _("“%(name)s” points outside the package.")
    parts = PurePosixPath(name).parts
    if any(part in ("..", ".") for part in parts) or "//" in name:
        return _("“%(name)s” points outside the package.")
    return None


def _read_entries(archive: zipfile.ZipFile, problems: list[str]) -> dict[str, bytes]:
    entries = archive.infolist()
    if len(entries) > limits.MAX_FILES:
        problems.append(
            _("The package holds more than %(count)s files.") % {"count": limits.MAX_FILES}
        )
        return {}
    seen: dict[str, str] = {}
    files: dict[str, bytes] = {}
    total = 0
    for entry in entries:
        name = entry.filename
        # zipfile cuts a name at a NUL byte; the name as stored still has it.
        problem = _name_problem(entry.orig_filename)
        if problem:
            problems.append(problem % {"name": name.replace("\x00", "\\0")})
            continue
        folded = name.rstrip("/").casefold()
        if folded in seen:
            problems.append(
                _(
                    "“%(name)s” appears twice in the package "
                    "(names differing only in case count as the same)."
                )
                % {"name": name}
            )
            continue
        seen[folded] = name
        mode = entry.external_attr >> 16
        if stat.S_ISLNK(mode):
            problems.append(
                _("“%(name)s” is a symbolic link; packages may not hold links.") % {"name": name}
            )
            continue
        if entry.is_dir():
            continue
        type_problem = _type_problem(name)
        if type_problem:
            problems.append(type_problem)
            continue
        if entry.file_size > limits.max_file_bytes():
            problems.append(_too_large(name))
            continue
        if entry.file_size > limits.MAX_COMPRESSION_RATIO * max(entry.compress_size, 1):
            problems.append(
                _("“%(name)s” is compressed suspiciously well; the package is refused.")
                % {"name": name}
            )
            continue
        total += entry.file_size
        if total > limits.max_total_bytes():
            problems.append(_too_large_in_total())
            return {}
        data = _read_bounded(archive, entry, problems)
        if data is not None:
            files[name] = data
    return files


def _read_bounded(
    archive: zipfile.ZipFile, entry: zipfile.ZipInfo, problems: list[str]
) -> bytes | None:
    """The entry's bytes, read in chunks and never more than its header promised."""
    allowed = min(entry.file_size, limits.max_file_bytes())
    chunks, size = [], 0
    try:
        with archive.open(entry) as stream:
            while True:
                chunk = stream.read(limits.CHUNK_BYTES)
                if not chunk:
                    break
                size += len(chunk)
                if size > allowed:
                    problems.append(
                        _(
                            "“%(name)s” unpacks to more than its header says; "
                            "the package is refused."
                        )
                        % {"name": entry.filename}
                    )
                    return None
                chunks.append(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError):
        problems.append(_("“%(name)s” cannot be unpacked.") % {"name": entry.filename})
        return None
    return b"".join(chunks)


def _type_problem(name: str) -> str | None:
    path = PurePosixPath(name)
    if any(part.startswith(".") for part in path.parts):
        return _("“%(name)s” is a hidden file; packages may not hold them.") % {"name": name}
    extension = path.suffix.lower().lstrip(".")
    if not extension:
        return _("“%(name)s” has no file extension, so its type cannot be checked.") % {
            "name": name
        }
    in_content = path.parts[0] == "content"
    allowed = (
        limits.CONTENT_EXTENSIONS
        if in_content or len(path.parts) == 1
        else limits.LIBRARY_EXTENSIONS
    )
    if extension not in allowed:
        where = _("content") if in_content or len(path.parts) == 1 else _("libraries")
        return _("“%(name)s”: files of type .%(extension)s are not allowed in %(where)s.") % {
            "name": name,
            "extension": extension,
            "where": where,
        }
    return None


def _too_large(name: str) -> str:
    return _("“%(name)s” is larger than %(size)s MB.") % {
        "name": name,
        "size": limits.max_file_bytes() // limits.MIB,
    }


def _too_large_in_total() -> str:
    return _("The package unpacks to more than %(size)s MB.") % {
        "size": limits.max_total_bytes() // limits.MIB
    }


def _json(files: dict[str, bytes], name: str, problems: list[str]):
    if name not in files:
        problems.append(_("The package has no %(name)s.") % {"name": name})
        return None
    try:
        value = json.loads(files[name].decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        problems.append(_("%(name)s is not valid JSON.") % {"name": name})
        return None
    if not isinstance(value, dict):
        problems.append(_("%(name)s is not a JSON object.") % {"name": name})
        return None
    return value


def _check_structure(files: dict[str, bytes]) -> CheckedPackage:
    problems: list[str] = []
    metadata = _json(files, "h5p.json", problems)
    content = _json(files, "content/content.json", problems)
    content_files: dict[str, bytes] = {}
    grouped: dict[str, dict[str, bytes]] = {}
    for name, data in files.items():
        top, _slash, rest = name.partition("/")
        if name == "h5p.json" or name == "content/content.json":
            continue
        if top == "content":
            content_files[rest] = data
        elif not rest:
            problems.append(
                _("“%(name)s” does not belong at the top of a package.") % {"name": name}
            )
        elif LIBRARY_FOLDER.match(top):
            grouped.setdefault(top, {})[rest] = data
        else:
            problems.append(
                _("“%(name)s” is neither content nor a library folder.") % {"name": name}
            )
    libraries = {}
    for folder, library_files in grouped.items():
        library = _check_library(folder, library_files, problems)
        if library is not None:
            libraries[folder] = library
    if metadata is not None:
        _check_metadata(metadata, problems)
    if problems:
        raise PackageRejected(problems)
    return CheckedPackage(metadata, content, content_files, libraries)


def _check_metadata(metadata: dict, problems: list[str]) -> None:
    main = metadata.get("mainLibrary")
    dependencies = metadata.get("preloadedDependencies")
    if not isinstance(main, str) or not MACHINE_NAME.match(main):
        problems.append(_("h5p.json names no valid main library."))
        return
    if not isinstance(dependencies, list) or not all(_is_dependency(item) for item in dependencies):
        problems.append(_("h5p.json lists its dependencies in a form H5P does not use."))
        return
    if main not in {item["machineName"] for item in dependencies}:
        problems.append(_("h5p.json does not list its main library among its dependencies."))


def _is_dependency(item) -> bool:
    return (
        isinstance(item, dict)
        and isinstance(item.get("machineName"), str)
        and MACHINE_NAME.match(item["machineName"]) is not None
        and _is_version(item.get("majorVersion"))
        and _is_version(item.get("minorVersion"))
    )


def _is_version(value) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return value >= 0
    return isinstance(value, str) and value.isdigit()


def _check_library(
    folder: str, files: dict[str, bytes], problems: list[str]
) -> LibraryFiles | None:
    found = LIBRARY_FOLDER.match(folder)
    metadata = _json(files, "library.json", problems) if "library.json" in files else None
    if metadata is None:
        if "library.json" not in files:
            problems.append(
                _("The library folder %(folder)s has no library.json.") % {"folder": folder}
            )
        return None
    machine_name = metadata.get("machineName")
    versions = [metadata.get(key) for key in ("majorVersion", "minorVersion", "patchVersion")]
    if (
        machine_name != found["name"]
        or not all(_is_version(value) for value in versions)
        or int(versions[0]) != int(found["major"])
        or int(versions[1]) != int(found["minor"])
    ):
        problems.append(
            _("%(folder)s/library.json does not match its folder's name and version.")
            % {"folder": folder}
        )
        return None
    for key in ("preloadedJs", "preloadedCss"):
        for item in metadata.get(key, []) or []:
            path = item.get("path") if isinstance(item, dict) else None
            if not isinstance(path, str) or _name_problem(path) or path not in files:
                problems.append(
                    _("%(folder)s/library.json lists a file that is not in the library: %(path)s")
                    % {"folder": folder, "path": path}
                )
    for key in ("preloadedDependencies", "dynamicDependencies", "editorDependencies"):
        if not all(_is_dependency(item) for item in metadata.get(key, []) or []):
            problems.append(
                _("%(folder)s/library.json lists its dependencies wrongly.") % {"folder": folder}
            )
    for name, data in files.items():
        if name.lower().endswith(".svg"):
            _check_svg(f"{folder}/{name}", data, problems)
    return LibraryFiles(
        folder=folder,
        machine_name=machine_name,
        major=int(versions[0]),
        minor=int(versions[1]),
        patch=int(versions[2]),
        metadata=metadata,
        files=files,
    )


def _check_svg(name: str, data: bytes, problems: list[str]) -> None:
    message = _("“%(name)s” is an SVG image that could run script; the package is refused.") % {
        "name": name
    }
    if SVG_DANGER.search(data):
        problems.append(message)
        return
    try:
        # A DOCTYPE alone is common (icon fonts such as FontAwesome ship one); entities are not.
        ElementTree.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except (DefusedXmlException, ElementTree.ParseError, ValueError):
        problems.append(message)
