"""Turn the demo content's plain data into Wagtail field values."""

from __future__ import annotations

import html
import re

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

ALLOWED_INLINE = re.compile(r"&lt;(/?)(b|i)&gt;")


def _inline(text: str) -> str:
    """Escape text, keeping only <b> and <i> as markup."""
    return ALLOWED_INLINE.sub(r"<\1\2>", html.escape(text, quote=False))


def paragraphs_to_html(paragraphs: list[str]) -> str:
    """'### ' starts a sub-heading, consecutive '- ' lines form a list, the rest are paragraphs."""
    parts: list[str] = []
    bullets: list[str] = []

    def flush_bullets():
        if bullets:
            parts.append("<ul>" + "".join(f"<li>{item}</li>" for item in bullets) + "</ul>")
            bullets.clear()

    for paragraph in paragraphs:
        if paragraph.startswith("- "):
            bullets.append(_inline(paragraph[2:]))
            continue
        flush_bullets()
        if paragraph.startswith("### "):
            parts.append(f"<h3>{_inline(paragraph[4:])}</h3>")
        else:
            parts.append(f"<p>{_inline(paragraph)}</p>")
    flush_bullets()
    return "".join(parts)


def _without_marker(paragraph: str) -> str:
    for marker in ("### ", "- "):
        if paragraph.startswith(marker):
            return paragraph[len(marker) :]
    return paragraph


def resource_document(value: dict, collection=None):
    Document = get_document_model()
    existing = Document.objects.filter(title=value["title"]).first()
    if existing is not None:
        return existing
    document = Document(title=value["title"])
    if collection is not None:
        document.collection = collection
    document.file.save(value["filename"], ContentFile(value["text"].encode("utf-8")), save=False)
    document.save()
    return document


def lesson_body(blocks: list[tuple[str, object]]) -> list[tuple[str, object]]:
    """StreamField data for a lesson from the demo's (block type, value) pairs."""
    body = []
    for block_type, value in blocks:
        if block_type == "rich_text":
            body.append(("rich_text", paragraphs_to_html(value)))
        elif block_type == "facilitation_note":
            body.append(
                (
                    "facilitation_note",
                    {
                        "note": paragraphs_to_html(value["paragraphs"]),
                        "suggested_minutes": value.get("suggested_minutes"),
                    },
                )
            )
        elif block_type == "resource":
            body.append(
                (
                    "resource",
                    {
                        "document": resource_document(value),
                        "title": value["title"],
                        "description": value.get("description", ""),
                    },
                )
            )
        else:
            body.append((block_type, dict(value)))
    return body


def translated_strings(source, translation) -> dict[str, str]:
    """Pair every string of the source content with its translation, by position.

    Both arguments have the same shape (dicts, lists, tuples and strings). Each
    string is paired as written and as it appears once turned into rich text
    (markers removed, HTML escaped), so the pairs match what a translator sees.
    """
    pairs: dict[str, str] = {}

    def walk(left, right):
        if isinstance(left, dict):
            for name, value in left.items():
                if name in right:
                    walk(value, right[name])
        elif isinstance(left, (list, tuple)):
            for left_item, right_item in zip(left, right, strict=True):
                walk(left_item, right_item)
        elif isinstance(left, str) and left.strip():
            pairs[left] = right
            pairs[_without_marker(left)] = _without_marker(right)
            pairs[_inline(_without_marker(left))] = _inline(_without_marker(right))

    walk(source, translation)
    return pairs
