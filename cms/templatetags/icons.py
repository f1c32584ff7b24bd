"""`{% icon "name" %}`: one icon from the site's sprite, beside the words that carry the meaning.

The sprite (cms/static/cms/icons/sprite.svg, built by `make icons` from the npm package
lucide-static) holds only the icons templates name, found by reading the templates: so a
name must be written as a literal string, never a variable. The icons are decorative
(hidden from screen readers, never focusable); the text beside each one says what it means.
"""

import re
from functools import cache

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils.html import format_html

register = template.Library()

SPRITE = "cms/icons/sprite.svg"
_NAME = re.compile(r"""^(["'])([a-z0-9-]+)\1$""")
_CLASS = re.compile(r"^[a-z0-9_ -]*$")


@cache
def sprite_url() -> str:
    """The sprite's address on this site (with its content hash where the storage adds one).

    A sprite missing from the hashed files' manifest (a build without `make icons`) costs the
    icons, not the pages: its plain address is used.
    """
    try:
        return static(SPRITE)
    except ValueError:
        return f"{settings.STATIC_URL}{SPRITE}"


def icon_html(name: str, extra_class: str = "") -> str:
    classes = f"icon {extra_class}".strip()
    return format_html(
        '<svg aria-hidden="true" focusable="false" class="{}"><use href="{}#{}"></use></svg>',
        classes,
        sprite_url(),
        name,
    )


class IconNode(template.Node):
    def __init__(self, html: str):
        self.html = html

    def render(self, context) -> str:
        return self.html


@register.tag
def icon(parser, token):
    """{% icon "book-open" %} or {% icon "check" "icon--large" %} (an extra class)."""
    bits = token.split_contents()
    if len(bits) not in (2, 3):
        raise template.TemplateSyntaxError('icon takes a name: {% icon "book-open" %}')
    match = _NAME.match(bits[1])
    if not match:
        raise template.TemplateSyntaxError(
            f"icon names are literal strings of a-z, 0-9 and '-' (got {bits[1]}): "
            "the sprite is built from the names written in templates"
        )
    extra_class = ""
    if len(bits) == 3:
        extra_class = bits[2][1:-1] if bits[2][:1] in "\"'" else ""
        if not extra_class or not _CLASS.match(extra_class):
            raise template.TemplateSyntaxError("icon's class must be a literal string")
    return IconNode(icon_html(match.group(2), extra_class))
