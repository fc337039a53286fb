"""The legend: a compact key under the title, of the link kinds, sides and marks drawn.

The legend is an HTML-like table in the graph's label, under the title, so it
takes no part in the layout: it stays a strip of small type however large the
diagram grows (a legend drawn as a cluster of sample edges widened the ranks
it sat on and took a third of a one-issue diagram). It shows only what the
diagram holds: a sample line for each link kind drawn (one "stance hidden"
sample when exercises hide stances), the sides that hold a drawn node, in
columns (each with its fill, and its badge when the theme draws badges), and
a note for each overlay or mark in use (junctions, concessions, inferred
elements, highlights, evaluation labels).

The sample lines are set in type: box-drawing characters for the line
(``─`` solid, ``╌`` dashed, ``┈`` dotted, ``━`` bold, ``═`` double) and
``▶``, ``┤`` or ``├`` for the ends, in the link's colour, with its mark.

Examples:
    >>> from argmap.builder import MapBuilder
    >>> from argmap.render import RenderOptions
    >>> from argmap.render.select import select
    >>> b = MapBuilder("m", "T")
    >>> _ = b.side("pro", "Proponents")
    >>> _ = b.claim("a", "A.", held_by="pro"); _ = b.claim("b", "B.")
    >>> _ = b.attacks("a", "b")
    >>> m, options = b.build(), RenderOptions(legend=True)
    >>> drawing = Drawing(m, options, options.resolved_theme, select(m, options))
    >>> sample(drawing.style("attacks"))
    ('╌╌╌', '−', '╌╌┤')
    >>> entries = legend_entries(drawing)
    >>> [text for text, _ in entries["links"]], [text for text, _ in entries["sides"]]
    (['attacks'], ['Proponents', 'held by no side'])
"""

from __future__ import annotations

import math

from argmap.model import LINK_KINDS, STANCE_KINDS
from argmap.render.drawing import Drawing
from argmap.render.findings import FindingMark
from argmap.render.html_labels import FINDING_SIGN, badge, font, tag
from argmap.render.labels import escape, html_text
from argmap.render.statements import Html
from argmap.render.themes import LinkStyle

__all__ = ["findings_key", "legend_entries", "legend_table", "sample"]

_LINES = {"solid": "─", "dashed": "╌", "dotted": "┈", "bold": "━"}
_HEADS = {"normal": "▶", "tee": "┤", "none": "", "odot": "○"}
_TAILS = {"normal": "◀", "tee": "├", "none": "", "odot": "○"}

_INNER = '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="1" CELLPADDING="1">'

# At most this many entries in a column of sides: more sides make more columns.
_ROWS = 5


def sample(style: LinkStyle) -> tuple[str, str, str]:
    """A link style set in type: the line before the mark, the mark, the line after it with its head.

    Examples:
        >>> from argmap.render.themes import DEFAULT
        >>> sample(DEFAULT.links["supports"]), sample(DEFAULT.links["contradicts"])
        (('───', '+', '──▶'), ('├━━', '⊥', '━━┤'))
        >>> sample(DEFAULT.links["equivalent"])
        ('═══', '≡', '═══')
    """
    line = "═" if style.double else _LINES.get(style.style, "─")
    head = _HEADS.get(style.arrowhead, "▶") if style.direction in ("forward", "both") else ""
    tail = _TAILS.get(style.arrowtail, "") if style.direction == "both" else ""
    return tail + line * (3 - len(tail)), style.mark, line * (3 - len(head)) + head


def _swatch(fill: str) -> str:
    return f'<TD BGCOLOR="{fill}" BORDER="1" FIXEDSIZE="TRUE" WIDTH="14" HEIGHT="10"></TD>'


