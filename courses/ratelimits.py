"""How often invite codes may be guessed: a few misses, then 429 for a while."""

from __future__ import annotations

from allauth.core.internal.ratelimit import parse_rates
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import ngettext

from accounts.ratelimits import GuessAttempt, guess_attempt, too_many_guesses


def invite_code_attempt(request: HttpRequest) -> GuessAttempt | None:
    """One attempt at an invite code; None once this address or account missed too often.

    Call `.succeeded()` on the attempt when the code was right.
    """
    return guess_attempt(request, action="invite_code", rates=settings.INVITE_CODE_RATE_LIMITS)


def invite_code_refusal(request: HttpRequest) -> HttpResponse:
    """The 429 page: why, and what to do instead."""
    rates = parse_rates(settings.INVITE_CODE_RATE_LIMITS)
    minutes = max(1, int(max(rate.duration for rate in rates) // 60))
    return too_many_guesses(
        request,
        ngettext(
            "Too many invite codes that do not exist were tried. Please wait %(minutes)d "
            "minute and try again, or ask your trainer for the invite link.",
            "Too many invite codes that do not exist were tried. Please wait %(minutes)d "
            "minutes and try again, or ask your trainer for the invite link.",
            minutes,
        )
        % {"minutes": minutes},
    )
