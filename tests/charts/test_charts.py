"""Charts drawn on the server: to scale, private where values are hidden, safe, and in the language."""

import itertools
import re

import pytest
from defusedxml import ElementTree
from django.template import Context, Template
from django.test import override_settings
from django.utils.translation import override

from charts import Series, TreeNode, bar_chart, funnel_chart, tree_diagram

MONTHS = [
    f"{month} 2025"
    for month in [
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "May",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Oct",
        "Nov",
        "Dec",
    ]
]
NASTY = '<script>alert("x")</script> O\'Brien & "Co"'


def parse(svg):
    return ElementTree.fromstring(str(svg))


def with_class(root, tag, name):
    return [element for element in root.iter(tag) if name in element.get("class", "").split()]


def text(element):
    return "".join(element.itertext())


def drawn_texts(root):
    return [text(element) for element in root.iter("text")]


def box(element):
    x, y = float(element.get("x")), float(element.get("y"))
    return x, y, x + float(element.get("width")), y + float(element.get("height"))


def contrast(colour, background="#ffffff"):
    """WCAG 2 contrast ratio, computed from the hex colours."""

    def luminance(hex_colour):
        channels = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted([luminance(colour), luminance(background)], reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def scale(root):
    """The value of the top tick, and how many SVG units one unit of value is drawn."""
    ticks = with_class(root, "text", "chart-tick")
    grid = with_class(root, "line", "chart-grid")
    baseline = float(with_class(root, "line", "chart-baseline")[0].get("y1"))
    top_value = float(text(ticks[-1]))
    top_y = float(grid[-1].get("y1"))
    return top_value, (baseline - top_y) / top_value, baseline


# --- Bars ---------------------------------------------------------------------------------------


def test_bars_are_drawn_to_scale_from_a_zero_baseline():
    professionals = [12, 40, 7, 0]
    young = [3, 25, 19, 8]
    root = parse(
        bar_chart(
            ["Jan", "Feb", "Mar", "Apr"],
            [Series("Professionals", professionals), Series("Young people", young)],
            title="People reached",
            hidden_label="hidden",
        )
    )
    top, units, baseline = scale(root)
    assert top >= 40 and top < 40 * 1.5  # a round maximum just above the largest value
    bars = with_class(root, "g", "chart-bar")
    expected = [value for pair in zip(professionals, young, strict=True) for value in pair]
    assert len(bars) == len(expected)
    for bar, value in zip(bars, expected, strict=True):
        rect = with_class(bar, "rect", "chart-value-bar")[0]
        assert float(rect.get("height")) == pytest.approx(value * units, abs=0.06)
        assert float(rect.get("y")) + float(rect.get("height")) == pytest.approx(baseline, abs=0.06)
        assert text(with_class(bar, "text", "chart-value")[0]) == str(value)
    # Tallest bar over shortest non-zero bar: the same ratio as the values.
    heights = {
        value: float(with_class(bar, "rect", "chart-value-bar")[0].get("height"))
        for bar, value in zip(bars, expected, strict=True)
    }
    assert heights[40] / heights[3] == pytest.approx(40 / 3, rel=0.02)


def test_two_series_get_a_legend_and_one_series_none():
    two = parse(
        bar_chart(
            ["A"],
            [Series("Professionals", [1]), Series("Young people", [2])],
            title="t",
            hidden_label="h",
        )
    )
    assert [text(g) for g in with_class(two, "g", "chart-legend")] == [
        "Professionals",
        "Young people",
    ]
    one = parse(bar_chart(["A"], [Series("People", [1])], title="t", hidden_label="h"))
    assert with_class(one, "g", "chart-legend") == []


def test_many_months_get_turned_labels_and_every_value():
    values = [120, 4300, 77, 999, 1500, 8, 260, 3100, 45, 610, 2222, 5]
    root = parse(
        bar_chart(
            MONTHS * 2, [Series("People", values * 2)], title="24 months", hidden_label="hidden"
        )
    )
    categories = with_class(root, "text", "chart-category")
    assert [text(label) for label in categories] == MONTHS * 2
    assert all("rotate(-45" in label.get("transform", "") for label in categories)
    assert [text(v) for v in with_class(root, "text", "chart-value")] == [
        str(v) for v in values * 2
    ]


def test_a_hidden_value_is_a_fixed_hatched_stub_that_reveals_nothing():
    """A cell of 3 people is suppressed: the caller passes None, the chart draws a stub."""
    small = parse(
        bar_chart(
            ["Jan", "Feb", "Mar"],
            [Series("Young people", [12, None, 30])],
            title="Young people",
            hidden_label="fewer than 5",
        )
    )
    large = parse(
        bar_chart(
            ["Jan", "Feb", "Mar"],
            [Series("Young people", [1200, None, 3000])],
            title="Young people",
            hidden_label="fewer than 5",
        )
    )
    stubs = []
    for root in (small, large):
        bar = with_class(root, "g", "chart-bar")[1]
        assert with_class(bar, "rect", "chart-value-bar") == []
        (stub,) = with_class(bar, "rect", "chart-hidden")
        pattern = root.find("defs/pattern")
        assert stub.get("fill") == f"url(#{pattern.get('id')})"
        assert text(with_class(bar, "text", "chart-value")[0]) == "fewer than 5"
        stubs.append(float(stub.get("height")))
        # The suppressed 3 is nowhere: not in any text, not in a tooltip, not in an attribute.
        assert not any(re.search(r"\b3\b", t) for t in drawn_texts(root))
        assert not any(re.search(r"\b3\b", text(t)) for t in root.iter("title"))
    # The stub does not grow with the scale: it says nothing about the value.
    assert stubs[0] == stubs[1]
    # Nor does the scale depend on the hidden cell: it is set by the values shown.
    top, _units, _baseline = scale(small)
    assert 30 <= top < 45


def test_bars_refuse_values_that_do_not_match_the_categories():
    with pytest.raises(ValueError):
        bar_chart(["Jan", "Feb"], [Series("People", [1])], title="t", hidden_label="h")
    with pytest.raises(ValueError):
        bar_chart(["Jan"], [Series(str(n), [1]) for n in range(4)], title="t", hidden_label="h")
    with pytest.raises(ValueError):
        bar_chart(["Jan"], [Series("People", [-1])], title="t", hidden_label="h")


# --- Funnel -------------------------------------------------------------------------------------


def test_funnel_shares_of_the_first_stage_rounded_as_people_round():
    stages = [("Enrolled", 200), ("Attended", 101), ("Completed", 74), ("Certified", 37)]
    root = parse(funnel_chart(stages, title="Funnel", hidden_label="hidden"))
    first = stages[0][1]
    rows = with_class(root, "g", "chart-bar")
    widths = []
    for row, (name, value) in zip(rows, stages, strict=True):
        # Whole percent, half up, in integers: 101 of 200 is 50.5 %, written 51 %.
        percent = (200 * value + first) // (2 * first)
        assert text(with_class(row, "text", "chart-stage")[0]) == name
        assert text(with_class(row, "tspan", "chart-value")[0]) == str(value)
        assert text(with_class(row, "tspan", "chart-share")[0]) == f"{percent} %"
        widths.append(float(with_class(row, "rect", "chart-value-bar")[0].get("width")))
    assert [text(s) for s in with_class(root, "tspan", "chart-share")] == [
        "100 %",
        "51 %",
        "37 %",
        "19 %",
    ]
    for width, (_name, value) in zip(widths, stages, strict=True):
        assert width / widths[0] == pytest.approx(value / first, abs=0.002)


def test_a_hidden_funnel_stage_has_no_share_and_a_hidden_first_stage_gives_no_shares():
    root = parse(
        funnel_chart([("Enrolled", 40), ("Certified", None)], title="Funnel", hidden_label="hidden")
    )
    hidden_row = with_class(root, "g", "chart-bar")[1]
    assert with_class(hidden_row, "rect", "chart-hidden")
    assert with_class(hidden_row, "tspan", "chart-share") == []
    assert text(with_class(hidden_row, "tspan", "chart-value")[0]) == "hidden"
    no_first = parse(
        funnel_chart([("Enrolled", None), ("Certified", 12)], title="Funnel", hidden_label="hidden")
    )
    assert with_class(no_first, "tspan", "chart-share") == []
    assert "%" not in "".join(drawn_texts(no_first)) + "".join(
        text(t) for t in no_first.iter("title")
    )


# --- Tree ---------------------------------------------------------------------------------------


def cascade(name, children_per_level=(3, 2, 2, 1)):
    """A cohort and the cohorts below it over several generations, of uneven size and shape:
    at each level the first cohort trained nobody who went on to lead."""
    counter = itertools.count(1)

    def grow(depth):
        number = next(counter)
        node = TreeNode(f"{name} {number}", f"Trainer {number} · Bulgaria", (number * 7) % 23)
        if depth < len(children_per_level):
            node.children = [TreeNode(f"{name} {next(counter)}", value=4)]
            node.children += [grow(depth + 1) for _ in range(children_per_level[depth] - 1)]
        return node

    return grow(0)


def parent_child_pairs(nodes):
    for node in nodes:
        for child in node.children:
            yield node, child
        yield from parent_child_pairs(node.children)


def all_nodes(nodes):
    for node in nodes:
        yield node
        yield from all_nodes(node.children)


def boxes_by_label(root):
    found = {}
    for group in with_class(root, "g", "chart-node"):
        label = text(with_class(group, "text", "chart-node-label")[0])
        found[label] = box(with_class(group, "rect", "chart-node-box")[0])
    return found


def test_each_child_is_right_of_its_parent_and_no_boxes_overlap():
    roots = [cascade("Sofia"), cascade("Varna", (2, 3))]
    root = parse(tree_diagram(roots, title="Cascade", hidden_label="hidden"))
    boxes = boxes_by_label(root)
    assert len(boxes) == len(list(all_nodes(roots)))
    for parent, child in parent_child_pairs(roots):
        assert boxes[child.label][0] >= boxes[parent.label][2] + 10, (parent.label, child.label)
    for (a, first), (b, second) in itertools.combinations(boxes.items(), 2):
        apart = (
            first[2] <= second[0]
            or second[2] <= first[0]
            or first[3] <= second[1]
            or second[3] <= first[1]
        )
        assert apart, (a, b)
    _x, _y, width, height = map(float, root.get("viewBox").split())
    assert all(right <= width and bottom <= height for _l, _t, right, bottom in boxes.values())
    # Deeper, not wider: a column per generation, a row per leaf.
    assert len({left for left, *_ in boxes.values()}) == 5
    assert height > width


def test_tree_values_are_written_and_hidden_values_stubbed():
    roots = [
        TreeNode(
            "Sofia",
            "Maria · Bulgaria",
            12,
            [TreeNode("Plovdiv", "Petya", None), TreeNode("Varna", "Georgi", 6)],
        )
    ]
    root = parse(tree_diagram(roots, title="Cascade", hidden_label="hidden"))
    values = {
        text(with_class(g, "text", "chart-node-label")[0]): text(
            with_class(g, "text", "chart-node-value")[0]
        )
        for g in with_class(root, "g", "chart-node")
    }
    assert values == {"Sofia": "12", "Plovdiv": "hidden", "Varna": "6"}
    bars = {
        text(with_class(g, "text", "chart-node-label")[0]): g
        for g in with_class(root, "g", "chart-node")
    }
    sofia = float(with_class(bars["Sofia"], "rect", "chart-value-bar")[0].get("width"))
    varna = float(with_class(bars["Varna"], "rect", "chart-value-bar")[0].get("width"))
    assert varna / sofia == pytest.approx(6 / 12)
    assert with_class(bars["Plovdiv"], "rect", "chart-hidden")


def test_a_tree_beyond_max_nodes_says_how_many_it_left_out():
    roots = [cascade("Sofia")]
    total = len(list(all_nodes(roots)))
    root = parse(tree_diagram(roots, title="Cascade", hidden_label="hidden", max_nodes=10))
    assert len(with_class(root, "g", "chart-node")) == 10
    (note,) = with_class(root, "text", "chart-left-out")
    assert text(note) == f"{total - 10} more are not shown in this diagram."
    # Generation by generation: the first cohort and all of its children are kept.
    kept = set(boxes_by_label(root))
    assert {roots[0].label, *(child.label for child in roots[0].children)} <= kept
    # Nodes the caller already left out are counted too.
    root = parse(
        tree_diagram(roots, title="Cascade", hidden_label="hidden", max_nodes=10, left_out=5)
    )
    assert text(with_class(root, "text", "chart-left-out")[0]).startswith(f"{total - 5} more")
    complete = parse(tree_diagram(roots, title="Cascade", hidden_label="hidden"))
    assert with_class(complete, "text", "chart-left-out") == []


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "https://elsewhere.example/",
        "//elsewhere.example/cohorts/1/",
        "http:elsewhere.example",
    ],
)
def test_a_tree_refuses_links_away_from_the_site(href):
    with pytest.raises(ValueError):
        tree_diagram([TreeNode("Sofia", href=href)], title="Cascade", hidden_label="hidden")


