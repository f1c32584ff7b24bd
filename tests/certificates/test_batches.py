"""A whole cohort's certificates in the background, and the zip of their PDFs."""

import io
import zipfile

import pytest
from django.db import connection

from audit.models import AuditEntry
from certificates import tasks
from certificates.models import Certificate, CertificateBatch
from certificates.services import (
    CertificateError,
    batch_run,
    batch_start,
    certificate_for_membership,
    certificate_reissue,
)
from courses import services
from tests.certificates.cascade import at_once, build_cascade, graduate, outsiders, person
from tests.factories import restore_default_site

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
    restore_default_site()  # an earlier transactional test may have emptied the database
    world = build_cascade(slug="batch-race")
    graduate(world)
    results, errors = at_once(
        [lambda: batch_start(world.training, by=world.trainer_user).pk for _click in range(2)]
    )
    assert errors == []
    assert CertificateBatch.objects.count() == 1 and len(set(results)) == 1
    assert Certificate.objects.filter(cohort=world.training).count() == 2
