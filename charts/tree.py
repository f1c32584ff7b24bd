"""A tree diagram: one column per generation from left to right, one row per leaf.

A parent sits level with the middle of its children, so every subtree keeps to
its own band of rows and no two boxes meet. A deep or wide cascade makes the
diagram taller, not wider, so it still reads on a phone. Beyond `max_nodes`
boxes (taken generation by generation) the rest is left out and counted.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

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
    safe_href,
    svg_frame,
    text_width,
    wrap,
)

BOX_WIDTH = 176
BOX_HEIGHT = 84
COLUMN_GAP = 24
ROW_HEIGHT = 96
PADDING = 8
MARGIN = 8
VALUE_BAR_HEIGHT = 6
HIDDEN_BAR_WIDTH = 24
LEFT_OUT_LINE = 24


@dataclass
class TreeNode:
    """One box: a label, a line of detail, a value (None when hidden), the boxes below it.

    `href`, when given, makes the box a link; it must stay on the site.
    """

    label: str
    detail: str = ""
    value: float | None = 0
    children: list[TreeNode] = field(default_factory=list)
    href: str = ""


@dataclass
class _Placed:
    node: TreeNode
    depth: int
    parent: int | None
    children: list[int] = field(default_factory=list)
    row: float = 0.0


def _select(roots: Sequence[TreeNode], max_nodes: int) -> tuple[list[_Placed], int]:
    """The first `max_nodes` nodes generation by generation, and how many are left out."""
    placed: list[_Placed] = []
    left_out = 0
    seen: set[int] = set()
    queue: deque[tuple[TreeNode, int, int | None]] = deque((root, 0, None) for root in roots)
    while queue:
        node, depth, parent = queue.popleft()
        if id(node) in seen:  # a node given twice is drawn once
            continue
        seen.add(id(node))
        if len(placed) < max_nodes and (parent is not None or depth == 0):
            index = len(placed)
            placed.append(_Placed(node, depth, parent))
            if parent is not None:
                placed[parent].children.append(index)
            queue.extend((child, depth + 1, index) for child in node.children)
        else:
            left_out += 1
            queue.extend((child, depth + 1, None) for child in node.children)
    return placed, left_out


def _assign_rows(placed: list[_Placed]) -> int:
    """One row per leaf in reading order; a parent in the middle of its children. Rows used."""
    next_row = 0
    roots = [index for index, entry in enumerate(placed) if entry.parent is None]
    for root in roots:
        stack = [(root, False)]
        while stack:
            index, children_done = stack.pop()
            entry = placed[index]
            if not entry.children:
                entry.row = next_row
                next_row += 1
            elif children_done:
                entry.row = (placed[entry.children[0]].row + placed[entry.children[-1]].row) / 2
            else:
                stack.append((index, True))
                stack.extend((child, False) for child in reversed(entry.children))
    return next_row


def tree_diagram(
    roots: Sequence[TreeNode],
    *,
    title: str,
    description: str = "",
    hidden_label: str,
    max_nodes: int = 200,
    value_format: NumberFormat | None = None,
    left_out: int = 0,
    allowed_hosts: Iterable[str] | None = None,
    id_prefix: str | None = None,
) -> SafeString:
    """A layered tree of boxes (label, detail, value and a bar to scale), parents left of children.

    At most `max_nodes` boxes are drawn, generation by generation; the diagram says
    how many it left out, adding `left_out` (nodes the caller already left out).
    A hidden value (None) shows `hidden_label` and a hatched stub, never a bar to
    scale. Links (`href`) must be relative or to one of `allowed_hosts`; any other
    link raises ValueError.
    """
    if max_nodes < 0 or left_out < 0:
        raise ValueError("max_nodes and left_out cannot be negative.")
    write = value_format or format_number
    placed, cut = _select(roots, max_nodes)
    left_out += cut
    rows = _assign_rows(placed)
    for entry in placed:
        check_value(entry.node.value)
    ids = chart_ids(
        "tree",
        id_prefix,
        str(title),
        str(description),
        [(str(e.node.label), str(e.node.detail), e.node.value, e.depth, e.parent) for e in placed],
        left_out,
    )
    hosts = list(allowed_hosts or ())
    largest = max((e.node.value for e in placed if e.node.value is not None), default=0)
    columns = max((entry.depth for entry in placed), default=0) + 1

    left_out_text = ""
    if left_out:
        left_out_text = ngettext(
            "%(count)s more is not shown in this diagram.",
            "%(count)s more are not shown in this diagram.",
            left_out,
        ) % {"count": format_number(left_out)}
    boxes_height = rows * ROW_HEIGHT - (ROW_HEIGHT - BOX_HEIGHT) if rows else 0
    width = max(
        MARGIN * 2 + columns * BOX_WIDTH + (columns - 1) * COLUMN_GAP,
        MARGIN * 2 + text_width(left_out_text),
    )
    height = MARGIN * 2 + boxes_height + (LEFT_OUT_LINE if left_out_text else 0)

    def position(entry: _Placed) -> tuple[float, float]:
        return (
            MARGIN + entry.depth * (BOX_WIDTH + COLUMN_GAP),
            MARGIN + entry.row * ROW_HEIGHT,
        )

    edges = []
    for entry in placed:
        if entry.parent is None:
            continue
        parent_x, parent_y = position(placed[entry.parent])
        x, y = position(entry)
        start_x, start_y = parent_x + BOX_WIDTH, parent_y + BOX_HEIGHT / 2
        middle_x = start_x + COLUMN_GAP / 2
        edges.append(
            element(
                "path",
                class_="chart-edge",
                d=f"M{start_x:.1f} {start_y:.1f}H{middle_x:.1f}V{y + BOX_HEIGHT / 2:.1f}H{x:.1f}",
                fill="none",
                stroke=MUTED,
                stroke_width=1.5,
            )
        )

    boxes = []
    inner = BOX_WIDTH - PADDING * 2
    for entry in placed:
        node = entry.node
        x, y = position(entry)
        value_text = str(hidden_label) if node.value is None else write(node.value)
        lines = wrap(str(node.label), inner, 2, bold=True)
        label = element(
            "text",
            # The space that broke the line stays, so the label reads whole as text.
            join(
                element(
                    "tspan",
                    line if index == len(lines) - 1 else f"{line} ",
                    x=x + PADDING,
                    dy=0 if index == 0 else 16,
                )
                for index, line in enumerate(lines)
            ),
            class_="chart-node-label",
            x=x + PADDING,
            y=y + 18,
            font_weight="bold",
        )
        bar_y = y + BOX_HEIGHT - PADDING - VALUE_BAR_HEIGHT
        if node.value is None:
            bar = hidden_placeholder(ids, x + PADDING, bar_y, HIDDEN_BAR_WIDTH, VALUE_BAR_HEIGHT)
        else:
            bar = element(
                "rect",
                class_="chart-value-bar",
                x=x + PADDING,
                y=bar_y,
                width=inner * node.value / largest if largest else 0,
                height=VALUE_BAR_HEIGHT,
                fill=PALETTE[0],
            )
        tooltip = " · ".join(
            part for part in (str(node.label), str(node.detail), value_text) if part
        )
        box = element(
            "g",
            join(
                [
                    element("title", tooltip),
                    element(
                        "rect",
                        class_="chart-node-box",
                        x=x,
                        y=y,
                        width=BOX_WIDTH,
                        height=BOX_HEIGHT,
                        rx=6,
                        fill="#ffffff",
                        stroke=MUTED,
                        stroke_width=1,
                    ),
                    label,
                    element(
                        "text",
                        fit(str(node.detail), inner, SMALL_FONT_SIZE),
                        class_="chart-node-detail",
                        x=x + PADDING,
                        y=y + 51,
                        font_size=SMALL_FONT_SIZE,
                        fill=MUTED,
                    ),
                    element(
                        "text",
                        fit(value_text, inner, SMALL_FONT_SIZE, bold=True),
                        class_="chart-node-value",
                        x=x + PADDING,
                        y=bar_y - 5,
                        font_size=SMALL_FONT_SIZE,
                        font_weight="bold",
                    ),
                    bar,
                ]
            ),
            class_="chart-node",
        )
        if node.href:
            # The same links are in the text version beside the diagram: in the diagram
            # they are for the pointer, so they take no keyboard stop.
            box = element("a", box, href=safe_href(node.href, hosts), tabindex="-1")
        boxes.append(box)

    body = [*edges, *boxes]
    if left_out_text:
        body.append(
            element(
                "text",
                left_out_text,
                class_="chart-left-out",
                x=MARGIN,
                y=MARGIN + boxes_height + LEFT_OUT_LINE - 6,
                fill=MUTED,
            )
        )
    return svg_frame(
        kind="tree",
        ids=ids,
        width=width,
        height=height,
        title=title,
        description=description
        or _("Tree diagram: each box leads to the boxes on its right that grew from it."),
        body=body,
        role="group" if any(entry.node.href for entry in placed) else "img",
    )
