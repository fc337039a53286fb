r"""An exercise as Markdown: the worksheet or its answer key, to paste into an LMS page or a README.

It has the content of :func:`argmap.exercises.html.worksheet_html` in plain
CommonMark. Markdown cannot draw a diagram, so each diagram appears as its
caption followed by its DOT text in a fenced ``dot`` block: renderers with a
Graphviz extension (GitLab with Kroki, many wikis and note apps) draw it, and
elsewhere a teacher can paste it into any Graphviz viewer, or replace the
block with the image from the HTML worksheet. The text students read is
escaped, so that a ``*`` or a ``<script>`` in a claim stays literal text.

Examples:
    >>> from argmap.exercises.model import Choice, Exercise, Item, Part
    >>> item = Item(id="1", prompt="Who holds *A*?", key=["B"],
    ...             choices=[Choice(id="A", text="Pro"), Choice(id="B", text="Con")],
    ...             explanation="A is held by Con.")
    >>> ex = Exercise(title="Uniforms", map_id="u", map_title="Uniforms", seed=1, difficulty=1,
    ...               parts=[Part(kind="sort-by-side", title="Sides", instructions="Say who.", items=[item])])
    >>> text = worksheet_markdown(ex)
    >>> print(text.splitlines()[0])
    # Uniforms
    >>> "Who holds \\*A\\*?" in text, "held by Con" in text
    (True, False)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from argmap.exercises.layout import ItemLayout, PartLayout, SheetLayout, layout, points
from argmap.exercises.model import Choice, Diagram, Exercise
from argmap.exercises.vocabulary import STANCES_SAID

__all__ = ["md_escape", "worksheet_markdown"]

_INLINE = re.compile(r"([\\`*_\[\]<>#|&~!])")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))")


def md_escape(text: str) -> str:
    r"""Plain text made literal in Markdown: one line, its markup characters backslash-escaped.

    Examples:
        >>> md_escape("<b>A & B</b>")
        '\\<b\\>A \\& B\\</b\\>'
        >>> md_escape("1. not a list")
        '1\\. not a list'
    """
    one_line = " ".join(text.split())
    escaped = _INLINE.sub(r"\\\1", one_line)
    found = _LINE_START.match(escaped)
    if found is None:
        return escaped
    mark = found.group(2)
    if mark.isdigit():
        end = found.end()
        return escaped[:end] + "\\" + escaped[end:]
    return escaped[: found.start(2)] + "\\" + escaped[found.start(2) :]


def _blank(n: int) -> str:
    """A line to write on: ``n`` escaped underscores (bare ones would read as emphasis)."""
    return "\\_" * n


def _choice(choice: Choice, right: bool) -> str:
    shown = "" if choice.text == choice.id else f": {md_escape(choice.text)}"
    tick = " ✓" if right else ""
    return f"- **{md_escape(choice.id)}**{shown}{tick}"


def _fence(text: str) -> str:
    """A backtick fence longer than any run of backticks inside ``text``."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def _item(placed: ItemLayout, *, key: bool) -> Iterator[str]:
    item = placed.item
    yield f"**{md_escape(item.id)}.** {md_escape(item.prompt)} *({points(item.points)})*"
    yield ""
    if item.answer_type == "links":
        if placed.listed_under is not None:
            yield f"The statements are those listed under Figure {md_escape(placed.listed_under)}."
            yield ""
        elif placed.choices:
            yield "Nodes:"
            yield ""
            yield from (_choice(c, False) for c in placed.choices)
            yield ""
        yield f"| | source | kind ({STANCES_SAID}) | target |"
        yield "|---|---|---|---|"
        if key:
            for n, link in enumerate(item.key_links, start=1):
                yield f"| {n} | {md_escape(link.source)} | {link.kind} | {md_escape(link.target)} |"
            if not item.key_links:
                yield "| | (no links) | | |"
        else:
            for n in range(1, placed.blank_rows + 1):
                yield f"| {n} | | | |"
        yield ""
    else:
        if placed.choices:
            yield from (_choice(c, c.id in placed.right) for c in placed.choices)
            yield ""
        elif placed.offered:
            offered = ", ".join(
                f"**{md_escape(t)}**{' ✓' if t in placed.right else ''}" for t in placed.offered
            )
            yield f"Choose from: {offered}"
            yield ""
        label = "Answer" if item.answer_type == "choice" else "Answers (all that apply)"
        if key:
            yield f"{label}: **{md_escape(item.key_text)}**"
        else:
            yield f"{label}: {_blank(10)}"
        yield ""
    if key:
        if placed.any_one_right:
            yield "Any one of these is right."
            yield ""
        if item.explanation:
            yield f"> *Why:* {md_escape(item.explanation)}"
            yield ""


