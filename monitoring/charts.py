"""The dashboard's charts, drawn from its protected tables and nothing else.

Each chart shows cells of one table that the page prints beside it, written
exactly as the table writes them (`presentation.format_value`); a hidden cell
is passed as None, so the chart draws a placeholder and never a value. No
chart shows a figure its table does not: the funnel leaves out the shares of
the first stage, which no table holds.
"""

from __future__ import annotations

from functools import partial

from django.utils.safestring import SafeString
from django.utils.translation import gettext

import charts

from .figures import PEOPLE
from .labels import MEASURES, TABLES
from .presentation import format_value
from .selectors.dashboard import Dashboard
from .suppression import ProtectedRow, ProtectedTable

write_count = partial(format_value, kind=PEOPLE)


def _value(row: ProtectedRow, measure: str) -> float | None:
    cell = row.cell(measure)
    return None if cell.hidden else cell.value


def _beside(table: ProtectedTable) -> str:
    return gettext("The same numbers are in the table “%(table)s”.") % {
        "table": TABLES.get(table.name, table.name)
    }


def hidden_label() -> str:
    return gettext("hidden")


def reach_over_time(table: ProtectedTable) -> SafeString:
    """Professionals and young people reached, month by month (the table "By month")."""
    return charts.bar_chart(
        [row.label for row in table.rows],
        [
            charts.Series(str(MEASURES[measure]), [_value(row, measure) for row in table.rows])
            for measure in ("professionals", "young_people")
        ],
        title=gettext("People reached, month by month"),
        description=_beside(table),
        hidden_label=hidden_label(),
        value_format=write_count,
        id_prefix="chart-reach",
    )


def reach_by_generation(table: ProtectedTable) -> SafeString:
    """People reached in each generation of the cascade (the table "By cascade generation")."""
    return charts.bar_chart(
        [row.label for row in table.rows],
        [charts.Series(str(MEASURES["reached"]), [_value(row, "reached") for row in table.rows])],
        title=gettext("People reached by cascade generation"),
        description=_beside(table),
        hidden_label=hidden_label(),
        value_format=write_count,
        id_prefix="chart-generation",
    )


def funnel(table: ProtectedTable) -> SafeString:
    """Enrolled → took part → completed → certified (the table of the funnel)."""
    return charts.funnel_chart(
        [(row.label, _value(row, "people")) for row in table.rows],
        title=str(TABLES["funnel"]),
        description=_beside(table),
        hidden_label=hidden_label(),
        share_format=lambda share: "",  # the table shows no shares
        value_format=write_count,
        id_prefix="chart-funnel",
    )


def cascade_tree(table: ProtectedTable, left_out: int = 0) -> SafeString:
    """The cohorts as a tree: each below the cohort that trained its lead trainer.

    `left_out`: the cascade's cohorts the table does not hold either (it keeps the
    first ones); the diagram says how many more there are.
    """
    nodes = {
        row.key: charts.TreeNode(label=row.label, detail=row.detail, value=_value(row, "people"))
        for row in table.rows
    }
    roots = []
    for row in table.rows:
        parent = nodes.get(row.parent) if row.parent else None
        (parent.children if parent is not None else roots).append(nodes[row.key])
    return charts.tree_diagram(
        roots,
        title=str(TABLES["cascade_tree"]),
        description=_beside(table),
        hidden_label=hidden_label(),
        max_nodes=len(nodes),
        left_out=left_out,
        value_format=write_count,
        id_prefix="chart-cascade",
    )


CHARTS = {
    "by_month": reach_over_time,
    "by_generation": reach_by_generation,
    "funnel": funnel,
    "cascade_tree": cascade_tree,
}


def dashboard_charts(dashboard: Dashboard) -> dict[str, SafeString]:
    """Each chart of the dashboard, by the name of the table it is drawn from."""
    tables = dashboard.tables
    charts = {
        name: draw(tables[name])
        for name, draw in CHARTS.items()
        if name != "cascade_tree" and tables[name].rows
    }
    if tables["cascade_tree"].rows:
        charts["cascade_tree"] = cascade_tree(
            tables["cascade_tree"], left_out=dashboard.tree_left_out
        )
    return {name: charts[name] for name in CHARTS if name in charts}
