"""ArgumentMap -> DOT text: pure and deterministic, no layout engine involved.

:func:`to_dot` walks the map in map order and writes one DOT statement per
line, each made by a small pure function (:func:`node_stmt`,
:func:`edge_stmt`...). The same map and options always give the same bytes:
nothing depends on set or dict order, the clock or the file system.

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
- a concession's mark reads "concedes", in italics.

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

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal, TypeAlias

from argmap.model import LINK_KINDS, AnyLink, AnyNode, ArgumentMap, Side
from argmap.render.labels import clean, escape, escape_attribute, html_text
from argmap.render.options import RenderOptions
from argmap.render.select import Selection, select
from argmap.render.themes import Decoration, LinkStyle, Theme

__all__ = [
    "Html",
    "attr_list",
    "attr_stmt",
    "edge_stmt",
    "junction_id",
    "node_stmt",
    "quote",
    "side_fills",
    "to_dot",
]

INDENT = "  "
_TABLE = '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="{spacing}" CELLPADDING="1" ALIGN="LEFT">'


class Html(str):
    """An attribute value that is an HTML-like label, written between ``<`` and ``>``.

    The text must already be escaped (see :mod:`argmap.render.labels`).
    """

    __slots__ = ()


AttrValue: TypeAlias = str | float | bool | Html
Attrs: TypeAlias = Sequence[tuple[str, AttrValue]]


def quote(value: str) -> str:
    r"""Quote a DOT id or string value: backslashes and double quotes are escaped.

    Examples:
        >>> print(quote('ev:iss+2.x-"y"'))
        "ev:iss+2.x-\"y\""
    """
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def format_value(value: AttrValue) -> str:
    """Write one attribute value: HTML between angle brackets, numbers bare, strings quoted.

    Examples:
        >>> format_value(Html("<B>x</B>")), format_value(0.5), format_value(False), format_value("a b")
        ('<<B>x</B>>', '0.5', 'false', '"a b"')
    """
    if isinstance(value, Html):
        return f"<{value}>"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"{value:g}"
    return quote(value)


def attr_list(attrs: Attrs) -> str:
    """Write ``attrs`` as a DOT attribute list (with a leading space), or nothing when empty.

    Examples:
        >>> attr_list([("shape", "box"), ("penwidth", 2.0)])
        ' [shape="box" penwidth=2]'
        >>> attr_list([])
        ''
    """
    if not attrs:
        return ""
    return " [" + " ".join(f"{name}={format_value(value)}" for name, value in attrs) + "]"


def node_stmt(node_id: str, attrs: Attrs = (), depth: int = 1) -> str:
    """One node statement.

    Examples:
        >>> node_stmt("p:1", [("shape", "point")])
        '  "p:1" [shape="point"]'
    """
    return f"{INDENT * depth}{quote(node_id)}{attr_list(attrs)}"


def edge_stmt(tail: str, head: str, attrs: Attrs = (), depth: int = 1) -> str:
    """One edge statement.

    Examples:
        >>> edge_stmt("a", "b", [("style", "dashed")])
        '  "a" -> "b" [style="dashed"]'
    """
    return f"{INDENT * depth}{quote(tail)} -> {quote(head)}{attr_list(attrs)}"


def attr_stmt(kind: Literal["graph", "node", "edge"], attrs: Attrs, depth: int = 1) -> str:
    """A default-attributes statement for the graph, its nodes or its edges.

    Examples:
        >>> attr_stmt("graph", [("rankdir", "LR")])
        '  graph [rankdir="LR"]'
    """
    return f"{INDENT * depth}{kind}{attr_list(attrs)}"


def junction_id(link_id: str) -> str:
    """The id of the point where a link's premises meet (or an undercut lands).

    ``#`` cannot occur in a map's ids, so this never names a map node.

    Examples:
        >>> junction_id("a+b--supports--c")
        'a+b--supports--c#junction'
    """
    return f"{link_id}#junction"


def side_fills(m: ArgumentMap, theme: Theme) -> dict[str, str]:
    """The fill of each side: the editorial fill, or the next party fill in map order.

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> from argmap.render.themes import DEFAULT
        >>> b = MapBuilder("m", "T")
        >>> for side, role in (("ed", "editorial"), ("p1", "party"), ("p2", "speaker")):
        ...     _ = b.side(side, side.upper(), role=role)
        >>> side_fills(b.build(), DEFAULT)
        {'ed': '#E4E1DA', 'p1': '#D0EAF9', 'p2': '#F8E4B8'}
    """
    fills: dict[str, str] = {}
    position = 0
    for side in m.sides:
        if side.role == "editorial":
            fills[side.id] = theme.editorial_fill
        else:
            fills[side.id] = theme.side_fills[position % len(theme.side_fills)]
            position += 1
    return fills


def _merge(decorations: Sequence[Decoration | None]) -> Decoration:
    """Lay decorations over each other; later ones win."""
    merged = Decoration()
    for deco in decorations:
        if deco is None:
            continue
        merged = Decoration(
            color=deco.color or merged.color,
            penwidth=deco.penwidth or merged.penwidth,
            style=merged.style + tuple(s for s in deco.style if s not in merged.style),
            fontcolor=deco.fontcolor or merged.fontcolor,
            fillcolor=deco.fillcolor or merged.fillcolor,
            strike=deco.strike or merged.strike,
        )
    return merged


@dataclass(frozen=True)
class _Drawing:
    """Everything :func:`to_dot` needs, computed once from the map and options."""

    m: ArgumentMap
    options: RenderOptions
    theme: Theme
    chosen: Selection
    fills: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "fills", side_fills(self.m, self.theme))

    @cached_property
    def sides(self) -> dict[str, Side]:
        return {side.id: side for side in self.m.sides}

    @cached_property
    def junctions(self) -> frozenset[str]:
        """Links drawn through a junction: linked premises, or undercut by a drawn link."""
        undercut = {link.target for link in self.chosen.links if link.kind == "undercuts"}
        return frozenset(str(k.id) for k in self.chosen.links if k.is_linked or k.id in undercut)

    @cached_property
    def clusters(self) -> dict[str, str]:
        """Node id to the issue whose cluster holds it.

        An issue is in its own cluster. Another node is in the cluster of the
        nearest issue its links lead to (following supports, attacks and
        undercuts towards what they bear on), when exactly one issue is nearest;
        otherwise (a principle shared by two debates, say) it stays outside.
        """
        if not self.options.cluster_issues:
            return {}
        leads_to: dict[str, list[str]] = {}
        for link in self.m.links:
            if not link.is_symmetric:
                for premise in link.premises:
                    leads_to.setdefault(premise, []).append(self.m.final_target(link))
        found: dict[str, str] = {}
        for node in self.m.nodes:
            if node.kind == "issue":
                found[node.id] = node.id
                continue
            seen, frontier = {node.id}, [node.id]
            while frontier:
                step = [t for n in frontier for t in leads_to.get(n, []) if t not in seen]
                issues = {t for t in step if self.m.node(t).kind == "issue"}
                if issues:
                    if len(issues) == 1:
                        found[node.id] = issues.pop()
                    break
                seen.update(step)
                frontier = list(dict.fromkeys(step))
        return found

    def cluster_of(self, endpoint: str) -> str | None:
        """The cluster of a node or of a junction (that of the node its link bears on)."""
        if endpoint.endswith("#junction"):
            link = self.m.link(endpoint.removesuffix("#junction"))
            return self.clusters.get(self.m.final_target(link))
        return self.clusters.get(endpoint)


# -- nodes ----------------------------------------------------------------


def _tag(name: str, text: str) -> str:
    """``text`` inside a text element (``B``, ``I``, ``S``); Graphviz rejects an empty one."""
    return f"<{name}>{text}</{name}>" if text else ""


def _font(text: str, size: float, color: str | None = None) -> str:
    colour = f' COLOR="{color}"' if color else ""
    return f'<FONT POINT-SIZE="{size:g}"{colour}>{text}</FONT>' if text else ""


def _flow(words: Sequence[tuple[str, str]], width: int) -> str:
    """Fill lines of at most ``width`` characters with ``(plain, markup)`` words; join with ``<BR/>``."""
    lines: list[list[str]] = []
    length = 0
    for plain, markup in words:
        if lines and length + 1 + len(plain) <= width:
            lines[-1].append(markup)
            length += 1 + len(plain)
        else:
            lines.append([markup])
            length = len(plain)
    return "<BR/>".join(" ".join(line) for line in lines)


def _header(node: AnyNode, drawing: _Drawing) -> str:
    """The header row: kind in bold capitals, then the side's name (in italics when editorial)."""
    theme = drawing.theme
    words = [(word, _tag("B", escape(word))) for word in clean(theme.nodes[node.kind].header).split()]
    tag = drawing.options.node_tags.get(node.id)
    if tag:
        shown = clean(tag).strip() or "?"
        marker = _tag("B", _font(escape(shown), theme.fontsize, theme.text_color))
        words[:0] = [(shown, marker), ("·", "·")]
    side = drawing.sides.get(node.held_by) if node.held_by and not drawing.options.hide_sides else None
    if side is not None:
        words.append(("·", "·"))
        italic = side.role == "editorial"
        for word in clean(side.name).split():
            words.append((word, _tag("I", escape(word)) if italic else escape(word)))
    width = round(drawing.options.wrap * theme.fontsize / theme.header_fontsize)
    return _font(_flow(words, width), theme.header_fontsize, theme.header_color)


