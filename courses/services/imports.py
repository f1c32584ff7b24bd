"""Importing a cohort's roster from a CSV or XLSX file.

The file has a header row (line 1) and one person a row. Columns, matched
case-insensitively after trimming (spaces and hyphens count as underscores, so
"First name" and "E-mail" work too):

    email         a professional's e-mail address
    first_name    a professional's first name
    last_name     a professional's last name
    organisation  employer or care setting; optional; must exist in the cohort's country
    name_or_code  a young person's first name or a code, never a full name
    age_band      a young person's age band: a value ("14_17") or its label in
                  English or in the cohort's language ("14 to 17")

A row is either a registered professional (email, first_name, last_name) or a
roster-only young person (name_or_code, age_band, no e-mail). Other columns
are refused, so that nobody believes a phone number or a note was stored.

How CSV and XLSX files are read (encodings, separators, formulas, NFC) is in
`spreadsheets.py`.

All rows or none: every row is checked first and every problem is reported
with its line as the user sees it in the file; if there is one, nothing is
written and `ImportRejected` carries the whole list.

One person, one participant; and the file reveals nothing about accounts:

- A professional joins the roster as the name the trainer typed, with the
  organisation, and the address is invited (`invitations.invitation_create`):
  the person becomes the member with their account only by accepting. Whether
  the address has an account is never looked up, so a known and an unknown
  address give the trainer the same result, and nobody's account name or
  address appears on any page the trainer opens.
- An address this cohort already invited as a member means the record made
  for that invitation (importing a file twice adds nobody, and invites nobody
  twice). An address shown on this cohort's roster (a member who joined with
  their account) means that member: the trainer sees that address already.
- A young person is the participant in the cohort's country with the same
  name or code (case-insensitive) and age band and no account who is already
  a member of this cohort or of another cohort with the same lead trainer.
  Nobody else's roster is searched: two trainers' "Maria, 14 to 17" are two
  young people. Without such a participant, a new one is recorded.

An address that stands for an account no longer in the cohort adds it again
only as joining would: not a young person below the age of the cohort's
country without a guardian's consent (a row error).

A person who is already a member is not an error: they are skipped and listed
in `ImportResult.already_members`. An import fills an empty organisation on a
participant it finds; it never replaces one.
"""

from __future__ import annotations

import logging
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from ..models import (
    Cohort,
    CohortInvitation,
    CohortMembership,
    CohortTrainer,
    Organisation,
    Participant,
)
from ..models.invitations import normalise_email
from ..selectors.access import can_manage_cohort
from ..selectors.cohorts import cohort_team_ids
from ..selectors.consent import account_consent_missing, age_rule
from ..selectors.invitations import canonical_record
from ..spreadsheets import ImportRejected, RowError, fold, read_rows
from .cohorts import cohort_add_member
from .errors import on_the_team_refusal, record_consent_refusal
from .invitations import invitation_new

logger = logging.getLogger(__name__)

# More people than this is a mistake or several cohorts in one file.
MAX_ROWS = 2000

PROFESSIONAL_COLUMNS = ("email", "first_name", "last_name")
YOUNG_PERSON_COLUMNS = ("name_or_code", "age_band")
COLUMNS = (*PROFESSIONAL_COLUMNS, "organisation", *YOUNG_PERSON_COLUMNS)
COLUMN_ALIASES = {"e_mail": "email"}

NAME_MAX_LENGTH = Participant._meta.get_field("display_name").max_length


@dataclass
class ImportResult:
    added: list[Participant] = field(default_factory=list)
    already_members: list[Participant] = field(default_factory=list)
    # One for each professional added; their e-mails leave once the import commits.
    invitations: list[CohortInvitation] = field(default_factory=list)


@dataclass
class _Person:
    """A valid row, and what it turned out to mean."""

    line: int
    display_name: str
    organisation: Organisation | None
    email: str = ""
    age_band: str = ""
    participant: Participant | None = None
    already_member: bool = False


