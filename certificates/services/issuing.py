"""Issuing certificates: once per event of the record, with the trainer who delivered it.

Four events make a certificate, each named by an idempotency key that is unique
in the database:

- a cohort member's completion ("membership:<id>"): automatic for members with
  an account (courses announces the completion); a trainer of the cohort or a
  coordinator requests it for roster-only people who completed face to face;
- an online learner's completion ("enrolment:<id>"), unless they sit in a
  cohort of that course, whose certificate covers it;
- a trainer's accreditation ("accreditation:<id>");
- a correction ("reissue:<old code>"): a new certificate, the old one revoked
  and pointing to it.

A second completion, a double click, a task run twice or two workers racing
all meet the same key: the insert runs in a savepoint and, when the key is
taken, the row already there is returned. Each certificate also takes a random
place in the status lists (`status_index`, unique too): drawn blind at first,
the unique constraint refusing a place already taken (another try, another
place), and drawn among the free places only after a few such refusals, when
the lists fill up; reading every taken place for each certificate would cost
more the more certificates there are.

What a certificate says (`CertificateFacts`) is worked out once, before the
insert: the wording of its template in the certificate's language (the
template for its course, else for its kind, else built-in words), the trainer
who delivered it and their own accreditation certificate (issued first if it
is missing), so that every certificate links the one of the trainer above it,
up to a first-generation trainer accredited by a coordinator. The credential
is signed from those facts, the PDF is rendered from the same facts with the
credential inside, and the holder is told by e-mail once.

A person whose personal data was erased (or whose erasure is asked for) gets
no new certificate: a cohort still running that later marks them complete, a
trainer's request, a correction, each is refused (code "erased"). A trainer
who was erased is still named, by their code, on their trainees' certificates,
without a certificate of their own to link.
"""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.languages import interface_language
from accounts.models import is_coordinator
from audit.models import AuditEntry
from audit.services import audit_record_for
from courses.models import (
    Cohort,
    CohortMembership,
    CohortTrainer,
    Enrolment,
    Participant,
    TrainerAccreditation,
)
from courses.progress_cache import participants_changed
from courses.selectors.access import can_manage_cohort
from courses.selectors.accreditation import valid_accreditation
from courses.services.participants import participant_for_user

from ..credentials import open_badges, proof, status_list
from ..models import HOLDER_NAME_MAX_LENGTH, Certificate, Kind
from ..pdf import render_pdf
from ..selectors.holders import holder_erased
from ..selectors.listing import current_certificate, memberships_to_certify
from ..text import nfc
from . import status
from .contents import (
    Draft,
    certificate_facts,
    credential_bytes,
    facts_as_json,
    facts_for,
    name_of,
)
from .errors import CertificateError

logger = logging.getLogger(__name__)

# A random place is taken by another certificate only rarely while the lists are
# mostly empty: the first tries draw blind, the later ones among the free places;
# a full list ends the loop.
INDEX_ATTEMPTS = 8
BLIND_INDEX_ATTEMPTS = 4
# The cascade is a handful of generations deep; a longer chain means a loop in the record.
CHAIN_LIMIT = 32


def _lead_of(cohort: Cohort) -> Participant | None:
    row = (
        CohortTrainer.objects.filter(cohort=cohort, role=CohortTrainer.Role.LEAD)
        .select_related("participant__user")
        .first()
    )
    return row.participant if row else None


def _trainer_link(
    lead: Participant | None, day: datetime.date, chain: tuple[int, ...]
) -> tuple[Participant | None, Certificate | None]:
    """The lead trainer and their accreditation certificate for training on `day` (issued if
    missing). A lead with no accreditation valid that day (say, an international training of
    trainers led by an invited expert) is named without a certificate: the chain ends there."""
    if lead is None:
        return None, None
    accreditation = valid_accreditation(lead, day)
    if accreditation is None or accreditation.pk in chain or len(chain) >= CHAIN_LIMIT:
        return lead, None
    try:
        certificate = _for_accreditation(accreditation, by=None, chain=chain)
    except CertificateError as refusal:
        if refusal.code != "erased":
            raise
        return lead, None  # an erased trainer's certificate is never made: named by their code
    return lead, current_certificate(certificate)


