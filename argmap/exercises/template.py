"""An answers file for students to fill in: each item's prompt and choices as comments.

Examples:
    >>> from argmap.exercises.model import Choice, Exercise, Item, Part
    >>> item = Item(id="1", prompt="?", choices=[Choice(id="A", text="a")], key=["A"])
    >>> ex = Exercise(title="T", map_id="m", map_title="M", seed=0, difficulty=1,
    ...               parts=[Part(kind="sort-by-side", title="P", instructions="", items=[item])])
    >>> answers_template(ex).splitlines()[-1]
    '  1:'
"""

from __future__ import annotations

import textwrap

from argmap.exercises.answers import normalize_item_id
from argmap.exercises.model import Exercise
from argmap.exercises.vocabulary import STANCES_SAID

__all__ = ["answers_template"]


def _one_line(text: str, width: int) -> str:
    return textwrap.shorten(" ".join(text.split()), width=width, placeholder="…")


def answers_template(ex: Exercise) -> str:
    """A YAML answers file for a student to fill in: each item's prompt as a comment, then ``N:``.

    Loading the template unchanged gives answers with every item unanswered.

    Examples:
        >>> from argmap.exercises.model import Choice, Item, Part
        >>> item = Item(id="1", prompt="Which side holds A?",
        ...             choices=[Choice(id="A", text="Parents"), Choice(id="B", text="Staff")], key=["B"])
        >>> part = Part(kind="sort-by-side", title="Sort by side", instructions="", items=[item])
        >>> ex = Exercise(title="Phones", map_id="m", map_title="M", seed=0, difficulty=1, parts=[part])
        >>> print(answers_template(ex), end="")
        # Answers to: Phones
        # Write your name after "student:" and each answer after its item number.
        student:
        answers:
          # Sort by side
          # 1. Which side holds A?
          #    one of: A = Parents | B = Staff
          1:
    """
    lines = [
        f"# Answers to: {_one_line(ex.title, 80)}",
        '# Write your name after "student:" and each answer after its item number.',
    ]
    kinds = {item.answer_type for item in ex.items}
    if "choices" in kinds:
        lines.append("# Where you may pick several, list them: 7: [L2, L5]")
    if "links" in kinds:
        lines.append(f"# Links go one per line, as '- A supports C' ({STANCES_SAID}).")
    lines += ["student:", "answers:"]
    for part in ex.parts:
        if not part.items:
            continue
        lines.append(f"  # {_one_line(part.title, 80)}")
        for item in part.items:
            lines.append(f"  # {item.id}. {_one_line(item.prompt, 100)}")
            if item.answer_type == "links":
                nodes = textwrap.wrap(", ".join(c.id for c in item.choices), 90) or [""]
                lines.append(f"  #    nodes: {nodes[0]}")
                lines.extend(f"  #           {more}" for more in nodes[1:])
            elif item.choices:
                lead = "one of" if item.answer_type == "choice" else "any of"
                shown = [
                    c.id if c.text == c.id else f"{c.id} = {_one_line(c.text, 60)}" for c in item.choices
                ]
                if sum(len(c) + 3 for c in shown) <= 100:
                    lines.append(f"  #    {lead}: {' | '.join(shown)}")
                else:
                    # Too many to read on one line; every choice must stay visible.
                    lines.append(f"  #    {lead}:")
                    lines.extend(f"  #      {c}" for c in shown)
            key = item.id if normalize_item_id(item.id) == item.id else f'"{item.id}"'
            lines.append(f"  {key}:")
    return "\n".join(lines) + "\n"
