"""Everything a verifier checks about a credential, as one result a page can show.

`check_credential`: that it is an Open Badges credential on VC 2.0 (its types,
the VC 2.0 context first), the signature (proof.verify: one of the platform's
keys, current or retired), that the platform issued it, its validity dates
against now, and, for each of its BitstringStatusList entries in the
platform's own lists, whether the bit is set: the caller supplies
`status_of(purpose, index)`, which reads the database.

`check_presented_credential`: what the public check page runs on a stranger's
upload. It canonicalises nothing a stranger wrote: only a credential whose id
is one the platform issued, and that is, as JSON, exactly the credential the
platform stored under that id, is checked, and then the stored one is (its
size is ours). Anything else is answered at once: not issued by this platform,
or not what this platform issued.

Whatever a visitor uploads, the answer is a result, never an exception: not a
JSON object, no proof, junk in the proof value, or a document far larger than
any credential all give an invalid result with its reason.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import keys, proof
from .contexts import CREDENTIALS_V2, OPEN_BADGES_V3

VALID = "valid"
INVALID = "invalid"
EXPIRED = "expired"
NOT_YET_VALID = "not_yet_valid"
REVOKED = "revoked"
SUSPENDED = "suspended"
STATUS_LABELS = {
    VALID: _("Valid"),
    INVALID: _("Not valid"),
    EXPIRED: _("Expired"),
    NOT_YET_VALID: _("Not yet valid"),
    REVOKED: _("Revoked"),
    SUSPENDED: _("Suspended"),
}

NOT_AN_OPEN_BADGE = _(
    "This is not an Open Badges credential (a VerifiableCredential and OpenBadgeCredential "
    "under the Verifiable Credentials 2.0 context)."
)
NOT_ISSUED_HERE = _("This credential was not issued by this platform.")
NOT_AS_ISSUED = _(
    "This does not match the credential this platform issued under this id: it was changed."
)

# A credential of ours is a few kilobytes and a few dozen objects deep at most.
MAX_NODES = 5_000
MAX_DEPTH = 32
MAX_CHARACTERS = 500_000


@dataclass(frozen=True)
class CredentialCheck:
    status: str  # one of VALID, INVALID, EXPIRED, NOT_YET_VALID, REVOKED, SUSPENDED
    reason: str = ""
    signature_valid: bool = False
    issued_by_platform: bool = False
    key_id: str = ""
    credential_id: str = ""
    code: str = ""  # the certificate's code, when the credential's id is one of ours
    holder_name: str = ""
    achievement_name: str = ""
    issuer_name: str = ""
    trainer_name: str = ""
    valid_from: datetime.datetime | None = None
    valid_until: datetime.datetime | None = None

    @property
    def valid(self) -> bool:
        return self.status == VALID

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def expired_on(self) -> datetime.date | None:
        return self.valid_until.date() if self.status == EXPIRED and self.valid_until else None


def within_limits(document: Any) -> bool:
    """Whether a decoded JSON value is small enough to be worth checking (no recursion)."""
    stack = [(document, 0)]
    nodes = characters = 0
    while stack:
        value, depth = stack.pop()
        nodes += 1
        if nodes > MAX_NODES or depth > MAX_DEPTH:
            return False
        if isinstance(value, dict):
            for key, item in value.items():
                characters += len(key) if isinstance(key, str) else 0
                stack.append((item, depth + 1))
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)
        elif isinstance(value, str):
            characters += len(value)
        if characters > MAX_CHARACTERS:
            return False
    return True


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _field(node: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node


def _moment(value: Any) -> datetime.datetime | None:
    """An xsd:dateTime as an aware datetime; ValueError if it is not one."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError("not a date and time")
    moment = datetime.datetime.fromisoformat(value)
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=datetime.UTC)
    return moment


def code_from_credential_id(credential_id: str) -> str:
    """The certificate code in one of our credential ids (`{base}/credentials/{code}`), or ""."""
    prefix = keys.base_url() + "/credentials/"
    if not credential_id.startswith(prefix):
        return ""
    code = credential_id[len(prefix) :]
    return code if code.isalnum() else ""


def _is_open_badge(document: dict) -> bool:
    """An OpenBadgeCredential on VC 2.0: both types, the VC 2.0 context first, OB 3.0's too."""
    context = document.get("@context")
    types = document.get("type")
    return (
        isinstance(context, list)
        and context[:1] == [CREDENTIALS_V2]
        and OPEN_BADGES_V3 in context
        and isinstance(types, list)
        and "VerifiableCredential" in types
        and "OpenBadgeCredential" in types
    )


def _same_json(first: Any, second: Any) -> bool:
    """Equal as JSON: unlike ==, `false` is not `0` and `1.0` is not `1`."""

    def plain(value: Any) -> str:
        return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))

    try:
        return plain(first) == plain(second)
    except (TypeError, ValueError):
        return False


def _status_entries(document: dict) -> list[dict]:
    entries = document.get("credentialStatus")
    entries = entries if isinstance(entries, list) else [entries]
    return [entry for entry in entries if isinstance(entry, dict)]


