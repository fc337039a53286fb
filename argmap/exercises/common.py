"""What every exercise generator uses: seeded randomness, tags, sub-maps and diagrams.

Generators never show a map's own ids to students (ids such as
``critics-uneven-costs`` would give answers away): nodes get letter tags
(``A``, ``B``...) and links ``L1``, ``L2``..., dealt out in a seeded random
order, and diagrams are drawn from a copy of the map renamed to those tags.

Examples:
    >>> letters(3), letters(28)[-2:]
    (['A', 'B', 'C'], ['AA', 'AB'])
    >>> seeded(7, "fill-gap").random() == seeded(7, "fill-gap").random()
    True
    >>> seeded(7, "fill-gap").random() == seeded(8, "fill-gap").random()
    False
"""

from __future__ import annotations

import random
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from argmap.errors import ExerciseError
from argmap.exercises.model import Choice, Diagram
from argmap.exercises.vocabulary import STANCE_KINDS
from argmap.graph import issue_nodes
from argmap.graph import restrict as graph_restrict
from argmap.model import AnyLink, AnyNode, ArgumentMap, CheckSettings
from argmap.model.fields import UNDERCUTS
from argmap.render.dot import to_dot
from argmap.render.options import RenderOptions
from argmap.render.themes import DEFAULT

__all__ = [
    "Hidden",
    "anonymize",
    "diagram",
    "letters",
    "restrict",
    "sample",
    "seeded",
    "shuffled",
    "submap",
    "tag_links",
    "tag_nodes",
    "unlinked",
    "opening",
    "reading",
]

T = TypeVar("T")


def seeded(seed: int, *scope: str) -> random.Random:
    """A random generator for one seed and one scope (a kind, an issue...), the same on every run.

    Seeding with a string is stable across runs and platforms (it does not
    depend on hash randomisation).
    """
    return random.Random(":".join(["argmap", str(seed), *scope]))


def shuffled(rng: random.Random, items: Iterable[T]) -> list[T]:
    """A new list of ``items`` in a random order drawn from ``rng``.

    Examples:
        >>> sorted(shuffled(seeded(1), "abc"))
        ['a', 'b', 'c']
    """
    found = list(items)
    rng.shuffle(found)
    return found


def sample(rng: random.Random, items: Sequence[T], k: int) -> list[T]:
    """Up to ``k`` distinct items of ``items``, drawn from ``rng`` (all of them, shuffled, when fewer).

    Examples:
        >>> len(sample(seeded(1), [1, 2, 3], 5))
        3
    """
    return rng.sample(list(items), min(k, len(items)))


def letters(n: int) -> list[str]:
    """The first ``n`` letter tags: A..Z, then AA, AB...

    Examples:
        >>> letters(0)
        []
    """
    tags: list[str] = []
    i = 0
    while len(tags) < n:
        k, name = i, ""
        while True:
            name = chr(ord("A") + k % 26) + name
            k = k // 26 - 1
            if k < 0:
                break
        tags.append(name)
        i += 1
    return tags


def tag_nodes(rng: random.Random, node_ids: Sequence[str], after: int = 0) -> dict[str, str]:
    """Letter tags for nodes, dealt out in a random order (map order would reveal groupings).

    Args:
        rng: The exercise's random generator.
        node_ids: The nodes to tag.
        after: Skip this many letters first, when choices already use A, B...
            (so that no letter names two things).

    Returns:
        Node id to tag, in tag order.

    Examples:
        >>> sorted(tag_nodes(seeded(3), ["x", "y"]).values())
        ['A', 'B']
        >>> sorted(tag_nodes(seeded(3), ["x", "y"], after=4).values())
        ['E', 'F']
    """
    order = shuffled(rng, node_ids)
    return dict(zip(order, letters(after + len(order))[after:], strict=True))


def worksheet_names(rng: random.Random, m: ArgumentMap, whole: ArgumentMap | None = None) -> dict[str, str]:
    """One letter for each node and side of a map, dealt out in a random order: a worksheet's names.

    Every part of a worksheet tags its nodes, sides and principles from
    these, so that a letter names the same thing throughout (and in the key).
    ``m`` is the map cut to the worksheet's scope, which takes the first (and
    shortest) letters; the rest of ``whole`` (where distractors may come
    from) follows.

    Examples:
        >>> import argmap
        >>> m = argmap.load_corpus("school-phones")
        >>> names = worksheet_names(seeded(1), m)
        >>> len(names) == len(m.nodes) + len(m.sides) == len(set(names.values()))
        True
        >>> [names[s.id] for s in m.sides]
        ['A', 'B', 'C', 'D']
    """
    # Sides first, then principles (the choices of two kinds read A, B, C...),
    # then every other node in a random order (map order would reveal groupings).
    order: list[str] = []
    for source in (m, whole or m):
        seen = set(order)
        principles = [n.id for n in source.nodes if n.kind == "principle" and n.id not in seen]
        others = [n.id for n in source.nodes if n.kind != "principle" and n.id not in seen]
        order += [s.id for s in source.sides if s.id not in seen]
        order += shuffled(rng, principles) + shuffled(rng, others)
    return dict(zip(order, letters(len(order)), strict=True))


