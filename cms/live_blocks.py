"""Blocks of a cached page that are drawn for each reader.

A lesson's body is cached for everyone who reads it in one language and role.
A block that holds a reader's own state (a knowledge check with their form,
their CSRF token and their last result) renders a marker instead; the marker
is replaced on every request, after the cache.
"""

import re

from assessments import live as assessments_live

MARKER = re.compile(r"<!--live:(?P<kind>[a-z0-9-]+):(?P<id>\d+)-->")
RENDERERS = {
    "knowledge-check": assessments_live.knowledge_check,
    "h5p": assessments_live.h5p_activity,
}


def fill(html: str, context) -> str:
    """Replace every marker with its renderer's output for this request (`context["request"]`)."""
    if "<!--live:" not in html:
        return html

    def replace(match: re.Match) -> str:
        render = RENDERERS.get(match["kind"])
        return render(context, int(match["id"])) if render else ""

    return MARKER.sub(replace, html)
