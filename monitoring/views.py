"""The dashboards and their downloads, under /<language>/monitoring/.

Every view asks `guards.scope_or_403` first, then shows what `dashboard_for`
returns and nothing else: the page, its charts, the CSV and XLSX files are
all written by `presentation.shown_table` from the same protected tables.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.cache import caches
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from . import exports, presentation
from .charts import dashboard_charts
from .guards import scope_or_403, scope_slug
from .labels import TABLES
from .period import PeriodForm, period_form
from .selectors.access import (
    countries_visible_to,
    may_see_all_countries,
    may_set_targets,
)
from .selectors.dashboard import Dashboard, dashboard_for, refresh_minutes
from .selectors.targets import target_progress
from .services.snapshots import snapshots_refresh_soon


@login_required
def home(request):
    """A coordinator's all-countries view; an NSG member's country (or their list of them)."""
    if may_see_all_countries(request.user):
        return redirect("monitoring:all_countries")
    countries = list(countries_visible_to(request.user))
    if not countries:
        raise PermissionDenied
    if len(countries) == 1:
        return redirect("monitoring:country", scope_slug(countries[0]))
    return render(request, "monitoring/countries.html", {"countries": countries})


@login_required
def all_countries(request):
    return _dashboard_page(request, "all")


@login_required
def country(request, code: str):
    return _dashboard_page(request, code)


@login_required
def export_csv(request, scope: str, table: str):
    dashboard, form = _download_figures(request, scope, table)
    if form.errors:
        return _bad_period(form)
    return exports.csv_response(dashboard.tables[table], _filename(dashboard, form, table, "csv"))


@login_required
def export_xlsx(request, scope: str, table: str):
    dashboard, form = _download_figures(request, scope, table)
    if form.errors:
        return _bad_period(form)
    return _workbook(dashboard, form, [table])


@login_required
def export_workbook(request, scope: str):
    dashboard, form = _download_figures(request, scope, None)
    if form.errors:
        return _bad_period(form)
    return _workbook(dashboard, form, presentation.table_order(dashboard.tables))


# --- What the views share ---------------------------------------------------------------------


def _figures(request, country) -> tuple[Dashboard, PeriodForm]:
    """The dashboard of a country (None: all countries) for the address's period."""
    form = period_form(request.GET)
    since, until = form.period
    dashboard = dashboard_for(country, since=since, until=until)
    if dashboard.from_snapshot:
        age = timezone.now() - dashboard.computed_at
        if age.total_seconds() > refresh_minutes() * 60:
            snapshots_refresh_soon()
    return dashboard, form


def _download_figures(request, scope: str, table: str | None) -> tuple[Dashboard, PeriodForm]:
    country = scope_or_403(request, scope)  # before anything else, so a refusal says nothing
    if table is not None and table not in TABLES:
        raise Http404
    dashboard, form = _figures(request, country)
    if table is not None and table not in dashboard.tables:
        raise Http404
    return dashboard, form


def _bad_period(form: PeriodForm) -> HttpResponse:
    errors = [str(error) for field_errors in form.errors.values() for error in field_errors]
    return HttpResponseBadRequest(
        "\n".join([gettext("The period is not valid."), *errors]),
        content_type="text/plain; charset=utf-8",
    )


def _filename(dashboard: Dashboard, form: PeriodForm, name: str, extension: str) -> str:
    since, until = form.period
    period = "".join(f"-{day.isoformat()}" for day in (since, until) if day)
    return f"monitoring-{scope_slug(dashboard.country)}-{name}{period}.{extension}"


def _workbook(dashboard: Dashboard, form: PeriodForm, names: list[str]) -> HttpResponse:
    place = presentation.place_name(dashboard)
    title = gettext("Training reach: %(place)s") % {"place": place}
    filename = _filename(dashboard, form, names[0] if len(names) == 1 else "tables", "xlsx")
    return exports.xlsx_response(
        [dashboard.tables[name] for name in names],
        filename,
        title=title,
        about=presentation.about_lines(dashboard),
    )


@dataclass
class TableOnPage:
    shown: presentation.ShownTable
    chart: SafeString | None
    csv_url: str
    xlsx_url: str


def _with_query(url: str, query: str) -> str:
    return f"{url}?{query}" if query else url


def _tables_on_page(dashboard: Dashboard, slug: str, query: str) -> dict[str, TableOnPage]:
    """Each table as shown, with its chart and downloads; kept as long as the dashboard is."""

    def build() -> dict[str, TableOnPage]:
        charts = dashboard_charts(dashboard.tables)
        return {
            name: TableOnPage(
                shown=presentation.shown_table(table),
                chart=charts.get(name),
                csv_url=_with_query(reverse("monitoring:export_csv", args=[slug, name]), query),
                xlsx_url=_with_query(reverse("monitoring:export_xlsx", args=[slug, name]), query),
            )
            for name, table in dashboard.tables.items()
        }

    if dashboard.cache_key is None:
        return build()
    return caches["local"].get_or_set(
        f"{dashboard.cache_key}:page:{slug}:{query}", build, 2 * 60 * refresh_minutes()
    )


def _dashboard_page(request, scope: str):
    dashboard, form = _figures(request, scope_or_403(request, scope))
    slug = scope_slug(dashboard.country)
    query = form.query
    tables = _tables_on_page(dashboard, slug, query)
    country = dashboard.country
    context = {
        "dashboard": dashboard,
        "country": country,
        "heading": presentation.place_name(dashboard),
        "cards": presentation.headline_cards(dashboard),
        "freshness": presentation.freshness_text(dashboard),
        "suppression": presentation.suppression_text(dashboard.threshold),
        "hidden_mark": presentation.HIDDEN_MARK,
        "form": form,
        "has_period": any(form.period),
        "tables": tables,
        "breakdowns": [
            tables[name]
            for name in ("by_organisation", "by_region", "by_course", "by_language", "by_country")
            if name in tables
        ],
        "workbook_url": _with_query(reverse("monitoring:export_workbook", args=[slug]), query),
        "page_url": request.path,
        "other_countries": [
            other for other in countries_visible_to(request.user) if other != country
        ],
        "all_countries_url": (
            reverse("monitoring:all_countries")
            if country and may_see_all_countries(request.user)
            else ""
        ),
    }
    if country is not None:
        context["targets"] = target_progress(country, dashboard)
        context["may_set_targets"] = may_set_targets(request.user, country)
    status = 400 if form.errors else 200
    return render(request, "monitoring/dashboard.html", context, status=status)
