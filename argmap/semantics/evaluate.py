"""Evaluate a map: which nodes stand under a semantics, why, and what changes if.

:func:`evaluate` builds the framework of a map (:mod:`argmap.semantics.mapping`),
solves it, and gives every node that is an argument a status:

- ``accepted``: in, in every extension of the semantics;
- ``rejected``: out, in every extension (an accepted argument attacks it);
- ``undecided``: anything else (undecided, or in some extensions and not others).

"What if" assumptions change the map before it is solved: a node *assumed
accepted* keeps its attacks but nothing attacks it any more; a *removed*
node leaves the map with every link that touches it. :func:`evaluate` then
also solves the map as it is and reports the nodes whose status changes.

Examples:
    >>> from argmap.builder import MapBuilder
    >>> b = MapBuilder("m", "T")
    >>> for n in ("a", "b", "c"):
    ...     _ = b.claim(n, n.upper() + ".")
    >>> _ = b.attacks("a", "b")
    >>> _ = b.attacks("b", "c")
    >>> result = evaluate(b.build(), "grounded")
    >>> [result.status[n] for n in ("a", "b", "c")]
    ['accepted', 'rejected', 'accepted']
    >>> evaluate(b.build(), "grounded", removed=["a"]).changes
    [('a', 'accepted', 'removed'), ('b', 'rejected', 'accepted'), ('c', 'accepted', 'rejected')]
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal, TypeAlias

from argmap.errors import ArgmapError
from argmap.model import ArgumentMap
from argmap.semantics.mapping import MapFramework, build_framework
from argmap.semantics.solvers import IN, OUT, UNDEC, SearchLimitError, check_semantics, labellings

__all__ = ["Evaluation", "Status", "evaluate"]

Status: TypeAlias = Literal["accepted", "rejected", "undecided"]
# Past this many extensions a report lists no more (the statuses still count them all).
MAX_LISTED = 20
# A map with more labellings than this (complete ones, for preferred) is not evaluated under that semantics.
MAX_EXTENSIONS = 10_000


@dataclass(frozen=True, eq=False)
class Evaluation:
    """The result of :func:`evaluate`.

    Attributes:
        argument_map: The map evaluated (as given, before any assumption).
        semantics: The semantics.
        mf: The framework solved (with the assumptions applied).
        labellings: Its labellings under the semantics (one for grounded).
        status: Node id to its status, for every node that is an argument.
        link_status: Link id to the status of its inference, for the links
            something undercuts.
        accepted: Nodes assumed accepted.
        removed: Nodes removed.
        changes: ``(node id, status before, status after)`` for every node
            the assumptions change, in map order (``"removed"`` for a
            removed node); empty without assumptions.
    """

    argument_map: ArgumentMap
    semantics: str
    mf: MapFramework
    labellings: list[list[int]]
    status: dict[str, Status]
    link_status: dict[str, Status]
    accepted: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changes: list[tuple[str, str, str]] = field(default_factory=list)

    def reference(self) -> list[int] | None:
        """The labelling explanations refer to: the first one (None if there is none)."""
        return self.labellings[0] if self.labellings else None

    def explain(self, node_id: str) -> str:
        """Why ``node_id`` has its status, in plain words.

        Examples:
            >>> from argmap.builder import MapBuilder
            >>> b = MapBuilder("m", "T")
            >>> _ = b.claim("a", "A.", label="Alpha")
            >>> _ = b.claim("b", "B.", label="Beta")
            >>> _ = b.attacks("a", "b")
            >>> print(evaluate(b.build(), "grounded").explain("b"))
            out: "Alpha" (a) attacks it (link a--attacks--b), and "Alpha" stands: nothing attacks it.
        """
        from argmap.semantics.explain import explain_node

        return explain_node(self, node_id)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready report: statuses, extensions, explanations, changes.

        Examples:
            >>> from argmap.builder import MapBuilder
            >>> b = MapBuilder("m", "T")
            >>> _ = b.claim("a", "A.")
            >>> evaluate(b.build(), "stable").to_dict()["extensions"]
            [['a']]
        """
        nodes = {
            node_id: {"status": status, "explanation": self.explain(node_id)}
            for node_id, status in self.status.items()
        }
        return {
            "map": self.argument_map.id,
            "semantics": self.semantics,
            "support": self.mf.reading,
            "assumed_accepted": list(self.accepted),
            "removed": list(self.removed),
            "extensions": self.extension_ids(),
            "extension_count": len(self.labellings),
            "nodes": nodes,
            "inferences": dict(self.link_status),
            "issues": self.issue_reasons(),
            "changes": [{"node": n, "before": b, "after": a} for n, b, a in self.changes],
        }

    def extension_ids(self, limit: int = MAX_LISTED) -> list[list[str]]:
        """The node ids in each of the first ``limit`` extensions, sorted.

        Examples:
            >>> from argmap.builder import MapBuilder
            >>> b = MapBuilder("m", "T")
            >>> _ = b.claim("a", "A.")
            >>> _ = b.claim("b", "B.")
            >>> _ = b.contradicts("a", "b")
            >>> evaluate(b.build(), "stable").extension_ids()
            [['a'], ['b']]
        """
        names = self.mf.af.names
        return [
            sorted(names[i] for i, lab in enumerate(labelling) if lab == IN and self._is_node(i))
            for labelling in self.labellings[:limit]
        ]

    def issue_reasons(self) -> dict[str, list[dict[str, str]]]:
        """Issue id to the links that bear on it: link id, ``for``/``against``, and the reason's status.

        Examples:
            >>> from argmap.builder import MapBuilder
            >>> b = MapBuilder("m", "T")
            >>> _ = b.issue("q", "Q?")
            >>> _ = b.claim("a", "A.")
            >>> _ = b.supports("a", "q", id="s")
            >>> evaluate(b.build()).issue_reasons()
            {'q': [{'link': 's', 'stance': 'for', 'status': 'accepted'}]}
        """
        return {
            issue_id: [
                {"link": k.link, "stance": k.stance, "status": self._argument_status(k.argument)}
                for k in links
            ]
            for issue_id, links in self.mf.issue_links.items()
        }

    def _is_node(self, index: int) -> bool:
        return self.mf.arguments[index].kind == "node"

    def _argument_status(self, index: int) -> Status:
        return _status([labelling[index] for labelling in self.labellings])