def tags_for(
    names: Mapping[str, str] | None, rng: random.Random, node_ids: Sequence[str], after: int = 0
) -> dict[str, str]:
    """Tags for ``node_ids``: the worksheet's names when there are some, else :func:`tag_nodes`.

    An id the names lack (a node a generator made up) gets a letter no name uses.

    Examples:
        >>> tags_for({"x": "C", "y": "A"}, seeded(3), ["x", "y", "z"])
        {'y': 'A', 'z': 'B', 'x': 'C'}
        >>> sorted(tags_for(None, seeded(3), ["x", "y"]).values())
        ['A', 'B']
    """
    if names is None:
        return tag_nodes(rng, node_ids, after)
    missing = [i for i in node_ids if i not in names]
    used = set(names.values())
    free = [tag for tag in letters(len(used) + len(missing)) if tag not in used]
    extra = dict(zip(missing, free, strict=False))
    tags = {i: names.get(i) or extra[i] for i in node_ids}
    return dict(sorted(tags.items(), key=lambda pair: (len(pair[1]), pair[1])))


def tag_links(rng: random.Random, link_ids: Sequence[str]) -> dict[str, str]:
    """``L1``, ``L2``... tags for links, dealt out in a random order.

    Examples:
        >>> sorted(tag_links(seeded(3), ["a--supports--b", "c--attacks--b"]).values())
        ['L1', 'L2']
    """
    order = shuffled(rng, link_ids)
    return {link_id: f"L{i}" for i, link_id in enumerate(order, start=1)}


def opening(node: AnyNode, width: int = 90) -> str:
    """The start of a node's text, for a prompt: cut between words at ``width`` characters.

    Worksheet diagrams show nodes' texts, not their labels, so prompts quote
    the text too.

    Examples:
        >>> from argmap.model import Claim
        >>> opening(Claim(id="c", text="A very long sentence indeed.", label="Short"), 16)
        'A very long…'
    """
    text = " ".join(node.text.split())
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    # Cut between words when there is a space to cut at: a half word reads as a typo.
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def restrict(m: ArgumentMap, issues: Collection[str]) -> ArgumentMap:
    """The part of ``m`` that bears on the given issues (all of ``m`` when none are given).

    Keeps the nodes that bear on one of the issues, the links among them
    (an undercut only with the link it undercuts), every side, and each
    side's stances on the kept issues.

    Raises:
        UnknownElementError: an id is not an issue of the map.

    Examples:
        >>> import argmap
        >>> m = argmap.load_corpus("school-phones")
        >>> sub = restrict(m, ["lunch"])
        >>> [n.kind for n in sub.issues], len(sub.nodes) < len(m.nodes)
        (['issue'], True)
    """
    if not issues:
        return m
    kept: set[str] = set()
    for issue in issues:
        kept.update(issue_nodes(m, issue))
    return submap(m, kept)


def submap(m: ArgumentMap, node_ids: Collection[str]) -> ArgumentMap:
    """The map of the given nodes and the links among them; sides keep their stances on kept issues.

    :func:`argmap.graph.restrict`, without the map's metadata and check
    settings. A link stays when all its ends stay (see
    :func:`argmap.graph.drawn_links`): an undercut only while the link it
    undercuts stays.

    Examples:
        >>> import argmap
        >>> m = argmap.load_corpus("school-phones")
        >>> len(submap(m, [m.nodes[0].id]).links)
        0
    """
    sub = graph_restrict(m, node_ids)
    return sub.model_copy(update={"metadata": {}, "checks": CheckSettings()})  # the map's own, not the part's


#: The note an inferred element keeps when notes are dropped (the model requires one).
INFERRED_NOTE = "Inferred by the map's authors."


def _bare_note(element: AnyNode | AnyLink) -> str | None:
    """No note, so that nothing explains the map away; an inferred element says only that it is inferred."""
    return INFERRED_NOTE if element.inferred else None


