r"""An exercise as a Moodle quiz: questions in the GIFT format.

What fits a quiz becomes a question, named after its item (``::Q3::``) so
that a quiz report lines up with the worksheet:

- a ``choice`` item becomes a multiple-choice question with one answer to
  pick: ``=`` marks each right choice (any one of them earns full marks, as
  when grading the exercise) and ``~`` each wrong one;
- a ``choices`` item becomes a multiple-choice question with several answers
  to tick: GIFT's weighted form, right choices sharing 100% (``~%50%``) and
  each wrong one ``~%-100%``, so only exactly the key earns full marks;
- ``links`` items, and every part of a kind the registry marks as not fit for
  a quiz, are left out with a ``// skipped: ...`` comment saying why.

With ``matching=True``, a part whose items all offer the same choices and have
one right answer each (sort-by-side, match-principles) becomes one matching
question ``{=prompt -> choice ...}`` instead, when it has the three pairs a
matching question needs; matching has no per-answer feedback, so the
explanations are lost there.

Each question's text is the item's prompt; a part's title and instructions go
in a comment line before its questions (they speak of writing letters on a
sheet, which does not fit a quiz). A question whose item refers to a diagram
says to look at it on the printed worksheet, as GIFT cannot carry images.
Every answer's feedback (``#...``) is the item's explanation. Text is escaped
as Moodle's GIFT importer reads it (:func:`gift_escape`): a backslash before
each of ``~ = # { } :`` and before a backslash, ``\n`` for a line break,
``& < >`` as HTML entities (Moodle shows the texts as HTML), no control
characters. The file starts with a
``$CATEGORY:`` line that files the questions under the map and seed.

Examples:
    >>> from argmap.exercises.model import Choice, Exercise, Item, Part
    >>> item = Item(id="1", prompt="Is 1+1=2?", key=["y"], explanation="Sums: 1+1=2.",
    ...             choices=[Choice(id="y", text="yes"), Choice(id="n", text="no")])
    >>> ex = Exercise(title="Sums", map_id="sums", map_title="Sums", seed=1, difficulty=1,
    ...               parts=[Part(kind="sort-by-side", title="Add", instructions="Add up.", items=[item])])
    >>> print(to_gift(ex))
    // Sums
    $CATEGORY: $course$/argmap/sums seed 1
    <BLANKLINE>
    // Part 1. Add: Add up.
    ::Q1::Is 1+1\=2?{
        =yes#Sums\: 1+1\=2.
        ~no#Sums\: 1+1\=2.
    }
    <BLANKLINE>
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from argmap.exercises.model import Choice, Exercise, Item, Part
from argmap.exercises.registry import KINDS

__all__ = ["gift_escape", "to_gift"]

# Moodle rejects a weight that is not one of its grade options; these are the
# even shares of 100% it offers, by the number of right answers.
_SHARES = {
    1: "100",
    2: "50",
    3: "33.33333",
    4: "25",
    5: "20",
    6: "16.66667",
    7: "14.28571",
    8: "12.5",
    9: "11.11111",
    10: "10",
    20: "5",
}
_SPECIAL = re.compile(r"([\\~=#{}:])")
# Control characters (C0 but tab and line breaks, DEL, C1) and lone surrogates never reach the file.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_LINE_BREAKS = re.compile("\r\n|[\r\n\u2028\u2029\x85]")


def gift_escape(text: str, *, guard: bool = True, html: bool = True) -> str:
    r"""Text made literal in GIFT, as Moodle's importer reads it back.

    Moodle's GIFT reader takes ``\`` before each of ``~ = # { } :`` and before
    a backslash as that character, and ``\n`` as a line break. Question,
    answer and feedback texts are then shown as HTML (Moodle's default text
    format), so with ``html`` the characters ``& < >`` become entities: a map
    text such as ``<b>`` or ``a -> b`` shows as written instead of being read
    as markup. Control characters are dropped, tabs become spaces, and every
    kind of line break becomes ``\n``.

    With ``guard`` (for question, answer and feedback texts), a text that
    starts with ``[`` gets the ``[moodle]`` format marker in front, since
    Moodle would otherwise read an ``[html]``-like opening as a format; names
    and matching answers take no format, so they need no guard.

    Examples:
        >>> print(gift_escape("a=b {c} ~d #e: f\\g"))
        a\=b \{c\} \~d \#e\: f\\g
        >>> print(gift_escape("two\nlines"))
        two\nlines
        >>> print(gift_escape("[html] <b>x</b> & y -> z"))
        [moodle][html] &lt;b&gt;x&lt;/b&gt; &amp; y -&gt; z
        >>> print(gift_escape("bell\x07 tab\tend"))
        bell tab end
    """
    flat = _CONTROL.sub("", _LINE_BREAKS.sub("\n", text).replace("\t", " "))
    lines = [line.strip() for line in flat.strip().split("\n")]
    if html:
        lines = [line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") for line in lines]
    escaped = "\\n".join(_SPECIAL.sub(r"\\\1", line) for line in lines)
    return "[moodle]" + escaped if guard and escaped.startswith("[") else escaped


def _label(choice: Choice) -> str:
    """What a student reads for a choice: its text, or its id when it has none."""
    return gift_escape(choice.text if choice.text.strip() else choice.id)


def _feedback(item: Item) -> str:
    return f"#{gift_escape(item.explanation)}" if item.explanation.strip() else ""


def _question_text(item: Item, part: Part) -> str:
    text = item.prompt
    if item.diagram is not None:
        # GIFT cannot carry an image: the question points to the printed figure.
        text += f" (See Figure {item.diagram} on your worksheet.)"
    return gift_escape(text)


def _skip_reason(item: Item) -> str | None:
    if item.answer_type == "links":
        return f"item {item.id} asks to draw links, which a quiz question cannot take"
    if len(item.choices) < 2:
        return f"item {item.id} has fewer than two choices"
    if item.answer_type == "choice" and len(item.key) == len(item.choices):
        return f"item {item.id} has no wrong choice"
    if item.answer_type == "choices" and len(item.key) not in _SHARES:
        return f"item {item.id} has {len(item.key)} right choices, which Moodle cannot weight evenly"
    return None


def _weight_guard(text: str) -> str:
    # Moodle reads a leading %n% as a weight: a right answer's text is safe
    # after "=", but "~" answers need an explicit weight in front of such text.
    return "%0%" if re.match(r"%-?[0-9]", text) else ""


def _choice_question(item: Item, part: Part) -> Iterator[str]:
    yield f"::Q{gift_escape(item.id, guard=False)}::{_question_text(item, part)}{{"
    feedback = _feedback(item)
    share = _SHARES.get(len(item.key), "")
    for choice in item.choices:
        text = _label(choice)
        if item.answer_type == "choice":
            mark = "=" if choice.id in item.key else "~" + _weight_guard(text)
        else:
            mark = f"~%{share}%" if choice.id in item.key else "~%-100%"
        yield f"\t{mark}{text}{feedback}"
    yield "}"


def _matching(part: Part) -> bool:
    items = part.items
    if len(items) < 3 or any(item.answer_type != "choice" or len(item.key) != 1 for item in items):
        return False
    return all(item.choices == items[0].choices for item in items)


def _matching_question(part: Part) -> Iterator[str]:
    first, last = part.items[0].id, part.items[-1].id
    # The worksheet's instructions speak of writing letters: say what to do here instead.
    text = f"{part.title}: match each question with its answer."
    if part.diagrams:
        text += " (See the diagram on your worksheet.)"
    yield f"::Q{gift_escape(first, guard=False)}-{gift_escape(last, guard=False)}::{gift_escape(text)}{{"
    for item in part.items:
        # Moodle ends a matching prompt at its first "->", which no backslash
        # escapes; both sides are shown as HTML, so every ">" is "&gt;" anyway.
        prompt = gift_escape(item.prompt)
        answer = item.choice(item.key[0])
        shown = gift_escape(answer.text.strip() or answer.id, guard=False)
        yield f"\t={prompt} -> {shown}"
    yield "}"


def _part(part: Part, number: int, matching: bool) -> Iterator[list[str]]:
    """The blocks (questions or comment lines) of one part."""
    head = f"// Part {number}. {' '.join(part.title.split())}"
    if part.instructions.strip():
        head += f": {' '.join(part.instructions.split())}"
    registered = KINDS.get(part.kind)
    if registered is not None and not registered.quiz:
        yield [f"// skipped: part {number} ({part.kind}) does not fit a quiz"]
        return
    if matching and _matching(part):
        yield [head, *_matching_question(part)]
        return
    pending = [head]
    for item in part.items:
        reason = _skip_reason(item)
        if reason is not None:
            pending.append(f"// skipped: {reason}")
            continue
        yield [*pending, *_choice_question(item, part)]
        pending = []
    if pending:
        yield pending


def _category(ex: Exercise) -> str:
    # Moodle takes the category name verbatim (no unescaping) and splits it
    # at "/": keep plain characters only.
    name = re.sub(r"[^0-9A-Za-z _.-]+", "-", f"{ex.map_id} seed {ex.seed}").strip(" -") or "exercise"
    return f"$CATEGORY: $course$/argmap/{name}"


def to_gift(ex: Exercise, *, matching: bool = False) -> str:
    """The quiz-fit parts of an exercise as Moodle GIFT text.

    Args:
        ex: The exercise.
        matching: Make each part whose items all share their choices one
            matching question (at least three items), rather than one
            multiple-choice question per item.

    Returns:
        GIFT text: a comment with the exercise's title, the ``$CATEGORY:``
        line, then the questions, one blank line between blocks, ending in
        a newline. The same for the same arguments.

    Examples:
        >>> from argmap.exercises.model import Choice, Exercise, Item, LinkAnswer, Part
        >>> item = Item(id="1", prompt="Draw it", answer_type="links",
        ...             choices=[Choice(id="A", text="a"), Choice(id="B", text="b")],
        ...             key_links=[LinkAnswer(source="A", kind="supports", target="B")])
        >>> ex = Exercise(title="T", map_id="m", map_title="M", seed=0, difficulty=1,
        ...               parts=[Part(kind="fill-gap", title="Draw", instructions="", items=[item])])
        >>> print(to_gift(ex).splitlines()[-1])
        // skipped: item 1 asks to draw links, which a quiz question cannot take
    """
    blocks = [[f"// {' '.join(ex.title.split())}", _category(ex)]]
    for number, part in enumerate(ex.parts, start=1):
        blocks.extend(_part(part, number, matching))
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"
