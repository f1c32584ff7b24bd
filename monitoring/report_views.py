"""The printable report of a country (or of all countries) for a period, as a PDF.

    /<language>/monitoring/<country code>/report.pdf?since=2026-03-01&until=2026-03-31
    /<language>/monitoring/all/report.pdf   (coordinators)

The guard every monitoring route shares answers first (an NSG member asking for
another country, or for all countries, gets 403 and learns nothing). Dates that
are not dates, or a first day after the last, get a page saying so (400). The
report is written in the language of the address, as the dashboard is.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse

from .guards import scope_or_403, scope_slug
from .period import period_form
from .reports import report_pdf as render_report
from .selectors.dashboard import dashboard_for


@login_required
def report_pdf(request, scope: str):
    country = scope_or_403(request, scope)  # before anything else, so a refusal says nothing
    form = period_form(request.GET)
    slug = scope_slug(country)
    if form.errors:
        back = "monitoring:country" if country else "monitoring:all_countries"
        return render(
            request,
            "monitoring/report/bad_period.html",
            {"form": form, "back_url": reverse(back, args=[slug] if country else [])},
            status=400,
        )
    since, until = form.period
    dashboard = dashboard_for(country, since=since, until=until)
    period = "".join(f"-{day.isoformat()}" for day in (dashboard.since, dashboard.until) if day)
    response = HttpResponse(render_report(dashboard), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="report-{slug}{period}.pdf"'
    return response
