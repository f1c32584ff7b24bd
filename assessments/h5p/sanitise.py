"""Cleaning author-supplied text in content.json, as H5P core does on save.

Every field is read through the semantics of the library that owns it (the
main library, and the library of every sub-content): text with the HTML
widget keeps only the tags the field allows (and never script, event
handlers or `javascript:` links: nh3 removes them); plain text is escaped,
without escaping entities twice. Where a library has no semantics, every
string that holds markup is cleaned with the default tags.
"""

from __future__ import annotations

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


def clean_html(value: str, tags: frozenset[str] = DEFAULT_TAGS) -> str:
    allowed = tags & DEFAULT_TAGS or DEFAULT_TAGS
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


def sanitise_content(params, library: str, semantics_for: SemanticsLookup):
    """`params` of `library` ("H5P.MultiChoice 1.16"), cleaned; `semantics_for(library)` reads."""
    semantics = semantics_for(library)
    if semantics is None:
        return _fallback(params)
    return _group(semantics, params, semantics_for)


def _group(fields: list, value, semantics_for: SemanticsLookup):
    if not isinstance(value, dict):
        return _fallback(value)
    cleaned = dict(value)
    for field in fields:
        name = field.get("name") if isinstance(field, dict) else None
        if name in cleaned:
            cleaned[name] = _field(field, cleaned[name], semantics_for)
    return cleaned


def _field(field: dict, value, semantics_for: SemanticsLookup):
    kind = field.get("type")
    if kind == "text" and isinstance(value, str):
        if field.get("widget") == "html":
            return clean_html(value, frozenset(str(tag).lower() for tag in field.get("tags", [])))
        return escape_text(value)
    if kind == "group":
        children = field.get("fields") or []
        if len(children) == 1 and not isinstance(value, dict):
            return _field(children[0], value, semantics_for)  # H5P stores a lone field bare
        return _group(children, value, semantics_for)
    if kind == "list" and isinstance(value, list) and isinstance(field.get("field"), dict):
        return [_field(field["field"], item, semantics_for) for item in value]
    if kind == "library" and isinstance(value, dict):
        cleaned = dict(value)
        sub_library = value.get("library")
        if isinstance(sub_library, str) and "params" in value:
            cleaned["params"] = sanitise_content(value["params"], sub_library, semantics_for)
        if isinstance(value.get("metadata"), dict):
            cleaned["metadata"] = _fallback(value["metadata"])
        return cleaned
    if kind in {"image", "file", "video", "audio"}:
        return _safe_paths(value)
    if kind == "text":
        return _fallback(value)
    return value


def _safe_paths(value):
    if isinstance(value, list):
        return [_safe_paths(item) for item in value]
    if isinstance(value, dict):
        cleaned = {key: _safe_paths(item) for key, item in value.items()}
        if isinstance(cleaned.get("path"), str) and UNSAFE_PATH.match(cleaned["path"]):
            cleaned["path"] = ""
        return cleaned
    return value


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