def _sessions_hours(cohort: Cohort) -> float | None:
    minutes = cohort.sessions.aggregate(total=Sum("duration_minutes"))["total"]
    return round(minutes / 60, 1) if minutes else None


def _membership_draft(membership: CohortMembership, *, language: str | None = None) -> Draft:
    cohort = membership.cohort
    trainer, trainer_certificate = _trainer_link(_lead_of(cohort), cohort.starts_on, ())
    today = timezone.localdate()
    return Draft(
        key=f"membership:{membership.pk}",
        kind=Kind.YOUTH if cohort.kind == Cohort.Kind.YOUTH_MODULE else Kind.COMPLETION,
        participant=membership.participant,
        holder_name=name_of(membership.participant),
        language=interface_language(language, cohort.language),
        course=cohort.course,
        course_key=cohort.course.translation_key,
        cohort=cohort,
        training=cohort,
        trainer=trainer,
        trainer_certificate=trainer_certificate,
        valid_from=today,
        starts_on=cohort.starts_on,
        ends_on=cohort.ends_on,
        hours=_sessions_hours(cohort),
    )


def _enrolment_draft(
    enrolment: Enrolment, participant: Participant, *, language: str | None = None
) -> Draft:
    user = enrolment.user
    today = timezone.localdate()
    return Draft(
        key=f"enrolment:{enrolment.pk}",
        kind=Kind.COMPLETION,
        participant=participant,
        holder_name=name_of(participant),
        language=interface_language(user.preferred_language, language),
        course=enrolment.course,
        course_key=enrolment.course_key,
        valid_from=today,
        starts_on=timezone.localdate(enrolment.enrolled_at),
        ends_on=timezone.localdate(enrolment.completed_at),
        online=True,
    )


def _accreditation_draft(
    accreditation: TrainerAccreditation, *, chain: tuple[int, ...], language: str | None = None
) -> Draft:
    holder = accreditation.participant
    training = accreditation.granted_by_cohort
    if training is not None:
        trainer, trainer_certificate = _trainer_link(
            _lead_of(training), training.starts_on, (*chain, accreditation.pk)
        )
    else:  # first generation, accredited by a coordinator: the chain ends here
        trainer, trainer_certificate = None, None
    user = holder.user if holder.user_id else None
    return Draft(
        key=f"accreditation:{accreditation.pk}",
        kind=Kind.ACCREDITATION,
        participant=holder,
        holder_name=name_of(holder),
        language=interface_language(
            language,
            user.preferred_language if user else None,
            training.language if training else None,
        ),
        accreditation=accreditation,
        training=training,
        trainer=trainer,
        trainer_certificate=trainer_certificate,
        # Valid as long as the accreditation, from its first day to its last: issued late (or
        # again) it still ends on its day; issued before the accreditation starts, it is not
        # valid before then either.
        valid_from=accreditation.valid_from,
        valid_until=accreditation.valid_until,
        starts_on=training.starts_on if training else None,
        ends_on=training.ends_on if training else None,
        hours=_sessions_hours(training) if training else None,
    )


# --- Issuing: one row per key, whoever gets there first ----------------------------------------


def _status_index(attempt: int) -> int:
    """A random place in the status lists for the `attempt`-th try (ValueError: none is free)."""
    if attempt < BLIND_INDEX_ATTEMPTS:
        return status_list.random_free_index(set())
    return status_list.random_free_index(
        set(Certificate.objects.values_list("status_index", flat=True))
    )


