"""Find the flaw: spot the stance inconsistency put into a copy of the map.

Each item takes a copy of the map (the user's map is never changed), adds
one link that makes it inconsistent, and runs the checker on the copy. The
flaw is kept only when the checker reports a *new* finding of the intended
rule that involves the added link; the answer key is then the links of that
finding's witness, so the key comes from the checker, not from the
generator's own idea of the flaw. The added link gets an ordinary generated
id and a random place among the links, and is drawn like every other link;
its kind does not give it away: it runs only between nodes of kinds that
the map links that way itself (a principle may support a claim; a claim
never supports a principle, and in a map where only counterclaims attack
claims, no claim attacks one), and a contradiction only where its figure
draws another (never the only ⊥ of a figure). A map whose conventions
leave no room for a difficulty's flaws (allied-space-cooperation has no
support cycle among claims and no contradiction, so medium fits only some
of its issues) gets a clear error rather than a flaw that gives itself away.

Each item has its own compact diagram: the finding's nodes and, around
them, their neighbours one link away (at most :data:`MAX_NODES` nodes, more
only when the flaw itself needs them, and then one neighbour more: a figure
never has every link at fault, which would answer "name every link at
fault" without a thought), ranks set close, stances shown and
every node and link tagged; who holds each node is shown only when the flaw
is about sides (AM302), so that the boxes stay short and the figure prints
beside its item, with its text at 8 pt or more. Students name the
links at fault (``L2, L5``). An element the map's authors inferred is
drawn, listed and named in the prompt as "(inferred)": the flaw may rest
on it, but it is never passed off as the text's.

Flaws by difficulty: easy adds a contradictory stance (AM101: a node that
supports X now also attacks X) or a side incoherence (AM302: a side attacks
its own claim, or supports an opposed side's); medium a circular support
(AM201) or a support-and-contradiction (AM102); hard a self-undermining
chain (AM202) or an unbalanced stance cycle (AM203). Easy has 2 items,
medium 3, hard 4, or fewer where the scope has no room: no two figures draw
the same statements (the link one figure has and the other lacks would give
both flaws away). In a worksheet whose figures hide the sides (one with
``sort-by-side`` or ``label-links``), easy puts in no side incoherence: its
figure would show who holds what.

Examples:
    >>> import argmap
    >>> from argmap.exercises import generate
    >>> ex = generate(argmap.load_corpus("school-phones"), "find-flaw", seed=4)
    >>> item = ex.items[0]
    >>> item.answer_type, set(item.key) <= {c.id for c in item.choices}
    ('choices', True)
    >>> item.explanation[:5] in ("AM101", "AM302")
    True
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from argmap.builder import MapBuilder
from argmap.checks import check, get_rule
from argmap.checks.registry import Finding
from argmap.errors import ExerciseError
from argmap.exercises.common import Hidden, diagram, shuffled, submap, tag_links, tags_for
from argmap.exercises.model import Choice, Diagram, Item, Part
from argmap.exercises.registry import Setting, kind
from argmap.exercises.vocabulary import NODE_STANCE_KINDS
from argmap.graph import (
    link_ends,
    links_between,
    neighbourhood,
    sides_oppose,
    supporters,
    undercut_link,
    walks,
)
from argmap.model import NODE_KINDS, ArgumentMap, LinkKind

__all__ = ["MAX_NODES", "RULES_BY_DIFFICULTY", "find_flaw"]

#: The rules whose flaws each difficulty injects.
RULES_BY_DIFFICULTY: Mapping[int, tuple[str, ...]] = {
    1: ("AM101", "AM302"),
    2: ("AM201", "AM102"),
    3: ("AM202", "AM203"),
}

#: At most this many nodes per diagram (more only when the flaw itself needs them).
MAX_NODES = 5

# How far from the flaw's nodes a diagram reaches for context, in links.
_CONTEXT_LINKS = 1

#: How the instructions name each kind of flaw.
_FLAW_WORDS: Mapping[str, str] = {
    "AM101": "a node that both supports and attacks the same node",
    "AM302": "a side that attacks its own claim, or supports a claim of a side it opposes",
    "AM201": "supports that go round in a circle",
    "AM102": "two nodes that both support and contradict each other",
    "AM202": "a node whose chain of links turns against itself or against what it supports",
    "AM203": "a cycle with an odd number of attacks, so that the nodes cannot be split into two camps",
}

_COUNTS = {1: 2, 2: 3, 3: 4}
# The flaws that are about who holds what: their diagrams show the sides.
_SIDE_RULES = frozenset({"AM302"})
_INFERRED_SHOWN = (
    " What is marked “(inferred)” is the map authors' reading, not something the text states;"
    " it may still be at fault."
)
# Tries per rule before giving up on it: each try builds and checks a copy of the map.
_TRIES = 60
_SUPPORT_CHAIN = 3
# How far apart (in links) the two ends of a link put in to unbalance a cycle may be.
_CYCLE_REACH = 2

# A link to inject: its kind, its premises and its target.
_Spec = tuple[LinkKind, tuple[str, ...], str]


@dataclass(frozen=True)
class _Flaw:
    flawed: ArgumentMap
    added: str
    finding: Finding
    drawn: tuple[str, ...]


# -- candidate links, per rule ------------------------------------------------


def _linked(m: ArgumentMap, a: str, b: str) -> bool:
    return bool(links_between(m, a, b))


def _opposite_stances(m: ArgumentMap) -> Iterator[_Spec]:
    """AM101: the opposite stance beside an existing support or attack."""
    for link in m.links:
        if link.kind in NODE_STANCE_KINDS:
            yield ("attacks" if link.kind == "supports" else "supports", link.premises, link.target)


def _incoherent_sides(m: ArgumentMap) -> Iterator[_Spec]:
    """AM302: an attack on a node of one's own side, or a support of an opposed side's node."""
    held = [n for n in m.nodes if n.held_by is not None and n.kind != "issue"]
    for x in held:
        for y in held:
            if x.id == y.id or _linked(m, x.id, y.id):
                continue
            if x.held_by == y.held_by:
                yield ("attacks", (x.id,), y.id)
            elif sides_oppose(m, x.held_by, y.held_by):
                yield ("supports", (x.id,), y.id)


def _support_chains(m: ArgumentMap) -> list[tuple[str, ...]]:
    """Chains of 1 to 3 (non-concession) supports, as node ids from first to last."""
    return walks(m, "supports", _SUPPORT_CHAIN, keep=lambda link: not link.concession)


def _closing_supports(m: ArgumentMap) -> Iterator[_Spec]:
    """AM201: a support from the end of a support chain back to its start."""
    for chain in _support_chains(m):
        yield ("supports", (chain[-1],), chain[0])


def _contradicting_supports(m: ArgumentMap) -> Iterator[_Spec]:
    """AM102: a contradiction between a supporter and what it supports."""
    for link in m.links:
        if link.kind == "supports":
            for premise in link.premises:
                yield ("contradicts", (premise,), link.target)
                yield ("contradicts", (link.target,), premise)


def _undermining(m: ArgumentMap) -> Iterator[_Spec]:
    """AM202: an attack closing a support chain, or an attack on a fellow supporter."""
    for chain in _support_chains(m):
        yield ("attacks", (chain[-1],), chain[0])
    for link in m.links:
        if link.kind != "supports" or link.concession or link.is_linked:
            continue
        for other in supporters(m, link.target):
            if other != link.source and not _linked(m, str(link.source), other):
                yield ("attacks", link.premises, other)


def _camps(m: ArgumentMap) -> dict[str, tuple[int, bool]]:
    """Each node's connected part of the stance graph, and its camp in that part.

    Two nodes a support joins share a camp, two an attack joins are in opposite ones, read
    out from the first node of each part. (A traversal that belongs in :mod:`argmap.graph`,
    which is being reworked: kept here until it can move.)
    """
    near: dict[str, list[tuple[str, bool]]] = {n.id: [] for n in m.nodes}
    for link in m.links:
        if link.kind in NODE_STANCE_KINDS and link.target in near:
            for premise in link.premises:
                near[premise].append((link.target, link.kind == "attacks"))
                near[link.target].append((premise, link.kind == "attacks"))
    camps: dict[str, tuple[int, bool]] = {}
    for part, node in enumerate(m.nodes):
        if node.id in camps:
            continue
        camps[node.id] = (part, False)
        pending = [node.id]
        while pending:
            current = pending.pop()
            for other, flips in near[current]:
                if other not in camps:
                    camps[other] = (part, camps[current][1] != flips)
                    pending.append(other)
    return camps


def _unbalancing(m: ArgumentMap) -> Iterator[_Spec]:
    """AM203: a support across camps, or an attack within one, between two unlinked nodes near each other.

    Such a link closes a cycle with an odd number of attacks (the checker finds it); a link
    that agrees with the camps, or joins two unconnected parts, closes none. The two ends are
    at most :data:`_CYCLE_REACH` links apart, so that the cycle is short and its figure small.
    """
    camps = _camps(m)
    nodes = [n.id for n in m.nodes if n.kind != "principle"]
    for a in nodes:
        # two links away at most: a short cycle, whose figure prints small beside its item
        near = set(neighbourhood(m, a, _CYCLE_REACH))
        for b in nodes:
            if a == b or b not in near or _linked(m, a, b) or camps[a][0] != camps[b][0]:
                continue
            yield ("attacks" if camps[a][1] == camps[b][1] else "supports", (a,), b)


_CANDIDATES: Mapping[str, Callable[[ArgumentMap], Iterator[_Spec]]] = {
    "AM101": _opposite_stances,
    "AM302": _incoherent_sides,
    "AM201": _closing_supports,
    "AM102": _contradicting_supports,
    "AM202": _undermining,
    "AM203": _unbalancing,
}


# -- injecting and checking ------------------------------------------------------


def _inject(m: ArgumentMap, spec: _Spec, rng: random.Random) -> tuple[ArgumentMap, str]:
    """A copy of ``m`` with the link added at a random place among the links (so order gives nothing away)."""
    link_kind, premises, target = spec
    builder = MapBuilder.from_map(m)
    source: str | list[str] = premises[0] if len(premises) == 1 else list(premises)
    added = builder.link(link_kind, source, target)
    built = builder.build()
    links = list(built.links)
    added_link = links.pop()
    links.insert(rng.randrange(len(links) + 1), added_link)
    fields = {name: getattr(built, name) for name in type(built).model_fields}
    return ArgumentMap.model_validate({**fields, "links": links}), added


def _drawn_nodes(flawed: ArgumentMap, finding: Finding, added: str) -> tuple[str, ...]:
    """The finding's nodes (and every end of its links), then neighbours ring by ring up to the cap.

    When the added link is a contradiction and no other is drawn yet, the neighbours that bring
    one in come first: it must not be the only ⊥ of its figure.
    """
    kind = flawed.link(added).kind
    rare = kind not in NODE_STANCE_KINDS
    core: dict[str, None] = {}
    for element in finding.elements:
        if flawed.has(element):
            found = flawed.element(element)
            if found.kind in NODE_KINDS:
                core[element] = None
            else:
                core.update(dict.fromkeys(link_ends(flawed, flawed.link(element))))
    kept = dict(core)
    ring = list(core)
    for _depth in range(_CONTEXT_LINKS):
        nxt: dict[str, None] = {}
        for node_id in ring:
            for near in neighbourhood(flawed, node_id, 1):
                if near not in kept:
                    nxt[near] = None
        order = [n.id for n in flawed.nodes if n.id in nxt]
        if rare and not any(k.kind == kind and str(k.id) != added for k in submap(flawed, list(kept)).links):

            def brings_kind(near: str) -> bool:
                return any(
                    k.kind == kind and str(k.id) != added
                    for other in kept
                    for k in links_between(flawed, near, other)
                )

            order.sort(key=lambda near: not brings_kind(near))
        room = MAX_NODES - len(kept)
        if room <= 0:
            break
        kept.update(dict.fromkeys(order[:room]))
        ring = order[:room]
    return tuple(n.id for n in flawed.nodes if n.id in kept)


def _one_more(flawed: ArgumentMap, drawn: tuple[str, ...], at_fault: set[str]) -> tuple[str, ...]:
    """``drawn`` and the first neighbour (in map order) that brings in a link not at fault; else ``drawn``."""
    near: set[str] = set()
    for node_id in drawn:
        near.update(neighbourhood(flawed, node_id, 1))
    for node in flawed.nodes:
        if node.id in near and node.id not in drawn:
            more = tuple(n.id for n in flawed.nodes if n.id in drawn or n.id == node.id)
            if any(str(k.id) not in at_fault for k in submap(flawed, more).links):
                return more
    return drawn


def _combinations(m: ArgumentMap) -> set[tuple[str, str, str]]:
    """Each (premise kind, link kind, target kind) that a link of ``m`` between nodes has.

    Symmetric links (contradicts, equivalent) count both ways round.

    Examples:
        >>> import argmap
        >>> found = _combinations(argmap.load_corpus("allied-space-cooperation"))
        >>> ("principle", "supports", "claim") in found, ("claim", "supports", "principle") in found
        (True, False)
    """
    nodes = {n.id: n.kind for n in m.nodes}
    found: set[tuple[str, str, str]] = set()
    for link in m.links:
        if link.target not in nodes:
            continue  # an undercut: never put in
        for premise in link.premises:
            found.add((nodes[premise], link.kind, nodes[link.target]))
            if link.kind in ("contradicts", "equivalent"):
                found.add((nodes[link.target], link.kind, nodes[premise]))
    return found


def _try(
    m: ArgumentMap, code: str, spec: _Spec, before: set[tuple[str, ...]], rng: random.Random
) -> _Flaw | None:
    flawed, added = _inject(m, spec, rng)
    for finding in check(flawed, select=[code]):
        if finding.elements in before or added not in finding.elements:
            continue
        drawn = _drawn_nodes(flawed, finding, added)
        figure = submap(flawed, drawn).links
        shown = {str(k.id) for k in figure}
        at_fault = {e for e in finding.elements if e in {str(k.id) for k in flawed.links}}
        if not at_fault <= shown:
            continue
        if shown <= at_fault:
            # Every link of the figure at fault: "name them all" would need no thought. One more
            # neighbour brings in a link that is not (the figure may then hold one node more).
            drawn = _one_more(flawed, drawn, at_fault)
            figure = submap(flawed, drawn).links
            if {str(k.id) for k in figure} <= at_fault:
                continue
        # The added link must not stand out by its kind: the one ⊥ of a figure gives the flaw away,
        # while supports and attacks are drawn all over any debate.
        if spec[0] in NODE_STANCE_KINDS or any(k.kind == spec[0] and str(k.id) != added for k in figure):
            return _Flaw(flawed, added, finding, drawn)
    return None


def _nodes_of(flaw: _Flaw) -> frozenset[str]:
    links = {str(k.id) for k in flaw.flawed.links}
    return frozenset(e for e in flaw.finding.elements if e not in links)


# -- words --------------------------------------------------------------------


def _describe(
    flawed: ArgumentMap, finding: Finding, nodes: Mapping[str, str], links: Mapping[str, str]
) -> str:
    """The finding in plain words, with tags for ids (and side names for side ids)."""

    def node_tag(node_id: str) -> str:
        return nodes[node_id]

    def stance(link_id: str) -> str:
        link = flawed.link(link_id)
        source = " + ".join(node_tag(p) for p in link.premises)
        return f"{source} {link.kind} {node_tag(link.target)} ({links[link_id]})"

    def side(side_id: str | None) -> str:
        return flawed.side(side_id).name if side_id is not None else "no side"

    elements = finding.elements
    link_ids = [e for e in elements if e in links]
    cited = ", ".join(links[e] for e in link_ids)
    code = finding.code
    if code == "AM101":
        support, attack = (flawed.link(e) for e in link_ids)
        source = " + ".join(node_tag(p) for p in support.premises)
        text = f"{source} both supports and attacks {node_tag(support.target)} ({cited})."
    elif code == "AM102":
        support = flawed.link(link_ids[0])
        text = (
            f"{node_tag(elements[0])} supports {node_tag(support.target)} ({links[link_ids[0]]}), but the two"
            f" are also said to contradict each other ({links[link_ids[1]]})."
        )
    elif code == "AM302":
        link = flawed.link(link_ids[0])
        holder = link.held_by or flawed.node(link.premises[0]).held_by
        owner = flawed.node(link.target).held_by
        if link.kind == "attacks":
            text = f"{stance(link_ids[0])}, but {side(owner)} hold both, so the side attacks its own claim."
        else:
            text = (
                f"{stance(link_ids[0])}: {side(holder)} support a claim of {side(owner)}, a side they oppose."
            )
    elif code == "AM201":
        steps = "; ".join(stance(e) for e in link_ids)
        text = f"{steps}: the support goes round in a circle, so each claim is a reason for itself."
    elif code == "AM202" and elements[0] == elements[-1]:
        steps = "; ".join(stance(e) for e in link_ids)
        back = node_tag(elements[0])
        text = f"{steps}: the chain comes back to {back} as an attack, so it argues against itself."
    elif code == "AM202":
        direct = link_ids[-1]
        steps = "; ".join(stance(e) for e in link_ids[:-1])
        text = f"{stance(direct)}, but {node_tag(elements[0])} also works against it: {steps}."
    else:
        hostile = sum(1 for e in link_ids if flawed.link(e).kind in ("attacks", "contradicts"))
        steps = "; ".join(stance(e) for e in link_ids)
        text = (
            f"{steps}: a cycle with {hostile} hostile {'link' if hostile == 1 else 'links'}, an odd number,"
            " so the nodes cannot be split into two camps."
        )
    return f"{code} {finding.name or get_rule(code).name}: {text}"


def _choice_text(m: ArgumentMap, link_id: str, nodes: Mapping[str, str], links: Mapping[str, str]) -> str:
    link = m.link(link_id)
    source = " + ".join(nodes[p] for p in link.premises)
    target = nodes[link.target] if undercut_link(m, link) is None else links[link.target]
    return f"{source} {link.kind} {target}{' (inferred)' if link.inferred else ''}"


def _item(
    number: int,
    flaw: _Flaw,
    rng: random.Random,
    diagram_id: str,
    names: Mapping[str, str] | None,
    hidden: Hidden,
) -> tuple[Item, Diagram]:
    flawed, finding = flaw.flawed, flaw.finding
    shown = submap(flawed, flaw.drawn)
    nodes = tags_for(names, rng, list(flaw.drawn))
    links = tag_links(rng, [str(k.id) for k in shown.links])
    choices = [
        Choice(id=tag, text=_choice_text(shown, link_id, nodes, links))
        for link_id, tag in sorted(links.items(), key=lambda pair: int(pair[1][1:]))
    ]
    at_fault = sorted({links[e] for e in finding.elements if e in links}, key=lambda tag: int(tag[1:]))
    drawing = diagram(
        shown,
        diagram_id,
        "Part of the debate, with one flaw put in",
        node_tags=nodes,
        link_tags=links,
        # Who holds a node matters only to a side's incoherence; elsewhere the side names
        # would make every box taller and the figure longer than a page can hold at 8 pt.
        hide_sides=finding.code not in _SIDE_RULES,
        compact=True,
        # A flaw is read from the links' stances: only the sides a worksheet hides are hidden.
        hidden=Hidden(sides=hidden.sides),
    )
    item = Item(
        id=str(number),
        prompt=(
            f"Diagram {diagram_id} shows part of the debate with one inconsistency put in."
            " Which links make up the flaw? Name every link at fault."
            + _INFERRED_SHOWN
            * any(e.inferred for e in (*shown.nodes, *shown.links))
        ),
        answer_type="choices",
        choices=tuple(choices),
        key=tuple(at_fault),
        elements=tuple(dict.fromkeys(finding.elements)),
        explanation=_describe(flawed, finding, nodes, links),
        diagram=diagram_id,
    )
    return item, drawing


@kind(
    "find-flaw",
    "Find the flaw",
    "name the links that make an inconsistency put into the map",
    quiz=False,
)
def find_flaw(setting: Setting) -> Part:
    """Items: one flawed copy of the map each, with its diagram; the key is the checker's witness links."""
    m, rng, level = setting.m, setting.rng, setting.difficulty
    rules = RULES_BY_DIFFICULTY[level]
    if setting.hidden.sides:
        # A side's incoherence shows who holds what, which another part of the worksheet asks.
        rules = tuple(code for code in rules if code not in _SIDE_RULES)
    pending: dict[str, list[_Spec]] = {}
    before: dict[str, set[tuple[str, ...]]] = {}
    tries = dict.fromkeys(rules, 0)
    flaws: list[_Flaw] = []
    seen: set[frozenset[str]] = set()
    drawn: set[frozenset[str]] = set()  # the statements each figure draws
    possible: set[str] = set()  # the kinds of flaw this map has room for
    order = shuffled(rng, rules)
    want = _COUNTS[level]
    turn = 0
    while len(flaws) < want and any(tries[r] < _TRIES and pending.get(r, True) for r in rules):
        code = order[turn % len(order)]
        turn += 1
        if code not in pending:
            # a link out of an issue (or a question "contradicted") reads as nonsense, not as a slip
            issues = {n.id for n in m.issues}
            # a link the map never draws between nodes of those kinds (a support of a principle,
            # an attack by evidence, a claim attacking a claim where only counterclaims attack)
            # would stand out in any figure (see also _try)
            used = _combinations(setting.whole or m)
            kinds = {n.id: n.kind for n in m.nodes}
            specs = (
                spec
                for spec in _CANDIDATES[code](m)
                if all((kinds[p], spec[0], kinds[spec[2]]) in used for p in spec[1])
                and not issues.intersection(spec[1])
                and not (spec[0] == "contradicts" and spec[2] in issues)
            )
            pending[code] = shuffled(rng, dict.fromkeys(specs))
            before[code] = {f.elements for f in check(m, select=[code])}
            if pending[code]:
                possible.add(code)
        while pending[code] and tries[code] < _TRIES:
            tries[code] += 1
            found = _try(m, code, pending[code].pop(), before[code], rng)
            if found is not None and _nodes_of(found) not in seen and frozenset(found.drawn) not in drawn:
                # the same nodes again (a circle drawn the other way round) would be the same question;
                # and two figures of the same statements would give both flaws away: the link one
                # figure has and the other lacks is the one put in
                seen.add(_nodes_of(found))
                drawn.add(frozenset(found.drawn))
                flaws.append(found)
                break
    if not flaws:
        # the flaws it tried, where some had room; else every flaw of the difficulty
        names = " or ".join(
            f"{code} {get_rule(code).name}" for code in rules if code in possible or not possible
        )
        asked = [n.id for n in m.issues]
        scope = (
            f"issue {asked[0]!r} of map {m.id!r}"
            if len(asked) == 1 and setting.whole is not None and len(setting.whole.issues) > 1
            else f"map {m.id!r}"
        )
        raise ExerciseError(
            f"{scope}: find-flaw cannot put a flaw ({names}) into it: it has too few links"
            " between nodes of the kinds the map itself links that way (a flaw of another kind of link"
            " would give itself away); try another difficulty or a larger scope"
        )
    items: list[Item] = []
    drawings: list[Diagram] = []
    for number, flaw in enumerate(flaws, start=1):
        item, drawing = _item(number, flaw, rng, f"d{number}", setting.names, setting.hidden)
        items.append(item)
        drawings.append(drawing)
    # name only the kinds this map could have been given: students should not hunt for one it cannot hold
    planted = {flaw.finding.code for flaw in flaws}
    named = [_FLAW_WORDS[code] for code in rules if code in possible | planted]
    kinds_of_flaw = f": {named[0]}" if len(named) == 1 else ", either " + ", or ".join(named)
    return Part(
        kind="find-flaw",
        title="Find the flaw",
        instructions=(
            "Each diagram shows part of the debate, copied with one inconsistency put in"
            f"{kinds_of_flaw}. For each item, list the tags of the links that make the flaw."
        ),
        diagrams=tuple(drawings),
        items=tuple(items),
    )
