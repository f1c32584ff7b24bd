"""Revocation, suspension, reinstatement and corrections: a coordinator's, with a reason.

What a verifier sees is checked through the signed status lists the platform
serves, decoded as a verifier decodes them.
"""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from accounts.models import RoleAssignment
from audit.models import AuditEntry
from certificates import tasks
from certificates.credentials import status_list, verification
from certificates.models import Certificate
from certificates.selectors.status_lists import signed_status_list, status_of
from certificates.services import (
    CertificateError,
    certificate_for_accreditation,
    certificate_for_membership,
    certificate_reinstate,
    certificate_reissue,
    certificate_revoke,
    certificate_suspend,
)
from courses import services
from courses.models import CohortMembership
from tests.certificates.cascade import (
    at_once,
    build_cascade,
    change_accreditation,
    graduate,
    outsiders,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(django_capture_on_commit_callbacks):
    world = build_cascade()
    with django_capture_on_commit_callbacks(execute=True):
        graduate(world)
    return world


@pytest.fixture
def certificate(world):
    return Certificate.objects.get(participant=world.learner)


def listed(purpose: str, index: int) -> bool:
    """Whether the signed list the platform serves has the place set (read as a verifier)."""
    document = signed_status_list(purpose)
    assert document["proof"]["cryptosuite"] == "eddsa-rdfc-2022"
    assert document["credentialSubject"]["statusPurpose"] == purpose
    return index in status_list.decode(document["credentialSubject"]["encodedList"])


def verdict(certificate: Certificate) -> str:
    return verification.check_credential(certificate.credential, status_of=status_of).status


def test_revoking_keeps_the_reason_who_and_when_and_sets_the_revocation_bit(world, certificate):
    index = certificate.status_index
    assert not listed("revocation", index)  # read (and kept) before the change
    assert verdict(certificate) == verification.VALID
    before = timezone.now()
    certificate_revoke(certificate, by=world.coordinator, reason="Attendance sheet was forged.")
    certificate.refresh_from_db()
    assert certificate.revoked_by == world.coordinator
    assert certificate.revocation_reason == "Attendance sheet was forged."
    assert before <= certificate.revoked_at <= timezone.now()
    assert certificate.status == Certificate.Status.REVOKED
    assert status_of("revocation", index) and listed("revocation", index)
    assert not listed("suspension", index)
    assert verdict(certificate) == verification.REVOKED
    entry = AuditEntry.objects.get(action=AuditEntry.Action.CERTIFICATE_REVOKED)
    assert (entry.actor, entry.target_id) == (world.coordinator, str(certificate.pk))
    # Revoking again changes nothing; revocation is final.
    certificate_revoke(certificate, by=world.coordinator, reason="Again.")
    certificate.refresh_from_db()
    assert certificate.revocation_reason == "Attendance sheet was forged."
    with pytest.raises(CertificateError):
        certificate_reinstate(certificate, by=world.coordinator)
    with pytest.raises(CertificateError):
        certificate_suspend(certificate, by=world.coordinator, reason="Looking again.")


def test_a_reason_is_required(world, certificate):
    for reason in ("", "   ", None):
        with pytest.raises(CertificateError) as refused:
            certificate_revoke(certificate, by=world.coordinator, reason=reason)
        assert refused.value.code == "reason_required"
    certificate.refresh_from_db()
    assert certificate.revoked_at is None


def test_suspension_while_a_case_is_looked_at_and_reinstatement(world, certificate):
    index = certificate.status_index
    certificate_suspend(certificate, by=world.coordinator, reason="A complaint is looked at.")
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.SUSPENDED
    assert (certificate.suspended_by, certificate.suspension_reason) == (
        world.coordinator,
        "A complaint is looked at.",
    )
    assert listed("suspension", index) and not listed("revocation", index)
    assert verdict(certificate) == verification.SUSPENDED

    certificate_reinstate(certificate, by=world.coordinator)
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID
    assert not listed("suspension", index)
    assert verdict(certificate) == verification.VALID
    assert list(
        AuditEntry.objects.filter(target_id=str(certificate.pk))
        .order_by("pk")
        .values_list("action", flat=True)
    ) == [AuditEntry.Action.CERTIFICATE_SUSPENDED, AuditEntry.Action.CERTIFICATE_REINSTATED]


def test_a_coordinator_never_lifts_the_suspension_of_their_own_certificate(world):
    holder = services.participant_for_user(world.coordinator)
    graduate(world, [holder])
    own = certificate_for_membership(
        CohortMembership.objects.get(participant=holder), by=world.trainer_user
    )
    other_coordinator = UserFactory()
    RoleAssignment.objects.create(user=other_coordinator, role=RoleAssignment.Role.COORDINATOR)
    certificate_suspend(own, by=other_coordinator, reason="A complaint.")
    with pytest.raises(CertificateError) as refused:
        certificate_reinstate(own, by=world.coordinator)
    assert refused.value.code == "own_certificate"
    own.refresh_from_db()
    assert own.suspended_at is not None


def test_a_correction_replaces_the_certificate_and_the_old_one_points_to_it(world, certificate):
    new = certificate_reissue(
        certificate,
        by=world.trainer_user,  # the cohort's lead trainer
        reason="Name misspelled.",
        holder_name="Ana-Maria Ionescu",
        language="ro",
    )
    certificate.refresh_from_db()
    assert certificate.replaced_by == new
    assert certificate.revoked_at is not None
    assert (certificate.revoked_by, certificate.revocation_reason) == (
        world.trainer_user,
        "Name misspelled.",
    )
    assert new.idempotency_key == f"reissue:{certificate.code}"
    assert new.code != certificate.code and new.status_index != certificate.status_index
    assert (new.holder_name, new.language, new.facts["holder_name"]) == (
        "Ana-Maria Ionescu",
        "ro",
        "Ana-Maria Ionescu",
    )
    assert new.credential["credentialSubject"]["name"] == "Ana-Maria Ionescu"
    assert (new.trainer, new.trainer_certificate) == (
        certificate.trainer,
        certificate.trainer_certificate,
    )
    assert new.status == Certificate.Status.VALID and new.pdf
    assert verdict(certificate) == verification.REVOKED
    assert verdict(new) == verification.VALID
    entry = AuditEntry.objects.get(action=AuditEntry.Action.CERTIFICATE_REISSUED)
    assert (entry.actor, entry.target_id, entry.details["replaced_by"]) == (
        world.trainer_user,
        str(certificate.pk),
        new.pk,
    )
    # Asking again gives the same correction.
    again = certificate_reissue(certificate, by=world.coordinator, reason="Name misspelled.")
    assert again == new
    assert Certificate.objects.filter(participant=world.learner).count() == 2


@pytest.fixture
def attackers(world):
    return {
        **outsiders(world),
        "the cohort's own trainer (status is a coordinator's)": world.trainer_user,
    }


def test_nobody_but_a_coordinator_revokes_suspends_or_reinstates(world, certificate, attackers):
    certificate_suspend(certificate, by=world.coordinator, reason="A complaint.")
    before = (
        list(Certificate.objects.values()),
        AuditEntry.objects.count(),
        signed_status_list("suspension"),
    )
    for who, user in attackers.items():
        for action, reason in (
            (certificate_revoke, {"reason": "Because."}),
            (certificate_suspend, {"reason": "Because."}),
            (certificate_reinstate, {}),
        ):
            with pytest.raises(CertificateError) as refused:
                action(certificate, by=user, **reason)
            assert refused.value.code == "not_allowed", who
    assert (
        list(Certificate.objects.values()),
        AuditEntry.objects.count(),
        signed_status_list("suspension"),
    ) == before


def test_nobody_but_a_coordinator_or_the_cohorts_trainers_corrects(world, certificate, attackers):
    del attackers["the cohort's own trainer (status is a coordinator's)"]
    accreditation_certificate = certificate_for_accreditation(world.trainer_accreditation)
    before = (list(Certificate.objects.values()), AuditEntry.objects.count())
    for who, user in attackers.items():
        with pytest.raises(CertificateError) as refused:
            certificate_reissue(certificate, by=user, reason="Because.", holder_name="Eve")
        assert refused.value.code in {"not_allowed", "own_certificate"}, who
    # An accreditation certificate is corrected by a coordinator only.
    with pytest.raises(CertificateError) as refused:
        certificate_reissue(accreditation_certificate, by=world.master.user, reason="Because.")
    assert refused.value.code == "not_allowed"
    # Nobody corrects their own, a trainer included.
    with pytest.raises(CertificateError) as refused:
        certificate_reissue(accreditation_certificate, by=world.trainer_user, reason="Because.")
    assert refused.value.code in {"not_allowed", "own_certificate"}
    assert (list(Certificate.objects.values()), AuditEntry.objects.count()) == before


def test_revoking_the_accreditation_revokes_its_certificate(world):
    certificate = Certificate.objects.get(accreditation=world.trainer_accreditation)
    revoked_at = timezone.now()
    change_accreditation(world, revoked_at=revoked_at)
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED
    assert certificate.revoked_by == world.coordinator
    assert certificate.revocation_reason
    assert listed("revocation", certificate.status_index)
    # The trainee's certificate stays valid: it was delivered while the trainer was accredited.
    assert verdict(Certificate.objects.get(participant=world.learner)) == verification.VALID


@pytest.mark.parametrize(
    ("new_end", "old_revoked"),
    [
        # Extended: the old certificate stays true until its own end, pointing to the new one
        # (the trainees' certificates that link it stay whole).
        (datetime.date(2031, 3, 5), False),
        # Shortened: the old certificate would say too much; it is revoked.
        (datetime.date(2027, 3, 5), True),
    ],
)
def test_a_new_end_date_reissues_the_accreditation_certificate(
    world, django_capture_on_commit_callbacks, new_end, old_revoked
):
    old = Certificate.objects.get(accreditation=world.trainer_accreditation)
    with django_capture_on_commit_callbacks(execute=True):
        change_accreditation(world, valid_until=new_end)
    old.refresh_from_db()
    new = old.replaced_by
    assert new is not None and new.valid_until == new_end
    assert new.idempotency_key == f"reissue:{old.code}"
    assert new.credential["validUntil"].startswith(new_end.isoformat())
    assert new.issued_by == world.coordinator
    assert (old.revoked_at is not None) is old_revoked
    assert listed("revocation", old.status_index) is old_revoked
    if old_revoked:
        assert old.revoked_by == world.coordinator and old.revocation_reason
    assert (
        Certificate.objects.filter(
            accreditation=world.trainer_accreditation, replaced_by__isnull=True
        ).get()
        == new
    )
    # The task run again changes nothing.
    assert tasks.refresh_for_accreditation.delay(world.trainer_accreditation.pk).get() == new.pk
    assert Certificate.objects.filter(accreditation=world.trainer_accreditation).count() == 2


def test_a_reinstated_accreditation_gets_a_new_certificate(
    world, django_capture_on_commit_callbacks
):
    accreditation = world.trainer_accreditation
    old = Certificate.objects.get(accreditation=accreditation)
    with django_capture_on_commit_callbacks(execute=True):
        change_accreditation(world, revoked_at=timezone.now())
        change_accreditation(world, revoked_at=None)
    old.refresh_from_db()
    assert old.status == Certificate.Status.REVOKED
    assert old.replaced_by is not None
    assert old.replaced_by.status == Certificate.Status.VALID


def test_a_corrected_certificate_is_not_revoked_or_suspended_again_the_coordinator_is_told(
    world, certificate
):
    new = certificate_reissue(
        certificate, by=world.trainer_user, reason="Name misspelled.", holder_name="Ana Maria"
    )
    for action in (certificate_revoke, certificate_suspend):
        with pytest.raises(CertificateError) as refused:
            action(certificate, by=world.coordinator, reason="Forged attendance.")
        assert refused.value.code == "replaced"
        assert new.code in " ".join(refused.value.messages)
    new.refresh_from_db()
    assert new.status == Certificate.Status.VALID  # until the coordinator decides on it
    certificate_revoke(new, by=world.coordinator, reason="Forged attendance.")
    assert verdict(new) == verification.REVOKED


# --- Decisions racing a correction (PostgreSQL: SQLite takes one writer at a time) ---------


def _race_world(slug: str):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite takes one writer at a time: the race needs PostgreSQL (make test)")
    world = build_cascade(slug=slug)
    graduate(world)  # certificates follow at once: every commit here is real
    return world


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("decision", ["revoke", "suspend"])
def test_a_certificate_revoked_or_suspended_while_a_trainer_corrects_it_stays_so(decision):
    world = _race_world(f"race-{decision}")
    member = CohortMembership.objects.get(cohort=world.training, participant=world.roster_person)
    certificate = certificate_for_membership(member, by=world.trainer_user)
    second_coordinator = UserFactory()
    RoleAssignment.objects.create(user=second_coordinator, role=RoleAssignment.Role.COORDINATOR)
    decide = certificate_revoke if decision == "revoke" else certificate_suspend
    results, errors = at_once(
        [
            lambda: certificate_reissue(
                certificate, by=world.trainer_user, reason="Typo.", holder_name="Ilie Popa"
            ),
            lambda: decide(certificate, by=second_coordinator, reason="Forged attendance."),
        ]
    )
    # One came first. The decision first: the correction is refused, nothing new stands.
    # The correction first: the decision on the replaced certificate is refused, naming the
    # replacement, so the coordinator decides on that one. Never both done in silence.
    assert len(errors) == 1 and len(results) == 1, errors
    [refusal] = errors
    assert isinstance(refusal, CertificateError)
    standing = Certificate.objects.filter(
        participant=world.roster_person, revoked_at__isnull=True, suspended_at__isnull=True
    )
    if refusal.code == "not_valid":  # the decision came first
        assert not standing.exists()
        assert Certificate.objects.filter(participant=world.roster_person).count() == 1
    else:  # the correction came first
        assert refusal.code == "replaced"
        [new] = standing
        assert new.code in " ".join(refusal.messages)
        assert Certificate.objects.get(pk=certificate.pk).replaced_by == new


@pytest.mark.django_db(transaction=True)
def test_an_accreditation_revoked_while_its_certificate_is_corrected_leaves_none_valid():
    world = _race_world("race-accreditation")
    accreditation_certificate = Certificate.objects.get(
        accreditation=world.trainer_accreditation, replaced_by__isnull=True
    )
    results, errors = at_once(
        [
            lambda: certificate_reissue(
                accreditation_certificate,
                by=world.coordinator,
                reason="Name.",
                holder_name="Petya Koleva",
            ),
            lambda: change_accreditation(world, revoked_at=timezone.now()),
        ]
    )
    assert all(isinstance(error, CertificateError) for error in errors), errors
    assert not Certificate.objects.filter(
        accreditation=world.trainer_accreditation, revoked_at__isnull=True
    ).exists()
    for certificate in Certificate.objects.filter(accreditation=world.trainer_accreditation):
        assert verdict(certificate) == verification.REVOKED
