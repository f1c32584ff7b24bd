"""What views call first when a URL names a certificate, or lists other people's.

A certificate the person may not see is not found (404), exactly as a code
that does not exist, so a code's existence is never confirmed to anyone else.
Staff (coordinators, National Steering Group members, anyone reaching the
admin) look at other people's certificates only after a second factor in this
session, as on the trainer pages (accounts/middleware.py).
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse

from accounts.middleware import StaffSecondFactorMiddleware
from accounts.selectors import has_totp, is_staff_account, used_second_factor

from .models import Certificate
from .selectors import listing
from .selectors.access import Relation, viewer_relation


def certificate_or_404(request: HttpRequest, code: str) -> tuple[Certificate, Relation]:
    """The certificate and why this person may see it; 404 when it is not theirs to see."""
    certificate = listing.certificate_by_code(code)
    relation = viewer_relation(request.user, certificate) if certificate is not None else None
    if relation is None:
        raise Http404
    return certificate, relation


def second_factor_first(request: HttpRequest) -> HttpResponse | None:
    """For staff: where to go first when this session has not used a second factor; else None."""
    if not is_staff_account(request.user):
        return None
    guard = StaffSecondFactorMiddleware(get_response=None)
    if not has_totp(request.user):
        return guard.set_up_first(request)
    if not used_second_factor(request):
        return guard.code_first(request)
    return None
