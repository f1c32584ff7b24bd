"""A whole cohort's certificates at once: issued in the background, then one zip of the PDFs.

A trainer (the cohort's lead or a co-trainer) or a coordinator starts a run;
a second click while one runs finds that one (the database holds one running
batch per cohort). The worker issues each completed member's certificate
(roster-only people included: the request is a trainer's), counts each one
done so the page can show the progress, then writes the zip and marks the run
finished; a training of trainers' zip also holds the accreditation
certificates it granted. Running it twice issues nothing twice (each
certificate has its key) and finishes it once.

A run always ends finished, so that it never holds the cohort's one running
place: stopped by an error, or never queued (the broker down), it is finished
with `failed` saying so; one whose worker was lost is replaced by the next run
started once it has counted nothing for CERTIFICATES_BATCH_STALLED_MINUTES.
"""

from __future__ import annotations

import datetime
import logging
import re
import tempfile
import unicodedata
import zipfile
from collections.abc import Callable
from functools import partial

from django.conf import settings
from django.core.files import File
from django.db import IntegrityError, transaction
from django.db.models import Value
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import AuditEntry
from audit.services import audit_record_for
from courses.models import Cohort

from ..models import Certificate, CertificateBatch
from ..selectors.listing import (
    accreditations_granted_by,
    completed_memberships,
    current_certificate,
)
from .errors import CertificateError
from .issuing import certificate_for_accreditation, certificate_for_membership, check_may_request

logger = logging.getLogger(__name__)


def _stalled_since() -> datetime.datetime:
    """Runs that have counted nothing since this moment have stopped (a worker lost, say)."""
    return timezone.now() - datetime.timedelta(minutes=settings.CERTIFICATES_BATCH_STALLED_MINUTES)


def _finish(batch_id: int, **fields) -> bool:
    """Mark the run finished with `fields`, unless it is finished already; whether it was."""
    return bool(
        CertificateBatch.objects.filter(pk=batch_id, finished_at__isnull=True).update(
            finished_at=timezone.now(), **fields
        )
    )


def batch_start(cohort: Cohort, *, by) -> CertificateBatch:
    """Start issuing the cohort's certificates in the background; returns the run.

    Allowed to those who may request a member's certificate (the cohort's lead
    trainer or a co-trainer, or a coordinator). A run already going for the
    cohort is returned instead of a second one, unless it has counted nothing
    for CERTIFICATES_BATCH_STALLED_MINUTES: then it is finished as stopped and a
    new run replaces it. The task starts after the commit.
    """
    check_may_request(cohort, by=by)
    total = completed_memberships(cohort).count()
    if not total:
        raise CertificateError(
            _("Nobody has completed %(cohort)s yet.") % {"cohort": cohort.name},
            code="nobody_completed",
        )
    running = CertificateBatch.objects.filter(cohort=cohort, finished_at__isnull=True).first()
    if running is not None:
        if running.progressed_at >= _stalled_since():
            return running
        logger.warning("Batch %s stalled since %s: replaced", running.pk, running.progressed_at)
        _finish(
            running.pk,
            failed=_("This run stopped making progress; a new run replaced it."),
        )
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

    try:
        run_batch.delay(batch_id)
    except Exception:  # the broker unreachable: the run would wait for ever
        logger.exception("Batch %s could not be queued", batch_id)
        _finish(
            batch_id,
            failed=_("The certificates could not be queued for issuing. Start the run again."),
        )


def _file_name(certificate: Certificate) -> str:
    """A name for the PDF inside the zip: the holder's name (letters kept) and the code."""
    name = unicodedata.normalize("NFC", certificate.holder_name)
    name = re.sub(r"[^\w\- ]+", "", name).strip().replace(" ", "_")[:80]
    return f"{name or 'certificate'}-{certificate.code}.pdf"


def _for_the_zip(
    issue: Callable[[], Certificate], *, batch: CertificateBatch, person_id: int, failed: list
) -> Certificate | None:
    """The current certificate `issue()` gives, when it belongs in the zip; a refusal or a
    failure is written in `failed` and the run goes on."""
    try:
        certificate = current_certificate(issue())
    except CertificateError as refusal:
        failed.append(f"{person_id}: {' '.join(refusal.messages)}")
    except Exception:  # one certificate's failure must not stop the others'
        logger.exception("Batch %s: person %s", batch.pk, person_id)
        failed.append(f"{person_id}: {_('The certificate could not be made.')}")
    else:
        if certificate.revoked_at is None and certificate.pdf:
            return certificate
    return None


def _write_archive(batch: CertificateBatch, certificates: list[Certificate]) -> str:
    """Zip the certificates' PDFs into the run's storage; the stored file's name."""
    with tempfile.TemporaryFile() as archive:
        with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_STORED) as zipped:
            for certificate in certificates:
                with certificate.pdf.open("rb") as pdf:
                    zipped.writestr(_file_name(certificate), pdf.read())
        archive.seek(0)
        return batch.archive.storage.save(
            batch.archive.field.generate_filename(
                batch, f"certificates-cohort-{batch.cohort_id}-{batch.pk}.zip"
            ),
            File(archive),
        )


def batch_run(batch_id: int) -> CertificateBatch | None:
    """Issue every completed member's certificate, then zip their PDFs. Safe to run twice.

    A training of trainers' zip also holds the current accreditation
    certificates it granted (issued now when missing). A member whose
    certificate cannot be issued is written in `failed` and the run goes on;
    whatever stops the run itself, it ends finished, with `failed` saying so,
    so that it never holds the cohort's one running place. A finished run is
    left as it is.
    """
    batch = CertificateBatch.objects.select_related("cohort", "requested_by").filter(pk=batch_id)
    batch = batch.first()
    if batch is None or batch.finished_at is not None:
        return batch
    failed: list[str] = []
    done, archive_name, completed = 0, "", False
    try:
        members = list(completed_memberships(batch.cohort))
        CertificateBatch.objects.filter(pk=batch.pk, finished_at__isnull=True).update(
            total=len(members)
        )
        certificates = []
        for done, membership in enumerate(members, start=1):
            certificate = _for_the_zip(
                partial(certificate_for_membership, membership, by=batch.requested_by),
                batch=batch,
                person_id=membership.participant_id,
                failed=failed,
            )
            if certificate is not None:
                certificates.append(certificate)
            # Never backwards: a second run counts again from the start.
            CertificateBatch.objects.filter(pk=batch.pk, finished_at__isnull=True).update(
                done=Greatest("done", Value(done)), progressed_at=timezone.now()
            )
        for accreditation in accreditations_granted_by(batch.cohort):
            certificate = _for_the_zip(
                partial(certificate_for_accreditation, accreditation),
                batch=batch,
                person_id=accreditation.participant_id,
                failed=failed,
            )
            if certificate is not None:
                certificates.append(certificate)
        archive_name = _write_archive(batch, certificates)
        completed = True
    except Exception:
        logger.exception("Batch %s stopped", batch.pk)
    finally:
        if not completed:
            failed.append(_("The run stopped before the end. Start it again to finish it."))
        finished = _finish(batch.pk, archive=archive_name, failed="\n".join(failed), done=done)
        if not finished and archive_name:  # the other run finished first: its zip stands
            batch.archive.storage.delete(archive_name)
    batch.refresh_from_db()
    return batch
