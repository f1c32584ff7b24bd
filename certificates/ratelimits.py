"""How often certificate codes may be guessed, and credentials checked, from one address.

A code carries 160 random bits, so guessing one is hopeless; the limit keeps
anyone from trying at scale and tells a person who mistyped what to do. Only
misses count, and a right code writes nothing (accounts/ratelimits.py:
`guesses_refused`, `miss_counted`): a QR code read many times from one
office's address is never held up. Every
uploaded credential counts: checking one canonicalises a JSON-LD document,
which costs the server more than a page.
"""

from __future__ import annotations

from allauth.core.internal.ratelimit import parse_rates
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import ngettext

from accounts.ratelimits import guess_attempt, guesses_refused, miss_counted, too_many_guesses


def _minutes(rates: str) -> int:
    return max(1, int(max(rate.duration for rate in parse_rates(rates)) // 60))


def certificate_codes_refused(request: HttpRequest) -> bool:
    """Whether this address has tried too many codes that do not exist lately (writes nothing)."""
    return guesses_refused(
        request, action="certificate_code", rates=settings.CERTIFICATE_CODE_RATE_LIMITS
    )


def certificate_code_missed(request: HttpRequest) -> bool:
    """Count a code that does not exist; False when this address has now tried too many."""
    return miss_counted(
        request, action="certificate_code", rates=settings.CERTIFICATE_CODE_RATE_LIMITS
    )


def certificate_code_refusal(request: HttpRequest) -> HttpResponse:
    """The 429 page for too many codes that do not exist."""
    minutes = _minutes(settings.CERTIFICATE_CODE_RATE_LIMITS)
    return too_many_guesses(
        request,
        ngettext(
            "Too many certificate codes that do not exist were tried from your connection. "
            "Please wait %(minutes)d minute and try again, and check the code against the "
            "certificate: it has 32 letters and digits.",
            "Too many certificate codes that do not exist were tried from your connection. "
            "Please wait %(minutes)d minutes and try again, and check the code against the "
            "certificate: it has 32 letters and digits.",
            minutes,
        )
        % {"minutes": minutes},
    )


def credential_check_allowed(request: HttpRequest) -> bool:
    """Count one credential check from this address; False once there were too many."""
    return (
        guess_attempt(
            request, action="credential_check", rates=settings.CREDENTIAL_CHECK_RATE_LIMITS
        )
        is not None
    )


def credential_check_refusal(request: HttpRequest) -> HttpResponse:
    """The 429 page for too many credentials checked."""
    minutes = _minutes(settings.CREDENTIAL_CHECK_RATE_LIMITS)
    return too_many_guesses(
        request,
        ngettext(
            "Too many credentials were checked from your connection. Please wait "
            "%(minutes)d minute and try again.",
            "Too many credentials were checked from your connection. Please wait "
            "%(minutes)d minutes and try again.",
            minutes,
        )
        % {"minutes": minutes},
    )
