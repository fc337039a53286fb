"""The legend: a sample of each link kind drawn, the side fills and notes on the marks in use.

The legend is a cluster of its own (``cluster_legend``). It shows only what
the diagram holds: a sample line for each link kind drawn (one "stance
hidden" sample when exercises hide stances), a swatch for each side that holds
a drawn node, and a note for each overlay or mark in use (junctions,
concessions, inferred elements, highlights, evaluation labels).

Examples:
    >>> from argmap.builder import MapBuilder
    >>> from argmap.render import RenderOptions, to_dot
    >>> b = MapBuilder("m", "T")
    >>> _ = b.side("pro", "Proponents")
    >>> _ = b.claim("a", "A.", held_by="pro"); _ = b.claim("b", "B.")
    >>> _ = b.attacks("a", "b")
    >>> dot = to_dot(b.build(), RenderOptions(legend=True))
    >>> for line in dot.splitlines():
    ...     if line.strip().startswith('"legend#'):
    ...         print(line.split(" [")[0].strip())
    "legend#attacks"
    "legend#attacks#to"
    "legend#attacks" -> "legend#attacks#to"
    "legend#sides"
    "legend#attacks#to" -> "legend#sides"
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.model import LINK_KINDS, STANCE_KINDS
from argmap.render.drawing import Drawing, ends, line_attrs
from argmap.render.html_labels import TABLE, left_block, tag
from argmap.render.labels import html_text
from argmap.render.statements import (
    Attrs,
    Html,
    attr_stmt,
    edge_stmt,
    node_stmt,
    subgraph_end,
    subgraph_start,
)

__all__ = ["legend_lines"]


def _swatches(drawing: Drawing) -> Html | None:
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
                name = tag("I", name + suffix)
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
    return Html(TABLE.format(spacing=2) + rows + "</TABLE>")


def _notes(drawing: Drawing) -> Html | None:
    """The legend's notes on junctions, concessions, inferred elements and overlays in use."""
    notes = []
    inferred = tag("I", html_text(drawing.theme.inferred_mark, None))
    if drawing.junctions:
        notes.append("● where lines meet: linked premises,<BR/>or the link an undercut hits")
    if any(link.concession for link in drawing.chosen.links) and not drawing.options.neutral_links:
        notes.append(f"{tag('I', html_text(drawing.theme.concession_mark, None))}: a concession")
    if any(node.inferred for node in drawing.chosen.nodes):
        notes.append(f"dashed outline, {inferred}: a node the map's<BR/>authors inferred (see its note)")
    if any(link.inferred for link in drawing.chosen.links):
        notes.append(
            f"○ where a line starts, {inferred}: a link<BR/>the map's authors inferred (see its note)"
        )
    if drawing.options.highlight:
        notes.append("thick outline or line: highlighted")
    if drawing.options.evaluation:
        notes += [
            "bold outline: accepted",
            "<S>struck through</S>, grey: rejected",
            "dotted outline: undecided",
        ]
    return left_block(notes) if notes else None


def legend_lines(drawing: Drawing) -> Iterator[str]:
    """The legend cluster's statements: a sample of each link kind drawn, and a key to the fills and marks."""
    theme = drawing.theme
    yield subgraph_start("cluster_legend")
    legend_attrs: Attrs = [
        ("label", Html("<B>Legend</B>")),
        ("style", "rounded"),
        ("color", theme.cluster_color),
        ("fontsize", theme.fontsize),
    ]
    yield attr_stmt("graph", legend_attrs, 2)
    drawn: set[str] = {link.kind for link in drawing.chosen.links}
    if drawing.options.neutral_links and drawn & STANCE_KINDS:
        drawn = (drawn - STANCE_KINDS) | {"link"}
    kinds = [kind for kind in ("link", *LINK_KINDS) if kind in drawn]
    if drawing.options.rankdir in ("LR", "RL"):
        kinds.reverse()  # dot stacks the samples of a rotated layout from the bottom up
    for kind in kinds:
        style = drawing.style(kind)
        tail, head = f"legend#{kind}", f"legend#{kind}#to"
        name = "stance hidden" if kind == "link" else kind
        yield node_stmt(tail, [("shape", "plaintext"), ("label", name)], 2)
        yield node_stmt(head, [("shape", "point"), ("width", 0.01), ("style", "invis")], 2)
        line = [*line_attrs(style, False, theme), *ends(style)]
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
    yield subgraph_end()
