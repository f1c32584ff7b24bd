"""A cohort's certificates, for its lead trainer, co-trainers and coordinators.

The members who completed it, each with their certificate or a button to
issue one; a button to issue them all in the background, with a progress bar
fed by a small JSON endpoint (certificates/static/certificates/js/batch_progress.js;
without JavaScript the page shows the progress when reloaded), and the zip
of all PDFs when the run is done. Every URL checks the cohort first
(courses.guards.cohort_or_403: 403 and audited for anyone else); a member of
another cohort posted to this cohort's address is refused the same way.
A refusal of the certificate services (CertificateError, a ValidationError:
not completed, a name that cannot be signed...) is a message on the page,
never a server error.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from audit.models import AuditEntry
from audit.services import audit_record
from courses.forms import record_id
from courses.guards import cohort_or_403

from ..models import CertificateBatch
from ..selectors import listing
from ..services.batches import batch_start
from ..services.issuing import certificate_for_membership

PROGRESS_POLL_SECONDS = 2


def batch_progress_data(batch: CertificateBatch) -> dict:
    """What the progress bar shows of a run: the numbers and, once done, the zip's address."""
    finished = batch.finished_at is not None
    archive_url = (
        reverse("certificates:batch_archive", args=[batch.cohort_id, batch.pk])
        if finished and batch.archive
        else None
    )
    return {
        "total": batch.total,
        "done": batch.done,
        "percent": batch.percent,
        "finished": finished,
        "failed": bool(batch.failed),
        "archive_url": archive_url,
    }


@login_required
@require_GET
def cohort_certificates(request, pk: int):
    cohort = cohort_or_403(request, pk, manage=True)
    audit_record(request, AuditEntry.Action.ROSTER_VIEWED, cohort)
    batch = listing.latest_cohort_batch(cohort)
    return render(
        request,
        "certificates/cohort_certificates.html",
        {
            "cohort": cohort,
            "rows": listing.cohort_certificate_rows(cohort),
            "batch": batch,
            "progress": batch_progress_data(batch) if batch is not None else None,
            "poll_seconds": PROGRESS_POLL_SECONDS,
        },
    )


@login_required
@require_POST
def certificate_issue(request, pk: int):
    """Issue the certificate of one member who completed the cohort (a roster-only person)."""
    cohort = cohort_or_403(request, pk, manage=True)
    membership_id = record_id(request.POST.get("membership", ""))
    membership = listing.membership_by_id(membership_id) if membership_id is not None else None
    if membership is not None and membership.cohort_id != cohort.pk:
        # This page never offers another cohort's member: a forged request (TESTS-SECURITY 13).
        audit_record(
            request,
            AuditEntry.Action.ACCESS_REFUSED,
            membership.cohort,
            source_cohort=cohort.pk,
            membership=membership.pk,
        )
        raise PermissionDenied
    if membership is None or membership.completed_at is None:
        messages.error(request, _("Choose a member who completed this cohort."))
        return redirect("certificates:cohort", pk=cohort.pk)
    try:
        certificate = certificate_for_membership(membership, by=request.user)
    except ValidationError as error:  # CertificateError among them
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The certificate of %(name)s is issued.") % {"name": certificate.holder_name},
        )
    return redirect("certificates:cohort", pk=cohort.pk)


@login_required
@require_POST
def batch_new(request, pk: int):
    """Issue every missing certificate of the cohort in the background, then zip the PDFs."""
    cohort = cohort_or_403(request, pk, manage=True)
    try:
        batch_start(cohort, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The certificates are being issued. You can leave this page and come back."),
        )
    return redirect("certificates:cohort", pk=cohort.pk)


def _batch_or_404(cohort, batch_id: int) -> CertificateBatch:
    batch = listing.cohort_batch(cohort, batch_id) if record_id(str(batch_id)) else None
    if batch is None:
        raise Http404
    return batch


@login_required
@require_GET
def batch_progress(request, pk: int, batch_id: int):
    """The run's numbers as JSON, for the progress bar."""
    cohort = cohort_or_403(request, pk, manage=True)
    response = JsonResponse(batch_progress_data(_batch_or_404(cohort, batch_id)))
    patch_cache_control(response, private=True, no_store=True)
    return response


@login_required
@require_GET
def batch_archive(request, pk: int, batch_id: int):
    """The zip of the run's PDFs, once it is done."""
    cohort = cohort_or_403(request, pk, manage=True)
    batch = _batch_or_404(cohort, batch_id)
    if batch.finished_at is None or not batch.archive:
        raise Http404
    audit_record(
        request, AuditEntry.Action.CERTIFICATE_DOWNLOADED, cohort, batch=batch.pk, form="zip"
    )
    name = slugify(cohort.name, allow_unicode=True)[:60].strip("-") or "cohort"
    response = FileResponse(
        batch.archive.open("rb"),
        as_attachment=True,
        filename=f"certificates-{name}.zip",
        content_type="application/zip",
    )
    patch_cache_control(response, private=True, no_store=True)
    return response
