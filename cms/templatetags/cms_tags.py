from functools import lru_cache

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import get_script_prefix, translate_url
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.languages import lang_attr
from cms import i18n, live_blocks
from cms.caching import cached_shared, content_version
from courses import offline

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


# One implementation for every app's templates (certificates load it as language_tags).
register.filter("lang_attr", lang_attr)


@register.filter
def in_language(text, language: str) -> str:
    """`text` in a <span lang> where it is written in another language than the interface's.

    For a title inside a translated sentence ("Continue: <title>"), where the sentence's
    element carries the interface's language.
    """
    marked = lang_attr(language)
    if not marked:
        return conditional_escape(text)
    return format_html("<span{}>{}</span>", marked, text)


@register.filter
def reader_tag(user) -> str:
    """Whose page this is, for the offline queues: the tag of courses/offline.py, never the
    id; nobody's ("none") where the page has no user (drawn without a request)."""
    return offline.reader_tag(getattr(user, "pk", None))


@register.filter
def page_language(page) -> str:
    """The language a page is written in (e.g. a video's captions follow it, not the reader)."""
    return i18n.page_language(page)


@register.simple_tag(takes_context=True)
def interface_lang(context) -> str:
    """` lang="et"` on the interface's own words inside content shown in another language.

    A block label such as "Reflect" is translated into the reader's language
    even when the lesson around it falls back to its English original.
    """
    page = context.get("page")
    language = i18n.reader_language()
    if page is None or i18n.page_language(page) == language:
        return ""
    return format_html(' lang="{}"', language)


class SharedFragmentNode(template.Node):
    def __init__(self, nodelist, name: str, parts):
        self.nodelist = nodelist
        self.name = name
        self.parts = parts

    def render(self, context):
        parts = tuple(part.resolve(context) for part in self.parts)
        html = cached_shared(
            f"fragment-{self.name}", parts, lambda: mark_safe(self.nodelist.render(context))
        )
        if context.get("request") is None:
            return html
        return mark_safe(live_blocks.fill(html, context))


@register.tag
def sharedfragment(parser, token):
    """Cache what a block renders per content version and the given values.

    {% sharedfragment "lesson-article" page.pk LANGUAGE_CODE role %}...{% endsharedfragment %}

    Only for parts that are the same for everyone the given values describe:
    never put a CSRF token or a person's data inside.
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("sharedfragment needs a name")
    nodelist = parser.parse(("endsharedfragment",))
    parser.delete_first_token()
    name = bits[1].strip("\"'")
    return SharedFragmentNode(nodelist, name, [parser.compile_filter(bit) for bit in bits[2:]])


@register.filter
def progress_summary(progress) -> str:
    """'2 of 6 required lessons done (33%)', in the reader's language."""
    return _("%(done)s of %(total)s required lessons done (%(percent)s%%)") % {
        "done": progress.required_completed,
        "total": progress.required_total,
        "percent": progress.percent,
    }


@register.simple_tag(takes_context=True)
def language_switcher(context):
    """Links to the current page in every language (translation or fallback).

    For a page the links are the same for every reader of a language, so the
    rendered list is cached per content version; for any other address they
    depend on the address alone (the URL patterns), so the process keeps the
    most recent ones.
    """
    request = context["request"]
    page = context.get("page")
    current = i18n.reader_language()
    if page is not None and getattr(page, "translation_key", None):
        return cached_shared(
            "language-switcher",
            (page.pk, current),
            lambda: _render_switcher(_page_language_links(page, request), current),
        )
    return _switcher_for_address(request.get_full_path(), current, get_script_prefix())


@register.simple_tag(takes_context=True)
def language_links_version(context) -> str:
    """What the language switcher's links depend on besides the address and the language:
    on a page, the content version (its translations); anywhere else, nothing."""
    page = context.get("page")
    return content_version() if getattr(page, "translation_key", None) else ""


@lru_cache(maxsize=2048)
def _switcher_for_address(path: str, current: str, script_prefix: str) -> str:
    links = [(code, name, translate_url(path, code), True) for code, name in settings.LANGUAGES]
    return _render_switcher(links, current)


def _render_switcher(links, current: str) -> str:
    return render_to_string("includes/language_switcher.html", {"links": links, "current": current})


def _page_language_links(page, request) -> list[tuple[str, str, str, bool]]:
    versions = i18n.translations_by_language(page)
    return [
        (code, name, i18n.reader_url(page, code, versions, request), code in versions)
        for code, name in settings.LANGUAGES
    ]


@register.filter
def with_site_name(title) -> str:
    """A page's `<title>`: its own words, then the site's name ("My learning · Leaving Care
    Training"); the site's name alone for a page with no words of its own. A rendered
    block (safe already) is kept as it is; any other text is escaped."""
    site = _("Leaving Care Training")
    title = str(conditional_escape(title)).strip()
    # Escaped above: marked safe, so that it is not escaped twice.
    return format_html("{} · {}", mark_safe(title), site) if title else conditional_escape(site)
