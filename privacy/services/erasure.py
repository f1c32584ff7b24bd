"""Erasing a person: their personal data removed everywhere, the facts the figures count kept.

Like Open edX's user retirement, erasure is a job of steps (`STEPS`), each
safe to run again: a step writes in one transaction together with its name
in `ErasureRequest.steps_done`, under a lock on the request, so a job stopped
anywhere (a worker killed, a database or disk error) resumes at the first
step not done and two workers never run one step twice. docs/privacy.md says
what each step removes and what stays.

What stays is what the NSG figures count (monitoring/selectors/figures.py):
countries, organisations, age bands, dates, cohorts, memberships, attendance,
enrolments and lesson dates, completions, test scores, accreditations,
certificates (revoked with the reason `ERASED_REVOCATION_REASON`, still counted as
issued), the links between records (merged records, the account behind a
record) and the account's language. Names are replaced by the request's
neutral code, so a figure that shows a name (a master trainer, a cohort's
lead) shows the code instead.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from importlib import import_module

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import is_coordinator
from audit.models import AuditEntry
from audit.services import audit_entries_redact, audit_record_for
from certificates.models import ERASED_REVOCATION_REASON, Certificate
from certificates.services.status import mark_revoked
from courses.models import Participant
from monitoring.services.snapshots import snapshots_refresh

from ..models import ErasureRequest
from ..selectors import holdings
from ..selectors.people import Person, email_addresses, person_of, root_record
from ..selectors.retention import inactive_since, still_inactive

logger = logging.getLogger(__name__)

# What an earlier revocation's reason becomes: the coordinator's words may name the person.
EARLIER_REVOCATION_REASON = "revoked before erasure"


class ErasureRefused(Exception):
    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.message = message
        self.code = code


# --- Asking -------------------------------------------------------------------------------------


def _check_may_request(user, root: Participant | None, *, by, origin: str) -> None:
    if origin == ErasureRequest.Origin.PERSON:
        if user is None or by is None or by.pk != user.pk:
            raise ErasureRefused(
                _("Only the person themselves asks for their own erasure here."), "not_allowed"
            )
    elif origin == ErasureRequest.Origin.COORDINATOR:
        if by is None or not is_coordinator(by):
            raise ErasureRefused(
                _("Only a programme coordinator erases another person's data."), "not_allowed"
            )
        if user is not None and user.pk == by.pk:
            raise ErasureRefused(_("Erase your own account from your account page."), "own_account")
        if user is not None and user.is_superuser:
            raise ErasureRefused(
                _("An administrator's account is not erased here."), "administrator"
            )
    elif origin == ErasureRequest.Origin.RETENTION:
        if by is not None:
            raise ErasureRefused("retention erases on the platform's behalf", "not_allowed")
    else:
        raise ErasureRefused("unknown origin", "bad_origin")


def erasure_request(
    *,
    user=None,
    participant: Participant | None = None,
    by,
    origin: str,
    queue: bool = True,
) -> ErasureRequest:
    """Ask for a person's erasure (an account, a record, or both); the request.

    - `origin` PERSON: the person themselves (`by` is `user`; the view has
      checked their password);
    - COORDINATOR: a programme coordinator, for anyone but themselves and an
      administrator (superuser);
    - RETENTION: the platform (`by` None), for people inactive too long.

    A record stands for its person: a merged record for the record it was merged
    into, with that record's account. A person already asked for keeps their one
    request (queued again when it is not done). Audited; with `queue`, the job
    (privacy.tasks.erase_personal_data) is queued after the commit.
    """
    root = root_record(participant) if participant is not None else None
    if user is None and root is not None:
        user = root.user
    if root is None and user is not None:
        root = Participant.objects.filter(user=user).first()
    if user is None and root is None:
        raise ErasureRefused(_("Choose an account or a person's record."), "nobody")
    _check_may_request(user, root, by=by, origin=origin)
    existing = _existing(user, root)
    if existing is None:
        try:
            with transaction.atomic():
                existing = ErasureRequest.objects.create(
                    user=user, participant=root, origin=origin, requested_by=by
                )
                audit_record_for(by, AuditEntry.Action.ERASURE_REQUESTED, existing, origin=origin)
        except IntegrityError:  # asked twice at once: the other request stands
            existing = _existing(user, root)
    if queue and not existing.is_done:
        _queue(existing)
    return existing


def _existing(user, root) -> ErasureRequest | None:
    if user is not None:
        found = ErasureRequest.objects.filter(user=user).first()
        if found is not None:
            return found
    if root is not None:
        return ErasureRequest.objects.filter(participant=root).first()
    return None


def _queue(erasure: ErasureRequest) -> None:
    from ..tasks import erase_personal_data  # the task calls back into this module

    erase_personal_data.delay_on_commit(erasure.pk)


def erasure_resume(erasure: ErasureRequest, *, by) -> ErasureRequest:
    """A coordinator queues a stopped erasure again (it resumes where it stopped); audited."""
    if by is None or not is_coordinator(by):
        raise ErasureRefused(
            _("Only a programme coordinator runs an erasure again."), "not_allowed"
        )
    if not erasure.is_done:
        audit_record_for(
            by, AuditEntry.Action.ERASURE_REQUESTED, erasure, origin=erasure.origin, resumed=True
        )
        _queue(erasure)
    return erasure


# --- The steps ----------------------------------------------------------------------------------


def _person(erasure: ErasureRequest) -> Person:
    return person_of(user=erasure.user, participant=erasure.participant)


def _without(text: str, names: set[str], replacement: str) -> str:
    for name in names:
        if name:
            text = text.replace(name, replacement)
    return text


def _scrubbed(facts: dict, names: set[str], replacement: str = "") -> dict:
    """The facts with every string naming one of `names` written without it."""

    def clean(value):
        if isinstance(value, str):
            return _without(value, names, replacement)
        if isinstance(value, list):
            return [clean(item) for item in value]
        if isinstance(value, dict):
            return {key: clean(item) for key, item in value.items()}
        return value

    return clean(facts)


def step_sign_out(erasure: ErasureRequest, person: Person) -> int:
    """First, the account can no longer be used: inactive, no password, every session ended,
    so that nothing new is written for the person while the other steps run."""
    user = person.user
    if user is None:
        return 0
    user = get_user_model().objects.select_for_update().get(pk=user.pk)
    user.is_active = False
    user.set_unusable_password()
    user.save(update_fields=["is_active", "password"])
    return _delete_sessions(user)


def _renamed(records, name: str) -> int:
    """Give `records` the name `name`, one by one: a save tells the caches that show it."""
    count = 0
    for record in records.select_for_update():
        if record.display_name != name:
            record.display_name = name
            record.save(update_fields=["display_name"])
            count += 1
    return count


def step_invitations(erasure: ErasureRequest, person: Person) -> int:
    """Invitations to the person lose their address; open ones are declined. The roster
    records typed for invitations to their address take the neutral code. The addresses
    also leave the error texts of failed tasks (a refused invitation quotes its address):
    past this step nothing knows a roster-only person's address to look for."""
    invitations = holdings.invitations(person, email_addresses(person.user))
    addresses = set(invitations.exclude(email="").values_list("email", flat=True))
    # Open invitations only: a declined one said the record is someone else's.
    typed = set(
        invitations.filter(accepted_at=None, declined_at=None)
        .exclude(participant=None)
        .exclude(participant_id__in=person.record_ids)
        .values_list("participant_id", flat=True)
    )
    _renamed(Participant.objects.filter(pk__in=typed, user=None), erasure.code)
    now = timezone.now()
    count = 0
    for invitation in invitations.select_for_update():
        if invitation.is_open:
            invitation.declined_at = now
        invitation.email = ""
        invitation.save(update_fields=["email", "declined_at"])
        count += 1
    return count + _addresses_taken_out(addresses, erasure.code)