def _body_rows(node: AnyNode, drawing: _Drawing, strike: bool) -> list[str]:
    mode, width = drawing.options.label_mode, drawing.options.wrap
    if node.id in drawing.options.blanks:
        gap = _font(_tag("B", escape("?  ?  ?")), drawing.theme.title_fontsize)
        return [f"<TR><TD>{gap}</TD></TR>"]
    if mode == "text" or node.label is None:
        texts = [html_text(node.text, width)]
    elif mode == "label":
        texts = [html_text(node.label, width)]
    else:
        texts = [_tag("B", html_text(node.label, width)), html_text(node.text, width)]
    if drawing.theme.nodes[node.kind].bold:
        texts = [_tag("B", text) for text in texts]
    if strike:
        texts = [_tag("S", text) for text in texts]
    return [f"<TR><TD>{text}</TD></TR>" for text in texts]


def _node_label(node: AnyNode, drawing: _Drawing, strike: bool = False) -> Html:
    """The HTML-like table label of a node: header row, then its text."""
    shows_text = drawing.options.label_mode != "label" or node.label is None
    hidden = node.id in drawing.options.blanks
    tooltip = "" if shows_text or hidden else f' TOOLTIP="{escape_attribute(node.text)}"'
    rows = [
        f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{_header(node, drawing)}</TD></TR>',
        *_body_rows(node, drawing, strike),
    ]
    table = f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1"{tooltip}>'
    return Html(table + "".join(rows) + "</TABLE>")