def _signed(draft: Draft, facts) -> dict:
    """The signed credential of `facts`; refused as a CertificateError (code "unsignable")
    when the signing refuses what the certificate would say."""
    try:
        return proof.sign(open_badges.unsigned_credential(facts))
    except proof.DocumentRefused as refusal:
        # Text is cleaned where certificates take it in (text.nfc): this is a bug to see.
        logger.error("Certificate for %s not signed: %s", draft.key, refusal)
        raise CertificateError(
            _(
                "The certificate could not be signed: something in its wording or names "
                "cannot be put in a signed credential. Check the certificate template and the "
                "names, or tell a programme coordinator."
            ),
            code="unsignable",
        ) from refusal


def _issue(draft: Draft) -> Certificate:
    """The certificate for the draft's key: the one already issued, or a new one."""
    existing = Certificate.objects.filter(idempotency_key=draft.key).first()
    if existing is not None:
        return _complete(existing)
    if holder_erased(draft.participant):
        raise CertificateError(
            _("This person's personal data was erased: no new certificate is made for them."),
            code="erased",
        )
    for attempt in range(INDEX_ATTEMPTS):
        code = Certificate._meta.get_field("code").get_default()
        try:
            index = _status_index(attempt)
        except ValueError:  # every place is taken
            break
        facts = facts_for(draft, code=code, index=index)
        credential = _signed(draft, facts)
        try:
            with transaction.atomic():
                certificate = Certificate.objects.create(
                    code=code,
                    kind=draft.kind,
                    idempotency_key=draft.key,
                    participant=draft.participant,
                    course=draft.course,
                    course_key=draft.course_key,
                    cohort=draft.cohort,
                    accreditation=draft.accreditation,
                    trainer=draft.trainer,
                    trainer_certificate=draft.trainer_certificate,
                    language=draft.language,
                    holder_name=draft.holder_name,
                    facts=facts_as_json(facts),
                    credential=credential,
                    status_index=index,
                    valid_from=draft.valid_from or facts.issued_on,
                    valid_until=draft.valid_until,
                    issued_by=draft.issued_by,
                )
        except IntegrityError:
            existing = Certificate.objects.filter(idempotency_key=draft.key).first()
            if existing is not None:  # issued meanwhile by another request or worker
                return _complete(existing)
            continue  # its place in the status lists was taken meanwhile: another place
        logger.info("Certificate %s issued (%s)", certificate.pk, draft.key)
        if draft.issued_by is not None:
            audit_record_for(
                draft.issued_by,
                AuditEntry.Action.CERTIFICATES_ISSUED,
                certificate,
                kind=draft.kind,
                cohort=draft.cohort.pk if draft.cohort else None,
            )
        return _complete(certificate)
    raise CertificateError(
        _("No place is free in the status list for a new certificate. Try again later."),
        code="status_list_full",
    )


def _complete(certificate: Certificate) -> Certificate:
    """Render the PDF if it is missing, and tell the holder (once) after the commit.

    A certificate whose holder was erased is left as it is: nothing names them again.
    """
    if certificate.is_erased:
        return certificate
    if not certificate.pdf:
        pdf = render_pdf(
            certificate_facts(certificate), credential_json=credential_bytes(certificate.credential)
        )
        name = certificate.pdf.storage.save(
            certificate.pdf.field.generate_filename(certificate, f"{certificate.code}.pdf"),
            ContentFile(pdf),
        )
        if Certificate.objects.filter(pk=certificate.pk, pdf="").update(pdf=name):
            certificate.pdf.name = name
            # The update sends no signal: the holder's pages now link to the PDF.
            participants_changed([certificate.participant_id])
        else:  # another worker saved its copy first
            certificate.pdf.storage.delete(name)
            certificate.refresh_from_db(fields=["pdf"])
    if certificate.notified_at is None and certificate.participant.user_id is not None:
        _notify_after_commit(certificate.pk)
    return certificate