def test_a_tree_links_within_the_site():
    roots = [
        TreeNode(
            "Sofia",
            href="/en/learning/training/cohorts/1/",
            children=[TreeNode("Varna", href="https://training.example.org/cohorts/2/")],
        )
    ]
    root = parse(
        tree_diagram(
            roots, title="Cascade", hidden_label="hidden", allowed_hosts={"training.example.org"}
        )
    )
    assert [a.get("href") for a in root.iter("a")] == [
        "/en/learning/training/cohorts/1/",
        "https://training.example.org/cohorts/2/",
    ]


# --- Every chart --------------------------------------------------------------------------------


def every_chart(label=NASTY, **kwargs):
    return [
        bar_chart(
            [label, "Feb"],
            [Series(label, [3, None]), Series("Young", [1, 2])],
            title=label,
            description=label,
            hidden_label=label,
            **kwargs,
        ),
        funnel_chart(
            [(label, 10), ("Certified", None)],
            title=label,
            description=label,
            hidden_label=label,
            **kwargs,
        ),
        tree_diagram(
            [TreeNode(label, label, None, [TreeNode("Child", href="/en/c/")])],
            title=label,
            description=label,
            hidden_label=label,
            **kwargs,
        ),
    ]


def test_caller_text_is_escaped_and_every_chart_parses():
    for svg in every_chart():
        assert "<script" not in str(svg)
        root = parse(svg)
        assert [
            element.tag for element in root.iter() if element.tag in ("script", "foreignObject")
        ] == []
        assert root.find("title").text == NASTY
        assert root.find("desc").text == NASTY
        # Each caller string reaches the reader exactly as given (cut only where too long).
        shown = drawn_texts(root)
        assert NASTY in shown or any(len(t) > 10 and NASTY.startswith(t.rstrip("…")) for t in shown)


