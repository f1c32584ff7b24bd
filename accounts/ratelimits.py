"""Limits on guessing secrets a person types or follows (invite codes, certificate codes), and
on e-mails a visitor makes the platform send to an address they typed.

Two ways, both counting in allauth's rate-limit store (the default cache,
shared by every process: Redis in production). Rates are allauth's notation,
e.g. "20/15m/ip,5/15m/user": per address (IP) and per account.

- `guess_attempt`: every attempt takes a slot before the secret is looked up,
  so parallel guesses cannot slip past the count; a right guess gives its slot
  back, so only misses add up. Each attempt writes twice under a lock.
- `guesses_refused` then `miss_counted`, for secrets looked up far more often
  than guessed (a certificate's code, read from its QR code): a look-up reads
  the counts without writing, and only a miss takes a slot, answered as a miss
  only if it got one. Parallel look-ups from one address do not wait on each
  other; at most as many guesses as run at the same moment are looked up
  beyond the limit before the address is refused.
- `sending_allowed`: one e-mail to an address a visitor typed (a guardian's, for
  instance) takes a slot per client address ("ip") and per address written to
  ("key"), so that nobody uses the platform to flood a stranger.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from allauth.core.internal import ratelimit
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

APP = "accounts"


@dataclass
class GuessAttempt:
    usage: ratelimit.RateLimitUsage

    def succeeded(self) -> None:
        """A right guess is not held against anyone: give its slot back."""
        self.usage.rollback()


def _rates_for(request: HttpRequest, rates: str) -> str:
    if request.user.is_authenticated:
        return rates
    # Per-account rates need an account; the per-address ones still hold.
    return ",".join(rate for rate in rates.split(",") if not rate.strip().endswith("/user"))


def _count(request: HttpRequest, action: str, rates: str):
    return ratelimit.consume(
        request,
        app=APP,
        action=action,
        config={action: _rates_for(request, rates)},
        user=request.user if request.user.is_authenticated else None,
        limit_get=True,
    )


def guess_attempt(request: HttpRequest, *, action: str, rates: str) -> GuessAttempt | None:
    """Count one attempt at `action`; None when this address or account missed too often.

    GET requests count too: opening a join link with a made-up code is a guess.
    """
    usage = _count(request, action, rates)
    return GuessAttempt(usage) if usage is not None else None


def _histories(request: HttpRequest, action: str, rates: str):
    """Each rate of `action` with the times it was counted, newest first (one cache read)."""
    user = request.user if request.user.is_authenticated else None
    limits = {
        ratelimit.get_cache_key(request, app=APP, action=action, rate=rate, user=user): rate
        for rate in ratelimit.parse_rates(_rates_for(request, rates))
    }
    histories = cache.get_many(list(limits))
    now = time.time()
    for key, rate in limits.items():
        _fits, history = ratelimit.apply_rate(list(histories.get(key, [])), now, rate, dry_run=True)
        yield rate, history, now


def guesses_refused(request: HttpRequest, *, action: str, rates: str) -> bool:
    """Whether this address (or account) has missed `action` too often lately.

    Reads the counts `miss_counted` keeps (one read of the shared cache), writes nothing.
    """
    return any(
        len(history) >= rate.amount for rate, history, _now in _histories(request, action, rates)
    )


def seconds_until_allowed(request: HttpRequest, *, action: str, rates: str) -> int:
    """How long until `action` fits every rate again (0 when it fits now): the wait a 429
    page names. A slot frees when the oldest count it needs leaves its window."""
    wait = 0.0
    for rate, history, now in _histories(request, action, rates):
        if len(history) >= rate.amount:
            wait = max(wait, history[rate.amount - 1] + rate.duration - now)
    return math.ceil(wait)


def miss_counted(request: HttpRequest, *, action: str, rates: str) -> bool:
    """Count one miss at `action`; False when it no longer fits (refuse it as too many)."""
    return _count(request, action, rates) is not None


def sending_allowed(request: HttpRequest, *, action: str, rates: str, recipient: str) -> bool:
    """Count one e-mail of `action` to `recipient`; False when this client or that address has
    had too many lately (then send nothing).

    The recipient is counted without a "+tag" in its local part, which most mail servers
    deliver to the same mailbox.
    """
    local, _at, domain = recipient.strip().lower().rpartition("@")
    mailbox = f"{local.split('+', 1)[0]}@{domain}" if local else domain
    usage = ratelimit.consume(
        request,
        app=APP,
        action=action,
        config={action: _rates_for(request, rates)},
        key=mailbox,
        limit_get=True,
    )
    return usage is not None


def too_many_guesses(request: HttpRequest, message: str) -> HttpResponse:
    """429 Too Many Requests, saying in the person's language what to do."""
    return render(request, "429.html", {"message": message}, status=429)
