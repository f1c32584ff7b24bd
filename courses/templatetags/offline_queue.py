"""The scripts of the offline queues.

`{% offline_queue_core %}`, on every page (base.html): offline-queue.js, the code both
queues share, told the name of the CSRF cookie it reads the current token from; it also
drops what a reader left waiting once they have logged out.
`{% offline_queue_script "attendance" %}`: one queue (`lesson-offline` for lessons and
knowledge checks, `attendance` for a session's marks), which runs after it.
"""

from __future__ import annotations

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils.html import format_html

register = template.Library()

QUEUES = ("lesson-offline", "attendance")


@register.simple_tag
def offline_queue_core() -> str:
    return format_html(
        '<script src="{}" data-csrf-cookie="{}" defer></script>',
        static("courses/js/offline-queue.js"),
        settings.CSRF_COOKIE_NAME,
    )


@register.simple_tag
def offline_queue_script(queue: str) -> str:
    if queue not in QUEUES:
        raise template.TemplateSyntaxError(f"No offline queue is called {queue!r}: {QUEUES}")
    return format_html('<script src="{}" defer></script>', static(f"courses/js/{queue}.js"))
