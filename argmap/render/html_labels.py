"""HTML-like labels: the tables and marks drawn inside nodes, on links and above the diagram.

Every piece of user text is cleaned, wrapped and escaped by
:mod:`argmap.render.labels` before it is put in markup here, so a label can
neither break the DOT nor inject markup. A node's label is a table: a small
header row with its kind and side ("CLAIM · Critics"), then its wrapped text.

Examples:
    >>> tag("B", "x"), tag("B", "")
    ('<B>x</B>', '')
    >>> font("x", 9.5, "#404040")
    '<FONT POINT-SIZE="9.5" COLOR="#404040">x</FONT>'
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from argmap.model import AnyLink, AnyNode
from argmap.render.drawing import Drawing
from argmap.render.labels import clean, escape, escape_attribute, html_text
from argmap.render.statements import Html

__all__ = [
    "FINDING_SIGN",
    "TABLE",
    "badge",
    "finding_words",
    "flow",
    "font",
    "left_block",
    "link_mark",
    "node_label",
    "tag",
    "title_label",
]

TABLE = '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="{spacing}" CELLPADDING="1" ALIGN="LEFT">'


def tag(name: str, text: str) -> str:
    """``text`` inside a text element (``B``, ``I``, ``S``); Graphviz rejects an empty one, so none is made.

    Examples:
        >>> tag("I", "concedes")
        '<I>concedes</I>'
    """
    return f"<{name}>{text}</{name}>" if text else ""


def font(text: str, size: float, color: str | None = None) -> str:
    """``text`` in a ``FONT`` element of the given size (and colour); nothing for no text.

    Examples:
        >>> font("x", 12.0)
        '<FONT POINT-SIZE="12">x</FONT>'
    """
    colour = f' COLOR="{color}"' if color else ""
    return f'<FONT POINT-SIZE="{size:g}"{colour}>{text}</FONT>' if text else ""


def flow(words: Sequence[tuple[str, str]], width: int) -> str:
    """Fill lines of at most ``width`` characters with ``(plain, markup)`` words; join with ``<BR/>``.

    Examples:
        >>> flow([("CLAIM", "<B>CLAIM</B>"), ("·", "·"), ("Critics", "Critics")], 10)
        '<B>CLAIM</B> ·<BR/>Critics'
    """
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


def left_block(lines: Sequence[str]) -> Html:
    """Lines of HTML set flush left, one table row each (wrapped lines flush left too).

    Examples:
        >>> left_block(["a", "b"]).count('<TD ALIGN="LEFT" BALIGN="LEFT">')
        2
    """
    rows = "".join(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{line}</TD></TR>' for line in lines)
    return Html(f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">{rows}</TABLE>')


def _header(node: AnyNode, drawing: Drawing) -> str:
    """The header row: the kind in bold capitals (then the inferred mark), then the side's name.

    An editorial side's name is set in italics.
    """
    theme = drawing.theme
    words = [(word, tag("B", escape(word))) for word in clean(theme.nodes[node.kind].header).split()]
    if node.inferred:
        words += [(word, tag("I", escape(word))) for word in clean(theme.inferred_mark).split()]
    node_tag = drawing.options.node_tags.get(node.id)
    if node_tag:
        shown = clean(node_tag).strip() or "?"
        marker = tag("B", font(escape(shown), theme.fontsize, theme.text_color))
        words[:0] = [(shown, marker), ("·", "·")]
    side = drawing.sides.get(node.held_by) if node.held_by and not drawing.options.hide_sides else None
    code = drawing.badges.get(side.id) if side is not None else None
    if code:
        # After the node's tag, before its kind.
        at = 2 if node_tag else 0
        words[at:at] = [(f"[{code}]", badge(code))]
    if side is not None:
        words.append(("·", "·"))
        italic = side.role == "editorial"
        for word in clean(side.name).split():
            words.append((word, tag("I", escape(word)) if italic else escape(word)))
    width = round(drawing.options.wrap * theme.fontsize / theme.header_fontsize)
    return font(flow(words, width), theme.header_fontsize, theme.header_color)


def badge(text: str) -> str:
    """A side's badge as it is set in headers and the legend: its initials in bold, in brackets.

    Set in the line of text rather than as a box: Graphviz stretches a table
    cell to the width of the node, which would make a boxed badge as wide.

    Examples:
        >>> badge("CUB")
        '<B>[CUB]</B>'
    """
    return tag("B", f"[{escape(text)}]")


# The sign before a finding's number, on the elements it names and in the findings key.
FINDING_SIGN = "⚠"


def finding_words(element_id: str, drawing: Drawing) -> list[tuple[str, str]]:
    """The marks of the findings naming an element, as ``(plain, markup)`` words: ``⚠ 1 AM302``, ``·``...

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> from argmap.render import RenderOptions
        >>> from argmap.render.findings import findings_of
        >>> from argmap.render.select import select
        >>> b = MapBuilder("m", "T")
        >>> _ = b.claim("a", "A."); _ = b.claim("b", "B.")
        >>> _ = b.supports("a", "b", id="s"); _ = b.attacks("a", "b", id="x")
        >>> m, options = b.build(), RenderOptions()
        >>> drawing = Drawing(m, options, options.resolved_theme, select(m, options), findings_of(m))
        >>> " ".join(plain for plain, _ in finding_words("s", drawing))
        '⚠ 1 AM101'
        >>> finding_words("nowhere", drawing)
        []
    """
    words: list[tuple[str, str]] = []
    for number, code in drawing.finding_numbers.get(element_id, ()):
        if words:
            words.append(("·", "·"))
        # one word, joined by no-break spaces: a mark never breaks between its number and its rule
        plain = f"{FINDING_SIGN} {number} {code}"
        words.append((plain, f"{FINDING_SIGN}&#160;{tag('B', str(number))}&#160;{escape(code)}"))
    return words


def _body_rows(node: AnyNode, drawing: Drawing, strike: bool) -> list[str]:
    mode, width = drawing.options.labels, drawing.options.wrap
    if node.id in drawing.options.blanks:
        gap = font(tag("B", escape("?  ?  ?")), drawing.theme.title_fontsize)
        return [f"<TR><TD>{gap}</TD></TR>"]
    if mode == "text" or node.label is None:
        texts = [html_text(node.text, width)]
    elif mode == "label":
        texts = [html_text(node.label, width)]
    else:
        texts = [tag("B", html_text(node.label, width)), html_text(node.text, width)]
    if drawing.theme.nodes[node.kind].bold:
        texts = [tag("B", text) for text in texts]
    if strike:
        texts = [tag("S", text) for text in texts]
    return [f"<TR><TD>{text}</TD></TR>" for text in texts]


def node_label(node: AnyNode, drawing: Drawing, strike: bool = False) -> Html:
    """The HTML-like table label of a node: header row, then its text (struck through when ``strike``).

    When only the short label is shown, the full text is the table's tooltip.
    """
    shows_text = drawing.options.labels != "label" or node.label is None
    hidden = node.id in drawing.options.blanks
    tooltip = "" if shows_text or hidden else f' TOOLTIP="{escape_attribute(node.text)}"'
    rows = [
        f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{_header(node, drawing)}</TD></TR>',
        *_body_rows(node, drawing, strike),
    ]
    found = finding_words(node.id, drawing)
    if found:
        # the node's id first: the checker's messages in the key name nodes by id
        found = [(f"{node.id}:", tag("I", escape(node.id) + ":")), *found]
        theme = drawing.theme
        width = round(drawing.options.wrap * theme.fontsize / theme.header_fontsize)
        marks = font(flow(found, width), theme.header_fontsize, theme.text_color)
        rows.append(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{marks}</TD></TR>')
    table = f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1"{tooltip}>'
    return Html(table + "".join(rows) + "</TABLE>")


@lru_cache(maxsize=64)
def _theme_text(text: str) -> str:
    """A theme's mark, as :func:`html_text` sets it unwrapped (the same few marks on every link)."""
    return html_text(text, None)