def legend_entries(drawing: Drawing) -> dict[str, list[tuple[str, str]]]:
    """The legend's entries by section (``links``, ``sides``, ``notes``): (plain text, its sample cell)."""
    theme, options = drawing.theme, drawing.options
    entries: dict[str, list[tuple[str, str]]] = {"links": [], "sides": [], "notes": []}
    drawn: set[str] = {link.kind for link in drawing.chosen.links}
    if options.neutral_links and drawn & STANCE_KINDS:
        drawn = (drawn - STANCE_KINDS) | {"link"}
    for kind in ("link", *LINK_KINDS):
        if kind in drawn:
            style = drawing.style(kind)
            before, mark, after = sample(style)
            mark_text = f" {font(html_text(mark, None), theme.header_fontsize + 1, theme.text_color)} "
            line = font(
                escape(before) + (mark_text if mark else "") + escape(after), theme.header_fontsize + 1
            )
            cell = f'<TD ALIGN="LEFT"><FONT COLOR="{style.color}">{line}</FONT></TD>'
            entries["links"].append(("stance hidden" if kind == "link" else kind, cell))
    if not options.hide_sides:
        size = theme.header_fontsize + 1
        held = {node.held_by for node in drawing.chosen.nodes}
        for side in drawing.m.sides:
            if side.id not in held:
                continue
            name = html_text(side.name, None)
            if side.role == "editorial":
                # Editorial names are set in italics everywhere; say why, unless the name does.
                name = tag("I", name + ("" if "editorial" in side.name.lower() else " (editorial)"))
            code = drawing.badges.get(side.id)
            key = f"<TD>{font(badge(code), size)}</TD>" if code else ""
            entries["sides"].append((name, _swatch(drawing.fills[side.id]) + key))
        if None in held:
            swatch = _swatch(theme.unheld_fill) + ("<TD></TD>" if drawing.badges else "")
            entries["sides"].append(("held by no side", swatch))
    inferred = tag("I", html_text(theme.inferred_mark, None))
    notes = entries["notes"]
    if drawing.junctions:
        notes.append(("●", "where lines meet: linked premises, or the link an undercut hits"))
    if drawing.copies:
        notes.append(("a principle in several boxes", "one principle, drawn in each debate that uses it"))
    if any(link.concession for link in drawing.chosen.links) and not options.neutral_links:
        notes.append((tag("I", html_text(theme.concession_mark, None)), "a concession"))
    if any(node.inferred for node in drawing.chosen.nodes):
        notes.append((f"dashed outline, {inferred}", "a node the map's authors inferred (see its note)"))
    if any(link.inferred for link in drawing.chosen.links):
        notes.append(
            (f"○ where a line starts, {inferred}", "a link the map's authors inferred (see its note)")
        )
    if options.highlight:
        notes.append(("thick outline or line", "highlighted"))
    if drawing.finding_numbers:
        notes.append(
            (html_text(f"{theme.finding_words}, thick line", None), f"a finding's ({FINDING_SIGN} n)")
        )
    if options.evaluation:
        notes += [("bold outline", "accepted"), ("<S>struck through</S>, grey", "rejected")]
        notes.append(("dotted outline", "undecided"))
    return entries


def _column(rows: list[tuple[str, str]], drawing: Drawing) -> str:
    size = drawing.theme.header_fontsize + 1
    cells = "".join(f'<TR>{cell}<TD ALIGN="LEFT">{font(text, size)}</TD></TR>' for text, cell in rows)
    return f'<TD VALIGN="TOP">{_INNER}{cells}</TABLE></TD>'


def legend_table(drawing: Drawing) -> Html | None:
    """The legend as one HTML-like table, or None when the diagram holds nothing to explain.

    Sections sit side by side (link samples, sides in columns of at most five,
    notes), so the legend is a low strip under the title.
    """
    entries = legend_entries(drawing)
    size = drawing.theme.header_fontsize + 1
    columns = []
    if entries["links"]:
        columns.append(_column(entries["links"], drawing))
    sides = entries["sides"]
    per_column = math.ceil(len(sides) / math.ceil(len(sides) / _ROWS)) if sides else 0
    for start in range(0, len(sides), per_column or 1):
        columns.append(_column(sides[start : start + per_column], drawing))
    if entries["notes"]:
        notes = "".join(
            f'<TR><TD ALIGN="LEFT">{font(f"{key}: {html_text(text, None)}", size)}</TD></TR>'
            for key, text in entries["notes"]
        )
        columns.append(f'<TD VALIGN="TOP">{_INNER}{notes}</TABLE></TD>')
    if not columns:
        return None
    heading = f'<TD VALIGN="TOP">{font(tag("B", "Legend"), size)}</TD>'
    colour = drawing.theme.cluster_color
    # ALIGN: at its own width under a wider title, not stretched to it.
    outer = f'<TABLE BORDER="1" STYLE="ROUNDED" COLOR="{colour}" CELLBORDER="0" CELLSPACING="6" ALIGN="LEFT">'
    return Html(outer + "<TR>" + heading + "".join(columns) + "</TR></TABLE>")


