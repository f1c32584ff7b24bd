"""Which language the reader reads in, and marking text written in another one.

Every app shows text in a language other than the interface's (a lesson that
falls back to its original, a certificate issued in Bulgarian read under /en/);
the mark lives here, below every app that shows such text.
"""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import SafeString


def reader_language() -> str:
    """The interface language of this request (the site's default outside one)."""
    return translation.get_language() or settings.LANGUAGE_CODE


def interface_language(*choices: str | None) -> str:
    """The first of `choices` that is an interface language (a regional code such as
    "bg-BG" counts as its language), else the site's default."""
    known = {code for code, _name in settings.LANGUAGES}
    for choice in choices:
        if choice in known:
            return choice
        if choice and choice.split("-")[0] in known:
            return choice.split("-")[0]
    return settings.LANGUAGE_CODE


def lang_attr(language: str | None) -> SafeString | str:
    """` lang="en"` on text written in another language than the interface's, else nothing.

    A page shown as a fallback (an English lesson under /et/) keeps the page's
    <html lang> in the interface language; its own text is marked so that a
    screen reader pronounces it in the language it is written in.
    """
    if not language or language == reader_language():
        return ""
    if translation.get_language_info(language)["bidi"]:
        return format_html(' lang="{}" dir="rtl"', language)
    return format_html(' lang="{}"', language)


@lru_cache(maxsize=64)
def locale_language(locale_id: int) -> str:
    """The language code of a Wagtail locale, without a query after the first."""
    from wagtail.models import Locale

    return Locale.objects.values_list("language_code", flat=True).get(pk=locale_id)


def written_in(translatable) -> str:
    """The language a translatable page or snippet (an assessment, a question) is written in.

    `lang_attr` of it marks content shown in another language than the interface's: a test
    nobody has translated yet, read under /bg/.
    """
    return locale_language(translatable.locale_id)
