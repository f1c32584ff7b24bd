from functools import cache

from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language

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
    }


@cache
def _stylesheet() -> str:
    return static("cms/css/site.css")


def site_navigation(request):
    return {
        "nav_urls": _navigation_urls(get_language()),
        "site_stylesheet": _stylesheet(),
        # Part of every cached fragment's key: a new content version retires old ones.
        "content_version": content_version,
    }
