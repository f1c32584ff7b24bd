"""Limits on guessing secrets a person types or follows (invite codes).

Every attempt takes a slot in allauth's rate-limit store (the default cache,
shared by every process: Redis in production) before the secret is looked up,
so parallel guesses cannot slip past the count; a right guess gives its slot
back, so only misses add up. Rates are allauth's notation, e.g.
"20/15m/ip,5/15m/user": per address (IP) and per account.
"""

from __future__ import annotations

from dataclasses import dataclass

from allauth.core.internal import ratelimit
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

APP = "accounts"


@dataclass
class GuessAttempt:
    usage: ratelimit.RateLimitUsage

    def succeeded(self) -> None:
        """A right guess is not held against anyone: give its slot back."""
        self.usage.rollback()


def guess_attempt(request: HttpRequest, *, action: str, rates: str) -> GuessAttempt | None:
    """Count one attempt at `action`; None when this address or account missed too often.

    GET requests count too: opening a join link with a made-up code is a guess.
    """
    if not request.user.is_authenticated:
        # Per-account rates need an account; the per-address ones still hold.
        rates = ",".join(rate for rate in rates.split(",") if not rate.strip().endswith("/user"))
    usage = ratelimit.consume(
        request,
        app=APP,
        action=action,
        config={action: rates},
        user=request.user if request.user.is_authenticated else None,
        limit_get=True,
    )
    return GuessAttempt(usage) if usage is not None else None


def too_many_guesses(request: HttpRequest, message: str) -> HttpResponse:
    """429 Too Many Requests, saying in the person's language what to do."""
    return render(request, "429.html", {"message": message}, status=429)