def _status(labels: list[int]) -> Status:
    if labels and all(lab == IN for lab in labels):
        return "accepted"
    if labels and all(lab == OUT for lab in labels):
        return "rejected"
    return "undecided"


def _solve(
    argument_map: ArgumentMap,
    semantics: str,
    support: str,
    accepted: tuple[str, ...],
    removed: tuple[str, ...],
) -> tuple[MapFramework, list[list[int]]]:
    mf = build_framework(argument_map, support, removed=removed)
    af = mf.af
    free = []
    for node_id in accepted:
        if argument_map.node(node_id).kind == "issue":
            raise ArgmapError(f"{node_id} is an issue: a question cannot be assumed accepted")
        if node_id in mf.node_argument:
            free.append(mf.node_argument[node_id])
    if free:
        # the names and order of the arguments stay; only the attacks on them go
        pruned = af.without(unattacked=free)
        freed = set(free)
        mf = MapFramework(
            af=pruned,
            arguments=mf.arguments,
            reading=mf.reading,
            node_argument=mf.node_argument,
            link_argument=mf.link_argument,
            origins={k: v for k, v in mf.origins.items() if k[1] not in freed},
            issue_links=mf.issue_links,
            removed=mf.removed,
        )
    try:
        found = list(labellings(mf.af, semantics, limit=MAX_EXTENSIONS))
    except SearchLimitError as err:
        raise SearchLimitError(f"{err}; evaluate the map under grounded semantics") from None
    return mf, found


