"""A whole cohort's certificates at once: issued in the background, then one zip of the PDFs.

A trainer (the cohort's lead or a co-trainer) or a coordinator starts a run;
a second click while one runs finds that one (the database holds one running
batch per cohort). The worker issues each completed member's certificate
(roster-only people included: the request is a trainer's), counts each one
done so the page can show the progress, then writes the zip and marks the run
finished. Running it twice issues nothing twice (each certificate has its key)
and finishes it once.
"""

from __future__ import annotations

import logging
import re
import tempfile
import unicodedata
import zipfile

from django.core.files import File
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import AuditEntry
from audit.services import audit_record_for
from courses.models import Cohort, CohortMembership

from ..models import Certificate, CertificateBatch
from .errors import CertificateError
from .issuing import certificate_for_membership, check_may_request, current_certificate

logger = logging.getLogger(__name__)


def _completed_members(cohort: Cohort):
    return (
        CohortMembership.objects.filter(cohort=cohort, completed_at__isnull=False)
        .select_related("participant")
        .order_by("participant__display_name", "pk")
    )


def batch_start(cohort: Cohort, *, by) -> CertificateBatch:
    """Start issuing the cohort's certificates in the background; returns the run.

    Allowed to those who may request a member's certificate (the cohort's lead
    trainer or a co-trainer, or a coordinator). A run already going for the
    cohort is returned instead of a second one. The task starts after the
    commit.
    """
    check_may_request(cohort, by)
    total = _completed_members(cohort).count()
    if not total:
        raise CertificateError(
            _("Nobody has completed %(cohort)s yet.") % {"cohort": cohort.name},
            code="nobody_completed",
        )
    running = CertificateBatch.objects.filter(cohort=cohort, finished_at__isnull=True).first()
    if running is not None:
        return running
    try:
        with transaction.atomic():
            batch = CertificateBatch.objects.create(cohort=cohort, requested_by=by, total=total)
    except IntegrityError:  # a second click at the same moment: the first one's run
        return CertificateBatch.objects.filter(cohort=cohort).order_by("-pk").first()
    audit_record_for(by, AuditEntry.Action.CERTIFICATES_ISSUED, cohort, batch=batch.pk, total=total)
    batch_id = batch.pk
    transaction.on_commit(lambda: _run_later(batch_id))
    return batch


def _run_later(batch_id: int) -> None:
    from ..tasks import run_batch  # the task calls back into this module

    run_batch.delay(batch_id)


def _file_name(certificate: Certificate) -> str:
    """A name for the PDF inside the zip: the holder's name (letters kept) and the code."""
    name = unicodedata.normalize("NFC", certificate.holder_name)
    name = re.sub(r"[^\w\- ]+", "", name).strip().replace(" ", "_")[:80]
    return f"{name or 'certificate'}-{certificate.code}.pdf"


def batch_run(batch_id: int) -> CertificateBatch | None:
    """Issue every completed member's certificate, then zip their PDFs. Safe to run twice.

    A member whose certificate cannot be issued is written in `failed` and
    the run goes on; a finished run is left as it is.
    """
    batch = CertificateBatch.objects.select_related("cohort", "requested_by").filter(pk=batch_id)
    batch = batch.first()
    if batch is None or batch.finished_at is not None:
        return batch
    members = list(_completed_members(batch.cohort))
    CertificateBatch.objects.filter(pk=batch.pk).update(total=len(members))
    certificates, failed = [], []
    for done, membership in enumerate(members, start=1):
        try:
            certificate = current_certificate(
                certificate_for_membership(membership, by=batch.requested_by)
            )
        except CertificateError as refusal:
            failed.append(f"{membership.participant_id}: {' '.join(refusal.messages)}")
        except Exception:  # one member's failure must not stop the others'
            logger.exception("Batch %s: member %s", batch.pk, membership.pk)
            failed.append(f"{membership.participant_id}: {_('The certificate could not be made.')}")
        else:
            if certificate.revoked_at is None and certificate.pdf:
                certificates.append(certificate)
        # Never backwards: a second run counts again from the start.
        CertificateBatch.objects.filter(pk=batch.pk, done__lt=done).update(done=done)
    with tempfile.TemporaryFile() as archive:
        with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_STORED) as zipped:
            for certificate in certificates:
                with certificate.pdf.open("rb") as pdf:
                    zipped.writestr(_file_name(certificate), pdf.read())
        archive.seek(0)
        storage = batch.archive.storage
        name = storage.save(
            batch.archive.field.generate_filename(
                batch, f"certificates-cohort-{batch.cohort_id}-{batch.pk}.zip"
            ),
            File(archive),
        )
    finished = CertificateBatch.objects.filter(pk=batch.pk, finished_at__isnull=True).update(
        finished_at=timezone.now(), archive=name, failed="\n".join(failed), done=len(members)
    )
    if not finished:  # the other run finished first: its zip stands
        storage.delete(name)
    batch.refresh_from_db()
    return batch
