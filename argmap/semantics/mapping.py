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

from argmap.model import AnyLink, ArgumentMap
from argmap.model.fields import UNDERCUTS
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


def _usable(link: AnyLink, removed: set[str], issues: set[str]) -> bool:
    """Whether a link enters the framework: no premise is removed or an issue, its target is not removed."""
    return not any(p in removed or p in issues for p in link.premises) and link.target not in removed


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
    gone = set(removed)
    for node_id in sorted(gone):
        argument_map.node(node_id)
    issues = {n.id for n in argument_map.issues}
    build = _Builder()
    node_argument: dict[str, int] = {}
    for node in argument_map.nodes:
        if node.id not in issues and node.id not in gone:
            node_argument[node.id] = build.argument(node.id, "node", node.id)
    links = {str(k.id): k for k in argument_map.links}
    usable: dict[str, AnyLink] = {}
    for link_id, link in links.items():
        if _usable(link, gone, issues):
            usable[link_id] = link
    # an undercut on a link that is gone is gone too (chains of undercuts included)
    changed = True
    while changed:
        changed = False
        for link_id, link in list(usable.items()):
            if link.kind == UNDERCUTS and link.target not in usable:
                del usable[link_id]
                changed = True
    undercut = {link.target for link in usable.values() if link.kind == UNDERCUTS}

    def source_of(link: AnyLink) -> int:
        if not link.is_linked:
            return node_argument[link.premises[0]]
        premises = [node_argument[p] for p in link.premises]
        joined = " & ".join(link.premises)
        linked = build.argument(f"[{joined}]", "premises", joined)
        for premise in premises:
            build.gate(premise, linked)
        return linked

    link_argument: dict[str, int] = {}
    for link_id, link in usable.items():
        if link_id in undercut:
            inference = build.argument(f"[{link_id}]", "inference", link_id)
            link_argument[link_id] = inference
            build.gate(source_of(link), inference)

    seeds: list[tuple[int, int]] = []
    supports: list[tuple[int, int]] = []
    issue_links: dict[str, list[IssueLink]] = {}
    for link_id, link in usable.items():
        source = source_of(link)
        attacker = link_argument.get(link_id, source)
        if link.target in issues:
            if link.kind in ("supports", "attacks"):
                stance: Literal["for", "against"] = "for" if link.kind == "supports" else "against"
                issue_links.setdefault(link.target, []).append(IssueLink(link_id, stance, attacker))
            continue
        if link.kind == "supports":
            supports.append((source, node_argument[link.target]))
        elif link.kind == "equivalent":
            other = node_argument[link.target]
            supports.extend([(source, other), (other, source)])
        elif link.kind == "contradicts":
            other = node_argument[link.target]
            build.attack(source, other, AttackOrigin("contradicts", link_id))
            build.attack(other, source, AttackOrigin("contradicts", link_id))
            seeds.extend([(source, other), (other, source)])
        elif link.kind == "attacks":
            target = node_argument[link.target]
            build.attack(attacker, target, AttackOrigin("attacks", link_id))
            seeds.append((attacker, target))
        else:  # undercuts: the target link's inference argument
            target = link_argument[link.target]
            build.attack(attacker, target, AttackOrigin(UNDERCUTS, link_id))
            seeds.append((attacker, target))
    # an attack on one linked premise seeds derivations as an attack on the linked argument
    members: dict[int, list[int]] = {}
    for index, argument in enumerate(build.arguments):
        if argument.kind == "premises":
            for premise in argument.element.split(" & "):
                members.setdefault(node_argument[premise], []).append(index)
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
        node_argument=node_argument,
        link_argument=link_argument,
        origins=dict(build.attacks),
        issue_links=issue_links,
        removed=frozenset(gone),
    )