def evaluate(
    argument_map: ArgumentMap,
    semantics: str = "grounded",
    *,
    support: str = "none",
    accepted: Iterable[str] = (),
    removed: Iterable[str] = (),
) -> Evaluation:
    """Evaluate ``argument_map`` under ``semantics``, with optional "what if" assumptions.

    Args:
        argument_map: The map.
        semantics: ``"grounded"``, ``"complete"``, ``"preferred"`` or ``"stable"``.
        support: The support reading: ``"none"``, ``"supported"`` or ``"mediated"``.
        accepted: Nodes to assume accepted (nothing attacks them).
        removed: Nodes to take out of the map.

    Returns:
        The evaluation.

    Raises:
        ArgmapError: For an unknown semantics or support reading, or an id
            that names no node of the map.

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> b = MapBuilder("m", "T")
        >>> _ = b.claim("a", "A.")
        >>> _ = b.claim("b", "B.")
        >>> _ = b.contradicts("a", "b")
        >>> evaluate(b.build(), "preferred").status
        {'a': 'undecided', 'b': 'undecided'}
        >>> evaluate(b.build(), "preferred", accepted=["a"]).changes
        [('a', 'undecided', 'accepted'), ('b', 'undecided', 'rejected')]
    """
    name = check_semantics(semantics)
    assumed = tuple(dict.fromkeys(accepted))
    gone = tuple(dict.fromkeys(removed))
    mf, found = _solve(argument_map, name, support, assumed, gone)

    def statuses(mf: MapFramework, found: list[list[int]]) -> tuple[dict[str, Status], dict[str, Status]]:
        nodes = {
            node_id: _status([lab[index] for lab in found]) for node_id, index in mf.node_argument.items()
        }
        links = {
            link_id: _status([lab[index] for lab in found]) for link_id, index in mf.link_argument.items()
        }
        return nodes, links

    status, link_status = statuses(mf, found)
    changes: list[tuple[str, str, str]] = []
    if assumed or gone:
        base_mf, base_found = _solve(argument_map, name, support, (), ())
        before, _ = statuses(base_mf, base_found)
        for node in argument_map.nodes:
            if node.id not in before:
                continue
            after = status.get(node.id, "removed")
            if before[node.id] != after:
                changes.append((node.id, before[node.id], after))
    return Evaluation(
        argument_map=argument_map,
        semantics=name,
        mf=mf,
        labellings=found,
        status=status,
        link_status=link_status,
        accepted=assumed,
        removed=gone,
        changes=changes,
    )


def undecided_cycle(
    labelling: list[int], attackers: list[list[int]], start: int
) -> tuple[list[int], list[int]]:
    """A cycle of undecided arguments behind an undecided ``start``, and the path to it.

    Every undecided argument has an undecided attacker and no attacker in,
    so walking back along undecided attackers must meet a cycle.

    Returns:
        ``(path, cycle)``: ``path`` runs from ``start`` back to the first
        argument of ``cycle`` that it meets (``[start]`` when ``start`` is on
        it); ``cycle`` lists the cycle in attack order (each attacks the
        next, the last attacks the first).

    Examples:
        >>> undecided_cycle([UNDEC, UNDEC, UNDEC, UNDEC], [[2], [0], [1], [0]], 3)
        ([3, 0], [0, 1, 2])
    """
    undec = [lab == UNDEC for lab in labelling]
    forward: dict[int, list[int]] = {}
    for target, sources in enumerate(attackers):
        if undec[target]:
            for source in sources:
                if undec[source]:
                    forward.setdefault(source, []).append(target)

    def shortest_cycle_through(arg: int) -> list[int] | None:
        parent: dict[int, int] = {}
        queue = deque([arg])
        seen = {arg}
        while queue:
            current = queue.popleft()
            for nxt in sorted(forward.get(current, ())):
                if nxt == arg:
                    cycle = [current]
                    while cycle[-1] != arg:
                        cycle.append(parent[cycle[-1]])
                    return list(reversed(cycle))
                if nxt not in seen:
                    seen.add(nxt)
                    parent[nxt] = current
                    queue.append(nxt)
        return None

    # breadth-first backwards from start: the nearest argument that lies on a cycle
    back_parent: dict[int, int] = {}
    queue = deque([start])
    seen = {start}
    while queue:
        current = queue.popleft()
        cycle = shortest_cycle_through(current)
        if cycle is not None:
            path = [current]
            while path[-1] != start:
                path.append(back_parent[path[-1]])
            return list(reversed(path)), cycle
        for source in sorted(attackers[current]):
            if undec[source] and source not in seen:
                seen.add(source)
                back_parent[source] = current
                queue.append(source)
    return [start], []
