"""What a certificate says: its template chosen, its wording filled in, its facts.

A `Draft` is what the record says about one certificate (who, what, which
cohort, which trainer, which language); `facts_for` turns it into the
`CertificateFacts` that the credential and the PDF are both made from. The
wording is the certificate template for its course and kind in its language,
else the default-language version, else the template for its kind, else words
built in here (translated like the interface). Names and wording are cleaned
of control characters and written in Unicode NFC (`certificates.text`). The
facts are kept on the certificate as JSON (`facts_as_json`) and read
back with `facts_from_json`.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import logging
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from accounts.languages import written_in
from courses.models import Cohort, Participant, TrainerAccreditation
from courses.models.people import country_name
from shared_cache import VersionedCache

from ..addresses import achievement_url, credential_url, status_list_url, verify_url
from ..credentials import keys, status_list
from ..facts import CertificateFacts, Signatory, StatusEntry
from ..models import Certificate, CertificateTemplate, Kind
from ..text import nfc, nfc_text
from ..wording import fill_placeholders

logger = logging.getLogger(__name__)

LOGO_RENDITION = "max-600x300"


# --- What a certificate says, as stored --------------------------------------------------------


def facts_as_json(facts: CertificateFacts) -> dict:
    """The facts as JSON values (dates as ISO strings), as `Certificate.facts` keeps them."""

    def plain(value):
        if isinstance(value, datetime.date):
            return value.isoformat()
        if isinstance(value, list | tuple):
            return [plain(item) for item in value]
        if isinstance(value, dict):
            return {key: plain(item) for key, item in value.items()}
        return value

    return plain(dataclasses.asdict(facts))


def facts_from_json(data: dict) -> CertificateFacts:
    """The facts a certificate was issued with, read back from `Certificate.facts`."""
    values = dict(data)
    for name in ("issued_on", "starts_on", "ends_on", "valid_from", "valid_until"):
        if values.get(name):
            values[name] = datetime.date.fromisoformat(values[name])
    values["signatories"] = tuple(Signatory(**item) for item in values.get("signatories", ()))
    values["status"] = tuple(StatusEntry(**item) for item in values.get("status", ()))
    known = {field.name for field in dataclasses.fields(CertificateFacts)}
    return CertificateFacts(**{key: value for key, value in values.items() if key in known})


def certificate_facts(certificate: Certificate) -> CertificateFacts:
    return facts_from_json(certificate.facts)


def credential_bytes(credential: dict) -> bytes:
    """The signed credential as the file a holder downloads and the PDF carries.

    Keys are sorted: PostgreSQL's jsonb keeps keys in an order of its own, so the
    credential read back from the database is written out byte for byte as the one
    the PDF took when it was issued.
    """
    return json.dumps(credential, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")


# --- The draft ------------------------------------------------------------------------------------


@dataclass
class Draft:
    """Everything the record says about one certificate, before it has a code."""

    key: str
    kind: str
    participant: Participant
    holder_name: str
    language: str
    issued_by: object | None = None
    course: Page | None = None
    course_key: uuid.UUID | None = None
    cohort: Cohort | None = None
    accreditation: TrainerAccreditation | None = None
    trainer: Participant | None = None
    trainer_certificate: Certificate | None = None
    valid_from: datetime.date | None = None
    valid_until: datetime.date | None = None
    starts_on: datetime.date | None = None
    ends_on: datetime.date | None = None
    hours: float | None = None
    # The cohort that ran the training (an accreditation's: the training of trainers).
    training: Cohort | None = None
    online: bool = False


def name_of(participant: Participant) -> str:
    """A person's name for a certificate: their account's full name, else their record's."""
    user = participant.user if participant.user_id else None
    return nfc(user.get_full_name() if user else "") or nfc(participant.display_name)


# --- Wording ------------------------------------------------------------------------------------


