"""The platform's two status lists (revocation, suspension), as verifiers read them.

Every certificate holds one random place (`status_index`), the same in both
lists. A place is set in the revocation list once the certificate is revoked
(for good) and in the suspension list while it is suspended.

The signed list is made once per status version and kept in each process's
memory (the "local" cache) under that version; the version lives in the
shared cache, and every revocation, suspension or reinstatement starts a new
one (services/status.py, `status_lists_changed`), so no process serves a list
older than the last change. Reading the version writes one only when the
shared cache has none (a new one, never an earlier one again). Making a list
reads one column of the certificates that are set (one query), then signs.
"""

from __future__ import annotations

import time

from django.core.cache import cache, caches

from ..addresses import status_list_url
from ..credentials import proof, status_list
from ..models import Certificate

PURPOSES = status_list.PURPOSES
VERSION_KEY = "certificates:status-version"
TIMEOUT = 60 * 60 * 24


def status_version() -> str:
    """The current status version (a new one when the shared cache has lost it)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, str(time.time_ns()), timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def _set_in(purpose: str):
    if purpose == "revocation":
        return Certificate.objects.filter(revoked_at__isnull=False)
    if purpose == "suspension":
        return Certificate.objects.filter(suspended_at__isnull=False)
    raise ValueError(f"not a status purpose: {purpose!r}")


def status_of(purpose: str, index: int) -> bool:
    """Whether place `index` is set in the list of `purpose` (revoked, or suspended now)."""
    return _set_in(purpose).filter(status_index=index).exists()


def set_indexes(purpose: str) -> set[int]:
    """Every place set in the list of `purpose`."""
    return set(_set_in(purpose).values_list("status_index", flat=True))


def signed_status_list(purpose: str) -> dict:
    """The signed BitstringStatusListCredential of `purpose`, as the platform serves it."""
    if purpose not in PURPOSES:
        raise ValueError(f"not a status purpose: {purpose!r}")
    key = f"certificates:status-list:{purpose}:{status_version()}"
    values = caches["local"]
    document = values.get(key)
    if document is None:
        unsigned = status_list.status_list_credential(
            purpose, status_list_url(purpose), set_indexes(purpose)
        )
        document = proof.sign(unsigned)
        values.set(key, document, TIMEOUT)
    return document
