"""The printable report of a country (or of all countries) for a period, as a PDF.

    /<language>/monitoring/<country code>/report.pdf?since=2026-03&until=2026-05
    /<language>/monitoring/all/report.pdf   (coordinators)

The guard every monitoring route shares answers first (an NSG member asking for
another country, or for all countries, gets 403 and learns nothing). A period
that cannot be read gets the page the downloads give (400); a period not
counted yet is limited per account as on the dashboard (429). The report is
written in the language of the address, as the dashboard is.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse

from .guards import scope_or_403, scope_slug
from .period import period_form
from .ratelimits import refuses_too_many_periods
from .reports import report_pdf as render_report
from .views import audit_people_named, bad_period_page, figures_asked_for


@login_required
@refuses_too_many_periods
def report_pdf(request, scope: str):
    country = scope_or_403(request, scope)  # before anything else, so a refusal says nothing
    form = period_form(request.GET)
    if form.errors:
        return bad_period_page(request, form, country)
    dashboard = figures_asked_for(request, country, form)
    audit_people_named(request, dashboard, download="pdf")
    response = HttpResponse(render_report(dashboard), content_type="application/pdf")
    filename = form.file_name(f"report-{scope_slug(country)}", "pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
