"""What anyone may read: the verification page, the signed credentials, the issuer's keys.

The JSON documents sit outside the language prefix, at the addresses the
credentials name (/credentials/...); verifiers fetch them from other sites'
pages, hence `Access-Control-Allow-Origin: *`. A completion or youth
certificate's credential is not among them: it answers 404, as a code that
does not exist, to anyone who may not see the certificate, and is served to
those who may with `Cache-Control: private, no-store`
(certificates/selectors/access.py). The verification page speaks the
reader's language; it is never indexed and a code that does not exist counts
against the address that tried it (certificates/ratelimits.py).

The check page canonicalises nothing a stranger wrote: an uploaded credential
is compared with the one the platform stored under its id, and only the
stored one is verified (certificates/credentials/verification.py).
"""

from __future__ import annotations

import json
import logging

from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language_from_request
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from ..credentials import keys
from ..credentials.verification import check_presented_credential, code_from_credential_id
from ..forms import CodeForm, CredentialCheckForm
from ..guards import second_factor_first
from ..ratelimits import (
    certificate_code_missed,
    certificate_code_refusal,
    certificate_codes_refused,
    credential_check_allowed,
    credential_check_refusal,
)
from ..selectors import listing
from ..selectors.access import Relation, credential_is_public, viewer_relation
from ..selectors.public import public_record
from ..selectors.status_lists import signed_status_list, status_of
from ..selectors.verification import verification_by_code
from ..services.contents import credential_bytes
from .downloads import audit_download

logger = logging.getLogger(__name__)

STATUS_PURPOSES = ("revocation", "suspension")
# A status list changes when a certificate is revoked or suspended: verifiers
# may keep it this long. Credentials and keys change never or rarely.
STATUS_LIST_MAX_AGE = 60
DOCUMENT_MAX_AGE = 300
VC_MEDIA_TYPE = "application/vc"
JSON_LD_MEDIA_TYPE = "application/ld+json"


def _document(
    document: dict, *, content_type: str = JSON_LD_MEDIA_TYPE, max_age: int, public: bool = True
):
    response = HttpResponse(credential_bytes(document), content_type=content_type)
    if public:
        patch_cache_control(response, public=True, max_age=max_age)
        response["Access-Control-Allow-Origin"] = "*"
    else:
        patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex"
    return response


def _no_document(status: int = 404) -> HttpResponse:
    response = HttpResponse(
        json.dumps({"error": "not found"}), content_type="application/json", status=status
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _noindex(response: HttpResponse) -> HttpResponse:
    response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
def issuer(request):
    """The platform as issuer: its Open Badges Profile, naming its keys."""
    return _document(keys.issuer_profile_document(), max_age=DOCUMENT_MAX_AGE)


@require_safe
def key(request, key_id: str):
    """One of the platform's public keys as a Multikey document (old keys stay published)."""
    document = keys.multikey_document(keys.key_id(key_id))
    if document is None:
        return _no_document()
    return _document(document, max_age=DOCUMENT_MAX_AGE)


@require_safe
def status_list(request, purpose: str):
    """The signed BitstringStatusList credential for revocation or suspension."""
    if purpose not in STATUS_PURPOSES:
        return _no_document()
    return _document(signed_status_list(purpose), max_age=STATUS_LIST_MAX_AGE)


@require_safe
def credential(request, code: str):
    """A certificate's signed credential, at the address that is its id.

    Public for a trainer's accreditation; for any other certificate, only for
    those who may see it (staff after their second factor, audited as a
    download), privately, and for anyone else exactly what a code that does
    not exist gets. `application/vc` to a client that asks for it,
    `application/ld+json` otherwise. Codes that do not exist count against the
    address, as on the verification page.
    """
    if certificate_codes_refused(request):
        return _no_document(status=429)
    certificate = listing.certificate_by_code(code)
    public = certificate is not None and credential_is_public(certificate)
    relation = (
        viewer_relation(request.user, certificate)
        if certificate is not None and not public
        else None
    )
    if certificate is None or not certificate.credential or (not public and relation is None):
        return _no_document(status=404 if certificate_code_missed(request) else 429)
    if relation is not None and relation is not Relation.HOLDER:
        if first := second_factor_first(request):
            return first
        audit_download(request, certificate, relation, "credential")
    accepted = request.headers.get("Accept", "")
    content_type = VC_MEDIA_TYPE if VC_MEDIA_TYPE in accepted else JSON_LD_MEDIA_TYPE
    response = _document(
        certificate.credential, content_type=content_type, max_age=60, public=public
    )
    patch_vary_headers(response, ["Accept"])
    return response


@require_safe
def verify_redirect(request, code: str):
    """The QR code's address: on to the verification page in the reader's language."""
    language = get_language_from_request(request)
    with translation.override(language):
        return HttpResponseRedirect(reverse("certificates:verify", kwargs={"code": code}))


def _not_found(request) -> HttpResponse:
    return _noindex(render(request, "certificates/verify_not_found.html", status=404))


@never_cache
@require_safe
def verify(request, code: str):
    """The public verification page (the QR code's target): a few facts and the status."""
    if certificate_codes_refused(request):
        return _noindex(certificate_code_refusal(request))
    found = verification_by_code(code)
    if found is None:
        if not certificate_code_missed(request):
            return _noindex(certificate_code_refusal(request))
        return _not_found(request)
    record = found.record
    if record.code != code:  # typed in lower case or grouped: the one address for it
        return redirect("certificates:verify", code=record.code)
    return _noindex(
        render(
            request,
            "certificates/verify.html",
            {
                "record": record,
                # Linked only where anyone may fetch it (a trainer's accreditation).
                "credential_url": (
                    reverse("credentials:credential", args=[record.code])
                    if found.credential_public
                    else ""
                ),
                # The page's facts are drawn once per kept answer (and language).
                "verification_key": found.key,
                "verification_seconds": 600 if found.kept else 0,
            },
        )
    )


@never_cache
@require_http_methods(["GET", "POST"])
def check(request):
    """Verifiers type a code, or upload a credential (or paste it) to have it checked."""
    if "code" in request.GET:
        code_form = CodeForm(request.GET)
        if code_form.is_valid():
            return redirect("certificates:verify", code=code_form.cleaned_data["code"])
    else:
        code_form = CodeForm()
    form = CredentialCheckForm(request.POST or None, request.FILES or None)
    context = {"form": form, "code_form": code_form, "checked": False, "result": None}
    status = 200
    if request.method == "POST":
        if not credential_check_allowed(request):
            return _noindex(credential_check_refusal(request))
        if form.is_valid():
            result = _checked(form.cleaned_data["document"])
            context.update(checked=True, result=result, record=_record_of(result))
        else:
            status = 400
    return _noindex(render(request, "certificates/check.html", context, status=status))


def _record_of(result):
    """For a credential of ours whose signature holds: what the verification page would say."""
    if result is None or not result.signature_valid or not result.code:
        return None
    certificate = listing.certificate_by_code(result.code)
    return public_record(certificate) if certificate is not None else None


def _issued_credential(credential_id: str) -> dict | None:
    """The credential the platform stored under this id, or None (one query at most)."""
    code = code_from_credential_id(credential_id)
    certificate = listing.certificate_by_code(code) if code else None
    return certificate.credential if certificate is not None else None


def _checked(document: dict):
    """The verifier's answer, or None when the document broke it (shown as "could not check")."""
    try:
        return check_presented_credential(
            document, issued_credential=_issued_credential, status_of=status_of
        )
    except Exception:  # a verifier reads what strangers send: no input may make a 500
        logger.exception("A credential could not be checked")
        return None
