"""A person's data as one machine-readable document, and the files that go with it.

`personal_data(user)` returns a JSON-ready dict whose sections docs/privacy.md
describes (`EXPORT_FORMAT`, version `EXPORT_VERSION`): everything the platform
keeps of the person, read through privacy/selectors/holdings.py, and nothing
of anyone else. Other people appear neither by name nor by address: not the
trainer who marked attendance, invited them or delivered a training, not the
coordinator who accredited them, not who looked at their record. Their own
certificates name the trainer, as the paper certificate does; the JSON lists
the certificates without it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from allauth.mfa.models import Authenticator
from django.utils import timezone

from assessments.models import H5PContent
from certificates.models import Certificate
from certificates.services.contents import credential_bytes

from . import holdings
from .people import Person, email_addresses, person_of_user

EXPORT_FORMAT = "leaving-care-training/personal-data"
EXPORT_VERSION = 1
DATA_FILE = "personal-data.json"


def _moment(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat()
    return value.isoformat()


def _number(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _title(page) -> str:
    return page.title if page is not None else ""


def _account(user) -> dict:
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "username": user.username,
        "preferred_language": user.preferred_language,
        "joined_at": _moment(user.date_joined),
        "last_signed_in_at": _moment(user.last_login),
        "active": user.is_active,
    }


def _email_addresses(user) -> list[dict]:
    from allauth.account.models import EmailAddress

    return [
        {"email": address.email, "verified": address.verified, "primary": address.primary}
        for address in EmailAddress.objects.filter(user=user).order_by("pk")
    ]


def _second_factor(user) -> list[dict]:
    # What the person set up, never its secrets.
    return [
        {
            "type": authenticator.type,
            "created_at": _moment(authenticator.created_at),
            "last_used_at": _moment(authenticator.last_used_at),
        }
        for authenticator in Authenticator.objects.filter(user=user).order_by("pk")
    ]


def _records(person: Person) -> list[dict]:
    return [
        {
            "id": record.pk,
            "name": record.display_name,
            "age_band": record.age_band,
            "country": record.country.code if record.country else None,
            "organisation": record.organisation.name if record.organisation else None,
            "recorded_at": _moment(record.created_at),
            "merged_into": record.merged_into_id,
        }
        for record in holdings.records(person).select_related("country", "organisation")
    ]


def _cohort(cohort) -> dict:
    return {
        "cohort": cohort.name,
        "course": _title(cohort.course),
        "kind": cohort.kind,
        "country": cohort.country.code,
        "language": cohort.language,
        "starts_on": _moment(cohort.starts_on),
        "ends_on": _moment(cohort.ends_on),
    }


def _memberships(person: Person) -> list[dict]:
    rows = holdings.memberships(person).select_related("cohort__course", "cohort__country")
    return [
        {
            "record": membership.participant_id,
            **_cohort(membership.cohort),
            "joined_at": _moment(membership.joined_at),
            "completed_at": _moment(membership.completed_at),
        }
        for membership in rows.order_by("joined_at", "pk")
    ]


def _team_roles(person: Person) -> list[dict]:
    rows = holdings.team_roles(person).select_related("cohort__course", "cohort__country")
    return [
        {"record": role.participant_id, **_cohort(role.cohort), "role": role.role}
        for role in rows.order_by("cohort__starts_on", "pk")
    ]


def _attendance(person: Person) -> list[dict]:
    rows = holdings.attendance(person).select_related("session__cohort")
    return [
        {
            "record": mark.participant_id,
            "cohort": mark.session.cohort.name,
            "session_starts_at": _moment(mark.session.starts_at),
            "place": mark.session.place,
            "status": mark.status,
            "marked_at": _moment(mark.marked_at),
        }
        for mark in rows.order_by("session__starts_at", "pk")
    ]


def _accreditations(person: Person) -> list[dict]:
    rows = holdings.accreditations(person).select_related("country", "granted_by_cohort")
    return [
        {
            "record": accreditation.participant_id,
            "level": accreditation.level,
            "country": accreditation.country.code,
            "valid_from": _moment(accreditation.valid_from),
            "valid_until": _moment(accreditation.valid_until),
            "granted_by_cohort": (
                accreditation.granted_by_cohort.name if accreditation.granted_by_cohort else None
            ),
            "granted_at": _moment(accreditation.granted_at),
            "revoked_at": _moment(accreditation.revoked_at),
        }
        for accreditation in rows.order_by("valid_from", "pk")
    ]


def _enrolments(person: Person) -> list[dict]:
    rows = holdings.enrolments(person).select_related("course", "last_lesson")
    return [
        {
            "course": _title(enrolment.course),
            "enrolled_at": _moment(enrolment.enrolled_at),
            "last_lesson": _title(enrolment.last_lesson),
            "last_activity_at": _moment(enrolment.last_activity_at),
            "completed_at": _moment(enrolment.completed_at),
        }
        for enrolment in rows.order_by("enrolled_at", "pk")
    ]


def _lesson_progress(person: Person) -> list[dict]:
    rows = holdings.lesson_progress(person).select_related("lesson")
    return [
        {
            "lesson": _title(progress.lesson),
            "started_at": _moment(progress.started_at),
            "last_viewed_at": _moment(progress.last_viewed_at),
            "completed_at": _moment(progress.completed_at),
        }
        for progress in rows.order_by("started_at", "pk")
    ]


def _attempts(person: Person) -> list[dict]:
    rows = holdings.attempts(person).select_related("assessment", "h5p_content", "cohort")
    return [
        {
            "record": attempt.participant_id,
            "activity": (attempt.assessment or attempt.h5p_content).title,
            "kind": attempt.kind,
            "source": attempt.source,
            "status": attempt.status,
            "cohort": attempt.cohort.name if attempt.cohort else None,
            "started_at": _moment(attempt.started_at),
            "submitted_at": _moment(attempt.submitted_at),
            "score": _number(attempt.score),
            "max_score": _number(attempt.max_score),
            "percent": _number(attempt.percent),
            "passed": attempt.passed,
            "attitude": _number(attempt.attitude),
            "answers": attempt.answers,
        }
        for attempt in rows.order_by("submitted_at", "pk")
    ]


def _activity_titles(keys) -> dict:
    titles = {}
    for key, title in H5PContent.objects.filter(translation_key__in=set(keys)).values_list(
        "translation_key", "title"
    ):
        titles.setdefault(key, title)
    return titles


def _h5p_states(person: Person) -> list[dict]:
    states = list(holdings.h5p_states(person).order_by("pk"))
    titles = _activity_titles(state.content_key for state in states)
    return [
        {
            "activity": titles.get(state.content_key, ""),
            "updated_at": _moment(state.updated_at),
            "state": state.state,
        }
        for state in states
    ]


def _xapi_statements(person: Person) -> list[dict]:
    rows = holdings.xapi_statements(person).select_related("h5p_content")
    return [
        {
            "activity": statement.h5p_content.title,
            "verb": statement.verb,
            "received_at": _moment(statement.received_at),
            "statement": statement.statement,
        }
        for statement in rows.order_by("received_at", "pk")
    ]


def certificate_file_name(certificate: Certificate, extension: str) -> str:
    return f"certificates/{certificate.code}.{extension}"


def _certificates(person: Person) -> list[dict]:
    rows = holdings.certificates_held(person).select_related("course", "cohort")
    return [
        {
            "code": certificate.code,
            "kind": certificate.kind,
            "course": _title(certificate.course),
            "cohort": certificate.cohort.name if certificate.cohort else None,
            "language": certificate.language,
            "holder_name": certificate.holder_name,
            "issued_at": _moment(certificate.issued_at),
            "valid_from": _moment(certificate.valid_from),
            "valid_until": _moment(certificate.valid_until),
            "status": certificate.status,
            "pdf": certificate_file_name(certificate, "pdf") if certificate.pdf else None,
            "credential": (
                certificate_file_name(certificate, "json") if certificate.credential else None
            ),
        }
        for certificate in rows.order_by("issued_at", "pk")
    ]


def _invitations(person: Person) -> list[dict]:
    rows = holdings.invitations(person, email_addresses(person.user)).select_related("cohort")
    return [
        {
            "cohort": invitation.cohort.name,
            "email": invitation.email,
            "role": invitation.role,
            "invited_at": _moment(invitation.created_at),
            "accepted_at": _moment(invitation.accepted_at),
            "declined_at": _moment(invitation.declined_at),
        }
        for invitation in rows.order_by("created_at", "pk")
    ]


def _guardian_consent(person: Person) -> list[dict]:
    # That a guardian agreed, when and how; not the guardian's name or address (theirs).
    rows = holdings.guardian_consents(person)
    if rows is None:
        return []
    return [
        {
            "given_at": _moment(consent.given_at),
            "method": consent.method,
            "country_of_the_rule": consent.rule_country_code,
            "age_of_digital_consent": consent.age_of_digital_consent,
        }
        for consent in rows.order_by("pk")
    ]


def _date_of_birth(person: Person) -> list[dict]:
    # Kept only for a young person whose account was made without a guardian's consent.
    return [
        {"date_of_birth": _moment(row.born_on), "kept_until": _moment(row.kept_until)}
        for row in holdings.date_of_birth(person)
    ]


def _roles(person: Person) -> list[dict]:
    return [
        {"role": role.role, "country": role.country.code if role.country else None}
        for role in holdings.roles(person).select_related("country").order_by("pk")
    ]


def _monthly_reports(person: Person) -> list[dict]:
    rows = holdings.monthly_reports(person).select_related("country")
    return [
        {
            "country": report.country.code,
            "month": _moment(report.month),
            "language": report.language,
            "status": report.status,
            "sent_at": _moment(report.sent_at),
        }
        for report in rows.order_by("month", "pk")
    ]


def _failed_tasks(person: Person) -> list[dict]:
    rows = holdings.failed_tasks(person)
    if rows is None:
        return []
    return [
        {
            "task": task.task_name,
            "state": task.state,
            "attempts": task.attempts,
            "first_failed_at": _moment(task.first_failed_at),
            "last_failed_at": _moment(task.last_failed_at),
        }
        for task in rows.order_by("first_failed_at", "pk")
    ]


def _audit_trail(person: Person) -> list[dict]:
    # What was done with the person's records and when; not who did it (another person).
    rows = holdings.audit_entries(person).select_related("target_type")
    return [
        {
            "occurred_at": _moment(entry.occurred_at),
            "action": entry.action,
            "record_type": entry.target_type.model,
            "record_id": entry.target_id,
        }
        for entry in rows.order_by("occurred_at", "pk")
    ]


SECTIONS: dict[str, Callable[[Person], list[dict]]] = {
    "records": _records,
    "cohorts": _memberships,
    "team_roles": _team_roles,
    "attendance": _attendance,
    "accreditations": _accreditations,
    "enrolments": _enrolments,
    "lesson_progress": _lesson_progress,
    "attempts": _attempts,
    "h5p_states": _h5p_states,
    "xapi_statements": _xapi_statements,
    "certificates": _certificates,
    "invitations": _invitations,
    "guardian_consent": _guardian_consent,
    "date_of_birth": _date_of_birth,
    "roles": _roles,
    "monthly_reports": _monthly_reports,
    "failed_tasks": _failed_tasks,
    "audit_trail": _audit_trail,
}


def personal_data(user) -> dict:
    """Everything the platform keeps of the signed-in person `user`, as JSON-ready values.

    The sections and their fields are those of docs/privacy.md ("What the
    download holds"); every section is there, empty when there is nothing.
    """
    person = person_of_user(user)
    data = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": _moment(timezone.now()),
        "account": _account(user),
        "email_addresses": _email_addresses(user),
        "second_factor": _second_factor(user),
    }
    for name, section in SECTIONS.items():
        data[name] = section(person)
    return data


@dataclass(frozen=True)
class ExportFile:
    name: str  # the path inside the zip
    read: Callable[[], bytes]


def personal_files(user) -> Iterator[ExportFile]:
    """The person's certificates as files: each PDF and its signed credential (JSON)."""
    person = person_of_user(user)
    for certificate in holdings.certificates_held(person).order_by("issued_at", "pk"):
        if certificate.pdf:

            def read_pdf(certificate=certificate) -> bytes:
                with certificate.pdf.open("rb") as pdf:
                    return pdf.read()

            yield ExportFile(certificate_file_name(certificate, "pdf"), read_pdf)
        if certificate.credential:
            credential = certificate.credential
            yield ExportFile(
                certificate_file_name(certificate, "json"),
                lambda credential=credential: credential_bytes(credential),
            )
