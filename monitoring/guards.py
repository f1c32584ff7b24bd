"""What every monitoring view calls first: whose figures does the address ask for, and may they.

One answer for every route (page, period filter, download, report): an NSG
member asking for any other country, or for all countries, gets 403 and
learns nothing, not even whether the country exists (an unknown code is 403
for them too; a coordinator, who may see every country, gets 404). Refusals
of a country that exists are audited. Only two letters (an ISO code, either
case) or "all" are ever looked up: anything else (a NUL byte, which
PostgreSQL refuses in text) is answered as an unknown code.
"""

from __future__ import annotations

import re

from django.core.exceptions import PermissionDenied
from django.http import Http404

from audit.models import AuditEntry
from audit.services import audit_record
from courses import record_cache
from courses.models import Country

from .selectors.access import may_monitor, may_see_all_countries, may_see_country

ALL_COUNTRIES = "all"
COUNTRY_CODE = re.compile(r"[A-Za-z]{2}")


def scope_or_403(request, scope: str) -> Country | None:
    """The country an address names (None for "all"), if this person may see its figures."""
    user = request.user
    if not may_monitor(user):
        raise PermissionDenied
    if scope == ALL_COUNTRIES:
        if not may_see_all_countries(user):
            raise PermissionDenied
        return None
    country = country_by_code(scope) if COUNTRY_CODE.fullmatch(scope) else None
    if country is None:
        if may_see_all_countries(user):
            raise Http404
        raise PermissionDenied
    if not may_see_country(user, country):
        audit_record(request, AuditEntry.Action.ACCESS_REFUSED, country)
        raise PermissionDenied
    return country


def country_by_code(code: str) -> Country | None:
    """The country with this ISO code (either case), read once per record version."""
    code = code.upper()
    return record_cache.kept(
        ("country-by-code", code), lambda: Country.objects.filter(code__iexact=code).first()
    )


def scope_slug(country: Country | None) -> str:
    """The part of an address that names a country's figures (or all countries')."""
    return country.code.lower() if country else ALL_COUNTRIES
