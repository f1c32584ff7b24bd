"""The admin dashboard's panels: the work waiting for the person who opens the admin.

    dashboard_panels(request) -> list[DashboardPanel]   (cms/wagtail_hooks.py adds them)

- Translations out of date, for translators (wagtail_localize.submit_translation):
  translations whose source page was published again since it was last synced,
  the report's own list (cms.selectors.outdated_translations).
- Cohorts this week, for coordinators (the role covers every country): the
  sessions of any cohort from today to seven days ahead.
- Certificates to issue, for coordinators: members who completed a cohort and
  hold none of its certificates (the cohort certificate page's rows without one,
  certificates.selectors.listing.memberships_awaiting_certificate), and graduates
  of a training of trainers waiting to be accredited, which gives them their
  trainer certificate (the accreditation page's list,
  courses.selectors.accreditation.graduations_to_accredit). It names people:
  each look that shows someone is written to the audit trail.

Each list shows its count, at most ten rows with links, and says in words when
nothing waits. Two queries a list (its count and its rows) and the audit entry,
whatever the record holds.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin.ui.components import Component

from accounts.selectors import is_coordinator
from audit.models import AuditEntry
from audit.services import audit_record
from certificates.selectors.listing import memberships_awaiting_certificate
from courses.models import Cohort
from courses.selectors.accreditation import graduations_to_accredit
from courses.selectors.cohorts import sessions_starting_between

from .selectors import outdated_translations

ROWS = 10
DAYS_AHEAD = 7
TRANSLATOR_PERMISSION = "wagtail_localize.submit_translation"


@dataclass(frozen=True)
class Row:
    label: str
    url: str
    details: str = ""
    action: str = ""
    action_url: str = ""


@dataclass
class Section:
    """One list of a panel: how many wait, the first rows, and what to say when none does."""

    summary: str
    empty: str
    rows: list[Row] = field(default_factory=list)
    heading: str = ""
    more_label: str = ""
    more_url: str = ""


class DashboardPanel(Component):
    template_name = "cms/admin/dashboard_panel.html"
    name = ""
    heading = ""
    icon = "list-ul"
    order = 50

    def __init__(self, request):
        self.request = request

    def sections(self) -> list[Section]:
        raise NotImplementedError

    def get_context_data(self, parent_context=None):
        return {"panel": self, "sections": self.sections()}


def _when(moment: datetime.datetime) -> str:
    return date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")


class OutdatedTranslationsPanel(DashboardPanel):
    name = "outdated_translations"
    heading = gettext_lazy("Translations out of date")
    icon = "warning"
    order = 50

    def sections(self) -> list[Section]:
        translations = outdated_translations()
        count = translations.count()
        rows = [
            Row(
                label=translation.source.object_repr,
                url=(
                    reverse("wagtailadmin_pages:edit", args=[translation.source_page_id])
                    if translation.source_page_id
                    else ""
                ),
                details=_("%(language)s · source changed %(when)s")
                % {
                    "language": translation.target_locale.get_display_name(),
                    "when": _when(translation.source_changed_at),
                },
                action=_("Sync translated pages"),
                action_url=reverse(
                    "wagtail_localize:update_translations", args=[translation.source_id]
                ),
            )
            for translation in translations[:ROWS]
        ]
        return [
            Section(
                summary=ngettext(
                    "%(count)s translation misses changes made to its source.",
                    "%(count)s translations miss changes made to their source.",
                    count,
                )
                % {"count": count},
                empty=_("Every translation is up to date with its source."),
                rows=rows,
                more_label=_("All translations out of date") if count > ROWS else "",
                more_url=reverse("outdated_translations"),
            )
        ]


class CohortsThisWeekPanel(DashboardPanel):
    name = "cohorts_this_week"
    heading = gettext_lazy("Cohorts this week")
    icon = "date"
    order = 60

    def sections(self) -> list[Section]:
        today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
        sessions = sessions_starting_between(today, today + datetime.timedelta(days=DAYS_AHEAD + 1))
        count = sessions.count()
        rows = [
            Row(
                label=session.cohort.name,
                url=reverse("courses:cohort", args=[session.cohort_id]),
                details=" · ".join(
                    (_when(session.starts_at), session.place, str(session.cohort.country))
                ),
            )
            for session in sessions[:ROWS]
        ]
        return [
            Section(
                summary=ngettext(
                    "%(count)s session from today to %(days)s days ahead.",
                    "%(count)s sessions from today to %(days)s days ahead.",
                    count,
                )
                % {"count": count, "days": DAYS_AHEAD},
                empty=_("No session from today to %(days)s days ahead.") % {"days": DAYS_AHEAD},
                rows=rows,
            )
        ]


def _people(memberships, url_name: str) -> list[Row]:
    """A row per member, named, linked to the cohort's page where their certificate is made."""
    return [
        Row(
            label=membership.participant.display_name,
            url=reverse(url_name, args=[membership.cohort_id]),
            details=membership.cohort.name,
        )
        for membership in memberships
    ]


class CertificatesToIssuePanel(DashboardPanel):
    name = "certificates_to_issue"
    heading = gettext_lazy("Certificates to issue")
    icon = "doc-full"
    order = 70

    def sections(self) -> list[Section]:
        waiting = memberships_awaiting_certificate()
        graduations = (
            graduations_to_accredit()
            .filter(cohort__kind__in=Cohort.TRAINS_TRAINERS)
            .select_related("cohort", "participant")
            .order_by("completed_at", "pk")
        )
        waiting_count, graduation_count = waiting.count(), graduations.count()
        waiting, graduations = list(waiting[:ROWS]), list(graduations[:ROWS])
        shown = [membership.pk for membership in (*waiting, *graduations)]
        if shown:
            audit_record(
                self.request,
                AuditEntry.Action.ROSTER_VIEWED,
                Cohort,
                page="admin_dashboard",
                memberships=shown,
            )
        return [
            Section(
                heading=_("Completed, without a certificate"),
                summary=ngettext(
                    "%(count)s person completed a cohort and has no certificate of it.",
                    "%(count)s people completed a cohort and have no certificate of it.",
                    waiting_count,
                )
                % {"count": waiting_count},
                empty=_("Everyone who completed a cohort has its certificate."),
                rows=_people(waiting, "certificates:cohort"),
            ),
            Section(
                heading=_("Graduates to accredit as trainers"),
                summary=ngettext(
                    "%(count)s graduate of a training of trainers waits to be accredited.",
                    "%(count)s graduates of a training of trainers wait to be accredited.",
                    graduation_count,
                )
                % {"count": graduation_count},
                empty=_("No graduate waits to be accredited."),
                rows=_people(graduations, "courses:accredit_graduates"),
            ),
        ]


def dashboard_panels(request) -> list[DashboardPanel]:
    """The panels this person's work calls for: none for someone with neither role."""
    user = request.user
    panels: list[DashboardPanel] = []
    if user.has_perm(TRANSLATOR_PERMISSION):
        panels.append(OutdatedTranslationsPanel(request))
    if is_coordinator(user):
        panels += [CohortsThisWeekPanel(request), CertificatesToIssuePanel(request)]
    return panels
