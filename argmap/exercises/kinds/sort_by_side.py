"""Sort by side: say which side holds each claim.

The diagram shows the debate with every side hidden (no side names, no side
colours); each item asks who holds one tagged node. The choices are the sides
that hold a node in the exercise's scope. Difficulty: easy asks about up to
5 nodes with the stance links drawn (supports and attacks hint at the camps),
medium up to 8, hard every held node, with the stances hidden too.

A node the map's authors inferred (an unstated premise) is never asked
about: who holds it is their reading, not something the text says. It is
drawn, marked "(inferred)".

Examples:
    >>> import argmap
    >>> from argmap.exercises import generate
    >>> ex = generate(argmap.load_corpus("school-phones"), "sort-by-side", seed=2)
    >>> item = ex.items[0]
    >>> item.answer_type, len(item.key)
    ('choice', 1)
"""

from __future__ import annotations

from argmap.errors import ExerciseError
from argmap.exercises.common import Hidden, diagram, letters, opening, sample, tags_for
from argmap.exercises.model import Choice, Item, Part
from argmap.exercises.registry import Setting, kind
from argmap.exercises.vocabulary import STATEMENT_KINDS
from argmap.words import plural

__all__ = ["sort_by_side"]

_COUNTS = {1: 5, 2: 8, 3: 10_000}


@kind(
    "sort-by-side",
    "Sort by side",
    "assign each claim to the side that holds it",
    quiz=True,
    hides=Hidden(sides=True),
)
def sort_by_side(setting: Setting) -> Part:
    """Items: one per held claim, counterclaim or evidence; choices: the sides in scope."""
    m, rng = setting.m, setting.rng
    fitting = [n for n in m.nodes if n.held_by is not None and n.kind in STATEMENT_KINDS]
    held = [n for n in fitting if not n.inferred]
    sides = [s for s in m.sides if any(n.held_by == s.id for n in held)]
    if len(sides) < 2:
        inferred = "; inferred claims are left out" if len(fitting) > len(held) else ""
        raise ExerciseError(
            f"map {m.id!r}: sort-by-side needs claims held by at least two sides"
            f" (found {plural(len(sides), 'side')} holding claims{inferred})"
        )
    if setting.names is not None:
        side_tags = [setting.names[side.id] for side in sides]
    else:
        side_tags = letters(len(sides))
    choices = [Choice(id=tag, text=side.name) for tag, side in zip(side_tags, sides, strict=True)]
    choice_of = {side.id: c.id for side, c in zip(sides, choices, strict=True)}
    # Node letters follow the sides' letters (or are the worksheet's), so that no letter names both.
    tags = tags_for(setting.names, rng, [n.id for n in m.nodes], after=len(choices))
    asked = sample(rng, held, _COUNTS[setting.difficulty])
    asked.sort(key=lambda n: (len(tags[n.id]), tags[n.id]))
    items = []
    for number, node in enumerate(asked, start=1):
        side = m.side(str(node.held_by))
        items.append(
            Item(
                id=str(number),
                prompt=f"Which side holds {tags[node.id]}: “{opening(node)}”?",
                choices=tuple(choices),
                key=(choice_of[side.id],),
                elements=(node.id,),
                explanation=f"{tags[node.id]} is held by {side.name}.",
                diagram="d1",
            )
        )
    drawing = diagram(
        m,
        "d1",
        "The debate, with the sides hidden",
        node_tags=tags,
        neutral_links=setting.difficulty == 3,
        hide_sides=True,
        hidden=setting.hidden,
    )
    return Part(
        kind="sort-by-side",
        title="Sort by side",
        instructions=(
            "The diagram shows the debate without saying who argues what. For each claim named"
            " below, write the letter of the side that holds it."
        ),
        diagrams=(drawing,),
        items=tuple(items),
    )
