"""BitstringStatusList (W3C): revocation and suspension as bits in a signed list.

Each certificate holds one index; bit `index` of the purpose's list is 1 when the
certificate is revoked (or suspended). Index 0 is the left-most (most significant)
bit of the first byte. The list is gzip-compressed and written as multibase
base64url without padding ('u'), in a BitstringStatusListCredential that the
platform signs and serves. Indexes are drawn at random so that a list's position
says nothing about when, or for whom, a certificate was issued.
"""

from __future__ import annotations

import datetime
import gzip
import secrets
import zlib
from collections.abc import Iterable

from . import keys
from .contexts import CREDENTIALS_V2
from .multibase import base64url_decode, base64url_encode

# The specification's minimum (16 KiB of bits), which is what gives holders herd privacy.
STATUS_LIST_SIZE = 131_072
PURPOSES = ("revocation", "suspension")
# A verifier reads lists from elsewhere too: no list inflates past this.
MAX_DECODED_BYTES = 16 * 1024 * 1024


def encode(indexes: Iterable[int], size: int = STATUS_LIST_SIZE) -> str:
    """The encodedList for a list of `size` bits with `indexes` set."""
    if size < STATUS_LIST_SIZE or size % 8:
        raise ValueError(f"a status list holds at least {STATUS_LIST_SIZE} bits, in whole bytes")
    bits = bytearray(size // 8)
    for index in indexes:
        if not 0 <= index < size:
            raise ValueError(f"index {index} is outside a list of {size} entries")
        bits[index // 8] |= 0x80 >> (index % 8)
    # mtime=0: the same list always encodes to the same text.
    return base64url_encode(gzip.compress(bytes(bits), compresslevel=9, mtime=0))


def decode_bitstring(encoded_list: str) -> bytes:
    """The uncompressed bitstring of an encodedList; ValueError if it is not one."""
    compressed = base64url_decode(encoded_list)
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)  # gzip framing
    try:
        bits = inflater.decompress(compressed, MAX_DECODED_BYTES)
    except zlib.error as error:
        raise ValueError("the status list is not gzip data") from error
    if inflater.unconsumed_tail or not inflater.eof:
        raise ValueError("the status list is too large or cut short")
    return bits


def decode(encoded_list: str) -> set[int]:
    """The indexes set in an encodedList."""
    bits = decode_bitstring(encoded_list)
    return {
        position * 8 + offset
        for position, byte in enumerate(bits)
        if byte
        for offset in range(8)
        if byte & (0x80 >> offset)
    }


def is_set(bitstring: bytes, index: int) -> bool:
    """Whether bit `index` of an uncompressed bitstring is 1 (False past its end)."""
    if not 0 <= index < len(bitstring) * 8:
        return False
    return bool(bitstring[index // 8] & (0x80 >> (index % 8)))


def status_list_credential(
    purpose: str,
    list_url: str,
    indexes: Iterable[int],
    *,
    size: int = STATUS_LIST_SIZE,
    valid_from: datetime.datetime | None = None,
) -> dict:
    """The unsigned BitstringStatusListCredential for `purpose` served at `list_url`."""
    if purpose not in PURPOSES:
        raise ValueError(f"status purpose must be one of {PURPOSES}")
    moment = (valid_from or datetime.datetime.now(datetime.UTC)).astimezone(datetime.UTC)
    return {
        "@context": [CREDENTIALS_V2],
        "id": list_url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": keys.issuer_id(),
        "validFrom": moment.replace(microsecond=0, tzinfo=None).isoformat() + "Z",
        "credentialSubject": {
            "id": f"{list_url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": purpose,
            "encodedList": encode(indexes, size),
        },
    }


def random_free_index(taken: set[int], size: int = STATUS_LIST_SIZE) -> int:
    """A random index not in `taken` (secrets, not random); ValueError when the list is full."""
    free_count = size - sum(1 for index in taken if 0 <= index < size)
    if free_count <= 0:
        raise ValueError("the status list is full")
    if free_count > size // 4:
        # Mostly empty (the usual case): drawing until a free place is found is quick.
        while True:
            index = secrets.randbelow(size)
            if index not in taken:
                return index
    free = [index for index in range(size) if index not in taken]
    return free[secrets.randbelow(len(free))]
