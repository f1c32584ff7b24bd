"""The dashboards and their downloads, under /<language>/monitoring/.

Every view asks `guards.scope_or_403` first, then shows what `dashboard_for`
returns and nothing else: the page, its charts, the CSV and XLSX files are
all written by `presentation.shown_table` from the same protected tables.
A period (whole months, period.py) that no cache holds yet is counted from
the record a few times per account at most (ratelimits.py, 429 beyond); a
download of a period that cannot be read is the same 400 page as the report's.
A page, download or report showing tables that name people (master trainers,
the cascade's lead trainers) is written to the audit trail (`audit_people_named`).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from audit.models import AuditEntry
from audit.services import audit_record
from courses.models import Country

from . import exports, presentation
from .charts import dashboard_charts
from .guards import scope_or_403, scope_slug
from .labels import TABLES
from .period import PeriodForm, period_form
from .ratelimits import TooManyPeriods, period_count_allowed, refuses_too_many_periods
from .selectors import targets as target_figures
from .selectors.access import (
    countries_visible_to,
    dashboard_countries,
    may_see_all_countries,
    may_set_targets,
)
from .selectors.dashboard import (
    Dashboard,
    dashboard_for,
    figures_kept,
    kept_seconds,
    snapshots,
)
from .services.snapshots import snapshots_refresh_when_due


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
@refuses_too_many_periods
def all_countries(request):
    return _dashboard_page(request, "all")


@login_required
@refuses_too_many_periods
def country(request, code: str):
    return _dashboard_page(request, code)


@login_required
@refuses_too_many_periods
def export_csv(request, scope: str, table: str):
    country, form = _download_period(request, scope, table)
    if form.errors:
        return bad_period_page(request, form, country)
    dashboard = _download_figures(request, country, form, table)
    audit_people_named(request, dashboard, [table], download="csv")
    filename = form.file_name(f"monitoring-{scope_slug(country)}-{table}", "csv")
    return exports.csv_response(dashboard.tables[table], filename)


@login_required
@refuses_too_many_periods
def export_xlsx(request, scope: str, table: str):
    country, form = _download_period(request, scope, table)
    if form.errors:
        return bad_period_page(request, form, country)
    dashboard = _download_figures(request, country, form, table)
    audit_people_named(request, dashboard, [table], download="xlsx")
    return _workbook(dashboard, form, [table])


@login_required
@refuses_too_many_periods
def export_workbook(request, scope: str):
    country, form = _download_period(request, scope, None)
    if form.errors:
        return bad_period_page(request, form, country)
    dashboard = _download_figures(request, country, form, None)
    audit_people_named(request, dashboard, download="xlsx")
    return _workbook(dashboard, form, presentation.table_order(dashboard.tables))


# --- What the views share (report_views.py too) -----------------------------------------------

BREAKDOWNS = ("by_organisation", "by_region", "by_course", "by_language", "by_country")

# The tables that name people: master trainers by name, and each cohort with its lead trainer.
TABLES_NAMING_PEOPLE = ("master_trainers", "cascade_tree")


def audit_people_named(request, dashboard: Dashboard, names=TABLES_NAMING_PEOPLE, **details):
    """Record a look at figures that name people (TESTS-SECURITY 36): one entry, or none
    when the tables shown name nobody.

    The entry lists, by id, the master trainers named and the cohorts whose lead
    trainer is named; the country it is about (or all countries) is its record.
    """
    named = {
        "master_trainers": [
            int(row.key) for row in dashboard.tables["master_trainers"].rows if row.key
        ]
        if "master_trainers" in names
        else [],
        "cascade_cohorts": [
            int(row.key) for row in dashboard.tables["cascade_tree"].rows if row.key and row.detail
        ]
        if "cascade_tree" in names
        else [],
    }
    if not any(named.values()):
        return
    audit_record(
        request,
        AuditEntry.Action.DASHBOARD_VIEWED,
        dashboard.country if dashboard.country is not None else Country,
        **named,
        **details,
    )


def figures_asked_for(request, country: Country | None, form: PeriodForm) -> Dashboard:
    """The dashboard of a country (None: all countries) for the form's period.

    A period that is not kept yet costs a pass over the record: refused with
    TooManyPeriods (answered 429) once this account had too many lately. A
    refresh is queued when the snapshot is old or missing.
    """
    since, until = form.period
    if not figures_kept(country, since=since, until=until) and not period_count_allowed(request):
        raise TooManyPeriods
    dashboard = dashboard_for(country, since=since, until=until)
    snapshots_refresh_when_due(dashboard.snapshot_at)
    return dashboard


def bad_period_page(request, form: PeriodForm, country: Country | None) -> HttpResponse:
    """A period that cannot be read, asked for a download or a report: what is wrong (400)."""
    back = (
        reverse("monitoring:country", args=[scope_slug(country)])
        if country
        else reverse("monitoring:all_countries")
    )
    return render(
        request, "monitoring/bad_period.html", {"form": form, "back_url": back}, status=400
    )


def _download_period(request, scope: str, table: str | None) -> tuple[Country | None, PeriodForm]:
    country = scope_or_403(request, scope)  # before anything else, so a refusal says nothing
    if table is not None and table not in TABLES:
        raise Http404
    return country, period_form(request.GET)


def _download_figures(request, country, form: PeriodForm, table: str | None) -> Dashboard:
    dashboard = figures_asked_for(request, country, form)
    if table is not None and table not in dashboard.tables:
        raise Http404
    return dashboard


def _workbook(dashboard: Dashboard, form: PeriodForm, names: list[str]) -> HttpResponse:
    place = presentation.place_name(dashboard)
    title = gettext("Training reach: %(place)s") % {"place": place}
    named = names[0] if len(names) == 1 else "tables"
    return exports.xlsx_response(
        [dashboard.tables[name] for name in names],
        form.file_name(f"monitoring-{scope_slug(dashboard.country)}-{named}", "xlsx"),
        title=title,
        about=presentation.about_lines(dashboard),
    )


@dataclass
class TableOnPage:
    shown: presentation.ShownTable
    chart: SafeString | None
    csv_url: str
    xlsx_url: str
    note: str = ""  # what the caption adds (the cohorts the cascade leaves out)


def _with_query(url: str, query: str) -> str:
    return f"{url}?{query}" if query else url


def _tables_on_page(dashboard: Dashboard, slug: str, query: str) -> dict[str, TableOnPage]:
    """Each table as shown, with its chart and downloads; kept as long as the dashboard is."""

    def build() -> dict[str, TableOnPage]:
        charts = dashboard_charts(dashboard)
        return {
            name: TableOnPage(
                shown=presentation.shown_table(table),
                chart=charts.get(name),
                csv_url=_with_query(reverse("monitoring:export_csv", args=[slug, name]), query),
                xlsx_url=_with_query(reverse("monitoring:export_xlsx", args=[slug, name]), query),
                note=presentation.table_note(dashboard, name),
            )
            for name, table in dashboard.tables.items()
        }

    if dashboard.cache_key is None:
        return build()
    # Kept in the process as they are (charts and all, not pickled) until the snapshot changes.
    return snapshots.get_or_build((dashboard.cache_key, "page", slug, query), build)


def _dashboard_page(request, scope: str):
    country = scope_or_403(request, scope)  # before anything else, so a refusal says nothing
    form = period_form(request.GET)
    dashboard = figures_asked_for(request, country, form)
    audit_people_named(request, dashboard)
    slug = scope_slug(dashboard.country)
    query = form.query
    tables = SimpleLazyObject(lambda: _tables_on_page(dashboard, slug, query))
    country = dashboard.country
    other_countries = [other for other in dashboard_countries(request.user) if other != country]
    all_countries_url = (
        reverse("monitoring:all_countries")
        if country and may_see_all_countries(request.user)
        else ""
    )
    context = {
        "dashboard": dashboard,
        "country": country,
        "heading": presentation.place_name(dashboard),
        # Worked out only when the template draws the page (not when it keeps it).
        "cards": SimpleLazyObject(lambda: presentation.headline_cards(dashboard)),
        "freshness": SimpleLazyObject(lambda: presentation.freshness_text(dashboard)),
        "suppression": SimpleLazyObject(lambda: presentation.suppression_text(dashboard.threshold)),
        "hidden_mark": presentation.HIDDEN_MARK,
        "form": form,
        "has_period": any(form.period),
        "tables": tables,
        "breakdowns": SimpleLazyObject(
            lambda: [tables[name] for name in BREAKDOWNS if name in tables]
        ),
        "workbook_url": SimpleLazyObject(
            lambda: _with_query(reverse("monitoring:export_workbook", args=[slug]), query)
        ),
        "page_url": request.path,
        "other_countries": other_countries,
        "all_countries_url": all_countries_url,
        # The page drawn from a kept dashboard is kept as drawn (for 0 seconds when the
        # figures are not kept, or the period has errors) under the dashboard's key, the
        # period, the language, the targets and the reader's own links.
        "figures_key": dashboard.cache_key or "",
        "page_seconds": kept_seconds() if dashboard.cache_key and not form.errors else 0,
        "links_key": "|".join(
            [all_countries_url, *(f"{other.code}:{other.name}" for other in other_countries)]
        ),
    }
    if country is not None:
        context["targets"] = SimpleLazyObject(
            lambda: target_figures.target_progress(country, dashboard)
        )
        # Targets change with the targets (the snapshots version) and the day.
        context["targets_version"] = f"{snapshots.version()}:{timezone.localdate()}"
        context["may_set_targets"] = may_set_targets(request.user, country)
        context["on_track_points"] = target_figures.ON_TRACK_POINTS
    status = 400 if form.errors else 200
    return render(request, "monitoring/dashboard.html", context, status=status)
