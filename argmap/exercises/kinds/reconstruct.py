"""Reconstruct the map: draw the stance links between an issue's statements.

One item per issue in scope (at most two: on a map with more issues, two are
picked at random). The diagram shows the item's statements, tagged ``A``,
``B``... in a shuffled order, with no links; the student lists each link as
*source tag, kind, target tag* (``B supports A``, ``C attacks B``) and is
scored by F1 against the map's own links.

What the key holds: every ``supports`` and ``attacks`` link among the item's
nodes, one answer per premise for linked premises (``B`` and ``C`` jointly
support ``A`` becomes ``B supports A`` and ``C supports A``). Undercuts are
left out, at every difficulty: an undercut targets a link, and naming a link
the student has yet to draw would need tags for links that are not on the
page. Symmetric links (contradicts, equivalent) are left out too, since
the student's link kinds are supports, attacks and undercuts. So that no
statement is joined to the others only by such a link, the nodes are chosen
along supports and attacks. A link the map's authors inferred (``inferred:
true``) is keyed too, since it is part of the debate's structure, but never as
if the text stated it: the prompt says that some links are inferred, and the
key's explanation how many.

Difficulty: easy takes the issue and up to 6 nodes nearest to it (fewest
supports and attacks away; ties broken at random), medium up to 10, hard
every node a chain of supports and attacks joins to the issue. A joint
reason is shown whole: a premise taken brings the others of its reason
(one more statement or two), since a link from one premise alone is in no
key. The figure shows no sides (who holds what would tell a support within
a side from an attack across), nor does the starter. An item is
worth as many points as its key has links, so that a large map weighs more
than a small one when scores are added up.

:func:`starter` turns an item back into a map of its tagged statements with
no links: a student can fill in the links in that file and hand it in.

Examples:
    >>> import argmap
    >>> from argmap.exercises import generate
    >>> ex = generate(argmap.load_corpus("school-phones"), "reconstruct", seed=1)
    >>> item = ex.items[0]
    >>> item.answer_type, item.points == len(item.key_links)
    ('links', True)
"""

from __future__ import annotations

import random

from argmap import graph
from argmap.errors import ExerciseError
from argmap.exercises.common import Hidden, anonymize, diagram, opening, sample, submap, tags_for, unlinked
from argmap.exercises.model import Choice, Diagram, Item, LinkAnswer, Part
from argmap.exercises.registry import Setting, kind
from argmap.model import ArgumentMap, LinkKind
from argmap.words import plural

__all__ = ["key_links", "reconstruct", "starter"]

_MAX_ISSUES = 2
_COUNTS = {1: 6, 2: 10, 3: 100_000}
_KEYED: tuple[LinkKind, ...] = ("supports", "attacks")
_INFERRED_KEYED = (
    " Some of these links are the map authors' reading (inferred) rather than what the text states;"
    " list them too."
)


def _nearest(m: ArgumentMap, issue_id: str, count: int, rng: random.Random) -> list[str]:
    """The issue and up to ``count`` of its nodes nearest to it along supports and attacks."""
    own = set(graph.issue_nodes(m, issue_id))
    # a principle or claim shared with another issue must not lead into that issue's nodes
    distance = graph.distances(m, issue_id, _KEYED, within=own)
    # the random draw is made for every node in map order, so it is the same whatever the count
    tiebreak = {n.id: rng.random() for n in m.nodes if n.id in own}
    others = sorted(
        (node_id for node_id in distance if node_id != issue_id), key=lambda n: (distance[n], tiebreak[n])
    )
    return _whole_reasons(m, [issue_id, *others[:count]])


def _whole_reasons(m: ArgumentMap, chosen: list[str]) -> list[str]:
    """``chosen`` and the missing premises of every joint reason it shows in part, in map order after it.

    A joint (linked) reason drawn with one of its premises and not the other
    would leave the student a link (``B supports A``) that the key cannot
    hold, since the map gives that reason only with both: the figure shows
    the reason whole instead.
    """
    kept = dict.fromkeys(chosen)
    grown = True
    while grown:
        grown = False
        for link in m.links:
            if link.kind not in _KEYED or not link.is_linked or link.target not in kept:
                continue
            if any(p in kept for p in link.premises) and not all(p in kept for p in link.premises):
                kept.update(dict.fromkeys(link.premises))
                grown = True
    return list(kept)


def key_links(m: ArgumentMap, node_ids: list[str], tags: dict[str, str]) -> tuple[LinkAnswer, ...]:
    """The supports and attacks among ``node_ids``, in map order, as tagged answers (one per premise).

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> b = MapBuilder("m", "T")
        >>> for n in ("q", "a", "b"):
        ...     _ = b.claim(n, n.upper() + ".")
        >>> _ = b.supports(["a", "b"], "q"); _ = b.contradicts("a", "b")
        >>> keyed = key_links(b.build(), ["q", "a", "b"], {"q": "A", "a": "B", "b": "C"})
        >>> [(k.source, k.kind, k.target) for k in keyed]
        [('B', 'supports', 'A'), ('C', 'supports', 'A')]
    """
    answers: list[LinkAnswer] = []
    for link in submap(m, node_ids).links:
        if link.kind in _KEYED:
            for premise in link.premises:
                answers.append(LinkAnswer(source=tags[premise], kind=link.kind, target=tags[link.target]))
    return tuple(answers)


def _tally(answers: tuple[LinkAnswer, ...], inferred: int) -> str:
    counts = {k: sum(1 for a in answers if a.kind == k) for k in _KEYED}
    words = " and ".join(f"{n} {k if n != 1 else k.removesuffix('s')}" for k, n in counts.items() if n)
    if inferred:
        words += f" ({inferred} of {'them' if len(answers) > 1 else 'it'} inferred by the map's authors)"
    return f"The map joins these statements by {words}."


