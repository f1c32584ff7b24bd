"""Vertical grouped bars: one to three series over categories (people per month, per generation).

The scale runs from 0 to a round maximum of the values shown; a hidden value
takes no part in it and is drawn as a hatched stub of fixed height.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from .svg import (
    GRID,
    INK,
    MUTED,
    PALETTE,
    SMALL_FONT_SIZE,
    NumberFormat,
    chart_ids,
    check_value,
    element,
    fit,
    format_number,
    hidden_placeholder,
    join,
    svg_frame,
    text_width,
)

PLOT_HEIGHT = 240
MIN_PLOT_WIDTH = 560
MIN_BAR_WIDTH = 14
MAX_BAR_WIDTH = 56
BAR_GAP = 2  # between the bars of one category
GROUP_GAP = 12  # between categories
HIDDEN_BAR_HEIGHT = 12
CATEGORY_LABEL_LENGTH = 24
TICKS = 4
MARGIN = 8


@dataclass(frozen=True)
class Series:
    """One row of values, one per category; None where the value is hidden."""

    name: str
    values: Sequence[float | None]


def nice_maximum(largest: float, *, whole: bool) -> tuple[float, float]:
    """The top of the scale and the step between ticks: 1, 2, 2.5 or 5 times a power of ten.

    Counts (`whole`) get whole steps, so no tick reads 2.5 people.
    """
    if largest <= 0:
        return 1.0, 1.0
    raw_step = largest / TICKS
    power = 10 ** math.floor(math.log10(raw_step))
    step = next(
        power * factor for factor in (1, 2, 2.5, 5, 10) if power * factor >= raw_step * (1 - 1e-9)
    )
    if whole:
        step = max(math.ceil(step), 1)
    return step * math.ceil(largest / step - 1e-9), float(step)


def bar_chart(
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    title: str,
    description: str = "",
    hidden_label: str,
    value_format: NumberFormat | None = None,
    id_prefix: str | None = None,
) -> SafeString:
    """Grouped vertical bars with each value written above its bar, as one inline SVG.

    `series` holds one to three `Series`, each with one value per category; a value
    of None is hidden and drawn as a hatched stub labelled `hidden_label`, never to
    scale. Values are written with `value_format` (default: the active language's
    number format). A legend appears when there is more than one series.
    """
    if not 1 <= len(series) <= len(PALETTE):
        raise ValueError(f"A bar chart shows one to {len(PALETTE)} series, not {len(series)}.")
    for row in series:
        if len(row.values) != len(categories):
            raise ValueError(
                f"Series {row.name!r} has {len(row.values)} values"
                f" for {len(categories)} categories."
            )
    write = value_format or format_number
    ids = chart_ids(
        "bar",
        id_prefix,
        str(title),
        str(description),
        [str(name) for name in categories],
        [(str(row.name), list(row.values)) for row in series],
    )
    values = [[check_value(value) for value in row.values] for row in series]
    shown = [value for row in values for value in row if value is not None]
    top, step = nice_maximum(
        max(shown, default=0), whole=all(float(value).is_integer() for value in shown)
    )

    # Widths: bars as wide as the room allows, within limits.
    count = len(categories)
    group_room = MIN_PLOT_WIDTH / max(count, 1) - GROUP_GAP
    bar_width = min(
        max((group_room - BAR_GAP * (len(series) - 1)) / len(series), MIN_BAR_WIDTH), MAX_BAR_WIDTH
    )
    group_width = bar_width * len(series) + BAR_GAP * (len(series) - 1)
    plot_width = count * (group_width + GROUP_GAP)

    # Value labels sit above their bars, upright if they all fit across one, else turned.
    labels = [
        [str(hidden_label) if value is None else write(value) for value in row] for row in values
    ]
    widest_label = max(
        (text_width(label, SMALL_FONT_SIZE) for row in labels for label in row), default=0
    )
    turn_values = widest_label > bar_width + BAR_GAP + 2
    # Room above the plot for the labels of the bars that reach near its top.
    value_room = 8.0
    for row, row_labels in zip(values, labels, strict=True):
        for value, label in zip(row, row_labels, strict=True):
            drawn = HIDDEN_BAR_HEIGHT if value is None else value / top * PLOT_HEIGHT
            extent = 6 + (text_width(label, SMALL_FONT_SIZE) if turn_values else SMALL_FONT_SIZE)
            value_room = max(value_room, extent - (PLOT_HEIGHT - drawn) + 4)

    # Category labels below, turned by 45° when they do not fit across a category.
    names = [fit(name, text_width("x" * CATEGORY_LABEL_LENGTH)) for name in map(str, categories)]
    widest_name = max((text_width(name) for name in names), default=0)
    turn_names = widest_name > group_width + GROUP_GAP - 4
    name_room = widest_name * math.sqrt(0.5) + 22 if turn_names else 24

    tick_labels = [write(step * index) for index in range(round(top / step) + 1)]
    tick_room = max(text_width(label, SMALL_FONT_SIZE) for label in tick_labels) + 10
    left = MARGIN + max(tick_room, (name_room - 22 - group_width / 2) if turn_names else 0)

    legend_height = 24 if len(series) > 1 else 0
    legend_width = sum(text_width(str(row.name)) + 32 for row in series) if legend_height else 0
    plot_top = MARGIN + legend_height + value_room
    baseline = plot_top + PLOT_HEIGHT
    width = max(left + plot_width + MARGIN, MARGIN * 2 + legend_width, 200)
    height = baseline + name_room + MARGIN

    body: list[object] = []
    if legend_height:
        x = MARGIN
        for index, row in enumerate(series):
            body.append(
                element(
                    "g",
                    join(
                        [
                            element(
                                "rect", x=x, y=MARGIN + 3, width=12, height=12, fill=PALETTE[index]
                            ),
                            element("text", str(row.name), x=x + 18, y=MARGIN + 14),
                        ]
                    ),
                    class_="chart-legend",
                )
            )
            x += text_width(str(row.name)) + 32

    for index, label in enumerate(tick_labels):
        y = baseline - step * index / top * PLOT_HEIGHT
        body.append(
            element(
                "line",
                class_="chart-grid",
                x1=left,
                x2=left + plot_width,
                y1=y,
                y2=y,
                stroke=GRID,
                stroke_width=1,
            )
        )
        body.append(
            element(
                "text",
                label,
                class_="chart-tick",
                x=left - 6,
                y=y + 4,
                text_anchor="end",
                font_size=SMALL_FONT_SIZE,
                fill=MUTED,
            )
        )

    for position, name in enumerate(names):
        group_x = left + GROUP_GAP / 2 + position * (group_width + GROUP_GAP)
        for index, row in enumerate(series):
            value = values[index][position]
            x = group_x + index * (bar_width + BAR_GAP)
            centre = x + bar_width / 2
            if value is None:
                shape = hidden_placeholder(
                    ids, x, baseline - HIDDEN_BAR_HEIGHT, bar_width, HIDDEN_BAR_HEIGHT
                )
                bar_top = baseline - HIDDEN_BAR_HEIGHT
            else:
                bar_height = value / top * PLOT_HEIGHT
                bar_top = baseline - bar_height
                shape = element(
                    "rect",
                    class_="chart-value-bar",
                    x=x,
                    y=bar_top,
                    width=bar_width,
                    height=bar_height,
                    fill=PALETTE[index],
                )
            label = labels[index][position]
            if turn_values:
                text = element(
                    "text",
                    label,
                    class_="chart-value",
                    x=centre + 4,
                    y=bar_top - 4,
                    transform=f"rotate(-90 {centre + 4:.1f} {bar_top - 4:.1f})",
                    font_size=SMALL_FONT_SIZE,
                )
            else:
                text = element(
                    "text",
                    label,
                    class_="chart-value",
                    x=centre,
                    y=bar_top - 4,
                    text_anchor="middle",
                    font_size=SMALL_FONT_SIZE,
                )
            tooltip = f"{categories[position]} · {row.name}: {label}"
            body.append(
                element("g", join([element("title", tooltip), shape, text]), class_="chart-bar")
            )
        centre = group_x + group_width / 2
        if turn_names:
            body.append(
                element(
                    "text",
                    name,
                    class_="chart-category",
                    x=centre,
                    y=baseline + 16,
                    text_anchor="end",
                    transform=f"rotate(-45 {centre:.1f} {baseline + 16:.1f})",
                )
            )
        else:
            body.append(
                element(
                    "text",
                    name,
                    class_="chart-category",
                    x=centre,
                    y=baseline + 18,
                    text_anchor="middle",
                )
            )

    body.append(
        element(
            "line",
            class_="chart-baseline",
            x1=left,
            x2=left + plot_width,
            y1=baseline,
            y2=baseline,
            stroke=INK,
            stroke_width=1.5,
        )
    )
    return svg_frame(
        kind="bar",
        ids=ids,
        width=width,
        height=height,
        title=title,
        description=description or _default_description(categories, series),
        body=body,
    )


def _default_description(categories: Sequence[str], series: Sequence[Series]) -> str:
    names = ", ".join(str(row.name) for row in series)
    if not categories:
        return _("Bar chart of %(series)s, with no values yet.") % {"series": names}
    return _("Bar chart of %(series)s from %(first)s to %(last)s.") % {
        "series": names,
        "first": categories[0],
        "last": categories[-1],
    }
