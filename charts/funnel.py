"""A funnel: one horizontal bar per stage (enrolled → attended → completed → certified).

Each bar is labelled with its value and its share of the first stage. A hidden
stage is a hatched stub of fixed width with no share; when the first stage is
hidden there are no shares at all, since any share would reveal it.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from .svg import (
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
    round_half_up,
    svg_frame,
    text_width,
)

WIDTH = 560
MIN_BAR_ROOM = 200
MARGIN = 8
BAR_HEIGHT = 22
ROW_HEIGHT = 58
HIDDEN_BAR_WIDTH = 24
SHARE_GAP = 8


def format_share(share: float) -> str:
    """A share of 0.41 as "41 %", in whole percent rounded half up, as the language writes it."""
    return _("%(percent)s %%") % {"percent": format_number(round_half_up(share * 100))}


def funnel_chart(
    stages: Sequence[tuple[str, float | None]],
    *,
    title: str,
    description: str = "",
    hidden_label: str,
    share_format: NumberFormat | None = None,
    value_format: NumberFormat | None = None,
    id_prefix: str | None = None,
) -> SafeString:
    """Horizontal bars, one per (stage name, value), each with its value and share of the first.

    `share_format` turns a share (0.41) into text (default: "41 %" as the active
    language writes it); `value_format` writes values (default: the language's number
    format). A value of None is hidden: drawn as a hatched stub with `hidden_label`.
    """
    write = value_format or format_number
    write_share = share_format or format_share
    ids = chart_ids(
        "funnel",
        id_prefix,
        str(title),
        str(description),
        [(str(name), value) for name, value in stages],
    )
    values = [check_value(value) for _name, value in stages]
    first = values[0] if values else None
    largest = max((value for value in values if value is not None), default=0)

    labels = []
    for value in values:
        if value is None:
            labels.append((str(hidden_label), ""))
        else:
            share = write_share(value / first) if first else ""
            labels.append((write(value), share))
    value_room = max(
        (
            text_width(value, SMALL_FONT_SIZE, bold=True)
            + (SHARE_GAP + text_width(share, SMALL_FONT_SIZE) if share else 0)
            for value, share in labels
        ),
        default=0,
    )
    width = max(WIDTH, MARGIN * 2 + MIN_BAR_ROOM + value_room + SHARE_GAP)
    bar_room = width - MARGIN * 2 - value_room - SHARE_GAP
    height = MARGIN * 2 + ROW_HEIGHT * len(stages) - (ROW_HEIGHT - BAR_HEIGHT - 20)

    body: list[object] = []
    for index, ((name, _value), value, (value_text, share_text)) in enumerate(
        zip(stages, values, labels, strict=True)
    ):
        top = MARGIN + index * ROW_HEIGHT
        bar_top = top + 20
        if value is None:
            bar_width = HIDDEN_BAR_WIDTH
            shape = hidden_placeholder(ids, MARGIN, bar_top, bar_width, BAR_HEIGHT)
        else:
            bar_width = value / largest * bar_room if largest else 0
            shape = element(
                "rect",
                class_="chart-value-bar",
                x=MARGIN,
                y=bar_top,
                width=bar_width,
                height=BAR_HEIGHT,
                fill=PALETTE[0],
            )
        parts = [element("tspan", value_text, class_="chart-value", font_weight="bold")]
        if share_text:
            parts.append(
                element("tspan", share_text, class_="chart-share", dx=SHARE_GAP, fill=MUTED)
            )
        tooltip = f"{name}: {value_text}" + (f" ({share_text})" if share_text else "")
        body.append(
            element(
                "g",
                join(
                    [
                        element("title", tooltip),
                        element(
                            "text",
                            fit(str(name), width - MARGIN * 2),
                            class_="chart-stage",
                            x=MARGIN,
                            y=top + 14,
                        ),
                        shape,
                        element(
                            "text",
                            join(parts),
                            x=MARGIN + bar_width + SHARE_GAP,
                            y=bar_top + BAR_HEIGHT / 2 + SMALL_FONT_SIZE * 0.35,
                            font_size=SMALL_FONT_SIZE,
                        ),
                    ]
                ),
                class_="chart-bar",
            )
        )
    return svg_frame(
        kind="funnel",
        ids=ids,
        width=width,
        height=height,
        title=title,
        description=description or _default_description(stages),
        body=body,
    )


def _default_description(stages: Sequence[tuple[str, float | None]]) -> str:
    return _("Funnel: %(stages)s.") % {
        "stages": " → ".join(str(name) for name, _value in stages),
    }
