"""Erasure (TESTS-SECURITY 34): what goes, what stays, and a job that survives a crash."""

from __future__ import annotations

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.sessions.models import Session
from django.db import connection
from django.urls import reverse

from assessments.models import Attempt
from audit.models import ERASED_DETAILS, AppendOnlyError, AuditEntry
from certificates.models import Certificate
from certificates.selectors.listing import certificate_facts
from certificates.selectors.status_lists import status_of
from certificates.services.issuing import certificate_for_membership
from courses.models import Attendance, CohortMembership, Participant
from monitoring.selectors.figures import all_figures
from privacy.models import ErasureRequest
from privacy.services import erasure as erasure_service
from privacy.services.erasure import (
    STEPS,
    ErasureRefused,
    erasure_request,
    erasure_run,
    erasure_step,
)
from privacy.tasks import erase_personal_data
from tests.factories import PASSWORD, UserFactory, coordinator, participant, staff_with_mfa


def _ask(world, **kwargs) -> ErasureRequest:
    kwargs.setdefault("user", world.anna)
    kwargs.setdefault("by", world.anna)
    kwargs.setdefault("origin", "person")
    return erasure_request(queue=False, **kwargs)


def _figures_json():
    return {
        scope: dict(figures.to_json()["tables"].items()) for scope, figures in all_figures().items()
    }


def _storage():
    return Certificate._meta.get_field("pdf").storage


def _anna_is_erased(world, erasure: ErasureRequest) -> None:
    anna = type(world.anna).objects.get(pk=world.anna.pk)
    assert (anna.email, anna.first_name, anna.last_name) == ("", "", "")
    assert not anna.is_active and not anna.has_usable_password()
    assert anna.emailaddress_set.count() == 0
    assert not Authenticator.objects.filter(user=anna).exists()
    assert set(
        Participant.objects.filter(pk__in=[world.anna_record.pk, world.anna_typed.pk]).values_list(
            "display_name", flat=True
        )
    ) == {erasure.code}
    certificate = Certificate.objects.get(pk=world.anna_certificate.pk)
    assert certificate.holder_name == "" and certificate.credential == {} and not certificate.pdf
    assert certificate.revoked_at is not None and certificate.is_erased
    assert "Anna" not in str(certificate.facts)
    assert all(
        attempt.answers == {}
        for attempt in Attempt.everything.filter(participant=world.anna_record)
    )


@pytest.mark.django_db
def test_erasure_keeps_what_the_figures_count_and_nothing_of_boris_changes(two_learners):
    world = two_learners
    TOTP.activate(world.anna, generate_totp_secret())
    before = _figures_json()
    boris_certificate = Certificate.objects.get(pk=world.boris_certificate.pk)
    memberships = CohortMembership.objects.filter(cohort=world.cohort).count()
    marks = Attendance.objects.filter(session__cohort=world.cohort).count()

    erasure = erasure_run(_ask(world).pk)

    assert erasure.state == "done" and erasure.steps_done == [name for name, _ in STEPS]
    _anna_is_erased(world, erasure)
    # The facts stay: memberships, attendance, completion, scores, the certificate as issued.
    assert CohortMembership.objects.filter(cohort=world.cohort).count() == memberships
    assert Attendance.objects.filter(session__cohort=world.cohort).count() == marks
    assert world.membership(world.anna_record).completed_at is not None
    assert sorted(
        Attempt.objects.filter(participant=world.anna_record).values_list("percent", flat=True)
    ) == [35, 85]
    assert Certificate.objects.filter(participant=world.anna_record).count() == 1
    counted = [row for row in certificate_facts() if row[0] == world.anna_record.pk]
    assert len(counted) == 1
    assert _figures_json() == before
    # Boris: as he was.
    boris = type(world.boris).objects.get(pk=world.boris.pk)
    assert (boris.first_name, boris.email, boris.is_active) == (
        "Boris",
        "boris.beta@example.org",
        True,
    )
    assert Certificate.objects.get(pk=boris_certificate.pk).holder_name == "Boris Beta"
    assert _storage().exists(boris_certificate.pdf.name)
    # The trainer's record and name stay too.
    assert Participant.objects.get(user=world.trainer).display_name == "Teodora Trainerova"