def _notify_after_commit(certificate_id: int) -> None:
    """Queue the holder's e-mail once the certificate is committed. A broker that is away
    does not undo the certificate: the e-mail is recorded for a coordinator to queue again
    (jobs), and the certificate is on "My learning" meanwhile."""
    from ..tasks import notify_holder  # the task calls back into this module

    notify_holder.delay_on_commit(certificate_id)


def check_may_request(cohort: Cohort, *, by, holder: Participant | None = None) -> None:
    """Refuse anyone but the cohort's lead trainer, a co-trainer or a coordinator (and the holder,
    whoever they are) a certificate request."""
    if by is None or not by.is_authenticated or not can_manage_cohort(by, cohort):
        raise CertificateError(
            _("Only the cohort's trainers or a coordinator request its certificates."),
            code="not_allowed",
        )
    if holder is not None and holder.user_id == by.pk:
        raise CertificateError(_("Nobody requests their own certificate."), code="own_certificate")


def certificate_for_membership(membership: CohortMembership, *, by=None) -> Certificate:
    """The certificate of a member who completed a cohort (issued now if it was not yet).

    `by=None`: issued on the completion event, for members with an account.
    `by=<user>`: a trainer's request (the cohort's lead or a co-trainer, or a
    coordinator; never a young expert, never the member), also for roster-only
    people who completed face to face. Youth-module cohorts give youth
    certificates. Written in the cohort's language, naming its lead trainer and
    linking their accreditation certificate (valid on the cohort's first day).
    """
    membership = memberships_to_certify().get(pk=membership.pk)
    if by is not None:
        check_may_request(membership.cohort, by=by, holder=membership.participant)
    if membership.completed_at is None:
        raise CertificateError(
            _("%(person)s has not completed %(cohort)s yet.")
            % {"person": membership.participant.display_name, "cohort": membership.cohort.name},
            code="not_completed",
        )
    if by is None and membership.participant.user_id is None:
        raise CertificateError(
            _("A trainer of the cohort requests the certificate of someone without an account."),
            code="on_request_only",
        )
    draft = _membership_draft(membership)
    draft.issued_by = by
    return _issue(draft)


def certificate_for_enrolment(
    enrolment: Enrolment, *, language: str | None = None
) -> Certificate | None:
    """The certificate of an online completion, or None when a cohort's certificate covers it.

    Someone who is a member of a cohort of the course gets that cohort's
    certificate instead. Written in the person's preferred language, else in
    `language` (the one they read in when they completed), else the site's.
    """
    enrolment = Enrolment.objects.select_related("user", "course").get(pk=enrolment.pk)
    if enrolment.completed_at is None:
        raise CertificateError(_("This course is not completed yet."), code="not_completed")
    participant = participant_for_user(enrolment.user)
    in_a_cohort = CohortMembership.objects.filter(
        participant=participant, cohort__course__translation_key=enrolment.course_key
    ).exists()
    if in_a_cohort:
        return None
    return _issue(_enrolment_draft(enrolment, participant, language=language))


def certificate_for_accreditation(accreditation: TrainerAccreditation, *, by=None) -> Certificate:
    """The certificate of a trainer's accreditation, with its level and end date.

    It names the lead trainer of the training of trainers that granted it and
    links their own accreditation certificate (issued first when missing), so
    a verifier walks the chain up to a first-generation trainer, whom a
    coordinator accredited. `by`, when given, must be a coordinator.
    """
    if by is not None and not is_coordinator(by):
        raise CertificateError(
            _("Only a coordinator issues accreditation certificates."), code="not_allowed"
        )
    return _for_accreditation(accreditation, by=by, chain=())


