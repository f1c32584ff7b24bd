"""The scripts of an offline queue: `{% offline_queue_script "attendance" %}`.

Each queue (`lesson-offline` for lessons and knowledge checks, `attendance` for a
session's marks) runs after the code they share, offline-queue.js, which is told the
name of the CSRF cookie it reads the current token from.
"""

from __future__ import annotations

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils.html import format_html

register = template.Library()

QUEUES = ("lesson-offline", "attendance")


@register.simple_tag
def offline_queue_script(queue: str) -> str:
    if queue not in QUEUES:
        raise template.TemplateSyntaxError(f"No offline queue is called {queue!r}: {QUEUES}")
    return format_html(
        '<script src="{}" data-csrf-cookie="{}" defer></script><script src="{}" defer></script>',
        static("courses/js/offline-queue.js"),
        settings.CSRF_COOKIE_NAME,
        static(f"courses/js/{queue}.js"),
    )