def cohort_import_members(
    cohort: Cohort, data: bytes, filename: str, *, imported_by
) -> ImportResult:
    """Add everyone in a roster file to a cohort, or nobody (see the module docstring).

    Raises `ImportRejected` with every problem found; nothing is written then, and
    `PermissionDenied` when `imported_by` does not run the cohort.
    """
    if not can_manage_cohort(imported_by, cohort):
        raise PermissionDenied
    rows = _read_rows(data, filename)
    people, errors = _check_rows(cohort, rows)
    with transaction.atomic():
        # One import into a cohort at a time, so two uploads cannot both add a person.
        Cohort.objects.select_for_update().get(pk=cohort.pk)
        errors += _match_people(cohort, people)
        errors += _check_capacity(cohort, people)
        if errors:
            raise ImportRejected(sorted(errors, key=lambda error: error.line))
        result = _apply(cohort, people, imported_by=imported_by)
    logger.info(
        "Roster import into cohort %s by user %s: %s added, %s already members, %s invited",
        cohort.pk,
        getattr(imported_by, "pk", None),
        len(result.added),
        len(result.already_members),
        len(result.invitations),
    )
    return result


# Reading the file --------------------------------------------------------------------------


def _read_rows(data: bytes, filename: str) -> list[tuple[int, dict[str, str]]]:
    return read_rows(
        data,
        filename,
        columns=COLUMNS,
        aliases=COLUMN_ALIASES,
        required=(PROFESSIONAL_COLUMNS, YOUNG_PERSON_COLUMNS),
        required_message=_(
            "The header row needs the columns email, first_name and last_name, "
            "or name_or_code and age_band."
        ),
        max_rows=MAX_ROWS,
    )


# Checking every row --------------------------------------------------------------------------


def _fold_words(text: str) -> str:
    """Folded, with runs of spaces as one: "14  to 17" is "14 to 17"."""
    return fold(" ".join(text.split()))


def _age_bands(cohort: Cohort) -> dict[str, str]:
    """Every accepted spelling of an age band, folded, to its value."""
    spellings = {fold(value): value for value in Participant.AgeBand.values}
    for language in ("en", cohort.language):
        with translation.override(language):
            for value, label in Participant.AgeBand.choices:
                spellings.setdefault(_fold_words(str(label)), value)
    return spellings


@dataclass
class _RowCheck:
    person: _Person | None
    # Two rows with the same key are the same person.
    key: tuple | None
    errors: list[RowError]


def _check_rows(
    cohort: Cohort, rows: list[tuple[int, dict[str, str]]]
) -> tuple[list[_Person], list[RowError]]:
    """The people in valid rows, and every problem in the others."""
    organisations = defaultdict(list)
    for organisation in Organisation.objects.filter(country=cohort.country):
        organisations[fold(organisation.name)].append(organisation)
    age_bands = _age_bands(cohort)
    people, errors = [], []
    first_line_of = {}
    for line, values in rows:
        check = _check_row(cohort, line, values, organisations, age_bands)
        if check.key is not None:
            if check.key in first_line_of:
                check.errors.append(
                    RowError(line, "", _duplicate_message(first_line_of[check.key]))
                )
            else:
                first_line_of[check.key] = line
        errors += check.errors
        if not check.errors:
            people.append(check.person)
    return people, errors