def _template_for(draft: Draft) -> CertificateTemplate | None:
    """The template in the certificate's language: the course's, else the kind's default.

    Each falls back to the default language's version, then to the original.
    """
    course_key = draft.course_key if draft.kind != Kind.ACCREDITATION else None
    candidates = list(
        CertificateTemplate.objects.filter(kind=draft.kind)
        .filter(
            **({"course__translation_key": course_key} if course_key else {"course__isnull": True})
        )
        # Not the course's page (wide rows): its title is read in the certificate's language.
        .select_related("locale", "logo")
        .order_by("pk")
    )
    if course_key and not candidates:
        candidates = list(
            CertificateTemplate.objects.filter(kind=draft.kind, course__isnull=True)
            .select_related("locale", "logo")
            .order_by("pk")
        )
    if not candidates:
        return None
    # Locale.get_default() without its query: the default locale is the settings' language.
    default_language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    for language in (draft.language, default_language):
        for template in candidates:
            if template.locale.language_code == language:
                return template
    return candidates[0]


def _builtin_wording(draft: Draft) -> tuple[str, str, str]:
    """Title, text and criteria when no template is written (in the active language)."""
    if draft.kind == Kind.ACCREDITATION:
        return (
            _("Trainer accreditation"),
            _("{name} is accredited as {level} until {valid_until}."),
            _(
                "Completed a training of trainers in the child-rights-based approach to young "
                "people leaving care, or was accredited by a programme coordinator, and may "
                "deliver the training as its trainer."
            ),
        )
    if draft.kind == Kind.YOUTH:
        return (
            _("Certificate of participation"),
            _("{name} took part in “{course}”, {dates}, with {trainer}."),
            _("Took part in the sessions of the youth module."),
        )
    if draft.online:
        return (
            _("Certificate of completion"),
            _("{name} completed the online course “{course}”."),
            _("Completed every required lesson and passed every required test of the course."),
        )
    return (
        _("Certificate of completion"),
        _("{name} completed “{course}” ({hours} hours, {dates}), delivered by {trainer}."),
        _(
            "Attended the required share of the training's sessions, completed the course's "
            "required lessons and passed its required tests."
        ),
    )


def _date_text(day: datetime.date | None) -> str:
    return formats.date_format(day, "DATE_FORMAT") if day else ""


def _dates_text(first: datetime.date | None, last: datetime.date | None) -> str:
    if first and last and first != last:
        return f"{_date_text(first)} – {_date_text(last)}"
    return _date_text(first or last)


def _hours_text(hours: float | None) -> str:
    if not hours:
        return ""
    if float(hours).is_integer():
        return formats.number_format(int(hours))
    return formats.number_format(hours, decimal_pos=1)


def _course_title(course: Page | None, language: str) -> tuple[str, str]:
    """The course's title in `language` where it is translated, else its original's title;
    with the language that title is written in."""
    if course is None:
        return "", ""
    translated = (
        Page.objects.filter(
            translation_key=course.translation_key, locale__language_code=language, live=True
        )
        .values_list("title", flat=True)
        .first()
    )
    if translated is not None:
        return nfc(translated), language
    return nfc(course.title), written_in(course)


def logo_path(template: CertificateTemplate | None) -> str:
    """The template's logo, shrunk, as a file on disk (empty when there is none).

    With media on a storage without local files (S3), the shrunk logo is copied
    once into this machine's temporary folder: the PDF reads local files only.
    """
    if template is None or template.logo is None:
        return ""
    try:
        rendition = template.logo.get_rendition(LOGO_RENDITION)
        try:
            path = rendition.file.path
        except NotImplementedError:  # a storage without local files
            path = ""
        return path if path and Path(path).is_file() else str(_local_copy(rendition.file))
    except (ValueError, OSError):
        logger.warning("Logo of certificate template %s could not be read", template.pk)
        return ""


def _local_copy(file) -> Path:
    # Rendition names are unique in their storage (the original's name, the filter, the focus).
    local = Path(tempfile.gettempdir()) / "leaving-care-logos" / file.name.replace("/", "_")
    if not local.is_file():
        local.parent.mkdir(parents=True, exist_ok=True)
        with file.open("rb") as source:
            data = source.read()
        partial = local.with_name(f"{local.name}.{uuid.uuid4().hex}.part")
        partial.write_bytes(data)
        partial.replace(local)  # whole or not at all, even with two processes at once
    return local


