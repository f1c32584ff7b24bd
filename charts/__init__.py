"""Charts drawn as SVG on the server: grouped bars, a funnel and a tree diagram.

A library, not an app: callers pass plain values and get markup back, to be put
in a <figure> with a caption and the same numbers in a table or list beside it.
A value of None is hidden (a small number suppressed for privacy): it is drawn
as a hatched placeholder of fixed size with the caller's text, never to scale,
and never written anywhere in the SVG.
"""

from .bars import Series, bar_chart
from .funnel import format_share, funnel_chart
from .svg import PALETTE, format_number
from .tree import TreeNode, tree_diagram

__all__ = [
    "PALETTE",
    "Series",
    "TreeNode",
    "bar_chart",
    "format_number",
    "format_share",
    "funnel_chart",
    "tree_diagram",
]
