"""The words of the dashboard: what each table, measure and row is called, in the reader's language.

Figures are stored with plain keys (an organisation's id, "2026-03", "bg");
rows get their names here when shown, so one snapshot serves every language.
"""

from __future__ import annotations

import datetime

from django.utils.formats import date_format
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _

from certificates.models import Kind as CertificateKind
from courses.models import TrainerAccreditation
from courses.models.people import country_name
from courses.selectors import facts

from .suppression import ProtectedTable

MEASURES = {
    "cohorts_held": _("Cohorts held"),
    "cohorts_running": _("Cohorts running"),
    "cohorts_planned": _("Cohorts planned"),
    "cohorts": _("Cohorts led"),
    "reached": _("People reached"),
    "professionals": _("Professionals"),
    "young_people": _("Young people"),
    "completed": _("Completed"),
    "certified": _("Certified"),
    "attendance_rate": _("Attendance (%)"),
    "gain_people": _("People with both tests"),
    "mean_gain": _("Knowledge gain (points)"),
    "trainers": _("Trainers accredited"),
    "accredited": _("Accredited"),
    "active": _("Active (trained in the last 12 months)"),
    "expiring": _("Expiring within 90 days"),
    "expired": _("Expired"),
    "certificates": _("Certificates"),
    "people": _("People"),
    "trained_directly": _("Trained directly"),
    "multiplier": _("Reach multiplier"),
    "generation": _("Generation"),
}

TABLES = {
    "by_organisation": _("By organisation"),
    "by_region": _("By region"),
    "by_month": _("By month"),
    "by_course": _("By course"),
    "by_language": _("By language"),
    "by_generation": _("By cascade generation"),
    "by_country": _("By country"),
    "trainers": _("Trainers and master trainers"),
    "funnel": _("From enrolment to certificate"),
    "certificates": _("Certificates issued"),
    "master_trainers": _("Master trainers and their reach"),
    "cascade_tree": _("The cascade, cohort by cohort"),
}

DIMENSIONS = {
    "organisation": _("Organisation"),
    "region": _("Region"),
    "month": _("Month"),
    "course": _("Course"),
    "language": _("Language"),
    "generation": _("Generation"),
    "country": _("Country"),
    "level": _("Level"),
    "stage": _("Stage"),
    "certificate_kind": _("Kind"),
    "trainer": _("Master trainer"),
    "cohort": _("Cohort"),
}

STAGES = {
    "enrolled": _("Enrolled"),
    "attended": _("Took part"),
    "completed": _("Completed"),
    "certified": _("Certified"),
}

NOT_GIVEN = {
    "organisation": _("Organisation not given"),
    "region": _("Region not recorded"),
    "course": _("Course not recorded"),
    "language": _("Language not given"),
    "generation": _("Online, without a cohort"),
    "country": _("Country not given"),
    "certificate_kind": _("Other"),
}


def month_label(key: str) -> str:
    year, month = map(int, key.split("-"))
    return date_format(datetime.date(year, month, 1), "YEAR_MONTH_FORMAT")


def _language_name(code: str) -> str:
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


def label_rows(table: ProtectedTable, language: str | None = None) -> ProtectedTable:
    """Name the table's rows in the active language (a few queries at most)."""
    language = language or get_language()
    dimension = table.dimension
    keys = [row.key for row in table.rows]
    names: dict[str, str] = {}
    if dimension == "organisation":
        names = facts.organisation_names(keys)
    elif dimension == "course":
        titles = facts.course_titles(keys, language)
        names = {key: title for key, (title, _written_in) in titles.items()}
        for row in table.rows:
            written_in = titles.get(row.key, ("", language))[1]
            row.label_language = written_in if written_in != language else ""
    elif dimension == "country":
        names = facts.country_names(keys)
    for row in table.rows:
        if row.label:
            continue
        if not row.key:
            row.label = str(NOT_GIVEN.get(dimension, "—"))
        elif dimension == "month":
            row.label = month_label(row.key)
        elif dimension == "language":
            row.label = _language_name(row.key)
        elif dimension == "generation":
            row.label = _gettext("Generation %(number)s") % {"number": row.key}
        elif dimension == "level":
            row.label = str(TrainerAccreditation.Level(row.key).label)
        elif dimension == "stage":
            row.label = str(STAGES[row.key])
        elif dimension == "certificate_kind":
            row.label = str(CertificateKind(row.key).label)
        elif dimension == "country":
            code, stored = names.get(row.key, ("", row.key))
            row.label = country_name(code, stored) if code else stored
        else:
            row.label = names.get(row.key, row.key)
    if table.total is not None:
        table.total.label = _gettext("Total")
    return table