# --- Wording kept between certificates ---------------------------------------------------------
#
# A cohort's certificates, and most certificates of a course, are worded by the
# same template: what it says (title, text, criteria, signatories, logo file) is
# kept in this process's memory under a version that all processes share (a
# `shared_cache.VersionedCache`). Saving or deleting a certificate template, an
# image or a rendition (a logo) starts a new version (connected in apps.py), so
# no certificate is worded as a template was before an editor changed it.
wordings = VersionedCache("certificates:wording", size=2000)


def wording_changed(**_signal_kwargs) -> None:
    """A template or a logo changed: every process reads the wording anew."""
    wordings.changed()


@dataclass(frozen=True)
class Wording:
    """What a certificate template says, as its certificates print it."""

    title: str
    body: str
    criteria: str
    signatories: tuple[Signatory, ...]
    logo_path: str


def _written_wording(draft: Draft) -> Wording | None:
    """The wording of the template for the draft (None when no template is written)."""
    course_key = draft.course_key if draft.kind != Kind.ACCREDITATION else None

    def written() -> tuple[Wording | None]:
        template = _template_for(draft)
        if template is None:
            return (None,)
        return (
            Wording(
                title=template.title,
                body=template.body,
                criteria=template.criteria,
                signatories=tuple(
                    Signatory(name=nfc(block.value["name"]), role=nfc(block.value["role"]))
                    for block in template.signatories
                ),
                logo_path=logo_path(template),
            ),
        )

    # A tuple: "no template" is kept too.
    kept = wordings.get_or_build((draft.kind, course_key, draft.language), written)
    return kept[0]


def facts_for(draft: Draft, *, code: str, index: int) -> CertificateFacts:
    """What the certificate says, in its language, every placeholder filled and names NFC."""
    with translation.override(draft.language):
        wording = _written_wording(draft)
        if draft.accreditation is not None and draft.training is not None:
            course_title, title_language = _course_title(draft.training.course, draft.language)
        else:
            course_title, title_language = _course_title(draft.course, draft.language)
        training = draft.training
        country = (
            draft.accreditation.country
            if draft.accreditation is not None
            else (training.country if training else draft.participant.country)
        )
        values = {
            "name": draft.holder_name,
            "course": course_title,
            "hours": _hours_text(draft.hours),
            "dates": _dates_text(draft.starts_on, draft.ends_on),
            "cohort": nfc(training.name) if training else "",
            "country": nfc(country_name(country.code, country.name)) if country else "",
            "trainer": name_of(draft.trainer) if draft.trainer else "",
            "level": (str(draft.accreditation.get_level_display()) if draft.accreditation else ""),
            "valid_until": _date_text(draft.valid_until),
        }
        if wording is not None:
            title, body, criteria = wording.title, wording.body, wording.criteria
            signatories, logo = wording.signatories, wording.logo_path
        else:
            title, body, criteria = _builtin_wording(draft)
            signatories, logo = (), ""
        trainer_certificate = draft.trainer_certificate
        return CertificateFacts(
            code=code,
            kind=draft.kind,
            language=draft.language,
            holder_name=draft.holder_name,
            title=nfc(fill_placeholders(title, values)),
            body=nfc_text(fill_placeholders(body, values)),
            course_title=course_title,
            criteria=nfc_text(fill_placeholders(criteria, values)),
            issued_on=timezone.localdate(),
            issuer_name=nfc(str(settings.CERTIFICATES_ISSUER_NAME)),
            issuer_url=keys.base_url() + "/",
            organisation_name=nfc(training.host_organisation.name) if training else "",
            country_name=values["country"],
            cohort_name=values["cohort"],
            starts_on=draft.starts_on,
            ends_on=draft.ends_on,
            hours=draft.hours,
            valid_from=draft.valid_from,
            valid_until=draft.valid_until,
            level=values["level"],
            trainer_name=values["trainer"],
            trainer_accreditation_code=trainer_certificate.code if trainer_certificate else "",
            trainer_credential_url=(
                credential_url(trainer_certificate.code) if trainer_certificate else ""
            ),
            signatories=signatories,
            logo_path=logo,
            verify_url=verify_url(code),
            credential_url=credential_url(code),
            achievement_url=achievement_url(draft.course_key, draft.kind),
            status=tuple(
                StatusEntry(purpose=purpose, index=index, list_url=status_list_url(purpose))
                for purpose in status_list.PURPOSES
            ),
            course_title_language=title_language,
        )