def unlinked(m: ArgumentMap) -> ArgumentMap:
    """``m`` without its links, nor the sides, notes and data that might tell them: a map to reconstruct.

    Nodes keep their ids, kinds, texts, labels and anchors, so that a
    student's completed copy can be graded against ``m`` with
    :func:`argmap.exercises.grade_maps`. Who holds each node is left out
    with the sides: two statements of one side are likely a support, of
    opposed sides an attack.

    Examples:
        >>> import argmap
        >>> m = argmap.load_corpus("school-phones")
        >>> bare = unlinked(m)
        >>> bare.links, [n.id for n in bare.nodes] == [n.id for n in m.nodes]
        ((), True)
        >>> bare.sides, {n.held_by for n in bare.nodes}
        ((), {None})
    """
    fields = {name: getattr(m, name) for name in type(m).model_fields}
    nodes = [n.model_copy(update={"note": _bare_note(n), "data": {}, "held_by": None}) for n in m.nodes]
    return ArgumentMap.model_validate({**fields, "nodes": nodes, "links": [], "sides": [], "metadata": {}})


def anonymize(m: ArgumentMap, node_tags: Mapping[str, str], link_tags: Mapping[str, str]) -> ArgumentMap:
    """A copy of ``m`` for drawing: ids replaced by tags, notes, anchors and data dropped.

    A node or link without a tag gets an opaque id (``n7``, ``k3``), so that
    no id of the map reaches a student's diagram.

    Examples:
        >>> import argmap
        >>> m = argmap.load_corpus("school-phones")
        >>> copy = anonymize(m, {m.nodes[0].id: "A"}, {})
        >>> copy.nodes[0].id, copy.links[0].id.startswith("k")
        ('A', True)
    """
    names = {n.id: node_tags.get(n.id, f"n{i}") for i, n in enumerate(m.nodes, start=1)}
    links = {str(k.id): link_tags.get(str(k.id), f"k{i}") for i, k in enumerate(m.links, start=1)}
    if len(set(names.values()) | set(links.values())) != len(names) + len(links):
        raise ExerciseError("tags must be distinct from each other and from the opaque ids n1.., k1..")
    nodes = [
        n.model_copy(update={"id": names[n.id], "note": _bare_note(n), "anchors": (), "data": {}})
        for n in m.nodes
    ]
    renamed = []
    for link in m.links:
        premises = [names[p] for p in link.premises]
        target = links[link.target] if link.kind == UNDERCUTS else names[link.target]
        renamed.append(
            link.model_copy(
                update={
                    "id": links[str(link.id)],
                    "source": premises[0] if len(premises) == 1 else tuple(premises),
                    "target": target,
                    "note": _bare_note(link),
                    "anchors": (),
                    "data": {},
                }
            )
        )
    sides = [
        side.model_copy(update={"stances": {names[k]: v for k, v in side.stances.items() if k in names}})
        for side in m.sides
    ]
    return ArgumentMap.model_validate(
        {"id": m.id, "title": m.title, "sides": sides, "nodes": nodes, "links": renamed}
    )


@dataclass(frozen=True)
class Hidden:
    """What a worksheet's figures hide because one of its parts asks it.

    A kind declares what its items ask (see :func:`argmap.exercises.registry.kind`);
    :func:`argmap.exercises.generate` joins those of a worksheet's kinds and
    every figure of the worksheet hides the lot, so that no part's figure
    gives away another part's answers.

    Attributes:
        sides: Who holds each node (side colours, names, "concedes").
        stances: What each link does: stance links drawn alike.
        principles: The principles and their links (left out of the drawing).

    Examples:
        >>> Hidden(sides=True) | Hidden(stances=True)
        Hidden(sides=True, stances=True, principles=False)
    """

    sides: bool = False
    stances: bool = False
    principles: bool = False

    def __or__(self, other: Hidden) -> Hidden:
        return Hidden(
            sides=self.sides or other.sides,
            stances=self.stances or other.stances,
            principles=self.principles or other.principles,
        )


#: Nothing hidden beyond what a kind hides in its own figure.
NOTHING = Hidden()


# A compact figure's ranks, closer than a whole debate's (inches between them).
_COMPACT = replace(DEFAULT, name="compact", ranksep=0.2)


