"""What every rule reads: the map's signed stance graph, computed once per check.

**Derived stance.** Each stance link becomes signed edges between nodes:
``supports`` is ``+`` from each premise to the target, ``attacks`` is ``-``
and ``equivalent`` is ``+`` in both directions. The sign of a path is the
product of its edges' signs, so "A attacks B, B attacks C" gives A a ``+``
(derived) stance toward C. **Contradictions** are kept apart
(:attr:`Context.contrary`): ``contradicts`` says that two statements cannot
both hold, which turns acceptance of one into rejection of the other but says
nothing when one is rejected (three rival explanations are each other's
contraries; refuting one supports neither of the others). So a contradiction
may *end* a chain, entered from a node the chain argues for, giving ``-``
toward the node at its other end, and a chain never continues past it.
**Undercuts** attack an inference, not a statement: they add no edge and give
no stance toward any node. **Concession** links record a point granted, not
argued: they add no edge either.

Cycle and path rules stay linear: strongly connected components (Tarjan),
sign-consistency of each component by two-colouring, and per-node bitmasks of
the issues reachable with each sign, propagated once over the components in
topological order (a contradiction that ends a chain is one more bit, carried
only by chains that argue for its near end). Witness paths are extracted by
breadth-first search only for the findings reported, up to
:data:`MAX_WITNESSES` per rule.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from argmap.graph import bearing_on_indexes, compiled, sides_oppose, strongly_connected_components
from argmap.model import LINK_KINDS, AnyLink, AnyNode, ArgumentMap
from argmap.model.fields import ATTACKS, CONTRADICTS, EQUIVALENT, SUPPORTS, UNDERCUTS
from argmap.words import plural

__all__ = ["MAX_WITNESSES", "Context", "Edge", "arrow", "plural"]

MAX_WITNESSES = 200


@dataclass(frozen=True, slots=True)
class Edge:
    """A signed edge of the stance graph, from node index to node index."""

    target: int
    sign: int
    link: str


@dataclass
class Context:
    """The map and the structures the rules share, computed lazily, each once."""

    map: ArgumentMap
    ids: list[str] = field(init=False)
    index: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        """Number the nodes in map order."""
        fast = compiled(self.map)
        self.ids = list(fast.ids)
        self.index = dict(fast.index)

    def node(self, i: int) -> AnyNode:
        """The node with index ``i``."""
        return self.map.nodes[i]

    # -- the signed graph -------------------------------------------------

    @cached_property
    def out(self) -> list[list[Edge]]:
        """Signed out-edges of each node, contradictions left out (see the module docstring)."""
        return self._edges[0]

    @cached_property
    def contrary(self) -> list[list[Edge]]:
        """Each node's contradictions, as ``-`` edges to the other end (both ways round).

        A chain may end with one of these, from a node it argues for; it never
        goes on from the node at the other end.
        """
        return self._edges[1]

    @cached_property
    def _edges(self) -> tuple[list[list[Edge]], list[list[Edge]]]:
        out: list[list[Edge]] = [[] for _ in self.ids]
        contrary: list[list[Edge]] = [[] for _ in self.ids]
        fast = compiled(self.map)
        for j, link in enumerate(self.map.links):
            kind = fast.link_kind[j]
            if link.concession or kind == UNDERCUTS:
                continue
            target = fast.link_target[j]
            link_id = fast.link_ids[j]
            if kind in (SUPPORTS, ATTACKS):
                sign = 1 if kind == SUPPORTS else -1
                for premise in fast.link_premises[j]:
                    out[premise].append(Edge(target, sign, link_id))
            else:
                both = contrary if kind == CONTRADICTS else out
                sign = 1 if kind == EQUIVALENT else -1
                source = fast.link_premises[j][0]
                both[source].append(Edge(target, sign, link_id))
                both[target].append(Edge(source, sign, link_id))
        return out, contrary

    @cached_property
    def out_tuples(self) -> list[tuple[tuple[int, int, str], ...]]:
        """:attr:`out` as plain ``(target, sign, link id)`` tuples, for the hot loops."""
        return [tuple((e.target, e.sign, e.link) for e in edges) for edges in self.out]

    @cached_property
    def contrary_tuples(self) -> list[tuple[tuple[int, str], ...]]:
        """:attr:`contrary` as plain ``(other end, link id)`` tuples, for the hot loops."""
        return [tuple((e.target, e.link) for e in edges) for edges in self.contrary]

    @cached_property
    def components(self) -> tuple[list[int], list[list[int]]]:
        """Strongly connected components: (component of each node, members of each).

        Components come in reverse topological order: a component's edges
        lead only to components with a smaller or equal number.
        """
        return strongly_connected_components([[e.target for e in edges] for edges in self.out])

    @cached_property
    def potentials(self) -> tuple[list[int], list[bool]]:
        """Two-colouring of each component: (potential of each node, is each component consistent).

        In a sign-consistent component every path from u to v has the sign
        ``potential[u] * potential[v]``; an inconsistent one holds a closed
        walk with an odd number of negative edges.
        """
        comp, members = self.components
        potential = [0] * len(self.ids)
        consistent = [True] * len(members)
        # both directions of each internal edge constrain the colouring
        undirected: dict[int, list[tuple[int, int]]] = {}
        for u, edges in enumerate(self.out):
            for e in edges:
                if comp[e.target] == comp[u] and len(members[comp[u]]) > 1 or e.target == u:
                    undirected.setdefault(u, []).append((e.target, e.sign))
                    undirected.setdefault(e.target, []).append((u, e.sign))
        for c, nodes in enumerate(members):
            root = min(nodes)
            potential[root] = 1
            queue = deque([root])
            while queue:
                u = queue.popleft()
                for v, sign in undirected.get(u, ()):
                    want = potential[u] * sign
                    if potential[v] == 0:
                        potential[v] = want
                        queue.append(v)
                    elif potential[v] != want:
                        consistent[c] = False
        return potential, consistent

    @cached_property
    def principles(self) -> frozenset[int]:
        """Indexes of the principle nodes."""
        return frozenset(i for i, n in enumerate(self.map.nodes) if n.kind == "principle")

    @cached_property
    def issue_bits(self) -> dict[int, int]:
        """Bit number of each issue node (by node index), in map order."""
        return {i: bit for bit, i in enumerate(i for i, n in enumerate(self.map.nodes) if n.kind == "issue")}

    @cached_property
    def stance_masks(self) -> tuple[list[int], list[int]]:
        """For each node, bitmasks of the issues it reaches with a ``+`` and with a ``-`` path.

        Issue ``k`` is bit ``k``. A contradiction with issue ``k`` is bit
        ``n + k`` (``n`` issues): propagated like an issue, it counts as
        ``-`` toward issue ``k`` only for nodes whose chains argue *for* its
        near end (rejecting a node says nothing about its contraries).
        """
        comp, members = self.components
        potential, consistent = self.potentials
        bits = self.issue_bits
        n = len(bits)
        seed = [0] * len(self.ids)
        for i, bit in bits.items():
            seed[i] |= 1 << bit
            for e in self.contrary[i]:
                seed[e.target] |= 1 << (n + bit)
        pos = [0] * len(self.ids)
        neg = [0] * len(self.ids)
        for c, nodes in enumerate(members):  # sinks first
            a = b = 0  # labels reached with + (a) and - (b) from a node of potential +1
            for u in nodes:
                if potential[u] == 1:
                    a |= seed[u]
                else:
                    b |= seed[u]
                for e in self.out[u]:
                    if comp[e.target] == c:
                        continue
                    if potential[u] * e.sign == 1:
                        a, b = a | pos[e.target], b | neg[e.target]
                    else:
                        a, b = a | neg[e.target], b | pos[e.target]
            if not consistent[c]:
                a = b = a | b
            for u in nodes:
                pos[u], neg[u] = (a, b) if potential[u] == 1 else (b, a)
        issues = (1 << n) - 1
        return [p & issues for p in pos], [(q & issues) | (p >> n) for p, q in zip(pos, neg, strict=True)]

    @cached_property
    def reaches_issue(self) -> list[bool]:
        """Whether a node bears on some issue through any chain of links.

        Unlike derived stance, this follows every link: concessions, undercuts
        (to the node the undercut link bears on) and symmetric links both ways.
        """
        return bearing_on_indexes(self.map, self.issue_bits)

    def is_opposed(self, a: str | None, b: str | None) -> bool:
        """Whether two sides (either may be None) stand against each other."""
        return sides_oppose(self.map, a, b)

    def holder(self, link: AnyLink) -> str | None:
        """The side a link speaks for: its own ``held_by``, else that of its first premise."""
        if link.held_by is not None:
            return link.held_by
        return self.held_by[self.index[link.premises[0]]]

    @cached_property
    def held_by(self) -> list[str | None]:
        """The side of each node (by index)."""
        return [n.held_by for n in self.map.nodes]

    # -- words --------------------------------------------------------------

    def step(self, u: str, link_id: str, v: str) -> str:
        """The link between nodes ``u`` and ``v`` as a sentence, in the link's own direction."""
        link = self.map.link(link_id)
        source, target = (u, v) if link.target == v and u in link.premises else (v, u)
        return f"{source} {_VERBS[link.kind]} {target}"

    def chain(self, path: Sequence[str]) -> str:
        """A path of alternating node and link ids in words: ``a supports b, which attacks c``.

        Each step follows the path's direction, so a symmetric link walked
        backwards reads from the path's side (contradiction goes both ways).
        """
        words: list[str] = []
        for k in range(0, len(path) - 2, 2):
            verb = _VERBS[self.map.link(path[k + 1]).kind]
            words.append(f"{path[k]} {verb} {path[k + 2]}" if k == 0 else f"which {verb} {path[k + 2]}")
        return ", ".join(words)

    def opposing(self, link_ids: Iterable[str]) -> tuple[int, str]:
        """How many of the links attack or contradict, and that count in words.

        Examples:
            >>> from argmap.builder import MapBuilder
            >>> b = MapBuilder("m", "T")
            >>> _ = b.claim("a", "A.")
            >>> _ = b.claim("b", "B.")
            >>> _ = b.attacks("a", "b", id="x")
            >>> _ = b.contradicts("a", "b", id="c")
            >>> Context(b.build()).opposing(["x", "c"])
            (2, '1 attack and 1 contradiction')
        """
        kinds = [self.map.link(k).kind for k in link_ids]
        attacks, contradictions = kinds.count(ATTACKS), kinds.count(CONTRADICTS)
        words = [plural(n, w) for n, w in ((attacks, "attack"), (contradictions, "contradiction")) if n]
        return attacks + contradictions, " and ".join(words) or "no attack"

    def loop(self, cycle: Sequence[str]) -> str:
        """A closed path of alternating ids as the list of its links, each in its own direction."""
        return ", ".join(self.step(cycle[k], cycle[k + 1], cycle[k + 2]) for k in range(0, len(cycle) - 2, 2))

    # -- witnesses ----------------------------------------------------------

    def signed_path(
        self,
        start: int,
        goal: int,
        sign: int,
        *,
        allowed: Iterable[int] | None = None,
        keep: Callable[[int], bool] | None = None,
    ) -> list[str] | None:
        """A shortest path from ``start`` to ``goal`` with the given sign, as ids.

        The path alternates node and link ids (``[a, l1, b, l2, c]``). A path
        may end with one contradiction, from a node it argues for (sign
        ``-``), and then goes no further. A path of length zero never counts.
        ``allowed`` (a collection) or ``keep`` (a predicate) limit the nodes
        the path may visit.
        """
        permitted = set(allowed) if allowed is not None else None
        parent: dict[tuple[int, int], tuple[tuple[int, int], str] | None] = {(start, 1): None}
        queue = deque([(start, 1)])
        while queue:
            state = queue.popleft()
            u, s = state
            if s == 1 and sign == -1:  # a contradiction ends a chain that argues for its near end
                for e in self.contrary[u]:
                    if e.target == goal and (permitted is None or goal in permitted):
                        parent[(goal, 0)] = (state, e.link)
                        return self.unwind(parent, (goal, 0))
            for e in self.out[u]:
                if (permitted is not None and e.target not in permitted) or (
                    keep is not None and not keep(e.target)
                ):
                    continue
                nxt = (e.target, s * e.sign)
                if nxt in parent:
                    continue
                parent[nxt] = (state, e.link)
                if nxt == (goal, sign):
                    return self.unwind(parent, nxt)
                queue.append(nxt)
        return None

    def unwind(
        self, parent: dict[tuple[int, int], tuple[tuple[int, int], str] | None], end: tuple[int, int]
    ) -> list[str]:
        """The path to ``end`` recorded in a search's parent pointers, as alternating ids."""
        path: list[str] = [self.ids[end[0]]]
        step = parent[end]
        while step is not None:
            state, link = step
            path += [link, self.ids[state[0]]]
            step = parent[state]
        path.reverse()
        return path


# Each link kind as the verb of a sentence: the kind's own name, but for equivalence.
_VERBS = {**{kind: kind for kind in LINK_KINDS}, EQUIVALENT: "says the same as"}


def arrow(path: Sequence[str]) -> str:
    """An alternating node/link path as ``a -> b -> c`` (node ids only).

    Examples:
        >>> arrow(["a", "l1", "b", "l2", "c"])
        'a -> b -> c'
    """
    return " -> ".join(path[::2])
