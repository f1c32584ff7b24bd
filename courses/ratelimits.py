"""How often invite codes may be guessed: a few misses, then 429 for a while; and how often a
sign-up may make the platform e-mail a parent or guardian, or the address of a waiting sign-up."""

from __future__ import annotations

from allauth.core.internal.ratelimit import parse_rates
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import ngettext

from accounts.ratelimits import GuessAttempt, guess_attempt, sending_allowed, too_many_guesses


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


def guardian_email_allowed(request: HttpRequest, guardian_email: str) -> bool:
    """Whether a sign-up below the age may e-mail this guardian's address now.

    Per client address and per guardian's address (GUARDIAN_EMAIL_RATE_LIMITS): many
    sign-ups naming one stranger send them one e-mail an hour, three a day. Over the
    limit nothing is kept or sent, and the page shown is the same.
    """
    return sending_allowed(
        request,
        action="guardian_email",
        rates=settings.GUARDIAN_EMAIL_RATE_LIMITS,
        recipient=guardian_email,
    )


def waiting_notice_allowed(request: HttpRequest, email: str) -> bool:
    """Whether the address of a waiting sign-up may be told again that it waits (the same
    limits: signing up again and again with someone's address does not flood them)."""
    return sending_allowed(
        request, action="waiting_notice", rates=settings.GUARDIAN_EMAIL_RATE_LIMITS, recipient=email
    )