def step_certificates(erasure: ErasureRequest, person: Person) -> int:
    """The person's certificates say nothing of them any more and are revoked (reason
    ERASED_REVOCATION_REASON: still counted as issued); their PDFs and the zips that may
    hold them are listed for deletion. Certificates naming the person as their trainer
    name the code instead."""
    files = list(erasure.files_to_delete)
    count = 0
    for certificate in holdings.certificates_held(person).select_for_update().order_by("pk"):
        names = {certificate.holder_name, certificate.facts.get("holder_name", "")}
        if certificate.pdf:
            files.append(certificate.pdf.name)
        certificate.holder_name = ""
        certificate.facts = {**_scrubbed(certificate.facts, names), "holder_name": ""}
        certificate.credential = {}
        certificate.pdf = ""
        certificate.suspension_reason = ""
        fields = ["holder_name", "facts", "credential", "pdf", "suspension_reason"]
        if certificate.revoked_at is not None and not certificate.is_erased:
            certificate.revocation_reason = EARLIER_REVOCATION_REASON
            fields.append("revocation_reason")
        certificate.save(update_fields=fields)
        if certificate.revoked_at is None:
            mark_revoked(certificate, by=erasure.requested_by, reason=ERASED_REVOCATION_REASON)
        count += 1
    for certificate in holdings.certificates_delivered(person).select_for_update():
        trainer_name = certificate.facts.get("trainer_name", "")
        if trainer_name and trainer_name != erasure.code:
            certificate.facts = {
                **_scrubbed(certificate.facts, {trainer_name}, erasure.code),
                "trainer_name": erasure.code,
            }
            certificate.save(update_fields=["facts"])
    for batch in holdings.certificate_batches(person).exclude(archive="").select_for_update():
        files.append(batch.archive.name)
        batch.archive = ""
        batch.save(update_fields=["archive"])
    erasure.files_to_delete = files
    return count