def _inferred_keyed(m: ArgumentMap, node_ids: list[str]) -> int:
    """How many answers of the key come from links the map's authors inferred (one per premise)."""
    return sum(len(k.premises) for k in submap(m, node_ids).links if k.kind in _KEYED and k.inferred)


def _unlinked(m: ArgumentMap, node_ids: list[str]) -> ArgumentMap:
    """The map of the given nodes, in the order given, with no links at all (what the student starts from)."""
    nodes = unlinked(submap(m, node_ids))
    fields = {name: getattr(nodes, name) for name in type(nodes).model_fields}
    order = {node_id: i for i, node_id in enumerate(node_ids)}
    return ArgumentMap.model_validate({**fields, "nodes": sorted(nodes.nodes, key=lambda n: order[n.id])})


def starter(m: ArgumentMap, item: Item) -> ArgumentMap:
    """A map of a reconstruct item's statements, ids replaced by their tags, with no links.

    For a class that works on the tags: a student fills in the links
    (``source``/``target`` are tags). Notes, anchors and data are left out, so
    the file gives nothing away. (``argmap exercise --starter`` writes the
    map's own nodes instead, for :func:`argmap.exercises.grade_maps`.)

    Args:
        m: The map the exercise was made from.
        item: An item of a reconstruct part.

    Raises:
        ExerciseError: the item is not a reconstruct item made from ``m``.

    Examples:
        >>> import argmap
        >>> from argmap.exercises import generate
        >>> m = argmap.load_corpus("school-phones")
        >>> item = generate(m, "reconstruct", seed=1).items[0]
        >>> start = starter(m, item)
        >>> [n.id for n in start.nodes] == [c.id for c in item.choices], start.links
        (True, ())
    """
    if item.answer_type != "links" or len(item.elements) != len(item.choices):
        raise ExerciseError(f"item {item.id} is not a reconstruct item")
    tags: dict[str, str] = {}
    nodes = {n.id: n for n in m.nodes}
    for node_id, choice in zip(item.elements, item.choices, strict=True):
        if node_id not in nodes or nodes[node_id].text != choice.text:
            raise ExerciseError(
                f"item {item.id} was not made from map {m.id!r} (its node {choice.id} differs)"
            )
        tags[node_id] = choice.id
    plain = anonymize(_unlinked(m, list(item.elements)), tags, {})
    order = {tag: i for i, tag in enumerate(tags.values())}
    fields = {name: getattr(plain, name) for name in type(plain).model_fields}
    return ArgumentMap.model_validate({**fields, "nodes": sorted(plain.nodes, key=lambda n: order[n.id])})


@kind(
    "reconstruct",
    "Reconstruct the map",
    "draw the supports and attacks between an issue's statements",
    quiz=False,
    # The links themselves: other figures still draw them, but alike (see "Known limits").
    hides=Hidden(stances=True),
)
def reconstruct(setting: Setting) -> Part:
    """Items: one per issue (at most two); the key is the map's supports and attacks among its nodes."""
    m, rng = setting.m, setting.rng
    issues = [n.id for n in m.issues]
    if len(issues) > _MAX_ISSUES:
        picked = set(sample(rng, issues, _MAX_ISSUES))
        issues = [i for i in issues if i in picked]
    items: list[Item] = []
    drawings: list[Diagram] = []
    for issue_id in issues:
        chosen = _nearest(m, issue_id, _COUNTS[setting.difficulty], rng)
        tags = tags_for(setting.names, rng, chosen)
        answers = key_links(m, chosen, tags)
        if not answers:
            continue
        number = len(items) + 1
        diagram_id = f"d{number}"
        issue = m.node(issue_id)
        inferred = _inferred_keyed(m, chosen)
        items.append(
            Item(
                id=str(number),
                prompt=(
                    f"Diagram {diagram_id} shows {len(chosen)} statements of the debate on"
                    f" “{opening(issue)}” ({tags[issue_id]}), without their links. List every link"
                    " between them, one per line, as source tag, kind, target tag: for example"
                    " “B supports A” or “C attacks B”. When two statements give a reason only"
                    " together, list a link from each." + _INFERRED_KEYED * bool(inferred)
                ),
                answer_type="links",
                choices=tuple(Choice(id=tag, text=m.node(node_id).text) for node_id, tag in tags.items()),
                key_links=answers,
                points=len(answers),
                elements=tuple(tags),
                explanation=_tally(answers, inferred),
                diagram=diagram_id,
            )
        )
        # With no links dot would stack every statement in one rank: a grid, in tag order.
        drawings.append(
            diagram(
                _unlinked(m, list(tags)),
                diagram_id,
                f"Statements on “{opening(issue, 60)}”, links left out",
                node_tags=tags,
                grid=True,
                # Who holds each statement would give the links away: a support within a side,
                # an attack across.
                hide_sides=True,
                hidden=setting.hidden,
            )
        )
    if not items:
        raise ExerciseError(
            f"map {m.id!r}: reconstruct needs an issue with statements that support or attack each other"
            f" (found {plural(len(m.issues), 'issue')} and none with such links)"
        )
    return Part(
        kind="reconstruct",
        title="Reconstruct the map",
        instructions=(
            "Each diagram shows statements of the debate with their links taken away. Put the links"
            " back: say which statement supports (gives a reason for) or attacks (argues against)"
            " which, writing each link as source tag, kind, target tag."
        ),
        diagrams=tuple(drawings),
        items=tuple(items),
    )
