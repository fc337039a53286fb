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

from argmap.exercises.model import Choice, Exercise, Item, Part
from argmap.exercises.registry import DIFFICULTIES

__all__ = ["md_escape", "worksheet_markdown"]

_LEVELS = {number: name for name, number in DIFFICULTIES.items()}
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


def _points(n: int) -> str:
    return f"{n} point" if n == 1 else f"{n} points"


def _choice(choice: Choice, right: bool) -> str:
    shown = "" if choice.text == choice.id else f": {md_escape(choice.text)}"
    tick = " ✓" if right else ""
    return f"- **{md_escape(choice.id)}**{shown}{tick}"


def _fence(text: str) -> str:
    """A backtick fence longer than any run of backticks inside ``text``."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def _item(item: Item, *, key: bool, shared: bool, listed: bool = False) -> Iterator[str]:
    yield f"**{md_escape(item.id)}.** {md_escape(item.prompt)} *({_points(item.points)})*"
    yield ""
    if item.answer_type == "links":
        if listed:
            yield f"The statements are those listed under diagram {md_escape(str(item.diagram))}."
            yield ""
        elif item.choices:
            yield "Nodes:"
            yield ""
            yield from (_choice(c, False) for c in item.choices)
            yield ""
        yield "| | source | kind (supports, attacks or undercuts) | target |"
        yield "|---|---|---|---|"
        if key:
            for n, link in enumerate(item.key_links, start=1):
                yield f"| {n} | {md_escape(link.source)} | {link.kind} | {md_escape(link.target)} |"
            if not item.key_links:
                yield "| | (no links) | | |"
        else:
            for n in range(1, max(3, len(item.choices)) + 1):
                yield f"| {n} | | | |"
        yield ""
    else:
        if not shared:
            yield from (_choice(c, key and c.id in item.key) for c in item.choices)
            yield ""
        label = "Answer" if item.answer_type == "choice" else "Answers (all that apply)"
        if key:
            yield f"{label}: **{md_escape(item.key_text)}**"
        else:
            yield f"{label}: {_blank(10)}"
        yield ""
    if key:
        if item.answer_type == "choice" and len(item.key) > 1:
            yield "Any one of these is right."
            yield ""
        if item.explanation:
            yield f"> *Why:* {md_escape(item.explanation)}"
            yield ""


def _part(part: Part, number: int, *, key: bool) -> Iterator[str]:
    points = sum(item.points for item in part.items)
    subtotal = f" ({_points(points)})" if part.items else ""
    yield f"## Part {number}. {md_escape(part.title)}{subtotal}"
    yield ""
    if part.instructions:
        yield f"*{md_escape(part.instructions)}*"
        yield ""
    for diagram in part.diagrams:
        # Named by id, as the prompts name them ("Diagram d2 shows...").
        caption = f": {md_escape(diagram.caption)}" if diagram.caption else ""
        yield f"**Diagram {md_escape(diagram.id)}{caption}** (Graphviz DOT; draw it with any Graphviz viewer)"
        yield ""
        fence = _fence(diagram.dot)
        yield f"{fence}dot"
        yield diagram.dot.rstrip("\n")
        yield fence
        yield ""
        if diagram.reading:
            yield f"*{md_escape(diagram.reading)}*"
            yield ""
        if diagram.statements:
            yield from (f"- **{md_escape(c.id)}** {md_escape(c.text)}" for c in diagram.statements)
            yield ""
    if part.sentences:
        yield from (f"- **{md_escape(s.id)}** {md_escape(s.text)}" for s in part.sentences)
        yield ""
    shared = part.shared_choices
    # The numbered sentences above are the choices already: no second list.
    if shared is not None and not part.choices_are_sentences:
        yield "Choices for every item of this part:"
        yield ""
        yield from (_choice(c, False) for c in shared)
        yield ""
    for item in part.items:
        yield from _item(item, key=key, shared=shared is not None, listed=part.lists_choices(item))


def _lines(ex: Exercise, key: bool) -> Iterator[str]:
    yield f"# {md_escape(ex.title)}"
    yield ""
    count = len(ex.items)
    summary = f"{count} item{'' if count == 1 else 's'}, {_points(ex.total_points)} in all."
    if key:
        yield "**ANSWER KEY: for the teacher; do not hand out.**"
        yield ""
        scope = f"; issues: {', '.join(ex.scope)}" if ex.scope else ""
        level = _LEVELS.get(ex.difficulty, str(ex.difficulty))
        yield md_escape(f"{summary} Made from map {ex.map_id}, seed {ex.seed}, difficulty {level}{scope}.")
    else:
        yield summary
        yield ""
        yield f"Name: {_blank(12)} Date: {_blank(8)} Score: {_blank(3)} / {ex.total_points}"
    yield ""
    for number, part in enumerate(ex.parts, start=1):
        yield from _part(part, number, key=key)


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
    lines = list(_lines(ex, key))
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"