def test_no_reference_leaves_the_chart():
    for svg in every_chart():
        markup = str(svg)
        assert "http" not in markup and "xlink" not in markup
        root = parse(svg)
        ids = {element.get("id") for element in root.iter() if element.get("id")}
        for element in root.iter():
            assert element.tag not in ("script", "foreignObject", "image", "use", "iframe", "style")
            for name, value in element.attrib.items():
                assert not name.startswith("on"), name
                for reference in re.findall(r"url\(([^)]*)\)", value):
                    assert reference.startswith("#") and reference[1:] in ids
                if name == "href":
                    assert value.startswith("/") and not value.startswith("//")


def test_every_chart_is_an_image_named_by_its_own_title_and_description_and_scales():
    for svg in every_chart():
        root = parse(svg)
        # A chart holding links is a group: an image's links would reach nobody.
        linked = any(element.tag.rsplit("}", 1)[-1] == "a" for element in root.iter())
        assert root.get("role") == ("group" if linked else "img")
        assert root.get("width") == "100%" and root.get("height") is None
        assert len(root.get("viewBox").split()) == 4
        title_id, desc_id = root.get("aria-labelledby").split()
        assert root.find("title").get("id") == title_id
        assert root.find("desc").get("id") == desc_id
        assert root.get("font-family") == "inherit"


