"""Reading a dashboard page as a person sees it: its tables, its cards, its charts, its numbers;
and what the published method shows of a count (worked out here, not asked of the code)."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from decimal import Decimal

from babel.numbers import NumberFormatError, parse_decimal
from bs4 import BeautifulSoup

NUMBER = re.compile(r"-?\d(?:[\d\u00a0\u202f .,]*\d)?")

# Counts shown as they are (docs/monitoring.md): cohorts, and trainers, who are named in
# public on their certificates. Every other count is protected as a count of people
# (a certificate too: it names its holder).
EXACT_COUNTS = frozenset(
    {
        "cohorts_held",
        "cohorts_running",
        "cohorts_planned",
        "cohorts",
        "trainers",
        "accredited",
        "active",
        "expiring",
        "expired",
    }
)

# Measures that are not counts: a rate, a mean, a ratio, a cohort's generation.
NOT_COUNTS = frozenset({"attendance_rate", "mean_gain", "multiplier", "generation"})


def rounded_to_5(count: int) -> int | None:
    """What the published method shows of a count of people: nothing (None, hidden) from
    1 to 4, otherwise the multiple of 5 nearest to it (no count ends halfway); 0 stays 0."""
    if 1 <= count <= 4:
        return None
    return 5 * round(count / 5)


def page(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def seen_text(element) -> str:
    """The text a sighted reader sees: without the words kept for screen readers."""
    element = copy.copy(element)
    for hidden in element.select(".visually-hidden"):
        hidden.decompose()
    return element.get_text().strip()


@dataclass(frozen=True)
class ScreenCell:
    text: str
    figure: bool  # a cell of figures (right-aligned), not a name
    hidden_words: str = ""  # what a screen reader hears beside a mark


def screen_tables(soup: BeautifulSoup) -> dict[str, list[list[ScreenCell]]]:
    """Each table of the page by name: heading row, rows, total, cell by cell."""
    tables = {}
    for block in soup.select("div.figure-table"):
        name = block["id"].removeprefix("table-")
        rows = []
        for tr in block.select("table tr"):
            rows.append(
                [
                    ScreenCell(
                        seen_text(cell),
                        "num" in (cell.get("class") or []) and cell.name == "td",
                        " ".join(span.get_text() for span in cell.select(".visually-hidden")),
                    )
                    for cell in tr.find_all(["th", "td"])
                ]
            )
        tables[name] = rows
    return tables


def number(text: str, language: str) -> Decimal | None:
    """A number as the page writes it in `language`, or None for words and marks."""
    try:
        return parse_decimal(text, locale=language, strict=True)
    except NumberFormatError:
        return None


def figures_in(soup: BeautifulSoup, language: str) -> set[Decimal]:
    """Every number shown where a figure can be: table cells, cards, chart labels and
    tooltips, and any title, label or data attribute."""
    texts = [seen_text(cell) for cell in soup.select("main td, main th")]
    texts += [seen_text(item) for item in soup.select(".headline-card dd, .headline-card p")]
    for svg in soup.select("main svg"):
        texts += [
            node.get_text()
            for node in svg.find_all(["text", "tspan", "title", "desc"])
            if "chart-tick" not in (node.get("class") or [])
        ]
    for element in soup.select("main *"):
        if element.name in ("input", "form"):  # the period's own dates
            continue
        texts += [
            str(value)
            for attribute, value in element.attrs.items()
            if attribute in ("title", "aria-label", "value") or attribute.startswith("data-")
        ]
    found = set()
    for text in texts:
        for token in [*NUMBER.findall(text), *re.findall(r"\d+(?:[.,]\d+)?", text)]:
            value = number(token.strip(), language)
            if value is not None:
                found.add(value)
    return found
