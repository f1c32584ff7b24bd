"""Background work for certificates. Tasks take ids, call a service, and are safe to run twice.

Certificates are issued after the commit of the completion or accreditation
that earns them (see receivers.py); a task that finds its row gone, or a
refusal, does nothing.
"""

from __future__ import annotations

import logging
from smtplib import SMTPException

from celery import shared_task
from celery.signals import worker_init

from courses.models import CohortMembership, Enrolment, TrainerAccreditation
from jobs.retrying import retry_policy

from . import pdf
from .services import batches, issuing, notifications
from .services.errors import CertificateError

logger = logging.getLogger(__name__)


@worker_init.connect
def prepare_pdf_fonts(**_signal_kwargs) -> None:
    """Join the certificate font once in the worker's main process (seconds of work), so that
    every pool process it starts, and every one that replaces a lost one, has it ready."""
    try:
        pdf.certificate_stylesheet()
    except Exception:  # a missing font is reported by the first certificate, clearly
        logger.exception("The certificate font could not be prepared")


def _issue(model, pk: int, issue, **options) -> int | None:
    """Issue with `issue(row, **options)` for the row `pk` of `model`; the certificate's id, or
    None when the row is gone, nothing is due, or the service refuses."""
    row = model.objects.filter(pk=pk).first()
    if row is None:
        return None
    try:
        certificate = issue(row, **options)
    except CertificateError as refusal:
        logger.info("No certificate for %s %s: %s", model.__name__, pk, refusal.code)
        return None
    return certificate.pk if certificate else None


@shared_task
def issue_for_membership(membership_id: int) -> int | None:
    """The certificate of a completed cohort member with an account; returns its id."""
    return _issue(CohortMembership, membership_id, issuing.certificate_for_membership)


@shared_task
def issue_for_enrolment(enrolment_id: int, language: str | None = None) -> int | None:
    """The certificate of an online completion (none when a cohort's covers it)."""
    return _issue(Enrolment, enrolment_id, issuing.certificate_for_enrolment, language=language)


@shared_task
def issue_for_accreditation(accreditation_id: int) -> int | None:
    """The certificate of a trainer accreditation (and of the trainers above, when missing)."""
    return _issue(TrainerAccreditation, accreditation_id, issuing.certificate_for_accreditation)


@shared_task
def refresh_for_accreditation(accreditation_id: int, reinstated: bool = False) -> int | None:
    """Re-issue an accreditation's certificate after its end date changed or it was reinstated."""
    return _issue(
        TrainerAccreditation,
        accreditation_id,
        issuing.accreditation_certificate_refresh,
        reinstated=reinstated,
    )


@shared_task(**retry_policy(SMTPException, ConnectionError))
def notify_holder(certificate_id: int) -> bool:
    """Tell the holder their certificate was issued (once)."""
    return notifications.certificate_holder_notify(certificate_id)


@shared_task
def run_batch(batch_id: int) -> int | None:
    """Issue a cohort's certificates and zip their PDFs; returns how many were done."""
    batch = batches.batch_run(batch_id)
    return batch.done if batch else None


@shared_task
def send_expiry_reminders() -> int:
    """Daily (Celery beat): remind trainers 60 and 14 days before their accreditation ends."""
    return notifications.expiry_reminders_send()
