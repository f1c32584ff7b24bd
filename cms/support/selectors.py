"""Reading the support lists as a reader of one language sees them.

Each list is kept under the content version (cms/caching.py): saving or
deleting a service starts a new version (cms/signals.py), so a coordinator's
change shows on the next request in every process. One query builds a
country's list in a language, one the countries that have a list.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.db.models import F

from courses.models import Country

from .. import i18n
from ..caching import cached_shared
from .models import SupportService


@dataclass(frozen=True)
class SupportEntry:
    """A service as a reader sees it: in their language where translated, else its original."""

    name: str
    offer: str
    audience: str
    is_peer_platform: bool
    website: str
    phone: str
    email: str
    # The language the words are written in, and its name in the reader's language.
    language: str
    language_name: str

    @property
    def has_contact(self) -> bool:
        return bool(self.website or self.phone or self.email)


@dataclass(frozen=True)
class CountryLink:
    code: str
    name: str


def _entries(country_code: str, language: str) -> tuple[SupportEntry, ...]:
    rows = (
        SupportService.objects.filter(country__code=country_code)
        .order_by("pk")
        .values(
            "translation_key",
            "position",
            "name",
            "offer",
            "audience",
            "is_peer_platform",
            "website",
            "phone",
            "email",
            row_language=F("locale__language_code"),
        )
    )
    # The first row of a translation group is its original (translations come after it).
    originals: dict[uuid.UUID, dict] = {}
    chosen: dict[uuid.UUID, dict] = {}
    for row in rows:
        key = row["translation_key"]
        originals.setdefault(key, row)
        if key not in chosen or (
            row["row_language"] == language and chosen[key]["row_language"] != language
        ):
            chosen[key] = row
    ordered = sorted(originals.values(), key=lambda row: (row["position"], row["name"].lower()))
    entries = []
    for original in ordered:
        words = chosen[original["translation_key"]]
        entries.append(
            SupportEntry(
                name=words["name"],
                offer=words["offer"],
                audience=words["audience"],
                # How to reach it always comes from the original, whatever a translation holds.
                is_peer_platform=original["is_peer_platform"],
                website=original["website"],
                phone=original["phone"],
                email=original["email"],
                language=words["row_language"],
                language_name=i18n.language_name(words["row_language"]),
            )
        )
    return tuple(entries)


def support_services_in(country_code: str, language: str) -> tuple[SupportEntry, ...]:
    """The country's services in list order, each in `language` where it is translated.

    Kept per country and language under the content version (one query to build).
    """
    code = country_code.upper()
    return cached_shared("support-services", (code, language), lambda: _entries(code, language))


def countries_with_support(language: str) -> tuple[CountryLink, ...]:
    """The countries that have a support list, named and sorted in the reader's language."""

    def build() -> tuple[CountryLink, ...]:
        countries = Country.objects.filter(support_services__isnull=False).distinct()
        links = [CountryLink(country.code, str(country)) for country in countries]
        return tuple(sorted(links, key=lambda link: link.name.casefold()))

    return cached_shared("support-countries", (language,), build)
