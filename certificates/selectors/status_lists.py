"""The platform's two status lists (revocation, suspension), as verifiers read them.

Every certificate holds one random place (`status_index`), the same in both
lists. A place is set in the revocation list once the certificate is revoked
(for good) and in the suspension list while it is suspended.

The signed list is made once per status version and kept in each process's
memory under that version (a `shared_cache.VersionedCache`); every
revocation, suspension or reinstatement starts a new one (services/status.py,
`status_lists_changed`), so no process serves a list older than the last
change. Making a list reads one column of the certificates that are set (one
query), then signs.
"""

from __future__ import annotations

from shared_cache import VersionedCache

from ..addresses import status_list_url
from ..credentials import proof, status_list
from ..models import Certificate

PURPOSES = status_list.PURPOSES
status_lists = VersionedCache("certificates:status-lists", size=16)


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

    def signed() -> dict:
        unsigned = status_list.status_list_credential(
            purpose, status_list_url(purpose), set_indexes(purpose)
        )
        return proof.sign(unsigned)

    document = status_lists.get_or_build((purpose,), signed)
    return document