def _node_attrs(node: AnyNode, drawing: _Drawing) -> list[tuple[str, AttrValue]]:
    theme, options = drawing.theme, drawing.options
    kind = theme.nodes[node.kind]
    status = options.evaluation.get(node.id)
    deco = _merge(
        [
            theme.evaluation[status] if status is not None else None,
            theme.highlight if node.id in options.highlight else None,
        ]
    )
    held = node.held_by if not options.hide_sides else None
    fill = drawing.fills.get(held, theme.unheld_fill) if held else theme.unheld_fill
    attrs: list[tuple[str, AttrValue]] = [
        ("label", _node_label(node, drawing, deco.strike)),
        ("shape", kind.shape),
        ("style", ",".join(kind.style + tuple(s for s in deco.style if s not in kind.style))),
        ("fillcolor", deco.fillcolor or fill),
    ]
    if kind.peripheries != 1:
        attrs.append(("peripheries", kind.peripheries))
    if kind.margin is not None:
        attrs.append(("margin", kind.margin))
    if deco.color:
        attrs.append(("color", deco.color))
    if deco.penwidth:
        attrs.append(("penwidth", deco.penwidth))
    if deco.fontcolor:
        attrs.append(("fontcolor", deco.fontcolor))
    return attrs


def _node_lines(drawing: _Drawing) -> Iterator[str]:
    """Node statements, grouped into issue clusters when asked, in map order."""
    junctions: dict[str | None, list[str]] = {}
    for link in drawing.chosen.links:
        if str(link.id) in drawing.junctions:
            point = junction_id(str(link.id))
            junctions.setdefault(drawing.cluster_of(point), []).append(point)
    members: dict[str | None, list[AnyNode]] = {}
    for node in drawing.chosen.nodes:
        members.setdefault(drawing.clusters.get(node.id), []).append(node)

    def group(cluster: str | None, depth: int) -> Iterator[str]:
        for node in members.get(cluster, []):
            yield node_stmt(node.id, _node_attrs(node, drawing), depth)
        for point in junctions.get(cluster, []):
            yield node_stmt(point, _junction_attrs(point, drawing), depth)

    yield from group(None, 1)
    theme = drawing.theme
    for issue in drawing.m.issues:
        if issue.id not in members and issue.id not in junctions:
            continue
        yield f"{INDENT}subgraph {quote('cluster_' + issue.id)} {{"
        title = _font(_tag("B", html_text(issue.title, 2 * drawing.options.wrap)), theme.fontsize)
        cluster_attrs: Attrs = [
            ("label", _left_block([title])),
            ("labeljust", "l"),
            ("style", "rounded,filled"),
            ("fillcolor", theme.cluster_fill),
            ("color", theme.cluster_color),
        ]
        yield attr_stmt("graph", cluster_attrs, 2)
        yield from group(issue.id, 2)
        yield f"{INDENT}}}"