def diagram(
    m: ArgumentMap,
    diagram_id: str,
    caption: str,
    *,
    node_tags: Mapping[str, str],
    link_tags: Mapping[str, str] | None = None,
    neutral_links: bool = False,
    hide_sides: bool = False,
    blanks: Collection[str] = (),
    nodes: Collection[str] | None = None,
    grid: bool = False,
    compact: bool = False,
    hidden: Hidden = NOTHING,
) -> Diagram:
    """Draw ``m`` for a worksheet: tagged, anonymised, optionally with stances, sides or texts hidden.

    Args:
        m: The map (already restricted to the exercise's scope).
        diagram_id: The diagram's id within its part.
        caption: A caption for the worksheet.
        node_tags: Node id to the tag drawn on it (every drawn node should have one).
        link_tags: Link id to the tag drawn on it.
        neutral_links: Draw supports, attacks and undercuts alike.
        hide_sides: Do not show who holds each node.
        blanks: Node ids whose text is hidden.
        nodes: Draw only these nodes (and the links among them); default all.
        grid: Lay the nodes out in a grid, in map order (for nodes without links).
        compact: Set the ranks closer (a small figure per item, which must print short).
        hidden: What the whole worksheet hides (see :class:`Hidden`), on top
            of what the other arguments hide.

    Returns:
        The :class:`Diagram`, its DOT text deterministic for the same arguments.
    """
    link_tags = link_tags or {}
    hide_sides = hide_sides or hidden.sides
    neutral_links = neutral_links or hidden.stances
    if hidden.principles:
        nodes = [n.id for n in m.nodes if n.kind != "principle" and (nodes is None or n.id in nodes)]
    if nodes is not None:
        m = submap(m, nodes)
    drawn = anonymize(m, node_tags, link_tags)
    if hide_sides:
        # "concedes" marks an attack on its holder's own side: it would tell the sides.
        conceded = [link.model_copy(update={"concession": False}) for link in drawn.links]
        drawn = drawn.model_copy(update={"links": tuple(conceded)})
    # Short labels, top to bottom, no legend: a debate of a dozen nodes then
    # fits a printed page with its text still readable. The full texts go in
    # ``statements`` and the key to the lines in ``reading``, which the
    # worksheet prints beside the drawing.
    options = RenderOptions(
        labels="label",
        wrap=16,
        rankdir="TB",
        title=False,
        legend=False,
        neutral_links=neutral_links,
        hide_sides=hide_sides,
        node_tags={tag: tag for tag in node_tags.values()},
        link_tags={tag: tag for tag in link_tags.values()},
        blanks=frozenset(node_tags[b] for b in blanks),
        grid=grid,
        theme=_COMPACT if compact else "default",
    )
    statements = [
        Choice(id=node_tags[n.id], text=" ".join(n.text.split()))
        for n in m.nodes
        if n.id in node_tags and n.id not in blanks
    ]
    statements.sort(key=lambda c: (len(c.id), c.id))
    kinds = {k.kind for k in m.links}
    return Diagram(
        id=diagram_id,
        caption=caption,
        dot=to_dot(drawn, options),
        statements=tuple(statements),
        reading=reading(
            kinds,
            neutral_links=neutral_links,
            hide_sides=hide_sides,
            blanks=bool(blanks),
            joined=any(k.is_linked for k in m.links),
            inferred=any(e.inferred for e in (*m.nodes, *m.links)),
        ),
    )


def reading(
    kinds: Collection[str],
    *,
    neutral_links: bool = False,
    hide_sides: bool = False,
    blanks: bool = False,
    joined: bool = False,
    inferred: bool = False,
) -> str:
    """How to read a worksheet diagram's lines, in one or two sentences.

    ``inferred`` adds what the "(inferred)" mark on a box or line means.

    Examples:
        >>> print(reading({"supports", "attacks"}))
        Boxes: tag, kind and side, then a short title.
        Lines: + (solid arrow) supports, − (dashed, bar end) attacks.
        >>> print(reading({"supports", "attacks"}, neutral_links=True, hide_sides=True))
        Boxes: tag and kind, then a short title.
        Lines: every stance link is drawn alike (grey arrow).
        >>> print(reading({"supports"}, joined=True))
        Boxes: tag, kind and side, then a short title.
        Lines: + (solid arrow) supports, a dot where lines meet joins reasons that count only together.
        >>> print(reading({"attacks"}, inferred=True))
        Boxes: tag, kind and side, then a short title.
        Lines: − (dashed, bar end) attacks.
        “(inferred)”: the map authors' reading, not something the text states.
    """
    boxes = "Boxes: tag and kind" if hide_sides else "Boxes: tag, kind and side"
    parts: list[str] = []
    if neutral_links:
        if set(kinds) & set(STANCE_KINDS):
            parts.append("every stance link is drawn alike (grey arrow)")
    else:
        if "supports" in kinds:
            parts.append("+ (solid arrow) supports")
        if "attacks" in kinds:
            parts.append("− (dashed, bar end) attacks")
        if UNDERCUTS in kinds:
            parts.append("− undercut (dotted) attacks the link it ends on")
    if "contradicts" in kinds:
        parts.append("⊥ contradicts")
    if "equivalent" in kinds:
        parts.append("≡ says the same")
    if joined:
        parts.append("a dot where lines meet joins reasons that count only together")
    text = f"{boxes}, then a short title."
    if blanks:
        text += " “?  ?  ?” marks the gap."
    if parts:
        text += "\nLines: " + ", ".join(parts) + "."
    if inferred:
        text += "\n“(inferred)”: the map authors' reading, not something the text states."
    return text
