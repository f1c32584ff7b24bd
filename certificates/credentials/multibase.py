"""Multibase text: base58btc ('z') for keys and signatures, base64url ('u') for status lists.

Base58btc is a dozen lines and the only encoding the keys and proofs need, so it
lives here rather than in one more dependency; the W3C test vector checks it.
"""

from __future__ import annotations

import base64
import re

BASE58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_BASE64URL = re.compile(r"[A-Za-z0-9_-]*")
_BASE58_INDEX = {character: value for value, character in enumerate(BASE58_ALPHABET)}
# Longer text than any key or signature is refused before the arithmetic: the
# decoding is quadratic in the length, and a verifier takes text from anyone.
MAX_BASE58_LENGTH = 200


def base58btc_encode(data: bytes) -> str:
    """`data` as multibase base58btc text ('z' then the Bitcoin alphabet)."""
    number = int.from_bytes(data, "big")
    digits = []
    while number:
        number, remainder = divmod(number, 58)
        digits.append(BASE58_ALPHABET[remainder])
    leading_zeros = len(data) - len(data.lstrip(b"\0"))
    return "z" + "1" * leading_zeros + "".join(reversed(digits))


def base58btc_decode(text: str) -> bytes:
    """The bytes of multibase base58btc `text`; ValueError if it is not that."""
    if not isinstance(text, str) or not text.startswith("z"):
        raise ValueError("not multibase base58btc text (it must start with 'z')")
    body = text[1:]
    if not body or len(body) > MAX_BASE58_LENGTH:
        raise ValueError("base58btc text of an unexpected length")
    number = 0
    for character in body:
        try:
            number = number * 58 + _BASE58_INDEX[character]
        except KeyError:
            raise ValueError("a character outside the base58btc alphabet") from None
    leading_zeros = len(body) - len(body.lstrip("1"))
    payload = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\0" * leading_zeros + payload


def base64url_encode(data: bytes) -> str:
    """`data` as multibase base64url text ('u', no padding)."""
    return "u" + base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def base64url_decode(text: str) -> bytes:
    """The bytes of multibase base64url `text` ('u', padding optional); ValueError otherwise."""
    if not isinstance(text, str) or not text.startswith("u"):
        raise ValueError("not multibase base64url text (it must start with 'u')")
    body = text[1:].rstrip("=")
    if not _BASE64URL.fullmatch(body) or len(body) % 4 == 1:
        raise ValueError("a character outside the base64url alphabet")
    return base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
