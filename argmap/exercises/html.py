"""An exercise as a printable HTML page: the students' worksheet, or the teacher's answer key.

The page stands alone: its CSS is inline and its diagrams are inline SVG
(each :class:`~argmap.exercises.model.Diagram` laid out with
:func:`argmap.render.layout`), so it can be mailed, opened offline, or printed
from any browser. It is made for one paper, A4 or Letter (portrait): its
``@page`` rule names the paper, and each diagram is sized to the page's
width and a share of its height without printing text under 8 pt. Items
never break across pages, and a part's heading and instructions stay on the
page of the first item they introduce.

The answer key is the same page with the right answers filled in, each
item's explanation and points, and "Answer key" in a banner at the top and in
the header of every printed page, so that it is hard to hand out by mistake.

Examples:
    >>> from argmap.exercises.model import Choice, Exercise, Item, Part
    >>> item = Item(id="1", prompt="Is A for or against?", key=["for"],
    ...             choices=[Choice(id="for", text="for"), Choice(id="against", text="against")],
    ...             explanation="A supports the proposal.")
    >>> ex = Exercise(title="Uniforms & us", map_id="u", map_title="Uniforms", seed=1,
    ...               difficulty=1, parts=[Part(kind="sort-by-side", title="Sides",
    ...                                         instructions="Say who holds it.", items=[item])])
    >>> page = worksheet_html(ex)
    >>> page.startswith("<!DOCTYPE html>"), "Uniforms &amp; us" in page, "supports the" in page
    (True, True, False)
    >>> "A supports the proposal." in worksheet_html(ex, key=True)
    True
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Iterator
from html import escape

from argmap.errors import ExerciseError
from argmap.exercises.layout import (
    LEGIBLE_PT,
    PAPERS,
    ItemLayout,
    Paper,
    PartLayout,
    SheetLayout,
    figure_scale,
    layout,
    points,
    printed_text_pt,
)
from argmap.exercises.model import Choice, Diagram, Exercise, Item
from argmap.exercises.vocabulary import STANCES_SAID

__all__ = ["small_figures", "svg_for_page", "worksheet_html"]

# Black on white. The @page rule (paper size and margins) is made per paper
# by _page_css; the answer key's running header uses a page margin box, which
# browsers without support simply ignore: the banner at the top remains.
_CSS = """\
* { box-sizing: border-box; }
html { background: #fff; color: #000; }
body { font: 10pt/1.28 "Helvetica Neue", Helvetica, Arial, "Liberation Sans", sans-serif;
  margin: 0 auto; padding: 8mm 4mm; }
h1 { font-size: 17pt; line-height: 1.2; margin: 0 0 1.5mm; }
h2 { font-size: 13pt; margin: 4mm 0 1.2mm; padding-bottom: 0.8mm; border-bottom: 1.5px solid #000;
  break-after: avoid; page-break-after: avoid; }
p { margin: 1mm 0; }
.meta { font-size: 9.5pt; color: #333; }
.student { display: flex; gap: 6mm; margin: 3mm 0 1mm; font-size: 11pt; }
.student span { flex: 1; white-space: nowrap; }
.student span::after { content: ""; display: inline-block; width: 70%; margin-left: 2mm;
  border-bottom: 1px solid #000; }
.student .score { flex: 0 0 auto; }
.student .score::after { display: none; }
.opening { break-inside: avoid; page-break-inside: avoid; }
.instructions { font-style: italic; break-inside: avoid; page-break-inside: avoid;
  break-after: avoid; page-break-after: avoid; }
figure.diagram { margin: 2mm 0 1mm; break-inside: avoid; page-break-inside: avoid; }
figure.diagram svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
figcaption { font-size: 9pt; text-align: center; margin-top: 0.5mm; }
.reading { font-size: 8.5pt; margin: 0 0 1mm; break-inside: avoid; }
.same-drawing { font-size: 9.5pt; font-style: italic; margin: 1.5mm 0; }
ul.statements { list-style: none; padding: 0; margin: 0 0 1.5mm; font-size: 9pt; line-height: 1.22;
  columns: 2; column-gap: 6mm; }
ul.statements li { margin: 0 0 0.5mm; padding-left: 8mm; text-indent: -8mm; break-inside: avoid; }
.tag { display: inline-block; text-indent: 0; min-width: 1.6em; padding: 0 1mm; border: 1px solid #000;
  border-radius: 1mm; font-weight: bold; text-align: center; font-size: 9pt; line-height: 1.3; }
ol.sentences { list-style: none; padding: 0; margin: 2mm 0 2mm; }
ol.sentences li { margin: 0.8mm 0; padding-left: 12mm; text-indent: -12mm; break-inside: avoid; }
.choices { margin: 1.5mm 0 2mm; padding: 1.5mm 3mm; border: 1px solid #000; break-inside: avoid;
  page-break-inside: avoid; font-size: 9.5pt; }
.choices h3 { font-size: 9.5pt; margin: 0 0 0.5mm; break-after: avoid; page-break-after: avoid; }
.choices.pool { break-inside: auto; page-break-inside: auto; }
.choices.pool li { break-inside: avoid; page-break-inside: avoid; }
.choices ul.options { margin-left: 3mm; }
ul.options { list-style: none; padding: 0; margin: 0.6mm 0 0.6mm 9mm; font-size: 9pt; line-height: 1.22; }
ul.options li { margin: 0.3mm 0; padding-left: 10mm; text-indent: -10mm; }
.item { margin: 0.6mm 0; padding: 0.8mm 0 0.8mm; border-bottom: 0.5px solid #999;
  break-inside: avoid; page-break-inside: avoid; }
.item .head { display: flex; gap: 2mm; }
.item .number { font-weight: bold; min-width: 7mm; }
.item .prompt { flex: 1; }
.item .points { font-size: 9pt; white-space: nowrap; }
.answer { margin: 1mm 0 0 9mm; display: flex; align-items: center; gap: 2mm; }
.head .answer { margin: 0 0 0 2mm; align-items: flex-start; white-space: nowrap; }
.box { display: inline-block; min-width: 16mm; min-height: 6mm; padding: 0.8mm 2mm;
  border: 1.5px solid #000; font-weight: bold; white-space: nowrap; }
.line { display: inline-block; flex: 1; min-height: 7mm; border-bottom: 1px solid #000;
  padding: 0.8mm 2mm; font-weight: bold; }
table.links { border-collapse: collapse; width: 100%; margin: 1.5mm 0 0 9mm; max-width: calc(100% - 9mm); }
table.links th, table.links td { border: 1px solid #000; padding: 0.8mm 2mm; height: 7mm; text-align: left; }
table.links th { font-size: 9pt; background: #eee; height: auto; }
table.links td.row { width: 9mm; font-size: 9pt; color: #333; }
.hint { font-size: 9pt; margin: 1mm 0 0 9mm; }
.offered { font-size: 9pt; white-space: nowrap; margin-left: 1mm; }
ul.options.inline li { display: inline-block; margin-right: 6mm; }
.teacher { border: 3px double #000; padding: 2mm 3mm; margin: 0 0 3mm; text-align: center;
  font-weight: bold; letter-spacing: 0.04em; }
.why { margin: 1mm 0 0 9mm; font-size: 9.5pt; }
.right { font-weight: bold; }
.about { margin: 0.5mm 0 0 9mm; font-size: 8.5pt; color: #333; }
.total { font-weight: bold; }
.beside { display: flex; gap: 4mm; align-items: flex-start; break-inside: avoid; page-break-inside: avoid; }
.beside figure.diagram { flex: 0 0 auto; }
.beside figcaption { width: 0; min-width: 100%; }
.beside .notes { flex: 1; min-width: 0; margin-top: 2mm; }
.beside ul.statements, .beside ul.options.links { columns: 1; }
.beside .item { border-bottom: none; }
ul.options.links { columns: 2; column-gap: 6mm; }
ul.options.links li { break-inside: avoid; }
@media print {
  body { max-width: none; padding: 0; }
}
"""


def _page_css(paper: Paper) -> str:
    size = PAPERS[paper]
    margins = " ".join(f"{m:g}mm" for m in size.margins_mm)
    width = size.width_mm - size.margins_mm[1] - size.margins_mm[3]
    return (
        f"@page {{ size: {size.css} portrait; margin: {margins};\n"
        '  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt sans-serif; } }\n'
        f"body {{ max-width: {width + 8:g}mm; }}\n"
    )


_KEY_CSS = """\
@page { @top-center { content: "ANSWER KEY \\2014  for the teacher, not for students";
  font: bold 9pt sans-serif; } }
"""

_XML_PROLOG = re.compile(r"<\?xml.*?\?>", re.DOTALL)
_DOCTYPE = re.compile(r"<!DOCTYPE[^>\[]*(\[.*?\])?\s*>", re.DOTALL | re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_SVG_OPEN = re.compile(r"<svg\b[^>]*>", re.DOTALL)
_SIZE = re.compile(r'\s(width|height)="([0-9.]+)[a-z]*"')
# Shared choices no longer than this (in characters) are listed along a line, not one a line.
_SHORT_CHOICE = 40
_PRINTED_WIDTH = re.compile(r'<svg[^>]* style="width: ([0-9.]+)pt"')
# A figure printed at most this share of the page's width has its notes (how to read it, its
# statements) printed beside it rather than under it.
_BESIDE_SHARE = 0.6
_BESIDE_OPEN, _BESIDE_CLOSE = '<div class="beside">{figure}<div class="notes">{notes}', "</div></div>"
# The kinds whose items each draw a compact figure of their own, made to print beside the item.
_OWN_FIGURE_KINDS = frozenset({"find-flaw", "fill-gap"})
_FONT_SIZE = re.compile(r'font-size(?:="|:\s*)([0-9.]+)')


@functools.lru_cache(maxsize=64)
def _default_svg(dot: str) -> str:
    # Cached: the sheet, its key and small_figures lay out the same figures.
    from argmap.render import layout

    return layout(dot, "svg").decode("utf-8")


def svg_for_page(svg: str, prefix: str, label: str, *, paper: Paper | None = None) -> str:
    r"""SVG text made fit to embed in an HTML page: no prolog, doctype or comments, scaled to the page width.

    The fixed ``width``/``height`` give way to a ``viewBox`` (so the drawing
    scales with the page), and every id (and each ``#id`` reference) gets
    ``prefix``, so that two diagrams on one page do not share ids.

    Args:
        svg: SVG text, as a layout engine writes it.
        prefix: Put before every id, e.g. ``"p1-d1"``.
        label: The drawing's accessible name (its caption).
        paper: Size the drawing for this paper (see
            :func:`~argmap.exercises.layout.figure_scale`: the page's width and
            a share of its height, its smallest text at least 8 pt); by
            default it keeps its natural size at most.

    Raises:
        ExerciseError: the text holds no ``<svg>`` element.

    Examples:
        >>> raw = ('<?xml version="1.0"?>\n<!-- made by hand -->\n'
        ...        '<svg width="80pt" height="40pt"><g id="a"/></svg>')
        >>> print(svg_for_page(raw, "d1", "A & B").replace("><", ">\n<"))
        <svg role="img" aria-label="A &amp; B" viewBox="0 0 80 40" style="max-width: 80pt">
        <g id="d1-a"/>
        </svg>
        >>> big = '<svg width="900pt" height="300pt"><text font-size="20">A</text></svg>'
        >>> svg_for_page(big, "d1", "B", paper="a4").split(">")[0]
        '<svg role="img" aria-label="B" viewBox="0 0 900 300" style="width: 527.2pt"'
    """
    text = _COMMENT.sub("", _DOCTYPE.sub("", _XML_PROLOG.sub("", svg))).strip()
    opening = _SVG_OPEN.search(text)
    if opening is None:
        raise ExerciseError(f"diagram {label!r}: the layout gave no <svg> element")
    tag = " ".join(opening.group(0).split())
    sizes = dict(_SIZE.findall(tag))
    tag = _SIZE.sub("", tag)
    if "viewBox" not in tag and "width" in sizes and "height" in sizes:
        tag = tag[:-1].rstrip("/") + f' viewBox="0 0 {sizes["width"]} {sizes["height"]}">'
    if "width" in sizes and "height" in sizes and paper is not None:
        fonts = [float(size) for size in _FONT_SIZE.findall(text)]
        width, height = float(sizes["width"]), float(sizes["height"])
        scale = figure_scale(width, height, min(fonts, default=0.0), paper)
        # Rounded down: never a hair wider than the page.
        tag = tag[:-1].rstrip("/") + f' style="width: {math.floor(width * scale * 10) / 10:.1f}pt">'
    elif "width" in sizes:
        # Never drawn larger than Graphviz made it: a three-box diagram blown
        # up to the page width would print its text at headline size.
        tag = tag[:-1].rstrip("/") + f' style="max-width: {sizes["width"]}pt">'
    tag = tag.replace("<svg", f'<svg role="img" aria-label="{escape(label)}"', 1)
    text = text[opening.start() :].replace(opening.group(0), tag, 1)
    text = re.sub(r'(?<=\s)id="([^"]*)"', rf'id="{prefix}-\1"', text)
    text = re.sub(r"url\(#([^)]*)\)", rf"url(#{prefix}-\1)", text)
    return re.sub(r'href="#([^"]*)"', rf'href="#{prefix}-\1"', text)


def _tag(text: str) -> str:
    return f'<span class="tag">{escape(text)}</span>'


def _choice_line(choice: Choice, right: bool) -> str:
    mark = ' class="right"' if right else ""
    shown = "" if choice.text == choice.id else " " + escape(choice.text)
    tick = " ✓" if right else ""
    return f"<li{mark}>{_tag(choice.id)}{shown}{tick}</li>"


def _answer_label(item: Item) -> str:
    if item.answer_type == "choice":
        return "Answer:"
    if all(re.fullmatch(r"L\d+", c.id) for c in item.choices):
        return "Name the links:"
    return "All that apply:"


def _links_table(placed: ItemLayout, key: bool) -> Iterator[str]:
    rows = [(k.source, k.kind, k.target) for k in placed.item.key_links] if key else []
    total = len(rows) if key else placed.blank_rows
    yield '<table class="links"><thead><tr><th></th><th>source</th><th>kind</th><th>target</th></tr></thead>'
    yield "<tbody>"
    for n in range(total):
        cells = rows[n] if n < len(rows) else ("", "", "")
        yield f'<tr><td class="row">{n + 1}</td>' + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>"
    if key and not rows:
        yield '<tr><td class="row"></td><td colspan="3">(no links)</td></tr>'
    yield "</tbody></table>"
    yield f'<p class="hint">kind: {STANCES_SAID}</p>'


def _item(placed: ItemLayout, *, key: bool, shared: bool) -> Iterator[str]:
    item = placed.item
    joiner = " or " if item.answer_type == "choice" else ", "
    filled = escape(joiner.join(item.key)) if key else ""
    # One letter to write: its box stands on the prompt's line, saving a line per item.
    inline = (
        f'<span class="answer"><span>{_answer_label(item)}</span><span class="box">{filled}</span></span>'
        if item.answer_type == "choice"
        else ""
    )
    # The letters an item offers from its part's pool end its prompt's line.
    offered = (
        ' <span class="offered">Choose from: '
        + " ".join(
            f'<span class="right">{_tag(t)} ✓</span>' if t in placed.right else _tag(t)
            for t in placed.offered
        )
        + "</span>"
        if placed.offered
        else ""
    )
    yield f'<section class="item" id="item-{escape(item.id)}">'
    yield (
        f'<div class="head"><span class="number">{escape(item.id)}.</span>'
        f'<span class="prompt">{escape(item.prompt)}{offered}</span>{inline}'
        f'<span class="points">({points(item.points)})</span></div>'
    )
    if item.answer_type == "links":
        if placed.listed_under is not None:
            where = escape(placed.listed_under)
            yield f'<p class="hint">The statements are those listed under Figure {where}.</p>'
        elif placed.choices:
            yield '<ul class="options nodes">'
            yield from (_choice_line(c, False) for c in placed.choices)
            yield "</ul>"
        yield from _links_table(placed, key)
    else:
        if placed.choices:
            # Links named by their ends are short: two columns of them.
            yield (
                '<ul class="options links">'
                if _answer_label(item) == "Name the links:"
                else '<ul class="options">'
            )
            for choice in placed.choices:
                yield _choice_line(choice, choice.id in placed.right)
            yield "</ul>"
        named = ""
        if key and (shared or placed.offered):
            texts = [item.choice(k).text for k in item.key if item.choice(k).text != k]
            named = f"<span>{escape('; '.join(texts))}</span>" if texts else ""
        if item.answer_type != "choice":
            yield (
                f'<div class="answer"><span>{_answer_label(item)}</span>'
                f'<span class="line">{filled}</span>{named}</div>'
            )
        elif named:
            yield f'<p class="why">{filled}: {named}</p>'
    if key:
        if placed.any_one_right:
            yield '<p class="why">Any one of these is right.</p>'
        if item.explanation:
            yield f'<p class="why"><strong>Why:</strong> {escape(item.explanation)}</p>'
        if item.elements:
            yield f'<p class="about">Map elements: {escape(", ".join(item.elements))}</p>'
    yield "</section>"


def _diagram(
    diagram: Diagram, prefix: str, sheet: SheetLayout, svg: Callable[[str], str], paper: Paper
) -> tuple[str, str]:
    """A diagram's figure, and the notes printed under it (how to read it, its statements)."""
    if diagram.id in sheet.same_drawing:
        # Drawn already: half a page saved for one line.
        said = f"Figure {diagram.id}: {diagram.caption}" if diagram.caption else f"Figure {diagram.id}"
        earlier = sheet.same_drawing[diagram.id]
        return (
            f'<p class="same-drawing">{escape(said)}, is the same drawing as Figure {escape(earlier)}.</p>',
            "",
        )
    drawing = svg_for_page(svg(diagram.dot), prefix, diagram.caption, paper=paper)
    # Named by id, as the prompts name them ("Figure 2 shows...").
    caption = f"Figure {diagram.id}: {diagram.caption}" if diagram.caption else f"Figure {diagram.id}"
    notes = ""
    if diagram.reading and diagram.id not in sheet.same_reading:
        notes += f'<p class="reading">{escape(diagram.reading).replace(chr(10), "<br>")}</p>'
    if diagram.id in sheet.same_statements:
        earlier = escape(sheet.same_statements[diagram.id])
        notes += f'<p class="reading">The statements are those listed under Figure {earlier}.</p>'
    elif diagram.statements:
        rows = "".join(f"<li>{_tag(c.id)} {escape(c.text)}</li>" for c in diagram.statements)
        notes += f'<ul class="statements">{rows}</ul>'
    # Portrait pages only: a wide drawing is scaled to the page's width.
    figure = (
        f'<figure class="diagram" id="{escape(prefix)}">{drawing}'
        f"<figcaption>{escape(caption)}</figcaption></figure>"
    )
    printed = _PRINTED_WIDTH.search(drawing)
    if (
        notes
        and printed is not None
        and float(printed.group(1)) <= _BESIDE_SHARE * PAPERS[paper].content_pt[0]
    ):
        # A narrow drawing has its notes beside it, not under it: the page's height is what runs out.
        return _BESIDE_OPEN.format(figure=figure, notes=notes) + _BESIDE_CLOSE, ""
    return figure, notes


def _part(
    placed: PartLayout, sheet: SheetLayout, *, key: bool, svg: Callable[[str], str], paper: Paper
) -> Iterator[str]:
    number, part = placed.number, placed.part
    figures = [_diagram(d, f"p{number}-{d.id}", sheet, svg, paper) for d in placed.diagrams]
    yield f'<section class="part" id="part-{number}">'
    # The heading and instructions print on one page with what they introduce
    # first: the part's first figure, or its choices and first item.
    yield '<div class="opening">'
    subtotal = f" <small>({placed.subtotal})</small>" if placed.subtotal else ""
    yield f"<h2>Part {number}. {escape(part.title)}{subtotal}</h2>"
    if part.instructions:
        yield f'<p class="instructions">{escape(part.instructions)}</p>'
    opened = True
    if figures or placed.sentences:
        if figures:
            yield figures[0][0]
        yield "</div>"
        opened = False
    if figures:
        yield figures[0][1]
    for figure, notes in figures[1:]:
        yield figure + notes
    if placed.sentences:
        yield '<ol class="sentences">'
        for sentence in placed.sentences:
            yield f"<li>{_tag(sentence.id)} {escape(sentence.text)}</li>"
        yield "</ol>"
    if placed.shared_choices is not None:
        # A few short choices (sides, kinds of link) run along one line.
        short = all(len(c.text) <= _SHORT_CHOICE for c in placed.shared_choices)
        listed = '<ul class="options inline">' if short else '<ul class="options">'
        yield f'<div class="choices"><h3>Choices for every item of this part</h3>{listed}'
        for choice in placed.shared_choices:
            yield _choice_line(choice, False)
        yield "</ul></div>"
    if placed.pooled_under is not None:
        where = escape(placed.pooled_under)
        yield (
            f'<p class="reading">The choices are statements listed under Figure {where};'
            " each item names the ones it offers.</p>"
        )
    elif placed.pooled_choices is not None:
        # A long pool may run on to the next page between two of its choices.
        yield '<div class="choices pool"><h3>The choices of this part (each item names its own)</h3>'
        yield '<ul class="options">'
        for choice in placed.pooled_choices:
            yield _choice_line(choice, False)
        yield "</ul></div>"
    for item in placed.items:
        drawn = [_diagram(d, f"p{number}-{d.id}", sheet, svg, paper) for d in item.diagrams]
        own = placed.part.kind in _OWN_FIGURE_KINDS
        if len(drawn) == 1 and own and drawn[0][0].startswith('<div class="beside">'):
            # An item's own narrow figure (find-flaw, fill-gap): the item goes beside it too, under
            # the figure's notes. Not the first item under a figure of the debate (an issue at a
            # time): its answer box on the prompt's line does not fit beside a figure.
            yield drawn[0][0].removesuffix(_BESIDE_CLOSE)
            yield from _item(item, key=key, shared=placed.shared)
            yield _BESIDE_CLOSE
        else:
            yield from ("".join(figure) for figure in drawn)
            yield from _item(item, key=key, shared=placed.shared)
        if opened:
            yield "</div>"
            opened = False
    if opened:
        yield "</div>"
    yield "</section>"


def _lines(sheet: SheetLayout, svg: Callable[[str], str], paper: Paper) -> Iterator[str]:
    key = sheet.key
    title = f"Answer key: {sheet.title}" if key else sheet.title
    yield "<!DOCTYPE html>"
    yield '<html lang="en">'
    yield "<head>"
    yield '<meta charset="utf-8">'
    yield '<meta name="viewport" content="width=device-width, initial-scale=1">'
    yield f"<title>{escape(title)}</title>"
    yield "<style>"
    yield _page_css(paper) + _CSS + (_KEY_CSS if key else "")
    yield "</style>"
    yield "</head>"
    yield f'<body class="{"teacher-copy" if key else "student-copy"}">'
    yield "<header>"
    if key:
        yield '<p class="teacher">ANSWER KEY &#8212; for the teacher; do not hand out</p>'
    yield f"<h1>{escape(sheet.title)}</h1>"
    if sheet.made_from is not None:
        yield f'<p class="meta">{escape(sheet.summary)}. Made from {escape(sheet.made_from)}.</p>'
        yield f'<p class="total">Total: {points(sheet.total)}</p>'
    else:
        yield f'<p class="meta">{escape(sheet.summary)}.</p>'
        yield (
            '<div class="student"><span>Name:</span><span>Date:</span>'
            f'<span class="score">Score: ______ / {sheet.total}</span></div>'
        )
    yield "</header>"
    yield "<main>"
    for part in sheet.parts:
        yield from _part(part, sheet, key=key, svg=svg, paper=paper)
    yield "</main>"
    yield "</body>"
    yield "</html>"


def worksheet_html(
    ex: Exercise, *, key: bool = False, svg: Callable[[str], str] | None = None, paper: Paper = "a4"
) -> str:
    """The exercise as a self-contained printable HTML page.

    Args:
        ex: The exercise.
        key: Make the teacher's answer key (right answers filled in, with
            explanations) instead of the students' worksheet.
        svg: Lays out a diagram's DOT text as SVG text; default
            :func:`argmap.render.layout` with the first available engine.
        paper: The paper it prints on, ``"a4"`` or ``"letter"`` (portrait):
            the page's ``@page`` size, and each diagram sized to fit it.

    Returns:
        The page as text (UTF-8 when written), the same for the same arguments.

    Raises:
        EngineNotFoundError: a part has diagrams and no layout engine is available.
        RenderError: Graphviz failed on a diagram.
        ExerciseError: ``svg`` gave something that is not SVG, or ``paper`` is
            not one argmap knows.

    Examples:
        >>> from argmap.exercises.model import Diagram, Exercise, Part
        >>> part = Part(kind="reconstruct", title="Draw", instructions="",
        ...             diagrams=[Diagram(id="d1", caption="Map", dot="digraph {}")])
        >>> ex = Exercise(title="T", map_id="m", map_title="M", seed=0, difficulty=1, parts=[part])
        >>> page = worksheet_html(ex, svg=lambda dot: '<svg width="10pt" height="5pt"></svg>')
        >>> '<svg role="img" aria-label="Map" viewBox="0 0 10 5" style="width: 10.0pt"></svg>' in page
        True
    """
    if paper not in PAPERS:
        raise ExerciseError(f"paper {paper!r}: choose one of {', '.join(PAPERS)}")
    return "\n".join(_lines(layout(ex, key=key), svg or _default_svg, paper)) + "\n"


def small_figures(ex: Exercise, *, svg: Callable[[str], str] | None = None, paper: Paper = "a4") -> list[str]:
    """What the worksheet prints too small to read: one line per figure whose text prints under 8 pt.

    A figure wider than the page at 8 pt is shrunk to the page's width (see
    :func:`~argmap.exercises.layout.figure_scale`), and its text prints
    smaller: a worksheet of a large debate without ``--issue``, or of an
    issue with many reasons side by side. Each figure printed is measured
    once (a drawing shared by two parts is printed once).

    Args:
        ex: The exercise.
        svg: Lays out a diagram's DOT text as SVG text (as for :func:`worksheet_html`).
        paper: The paper it prints on.

    Returns:
        ``Figure 2 (its caption) prints its smallest text at 2.5 pt``, one per
        such figure, in worksheet order; empty when every figure reads.

    Examples:
        >>> from argmap.exercises.model import Diagram, Exercise, Part
        >>> drawings = [Diagram(id=d, caption="Map", dot=d) for d in ("1", "2")]
        >>> part = Part(kind="reconstruct", title="Draw", instructions="", diagrams=drawings)
        >>> ex = Exercise(title="T", map_id="m", map_title="M", seed=0, difficulty=1, parts=[part])
        >>> sizes = {"1": "200pt", "2": "2600pt"}
        >>> fake = lambda dot: f'<svg width="{sizes[dot]}" height="90pt"><text font-size="9"/></svg>'
        >>> small_figures(ex, svg=fake)
        ['Figure 2 (Map) prints its smallest text at 1.8 pt']
    """
    sheet = layout(ex)
    found = []
    for drawing in sheet.diagrams():
        if drawing.id in sheet.same_drawing:
            continue
        size = printed_text_pt((svg or _default_svg)(drawing.dot), paper)
        if size is not None and size < LEGIBLE_PT:
            caption = f" ({drawing.caption})" if drawing.caption else ""
            found.append(f"Figure {drawing.id}{caption} prints its smallest text at {size:.1f} pt")
    return found
