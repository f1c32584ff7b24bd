"""A certificate's facts as an unsigned Open Badges 3.0 credential (OpenBadgeCredential, VC 2.0).

Only terms that the two held contexts define are used (proof.py refuses any
other). The cascade is written into the credential: when a trainer delivered
the training, the achievement's `source` is the trainer, identified as the
subject of their own accreditation credential, and the credential's `evidence`
links that credential, which links its trainer's in turn, down to generation 0.

Holders and trainers carry no identifier of their own, so each is identified as
"the subject of this credential": `{credential URL}#subject`.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from ..facts import CertificateFacts
from . import keys
from .contexts import CREDENTIAL_CONTEXTS

# Open Badges 3.0 AchievementType values: a course or module completed, and a
# trainer's accreditation (time-limited, revocable, awarded for the ability to
# do a job: what the specification calls a Certification).
ACHIEVEMENT_TYPES = {
    "completion": "CertificateOfCompletion",
    "youth": "CertificateOfCompletion",
    "accreditation": "Certification",
}


def start_of_day(day: datetime.date) -> str:
    """An xsd:dateTime for the first second of `day` (UTC)."""
    return f"{day.isoformat()}T00:00:00Z"


def end_of_day(day: datetime.date) -> str:
    """An xsd:dateTime for the last second of `day` (UTC): valid until a day means valid on it."""
    return f"{day.isoformat()}T23:59:59Z"


def subject_id(credential_url: str) -> str:
    """Who a credential is about, as an IRI: the subject of that credential."""
    return f"{credential_url}#subject" if credential_url else ""


def _without_empty(values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value not in ("", None, [], {})}


def _accreditation_wording(level: str, course: str) -> tuple[str, str]:
    """An accreditation's name and description, with the level and course it has.

    A coordinator's first-generation accreditation names no course: it then
    reads as the level alone, never "Trainer: " or "the training “”".
    """
    values = {"level": level, "course": course}
    if level and course:
        return (
            _("%(level)s: %(course)s") % values,
            _("Accreditation as %(level)s to deliver the training “%(course)s”.") % values,
        )
    if course:
        return course, _("Accreditation to deliver the training “%(course)s”.") % values
    if level:
        return level, _("Accreditation as %(level)s.") % values
    return _("Trainer accreditation"), _("Accreditation as a trainer.")


def _achievement(facts: CertificateFacts) -> dict:
    if facts.kind == "accreditation":
        name, description = _accreditation_wording(facts.level, facts.course_title)
    else:
        name = facts.course_title
        description = _("Awarded for completing the training “%(course)s”.") % {
            "course": facts.course_title
        }
    return _without_empty(
        {
            "id": facts.achievement_url,
            "type": ["Achievement"],
            "achievementType": ACHIEVEMENT_TYPES.get(facts.kind, "CertificateOfCompletion"),
            "name": name,
            "description": description,
            "criteria": {"narrative": facts.criteria or description},
            "inLanguage": facts.language,
        }
    )


def _subject(facts: CertificateFacts) -> dict:
    subject: dict[str, Any] = {
        "id": subject_id(facts.credential_url),
        "type": ["AchievementSubject"],
        "name": facts.holder_name,
        # Open Badges names the holder through an identity object; `name` is for people.
        "identifier": [
            {
                "type": "IdentityObject",
                "identityType": "name",
                "hashed": False,
                "identityHash": facts.holder_name,
            }
        ],
        "achievement": _achievement(facts),
    }
    if facts.starts_on:
        subject["activityStartDate"] = start_of_day(facts.starts_on)
    if facts.ends_on:
        subject["activityEndDate"] = start_of_day(facts.ends_on)
    if facts.trainer_name:
        subject["source"] = _without_empty(
            {
                "id": subject_id(facts.trainer_credential_url),
                "type": ["Profile"],
                "name": facts.trainer_name,
            }
        )
    return _without_empty(subject)


def _evidence(facts: CertificateFacts) -> list[dict]:
    if not (facts.trainer_name and facts.trainer_credential_url):
        return []
    description = (
        _("%(trainer)s, accreditation %(code)s")
        % {"trainer": facts.trainer_name, "code": facts.trainer_accreditation_code}
        if facts.trainer_accreditation_code
        else facts.trainer_name
    )
    return [
        {
            "id": facts.trainer_credential_url,
            "type": ["Evidence"],
            "name": _("The accreditation of the trainer who delivered the training"),
            "description": description,
        }
    ]


def _status(facts: CertificateFacts) -> list[dict]:
    return [
        {
            "id": f"{entry.list_url}#{entry.index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": entry.purpose,
            "statusListIndex": str(entry.index),
            "statusListCredential": entry.list_url,
        }
        for entry in facts.status
    ]


def unsigned_credential(facts: CertificateFacts) -> dict:
    """A certificate's OpenBadgeCredential, in the certificate's language, ready to sign."""
    with translation.override(facts.language or None):
        credential = {
            "@context": list(CREDENTIAL_CONTEXTS),
            "id": facts.credential_url,
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "issuer": _without_empty(
                {
                    "id": keys.issuer_id(),
                    "type": ["Profile"],
                    "name": facts.issuer_name,
                    "url": facts.issuer_url,
                }
            ),
            "name": facts.title,
            "description": facts.body,
            "validFrom": start_of_day(facts.valid_from or facts.issued_on),
            "validUntil": end_of_day(facts.valid_until) if facts.valid_until else "",
            "credentialSubject": _subject(facts),
            "credentialStatus": _status(facts),
            "evidence": _evidence(facts),
        }
    return _without_empty(credential)