def _check_row(
    cohort: Cohort,
    line: int,
    values: dict[str, str],
    organisations: dict[str, list[Organisation]],
    age_bands: dict[str, str],
) -> _RowCheck:
    errors = []

    def error(column: str, message: str) -> None:
        errors.append(RowError(line, column, message))

    organisation = None
    if values["organisation"]:
        matches = organisations.get(fold(values["organisation"]), [])
        if len(matches) == 1:
            organisation = matches[0]
        else:
            names = {"name": values["organisation"], "country": str(cohort.country)}
            if matches:
                message = _("More than one organisation in %(country)s is called “%(name)s”.")
            else:
                message = _("There is no organisation called “%(name)s” in %(country)s.")
            error("organisation", message % names)

    for column, value in values.items():
        if any(unicodedata.category(character) == "Cc" for character in value):
            error(column, _("A value cannot contain line breaks or tabs."))

    is_professional = any(values[column] for column in PROFESSIONAL_COLUMNS)
    for column in PROFESSIONAL_COLUMNS if is_professional else YOUNG_PERSON_COLUMNS:
        if not values[column]:
            error(column, _missing_message(column))

    key = None
    email, age_band = "", ""
    if is_professional:
        for column in YOUNG_PERSON_COLUMNS:
            if values[column]:
                error(
                    column,
                    _(
                        "A row is either a professional (e-mail and name) or a young person "
                        "(name or code and age band), not both."
                    ),
                )
        display_name = f"{values['first_name']} {values['last_name']}".strip()
        if values["email"]:
            try:
                validate_email(values["email"])
            except ValidationError:
                error(
                    "email",
                    _("“%(email)s” is not an e-mail address.") % {"email": values["email"]},
                )
            else:
                email = normalise_email(values["email"])
                key = ("email", email)
        name_column = "last_name"
    else:
        display_name = values["name_or_code"]
        if values["age_band"]:
            age_band = age_bands.get(_fold_words(values["age_band"]), "")
            if not age_band:
                error(
                    "age_band",
                    _("Unknown age band “%(band)s”. The age bands are: %(bands)s.")
                    % {
                        "band": values["age_band"],
                        "bands": ", ".join(Participant.AgeBand.values),
                    },
                )
        if display_name and age_band:
            key = ("young person", fold(display_name), age_band)
        name_column = "name_or_code"
    if len(display_name) > NAME_MAX_LENGTH:
        error(
            name_column,
            _("The name is longer than %(limit)s characters.") % {"limit": NAME_MAX_LENGTH},
        )

    person = None if errors else _Person(line, display_name, organisation, email, age_band)
    return _RowCheck(person, key, errors)


def _missing_message(column: str) -> str:
    messages = {
        "email": _("The e-mail is missing."),
        "first_name": _("The first name is missing."),
        "last_name": _("The last name is missing."),
        "name_or_code": _("The name or code is missing."),
        "age_band": _("The age band is missing."),
    }
    return messages[column]


def _on_the_team_message() -> str:
    return on_the_team_refusal(None).messages[0]


def _duplicate_message(first_line: int) -> str:
    return _("This person is already on line %(line)s.") % {"line": first_line}


# Matching people to participants --------------------------------------------------------------


def _match_people(cohort: Cohort, people: list[_Person]) -> list[RowError]:
    """Find the participant each person already is, if any; errors when two rows are one."""
    member_ids = set(
        CohortMembership.objects.filter(cohort=cohort).values_list("participant_id", flat=True)
    )
    by_email = _known_addresses(cohort)
    team_invited = _open_team_invitations(cohort)
    young_people = _young_people(cohort, member_ids)
    team = cohort_team_ids(cohort)  # whoever runs the cohort is never its member
    rule = age_rule(cohort.country)

    errors, line_of_participant = [], {}
    for person in people:
        participant = None
        if person.email:
            if person.email in team_invited:
                errors.append(
                    RowError(
                        person.line,
                        "email",
                        _("This address already has an open invitation to this cohort's team."),
                    )
                )
                continue
            participant = by_email.get(person.email)
        else:
            candidates = young_people[(fold(person.display_name), person.age_band)]
            # The one already in this cohort, else the first recorded.
            candidates.sort(key=lambda candidate: (candidate.pk not in member_ids, candidate.pk))
            participant = candidates[0] if candidates else None
        if participant is None:
            continue
        if participant.pk in team:
            errors.append(RowError(person.line, "", _on_the_team_message()))
            continue
        if participant.pk in line_of_participant:
            first_line = line_of_participant[participant.pk]
            errors.append(RowError(person.line, "", _duplicate_message(first_line)))
            continue
        line_of_participant[participant.pk] = person.line
        person.participant = participant
        person.already_member = participant.pk in member_ids
        if not person.already_member and _consent_waits(participant, rule):
            refusal = record_consent_refusal(participant, rule)
            errors.append(RowError(person.line, "", " ".join(refusal.messages)))
    return errors


