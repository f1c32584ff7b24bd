from functools import cache, partial

from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language

from accounts.selectors import is_staff_account
from monitoring.selectors.access import may_monitor

from .caching import content_version


@cache
def _navigation_urls(language: str) -> dict[str, str]:
    return {
        name.split(":")[-1]: reverse(name)
        for name in (
            "my_learning",
            "courses:trainer_home",
            "account_login",
            "account_logout",
            "account_signup",
            "account_country_and_organisation",
            "search",
        )
    } | {"monitoring": reverse("monitoring:home")}


@cache
def _stylesheet() -> str:
    return static("cms/css/site.css")


def _may_monitor(user) -> bool:
    """Whether the header links to the dashboards (NSG members and coordinators).

    Both hold a role, so both are staff accounts: asking that first (known for every
    request) spares everyone else the question of roles.
    """
    return user is not None and is_staff_account(user) and may_monitor(user)


def site_navigation(request):
    return {
        "nav_urls": _navigation_urls(get_language()),
        # Called by the template only where it is shown.
        "may_monitor": partial(_may_monitor, getattr(request, "user", None)),
        "site_stylesheet": _stylesheet(),
        # Part of every cached fragment's key: a new content version retires old ones.
        "content_version": content_version,
    }