def _for_accreditation(
    accreditation: TrainerAccreditation, *, by, chain: tuple[int, ...]
) -> Certificate:
    # Every certificate of a cohort links its trainer's: that one is usually there already.
    existing = (
        Certificate.objects.filter(idempotency_key=f"accreditation:{accreditation.pk}")
        .select_related("participant")
        .first()
    )
    if existing is not None:
        return _complete(existing)
    accreditation = TrainerAccreditation.objects.select_related(
        "participant__user", "country", "granted_by_cohort__course"
    ).get(pk=accreditation.pk)
    if accreditation.revoked_at is not None:
        raise CertificateError(
            _("This accreditation is revoked: it gets no certificate."), code="revoked"
        )
    draft = _accreditation_draft(accreditation, chain=chain)
    draft.issued_by = by
    return _issue(draft)


# --- Corrections --------------------------------------------------------------------------------


def _check_may_reissue(certificate: Certificate, by) -> None:
    allowed = (
        by is not None
        and by.is_authenticated
        and (
            is_coordinator(by)
            or (
                certificate.cohort_id is not None
                and certificate.kind != Kind.ACCREDITATION
                and can_manage_cohort(by, certificate.cohort)
            )
        )
    )
    if not allowed:
        raise CertificateError(
            _("Only a coordinator, or a trainer of the cohort, corrects a certificate."),
            code="not_allowed",
        )
    if certificate.participant.user_id == by.pk:
        raise CertificateError(_("Nobody corrects their own certificate."), code="own_certificate")


def _draft_for(
    certificate: Certificate,
    *,
    language: str | None,
    accreditation: TrainerAccreditation | None = None,
) -> Draft:
    """The record's present account of what `certificate` was issued for (`accreditation`:
    the certificate's accreditation as already read and locked)."""
    if certificate.accreditation_id is not None:
        return _accreditation_draft(
            accreditation or certificate.accreditation, chain=(), language=language
        )
    if certificate.cohort_id is not None:
        membership = memberships_to_certify().filter(
            cohort_id=certificate.cohort_id, participant_id=certificate.participant_id
        )
        if membership.exists():
            draft = _membership_draft(membership.get(), language=language)
            draft.participant = certificate.participant
            return draft
    elif certificate.participant.user_id is not None:
        enrolment = Enrolment.objects.select_related("user", "course").filter(
            user_id=certificate.participant.user_id, course_key=certificate.course_key
        )
        if enrolment.exists():
            draft = _enrolment_draft(enrolment.get(), certificate.participant)
            draft.language = interface_language(language, draft.language)
            return draft
    raise CertificateError(
        _("The record no longer holds what this certificate was issued for."),
        code="source_gone",
    )


def certificate_reissue(
    certificate: Certificate,
    *,
    by,
    reason: str,
    holder_name: str | None = None,
    language: str | None = None,
) -> Certificate:
    """A corrected certificate: a new one (key "reissue:<old code>"), the old one revoked with
    `reason` and pointing to the new one. Audited.

    By a coordinator, or by the lead trainer or a co-trainer of the cohort for a
    cohort's certificate; never by its holder. `holder_name` corrects the name
    (cleaned, NFC), `language` the language; everything else is read from the
    record again. A revoked or suspended certificate is not corrected, nor one
    of a revoked accreditation, even when the revocation or suspension comes
    while the correction is being made; asking twice gives the same new
    certificate.
    """
    _check_may_reissue(certificate, by)
    reason = status.required_reason(reason)
    if holder_name is not None:
        holder_name = nfc(holder_name)
        if not holder_name or len(holder_name) > HOLDER_NAME_MAX_LENGTH:
            raise CertificateError(
                _("Enter the name as it should appear, up to %(count)s characters.")
                % {"count": HOLDER_NAME_MAX_LENGTH},
                code="bad_name",
            )
    if language is not None and language not in {code for code, _name in settings.LANGUAGES}:
        raise CertificateError(_("Choose one of the site's languages."), code="bad_language")
    return _reissue(
        certificate,
        by=by,
        reason=reason,
        holder_name=holder_name,
        language=language,
        standing_only=True,
    )


