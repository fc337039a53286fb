"""The graph layer: every question about a map's structure, answered in one place.

Plain functions over an :class:`~argmap.model.ArgumentMap`, one question each,
in the style of networkx: who supports or attacks a node, which links join two
nodes, where an undercut finally lands, what lies within k links, what bears
on an issue, which nodes a side holds, which sides oppose, and the sub-map of
some nodes. Render, checks, exercises and semantics ask these functions
instead of walking links themselves.

What they return, one rule throughout: an answer that is **nodes** is node
ids (strings; ``m.node(id)`` gives the node), as a tuple in map order, or as
a set where the answer is a reach to test against (:func:`bearing_on`,
:func:`bears_on`); an answer that is **links** is the link objects
(:func:`links_between`, :func:`drawn_links`), as ``m.links_to`` and
``m.links_from`` give them, since a caller reads a link's kind, premises and
target. Where a function takes several node ids, one id may be given as a
plain string.

Fast paths (the checker's strongly connected components, the semantics
solvers) share one integer-indexed form of the map, :func:`compiled`, built
once per map and cached on it.

An **undercut** attacks the inference of a link rather than a node: its
``target`` is a link id. It *bears on* the node that link bears on (followed
through chains of undercuts), see :func:`final_target`.

Examples:
    >>> from argmap.builder import MapBuilder
    >>> b = MapBuilder("m", "T")
    >>> _ = b.issue("q", "Ban phones?")
    >>> for n in ("a", "b", "c"):
    ...     _ = b.claim(n, n.upper() + ".")
    >>> s = b.supports("a", "q"); _ = b.attacks("b", "a"); _ = b.undercuts("c", s)
    >>> m = b.build()
    >>> attackers(m, "a"), final_target(m, m.link(s)), sorted(bearing_on(m, ["q"]))
    (('b',), 'q', ['a', 'b', 'c', 'q'])
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TypeVar

from argmap.errors import UnknownElementError
from argmap.model import SYMMETRIC_KINDS, AnyLink, ArgumentMap, LinkKind, NodeKind
from argmap.model.fields import UNDERCUTS

__all__ = [
    "Compiled",
    "attackers",
    "bearing_on",
    "bearing_on_indexes",
    "bears_on",
    "cached",
    "compiled",
    "distances",
    "drawn_links",
    "final_target",
    "issue_nodes",
    "link_ends",
    "links_between",
    "nearest_issues",
    "neighbourhood",
    "opponents",
    "restrict",
    "side_nodes",
    "sides_oppose",
    "strongly_connected_components",
    "supporters",
    "undercut_chain",
    "undercut_link",
    "undercutters",
    "walks",
]

T = TypeVar("T")


def _example() -> ArgumentMap:
    """A small debate for the examples: should schools ban phones?"""
    from argmap.builder import MapBuilder  # the builder validates through layers above this one

    b = MapBuilder("phones", "Phones at school")
    b.side("pro", "Ban supporters", opposes=["con"])
    b.side("con", "Ban opponents")
    b.issue("ban", "Should schools ban phones?")
    b.claim("focus", "Phones distract pupils in class.", held_by="pro")
    b.claim("safety", "Phones expose pupils to bullying online.", held_by="pro")
    b.counterclaim("contact", "Parents need to reach their children.", held_by="con")
    b.claim("aside", "Unrelated remark.")
    b.supports("focus", "ban")
    b.supports("safety", "ban")
    b.attacks("contact", "focus")
    return b.build()


def cached(m: ArgumentMap, key: str, build: Callable[[ArgumentMap], T]) -> T:
    """Return ``build(m)``, computed once per map content and kept on the map.

    The cache belongs to the map's content: a copy whose nodes, links or
    sides differ (``m.model_copy(update=...)``) never sees its original's
    entries.

    Examples:
        >>> import argmap
        >>> m = argmap.MapBuilder("m", "T").build()
        >>> calls = []
        >>> def count(m):
        ...     calls.append(1)
        ...     return len(m.nodes)
        >>> cached(m, "n", count), cached(m, "n", count), len(calls)
        (0, 0, 1)
    """
    memo = m.derived()
    if key not in memo:
        memo[key] = build(m)
    value: T = memo[key]
    return value


def _ids(node_ids: str | Iterable[str]) -> tuple[str, ...]:
    """One id given as a string, or several."""
    return (node_ids,) if isinstance(node_ids, str) else tuple(node_ids)


# -- neighbours ---------------------------------------------------------------


def _premises_into(m: ArgumentMap, element_id: str, kind: LinkKind) -> tuple[str, ...]:
    if kind == UNDERCUTS:
        m.link(element_id)  # an unknown id raises, as every query does
    else:
        m.node(element_id)
    seen: dict[str, None] = {}
    for link in m.links_to(element_id, kind):
        seen.update(dict.fromkeys(link.premises))
    return tuple(seen)


def supporters(m: ArgumentMap, node_id: str) -> tuple[str, ...]:
    """Ids of the nodes that support ``node_id`` (linked premises included), in link order.

    Raises:
        UnknownElementError: the map has no node with that id.

    Examples:
        >>> supporters(_example(), "ban")
        ('focus', 'safety')
    """
    return _premises_into(m, node_id, "supports")


def attackers(m: ArgumentMap, node_id: str) -> tuple[str, ...]:
    """Ids of the nodes that attack ``node_id``, in link order.

    Raises:
        UnknownElementError: the map has no node with that id.

    Examples:
        >>> attackers(_example(), "focus")
        ('contact',)
    """
    return _premises_into(m, node_id, "attacks")


def undercutters(m: ArgumentMap, link_id: str) -> tuple[str, ...]:
    """Ids of the nodes that undercut the link ``link_id``.

    Raises:
        UnknownElementError: the map has no link with that id.

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> b = MapBuilder("m", "T")
        >>> for n in ("a", "b", "x"):
        ...     _ = b.claim(n, n.upper() + ".")
        >>> s = b.supports("a", "b"); _ = b.undercuts("x", s)
        >>> undercutters(b.build(), s)
        ('x',)
    """
    return _premises_into(m, link_id, UNDERCUTS)


def links_between(m: ArgumentMap, a: str, b: str) -> tuple[AnyLink, ...]:
    """The links from ``a`` to ``b`` or from ``b`` to ``a`` (either as a premise), in map order.

    Examples:
        >>> [k.kind for k in links_between(_example(), "contact", "focus")]
        ['attacks']
    """
    found = {
        str(k.id): k
        for k in (*m.links_from(a), *m.links_from(b))
        if (k.target == b and a in k.premises) or (k.target == a and b in k.premises)
    }
    order = compiled(m).link_index
    return tuple(sorted(found.values(), key=lambda k: order[str(k.id)]))


# -- undercuts ----------------------------------------------------------------


def final_target(m: ArgumentMap, link: AnyLink) -> str:
    """The node a link bears on: its target, or for an undercut the node its link bears on.

    Chains of undercuts are followed to their end; a cycle of undercuts (which
    the checker reports) stops where it closes.

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> b = MapBuilder("m", "T")
        >>> for n in ("a", "b", "x", "y"):
        ...     _ = b.claim(n, n.upper() + ".")
        >>> s = b.supports("a", "b"); u = b.undercuts("x", s); v = b.undercuts("y", u)
        >>> m = b.build()
        >>> final_target(m, m.link(v))
        'b'
    """
    seen: set[str] = set()
    while link.kind == UNDERCUTS and link.target not in seen:
        seen.add(link.target)
        link = m.link(link.target)
    return link.target


def link_ends(m: ArgumentMap, link: AnyLink) -> tuple[str, ...]:
    """The nodes a link joins: its premises and target; for an undercut, the ends of its link too.

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> b = MapBuilder("m", "T")
        >>> for n in ("a", "b", "c", "x"):
        ...     _ = b.claim(n, n.upper() + ".")
        >>> s = b.supports(["a", "b"], "c")
        >>> u = b.undercuts("x", s)
        >>> m = b.build()
        >>> link_ends(m, m.link(u))
        ('x', 'a', 'b', 'c')
    """
    chain = undercut_chain(m, link)
    ends: dict[str, None] = dict.fromkeys(p for k in chain for p in k.premises)
    if chain[-1].kind != UNDERCUTS:
        ends[chain[-1].target] = None
    return tuple(ends)


def undercut_link(m: ArgumentMap, link: AnyLink) -> AnyLink | None:
    """The link that ``link`` undercuts; None when ``link`` is not an undercut (its target is a node).

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> b = MapBuilder("m", "T")
        >>> for n in ("a", "b", "x"):
        ...     _ = b.claim(n, n.upper() + ".")
        >>> s = b.supports("a", "b"); u = b.undercuts("x", s)
        >>> m = b.build()
        >>> undercut_link(m, m.link(u)).id == s, undercut_link(m, m.link(s))
        (True, None)
    """
    return m.link(link.target) if link.kind == UNDERCUTS else None


def undercut_chain(m: ArgumentMap, link: AnyLink) -> tuple[AnyLink, ...]:
    """The link, the link it undercuts, the link that one undercuts, ...: each link once.

    The chain ends at the first link that is not an undercut (whose target is
    the node the chain bears on). A cycle of undercuts (which the checker
    reports) ends the chain before a link would come twice: the last link is
    then an undercut whose target is already in the chain. To name a link,
    name the last link of its chain, then each link before it by its
    premises and the name of the one after.

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> b = MapBuilder("m", "T")
        >>> for n in ("a", "b", "x", "y"):
        ...     _ = b.claim(n, n.upper() + ".")
        >>> s = b.supports("a", "b"); u = b.undercuts("x", s); v = b.undercuts("y", u)
        >>> m = b.build()
        >>> [k.kind for k in undercut_chain(m, m.link(v))], [k.kind for k in undercut_chain(m, m.link(s))]
        (['undercuts', 'undercuts', 'supports'], ['supports'])
    """
    chain = {str(link.id): link}
    while link.kind == UNDERCUTS and link.target not in chain:
        link = m.link(link.target)
        chain[str(link.id)] = link
    return tuple(chain.values())


# -- reach ----------------------------------------------------------------------


def _steps(m: ArgumentMap) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """One link's step each way: (the nodes that bear on each node, the nodes each node bears on).

    An undercut steps to the node its undercut link bears on; symmetric links
    step both ways.
    """
    feeders: dict[str, list[str]] = {}
    leads: dict[str, list[str]] = {}
    fast = compiled(m)
    ids, link_end, link_kind = fast.ids, fast.link_end, fast.link_kind
    for j, premise_indexes in enumerate(fast.link_premises):
        # the compiled form knows where each chain of undercuts ends, but for a cycle of them
        end = ids[link_end[j]] if link_end[j] >= 0 else final_target(m, m.links[j])
        premises = [ids[p] for p in premise_indexes]
        feeders.setdefault(end, []).extend(premises)
        for premise in premises:
            leads.setdefault(premise, []).append(end)
        if link_kind[j] in SYMMETRIC_KINDS:
            feeders.setdefault(premises[0], []).append(end)
            leads.setdefault(end, []).extend(premises)
    return feeders, leads


def _closure(start: Iterable[str], step: Mapping[str, list[str]]) -> set[str]:
    """``start`` and every node reached from it by repeated steps (breadth first)."""
    reached = set(start)
    queue = deque(reached)
    while queue:
        for other in step.get(queue.popleft(), ()):
            if other not in reached:
                reached.add(other)
                queue.append(other)
    return reached


def bearing_on(m: ArgumentMap, node_ids: str | Iterable[str]) -> set[str]:
    """Ids of the given nodes and of every node that bears on one of them.

    A node bears on another when a path of links leads from it to the other:
    an undercut leads to the node its undercut link bears on, and symmetric
    links (contradicts, equivalent) lead both ways.

    Examples:
        >>> import argmap
        >>> m = argmap.validate({"id": "m", "title": "T", "nodes": [
        ...     {"id": "a", "kind": "claim", "text": "A"}, {"id": "b", "kind": "claim", "text": "B"}],
        ...     "links": [{"kind": "attacks", "source": "a", "target": "b"}]})
        >>> sorted(bearing_on(m, ["b"])), sorted(bearing_on(m, ["a"]))
        (['a', 'b'], ['a'])
    """
    return _closure(_ids(node_ids), cached(m, "graph.steps", _steps)[0])


def bearing_on_indexes(m: ArgumentMap, node_indexes: Iterable[int]) -> list[bool]:
    """For each node (by index in map order), whether it is one of ``node_indexes`` or bears on one.

    :func:`bearing_on` on the compiled form's numbers, for a whole large map
    at once (the checker asks it of every issue).

    Examples:
        >>> import argmap
        >>> m = argmap.validate({"id": "m", "title": "T", "nodes": [
        ...     {"id": "a", "kind": "claim", "text": "A"}, {"id": "b", "kind": "claim", "text": "B"}],
        ...     "links": [{"kind": "attacks", "source": "a", "target": "b"}]})
        >>> bearing_on_indexes(m, [1]), bearing_on_indexes(m, [0])
        ([True, True], [True, False])
    """
    fast = compiled(m)
    feeders: list[list[int]] = [[] for _ in fast.ids]
    for j, premises in enumerate(fast.link_premises):
        end = fast.link_end[j]
        if end < 0:  # the end of a cycle of undercuts, found by following it (a link: it leads nowhere)
            end = fast.index.get(final_target(m, m.links[j]), -1)
            if end < 0:
                continue
        feeders[end].extend(premises)
        if fast.link_kind[j] in SYMMETRIC_KINDS:
            feeders[premises[0]].append(end)
    reached = [False] * len(fast.ids)
    queue = list(node_indexes)
    for i in queue:
        reached[i] = True
    while queue:
        for other in feeders[queue.pop()]:
            if not reached[other]:
                reached[other] = True
                queue.append(other)
    return reached


def issue_nodes(m: ArgumentMap, issue_id: str) -> tuple[str, ...]:
    """The issue and every node that bears on it (see :func:`bearing_on`), in map order.

    Raises:
        UnknownElementError: ``issue_id`` is not an issue of the map.

    Examples:
        >>> issue_nodes(_example(), "ban")
        ('ban', 'focus', 'safety', 'contact')
    """
    issues = [n.id for n in m.issues]
    if issue_id not in issues:
        raise UnknownElementError(issue_id, "issue", choices=issues)
    reached = bearing_on(m, [issue_id])
    return tuple(n.id for n in m.nodes if n.id in reached)


def bears_on(m: ArgumentMap, node_ids: str | Iterable[str]) -> set[str]:
    """Ids of the given nodes and of every node that one of them bears on.

    The other way round from :func:`bearing_on`: a path of links leads from
    a given node to each node returned (an undercut leads to the node its
    undercut link bears on; symmetric links lead both ways).

    Examples:
        >>> sorted(bears_on(_example(), ["contact"])) == sorted(bears_on(_example(), "contact"))
        True
        >>> sorted(bears_on(_example(), "contact"))
        ['ban', 'contact', 'focus']
    """
    return _closure(_ids(node_ids), cached(m, "graph.steps", _steps)[1])


def nearest_issues(m: ArgumentMap, node_id: str) -> tuple[str, ...]:
    """The issues a node bears on by the fewest links, in map order; the node itself if it is an issue.

    Links are followed as :func:`bears_on` follows them, one step at a time,
    until a step reaches an issue: every issue of that step is returned
    (none when the node bears on no issue).

    Raises:
        UnknownElementError: the map has no node ``node_id``.

    Examples:
        >>> m = _example()
        >>> nearest_issues(m, "contact"), nearest_issues(m, "ban"), nearest_issues(m, "aside")
        (('ban',), ('ban',), ())
    """
    if m.node(node_id).kind == "issue":
        return (node_id,)
    leads = cached(m, "graph.steps", _steps)[1]
    seen, frontier = {node_id}, [node_id]
    while frontier:
        step = list(dict.fromkeys(t for n in frontier for t in leads.get(n, ()) if t not in seen))
        found = {t for t in step if m.node(t).kind == "issue"}
        if found:
            return tuple(issue.id for issue in m.issues if issue.id in found)
        seen.update(step)
        frontier = step
    return ()


def _adjacency(m: ArgumentMap) -> dict[str, list[str]]:
    adjacent: dict[str, dict[str, None]] = {n.id: {} for n in m.nodes}
    for link in m.links:
        ends = link_ends(m, link)
        for end in ends:
            adjacent[end].update(dict.fromkeys(e for e in ends if e != end))
    return {node_id: list(others) for node_id, others in adjacent.items()}


def neighbourhood(m: ArgumentMap, node_id: str, depth: int) -> tuple[str, ...]:
    """The node ``node_id`` and every node within ``depth`` links of it, in map order.

    Links are crossed in either direction; a link joins all of its ends (see
    :func:`link_ends`), so linked premises are one hop from each other.

    Raises:
        UnknownElementError: the map has no node ``node_id``.
        ValueError: ``depth`` is negative.

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> b = MapBuilder("m", "T")
        >>> for n in ("a", "b", "c", "d"):
        ...     _ = b.claim(n, n.upper() + ".")
        >>> _ = b.supports(["a", "b"], "c"); _ = b.attacks("d", "c")
        >>> neighbourhood(b.build(), "a", 1)
        ('a', 'b', 'c')
    """
    if depth < 0:
        raise ValueError(f"depth must be 0 or more, not {depth}")
    m.node(node_id)
    adjacent = cached(m, "graph.adjacency", _adjacency)
    distance = {node_id: 0}
    queue = deque([node_id])
    while queue:
        current = queue.popleft()
        if distance[current] == depth:
            continue
        for other in adjacent[current]:
            if other not in distance:
                distance[other] = distance[current] + 1
                queue.append(other)
    return tuple(n.id for n in m.nodes if n.id in distance)


def walks(
    m: ArgumentMap, kind: LinkKind, length: int, *, keep: Callable[[AnyLink], bool] | None = None
) -> list[tuple[str, ...]]:
    """Every path along links of one kind, 1 to ``length`` links long, that meets no node twice; sorted.

    A path runs from a premise to its link's target (each premise of a
    linked support steps on its own), given as the ids of its nodes from
    first to last. ``keep`` leaves out the links it says no to.

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> b = MapBuilder("m", "T")
        >>> for n in ("a", "b", "c"):
        ...     _ = b.claim(n, n.upper() + ".")
        >>> _ = b.supports("a", "b"); _ = b.supports("b", "c"); _ = b.supports("c", "a")
        >>> walks(b.build(), "supports", 2)
        [('a', 'b'), ('a', 'b', 'c'), ('b', 'c'), ('b', 'c', 'a'), ('c', 'a'), ('c', 'a', 'b')]
    """
    after: dict[str, dict[str, None]] = {}
    for link in m.links:
        if link.kind == kind and (keep is None or keep(link)):
            for premise in link.premises:
                after.setdefault(premise, {})[link.target] = None
    found: list[tuple[str, ...]] = []
    stack: list[tuple[str, ...]] = [(node.id,) for node in m.nodes]
    while stack:
        path = stack.pop()
        for nxt in after.get(path[-1], ()):
            if nxt not in path:
                longer = (*path, nxt)
                found.append(longer)
                if len(longer) <= length:
                    stack.append(longer)
    return sorted(found)


def distances(
    m: ArgumentMap, start: str, kinds: Collection[LinkKind], *, within: Collection[str] | None = None
) -> dict[str, int]:
    """How few links of the given kinds lead from ``start`` to each node it reaches, crossed either way.

    A link of one of ``kinds`` (kinds of links between nodes) is a step
    between each of its premises and its target. With ``within``, only links
    whose every end is among those node ids are crossed, so a node shared
    with another part of the map does not lead into it.

    Returns:
        The number of steps to each node reached (``start`` at 0), in breadth-first order.

    Examples:
        >>> m = _example()
        >>> distances(m, "ban", ["supports", "attacks"])
        {'ban': 0, 'focus': 1, 'safety': 1, 'contact': 2}
        >>> distances(m, "ban", ["supports", "attacks"], within={"ban", "safety", "contact"})
        {'ban': 0, 'safety': 1}
    """
    kept = None if within is None else set(within)
    adjacent: dict[str, list[str]] = {}
    for link in m.links:
        if link.kind in kinds and (kept is None or kept.issuperset((*link.premises, link.target))):
            for premise in link.premises:
                adjacent.setdefault(premise, []).append(link.target)
                adjacent.setdefault(link.target, []).append(premise)
    distance = {start: 0}
    queue = deque([start])
    while queue:
        here = queue.popleft()
        for there in adjacent.get(here, ()):
            if there not in distance:
                distance[there] = distance[here] + 1
                queue.append(there)
    return distance


# -- sides ----------------------------------------------------------------------


def side_nodes(m: ArgumentMap, side_id: str) -> tuple[str, ...]:
    """Ids of the nodes held by the side ``side_id``, in map order.

    Raises:
        UnknownElementError: the map has no such side.

    Examples:
        >>> side_nodes(_example(), "pro")
        ('focus', 'safety')
    """
    m.side(side_id)
    return tuple(n.id for n in m.nodes if n.held_by == side_id)


def _opponents(m: ArgumentMap) -> dict[str, frozenset[str]]:
    against: dict[str, set[str]] = {side.id: set() for side in m.sides}
    for side in m.sides:
        for other_id in side.opposes:
            against[side.id].add(other_id)
            against.setdefault(other_id, set()).add(side.id)
    for side in m.sides:
        for rival in m.sides:
            if any(
                {stance, rival.stances.get(issue)} == {"for", "against"}
                for issue, stance in side.stances.items()
            ):
                against[side.id].add(rival.id)
    return {side: frozenset(others - {side}) for side, others in against.items()}


def opponents(m: ArgumentMap) -> Mapping[str, frozenset[str]]:
    """For each side, the sides it stands against.

    Two sides are opposed when either lists the other in ``opposes``, or when
    one is declared ``for`` an issue the other is ``against``.

    Examples:
        >>> sorted(opponents(_example())["pro"])
        ['con']
    """
    return cached(m, "graph.opponents", _opponents)


def sides_oppose(m: ArgumentMap, a: str | None, b: str | None) -> bool:
    """Whether two sides (either may be None, for no side) stand against each other.

    Examples:
        >>> m = _example()
        >>> sides_oppose(m, "pro", "con"), sides_oppose(m, "pro", None)
        (True, False)
    """
    return a is not None and b is not None and b in opponents(m).get(a, frozenset())


# -- sub-maps -------------------------------------------------------------------


def drawn_links(m: ArgumentMap, kept: Collection[str]) -> Iterator[AnyLink]:
    """The links whose every end is among the node ids ``kept``; an undercut needs its link kept.

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> b = MapBuilder("m", "T")
        >>> for n in ("a", "b", "x"):
        ...     _ = b.claim(n, n.upper() + ".")
        >>> s = b.supports("a", "b"); _ = b.undercuts("x", s)
        >>> m = b.build()
        >>> [k.kind for k in drawn_links(m, {"a", "b", "x"})], [k.kind for k in drawn_links(m, {"a", "x"})]
        (['supports', 'undercuts'], [])
    """
    drawn: dict[str, bool] = {}

    def is_drawn(link: AnyLink) -> bool:
        link_id = str(link.id)
        if link_id not in drawn:
            drawn[link_id] = True  # a cycle of undercuts is kept when its premises are
            premises_kept = all(p in kept for p in link.premises)
            if link.kind == UNDERCUTS:
                drawn[link_id] = premises_kept and is_drawn(m.link(link.target))
            else:
                drawn[link_id] = premises_kept and link.target in kept
        return drawn[link_id]

    return (link for link in m.links if is_drawn(link))


def restrict(m: ArgumentMap, node_ids: str | Iterable[str]) -> ArgumentMap:
    """The sub-map of the nodes ``node_ids``: those nodes and the links among them.

    Sides, sources and the map's other fields are kept, but for the stances
    of sides on issues left out (the sub-map is a valid map of its own); a
    link stays when all its ends stay (see :func:`drawn_links`).

    Raises:
        UnknownElementError: an id is not a node of the map.

    Examples:
        >>> m = _example()
        >>> sub = restrict(m, ["ban", "focus", "contact"])
        >>> [k.id for k in sub.links]
        ['focus--supports--ban', 'contact--attacks--focus']
    """
    wanted = set(_ids(node_ids))
    for node_id in sorted(wanted):
        m.node(node_id)
    links = tuple(drawn_links(m, wanted))
    sides = tuple(
        side.model_copy(update={"stances": {k: v for k, v in side.stances.items() if k in wanted}})
        if any(issue not in wanted for issue in side.stances)
        else side
        for side in m.sides
    )
    nodes = tuple(n for n in m.nodes if n.id in wanted)
    return m.model_copy(update={"nodes": nodes, "links": links, "sides": sides})


# -- the compiled form --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Compiled:
    """The map as integer-indexed arrays, for fast paths (the checker, the semantics solvers).

    Nodes are numbered in map order, links too; ``kinds[i]`` is node ``i``'s
    kind. For link ``j``:
    ``link_kind[j]`` is its kind, ``link_premises[j]`` its premises' node
    numbers, ``link_target[j]`` the node number of its target (``-1`` for an
    undercut, whose target is the link number ``link_undercut[j]``; that is
    ``-1`` for other links), and ``link_end[j]`` the node it finally bears on
    (``-1`` inside a cycle of undercuts).

    Attributes:
        ids: Node ids, by number.
        index: Node number of each id.
        link_ids: Link ids, by number.
        link_index: Link number of each link id.
    """

    ids: tuple[str, ...]
    index: Mapping[str, int]
    kinds: tuple[NodeKind, ...]
    link_ids: tuple[str, ...]
    link_index: Mapping[str, int]
    link_kind: tuple[LinkKind, ...]
    link_premises: tuple[tuple[int, ...], ...]
    link_target: tuple[int, ...]
    link_undercut: tuple[int, ...]
    link_end: tuple[int, ...]


def _compile(m: ArgumentMap) -> Compiled:
    nodes, links = m.nodes, m.links
    ids = tuple([n.id for n in nodes])
    index = {node_id: i for i, node_id in enumerate(ids)}
    link_ids: list[str] = []
    kinds: list[LinkKind] = []
    premises: list[tuple[int, ...]] = []
    targets: list[int] = []
    undercut: list[int] = []
    # one pass, each link's fields read once: this runs over every link of a large map
    for k in links:
        link_ids.append(str(k.id))
        kinds.append(k.kind)
        source = k.source
        premises.append(tuple([index[p] for p in source]) if type(source) is tuple else (index[source],))  # type: ignore[index]
        target = index.get(k.target, -1)
        targets.append(target)
        undercut.append(-1)
    link_index = {link_id: j for j, link_id in enumerate(link_ids)}
    for j, target in enumerate(targets):
        if target < 0:
            undercut[j] = link_index[links[j].target]
    return Compiled(
        ids=ids,
        index=index,
        kinds=tuple([n.kind for n in nodes]),
        link_ids=tuple(link_ids),
        link_index=link_index,
        link_kind=tuple(kinds),
        link_premises=tuple(premises),
        link_target=tuple(targets),
        link_undercut=tuple(undercut),
        link_end=_ends(targets, undercut),
    )


def _ends(targets: list[int], undercut: list[int]) -> tuple[int, ...]:
    """The node each link finally bears on, as :func:`final_target` finds it, in linear time.

    Each chain of undercuts is walked once; every link on it takes the end
    found (``-1`` for a chain that runs into a cycle of undercuts).
    """
    unknown = -2
    end = [t if u < 0 else unknown for t, u in zip(targets, undercut, strict=True)]
    for start in range(len(end)):
        if end[start] != unknown:
            continue  # a link on a node, or an undercut whose chain was walked already
        chain: list[int] = []
        on_chain: set[int] = set()
        j = start
        while end[j] == unknown and j not in on_chain:
            chain.append(j)
            on_chain.add(j)
            j = undercut[j]
        found = -1 if end[j] == unknown else end[j]
        for k in chain:
            end[k] = found
    return tuple(end)


def compiled(m: ArgumentMap) -> Compiled:
    """The map's integer-indexed form, built once and cached on the map.

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> b = MapBuilder("m", "T")
        >>> for n in ("a", "b", "x"):
        ...     _ = b.claim(n, n.upper() + ".")
        >>> s = b.supports("a", "b"); _ = b.undercuts("x", s)
        >>> c = compiled(b.build())
        >>> c.kinds, c.link_kind
        (('claim', 'claim', 'claim'), ('supports', 'undercuts'))
        >>> c.link_target, c.link_undercut, c.link_end
        ((1, -1), (-1, 0), (1, 1))
    """
    return cached(m, "graph.compiled", _compile)


def strongly_connected_components(adjacency: list[list[int]]) -> tuple[list[int], list[list[int]]]:
    """Strongly connected components (Tarjan, iterative: no recursion limit), sinks first.

    Returns:
        The component number of each vertex, and the sorted members of each
        component; a component's edges lead only to components with a
        smaller or equal number.

    Examples:
        >>> strongly_connected_components([[1], [0], [1]])
        ([0, 0, 1], [[0, 1], [2]])
    """
    n = len(adjacency)
    index = [-1] * n
    low = [0] * n
    on_stack = [False] * n
    comp = [-1] * n
    stack: list[int] = []
    members: list[list[int]] = []
    counter = 0
    for root in range(n):
        if index[root] != -1:
            continue
        work = [(root, 0)]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        while work:
            u, i = work[-1]
            edges = adjacency[u]
            if i < len(edges):
                work[-1] = (u, i + 1)
                v = edges[i]
                if index[v] == -1:
                    index[v] = low[v] = counter
                    counter += 1
                    stack.append(v)
                    on_stack[v] = True
                    work.append((v, 0))
                elif on_stack[v] and index[v] < low[u]:
                    low[u] = index[v]
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                if low[u] < low[parent]:
                    low[parent] = low[u]
            if low[u] == index[u]:
                group: list[int] = []
                while True:
                    v = stack.pop()
                    on_stack[v] = False
                    comp[v] = len(members)
                    group.append(v)
                    if v == u:
                        break
                group.sort()
                members.append(group)
    return comp, members