@pytest.mark.django_db
def test_a_job_stopped_after_a_step_resumes_and_runs_no_step_twice(two_learners):
    world = two_learners
    pdf_name = world.anna_certificate.pdf.name
    erasure = _ask(world)

    # The worker runs three steps, then dies.
    assert erasure_step(erasure.pk) == "sign_out"
    assert erasure_step(erasure.pk) == "invitations"
    assert erasure_step(erasure.pk) == "certificates"
    erasure.refresh_from_db()
    assert erasure.steps_done == ["sign_out", "invitations", "certificates"]
    assert erasure.files_to_delete == [pdf_name]
    assert _storage().exists(pdf_name)  # listed, deleted by the next step
    assert Certificate.objects.get(pk=world.anna_certificate.pk).holder_name == ""
    revocations = AuditEntry.objects.filter(action="certificate_revoked").count()

    # The task is delivered again: it resumes at the third step.
    assert erase_personal_data.apply(args=[erasure.pk]).get() == "done"
    erasure.refresh_from_db()
    assert erasure.steps_done == [name for name, _ in STEPS]
    assert erasure.runs == 1 and erasure.files_to_delete == []
    assert not _storage().exists(pdf_name)
    assert AuditEntry.objects.filter(action="certificate_revoked").count() == revocations
    _anna_is_erased(world, erasure)


@pytest.mark.django_db
def test_a_fault_inside_a_step_keeps_the_steps_done_and_the_next_run_finishes(
    two_learners, monkeypatch
):
    world = two_learners
    pdf_name = world.anna_certificate.pdf.name
    erasure = _ask(world)
    storage_class = type(_storage())
    real_delete = storage_class.delete

    def disk_away(self, name):
        raise OSError("disk away")

    monkeypatch.setattr(storage_class, "delete", disk_away)
    with pytest.raises(OSError):
        erasure_run(erasure.pk)
    erasure.refresh_from_db()
    assert erasure.state == "failed" and erasure.last_error == "OSError"
    assert erasure.steps_done == ["sign_out", "invitations", "certificates"]
    assert erasure.files_to_delete == [pdf_name]

    failed_task = _failed_task_recorded(erasure, "OSError: disk away, anna.alpha@example.org")

    monkeypatch.setattr(storage_class, "delete", real_delete)
    erasure = erasure_run(erasure.pk)
    assert erasure.state == "done" and erasure.runs == 2 and erasure.last_error == ""
    if failed_task is not None:  # the job's own failure keeps its kind, not its text
        failed_task.refresh_from_db()
        assert (failed_task.exception_class, failed_task.message) == ("OSError", "")
    assert not _storage().exists(pdf_name)
    _anna_is_erased(world, erasure)


def _failed_task_recorded(erasure, message: str):
    """The failure as the jobs app records it (when installed)."""
    from django.apps import apps
    from django.utils import timezone

    if not apps.is_installed("jobs"):
        return None
    return apps.get_model("jobs", "FailedTask").objects.create(
        task_id="erasure-task",
        task_name="privacy.tasks.erase_personal_data",
        arguments=[erasure.pk],
        exception_class="OSError",
        message=message,
        attempts=1,
        state="retrying",
        first_failed_at=timezone.now(),
        last_failed_at=timezone.now(),
    )


@pytest.mark.django_db
def test_running_a_finished_erasure_again_changes_nothing(two_learners):
    world = two_learners
    erasure = erasure_run(_ask(world).pk)
    entries = AuditEntry.objects.count()
    finished_at = erasure.finished_at

    again = erasure_run(erasure.pk)

    assert again.state == "done" and again.finished_at == finished_at and again.runs == 1
    assert AuditEntry.objects.count() == entries
    # Asking again finds the one request.
    assert _ask(world).pk == erasure.pk


