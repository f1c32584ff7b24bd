"""A certificate's PDF and signed credential, for those who may see it.

Streamed from private storage with `Cache-Control: private, no-store`, as an
attachment named after the holder. Anyone else gets 404. A download of
someone else's certificate (by a trainer, a coordinator or an NSG member) is
written to the audit trail.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from audit.models import AuditEntry
from audit.services import audit_record

from ..guards import certificate_or_404, second_factor_first
from ..models import Certificate
from ..selectors.access import Relation
from ..services.contents import credential_bytes


def download_name(certificate: Certificate, extension: str) -> str:
    """A file name that is safe anywhere: the holder's name in letters and dashes, and the code.

    Letters of every script stay (a Bulgarian name stays Cyrillic); anything
    that could end a header or name a folder does not.
    """
    name = slugify(certificate.holder_name, allow_unicode=True)[:60].strip("-") or "certificate"
    return f"{name}-{certificate.code[:8].lower()}.{extension}"


def _private(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, private=True, no_store=True)
    return response


def audit_download(request, certificate: Certificate, relation: Relation, form: str) -> None:
    """Record that someone other than the holder took the certificate's `form` (ids only)."""
    if relation is not Relation.HOLDER:
        audit_record(
            request,
            AuditEntry.Action.CERTIFICATE_DOWNLOADED,
            certificate,
            relation=relation.value,
            form=form,
        )


@login_required
@require_GET
def certificate_pdf(request, code: str):
    certificate, relation = certificate_or_404(request, code)
    if relation is not Relation.HOLDER and (first := second_factor_first(request)):
        return first
    if not certificate.pdf:
        raise Http404  # still being made: "My learning" says so instead of linking here
    audit_download(request, certificate, relation, "pdf")
    response = FileResponse(
        certificate.pdf.open("rb"),
        as_attachment=True,
        filename=download_name(certificate, "pdf"),
        content_type="application/pdf",
    )
    return _private(response)


@login_required
@require_GET
def certificate_credential(request, code: str):
    certificate, relation = certificate_or_404(request, code)
    if relation is not Relation.HOLDER and (first := second_factor_first(request)):
        return first
    if not certificate.credential:
        raise Http404
    audit_download(request, certificate, relation, "json")
    # The same bytes as the credential.json inside its PDF.
    response = HttpResponse(
        credential_bytes(certificate.credential), content_type="application/ld+json"
    )
    response["Content-Disposition"] = content_disposition_header(
        True, download_name(certificate, "json")
    )
    return _private(response)