# -- links ----------------------------------------------------------------


def _line_attrs(style: LinkStyle, highlighted: bool, theme: Theme) -> list[tuple[str, AttrValue]]:
    color = f"{style.color}:invis:{style.color}" if style.double else style.color
    penwidth = theme.highlight.penwidth if highlighted and theme.highlight.penwidth else style.penwidth
    return [("color", color), ("style", style.style), ("penwidth", penwidth)]


_STANCE_KINDS = frozenset({"supports", "attacks", "undercuts"})


def _style(kind: str, drawing: _Drawing) -> LinkStyle:
    """The style a link kind is drawn with: the theme's, or the neutral one when stances are hidden."""
    if drawing.options.neutral_links and kind in _STANCE_KINDS:
        return drawing.theme.neutral_link
    return drawing.theme.links[kind]  # type: ignore[index]


def _mark(link: AnyLink, drawing: _Drawing) -> Html:
    theme = drawing.theme
    mark = html_text(_style(link.kind, drawing).mark, None)
    tag = drawing.options.link_tags.get(str(link.id))
    if tag:
        mark = f"{_tag('B', html_text(tag, None))} {mark}".strip()
    if link.concession and not drawing.options.neutral_links:
        return Html(_tag("I", f"{mark} {html_text(theme.concession_mark, None)}".strip()))
    return Html(mark)


def _junction_attrs(point: str, drawing: _Drawing) -> Attrs:
    link = drawing.m.link(point.removesuffix("#junction"))
    color = _style(link.kind, drawing).color
    return [("shape", "point"), ("width", 0.09), ("color", color), ("fillcolor", color)]


def _head_of(link: AnyLink) -> str:
    return junction_id(link.target) if link.kind == "undercuts" else link.target


