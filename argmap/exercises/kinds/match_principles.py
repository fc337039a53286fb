"""Match claims to principles: say which principle each claim appeals to.

A claim, counterclaim or piece of evidence appeals to a principle when a
supports link runs from the principle (alone or as one of linked premises)
to it. Each item quotes one such node and lists principles to choose from;
any principle that supports the node is a right answer.

The choices are lettered ``A``, ``B``...; at easy and medium a diagram shows
the debate with its principles left out, its nodes tagged with the letters
that follow the choices' (so that no letter means two things). Difficulty:
easy asks about up to 4 nodes and offers only the principles those nodes
appeal to; medium asks about up to 6 and offers every principle that some
claim appeals to; hard asks about every such node, offers every principle in
scope (those that back no claim are distractors) and draws no diagram. When
that leaves fewer than two choices, the next wider set is offered, and last
the principles of the whole map (for a debate cut out of a larger map).

Appeals to principles are often the map authors' reading rather than the
text's words. When every appeal an item's key rests on is inferred (the
supports link, or the principle itself, is marked ``inferred``), the
prompt says so, and the explanation marks each inferred appeal: students
are asked to follow the map's reading, not to find it in the text.

Examples:
    >>> import argmap
    >>> from argmap.exercises import generate
    >>> ex = generate(argmap.load_corpus("school-phones"), "match-principles", seed=2)
    >>> item = ex.items[0]
    >>> item.answer_type, all(k in [c.id for c in item.choices] for k in item.key)
    ('choice', True)
"""

from __future__ import annotations

from collections.abc import Collection

from argmap.errors import ExerciseError
from argmap.exercises.common import Hidden, diagram, letters, sample, shuffled, tags_for
from argmap.exercises.figures import figure_caption, figure_groups, prints_legibly
from argmap.exercises.model import Choice, Diagram, Item, Part
from argmap.exercises.registry import Setting, kind
from argmap.exercises.vocabulary import STATEMENT_KINDS
from argmap.model import AnyNode, ArgumentMap

__all__ = ["appeals", "match_principles", "stated_appeals"]

_INFERRED_APPEAL = " (The text does not say so: the map's authors infer this appeal.)"

_COUNTS = {1: 4, 2: 6, 3: 10_000}


def appeals(m: ArgumentMap) -> dict[str, tuple[str, ...]]:
    """The principles each claim, counterclaim or piece of evidence appeals to directly.

    Returns:
        Node id to the ids of the principles among the premises of a supports
        link into it; nodes in map order, principles in link order. Nodes that
        appeal to no principle are left out.

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> b = MapBuilder("m", "T")
        >>> _ = b.claim("c", "C."); _ = b.evidence("e", "E.")
        >>> _ = b.principle("p", "P."); _ = b.principle("q", "Q.")
        >>> _ = b.supports(["e", "p"], "c"); _ = b.attacks("q", "c")
        >>> appeals(b.build())
        {'c': ('p',)}
    """
    found: dict[str, dict[str, None]] = {}
    for link in m.links:
        if link.kind != "supports" or m.node(link.target).kind not in STATEMENT_KINDS:
            continue
        principles = [p for p in link.premises if m.node(p).kind == "principle" and p != link.target]
        if principles:
            found.setdefault(link.target, {}).update(dict.fromkeys(principles))
    return {n.id: tuple(found[n.id]) for n in m.nodes if n.id in found}


def stated_appeals(m: ArgumentMap) -> set[tuple[str, str]]:
    """The ``(node, principle)`` appeals of :func:`appeals` that the text states.

    An appeal is stated when some supports link from the principle into the
    node is not inferred, and the principle itself is not inferred; any
    other appeal is the map authors' inference.

    Examples:
        >>> import argmap
        >>> m = argmap.validate({"id": "m", "title": "T", "nodes": [
        ...     {"id": "c", "kind": "claim", "text": "C."},
        ...     {"id": "p", "kind": "principle", "text": "P."},
        ...     {"id": "q", "kind": "principle", "text": "Q."}], "links": [
        ...     {"source": "p", "kind": "supports", "target": "c"},
        ...     {"source": "q", "kind": "supports", "target": "c", "inferred": True,
        ...      "note": "The text gives no reason; Q fits."}]})
        >>> appeals(m), stated_appeals(m)
        ({'c': ('p', 'q')}, {('c', 'p')})
    """
    stated: set[tuple[str, str]] = set()
    for link in m.links:
        if link.kind != "supports" or link.inferred:
            continue
        for premise in link.premises:
            node = m.node(premise)
            if node.kind == "principle" and not node.inferred and premise != link.target:
                stated.add((link.target, premise))
    return stated


def _choice_text(node: AnyNode) -> str:
    text = " ".join(node.text.split())
    return f"{' '.join(node.label.split())}: {text}" if node.label else text


def _kind_word(node: AnyNode) -> str:
    return {"claim": "claim", "counterclaim": "counterclaim"}.get(node.kind, "evidence")