def test_two_charts_on_one_page_share_no_id():
    page = (
        "<div>"
        + "".join(
            str(svg)
            for svg in [
                *every_chart("People reached"),
                *every_chart("People reached by generation"),
                bar_chart(["A"], [Series("S", [1])], title="Same title", hidden_label="h"),
                bar_chart(["A"], [Series("S", [2])], title="Same title", hidden_label="h"),
            ]
        )
        + "</div>"
    )
    root = ElementTree.fromstring(page)
    ids = [element.get("id") for element in root.iter() if element.get("id")]
    assert len(ids) == len(set(ids)) == 8 * 3
    # The same chart drawn again has the same ids: nothing depends on a counter.
    assert str(every_chart("People reached")[0]) == str(every_chart("People reached")[0])
    custom = parse(
        bar_chart(
            ["A"], [Series("S", [1])], title="t", hidden_label="h", id_prefix="reach-by-month"
        )
    )
    assert custom.find("title").get("id") == "reach-by-month-title"
    with pytest.raises(ValueError):
        bar_chart(
            ["A"], [Series("S", [1])], title="t", hidden_label="h", id_prefix='x" onload="alert(1)'
        )


def test_colours_are_readable_on_white():
    for svg in every_chart("Sofia"):
        root = parse(svg)
        assert contrast(root.get("fill")) >= 4.5  # the text colour every text inherits
        for element in itertools.chain(root.iter("text"), root.iter("tspan")):
            if element.get("fill"):
                assert contrast(element.get("fill")) >= 4.5, element.get("fill")
        for bar in root.iter("rect"):
            if "chart-value-bar" in bar.get("class", ""):
                assert contrast(bar.get("fill")) >= 3, bar.get("fill")
    three = parse(
        bar_chart(["A"], [Series(str(n), [n + 1]) for n in range(3)], title="t", hidden_label="h")
    )
    fills = [rect.get("fill") for rect in with_class(three, "rect", "chart-value-bar")]
    assert len(set(fills)) == 3 and all(contrast(fill) >= 3 for fill in fills)