def link_mark(link: AnyLink, drawing: Drawing) -> Html:
    """The mark drawn on a link: its tag, its kind's mark, then concession and inferred marks (italics)."""
    theme = drawing.theme
    mark = _theme_text(drawing.style(link.kind).mark)
    link_tag = drawing.options.link_tags.get(str(link.id))
    if link_tag:
        mark = f"{tag('B', html_text(link_tag, None))} {mark}".strip()
    if link.concession and not drawing.options.neutral_links:
        mark = tag("I", f"{mark} {_theme_text(theme.concession_mark)}".strip())
    if link.inferred:
        mark = f"{mark} {tag('I', _theme_text(theme.inferred_mark))}".strip()
    found = finding_words(str(link.id), drawing)
    if found:
        marks = font(" ".join(markup for _, markup in found), theme.header_fontsize, theme.text_color)
        mark = f"{mark} {marks}".strip()
    return Html(mark)


def title_label(drawing: Drawing) -> Html:
    """The diagram's title, with a line naming each issue filtered on and the focus node."""
    m, options, theme = drawing.m, drawing.options, drawing.theme
    title = tag("B", html_text(m.title, 6 * options.wrap))
    subtitles = [f"Issue: {html_text(m.node(i).title, 6 * options.wrap)}" for i in options.issues]
    if options.focus is not None:
        subtitles.append(f"Around: {html_text(m.node(options.focus).title, 6 * options.wrap)}")
    lines = [font(title, theme.title_fontsize)]
    lines += [font(sub, theme.fontsize, theme.header_color) for sub in subtitles]
    return left_block(lines)
