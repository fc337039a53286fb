"""ArgumentMap -> DOT text: pure and deterministic, no layout engine involved.

:func:`to_dot` walks the map in map order and writes one DOT statement per
line, each made by a small pure function of :mod:`argmap.render.statements`
(``node_stmt``, ``edge_stmt``...); the labels inside nodes and on links come
from :mod:`argmap.render.html_labels`, the legend from
:mod:`argmap.render.legend`. The same map and options always give the same
bytes: nothing depends on set or dict order, the clock or the file system.

The visual grammar:

- a node is an HTML-like table: a small header row with its kind and side
  ("CLAIM · Critics"), then its wrapped text; its shape follows its kind and
  its fill its side (the editorial side has a fill of its own, and its name is
  set in italics);
- support and attack differ in colour *and* line style, arrowhead and mark
  (solid, arrow, "+" against dashed, bar, "−");
- linked premises meet at a small junction point, from which one arrow goes
  to the target; an undercut ends on the junction of the link it undercuts;
- contradicts and equivalent are symmetric lines ("⊥" with a bar at both ends,
  "≡" as a double line) that do not take part in ranking;
- a concession's mark reads "concedes", in italics;
- what the map's authors inferred rather than read in the source says so
  without colour: an inferred node has a dashed outline and "(inferred)" after
  its kind, an inferred link a small circle where it starts and "(inferred)"
  after its mark.

Examples:
    >>> from argmap.builder import MapBuilder
    >>> b = MapBuilder("m", "T")
    >>> _ = b.claim("a", "A."); _ = b.claim("b", "B.")
    >>> _ = b.supports("a", "b")
    >>> dot = to_dot(b.build())
    >>> dot.splitlines()[0]
    'digraph "m" {'
    >>> [line for line in dot.splitlines() if "->" in line]
    ['  "a" -> "b" [color="#0072B2" style="solid" penwidth=1.2 arrowhead="normal" label=<+>]']
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from argmap.model import AnyLink, AnyNode, ArgumentMap
from argmap.model.fields import UNDERCUTS
from argmap.render.drawing import Drawing, ends, line_attrs, merge
from argmap.render.findings import findings_of
from argmap.render.html_labels import font, left_block, link_mark, node_label, tag, title_label
from argmap.render.labels import html_text
from argmap.render.legend import findings_key, legend_table
from argmap.render.options import RenderOptions
from argmap.render.select import select
from argmap.render.statements import (
    Attrs,
    AttrValue,
    Html,
    attr_stmt,
    copy_id,
    edge_stmt,
    junction_id,
    node_stmt,
    quote,
    same_rank,
    subgraph_end,
    subgraph_start,
)
from argmap.render.themes import LinkStyle

__all__ = ["to_dot"]


# -- nodes ----------------------------------------------------------------


def _node_attrs(node: AnyNode, drawing: Drawing) -> list[tuple[str, AttrValue]]:
    theme, options = drawing.theme, drawing.options
    kind = theme.nodes[node.kind]
    status = options.evaluation.get(node.id)
    deco = merge(
        [
            theme.inferred_node if node.inferred else None,
            theme.evaluation[status] if status is not None else None,
            theme.finding if node.id in drawing.finding_numbers else None,
            theme.highlight if node.id in options.highlight else None,
        ]
    )
    held = node.held_by if not options.hide_sides else None
    fill = drawing.fills.get(held, theme.unheld_fill) if held else theme.unheld_fill
    attrs: list[tuple[str, AttrValue]] = [
        ("label", node_label(node, drawing, deco.strike)),
        ("shape", kind.shape),
        ("style", ",".join(kind.style + tuple(s for s in deco.style if s not in kind.style))),
        ("fillcolor", deco.fillcolor or fill),
    ]
    peripheries = kind.peripheries + deco.peripheries
    if peripheries != 1:
        attrs.append(("peripheries", peripheries))
    if kind.margin is not None:
        attrs.append(("margin", kind.margin))
    entering = drawing.entering.get(node.id, 0)
    if entering >= theme.crowded:
        # Room on the side where links arrive, so that their heads and marks spread out.
        across = "height" if options.rankdir in ("LR", "RL") else "width"
        attrs.append((across, round(entering * theme.head_spacing, 2)))
    if deco.color:
        attrs.append(("color", deco.color))
    if deco.penwidth:
        attrs.append(("penwidth", deco.penwidth))
    if deco.fontcolor:
        attrs.append(("fontcolor", deco.fontcolor))
    return attrs


def _junction_attrs(point: str, drawing: Drawing) -> Attrs:
    link = drawing.m.link(point.removesuffix("#junction"))
    color = drawing.style(link.kind).color
    return [("shape", "point"), ("width", 0.09), ("color", color), ("fillcolor", color)]


def _cluster_attrs(issue: AnyNode, drawing: Drawing) -> Attrs:
    theme = drawing.theme
    title = font(tag("B", html_text(issue.title, 2 * drawing.options.wrap)), theme.fontsize)
    return [
        ("label", left_block([title])),
        ("labeljust", "l"),
        ("style", "rounded,filled"),
        ("fillcolor", theme.cluster_fill),
        ("color", theme.cluster_color),
    ]


def _node_lines(drawing: Drawing) -> Iterator[str]:
    """Node statements, grouped into issue clusters when asked, in map order."""
    junctions: dict[str | None, list[str]] = {}
    for link in drawing.chosen.links:
        if str(link.id) in drawing.junctions:
            point = junction_id(str(link.id))
            junctions.setdefault(drawing.cluster_of(point), []).append(point)
    members: dict[str | None, list[tuple[str, AnyNode]]] = {}
    for node in drawing.chosen.nodes:
        members.setdefault(drawing.clusters.get(node.id), []).append((node.id, node))
        for other in drawing.copies.get(node.id, ()):
            members.setdefault(other, []).append((copy_id(node.id, other), node))

    def group(cluster: str | None, depth: int) -> Iterator[str]:
        for shown_id, member in members.get(cluster, []):
            yield node_stmt(shown_id, _node_attrs(member, drawing), depth)
        for point in junctions.get(cluster, []):
            yield node_stmt(point, _junction_attrs(point, drawing), depth)

    yield from group(None, 1)
    for issue in drawing.m.issues:
        if issue.id not in members and issue.id not in junctions:
            continue
        yield subgraph_start("cluster_" + issue.id)
        yield attr_stmt("graph", _cluster_attrs(issue, drawing), 2)
        yield from group(issue.id, 2)
        yield subgraph_end()


# -- links ----------------------------------------------------------------


def _constraint(tail: str, head: str, style: LinkStyle, drawing: Drawing) -> list[tuple[str, AttrValue]]:
    tail_cluster, head_cluster = drawing.cluster_of(tail), drawing.cluster_of(head)
    crosses = tail_cluster is not None and head_cluster is not None and tail_cluster != head_cluster
    return [("constraint", False)] if crosses or not style.constraint else []


def _link_lines(link: AnyLink, drawing: Drawing) -> Iterator[str]:
    style = drawing.style(link.kind)
    marked = str(link.id) in drawing.options.highlight or str(link.id) in drawing.finding_numbers
    line = line_attrs(style, marked, drawing.theme)
    # An inferred link starts with the theme's inferred tail at each premise.
    tail_shape = drawing.theme.inferred_tail if link.inferred else None
    if str(link.id) in drawing.junctions:
        point = drawing.head_of(link)
        head = junction_id(link.target) if link.kind == UNDERCUTS else link.target
        leg_ends = [("dir", "both"), ("arrowtail", tail_shape)] if tail_shape else []
        for premise in link.premises:
            tail = drawing.tail_of(premise, point)
            joined = [*line, ("arrowhead", "none"), *leg_ends, *_constraint(tail, point, style, drawing)]
            yield edge_stmt(tail, point, joined)
        tails, arrows = [point], ends(style)
    else:
        head = drawing.head_of(link)
        tails, arrows = [drawing.tail_of(p, head) for p in link.premises], ends(style, tail_shape)
    for tail in tails:
        free = _constraint(tail, head, style, drawing)
        # A link that does not rank carries its mark as an external label: dot
        # places it after layout (an ordinary label on such an edge can make
        # dot fail with "trouble in init_rank" when clusters are drawn).
        text = link_mark(link, drawing)
        mark = [("xlabel" if free else "label", text)] if text else []
        yield edge_stmt(tail, head, [*line, *arrows, *mark, *free])


# -- the whole graph ------------------------------------------------------


def _grid_lines(drawing: Drawing) -> Iterator[str]:
    """Invisible structure that sets the drawn nodes in a near-square grid, in map order.

    Each run of ``rows`` nodes is one rank (``rank=same``), kept in order by
    invisible edges along it; invisible edges from each node to the one a
    rank further keep the ranks in order.
    """
    ids = [node.id for node in drawing.chosen.nodes]
    size = math.isqrt(max(len(ids) - 1, 0)) + 1
    invisible: Attrs = [("style", "invis")]
    for start in range(0, len(ids), size):
        rank = ids[start : start + size]
        yield same_rank(rank)
        yield from (edge_stmt(a, b, invisible) for a, b in zip(rank, rank[1:], strict=False))
    yield from (edge_stmt(ids[i], ids[i + size], invisible) for i in range(len(ids) - size))


def _graph_attrs(drawing: Drawing) -> list[tuple[str, AttrValue]]:
    options, theme = drawing.options, drawing.theme
    attrs: list[tuple[str, AttrValue]] = [
        ("rankdir", options.rankdir),
        ("newrank", True),
        ("ranksep", theme.ranksep),
        ("nodesep", theme.nodesep),
        ("bgcolor", theme.background),
        ("fontname", theme.fontname),
        ("pad", 0.3),
    ]
    title = title_label(drawing) if options.title else None
    key = legend_table(drawing) if options.legend else None
    parts = [part for part in (title, key, findings_key(drawing)) if part is not None]
    label = parts[0] if parts else None
    if len(parts) > 1:
        # Graphviz stretches a table to the width of its cell, spreading the extra
        # evenly over the cell's columns: an empty column beside the legend takes
        # half of it when the title is the wider.
        rest = "".join(f'<TR><TD ALIGN="LEFT">{part}</TD><TD></TD></TR>' for part in parts[1:])
        label = Html(
            '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">'
            f'<TR><TD ALIGN="LEFT" COLSPAN="2">{parts[0]}</TD></TR>{rest}</TABLE>'
        )
    if label is not None:
        attrs += [("label", label), ("labelloc", "t"), ("labeljust", "l")]
    if options.dpi is not None:
        attrs.append(("dpi", options.dpi))
    return attrs


def _defaults(drawing: Drawing) -> Iterator[str]:
    theme = drawing.theme
    yield attr_stmt("graph", _graph_attrs(drawing))
    node_defaults: Attrs = [
        ("fontname", theme.fontname),
        ("fontsize", theme.fontsize),
        ("fontcolor", theme.text_color),
        ("color", theme.border_color),
        ("penwidth", 1.0),
        ("margin", "0.1,0.05"),
    ]
    yield attr_stmt("node", node_defaults)
    edge_defaults: Attrs = [
        ("fontname", theme.fontname),
        ("fontsize", theme.mark_fontsize),
        ("fontcolor", theme.text_color),
        ("arrowsize", 0.8),
    ]
    yield attr_stmt("edge", edge_defaults)


def to_dot(m: ArgumentMap, options: RenderOptions | None = None) -> str:
    """Return the DOT text of a map's diagram.

    Args:
        m: The map.
        options: What to draw and how; defaults to :class:`RenderOptions()`.

    Returns:
        A complete ``digraph``, one statement per line, ending with a newline.
        The same map and options always give the same text.

    Raises:
        UnknownElementError: the options name an issue, side or element the
            map lacks.

    Examples:
        >>> import argmap
        >>> m = argmap.load_corpus("school-phones")
        >>> dot = to_dot(m, RenderOptions(issues=["lunch"], title=False))
        >>> for line in dot.splitlines():
        ...     if "->" in line:
        ...         print(line.split(" [")[0].strip())
        "class-not-device" -> "lunch"
        "lunch-scrolling" -> "lunch"
        "pupil-wellbeing" -> "lunch-scrolling"
        >>> to_dot(m) == to_dot(argmap.loads(argmap.dumps(m)))
        True
    """
    options = options or RenderOptions()
    findings = findings_of(m, options.findings) if options.with_findings else None
    drawing = Drawing(m, options, options.resolved_theme, select(m, options), findings)
    lines = [f"digraph {quote(m.id)} {{", *_defaults(drawing), *_node_lines(drawing)]
    for link in drawing.chosen.links:
        lines.extend(_link_lines(link, drawing))
    if options.grid:
        lines.extend(_grid_lines(drawing))
    lines.append("}")
    return "\n".join(lines) + "\n"
