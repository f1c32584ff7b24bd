"""Reading pages in the reader's language, with a visible fallback to the original.

A page that has no translation in the reader's language is still reachable
under the reader's language prefix: routing falls back to the original page,
and the page shows a note saying so. Links are built the same way, so a reader
who chose Bulgarian stays in the Bulgarian interface while reading an English
original.
"""

from __future__ import annotations

from django.utils import translation
from wagtail.models import Page

from accounts.languages import (
    reader_language,  # noqa: F401 (cms reads it from here too)
    written_in,
)


def page_language(page: Page) -> str:
    """The language code a page is written in, without a query after the first."""
    return written_in(page)


def language_name(code: str) -> str:
    """A language's name in the reader's own language (e.g. 'English' or 'английски')."""
    return translation.gettext(translation.get_language_info(code)["name"])


def path_in_language(page: Page, language: str, request=None) -> str:
    """The URL path of `page` under another language's prefix (served by fallback routing)."""
    url = page.get_url(request) or "/"
    own = "/" + page_language(page) + "/"
    if url.startswith(own):
        return "/" + language + "/" + url[len(own) :]
    return url


def translations_by_language(page: Page) -> dict[str, Page]:
    """Every live version of `page`, keyed by language code (one query)."""
    group = (
        Page.objects.live()
        .filter(translation_key=page.translation_key)
        .only("id", "url_path", "locale_id", "translation_key", "depth", "path")
    )
    found = {page_language(version): version for version in group}
    found.setdefault(page_language(page), page)
    return found


def reader_url(
    page: Page, language: str, versions: dict[str, Page] | None = None, request=None
) -> str:
    """Where a reader of `language` should go for `page`: its translation, or the fallback."""
    versions = versions if versions is not None else translations_by_language(page)
    if language in versions:
        return versions[language].get_url(request) or "/"
    return path_in_language(page, language, request)


def versions_for_reader(keys, language: str) -> dict:
    """For each translation key, the live page a reader of `language` should see.

    That is the page in the reader's language when one is live, otherwise the
    original (the first page written in the group). One query.
    """
    chosen: dict = {}
    pages = Page.objects.live().filter(translation_key__in=list(keys)).order_by("pk")
    for page in pages.only(
        "id", "title", "url_path", "locale_id", "translation_key", "path", "depth"
    ):
        current = chosen.get(page.translation_key)
        if current is None or (
            page_language(page) == language and page_language(current) != language
        ):
            chosen[page.translation_key] = page
    return chosen


def url_for_reader(page: Page, language: str, request=None) -> str:
    """A page's URL that keeps the reader in their language (fallback path if needed)."""
    if page_language(page) == language:
        return page.get_url(request) or "/"
    return path_in_language(page, language, request)