def _diagram(diagram: Diagram, sheet: SheetLayout) -> Iterator[str]:
    # Named by id, as the prompts name them ("Figure 2 shows...").
    caption = f": {md_escape(diagram.caption)}" if diagram.caption else ""
    if diagram.id in sheet.same_drawing:
        earlier = md_escape(sheet.same_drawing[diagram.id])
        yield f"**Figure {md_escape(diagram.id)}{caption}** is the same drawing as Figure {earlier}."
        yield ""
        return
    yield f"**Figure {md_escape(diagram.id)}{caption}** (Graphviz DOT; draw it with any Graphviz viewer)"
    yield ""
    fence = _fence(diagram.dot)
    yield f"{fence}dot"
    yield diagram.dot.rstrip("\n")
    yield fence
    yield ""
    if diagram.reading and diagram.id not in sheet.same_reading:
        yield f"*{md_escape(diagram.reading)}*"
        yield ""
    if diagram.id in sheet.same_statements:
        yield f"The statements are those listed under Figure {md_escape(sheet.same_statements[diagram.id])}."
        yield ""
    elif diagram.statements:
        yield from (f"- **{md_escape(c.id)}** {md_escape(c.text)}" for c in diagram.statements)
        yield ""


def _part(placed: PartLayout, sheet: SheetLayout, *, key: bool) -> Iterator[str]:
    part = placed.part
    subtotal = f" ({placed.subtotal})" if placed.subtotal else ""
    yield f"## Part {placed.number}. {md_escape(part.title)}{subtotal}"
    yield ""
    if part.instructions:
        yield f"*{md_escape(part.instructions)}*"
        yield ""
    for diagram in placed.diagrams:
        yield from _diagram(diagram, sheet)
    if placed.sentences:
        yield from (f"- **{md_escape(s.id)}** {md_escape(s.text)}" for s in placed.sentences)
        yield ""
    if placed.shared_choices is not None:
        yield "Choices for every item of this part:"
        yield ""
        yield from (_choice(c, False) for c in placed.shared_choices)
        yield ""
    if placed.pooled_under is not None:
        where = md_escape(placed.pooled_under)
        yield f"The choices are statements listed under Figure {where}; each item names the ones it offers."
        yield ""
    elif placed.pooled_choices is not None:
        yield "The choices of this part (each item names its own):"
        yield ""
        yield from (_choice(c, False) for c in placed.pooled_choices)
        yield ""
    for item in placed.items:
        for diagram in item.diagrams:
            yield from _diagram(diagram, sheet)
        yield from _item(item, key=key)


def _lines(sheet: SheetLayout) -> Iterator[str]:
    yield f"# {md_escape(sheet.title)}"
    yield ""
    summary = f"{sheet.summary}."
    if sheet.made_from is not None:
        yield "**ANSWER KEY: for the teacher; do not hand out.**"
        yield ""
        yield md_escape(f"{summary} Made from {sheet.made_from}.")
    else:
        yield summary
        yield ""
        yield f"Name: {_blank(12)} Date: {_blank(8)} Score: {_blank(3)} / {sheet.total}"
    yield ""
    for part in sheet.parts:
        yield from _part(part, sheet, key=sheet.key)


def worksheet_markdown(ex: Exercise, *, key: bool = False) -> str:
    """The exercise as Markdown text: the worksheet, or with ``key`` the answer key.

    Args:
        ex: The exercise.
        key: Fill in the right answers and explanations, under an
            "ANSWER KEY" banner.

    Returns:
        CommonMark text ending in one newline; the same for the same arguments.

    Examples:
        >>> from argmap.exercises.model import Choice, Exercise, Item, Part
        >>> item = Item(id="1", prompt="?", choices=[Choice(id="A", text="yes")], key=["A"])
        >>> ex = Exercise(title="T", map_id="m", map_title="M", seed=0, difficulty=1,
        ...               parts=[Part(kind="fill-gap", title="Gaps", instructions="", items=[item])])
        >>> "Answer: **A (yes)**" in worksheet_markdown(ex, key=True)
        True
    """
    # A DOT block is long text rather than a picture: a part's blocks stay together at its head.
    lines = list(_lines(layout(ex, key=key, diagrams_by_item=False)))
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"