@pytest.mark.django_db
def test_the_erased_are_signed_out_everywhere_and_cannot_sign_in(two_learners, client):
    world = two_learners
    client.force_login(world.anna)
    other = type(client)()
    other.force_login(world.boris)
    assert client.get(reverse("my_learning")).status_code == 200

    erasure_run(_ask(world).pk)

    assert client.get(reverse("my_learning")).status_code == 302
    assert other.get(reverse("my_learning")).status_code == 200  # Boris stays signed in
    assert Session.objects.count() == 1
    assert not client.login(username="anna.alpha@example.org", password=PASSWORD)
    response = client.post(
        reverse("account_login"), {"login": "anna.alpha@example.org", "password": PASSWORD}
    )
    assert response.status_code == 200 and "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_verification_page_shows_the_certificate_revoked_and_no_name(two_learners, client):
    world = two_learners
    certificate = world.anna_certificate
    page = client.get(reverse("certificates:verify", args=[certificate.code]))
    assert "Anna Alpha" in page.content.decode()

    erasure_run(_ask(world).pk)

    page = client.get(reverse("certificates:verify", args=[certificate.code]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Revoked on" in text and "Anna" not in text and "Alpha" not in text
    assert status_of("revocation", certificate.status_index)
    assert client.get(reverse("credentials:credential", args=[certificate.code])).status_code == 404
    # A run of the cohort's certificates later finds it as it is: no PDF made again.
    again = certificate_for_membership(world.membership(world.anna_record), by=world.trainer)
    assert again.pk == certificate.pk and not again.pdf and again.holder_name == ""


@pytest.mark.django_db
def test_the_trail_keeps_who_did_what_and_when_without_the_details(two_learners):
    world = two_learners
    about_anna = AuditEntry.objects.get(action="record_viewed", target_id=str(world.anna.pk))
    about_boris = AuditEntry.objects.get(action="record_viewed", target_id=str(world.boris.pk))

    erasure = erasure_run(_ask(world).pk)

    kept = AuditEntry.objects.get(pk=about_anna.pk)
    assert (kept.actor_id, kept.action, kept.target_id, kept.occurred_at) == (
        about_anna.actor_id,
        about_anna.action,
        about_anna.target_id,
        about_anna.occurred_at,
    )
    assert kept.details == ERASED_DETAILS and kept.path == ""
    assert AuditEntry.objects.get(pk=about_boris.pk).details == about_boris.details
    on_erasure = AuditEntry.objects.filter(
        target_id=str(erasure.pk), target_type__model="erasurerequest"
    )
    assert sorted(on_erasure.values_list("action", flat=True)) == [
        "audit_details_erased",
        "erasure_requested",
        "personal_data_erased",
    ]
    erased = on_erasure.get(action="audit_details_erased")
    assert erased.details["entries"] >= 2  # the view, the certificate's revocation...
    # Still append-only for everything else.
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=about_boris.pk).update(details={})
    with pytest.raises(AppendOnlyError):
        kept.delete()


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")
def test_the_database_lets_only_the_declared_redaction_through(two_learners):
    from django.db import DatabaseError, transaction

    entry = AuditEntry.objects.get(action="record_viewed", target_id=str(two_learners.boris.pk))
    for sql, declare in (
        (
            "UPDATE audit_auditentry SET details = '{\"erased\": true}', path = '' WHERE id = %s",
            False,
        ),
        (
            "UPDATE audit_auditentry SET action = 'x', details = '{\"erased\": true}', path = '' WHERE id = %s",
            True,
        ),
        ("UPDATE audit_auditentry SET details = '{}', path = '' WHERE id = %s", True),
        ("DELETE FROM audit_auditentry WHERE id = %s", True),
    ):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            if declare:
                cursor.execute("SELECT set_config('audit.redacting', 'on', true)")
            cursor.execute(sql, [entry.pk])
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT set_config('audit.redacting', 'on', true)")
        cursor.execute(
            "UPDATE audit_auditentry SET details = '{\"erased\": true}', path = '' WHERE id = %s",
            [entry.pk],
        )
    assert AuditEntry.objects.get(pk=entry.pk).details == ERASED_DETAILS


@pytest.mark.django_db
def test_a_roster_person_is_erased_by_a_coordinator_and_a_merged_record_stands_for_its_person(
    two_learners,
):
    world = two_learners
    young = participant("Yana Young", age_band=Participant.AgeBand.AGE_14_17)
    erasure = erasure_run(
        erasure_request(participant=young, by=world.coordinator, origin="coordinator").pk
    )
    young.refresh_from_db()
    assert young.display_name == erasure.code and young.age_band == "14_17"
    assert erasure.user is None

    # Anna's typed record, merged into hers, names Anna's account and both records.
    request = erasure_request(
        participant=world.anna_typed, by=world.coordinator, origin="coordinator", queue=False
    )
    assert request.user == world.anna and request.participant == world.anna_record


@pytest.mark.django_db
def test_erasing_oneself_leaves_invitations_to_an_address_never_verified(two_learners, client):
    """Boris types the address the trainer invited Vesela at into his account, then erases
    his account: her invitation and the record the trainer typed for her stay as they were."""
    world = two_learners
    invitation = world.invite("vesela.invited@example.org", "Vesela Invited")
    client.force_login(world.boris)
    client.post(reverse("account_email"), {"action_add": "", "email": "vesela.invited@example.org"})

    erasure_run(_ask(world, user=world.boris, by=world.boris).pk)

    invitation.refresh_from_db()
    assert invitation.is_open and invitation.email == "vesela.invited@example.org"
    assert invitation.participant.display_name == "Vesela Invited"


@pytest.mark.django_db
def test_an_erased_roster_persons_address_leaves_the_failed_sending_of_her_invitation(
    two_learners,
):
    """A roster-only person's address is known only to her invitations; the mail server's
    refusal to deliver one quotes it in the failed task the coordinators see."""
    import smtplib

    from jobs.models import FailedTask
    from jobs.services import failed_attempt_record

    world = two_learners
    rosa = world.invite("rosa.roster@example.org", "Rosa Roster")
    vesela = world.invite("vesela.invited@example.org", "Vesela Invited")
    for number, invitation in enumerate((rosa, vesela)):
        failed_attempt_record(
            task_id=f"invitation-{number}",
            task_name="courses.tasks.invitation_send",
            args=[invitation.pk],
            kwargs={},
            error=smtplib.SMTPRecipientsRefused({invitation.email: (550, b"mailbox full")}),
            final=True,
        )

    erasure_run(
        erasure_request(participant=rosa.participant, by=world.coordinator, origin="coordinator").pk
    )

    assert not FailedTask.objects.filter(message__icontains="rosa.roster").exists()
    assert not FailedTask.objects.filter(arguments=[rosa.pk]).exists()
    # Vesela's stays whole: a coordinator still sees which address refused.
    assert "vesela.invited@example.org" in FailedTask.objects.get(arguments=[vesela.pk]).message


@pytest.mark.django_db
def test_the_admins_history_names_the_erased_by_the_code(two_learners, client, admin_user):
    """Wagtail's history labels each entry with what its record was called: for an account,
    its username, which sign-up makes from the person's name or address."""
    from wagtail.models import ModelLogEntry

    world = two_learners
    type(world.anna).objects.filter(pk=world.anna.pk).update(username="anna.alpha")
    staff_with_mfa(client, admin_user)
    for person, corrected in ((world.anna, "Alfa"), (world.boris, "Betta")):
        person.refresh_from_db()
        edited = client.post(
            f"/admin/users/edit/{person.pk}/",
            {
                "email": person.email,
                "first_name": person.first_name,
                "last_name": corrected,
                "username": person.username,
                "is_active": "on",
            },
        )
        assert edited.status_code == 302
    history = reverse("wagtailadmin_reports:site_history")
    assert "anna.alpha" in client.get(history).content.decode()

    erasure = erasure_run(_ask(world).pk)

    text = client.get(history).content.decode()
    assert "anna.alpha" not in text and erasure.code in text
    assert world.boris.username in text
    entry = ModelLogEntry.objects.for_instance(world.anna).get()
    assert (entry.label, entry.user, entry.action) == (erasure.code, admin_user, "wagtail.edit")
    assert erasure.counts["admin_history"] == 1


@pytest.mark.django_db
def test_who_may_ask(two_learners):
    world = two_learners
    administrator = UserFactory(is_superuser=True)
    refusals = [
        {"user": world.boris, "by": world.anna, "origin": "person"},
        {"user": world.boris, "by": world.trainer, "origin": "coordinator"},
        {"user": world.coordinator, "by": world.coordinator, "origin": "coordinator"},
        {"user": administrator, "by": world.coordinator, "origin": "coordinator"},
        {"user": world.boris, "by": world.coordinator, "origin": "retention"},
        {"by": world.coordinator, "origin": "coordinator"},
    ]
    for arguments in refusals:
        with pytest.raises(ErasureRefused):
            erasure_request(queue=False, **arguments)
    assert ErasureRequest.objects.count() == 0
    assert (
        erasure_service.erasure_request(
            user=world.boris, by=coordinator(), origin="coordinator", queue=False
        ).origin
        == "coordinator"
    )


@pytest.mark.django_db
def test_the_learner_erases_their_own_account_with_their_password(
    two_learners, client, django_capture_on_commit_callbacks
):
    world = two_learners
    client.force_login(world.anna)
    url = reverse("privacy_erase")
    assert client.get(url).status_code == 200

    wrong = client.post(url, {"password": "not-it", "understood": "on"})
    assert wrong.status_code == 400
    assert "This is not your password" in wrong.content.decode()
    unticked = client.post(url, {"password": PASSWORD})
    assert unticked.status_code == 400
    assert ErasureRequest.objects.count() == 0

    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(url, {"password": PASSWORD, "understood": "on"}, follow=True)
    assert done.redirect_chain[-1][0] == reverse("privacy_erased")
    assert "Your account is closed" in done.content.decode()
    erasure = ErasureRequest.objects.get()
    assert (erasure.origin, erasure.requested_by, erasure.state) == ("person", world.anna, "done")
    assert "_auth_user_id" not in client.session
    _anna_is_erased(world, erasure)


@pytest.mark.django_db
def test_wrong_passwords_are_limited(two_learners, client):
    client.force_login(two_learners.anna)
    url = reverse("privacy_erase")
    statuses = [
        client.post(url, {"password": f"wrong-{n}", "understood": "on"}).status_code
        for n in range(6)
    ]
    assert statuses == [400] * 5 + [429]


@pytest.mark.django_db
def test_a_coordinator_erases_from_the_admin_and_runs_a_stopped_erasure_again(
    two_learners, client, django_capture_on_commit_callbacks
):
    from django.contrib.auth.models import Permission

    world = two_learners
    world.coordinator.is_staff = True
    world.coordinator.save()
    world.coordinator.user_permissions.add(Permission.objects.get(codename="access_admin"))
    staff_with_mfa(client, world.coordinator)
    url = reverse("privacy_erasures")
    page = client.get(url)
    assert page.status_code == 200 and "Erase a person" in page.content.decode()

    missing = client.post(url, {"user": world.boris.pk})  # not confirmed
    assert missing.status_code == 400
    both = client.post(
        url, {"user": world.boris.pk, "participant": world.anna_typed.pk, "confirm": "on"}
    )
    assert both.status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(url, {"user": world.boris.pk, "confirm": "on"})
    assert done.status_code == 302
    erasure = ErasureRequest.objects.get(user=world.boris)
    assert erasure.state == "done" and erasure.requested_by == world.coordinator
    assert AuditEntry.objects.filter(
        action="erasure_requested", actor=world.coordinator, target_id=str(erasure.pk)
    ).exists()

    stopped = erasure_request(user=world.anna, by=world.anna, origin="person", queue=False)
    erasure_step(stopped.pk)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("privacy_erasure_run_again", args=[stopped.pk]))
    stopped.refresh_from_db()
    assert stopped.state == "done"

    # Nobody else reaches the page.
    client.logout()
    staff_with_mfa(client, world.trainer)
    assert client.get(url).status_code in (302, 403)


@pytest.mark.django_db
def test_the_trainers_pages_name_the_erased_by_the_code_at_once(two_learners, client):
    """Pages kept in a cache (the cohort's roster) show the code on the next request."""
    world = two_learners
    client.force_login(world.trainer)
    cohort_page = reverse("courses:cohort", args=[world.cohort.pk])
    certificates_page = reverse("certificates:cohort", args=[world.cohort.pk])
    before = client.get(cohort_page).content.decode()
    assert "Anna Alpha" in before and "Boris Beta" in before
    client.get(certificates_page)

    erasure = erasure_run(_ask(world).pk)

    for url in (cohort_page, certificates_page):
        text = client.get(url).content.decode()
        assert "Anna" not in text and "Alpha" not in text, url
        assert erasure.code in text and "Boris Beta" in text, url