def check_credential(
    document: Any,
    *,
    status_of: Callable[[str, int], bool],
    code_of: Callable[[str], str] = code_from_credential_id,
    now: datetime.datetime | None = None,
) -> CredentialCheck:
    """Check a credential as a verifier would.

    `status_of(purpose, index)` says whether the bit is set in the platform's
    list for `purpose` ("revocation" or "suspension"); it is asked only about
    entries whose list is the platform's own.
    """
    if not isinstance(document, dict):
        return CredentialCheck(INVALID, _("This is not a credential (a JSON object)."))
    if not within_limits(document):
        return CredentialCheck(INVALID, _("This is far larger than any credential."))
    if not _is_open_badge(document):
        return CredentialCheck(INVALID, NOT_AN_OPEN_BADGE)
    try:
        signature = proof.verify(document)
    except Exception:  # a visitor's upload never becomes a server error
        signature = proof.ProofCheck(False, _("The credential could not be read."))
    credential_id = _text(document.get("id"))
    if not signature.valid:
        return CredentialCheck(
            INVALID, signature.reason, key_id=signature.key_id, credential_id=credential_id
        )

    issuer = document.get("issuer")
    issuer_id = _text(issuer.get("id") if isinstance(issuer, dict) else issuer)
    subject = document.get("credentialSubject")
    details = {
        "signature_valid": True,
        "key_id": signature.key_id,
        "credential_id": credential_id,
        "holder_name": _text(_field(subject, "name")),
        "achievement_name": _text(_field(subject, "achievement", "name")),
        "issuer_name": _text(_field(issuer, "name")),
        "trainer_name": _text(_field(subject, "source", "name")),
    }
    if issuer_id != keys.issuer_id():
        return CredentialCheck(
            INVALID, _("The credential names another issuer than this platform."), **details
        )
    details["issued_by_platform"] = True
    details["code"] = code_of(credential_id) if credential_id else ""
    try:
        valid_from = _moment(document.get("validFrom"))
        valid_until = _moment(document.get("validUntil"))
    except ValueError:
        return CredentialCheck(INVALID, _("The credential's dates cannot be read."), **details)
    details.update(valid_from=valid_from, valid_until=valid_until)

    our_lists = keys.base_url() + "/"
    revoked = suspended = False
    for entry in _status_entries(document):
        list_url = _text(entry.get("statusListCredential"))
        index_text = _text(entry.get("statusListIndex"))
        if entry.get("type") != "BitstringStatusListEntry" or not list_url.startswith(our_lists):
            continue
        if not index_text.isdigit() or len(index_text) > 9:
            return CredentialCheck(INVALID, _("Its status entry is malformed."), **details)
        purpose = entry.get("statusPurpose")
        if purpose == "revocation" and status_of("revocation", int(index_text)):
            revoked = True
        elif purpose == "suspension" and status_of("suspension", int(index_text)):
            suspended = True

    now = now or timezone.now()
    if revoked:
        return CredentialCheck(REVOKED, _("The issuer has revoked this credential."), **details)
    if suspended:
        return CredentialCheck(SUSPENDED, _("The issuer has suspended this credential."), **details)
    if valid_until and valid_until < now:
        return CredentialCheck(EXPIRED, _("This credential has expired."), **details)
    if valid_from and valid_from > now:
        return CredentialCheck(NOT_YET_VALID, _("This credential is not valid yet."), **details)
    return CredentialCheck(VALID, _("Signed by this platform and in force."), **details)


def check_presented_credential(
    document: Any,
    *,
    issued_credential: Callable[[str], dict | None],
    status_of: Callable[[str, int], bool],
    code_of: Callable[[str], str] = code_from_credential_id,
    now: datetime.datetime | None = None,
) -> CredentialCheck:
    """Check a credential someone presents, canonicalising only what the platform issued.

    `issued_credential(credential_id)` gives the credential the platform stored
    under that id, or None. The presented document must be that credential,
    exactly (as parsed JSON); the stored one is then checked as `check_credential`
    does. A document that is not an Open Badges credential, whose id is not one of
    ours, or that differs from what was issued is invalid at once.
    """
    if not isinstance(document, dict):
        return CredentialCheck(INVALID, _("This is not a credential (a JSON object)."))
    if not within_limits(document):
        return CredentialCheck(INVALID, _("This is far larger than any credential."))
    if not _is_open_badge(document):
        return CredentialCheck(INVALID, NOT_AN_OPEN_BADGE)
    credential_id = _text(document.get("id"))
    code = code_of(credential_id) if credential_id else ""
    issued = issued_credential(credential_id) if code else None
    if not issued:
        return CredentialCheck(INVALID, NOT_ISSUED_HERE, credential_id=credential_id)
    if not _same_json(document, issued):
        return CredentialCheck(INVALID, NOT_AS_ISSUED, credential_id=credential_id, code=code)
    return check_credential(issued, status_of=status_of, code_of=code_of, now=now)
