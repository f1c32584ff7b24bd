"""A whole cohort's certificates in the background, and the zip of their PDFs."""

import datetime
import io
import zipfile

import pytest
from django.db import connection
from django.utils import timezone
from kombu.exceptions import OperationalError

from audit.models import AuditEntry
from certificates import tasks
from certificates.models import Certificate, CertificateBatch
from certificates.services import (
    CertificateError,
    batch_run,
    batch_start,
    certificate_for_accreditation,
    certificate_for_membership,
    certificate_reissue,
)
from courses import services
from tests.certificates.cascade import (
    at_once,
    build_cascade,
    change_accreditation,
    graduate,
    outsiders,
    person,
)
from tests.factories import clock

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = build_cascade()
    world.extra = person("Олег", "Țepeș")
    graduate(world, [world.learner, world.roster_person, world.extra])
    services.cohort_add_member(world.training, person("Not", "Finished"))
    return world


def zip_contents(batch: CertificateBatch) -> dict[str, bytes]:
    with batch.archive.open("rb") as handle:
        data = handle.read()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_a_batch_issues_every_completed_members_certificate_and_zips_every_pdf(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        batch = batch_start(world.training, by=world.trainer_user)
        # A double click while it runs finds the same run.
        assert batch_start(world.training, by=world.trainer_user) == batch
    batch.refresh_from_db()
    completed = world.training.memberships.filter(completed_at__isnull=False)
    assert completed.count() == 3
    certificates = Certificate.objects.filter(cohort=world.training)
    assert {c.participant for c in certificates} == {m.participant for m in completed}
    assert batch.finished_at is not None and batch.failed == ""
    assert (batch.done, batch.total, batch.percent) == (3, 3, 100)
    contents = zip_contents(batch)
    assert len(contents) == 3
    for certificate in certificates:
        [name] = [name for name in contents if certificate.code in name]
        with certificate.pdf.open("rb") as pdf:
            assert contents[name] == pdf.read()
    assert any(name.startswith("Олег_Țepeș-") for name in contents)
    assert CertificateBatch.objects.count() == 1
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.CERTIFICATES_ISSUED, actor=world.trainer_user
    ).exists()


def test_running_a_batch_twice_issues_nothing_twice(world):
    batch = batch_start(world.training, by=world.coordinator)  # queued after the commit: not yet
    batch_run(batch.pk)
    issued = set(Certificate.objects.values_list("pk", flat=True))
    archive = CertificateBatch.objects.get().archive.name
    assert tasks.run_batch.delay(batch.pk).get() == 3
    assert set(Certificate.objects.values_list("pk", flat=True)) == issued
    assert CertificateBatch.objects.get().archive.name == archive
    # Once finished, a new run may start: it finds the certificates already issued.
    second = batch_start(world.training, by=world.coordinator)
    assert second != batch
    batch_run(second.pk)
    assert set(Certificate.objects.values_list("pk", flat=True)) == issued
    first = CertificateBatch.objects.get(pk=batch.pk)
    second.refresh_from_db()
    assert zip_contents(second).keys() == zip_contents(first).keys()


def test_a_corrected_certificate_goes_in_the_zip_in_place_of_the_old_one(world):
    member = world.training.memberships.get(participant=world.learner)
    old = certificate_for_membership(member)
    new = certificate_reissue(old, by=world.coordinator, reason="Name.", holder_name="Ana Maria")
    batch = batch_start(world.training, by=world.coordinator)
    batch = batch_run(batch.pk)
    names = zip_contents(batch).keys()
    assert any(new.code in name for name in names)
    assert not any(old.code in name for name in names)


def test_nobody_else_starts_a_batch(world):
    for who, user in outsiders(world).items():
        with pytest.raises(CertificateError) as refused:
            batch_start(world.training, by=user)
        assert refused.value.code == "not_allowed", who
    assert not CertificateBatch.objects.exists()
    assert not Certificate.objects.filter(cohort=world.training).exists()


def test_a_cohort_nobody_completed_has_nothing_to_issue():
    world = build_cascade(slug="empty")
    services.cohort_add_member(world.training, world.learner)
    with pytest.raises(CertificateError) as refused:
        batch_start(world.training, by=world.trainer_user)
    assert refused.value.code == "nobody_completed"
    assert not CertificateBatch.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_clicks_at_once_start_one_batch():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite takes one writer at a time: the race needs PostgreSQL (make test)")
    world = build_cascade(slug="batch-race")
    graduate(world)
    results, errors = at_once(
        [lambda: batch_start(world.training, by=world.trainer_user).pk for _click in range(2)]
    )
    assert errors == []
    assert CertificateBatch.objects.count() == 1 and len(set(results)) == 1
    assert Certificate.objects.filter(cohort=world.training).count() == 2