def _reissue(
    old: Certificate,
    *,
    by,
    reason: str,
    holder_name: str | None = None,
    language: str | None = None,
    revoke_old: bool = True,
    standing_only: bool = False,
) -> Certificate:
    """Issue the replacement of `old` and point `old` to it (revoked with `reason` unless
    `revoke_old` is False), in one transaction.

    The old certificate (and its accreditation, if it has one, first: the order
    courses locks them in when it revokes one) stays locked from the checks to
    the replacement, so that a revocation or suspension decided meanwhile either
    comes first and stops the correction, or comes after it and meets the
    replacement. `standing_only`: refuse when `old` is revoked or suspended.
    Otherwise `old` may already be revoked (an accreditation revoked, then
    reinstated): it keeps its revocation and gains the pointer. A certificate
    of a revoked accreditation is never replaced.
    """
    with transaction.atomic():
        accreditation = None
        if old.accreditation_id is not None:
            accreditation = (
                TrainerAccreditation.objects.select_for_update(of=("self",))
                .select_related("participant__user", "country", "granted_by_cohort__course")
                .get(pk=old.accreditation_id)
            )
            if accreditation.revoked_at is not None:
                raise CertificateError(
                    _("This accreditation is revoked: its certificate is not replaced."),
                    code="revoked",
                )
        locked = (
            Certificate.objects.select_for_update(of=("self",))
            .select_related("participant", "cohort")
            .get(pk=old.pk)
        )
        if locked.replaced_by_id is not None:
            return current_certificate(locked)  # corrected already: the same correction
        if standing_only and (locked.revoked_at is not None or locked.suspended_at is not None):
            raise CertificateError(
                _("A revoked or suspended certificate is not corrected."), code="not_valid"
            )
        draft = _draft_for(
            locked, language=language or locked.language, accreditation=accreditation
        )
        draft.key = f"reissue:{locked.code}"
        draft.issued_by = by
        if holder_name:
            draft.holder_name = holder_name
        new = _issue(draft)
        if revoke_old and locked.revoked_at is None:
            status.mark_revoked(locked, by=by, reason=reason)
        locked.replaced_by = new
        locked.save(update_fields=["replaced_by"])
        audit_record_for(by, AuditEntry.Action.CERTIFICATE_REISSUED, locked, replaced_by=new.pk)
    return new


# --- Following the accreditation ----------------------------------------------------------------


def accreditation_certificate_refresh(
    accreditation: TrainerAccreditation, *, reinstated: bool = False
) -> Certificate | None:
    """Bring an accreditation's certificate in line with the accreditation after a change.

    Revoked: its certificate is revoked. A new end date: the certificate is
    re-issued with it; a shortened accreditation revokes the old certificate,
    an extended one leaves it standing until its own end (trainees'
    certificates link it, and what it said was true), pointing to the new one.
    Reinstated (`reinstated`): the certificate revoked with it is replaced by a
    new one. Safe to call any number of times.
    """
    accreditation = TrainerAccreditation.objects.get(pk=accreditation.pk)
    current = (
        Certificate.objects.filter(accreditation=accreditation, replaced_by__isnull=True)
        .order_by("-issued_at", "-pk")
        .first()
    )
    if accreditation.revoked_at is not None:
        status.accreditation_certificates_revoke(accreditation)
        return current
    if current is None:
        return certificate_for_accreditation(accreditation)
    if current.revoked_at is not None:
        if not reinstated:
            return current  # revoked on its own account: only a coordinator's new decision
        return _reissue(
            current, by=status.who_changed(accreditation), reason=current.revocation_reason
        )
    if current.valid_until != accreditation.valid_until:
        shortened = accreditation.valid_until < current.valid_until
        reason = ""  # an extended accreditation's certificate is not revoked: no reason
        if shortened:
            with translation.override(current.language):
                reason = _("The accreditation's end date was brought forward.")
        return _reissue(
            current, by=status.who_changed(accreditation), reason=reason, revoke_old=shortened
        )
    return current
