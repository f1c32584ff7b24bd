"""What every chart shares: the SVG frame, ids, colours, the hidden-value pattern, numbers, links.

Everything is built with `format_html`, so every string a caller gives is escaped;
the frame carries no script, no foreign object and no reference outside itself
(the only `url(...)` is the chart's own hatch pattern).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Callable, Iterable
from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import SafeString

# Okabe–Ito blue, vermillion and bluish green: told apart with every common colour
# vision deficiency, and each at least 3:1 against white (5.2, 3.9 and 3.4).
PALETTE = ("#0072B2", "#D55E00", "#009E73")
INK = "#1d2430"  # 15.6:1 on white
MUTED = "#5b6472"  # 6.0:1 on white
GRID = "#d9dee5"  # gridlines are a guide, not information
PAPER = "#ffffff"  # every chart paints its own white, so the contrasts above hold

FONT_SIZE = 13
SMALL_FONT_SIZE = 12
# Average advance of a glyph in a system sans-serif, in ems; generous so text fits.
GLYPH_WIDTH = 0.62
BOLD_GLYPH_WIDTH = 0.7

ID_PREFIX = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,63}")

NumberFormat = Callable[[float], str]


def format_number(value: float) -> str:
    """A number as the active language writes it (the same as `{{ value }}` in a template)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return number_format(value, use_l10n=True)


def round_half_up(value: float) -> int:
    """Rounded as people round (50.5 → 51), not to even as Python's round() does."""
    return int(Decimal(repr(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def check_value(value: float | None) -> float | None:
    if value is None:
        return None
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"A chart value must be a finite number of at least 0, not {value!r}.")
    return value


def chart_ids(kind: str, id_prefix: str | None, *content: object) -> str:
    """The prefix of a chart's ids: the caller's, or a hash of what the chart shows.

    A hash rather than a counter, so a page renders the same ids every time and two
    different charts on one page never share them.
    """
    if id_prefix is not None:
        if not ID_PREFIX.fullmatch(id_prefix):
            raise ValueError(
                f"An id prefix is a letter then letters, digits, - or _: {id_prefix!r}"
            )
        return id_prefix
    digest = hashlib.blake2s(repr((kind, *content)).encode(), digest_size=6).hexdigest()
    return f"chart-{digest}"


def text_width(text: str, size: float = FONT_SIZE, *, bold: bool = False) -> float:
    """An estimate of how wide a line of text is drawn; SVG cannot measure before the browser."""
    return len(text) * size * (BOLD_GLYPH_WIDTH if bold else GLYPH_WIDTH)


def fit(text: str, width: float, size: float = FONT_SIZE, *, bold: bool = False) -> str:
    """The text cut with an ellipsis so that it fits in `width`."""
    text = " ".join(str(text).split())
    if text_width(text, size, bold=bold) <= width:
        return text
    room = max(int(width / (size * (BOLD_GLYPH_WIDTH if bold else GLYPH_WIDTH))) - 1, 0)
    return text[:room].rstrip() + "…"


def wrap(text: str, width: float, lines: int, size: float = FONT_SIZE, *, bold: bool = False):
    """The text in at most `lines` lines of `width`, the last cut with an ellipsis if need be."""
    words = " ".join(str(text).split()).split(" ")
    result: list[str] = []
    while words and len(result) < lines - 1:
        line = words.pop(0)
        while words and text_width(f"{line} {words[0]}", size, bold=bold) <= width:
            line = f"{line} {words.pop(0)}"
        if text_width(line, size, bold=bold) > width:
            # One word longer than the line: cut it here rather than overflow.
            result.append(fit(line, width, size, bold=bold))
        else:
            result.append(line)
    if words:
        result.append(fit(" ".join(words), width, size, bold=bold))
    return result


def number(value: float) -> str:
    """A coordinate: one decimal at most, so the markup stays short."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _attribute(name: str) -> str:
    if name == "class_":
        return "class"
    return name.replace("_", "-")


def element(name: str, content: object = None, /, **attributes: object) -> SafeString:
    """One SVG element. Attribute values and text are escaped; SafeStrings pass as markup.

    Keyword names become attribute names with _ as - (`text_anchor`, `class_`).
    """
    values = (
        (_attribute(key), number(value) if isinstance(value, float | int) else value)
        for key, value in attributes.items()
        if value is not None and value is not False
    )
    attrs = format_html_join("", ' {}="{}"', values)
    if content is None:
        return format_html("<{}{}/>", name, attrs)
    return format_html("<{}{}>{}</{}>", name, attrs, content, name)


def join(parts: Iterable[object]) -> SafeString:
    """Markup in sequence; plain strings among the parts are escaped."""
    return format_html_join("", "{}", ((part,) for part in parts))


def hidden_pattern_id(ids: str) -> str:
    return f"{ids}-hidden"


def hidden_placeholder(ids: str, x: float, y: float, width: float, height: float) -> SafeString:
    """The hatched box that stands where a suppressed value would be drawn.

    Its size is fixed by the chart, never by a value, so it reveals nothing.
    """
    return element(
        "rect",
        class_="chart-hidden",
        x=x,
        y=y,
        width=width,
        height=height,
        fill=f"url(#{hidden_pattern_id(ids)})",
        stroke=MUTED,
        stroke_width=1,
    )


def svg_frame(
    *,
    kind: str,
    ids: str,
    width: float,
    height: float,
    title: str,
    description: str,
    body: Iterable[object],
    role: str = "img",
) -> SafeString:
    """The <svg> around a chart: named by its own <title> and <desc>, scaled to its container.

    `width="100%"` with a viewBox lets it shrink to a phone; the max-width keeps a
    small chart from being blown up on a wide screen. A chart holding links is a
    "group", not an "img": an image's content is presentational, and a link inside
    one is a focusable element nobody is told about.
    """
    pattern = element(
        "pattern",
        join(
            [
                element("rect", width=6, height=6, fill=PAPER),
                element("line", x1=0, y1=0, x2=0, y2=6, stroke=MUTED, stroke_width=2.5),
            ]
        ),
        id=hidden_pattern_id(ids),
        width=6,
        height=6,
        patternUnits="userSpaceOnUse",
        patternTransform="rotate(45)",
    )
    return element(
        "svg",
        join(
            [
                element("title", str(title), id=f"{ids}-title"),
                element("desc", str(description), id=f"{ids}-desc"),
                element("defs", pattern),
                element("rect", x=0, y=0, width=width, height=height, fill=PAPER),
                *body,
            ]
        ),
        class_=f"chart chart--{kind}",
        role=role,
        aria_labelledby=f"{ids}-title {ids}-desc",
        viewBox=f"0 0 {number(width)} {number(height)}",
        width="100%",
        style=f"max-width: {number(width)}px; height: auto",
        preserveAspectRatio="xMinYMin meet",
        font_family="inherit",
        font_size=FONT_SIZE,
        fill=INK,
    )


def safe_href(href: str, allowed_hosts: Iterable[str] | None = None) -> str:
    """The link if it stays on this site (relative, or to one of `allowed_hosts`).

    Anything else (javascript:, data:, another host) is refused with ValueError:
    a chart never links away from the site.
    """
    hosts = set(allowed_hosts or ())
    if not url_has_allowed_host_and_scheme(href, allowed_hosts=hosts):
        raise ValueError(f"A chart links only within the site, not to {href!r}.")
    return href
