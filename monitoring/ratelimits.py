"""How often a person may have a period counted from the record: a few, then 429 for a while.

A period no cache holds yet costs a pass over the whole record (seconds at a
million enrolments, selectors/dashboard.py), and any NSG member could ask for
one period after another. So each account may cause a few passes in a while
(MONITORING_PERIOD_RATE_LIMITS, allauth's notation: "10/10m/user"), counted in
allauth's rate-limit store (the shared cache) before the pass starts. A period
already kept (the figures to date, a target's period, a period someone asked
for since the last refresh) is shown at once and counts nothing.
"""

from __future__ import annotations

from functools import wraps

from allauth.core.internal.ratelimit import parse_rates
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import ngettext

from accounts.ratelimits import guess_attempt, too_many_guesses

DEFAULT_RATES = "10/10m/user"


class TooManyPeriods(Exception):
    """This account had too many periods counted lately; answered by `period_count_refusal`."""


def _rates() -> str:
    return getattr(settings, "MONITORING_PERIOD_RATE_LIMITS", DEFAULT_RATES)


def period_count_allowed(request: HttpRequest) -> bool:
    """Count one pass over the record for this account; False once it had too many lately."""
    return guess_attempt(request, action="monitoring_period", rates=_rates()) is not None


def period_count_refusal(request: HttpRequest) -> HttpResponse:
    """The 429 page: why, and what can be seen meanwhile."""
    minutes = max(1, int(max(rate.duration for rate in parse_rates(_rates())) // 60))
    return too_many_guesses(
        request,
        ngettext(
            "Each new period is counted from the whole record, which takes a while, so only a "
            "few can be asked for at a time. Please wait %(minutes)d minute and try again. "
            "The figures to date, and periods already shown, can be seen meanwhile.",
            "Each new period is counted from the whole record, which takes a while, so only a "
            "few can be asked for at a time. Please wait %(minutes)d minutes and try again. "
            "The figures to date, and periods already shown, can be seen meanwhile.",
            minutes,
        )
        % {"minutes": minutes},
    )


def refuses_too_many_periods(view):
    """Answer `TooManyPeriods`, raised anywhere in the view, with the 429 page."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except TooManyPeriods:
            return period_count_refusal(request)

    return wrapped
