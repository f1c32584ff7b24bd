"""Reading an uploaded .h5p file and checking everything in it before anything is stored.

The archive is read entry by entry in bounded chunks; nothing is written to
disk here. A package is refused, whole, with a message naming each problem:

- names that could escape a folder (`../x`, `/abs`, `C:\\x`, backslashes, NUL),
  duplicate names (also when they differ only in case) and symbolic links;
- a top-level folder that is neither `content` nor a library folder named
  `machineName-major.minor` holding a `library.json` (as H5P core reads them:
  `FontAwesome-4.5` as well as `H5P.MultiChoice-1.16`);
- a file whose type is not allowed where it sits: in `content/` only data
  (no script, markup or SVG), no dotfiles and no files without an extension;
- more than the configured bytes per file or in total, a compression ratio
  above 100, or an entry that unpacks to more than its header said;
- an `h5p.json` or `library.json` that is missing or not what the H5P format says,
  JSON nested deeper than the limit, numbers with absurdly many digits and
  versions above five digits (H5P core's own limit);
- an SVG in a library that carries script, `foreignObject`, event handlers,
  `javascript:` links or XML entities.

Like H5P core, stray files at the top of the archive (exporters add
`H5P_CONTENT_HERE.txt`) and top-level names starting with `.` or `_` (such as
`__MACOSX/`) are ignored: their names are checked, their bytes never read,
extracted or stored.
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
from .sanitise import plain_text

# H5P core allows letters, digits, "_", "-" and "." in machine names ("FontAwesome",
# "H5P.MultiChoice", "H5PEditor.ShowWhen"); a name here never starts with "." or "-".
MACHINE_NAME_PATTERN = r"[A-Za-z0-9_][A-Za-z0-9_.\-]{0,126}"
MACHINE_NAME = re.compile(rf"^{MACHINE_NAME_PATTERN}$", re.ASCII)
LIBRARY_FOLDER = re.compile(
    rf"^(?P<name>{MACHINE_NAME_PATTERN})-(?P<major>\d{{1,5}})\.(?P<minor>\d{{1,5}})$", re.ASCII
)
VERSION = re.compile(r"^\d{1,5}$", re.ASCII)  # H5P core: majorVersion etc. are 1 to 5 digits
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

    semantics: list | None = None  # semantics.json, checked like every other JSON file


@dataclass
class CheckedPackage:
    metadata: dict  # h5p.json
    content: dict  # content/content.json
    content_files: dict[str, bytes]  # other files under content/, by path inside it
    libraries: dict[str, LibraryFiles]  # by folder name, e.g. "H5P.MultiChoice-1.16"

    @property
    def title(self) -> str:
        """The title from h5p.json as plain text (markup removed, entities read)."""
        return plain_text(self.metadata.get("title", ""))[:255]

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
            problems.append(problem % {"name": entry.orig_filename.replace("\x00", "\\0")})
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
        if entry.is_dir() or _ignored(name):
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


def _ignored(name: str) -> bool:
    """What H5P core skips: top-level files other than h5p.json, and names starting . or _."""
    top, slash, _rest = name.partition("/")
    return top[:1] in (".", "_") or (not slash and name != "h5p.json")


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
    in_content = path.parts[0] == "content" or len(path.parts) == 1  # h5p.json
    allowed = limits.CONTENT_EXTENSIONS if in_content else limits.LIBRARY_EXTENSIONS
    if extension not in allowed:
        where = _("content") if in_content else _("libraries")
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


class JsonRefused(ValueError):
    """A JSON document that is not valid, nested too deeply or holds absurdly long numbers."""

    INVALID = "invalid"
    TOO_DEEP = "too deep"
    TOO_MANY_DIGITS = "too many digits"

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


def _parse_int(text: str) -> int:
    # Python refuses to convert more than 4,300 digits (a ValueError); no H5P number needs 20.
    if len(text.lstrip("-")) > limits.MAX_JSON_DIGITS:
        raise JsonRefused(JsonRefused.TOO_MANY_DIGITS)
    return int(text)


def _no_constant(name: str):
    # NaN and Infinity are not JSON: a browser's JSON.parse would refuse the stored file.
    raise JsonRefused(JsonRefused.INVALID)


def _too_deep(value, limit: int) -> bool:
    """Whether `value` nests lists and objects deeper than `limit` (read without recursion)."""
    waiting = [(value, 1)]
    while waiting:
        item, depth = waiting.pop()
        if isinstance(item, dict | list):
            if depth > limit:
                return True
            children = item.values() if isinstance(item, dict) else item
            waiting.extend((child, depth + 1) for child in children)
    return False


def parse_json(data: bytes | str):
    """JSON from a package or the player, bounded in depth and digits; else `JsonRefused`."""
    try:
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
        value = json.loads(text, parse_int=_parse_int, parse_constant=_no_constant)
    except JsonRefused:
        raise
    except RecursionError:
        raise JsonRefused(JsonRefused.TOO_DEEP) from None
    except (UnicodeDecodeError, ValueError):
        raise JsonRefused(JsonRefused.INVALID) from None
    if _too_deep(value, limits.MAX_JSON_DEPTH):
        raise JsonRefused(JsonRefused.TOO_DEEP)
    return value


def _json(files: dict[str, bytes], name: str, problems: list[str], shown: str = "", kind=dict):
    shown = shown or name
    if name not in files:
        problems.append(_("The package has no %(name)s.") % {"name": shown})
        return None
    try:
        value = parse_json(files[name])
    except JsonRefused as refused:
        if refused.reason == JsonRefused.TOO_DEEP:
            message = _(
                "%(name)s is nested more than %(depth)s levels deep; "
                "no H5P activity needs that many."
            )
        elif refused.reason == JsonRefused.TOO_MANY_DIGITS:
            message = _("%(name)s holds a number with more digits than any H5P value has.")
        else:
            message = _("%(name)s is not valid JSON.")
        problems.append(message % {"name": shown, "depth": limits.MAX_JSON_DEPTH})
        return None
    if not isinstance(value, kind):
        if kind is list:
            problems.append(_("%(name)s is not a JSON list.") % {"name": shown})
        else:
            problems.append(_("%(name)s is not a JSON object.") % {"name": shown})
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
        elif LIBRARY_FOLDER.match(top):
            grouped.setdefault(top, {})[rest] = data
        else:
            problems.append(
                _(
                    "“%(name)s” is neither content nor in a library folder "
                    "(named like H5P.MultiChoice-1.16)."
                )
                % {"name": name}
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
        return 0 <= value <= limits.MAX_VERSION
    return isinstance(value, str) and VERSION.match(value) is not None


def _check_library(
    folder: str, files: dict[str, bytes], problems: list[str]
) -> LibraryFiles | None:
    found = LIBRARY_FOLDER.match(folder)
    metadata = (
        _json(files, "library.json", problems, shown=f"{folder}/library.json")
        if "library.json" in files
        else None
    )
    if metadata is None:
        if "library.json" not in files:
            problems.append(
                _("The library folder %(folder)s has no library.json.") % {"folder": folder}
            )
        return None
    machine_name = metadata.get("machineName")
    versions = [metadata.get(key) for key in ("majorVersion", "minorVersion", "patchVersion")]
    if not all(_is_version(value) for value in versions):
        problems.append(
            _(
                "%(folder)s/library.json gives a version that is not a whole number "
                "of at most five digits."
            )
            % {"folder": folder}
        )
        return None
    if machine_name != found["name"] or (int(versions[0]), int(versions[1])) != (
        int(found["major"]),
        int(found["minor"]),
    ):
        problems.append(
            _("%(folder)s/library.json does not match its folder's name and version.")
            % {"folder": folder}
        )
        return None
    for key in (
        "preloadedJs",
        "preloadedCss",
        "preloadedDependencies",
        "dynamicDependencies",
        "editorDependencies",
    ):
        if not isinstance(metadata.get(key) or [], list):
            problems.append(
                _("%(folder)s/library.json gives %(key)s in a form H5P does not use.")
                % {"folder": folder, "key": key}
            )
            return None
    for key in ("preloadedJs", "preloadedCss"):
        for item in metadata.get(key) or []:
            path = item.get("path") if isinstance(item, dict) else None
            if not isinstance(path, str) or _name_problem(path) or path not in files:
                problems.append(
                    _("%(folder)s/library.json lists a file that is not in the library: %(path)s")
                    % {"folder": folder, "path": path}
                )
    for key in ("preloadedDependencies", "dynamicDependencies", "editorDependencies"):
        if not all(_is_dependency(item) for item in metadata.get(key) or []):
            problems.append(
                _("%(folder)s/library.json lists its dependencies wrongly.") % {"folder": folder}
            )
    semantics = None
    if "semantics.json" in files:
        semantics = _json(
            files, "semantics.json", problems, shown=f"{folder}/semantics.json", kind=list
        )
        if semantics is None:
            return None
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
        semantics=semantics,
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
