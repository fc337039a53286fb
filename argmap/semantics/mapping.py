"""From an argument map to an argumentation framework.

:func:`build_framework` reads a map as a bipolar framework and flattens it
into a Dung framework (see ``docs/semantics.md`` for the full construction):

- every node that is not an issue is an argument; an issue is a question,
  not an assertion, so it is no argument: links into an issue say which
  arguments speak for and against it, and attack nothing;
- the linked premises of a link are one argument ``[a & b]``, which stands
  exactly when each premise stands (each premise ``a`` attacks a gate
  ``[not a]`` that attacks the linked argument);
- an attack is an attack; a contradiction is two attacks, one each way;
- a link that something undercuts gets an argument ``[link-id]`` for its
  inference, which stands when its source stands (through a gate) and no
  undercutter stands; an undercut attacks that argument, and an undercut
  attack reaches its target only through it;
- supports (and ``equivalent``, read as support both ways) derive further
  attacks according to the support reading (:mod:`argmap.semantics.bipolar`).

Examples:
    >>> from argmap.builder import MapBuilder
    >>> b = MapBuilder("m", "T")
    >>> for n in ("a", "b", "c"):
    ...     _ = b.claim(n, n.upper() + ".")
    >>> _ = b.supports("a", "b")
    >>> _ = b.attacks("b", "c")
    >>> mf = build_framework(b.build(), "supported")
    >>> [(mf.af.names[s], mf.af.names[t]) for s, t in mf.af.attacks()]
    [('a', 'c'), ('b', 'c')]
    >>> mf.origins[mf.af.index("a"), mf.af.index("c")].kind
    'supported'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal, TypeAlias

from argmap.graph import Compiled, compiled
from argmap.model import ArgumentMap
from argmap.semantics.bipolar import check_reading, derive_attacks
from argmap.semantics.framework import Framework

__all__ = ["ArgumentKind", "AttackOrigin", "MapArgument", "MapFramework", "build_framework"]

ArgumentKind: TypeAlias = Literal["node", "premises", "inference", "gate"]
OriginKind: TypeAlias = Literal[
    "attacks", "contradicts", "undercuts", "gate", "supported", "indirect", "mediated"
]


@dataclass(frozen=True)
class MapArgument:
    """One argument of the framework built from a map.

    Attributes:
        name: Its name in the framework: a node id, ``[a & b]`` for linked
            premises, ``[link-id]`` for the inference of a link, ``[not x]``
            for a gate.
        kind: ``"node"``, ``"premises"``, ``"inference"`` or ``"gate"``.
        element: The node id, the link id (inference), the premise ids
            joined by ``" & "`` (premises), or the name of the gated argument.
    """

    name: str
    kind: ArgumentKind
    element: str


@dataclass(frozen=True)
class AttackOrigin:
    """Why the framework holds an attack.

    Attributes:
        kind: The link kind it comes from (``attacks``, ``contradicts``,
            ``undercuts``), ``gate`` for the wiring of linked premises and
            inferences, or the kind of derivation (``supported``,
            ``indirect``, ``mediated``).
        link: The id of the link it comes from, for a direct attack.
        chain: The arguments of the derivation, for a derived attack.
    """

    kind: OriginKind
    link: str | None = None
    chain: tuple[int, ...] = ()


@dataclass(frozen=True)
class IssueLink:
    """A link into an issue: which argument speaks for or against it."""

    link: str
    stance: Literal["for", "against"]
    argument: int


@dataclass(frozen=True, eq=False)
class MapFramework:
    """A map read as an argumentation framework.

    Attributes:
        af: The framework.
        arguments: What each argument of ``af`` stands for.
        reading: The support reading used.
        node_argument: Node id to its argument's index (issues have none).
        link_argument: Link id to the index of its inference argument (only
            links that something undercuts have one).
        origins: ``(attacker, target)`` to why the attack is there.
        issue_links: Issue id to the links that bear on it directly.
        removed: Nodes left out of the construction.
    """

    af: Framework
    arguments: tuple[MapArgument, ...]
    reading: str
    node_argument: dict[str, int]
    link_argument: dict[str, int]
    origins: dict[tuple[int, int], AttackOrigin]
    issue_links: dict[str, list[IssueLink]] = field(default_factory=dict)
    removed: frozenset[str] = frozenset()


class _Builder:
    def __init__(self) -> None:
        self.arguments: list[MapArgument] = []
        self.index: dict[str, int] = {}
        self.attacks: dict[tuple[int, int], AttackOrigin] = {}

    def argument(self, name: str, kind: ArgumentKind, element: str) -> int:
        if name not in self.index:
            self.index[name] = len(self.arguments)
            self.arguments.append(MapArgument(name, kind, element))
        return self.index[name]

    def attack(self, source: int, target: int, origin: AttackOrigin) -> None:
        self.attacks.setdefault((source, target), origin)

    def gate(self, source: int, target: int) -> None:
        """Wire ``target`` to stand only when ``source`` stands: source -> [not source] -> target."""
        name = self.arguments[source].name
        negation = self.argument(f"[not {name}]", "gate", name)
        self.attack(source, negation, AttackOrigin("gate"))
        self.attack(negation, target, AttackOrigin("gate"))


def _usable_links(fast: Compiled, node_argument: list[int], gone: set[int]) -> list[bool]:
    """Which links enter the framework.

    A link enters when each premise is an argument (neither removed nor an
    issue) and its target node is not removed; an undercut enters when the
    link it undercuts enters (followed down chains of undercuts, in one pass:
    a cycle of undercuts whose members all enter enters).
    """
    usable = [
        all(node_argument[p] >= 0 for p in premises) and fast.link_target[j] not in gone
        for j, premises in enumerate(fast.link_premises)
    ]
    settled = [fast.link_undercut[j] < 0 or not usable[j] for j in range(len(usable))]
    for start in range(len(usable)):
        chain: list[int] = []
        on_chain: set[int] = set()
        j = start
        while not settled[j] and j not in on_chain:
            chain.append(j)
            on_chain.add(j)
            j = fast.link_undercut[j]
        verdict = usable[j]  # a settled link, or the first link met twice (a cycle: all usable)
        for k in chain:
            usable[k] = verdict
            settled[k] = True
    return usable


def build_framework(
    argument_map: ArgumentMap, reading: str = "none", *, removed: Iterable[str] = ()
) -> MapFramework:
    """Read ``argument_map`` as an argumentation framework under a support reading.

    Args:
        argument_map: The map.
        reading: ``"none"``, ``"supported"`` or ``"mediated"``.
        removed: Node ids to leave out, with every link that touches them
            (and the undercuts of those links).

    Returns:
        The framework with what each argument and attack stands for.

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> b = MapBuilder("m", "T")
        >>> for n in ("a", "b", "c"):
        ...     _ = b.claim(n, n.upper() + ".")
        >>> _ = b.attacks(["a", "b"], "c", id="ab-c")
        >>> mf = build_framework(b.build())
        >>> mf.af.names
        ('a', 'b', 'c', '[a & b]', '[not a]', '[not b]')
        >>> [(mf.af.names[s], mf.af.names[t]) for s, t in mf.af.attacks()][:2]
        [('a', '[not a]'), ('b', '[not b]')]
    """
    name = check_reading(reading)
    fast = compiled(argument_map)
    removed_ids = sorted(set(removed))
    for node_id in removed_ids:
        argument_map.node(node_id)
    gone = {fast.index[node_id] for node_id in removed_ids}
    build = _Builder()
    node_argument = [-1] * len(fast.ids)
    for i, node_id in enumerate(fast.ids):
        if fast.kinds[i] != "issue" and i not in gone:
            node_argument[i] = build.argument(node_id, "node", node_id)
    usable = _usable_links(fast, node_argument, gone)
    undercut = {fast.link_undercut[j] for j, ok in enumerate(usable) if ok and fast.link_undercut[j] >= 0}

    def source_of(j: int) -> int:
        premises = fast.link_premises[j]
        if len(premises) == 1:
            return node_argument[premises[0]]
        joined = " & ".join(fast.ids[p] for p in premises)
        linked = build.argument(f"[{joined}]", "premises", joined)
        for premise in premises:
            build.gate(node_argument[premise], linked)
        return linked

    inference: dict[int, int] = {}
    for j in range(len(usable)):
        if usable[j] and j in undercut:
            link_id = fast.link_ids[j]
            inference[j] = build.argument(f"[{link_id}]", "inference", link_id)
            build.gate(source_of(j), inference[j])

    seeds: list[tuple[int, int]] = []
    supports: list[tuple[int, int]] = []
    issue_links: dict[str, list[IssueLink]] = {}
    for j, kind in enumerate(fast.link_kind):
        if not usable[j]:
            continue
        link_id = fast.link_ids[j]
        source = source_of(j)
        attacker = inference.get(j, source)
        node = fast.link_target[j]
        if node >= 0 and fast.kinds[node] == "issue":
            if kind in ("supports", "attacks"):
                stance: Literal["for", "against"] = "for" if kind == "supports" else "against"
                issue_links.setdefault(fast.ids[node], []).append(IssueLink(link_id, stance, attacker))
            continue
        if kind == "supports":
            supports.append((source, node_argument[node]))
        elif kind == "equivalent":
            other = node_argument[node]
            supports.extend([(source, other), (other, source)])
        elif kind == "contradicts":
            other = node_argument[node]
            build.attack(source, other, AttackOrigin("contradicts", link_id))
            build.attack(other, source, AttackOrigin("contradicts", link_id))
            seeds.extend([(source, other), (other, source)])
        elif kind == "attacks":
            target = node_argument[node]
            build.attack(attacker, target, AttackOrigin("attacks", link_id))
            seeds.append((attacker, target))
        else:  # undercuts: the target link's inference argument
            target = inference[fast.link_undercut[j]]
            build.attack(attacker, target, AttackOrigin("undercuts", link_id))
            seeds.append((attacker, target))
    # an attack on one linked premise seeds derivations as an attack on the linked argument
    members: dict[int, list[int]] = {}
    for index, argument in enumerate(build.arguments):
        if argument.kind == "premises":
            for premise in argument.element.split(" & "):
                members.setdefault(build.index[premise], []).append(index)
    seeds.extend((s, linked) for s, t in list(seeds) for linked in members.get(t, ()))
    derived = derive_attacks(len(build.arguments), seeds, supports, name)
    for pair, derivation in derived.items():
        build.attack(*pair, AttackOrigin(derivation.kind, chain=derivation.chain))
    names = [a.name for a in build.arguments]
    af = Framework.from_attacks(names, build.attacks)
    return MapFramework(
        af=af,
        arguments=tuple(build.arguments),
        reading=name,
        node_argument={fast.ids[i]: a for i, a in enumerate(node_argument) if a >= 0},
        link_argument={fast.link_ids[j]: a for j, a in inference.items()},
        origins=dict(build.attacks),
        issue_links=issue_links,
        removed=frozenset(fast.ids[i] for i in gone),
    )
