"""The trainer's cascade drawn as a tree diagram, from the same tree as the list on their page."""

from __future__ import annotations

from collections.abc import Collection

from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from charts import TreeNode, format_number, tree_diagram

from .selectors.cascade import CascadeNode, CascadeTree


def _people(count: float) -> str:
    people = int(count)
    return ngettext("%(people)s person", "%(people)s people", people) % {
        "people": format_number(people)
    }


def _tree_node(node: CascadeNode, own_cohort_ids: Collection[int]) -> TreeNode:
    return TreeNode(
        label=node.name,
        detail=" · ".join(part for part in (node.lead_trainer, node.country) if part),
        value=node.people,
        children=[_tree_node(child, own_cohort_ids) for child in node.children],
        # As in the list: a trainer opens only the cohorts they run.
        href=reverse("courses:cohort", args=[node.cohort_id])
        if node.cohort_id in own_cohort_ids
        else "",
    )


def cascade_tree_diagram(
    tree: CascadeTree, *, own_cohort_ids: Collection[int] = ()
) -> SafeString | None:
    """The cohorts of a trainer's cascade as an SVG tree: cohort, lead trainer · country, people.

    It holds the cohorts the tree holds (no more, no fewer) and says how many the
    tree left out. None when the cascade has no cohort.
    """
    if not tree.roots:
        return None
    return tree_diagram(
        [_tree_node(root, own_cohort_ids) for root in tree.roots],
        title=_("Cohorts in your cascade"),
        description=_(
            "Each box is a cohort with its lead trainer, country and number of people; "
            "the cohorts its graduates led are to its right."
        ),
        hidden_label=_("hidden"),
        max_nodes=tree.shown,
        left_out=tree.hidden,
        value_format=_people,
        id_prefix="cascade-tree-diagram",
    )