@kind(
    "match-principles",
    "Match claims to principles",
    "say which principle each claim appeals to",
    quiz=True,
    hides=Hidden(principles=True),
)
def match_principles(setting: Setting) -> Part:
    """Items: one per node that a principle supports; choices: principles; key: those that support it.

    Raises:
        ExerciseError: no claim appeals to a principle, or the map has fewer
            than two principles to choose from.

    Examples:
        >>> import argmap
        >>> from argmap.exercises.common import seeded
        >>> m = argmap.load_corpus("school-phones")
        >>> part = match_principles(Setting(m, seeded(1), 3))
        >>> len(part.items[0].choices) == len(m.nodes_of_kind("principle")), part.diagrams
        (True, ())
    """
    m, rng, level = setting.m, setting.rng, setting.difficulty
    found = appeals(m)
    stated = stated_appeals(m)
    if not found:
        raise ExerciseError(
            f"map {m.id!r}: match-principles needs a claim, counterclaim or evidence that a principle"
            " supports (found none)"
        )
    asked = sample(rng, list(found), _COUNTS[level])
    # Principles from elsewhere in the whole map come last, for a debate
    # that appeals to one principle only.
    whole = setting.whole or m
    wider = [
        [p for node_id in asked for p in found[node_id]],
        [p for ps in found.values() for p in ps],
        [n.id for n in m.nodes_of_kind("principle")],
        [n.id for n in m.nodes_of_kind("principle")] + [n.id for n in whole.nodes_of_kind("principle")],
    ]
    offered: list[str] = []
    for pool in wider[level - 1 :]:
        offered = list(dict.fromkeys(pool))
        if len(offered) >= 2:
            break
    if len(offered) < 2:
        raise ExerciseError(
            f"map {m.id!r}: match-principles needs at least two principles to choose from"
            f" (found {len(offered)})"
        )
    offered = shuffled(rng, sorted(offered, key=[n.id for n in whole.nodes].index))
    if setting.names is not None:
        letter_of = tags_for(setting.names, rng, offered)
    else:
        letter_of = dict(zip(offered, letters(len(offered)), strict=True))
    choices = tuple(Choice(id=letter_of[p], text=_choice_text(whole.node(p))) for p in offered)
    drawn = level < 3
    tags: dict[str, str] = {}
    if drawn:
        # The diagram's letters follow the choices' letters, so that no letter names two things.
        others = shuffled(rng, [n.id for n in m.nodes if n.kind != "principle"])
        if setting.names is not None:
            tags = tags_for(setting.names, rng, others)
        else:
            tags = dict(zip(others, letters(len(offered) + len(others))[len(offered) :], strict=True))
    figure_of: list[str | None] = [None] * len(asked)
    diagrams: tuple[Diagram, ...] = ()
    if drawn:
        asked.sort(key=lambda node_id: (len(tags[node_id]), tags[node_id]))
        rest = [n.id for n in m.nodes if n.kind != "principle"]
        said = "with its principles left out"

        def drawing(
            diagram_id: str,
            issues: tuple[str, ...],
            nodes: Collection[str],
            part: tuple[int, int] | None = None,
        ) -> Diagram:
            return diagram(
                m,
                diagram_id,
                figure_caption(m, issues, said, part),
                node_tags=tags,
                nodes=nodes,
                hidden=setting.hidden,
            )

        diagrams = (drawing("d1", (), rest),)
        figure_of = ["d1"] * len(asked)
        if m.issues and not prints_legibly(diagrams[0].dot):
            # Too small to read in one piece: one figure per issue asked about (an issue of many
            # reasons in parts).
            groups, index = figure_groups(
                m,
                [[node_id] for node_id in asked],
                lambda nodes: drawing("d", (), [n for n in rest if n in nodes]).dot,
            )
            diagrams = tuple(
                drawing(f"d{i}", f.issues, [n for n in rest if n in f.nodes], f.part)
                for i, f in enumerate(groups, start=1)
            )
            order = sorted(range(len(asked)), key=lambda i: (index[i], len(tags[asked[i]]), tags[asked[i]]))
            asked = [asked[i] for i in order]
            figure_of = [f"d{index[i] + 1}" for i in order]
    items = []
    for number, (node_id, figure) in enumerate(zip(asked, figure_of, strict=True), start=1):
        node = m.node(node_id)
        named = f"{_kind_word(node)} {tags[node_id]}" if drawn else f"the {_kind_word(node)}"
        right = sorted(found[node_id], key=lambda p: (len(letter_of[p]), letter_of[p]))
        marks = {p: "" if (node_id, p) in stated else ", inferred" for p in right}
        shown = [f"{letter_of[p]} ({m.node(p).title}{marks[p]})" for p in right]
        inferred = "" if any((node_id, p) in stated for p in right) else _INFERRED_APPEAL
        either = (
            "; any of them is right" if len(shown) > 2 else "; either is right" if len(shown) == 2 else ""
        )
        items.append(
            Item(
                id=str(number),
                prompt=f"Which principle does {named} appeal to: “{' '.join(node.text.split())}”?{inferred}",
                choices=choices,
                # A choice that reads exactly like a right one is right too.
                key=tuple(c.id for c in choices if c.text in {_choice_text(m.node(p)) for p in right}),
                elements=(node_id, *right),
                explanation=f"{named[0].upper()}{named[1:]} appeals to {' and '.join(shown)}{either}.",
                diagram=figure,
            )
        )
    where = ""
    if drawn:
        where = " The diagram shows the debate without its principles."
        if len(diagrams) > 1:
            where = " The diagrams show the debate, an issue at a time, without its principles."
    return Part(
        kind="match-principles",
        title="Match claims to principles",
        instructions=(
            "Each principle below is a value or rule that arguments in the debate appeal to."
            f"{where} For each claim named below, write the letter of a principle that gives a"
            " reason for it."
        ),
        diagrams=diagrams,
        items=tuple(items),
    )
