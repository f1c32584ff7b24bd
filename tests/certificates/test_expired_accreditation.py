"""An accreditation that has ended: its certificate is expired, on paper, in the credential
and on the verification page, and still says from when it was valid."""

import datetime

import pytest

from certificates.credentials.verification import check_credential
from certificates.models import Certificate
from certificates.selectors.status_lists import status_of
from tests.factories import coordinator, first_generation_trainer, participant

pytestmark = pytest.mark.django_db


def test_an_ended_accreditation_is_certified_as_expired_from_its_own_dates(
    client, django_capture_on_commit_callbacks
):
    trainer = participant("Anna de Vries")
    with django_capture_on_commit_callbacks(execute=True):  # issued once the grant commits
        first_generation_trainer(
            trainer,
            by=coordinator(),
            level="master_trainer",
            valid_from=datetime.date(2019, 9, 1),
            valid_until=datetime.date(2025, 12, 31),
        )
    certificate = Certificate.objects.get(participant=trainer)

    assert certificate.status == Certificate.Status.EXPIRED
    # The credential vouches for the accreditation's own period, not from the day it was issued.
    assert certificate.credential["validFrom"].startswith("2019-09-01")
    assert certificate.credential["validUntil"].startswith("2025-12-31")
    check = check_credential(certificate.credential, status_of=status_of)
    assert check.signature_valid
    assert check.status == "expired"
    assert check.expired_on == datetime.date(2025, 12, 31)

    page = client.get(f"/en/verify/{certificate.code}/")
    assert page.status_code == 200
    assert "Anna de Vries" in page.text
    assert "Expired" in page.text and "31 December 2025" in page.text