def step_certificate_files(erasure: ErasureRequest, person: Person) -> int:
    """Delete the files the certificates step listed (deleting one already gone is fine)."""
    storage = Certificate._meta.get_field("pdf").storage
    for name in erasure.files_to_delete:
        storage.delete(name)
    count = len(erasure.files_to_delete)
    erasure.files_to_delete = []
    return count


def step_records(erasure: ErasureRequest, person: Person) -> int:
    """The person's records take the neutral code for a name; the rest of them stays. A
    guardian's consent keeps when, how and under which rule, not the guardian's name or
    address. A young person's date of birth kept until 18 is deleted."""
    count = _renamed(holdings.records(person), erasure.code)
    count += holdings.date_of_birth(person).delete()[0]
    consents = holdings.guardian_consents(person)
    for consent in consents.select_for_update() if consents is not None else ():
        consent.guardian_name = ""
        consent.guardian_email = ""
        consent.save(update_fields=["guardian_name", "guardian_email"])
        count += 1
    return count


def step_learning(erasure: ErasureRequest, person: Person) -> int:
    """H5P saved state and xAPI statements deleted, tests opened and not sent deleted, the
    answers of every attempt emptied (the scores stay)."""
    count = holdings.h5p_states(person).delete()[0]
    count += holdings.xapi_statements(person).delete()[0]
    attempts = holdings.attempts(person)
    count += attempts.filter(status=attempts.model.Status.IN_PROGRESS).delete()[0]
    for attempt in attempts.select_for_update().exclude(answers={}):
        attempt.answers = {}
        attempt.save(update_fields=["answers"])
        count += 1
    return count


def step_background_tasks(erasure: ErasureRequest, person: Person) -> int:
    """Failed task records about the person deleted (sending their invitations among them),
    their account's addresses taken out of any other (the invitations step took out the
    invitations' own); monthly reports to them keep no error text (it may quote their
    address)."""
    count = holdings.monthly_reports(person).exclude(last_error="").update(last_error="")
    tasks = holdings.failed_tasks(person)
    if tasks is None:
        return count
    count += tasks.delete()[0]
    return count + _addresses_taken_out(email_addresses(person.user), erasure.code)