def _constraint(tail: str, head: str, style: LinkStyle, drawing: _Drawing) -> list[tuple[str, AttrValue]]:
    tail_cluster, head_cluster = drawing.cluster_of(tail), drawing.cluster_of(head)
    crosses = tail_cluster is not None and head_cluster is not None and tail_cluster != head_cluster
    return [("constraint", False)] if crosses or not style.constraint else []


def _ends(style: LinkStyle) -> list[tuple[str, AttrValue]]:
    """The direction and arrowheads of a link."""
    ends: list[tuple[str, AttrValue]] = []
    if style.direction != "forward":
        ends.append(("dir", style.direction))
    if style.direction != "none":
        ends.append(("arrowhead", style.arrowhead))
    if style.direction == "both":
        ends.append(("arrowtail", style.arrowtail))
    return ends


def _link_lines(link: AnyLink, drawing: _Drawing) -> Iterator[str]:
    theme = drawing.theme
    style = _style(link.kind, drawing)
    line = _line_attrs(style, str(link.id) in drawing.options.highlight, theme)
    ends = _ends(style)
    head = _head_of(link)
    if str(link.id) in drawing.junctions:
        point = junction_id(str(link.id))
        for premise in link.premises:
            joined = [*line, ("arrowhead", "none"), *_constraint(premise, point, style, drawing)]
            yield edge_stmt(premise, point, joined)
        tails = [point]
    else:
        tails = list(link.premises)
    for tail in tails:
        free = _constraint(tail, head, style, drawing)
        # A link that does not rank carries its mark as an external label: dot
        # places it after layout (an ordinary label on such an edge can make
        # dot fail with "trouble in init_rank" when clusters are drawn).
        text = _mark(link, drawing)
        mark = [("xlabel" if free else "label", text)] if text else []
        yield edge_stmt(tail, head, [*line, *ends, *mark, *free])


# -- the whole graph ------------------------------------------------------