# --- Runs that stop -------------------------------------------------------------------------


def test_a_run_that_stops_midway_ends_finished_saying_so_and_a_new_run_can_start(world):
    member = world.training.memberships.get(participant=world.learner)
    lost = certificate_for_membership(member)
    lost.pdf.storage.delete(lost.pdf.name)  # a PDF lost from storage: the zip cannot be made
    batch = batch_run(batch_start(world.training, by=world.trainer_user).pk)
    assert batch.finished_at is not None
    assert "stopped before the end" in batch.failed
    assert not batch.archive
    # The cohort is not blocked: the next click starts a new run.
    second = batch_start(world.training, by=world.trainer_user)
    assert second != batch and second.finished_at is None


def test_a_run_that_counts_nothing_for_a_while_is_replaced_by_the_next_one(world, settings):
    settings.CERTIFICATES_BATCH_STALLED_MINUTES = 5
    stalled = batch_start(world.training, by=world.trainer_user)  # its worker never comes
    started = timezone.now()
    with clock(started + datetime.timedelta(minutes=4)):
        assert batch_start(world.training, by=world.trainer_user) == stalled
    with clock(started + datetime.timedelta(minutes=6)):
        replacement = batch_start(world.training, by=world.trainer_user)
    assert replacement != stalled
    stalled.refresh_from_db()
    assert stalled.finished_at is not None and stalled.failed
    assert CertificateBatch.objects.filter(finished_at__isnull=True).get() == replacement
    replacement = batch_run(replacement.pk)
    assert replacement.finished_at is not None and len(zip_contents(replacement)) == 3


def test_a_run_moving_slowly_is_not_replaced(world, settings):
    settings.CERTIFICATES_BATCH_STALLED_MINUTES = 5
    batch = batch_start(world.training, by=world.trainer_user)
    started = timezone.now()
    # One certificate counted after 4 minutes: six minutes after the start it is still going.
    with clock(started + datetime.timedelta(minutes=4)):
        CertificateBatch.objects.filter(pk=batch.pk).update(done=1, progressed_at=timezone.now())
    with clock(started + datetime.timedelta(minutes=6)):
        assert batch_start(world.training, by=world.trainer_user) == batch


def test_with_the_broker_down_the_run_ends_at_once_and_the_trainer_can_try_again(
    world, django_capture_on_commit_callbacks, monkeypatch
):
    def unreachable(*args, **kwargs):
        raise OperationalError("Error 111 connecting to redis:6379. Connection refused.")

    monkeypatch.setattr(tasks.run_batch, "delay", unreachable)
    with django_capture_on_commit_callbacks(execute=True):
        batch = batch_start(world.training, by=world.trainer_user)
    batch.refresh_from_db()
    assert batch.finished_at is not None and "could not be queued" in batch.failed
    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        again = batch_start(world.training, by=world.trainer_user)
    again.refresh_from_db()
    assert again != batch and again.finished_at is not None and again.failed == ""


# --- A training of trainers ---------------------------------------------------------------


def test_a_training_of_trainers_zip_holds_the_accreditation_certificates_it_granted(
    world, django_capture_on_commit_callbacks
):
    # The training of trainers accredited Петя Колева; her accreditation is then extended,
    # which replaces its certificate (the old one stands until its end, replaced).
    with django_capture_on_commit_callbacks(execute=True):
        first = certificate_for_accreditation(world.trainer_accreditation)
        change_accreditation(world, valid_until=datetime.date(2031, 3, 5))
    first.refresh_from_db()
    assert first.replaced_by is not None and first.revoked_at is None
    batch = batch_run(batch_start(world.tot, by=world.coordinator).pk)
    names = zip_contents(batch).keys()
    held = {
        certificate.code
        for certificate in Certificate.objects.filter(participant=world.trainer)
        if any(certificate.code in name for name in names)
    }
    completion = Certificate.objects.get(participant=world.trainer, cohort=world.tot)
    assert held == {completion.code, first.replaced_by.code}
    assert len(names) == 2 and batch.failed == ""