def _consent_waits(participant: Participant, rule) -> bool:
    """Whether adding this record links an account below the age without a guardian's consent
    (a member who left this cohort, found again by the address it was invited at)."""
    return participant.user_id is not None and account_consent_missing(participant.user, rule)


def _known_addresses(cohort: Cohort) -> dict[str, Participant]:
    """Addresses this cohort already knows, to the participant each stands for.

    Only what the trainer has seen: addresses invited into this cohort as members
    (the record made for the invitation, or the record it was folded into), and the
    addresses of members who joined with their account, which the roster shows.
    No other account is looked up.
    """
    known = {}
    invitations = (
        CohortInvitation.objects.filter(cohort=cohort, role=CohortInvitation.Role.MEMBER)
        .select_related("participant__merged_into")
        .order_by("pk")
    )
    for invitation in invitations:
        known.setdefault(invitation.email, canonical_record(invitation.participant))
    members = CohortMembership.objects.filter(
        cohort=cohort, participant__user__isnull=False
    ).select_related("participant__user")
    for membership in members:
        known.setdefault(normalise_email(membership.participant.user.email), membership.participant)
    return known


def _open_team_invitations(cohort: Cohort) -> set[str]:
    return set(
        CohortInvitation.objects.filter(
            cohort=cohort,
            role__in=CohortInvitation.TEAM_ROLES,
            accepted_at__isnull=True,
            declined_at__isnull=True,
        ).values_list("email", flat=True)
    )


def _young_people(cohort: Cohort, member_ids: set[int]):
    """Young people this cohort's lead trainer already has on a roster, by (name, age band).

    From any cohort of the same lead trainer. Names are compared in Python:
    databases disagree on case-insensitive comparison beyond ASCII.
    """
    leads = CohortTrainer.objects.filter(cohort=cohort, role=CohortTrainer.Role.LEAD).values(
        "participant"
    )
    same_lead_cohorts = set(
        CohortTrainer.objects.filter(
            participant__in=leads, role=CohortTrainer.Role.LEAD
        ).values_list("cohort_id", flat=True)
    ) | {cohort.pk}
    young_people = defaultdict(list)
    known = (
        Participant.objects.filter(
            country=cohort.country,
            user__isnull=True,
            merged_into__isnull=True,
            memberships__cohort__in=same_lead_cohorts,
        )
        .exclude(age_band="")
        .distinct()
        .order_by("pk")
    )
    for participant in known:
        young_people[(fold(participant.display_name), participant.age_band)].append(participant)
    return young_people


def _check_capacity(cohort: Cohort, people: list[_Person]) -> list[RowError]:
    newcomers = sum(1 for person in people if not person.already_member)
    room = max(cohort.capacity - cohort.memberships.count(), 0)
    if newcomers <= room:
        return []
    message = _(
        "This roster adds %(newcomers)s people but the cohort has room for %(room)s more "
        "(capacity %(capacity)s). Raise the capacity in the cohort settings, or import fewer rows."
    ) % {"newcomers": newcomers, "room": room, "capacity": cohort.capacity}
    return [RowError(0, "", message)]


# Writing --------------------------------------------------------------------------------------


def _apply(cohort: Cohort, people: list[_Person], *, imported_by) -> ImportResult:
    result = ImportResult()
    for person in people:
        if person.already_member:
            result.already_members.append(person.participant)
            continue
        participant = person.participant
        if participant is None:
            participant = Participant.objects.create(
                display_name=person.display_name,
                age_band=person.age_band,
                country=cohort.country,
                organisation=person.organisation,
            )
            if person.email:
                result.invitations.append(
                    invitation_new(
                        cohort=cohort,
                        email=person.email,
                        role=CohortInvitation.Role.MEMBER,
                        participant=participant,
                        invited_by=imported_by,
                    )
                )
        elif person.organisation is not None and participant.organisation_id is None:
            participant.organisation = person.organisation
            participant.save(update_fields=["organisation"])
        cohort_add_member(cohort, participant)
        result.added.append(participant)
    return result
