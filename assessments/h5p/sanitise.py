"""Cleaning author-supplied text in content.json, as H5P core does on save.

Every field is read through the semantics of the library that owns it (the
main library, and the library of every sub-content): text with the HTML
widget keeps only the tags the field allows (and never script, event
handlers or `javascript:` links: nh3 removes them); plain text is escaped
once, as H5P core stores it (a content type shows it as HTML, so `<` arrives
as `&lt;` and is seen as `<`; entities already there are not escaped twice).
Keys the semantics do not define are dropped, and so are values of the wrong
kind: a string where a number, a boolean or an option belongs. Where a
library has no semantics, every string that holds markup is cleaned with the
default tags.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable

import nh3

DEFAULT_TAGS = frozenset(
    [
        "p",
        "br",
        "strong",
        "em",
        "b",
        "i",
        "u",
        "s",
        "sub",
        "sup",
        "a",
        "ul",
        "ol",
        "li",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "code",
        "span",
        "div",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "th",
        "td",
        "hr",
        "caption",
        "del",
    ]
)
ATTRIBUTES = {
    "a": {"href", "target", "title"},
    "span": {"class"},
    "div": {"class"},
    "p": {"class"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
}
URL_SCHEMES = {"http", "https", "mailto"}
BARE_AMPERSAND = re.compile(r"&(?!(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);)")
UNSAFE_PATH = re.compile(r"^\s*(?:javascript|data|vbscript):", re.IGNORECASE)

SemanticsLookup = Callable[[str], list | None]


# As H5P core: an HTML field always allows these, and a tag brings its companions.
ALWAYS_ALLOWED = frozenset(["div", "span", "p", "br"])
COMPANIONS = {
    "table": {"tr", "td", "th", "thead", "tbody", "tfoot", "caption"},
    "b": {"strong"},
    "i": {"em"},
    "ul": {"li"},
    "ol": {"li"},
    "del": {"s"},
    "strike": {"s"},
}


def clean_html(value: str, tags: frozenset[str] = DEFAULT_TAGS) -> str:
    """Markup reduced to `tags` (plus what H5P core always allows), never script or handlers."""
    wanted = set(tags) | ALWAYS_ALLOWED if tags else set(DEFAULT_TAGS)
    for tag in list(wanted):
        wanted |= COMPANIONS.get(tag, set())
    allowed = wanted & DEFAULT_TAGS
    return nh3.clean(
        value,
        tags=set(allowed),
        attributes={tag: names for tag, names in ATTRIBUTES.items() if tag in allowed},
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


def escape_text(value: str) -> str:
    """Plain text made safe to show as HTML; entities already there stay as they are."""
    return (
        BARE_AMPERSAND.sub("&amp;", value)
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
    )


def plain_text(value) -> str:
    """Text without markup, entities read: for titles the platform shows itself (escaped there)."""
    if not isinstance(value, str):
        return ""
    return html.unescape(nh3.clean(value, tags=set())).strip()


def sanitise_metadata(metadata: dict) -> dict:
    """h5p.json as it is stored: markup cleaned, the title plain text escaped once (as core)."""
    cleaned = _fallback(metadata)
    cleaned["title"] = escape_text(plain_text(metadata.get("title", "")))
    return cleaned


def sanitise_content(params, library: str, semantics_for: SemanticsLookup):
    """`params` of `library` ("H5P.MultiChoice 1.16"), cleaned; `semantics_for(library)` reads.

    As H5P core's content validator: keys the semantics do not define are dropped, and
    so are values of the wrong kind (a string where a number or a boolean belongs).
    """
    semantics = semantics_for(library)
    if not isinstance(semantics, list):
        return _fallback(params)
    cleaned = _group({"fields": semantics}, params, semantics_for, flatten=False)
    return {} if cleaned is DROP else cleaned


DROP = object()  # a value that is not kept
FILE_KEYS = {
    "file": {"path", "mime", "copyright"},
    "audio": {"path", "mime", "copyright"},
    "image": {"path", "mime", "copyright", "width", "height", "originalImage"},
    "video": {"path", "mime", "copyright", "width", "height", "codecs", "quality"},
}
SUB_CONTENT_ID = re.compile(r"^\{?[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}\}?$")


def _fields(semantics: dict) -> list[dict]:
    fields = semantics.get("fields")
    if not isinstance(fields, list):
        return []
    return [field for field in fields if isinstance(field, dict)]


def _group(semantics: dict, value, semantics_for: SemanticsLookup, *, flatten: bool = True):
    fields = _fields(semantics)
    if flatten and len(fields) == 1 and semantics.get("isSubContent") is not True:
        return _field(fields[0], value, semantics_for)  # H5P stores a lone field bare
    if not isinstance(value, dict):
        return DROP
    by_name = {field.get("name"): field for field in fields}
    cleaned = {}
    for key, item in value.items():
        if key == "subContentId" and semantics.get("isSubContent") is True:
            cleaned[key] = item if isinstance(item, str) else ""
            continue
        if key not in by_name:
            continue  # not in the semantics: no content type reads it
        kept = _field(by_name[key], item, semantics_for)
        if kept is not DROP:
            cleaned[key] = kept
    return cleaned


def _field(field: dict, value, semantics_for: SemanticsLookup):
    kind = field.get("type")
    if kind == "text":
        if not isinstance(value, str):
            return DROP
        if field.get("widget") == "html":
            tags = field.get("tags") if isinstance(field.get("tags"), list) else []
            return clean_html(value, frozenset(str(tag).lower() for tag in tags))
        return escape_text(value)
    if kind == "number":
        return _number(field, value)
    if kind == "boolean":
        return value if isinstance(value, bool) else DROP
    if kind == "select":
        return _select(field, value)
    if kind == "group":
        return _group(field, value, semantics_for)
    if kind == "list":
        return _list(field, value, semantics_for)
    if kind == "library":
        return _library(field, value, semantics_for)
    if kind in ("image", "file"):
        return _file(kind, field, value)
    if kind in ("video", "audio"):
        if not isinstance(value, list):
            return DROP
        variants = [_file(kind, field, item) for item in value]
        return [item for item in variants if item is not DROP]
    return DROP  # a type H5P core does not know is removed, as core does


def _number(field: dict, value):
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return DROP
    for bound, keep in (("min", max), ("max", min)):
        limit = field.get(bound)
        if isinstance(limit, int | float) and not isinstance(limit, bool):
            value = keep(value, limit)
    return value


def _select(field: dict, value):
    options = field.get("options") if isinstance(field.get("options"), list) else []
    allowed = {option.get("value") for option in options if isinstance(option, dict)}
    if field.get("multiple"):
        if not isinstance(value, list):
            return DROP
        return [item for item in value if isinstance(item, str | int) and item in allowed]
    if isinstance(value, str | int) and not isinstance(value, bool) and value in allowed:
        return value
    return DROP


def _list(field: dict, value, semantics_for: SemanticsLookup):
    item_field = field.get("field")
    if not isinstance(value, list) or not isinstance(item_field, dict):
        return DROP
    if isinstance(field.get("max"), int):
        value = value[: max(field["max"], 0)]
    items = [_field(item_field, item, semantics_for) for item in value]
    return [item for item in items if item is not DROP]


def _library_names(field: dict) -> set[str]:
    options = field.get("options") if isinstance(field.get("options"), list) else []
    return {
        option.get("name") if isinstance(option, dict) else option
        for option in options
        if isinstance(option, dict | str)
    }


def _library(field: dict, value, semantics_for: SemanticsLookup):
    if not isinstance(value, dict):
        return DROP
    sub_library = value.get("library")
    if not isinstance(sub_library, str) or sub_library not in _library_names(field):
        return DROP  # not a library this field may hold
    cleaned = {"library": sub_library}
    if "params" in value:
        cleaned["params"] = sanitise_content(value["params"], sub_library, semantics_for)
    if isinstance(value.get("subContentId"), str) and SUB_CONTENT_ID.match(value["subContentId"]):
        cleaned["subContentId"] = value["subContentId"]
    if isinstance(value.get("metadata"), dict):
        cleaned["metadata"] = _fallback(value["metadata"])
    extra = field.get("extraAttributes") if isinstance(field.get("extraAttributes"), list) else []
    for key in extra:
        if isinstance(key, str) and key in value and key not in cleaned:
            cleaned[key] = _fallback(value[key])
    return cleaned


def _file(kind: str, field: dict, value):
    if not isinstance(value, dict) or not isinstance(value.get("path"), str):
        return DROP
    extra = field.get("extraAttributes") if isinstance(field.get("extraAttributes"), list) else []
    allowed = FILE_KEYS[kind] | {key for key in extra if isinstance(key, str)}
    cleaned = {key: _fallback(item) for key, item in value.items() if key in allowed}
    if UNSAFE_PATH.match(cleaned["path"]):
        cleaned["path"] = ""
    for key in ("path", "mime", "codecs"):
        if isinstance(cleaned.get(key), str):
            cleaned[key] = escape_text(cleaned[key])
    for key in ("width", "height"):
        if key in cleaned and (isinstance(cleaned[key], bool) or not isinstance(cleaned[key], int)):
            del cleaned[key]
    return cleaned


def _fallback(value):
    """Without semantics: clean every string that holds markup or a script link."""
    if isinstance(value, str):
        if "<" in value or UNSAFE_PATH.search(value):
            return clean_html(value)
        return value
    if isinstance(value, list):
        return [_fallback(item) for item in value]
    if isinstance(value, dict):
        return {key: _fallback(item) for key, item in value.items()}
    return value
