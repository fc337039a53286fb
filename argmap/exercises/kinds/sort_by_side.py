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

from collections.abc import Collection

from argmap.errors import ExerciseError
from argmap.exercises.common import Hidden, diagram, letters, opening, sample, tags_for
from argmap.exercises.figures import figure_caption, figure_groups, prints_legibly
from argmap.exercises.model import Choice, Diagram, Item, Part
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
    said = "with the sides hidden"

    def drawn(
        diagram_id: str,
        issues: tuple[str, ...],
        nodes: Collection[str] | None,
        part: tuple[int, int] | None = None,
    ) -> Diagram:
        return diagram(
            m,
            diagram_id,
            figure_caption(m, issues, said, part),
            node_tags=tags,
            neutral_links=setting.difficulty == 3,
            hide_sides=True,
            nodes=nodes,
            hidden=setting.hidden,
        )

    drawings = [drawn("d1", (), None)]
    figure_of = ["d1"] * len(asked)
    if m.issues and not prints_legibly(drawings[0].dot):
        # Too small to read in one piece: one figure per issue asked about (an issue of many
        # reasons in parts), each item under its own.
        groups, index = figure_groups(m, [[n.id] for n in asked], lambda nodes: drawn("d", (), nodes).dot)
        drawings = [drawn(f"d{i}", f.issues, f.nodes, f.part) for i, f in enumerate(groups, start=1)]
        figure_of = [f"d{i + 1}" for i in index]
        order = sorted(range(len(asked)), key=lambda i: (index[i], len(tags[asked[i].id]), tags[asked[i].id]))
        asked, figure_of = [asked[i] for i in order], [figure_of[i] for i in order]
    items = []
    for number, (node, figure) in enumerate(zip(asked, figure_of, strict=True), start=1):
        side = m.side(str(node.held_by))
        items.append(
            Item(
                id=str(number),
                prompt=f"Which side holds {tags[node.id]}: “{opening(node)}”?",
                choices=tuple(choices),
                key=(choice_of[side.id],),
                elements=(node.id,),
                explanation=f"{tags[node.id]} is held by {side.name}.",
                diagram=figure,
            )
        )
    return Part(
        kind="sort-by-side",
        title="Sort by side",
        instructions=(
            (
                "The diagram shows the debate"
                if len(drawings) == 1
                else "The diagrams show the debate, an issue at a time,"
            )
            + " without saying who argues what. For each claim named"
            " below, write the letter of the side that holds it."
        ),
        diagrams=tuple(drawings),
        items=tuple(items),
    )