# --- Numbers in the language --------------------------------------------------------------------


def as_a_template_writes_it(value, language):
    with override(language):
        return Template("{{ value }}").render(Context({"value": value}))


@pytest.mark.parametrize("language", ["en", "bg", "de"])
def test_numbers_are_written_as_the_tables_beside_them_write_them(language):
    with override(language):
        root = parse(
            bar_chart(["A", "B"], [Series("S", [1234.5, 12])], title="t", hidden_label="h")
        )
    values = [text(element) for element in with_class(root, "text", "chart-value")]
    assert values == [as_a_template_writes_it(1234.5, language), "12"]


def test_bulgarian_and_german_use_their_separators():
    with override("bg"):
        root = parse(
            funnel_chart([("Записани", 2469), ("Завършили", 1234.5)], title="t", hidden_label="h")
        )
    assert [text(v) for v in with_class(root, "tspan", "chart-value")] == ["2469", "1234,5"]
    assert [text(v) for v in with_class(root, "tspan", "chart-share")] == ["100 %", "50 %"]
    with override("de"), override_settings(USE_THOUSAND_SEPARATOR=True):
        root = parse(bar_chart(["A"], [Series("S", [12345.5])], title="t", hidden_label="h"))
        ticks = [text(t) for t in with_class(root, "text", "chart-tick")]
    assert text(with_class(root, "text", "chart-value")[0]) == "12.345,5"
    assert ticks[-1] == "15.000"
    with override("de"):
        tree = parse(tree_diagram([TreeNode("A", value=0.5)], title="t", hidden_label="h"))
    assert text(with_class(tree, "text", "chart-node-value")[0]) == "0,5"


def test_a_caller_can_write_values_its_own_way():
    root = parse(
        bar_chart(
            ["A"],
            [Series("S", [42])],
            title="t",
            hidden_label="h",
            value_format=lambda v: f"{v:.0f} people",
        )
    )
    assert text(with_class(root, "text", "chart-value")[0]) == "42 people"
