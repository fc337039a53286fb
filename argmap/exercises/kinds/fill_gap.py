"""Fill the gap: say which text belongs in a node whose text is hidden.

Each item has a diagram of its own: the neighbourhood of one claim,
counterclaim or piece of evidence (the nodes within two links of it, or
within one when two would crowd the drawing), with that node's text hidden
and its kind and side still shown. The choices are the hidden text and texts
of other nodes of the map, shuffled.

A text that the diagram already shows is a poor distractor (a student can
rule it out by finding it), so distractors come from nodes outside the
drawing first, then from nodes of the same kind. Difficulty: easy asks 3
items with 3 choices, medium 4 with 4, hard 5 with 5, and its distractors
come first from the hidden node's own side, then from nodes a few links
away, which are the closest in content.

A node the map's authors inferred (an unstated premise) is never a gap: its
text is theirs, not the source's. The explanation says what the gap
argues for or against only along a link the text states.

Examples:
    >>> import argmap
    >>> from argmap.exercises import generate
    >>> ex = generate(argmap.load_corpus("school-phones"), "fill-gap", seed=2)
    >>> len(ex.items), len(ex.items[0].choices), len(ex.parts[0].diagrams)
    (3, 3, 3)
"""

from __future__ import annotations

from argmap.errors import ExerciseError
from argmap.exercises.common import diagram, letters, opening, sample, shuffled
from argmap.exercises.model import Choice, Item, Part
from argmap.exercises.registry import Setting, kind
from argmap.exercises.vocabulary import KIND_WORDS, NODE_STANCE_KINDS, STATEMENT_KINDS
from argmap.graph import link_ends, neighbourhood
from argmap.model import AnyNode, ArgumentMap

__all__ = ["fill_gap"]

_COUNTS = {1: 3, 2: 4, 3: 5}
#: Most nodes a diagram draws before its neighbourhood shrinks to one link.
_MAX_DRAWN = 10
#: How far (in links) a node may be from the gap to count as a near, hard distractor.
_NEAR = 4


def _plain(text: str) -> str:
    return " ".join(text.split())


def _drawn(m: ArgumentMap, node_id: str) -> list[str]:
    """The nodes drawn around a gap: two links out, or one when two would crowd the diagram."""
    near = neighbourhood(m, node_id, 2)
    if len(near) > _MAX_DRAWN:
        near = neighbourhood(m, node_id, 1)
    return list(near)


def _distractors(setting: Setting, gap: AnyNode, drawn: list[str], wanted: int) -> list[AnyNode]:
    """Up to ``wanted`` other nodes with texts unlike the gap's and each other's, best first."""
    m, rng = setting.m, setting.rng
    near = set(neighbourhood(m, gap.id, _NEAR))
    shown = set(drawn)

    def rank(node: AnyNode) -> tuple[int, ...]:
        kind_rank = 0 if node.kind == gap.kind else 1 if node.kind in STATEMENT_KINDS else 2
        if setting.difficulty < 3:
            return (node.id in shown, kind_rank)
        same_side = gap.held_by is not None and node.held_by == gap.held_by
        return (node.id in shown, kind_rank, not same_side, node.id not in near)

    pool = shuffled(rng, [n for n in m.nodes if n.kind != "issue" and n.id != gap.id])
    pool.sort(key=rank)  # stable: ties keep their random order
    seen = {_plain(gap.text)}
    chosen: list[AnyNode] = []
    for node in pool:
        if len(chosen) == wanted:
            break
        if _plain(node.text) not in seen:
            seen.add(_plain(node.text))
            chosen.append(node)
    return chosen


def _sentence(text: str) -> str:
    """``text`` in quotes as a sentence: no second full stop after one inside the quotes."""
    text = _plain(text)
    return f"“{text}”" if text[-1:] in ".?!…" else f"“{text}”."


def _explanation(m: ArgumentMap, gap: AnyNode, drawn: list[str]) -> str:
    said = f"The gap holds {KIND_WORDS[gap.kind]}: {_sentence(gap.text)}"
    for link in m.links_from(gap.id):
        if link.kind not in NODE_STANCE_KINDS or link.inferred or link.target not in drawn:
            continue
        target = m.node(link.target)
        if target.kind == "issue":
            answer = "yes" if link.kind == "supports" else "no"
            return f"{said} It argues for “{answer}” to the question {_sentence(target.text)}"
        verb = "gives a reason for" if link.kind == "supports" else "argues against"
        return f"{said} It {verb} {_sentence(opening(target))}"
    return said


@kind(
    "fill-gap",
    "Fill the gap",
    "pick the text that belongs in a node whose text is hidden",
    quiz=True,
)
def fill_gap(setting: Setting) -> Part:
    """Items: one per hidden node, each with its own diagram; choices: its text and distractors.

    Raises:
        ExerciseError: the map has fewer than two linked claims,
            counterclaims or pieces of evidence.

    Examples:
        >>> import argmap
        >>> from argmap.exercises.common import seeded
        >>> m = argmap.load_corpus("school-phones")
        >>> part = fill_gap(Setting(m, seeded(1), 3))
        >>> [len(i.choices) for i in part.items], [i.diagram for i in part.items][:2]
        ([5, 5, 5, 5, 5], ['d1', 'd2'])
    """
    m, rng, level = setting.m, setting.rng, setting.difficulty
    linked = {end for link in m.links for end in link_ends(m, link)}
    fitting = [n for n in m.nodes if n.kind in STATEMENT_KINDS and n.id in linked]
    candidates = [n for n in fitting if not n.inferred]
    if len(candidates) < 2:
        inferred = " and not inferred" if len(fitting) > len(candidates) else ""
        raise ExerciseError(
            f"map {m.id!r}: fill-gap needs at least two claims, counterclaims or pieces of evidence"
            f" linked into the debate{inferred} (found {len(candidates)})"
        )
    items = []
    diagrams = []
    for number, gap in enumerate(sample(rng, candidates, _COUNTS[level]), start=1):
        drawn = _drawn(m, gap.id)
        others = _distractors(setting, gap, drawn, _COUNTS[level] - 1)
        options = shuffled(rng, [gap, *others])
        # The texts to choose from are nodes': with worksheet names, each keeps its letter.
        ids = letters(len(options)) if setting.names is None else [setting.names[n.id] for n in options]
        choices = tuple(Choice(id=tag, text=_plain(n.text)) for tag, n in zip(ids, options, strict=True))
        diagram_id = f"d{number}"
        diagrams.append(
            diagram(
                m,
                diagram_id,
                "One text is missing",
                node_tags={gap.id: "?"},
                blanks=[gap.id],
                nodes=drawn,
            )
        )
        items.append(
            Item(
                id=str(number),
                prompt=(
                    f"In diagram d{number}, the text of {KIND_WORDS[gap.kind]} is missing."
                    " Which text fills the gap?"
                ),
                choices=choices,
                key=(ids[options.index(gap)],),
                elements=(gap.id,),
                explanation=_explanation(m, gap, drawn),
                diagram=diagram_id,
            )
        )
    return Part(
        kind="fill-gap",
        title="Fill the gap",
        instructions=(
            "Each diagram shows part of the debate with the text of one box hidden (marked “?”)."
            " Read what the box is linked to, then choose the text that belongs in it."
        ),
        diagrams=tuple(diagrams),
        items=tuple(items),
    )