def _finding_text(finding: FindingMark, width: int) -> str:
    """One row of the findings key: the rule's code, name and severity, the message, the related codes."""
    text = html_text(f"{finding.name} ({finding.severity}): {finding.message}", width)
    if finding.related:
        text += "<BR/>" + html_text(f"explains {', '.join(finding.related)} too (see argmap check)", width)
    return f"{tag('B', escape(finding.code))} {text}"


def findings_key(drawing: Drawing) -> Html | None:
    """The key to the findings marked on the diagram (``⚠ 1``...), or None when none were asked for.

    Each finding in the view (every element it names is drawn) has a row:
    its number, its rule's code, name and severity, and the checker's
    message. The heading counts the findings outside the view, and how many
    of those name a drawn element as well as some left out.

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> from argmap.render import RenderOptions
        >>> from argmap.render.findings import findings_of
        >>> from argmap.render.select import select
        >>> b = MapBuilder("m", "T")
        >>> _ = b.claim("a", "A."); _ = b.claim("b", "B.")
        >>> _ = b.supports("a", "b", id="s"); _ = b.attacks("a", "b", id="x")
        >>> m, options = b.build(), RenderOptions()
        >>> theme, chosen = options.resolved_theme, select(m, options)
        >>> key = findings_key(Drawing(m, options, theme, chosen, findings_of(m)))
        >>> "<B>AM101</B> contradictory-stance (error): " in key
        True
        >>> findings_key(Drawing(m, options, theme, chosen)) is None
        True
    """
    if drawing.findings is None:
        return None
    size = drawing.theme.header_fontsize + 1
    heading = tag("B", "Findings")
    rows = []
    for number, finding in enumerate(drawing.drawn_findings, 1):
        sign = f"{FINDING_SIGN} {tag('B', str(number))}"
        # Sign and text in one cell: Graphviz widens the key to the legend's width and
        # spreads the extra over its columns, which pushed a column of signs away from its texts.
        text = font(f"{sign}  {_finding_text(finding, 5 * drawing.options.wrap)}", size)
        rows.append(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{text}</TD></TR>')
    outside = len(drawing.findings) - len(drawing.drawn_findings)
    partly = drawing.partly_drawn_findings
    counted = f"outside it, {partly} of them partly in view" if partly else "outside it"
    if not rows and drawing.findings:
        heading += f": none in this view ({outside} {counted})"
    elif not rows:
        heading += ": none (no error or warning of argmap check)"
    elif outside:
        heading += f" in this view ({outside} more {counted})"
    top = f'<TR><TD ALIGN="LEFT">{font(heading, size)}</TD></TR>'
    if rows:
        # Said here too, not only in the legend: a finding's outline must not pass for an accepted node's.
        look = f"{drawing.theme.finding_words} or a thick line"
        how = f"each marked {FINDING_SIGN} n on the elements it names, drawn with a {look}:"
        top += f'<TR><TD ALIGN="LEFT">{font(html_text(how, None), size)}</TD></TR>'
    colour = drawing.theme.cluster_color
    outer = f'<TABLE BORDER="1" STYLE="ROUNDED" COLOR="{colour}" CELLBORDER="0" CELLSPACING="3" ALIGN="LEFT">'
    return Html(outer + top + "".join(rows) + "</TABLE>")
