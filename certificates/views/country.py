"""A country's certificates, for its National Steering Group; every country's for coordinators.

An NSG member sees the countries they sit for and nothing else: asking for
another country (in the address or the form) gets 403, the same page whether
that country exists or has certificates, so nothing is learnt by trying.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accounts.selectors import is_coordinator
from audit.models import AuditEntry
from audit.services import audit_record
from courses.models import Country

from ..guards import second_factor_first
from ..models import Certificate
from ..selectors import listing
from ..selectors.access import countries_visible_to

PER_PAGE = 50


def _refused(request, country: Country | None = None):
    if country is not None:
        audit_record(request, AuditEntry.Action.ACCESS_REFUSED, country)
    raise PermissionDenied(_("Your account does not give you access to these certificates."))


@login_required
@require_GET
def country_certificates(request):
    coordinator = is_coordinator(request.user)
    countries = list(countries_visible_to(request.user))
    if not countries and not coordinator:
        _refused(request)
    if (first := second_factor_first(request)) is not None:
        return first
    code = request.GET.get("country", "").strip().upper()[:2]
    if code:
        country = next((country for country in countries if country.code == code), None)
        if country is None:
            if coordinator:
                raise Http404
            _refused(request, Country.objects.filter(code=code).first())
    else:
        # An NSG member starts on their (first) country; a coordinator on all of them.
        country = None if coordinator else countries[0]
    status = request.GET.get("status", "")
    if status not in Certificate.Status.values:
        status = ""
    certificates = (
        listing.certificates_in_country(country)
        if country is not None
        else listing.certificates_all()
    )
    if status:
        certificates = certificates.filter(listing.with_status(status))
    page = Paginator(certificates, PER_PAGE).get_page(request.GET.get("page"))
    # The list names the holders shown: one entry with the certificates on the page.
    audit_record(
        request,
        AuditEntry.Action.CERTIFICATES_LISTED,
        country if country is not None else Country,
        certificates=[certificate.pk for certificate in page],
    )
    return render(
        request,
        "certificates/country_certificates.html",
        {
            "countries": countries,
            "country": country,
            "all_countries": coordinator,
            "status": status,
            "statuses": Certificate.Status.choices,
            "page": page,
        },
    )
