from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cms import i18n
from cms.caching import cached

register = template.Library()


@register.filter
def duration(minutes) -> str:
    """`90` → '1 h 30 min', in the reader's language."""
    try:
        minutes = int(minutes)
    except (TypeError, ValueError):
        return ""
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return _("%(hours)s h %(minutes)s min") % {"hours": hours, "minutes": rest}
    if hours:
        return ngettext("%(hours)s hour", "%(hours)s hours", hours) % {"hours": hours}
    return ngettext("%(minutes)s minute", "%(minutes)s minutes", rest) % {"minutes": rest}


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the current page in every language (translation or fallback)."""
    request = context["request"]
    page = context.get("page")
    current = i18n.reader_language()
    if page is not None and getattr(page, "translation_key", None):
        links = cached("language-links", (page.pk,), lambda: _page_language_links(page, request))
    else:
        path = request.get_full_path()
        links = [(code, name, translate_url(path, code), True) for code, name in settings.LANGUAGES]
    return {"links": links, "current": current}


def _page_language_links(page, request) -> list[tuple[str, str, str, bool]]:
    versions = i18n.translations_by_language(page)
    return [
        (code, name, i18n.reader_url(page, code, versions, request), code in versions)
        for code, name in settings.LANGUAGES
    ]