def _addresses_taken_out(addresses: set[str], replacement: str) -> int:
    """Failed tasks' error texts quote `replacement` where they quoted one of `addresses`;
    how many records changed."""
    tasks = holdings.failed_tasks_quoting(addresses)
    count = 0
    for task in tasks.select_for_update() if tasks is not None else ():
        message = task.message
        for address in addresses:
            message = re.sub(re.escape(address), replacement, message, flags=re.IGNORECASE)
        task.message = message
        task.save(update_fields=["message"])
        count += 1
    return count


def _delete_sessions(user) -> int:
    engine = import_module(settings.SESSION_ENGINE)
    store = engine.SessionStore
    if not hasattr(store, "get_model_class"):
        return 0  # sessions elsewhere: the unusable password ends them on their next request
    model = store.get_model_class()
    doomed = []
    for session in model.objects.filter(expire_date__gt=timezone.now()).iterator(chunk_size=2000):
        if str(store().decode(session.session_data).get("_auth_user_id")) == str(user.pk):
            doomed.append(session.pk)
    return model.objects.filter(pk__in=doomed).delete()[0]


def step_account(erasure: ErasureRequest, person: Person) -> int:
    """The account is closed and anonymised: no name, address, password, second factor,
    session, role or permission. Its language and dates stay (figures read them)."""
    user = person.user
    if user is None:
        return 0
    user = get_user_model().objects.select_for_update().get(pk=user.pk)
    # Closed already (step_sign_out); again here, for a session begun in between.
    user.email = ""
    user.first_name = ""
    user.last_name = ""
    user.username = erasure.code.lower()
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    count = EmailAddress.objects.filter(user=user).delete()[0]
    count += Authenticator.objects.filter(user=user).delete()[0]
    count += holdings.roles(person).delete()[0]
    from wagtail.users.models import UserProfile

    for profile in UserProfile.objects.filter(user=user):
        if profile.avatar:
            profile.avatar.delete(save=False)
        profile.delete()
        count += 1
    count += _delete_sessions(user)
    return count


def step_admin_history(erasure: ErasureRequest, person: Person) -> int:
    """Wagtail's admin history labels each entry with what its record was called then (an
    account's username, made from the name or the address at sign-up): the entries about
    the person's account, roles and records carry the code instead. Who acted, what and when
    stay. Before the account step, which deletes the roles these entries point at."""
    return holdings.admin_history(person).exclude(label=erasure.code).update(label=erasure.code)


def step_audit_trail(erasure: ErasureRequest, person: Person) -> int:
    """The entries about the person's records keep who, what, which record and when; their
    path and details are emptied (audit.services.audit_entries_redact, itself audited)."""
    return audit_entries_redact(
        holdings.audit_entries(person), by=erasure.requested_by, erasure=erasure
    )


def step_figures(erasure: ErasureRequest, person: Person) -> int:
    """The dashboards' snapshots counted again, so no name erased stays in them (the
    figures are the same; names of master trainers and leads become the code); the
    periods' figures kept under the former snapshots leave the shared cache with them.
    Erasures of the retention job leave this to the job, which counts once for all."""
    if erasure.origin == ErasureRequest.Origin.RETENTION:
        return 0
    snapshots_refresh()
    return 1


STEPS: tuple[tuple[str, Callable[[ErasureRequest, Person], int]], ...] = (
    ("sign_out", step_sign_out),
    ("invitations", step_invitations),
    ("certificates", step_certificates),
    ("certificate_files", step_certificate_files),
    ("records", step_records),
    ("learning", step_learning),
    ("background_tasks", step_background_tasks),
    ("admin_history", step_admin_history),
    ("account", step_account),
    ("audit_trail", step_audit_trail),
    ("figures", step_figures),
)


