"""The printable report of a country (or of all countries) for a period: an A4 PDF.

    report_pdf(dashboard) -> bytes

The report is the dashboard on paper: the same protected tables of one
`dashboard_for(...)`, each cell written by `presentation.shown_table` as the
screen writes it (a hidden cell carries the screen's mark), the same headline
cards and the same charts (monitoring/charts.py). Nothing here counts. It is
written in the active language: the caller activates the reader's and builds
the dashboard inside it, so rows are named in it too.

The PDF is made with WeasyPrint as the certificates are: Noto Serif (Latin and
Cyrillic) from certificates/fonts (`make fonts`), joined and registered once
per process (`certificates.pdf.stylesheet_with_fonts`), and a URL fetcher that
serves no URL but data:, so nothing in a table (an organisation's name, a
course title) can make the server fetch an address. Tables run over pages with
their header row repeated on each; every page is numbered.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from certificates.pdf import LocalFilesOnly, stylesheet_with_fonts

from . import presentation
from .charts import dashboard_charts
from .selectors.dashboard import Dashboard
from .suppression import ProtectedTable

TEMPLATE_NAME = "monitoring/report/report.html"
STYLESHEET = Path(__file__).resolve().parent / "templates" / "monitoring" / "report" / "report.css"

# A chart's text: the page's font on screen, the report's font (report.css) in the PDF.
CHART_FONT = 'font-family="inherit"'
REPORT_FONT = 'font-family="Report"'

# Deepest indentation of a cohort in the cascade table (generations below share it).
DEEPEST_LEVEL = 6

# WeasyPrint's objects are not made to be shared by threads at once.
_render_lock = threading.Lock()


@cache
def _stylesheet() -> tuple[CSS, FontConfiguration]:
    """The report's stylesheet and its fonts, made once per process."""
    return stylesheet_with_fonts(STYLESHEET.read_text(encoding="utf-8"))


@dataclass
class ReportTable:
    """One table as the screen shows it, with its chart and each row's indentation."""

    shown: presentation.ShownTable
    chart: SafeString | None
    levels: list[int]  # per row: how far in (a cohort's generation in the cascade)
    note: str = ""  # what the heading adds (the cohorts the cascade leaves out)

    @property
    def headings(self) -> list[tuple[str, bool]]:
        """Each column's heading, and whether it holds figures (set right)."""
        return list(zip(self.shown.headings, self.shown.numeric, strict=True))

    @property
    def rows(self) -> list[tuple[int, list[tuple[presentation.ShownCell, bool]]]]:
        """Each row's indentation and cells (with their column's alignment), the total last."""
        rows = [
            (level, self._aligned(cells))
            for level, cells in zip(self.levels, self.shown.rows, strict=True)
        ]
        if self.shown.total:
            rows.append((0, self._aligned(self.shown.total)))
        return rows

    def _aligned(self, cells):
        return list(zip(cells, self.shown.numeric, strict=True))

    @property
    def is_wide(self) -> bool:
        return len(self.shown.headings) > 4


def report_pdf(dashboard: Dashboard) -> bytes:
    """The dashboard's figures as an A4 portrait PDF, in the active language."""
    html = render_to_string(TEMPLATE_NAME, report_context(dashboard))
    with _render_lock:
        stylesheet, font_config = _stylesheet()
        return HTML(string=html, url_fetcher=LocalFilesOnly()).write_pdf(
            stylesheets=[stylesheet], font_config=font_config
        )


def report_context(dashboard: Dashboard) -> dict:
    """What the report's template shows, every text in the active language."""
    charts = dashboard_charts(dashboard)
    return {
        "dashboard": dashboard,
        "place": presentation.place_name(dashboard),
        "period": presentation.period_text(dashboard.since, dashboard.until),
        "freshness": presentation.freshness_text(dashboard),
        "suppression": presentation.suppression_text(dashboard.threshold),
        "cards": presentation.headline_cards(dashboard),
        "tables": [
            _report_table(
                dashboard.tables[name], charts.get(name), presentation.table_note(dashboard, name)
            )
            for name in presentation.table_order(dashboard.tables)
        ],
        "page_numbers_css": page_numbers_css(),
    }


def _in_report_font(chart: SafeString | None) -> SafeString | None:
    """The chart with its text in the report's font.

    A chart's text takes the page's font on screen (`font-family="inherit"` on its
    <svg>); WeasyPrint draws an SVG apart from the page's styles, so the report
    names its own font there, else the text would be set in whatever font the
    server has. Only the attribute of the <svg> element itself is changed (every
    text the chart holds is escaped, so none can contain it).
    """
    if not chart:
        return chart
    return mark_safe(chart.replace(CHART_FONT, REPORT_FONT, 1))  # noqa: S308


def _report_table(table: ProtectedTable, chart: SafeString | None, note: str) -> ReportTable:
    in_cascade = table.dimension == "cohort" and "generation" in table.measures
    levels = [
        min(int(row.cell("generation").value or 0), DEEPEST_LEVEL) if in_cascade else 0
        for row in table.rows
    ]
    return ReportTable(
        shown=presentation.shown_table(table),
        chart=_in_report_font(chart),
        levels=levels,
        note=note,
    )


def _css_string(text: str) -> str:
    """`text` as a CSS string literal (quotes, backslashes and markup escaped)."""
    escaped = "".join(
        f"\\{ord(character):x} " if character in '"\\<>\n\r' else character for character in text
    )
    return f'"{escaped}"'


def page_numbers_css() -> SafeString:
    """The page footer's "Page 3 of 12", worded as the active language words it."""
    marker = "\x00"
    words = gettext("Page %(page)s of %(pages)s") % {
        "page": f"{marker}page{marker}",
        "pages": f"{marker}pages{marker}",
    }
    parts = [
        f"counter({piece})" if index % 2 else _css_string(piece)
        for index, piece in enumerate(words.split(marker))
        if piece
    ]
    content = " ".join(parts)
    return mark_safe(f"@page {{ @bottom-right {{ content: {content}; }} }}")  # noqa: S308
