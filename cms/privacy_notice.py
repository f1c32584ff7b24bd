"""The privacy notice, /<language>/privacy/: who keeps what, why, how long, and people's rights.

Its words are the interface's (gettext), so it reads in every interface
language; the controller and contact come from settings
(PRIVACY_CONTROLLER_NAME, PRIVACY_CONTACT_EMAIL), the retention period from
PRIVACY_INACTIVE_RETENTION_DAYS and the ages of digital consent from the
countries themselves. Linked from the footer of every page and from sign-up.
"""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_safe

from courses.selectors.consent import DEFAULT_AGE_OF_DIGITAL_CONSENT, ages_of_digital_consent
from courses.services.consent import link_days

# Where a person downloads or erases their data (the privacy app's account pages); the
# account page until those exist.
RIGHTS_PAGES = {"export": "privacy:export", "erasure": "privacy:erasure"}
ACCOUNT_PAGE = "account_country_and_organisation"

# The retention period when the setting is absent: five years without activity.
DEFAULT_RETENTION_DAYS = 5 * 365


def rights_page(right: str) -> str:
    """The address of the page where a person exercises `right` ("export" or "erasure")."""
    try:
        return reverse(RIGHTS_PAGES[right])
    except NoReverseMatch:
        return reverse(ACCOUNT_PAGE)


@require_safe
def privacy_notice(request):
    retention_days = int(
        getattr(settings, "PRIVACY_INACTIVE_RETENTION_DAYS", DEFAULT_RETENTION_DAYS) or 0
    )
    countries = sorted(ages_of_digital_consent(), key=lambda country: str(country).casefold())
    return render(
        request,
        "cms/privacy_notice.html",
        {
            "controller": getattr(settings, "PRIVACY_CONTROLLER_NAME", "")
            or settings.WAGTAIL_SITE_NAME,
            "contact_email": getattr(settings, "PRIVACY_CONTACT_EMAIL", ""),
            "retention_days": retention_days,
            "retention_years": retention_days / 365,
            "countries": countries,
            "default_age": DEFAULT_AGE_OF_DIGITAL_CONSENT,
            "link_days": link_days(),
            "export_url": rights_page("export"),
            "erasure_url": rights_page("erasure"),
            "account_url": reverse(ACCOUNT_PAGE),
        },
    )
