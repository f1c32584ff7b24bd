"""Who sees which figures: an NSG member their own country, a coordinator every country.

Nobody else sees any. The views answer 403 to any other country, whatever
the route (page, filter, export, report), and say nothing about it.
"""

from __future__ import annotations

from accounts.permissions import permissions
from accounts.selectors import is_coordinator
from certificates.selectors.access import countries_visible_to, nsg_country_ids
from courses import record_cache
from courses.models import Country

__all__ = [
    "countries_visible_to",
    "dashboard_countries",
    "may_monitor",
    "may_see_all_countries",
    "may_see_country",
    "may_set_targets",
]


def may_monitor(user) -> bool:
    """Whether this person has any dashboard at all."""
    return is_coordinator(user) or bool(nsg_country_ids(user))


def may_see_all_countries(user) -> bool:
    return is_coordinator(user)


def may_see_country(user, country: Country) -> bool:
    return is_coordinator(user) or country.pk in nsg_country_ids(user)


def may_set_targets(user, country: Country) -> bool:
    """NSG members set their own country's targets; coordinators any country's."""
    return may_see_country(user, country)


def dashboard_countries(user) -> tuple[Country, ...]:
    """The countries whose dashboards this person may open (as `countries_visible_to`).

    Read once per change of roles (the permissions version) or of countries (the
    record version), not on every page.
    """
    return record_cache.kept(
        ("dashboard-countries", user.pk, permissions.version()),
        lambda: tuple(countries_visible_to(user)),
    )
