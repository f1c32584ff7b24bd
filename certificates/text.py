r"""Text as certificates keep it: cleaned of control characters, in Unicode NFC.

Text reaches certificates from people's names, editors' templates and the record, pasted
from anywhere. A signed credential holds no control characters (proof.py refuses them),
and the PDF would print nothing sensible for them, so they are cleaned where text comes in:
line breaks (Word's manual line break \x0b, its page break \x0c, the Unicode next-line,
line and paragraph separators) end a line in running text and become a space in a name
or a title; other C0 and C1 controls, DEL and lone surrogates are dropped.
"""

from __future__ import annotations

import re
import unicodedata

_LINE_BREAK = re.compile(r"\r\n|[\r\x0b\x85\u2028]")
_PARAGRAPH_BREAK = re.compile(r"[\x0c\u2029]")
_DROPPED = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff]")
_ONE_LINE = re.compile(r"[\n\t ]+")


def _without_controls(text: str) -> str:
    text = _PARAGRAPH_BREAK.sub("\n\n", _LINE_BREAK.sub("\n", text or ""))
    return _DROPPED.sub("", text)


def nfc_text(text: str) -> str:
    """Running text (a certificate's body, its criteria) cleaned, trimmed and in Unicode NFC.

    Its lines are kept as newlines (the PDF prints them, the credential signs them),
    a paragraph break as an empty line; other control characters are dropped.
    """
    return unicodedata.normalize("NFC", _without_controls(text).strip())


def nfc(text: str) -> str:
    """A name or a title on one line: cleaned, trimmed and in Unicode NFC (a name typed on
    some keyboards comes decomposed). Line breaks, tabs and the spaces around them become
    one space; other control characters are dropped."""
    return unicodedata.normalize("NFC", _ONE_LINE.sub(" ", _without_controls(text)).strip())