# --- Running ------------------------------------------------------------------------------------


def _locked(erasure_id: int) -> ErasureRequest | None:
    return ErasureRequest.objects.select_for_update().filter(pk=erasure_id).first()


def _came_back(erasure: ErasureRequest, person: Person) -> bool:
    """A retention erasure not begun whose person is no longer inactive (or retention is
    off). Once a step has run the erasure goes to its end: half an erasure helps nobody."""
    if erasure.origin != ErasureRequest.Origin.RETENTION or erasure.steps_done:
        return False
    since = inactive_since()
    return since is None or not still_inactive(person, since)


def _cancel(erasure: ErasureRequest) -> None:
    """The request no longer stands: audited (when it was asked, why it ends), then deleted,
    so the person is as anyone never asked for (certificates, a later request)."""
    audit_record_for(
        None,
        AuditEntry.Action.ERASURE_CANCELLED,
        erasure,
        origin=erasure.origin,
        requested_at=erasure.requested_at.isoformat(),
        reason="active_again",
    )
    logger.info("Erasure %s cancelled: the person is active again", erasure.pk)
    erasure.delete()


def erasure_step(erasure_id: int) -> str | None:
    """Run the first step not done yet; its name, or None when every step is done (or the
    request was cancelled).

    The step and its mark in `steps_done` commit together, under a lock on the
    request: a second worker waits, then finds the step done. A retention
    erasure asks again whether its person is inactive, in the transaction of its
    first step: someone who came back since the daily job asked is not erased,
    and the request is cancelled.
    """
    with transaction.atomic():
        erasure = _locked(erasure_id)
        if erasure is None:
            return None
        for name, step in STEPS:
            if name in erasure.steps_done:
                continue
            person = _person(erasure)
            if _came_back(erasure, person):
                _cancel(erasure)
                return None
            count = step(erasure, person)
            erasure.steps_done = [*erasure.steps_done, name]
            erasure.counts = {**erasure.counts, name: count}
            erasure.save(update_fields=["steps_done", "counts", "files_to_delete"])
            return name
    return None


def erasure_run(erasure_id: int) -> ErasureRequest | None:
    """Run an erasure to its end from wherever it stopped; the request (None if unknown, or
    cancelled as its person is active again: `erasure_step`).

    A finished erasure is left as it is. A step that fails marks the request
    failed with the error's kind (never its text, which may quote personal
    data) and raises again, for the task to retry; the steps done stay done.
    """
    with transaction.atomic():
        erasure = _locked(erasure_id)
        if erasure is None or erasure.is_done:
            return erasure
        erasure.state = ErasureRequest.State.RUNNING
        erasure.runs += 1
        erasure.started_at = timezone.now()
        erasure.save(update_fields=["state", "runs", "started_at"])
    try:
        while (name := erasure_step(erasure_id)) is not None:
            logger.info("Erasure %s: %s done", erasure_id, name)
    except Exception as error:
        ErasureRequest.objects.filter(pk=erasure_id).update(
            state=ErasureRequest.State.FAILED, last_error=type(error).__name__
        )
        logger.exception("Erasure %s stopped", erasure_id)
        raise
    with transaction.atomic():
        erasure = _locked(erasure_id)
        if erasure is not None and erasure.state != ErasureRequest.State.DONE:
            # Its own earlier failures keep their kind, not their text.
            own_failures = holdings.failed_erasure_tasks(erasure_id)
            if own_failures is not None:
                own_failures.exclude(message="").update(message="")
            erasure.state = ErasureRequest.State.DONE
            erasure.finished_at = timezone.now()
            erasure.last_error = ""
            erasure.save(update_fields=["state", "finished_at", "last_error"])
            audit_record_for(
                erasure.requested_by,
                AuditEntry.Action.PERSONAL_DATA_ERASED,
                erasure,
                origin=erasure.origin,
                counts=erasure.counts,
            )
    return erasure