def _left_block(lines: Sequence[str]) -> Html:
    """Lines of HTML set flush left, one table row each (wrapped lines flush left too)."""
    rows = "".join(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{line}</TD></TR>' for line in lines)
    return Html(f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">{rows}</TABLE>')


def _title(drawing: _Drawing) -> Html:
    m, options, theme = drawing.m, drawing.options, drawing.theme
    title = _tag("B", html_text(m.title, 6 * options.wrap))
    subtitles = [f"Issue: {html_text(m.node(i).title, 6 * options.wrap)}" for i in options.issues]
    if options.focus is not None:
        subtitles.append(f"Around: {html_text(m.node(options.focus).title, 6 * options.wrap)}")
    lines = [_font(title, theme.title_fontsize)]
    lines += [_font(sub, theme.fontsize, theme.header_color) for sub in subtitles]
    return _left_block(lines)


def _graph_attrs(drawing: _Drawing) -> list[tuple[str, AttrValue]]:
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
    if options.title:
        attrs += [("label", _title(drawing)), ("labelloc", "t"), ("labeljust", "l")]
    if options.dpi is not None:
        attrs.append(("dpi", options.dpi))
    return attrs


def _defaults(drawing: _Drawing) -> Iterator[str]:
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


def _swatches(drawing: _Drawing) -> Html | None:
    """The legend's side swatches, for the sides that hold a drawn node."""
    theme = drawing.theme
    if drawing.options.hide_sides:
        return None
    held = {node.held_by for node in drawing.chosen.nodes}
    swatches = []
    for side in drawing.m.sides:
        if side.id in held:
            name = html_text(side.name, None)
            if side.role == "editorial":
                # Editorial names are set in italics everywhere; say why, unless the name does.
                suffix = "" if "editorial" in side.name.lower() else " (editorial)"
                name = _tag("I", name + suffix)
            swatches.append((drawing.fills[side.id], name))
    if None in held:
        swatches.append((theme.unheld_fill, "held by no side"))
    if not swatches:
        return None
    rows = "".join(
        f'<TR><TD BGCOLOR="{fill}" BORDER="1" FIXEDSIZE="TRUE" WIDTH="18" HEIGHT="12"></TD>'
        f'<TD ALIGN="LEFT">{name}</TD></TR>'
        for fill, name in swatches
    )
    return Html(_TABLE.format(spacing=2) + rows + "</TABLE>")


def _notes(drawing: _Drawing) -> Html | None:
    """The legend's notes on junctions, concessions and overlays in use."""
    notes = []
    if drawing.junctions:
        notes.append("● where lines meet: linked premises,<BR/>or the link an undercut hits")
    if any(link.concession for link in drawing.chosen.links) and not drawing.options.neutral_links:
        notes.append(f"{_tag('I', html_text(drawing.theme.concession_mark, None))}: a concession")
    if drawing.options.highlight:
        notes.append("thick outline or line: highlighted")
    if drawing.options.evaluation:
        notes += [
            "bold outline: accepted",
            "<S>struck through</S>, grey: rejected",
            "dotted outline: undecided",
        ]
    return _left_block(notes) if notes else None


def _legend_lines(drawing: _Drawing) -> Iterator[str]:
    """A legend cluster: a sample of each link kind drawn, and a key to the fills and marks."""
    theme = drawing.theme
    yield f"{INDENT}subgraph {quote('cluster_legend')} {{"
    legend_attrs: Attrs = [
        ("label", Html("<B>Legend</B>")),
        ("style", "rounded"),
        ("color", theme.cluster_color),
        ("fontsize", theme.fontsize),
    ]
    yield attr_stmt("graph", legend_attrs, 2)
    drawn: set[str] = {link.kind for link in drawing.chosen.links}
    if drawing.options.neutral_links and drawn & _STANCE_KINDS:
        drawn = (drawn - _STANCE_KINDS) | {"link"}
    kinds = [kind for kind in ("link", *LINK_KINDS) if kind in drawn]
    if drawing.options.rankdir in ("LR", "RL"):
        kinds.reverse()  # dot stacks the samples of a rotated layout from the bottom up
    for kind in kinds:
        style = _style(kind, drawing) if kind != "link" else theme.neutral_link
        tail, head = f"legend#{kind}", f"legend#{kind}#to"
        name = "stance hidden" if kind == "link" else kind
        yield node_stmt(tail, [("shape", "plaintext"), ("label", name)], 2)
        yield node_stmt(head, [("shape", "point"), ("width", 0.01), ("style", "invis")], 2)
        line = [
            *_line_attrs(style, False, theme),
            *_ends(style),
        ]
        if style.mark:
            line.append(("label", Html(html_text(style.mark, None))))
        yield edge_stmt(tail, head, line, 2)
    found = (("legend#sides", _swatches(drawing)), ("legend#notes", _notes(drawing)))
    keys = [(key_id, label) for key_id, label in found if label is not None]
    if drawing.options.rankdir in ("LR", "RL"):
        keys.reverse()
    for key_id, label in keys:
        key_attrs: Attrs = [("shape", "plaintext"), ("fontsize", theme.header_fontsize + 1), ("label", label)]
        yield node_stmt(key_id, key_attrs, 2)
        if kinds:
            # Beside the samples rather than under them: a wide, low legend.
            yield edge_stmt(f"legend#{kinds[0]}#to", key_id, [("style", "invis")], 2)
    yield f"{INDENT}}}"


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
    drawing = _Drawing(m, options, options.resolved_theme, select(m, options))
    lines = [f"digraph {quote(m.id)} {{", *_defaults(drawing), *_node_lines(drawing)]
    for link in drawing.chosen.links:
        lines.extend(_link_lines(link, drawing))
    if options.legend:
        lines.extend(_legend_lines(drawing))
    lines.append("}")
    return "\n".join(lines) + "\n"
