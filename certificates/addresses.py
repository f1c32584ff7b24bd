"""The public addresses of certificates, credentials and status lists.

Absolute, from settings.CERTIFICATES_BASE_URL: they are printed on paper (the
QR code), written into signed credentials and e-mailed, so they never depend
on the request that made them.
"""

from __future__ import annotations

import uuid

from .credentials.keys import base_url


def verify_url(code: str) -> str:
    """The public verification page of a certificate (its QR code's target)."""
    return f"{base_url()}/verify/{code}/"


def credential_url(code: str) -> str:
    """The signed credential's id and address."""
    return f"{base_url()}/credentials/{code}"


def achievement_url(course_key: uuid.UUID | str | None, kind: str) -> str:
    """The Open Badges Achievement of a course (or of accreditation) and a kind."""
    return f"{base_url()}/credentials/achievements/{course_key or 'accreditation'}/{kind}"


def status_list_url(purpose: str) -> str:
    """The signed BitstringStatusListCredential of a purpose ("revocation", "suspension")."""
    return f"{base_url()}/credentials/status/{purpose}"
