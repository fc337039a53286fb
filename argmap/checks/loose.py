"""AM4xx: loose ends: elements that argue nothing, bear on no issue, or repeat."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks.context import Context
from argmap.checks.registry import Finding, Rule, rule
from argmap.model import LinkKind
from argmap.model.fields import ATTACKS, CONTRADICTS, SUPPORTS, SYMMETRIC_KINDS, UNDERCUTS

__all__: list[str] = []

_KIND_NOUN = {ATTACKS: "an attack", UNDERCUTS: "an undercut", SUPPORTS: "a support"}


@rule(
    "AM401",
    "idle-counterclaim",
    "warning",
    summary="A counterclaim that attacks nothing.",
    explanation="""
        A counterclaim exists to answer something: it should attack, undercut or
        contradict at least one element. One that does not is usually missing
        its link, or is really a claim.
    """,
    example="""
        nodes:
          - {id: motion, kind: issue, text: Should the town build a bypass?}
          - {id: cost, kind: claim, text: The bypass costs too much.}
          - {id: grants, kind: counterclaim, text: Government grants pay for most of it.}
        links:
          - {id: x1, kind: attacks, source: cost, target: motion}
          - {id: s1, kind: supports, source: grants, target: cost}   # the source says: attacks
    """,
    fix="Add or correct the attack the source states, or make the node a claim.",
    fixed="""
        nodes:
          - {id: motion, kind: issue, text: Should the town build a bypass?}
          - {id: cost, kind: claim, text: The bypass costs too much.}
          - {id: grants, kind: counterclaim, text: Government grants pay for most of it.}
        links:
          - {id: x1, kind: attacks, source: cost, target: motion}
          - {id: x2, kind: attacks, source: grants, target: cost}
    """,
)
def _idle_counterclaim(context: Context, this: Rule) -> Iterator[Finding]:
    for node in context.map.nodes:
        if node.kind != "counterclaim":
            continue
        outgoing = [k for k in context.map.links_from(node.id) if k.kind in (ATTACKS, UNDERCUTS, CONTRADICTS)]
        if not outgoing and not context.map.links_to(node.id, CONTRADICTS):
            # its supports are named: one of them may be an attack written the wrong way
            yield this.finding(
                f"counterclaim {node.id!r} attacks nothing{_only(context, node.id, 'supports')}",
                [node.id, *_ends(context, node.id, SUPPORTS)],
            )


def _ends(context: Context, node_id: str, kind: LinkKind) -> list[str]:
    return [e for k in context.map.links_from(node_id, kind) for e in (str(k.id), k.target)]


def _only(context: Context, node_id: str, kind: LinkKind) -> str:
    targets = [repr(k.target) for k in context.map.links_from(node_id, kind)]
    return f" (it only {kind} {', '.join(targets)})" if targets else ""


@rule(
    "AM402",
    "unconnected",
    "warning",
    summary="A claim, counterclaim or piece of evidence not linked to any issue.",
    explanation="""
        Every claim, counterclaim and piece of evidence should lead to some
        issue through a chain of links of any kind, each followed the way it
        points (an undercut leads where the link it questions leads;
        contradictions and equivalences lead both ways). An element that leads
        to no issue is outside the debate as mapped: a link or an issue is
        missing.
    """,
    example="""
        nodes:
          - {id: motion, kind: issue, text: Should the town build a bypass?}
          - {id: cost, kind: claim, text: The bypass costs too much.}
          - {id: noise, kind: claim, text: Lorries wake people on the high street at night.}
        links:
          - {id: x1, kind: attacks, source: cost, target: motion}
    """,
    fix="Link the element to the claim or issue it is about, or add the issue it belongs to.",
    fixed="""
        nodes:
          - {id: motion, kind: issue, text: Should the town build a bypass?}
          - {id: cost, kind: claim, text: The bypass costs too much.}
          - {id: noise, kind: claim, text: Lorries wake people on the high street at night.}
        links:
          - {id: x1, kind: attacks, source: cost, target: motion}
          - {id: s1, kind: supports, source: noise, target: motion}
    """,
)
def _unconnected(context: Context, this: Rule) -> Iterator[Finding]:
    if not context.issue_bits:
        return
    reached = context.reaches_issue
    for i, node in enumerate(context.map.nodes):
        if node.kind in ("claim", "counterclaim", "evidence") and not reached[i]:
            yield this.finding(
                f"{node.kind} {node.id!r} is not linked to any issue, directly or through other nodes",
                [node.id],
            )


@rule(
    "AM403",
    "idle-principle",
    "warning",
    summary="A principle that supports nothing.",
    explanation="""
        Principles are the values and norms claims appeal to; argmap shows which
        claims rely on which by ``supports`` links from the principle. A principle
        with none is not yet part of the argument.
    """,
    example="""
        nodes:
          - {id: motion, kind: issue, text: Should the school day start later?}
          - {id: health, kind: principle, text: Schools should protect pupils' health.}
          - {id: sleep, kind: claim, text: Teenagers sleep longer when school starts later.}
        links:
          - {id: s1, kind: supports, source: sleep, target: motion}
    """,
    fix="Link the principle to the claims that appeal to it, or remove it.",
    fixed="""
        nodes:
          - {id: motion, kind: issue, text: Should the school day start later?}
          - {id: health, kind: principle, text: Schools should protect pupils' health.}
          - {id: sleep, kind: claim, text: Teenagers sleep longer when school starts later.}
        links:
          - {id: s1, kind: supports, source: sleep, target: motion}
          - {id: s2, kind: supports, source: health, target: sleep}
    """,
)
def _idle_principle(context: Context, this: Rule) -> Iterator[Finding]:
    for node in context.map.nodes:
        if node.kind == "principle" and not context.map.links_from(node.id, SUPPORTS):
            yield this.finding(
                f"principle {node.id!r} supports nothing{_only(context, node.id, 'attacks')}",
                [node.id, *_ends(context, node.id, ATTACKS)],
            )


@rule(
    "AM404",
    "duplicate-link",
    "warning",
    summary="The same link is stated twice.",
    explanation="""
        Two links of the same kind between the same source (or the same set of
        linked premises) and target say the same thing twice; symmetric links
        count in either direction. Duplicates inflate counts and diagrams.
    """,
    example="""
        nodes:
          - {id: motion, kind: issue, text: Should the town build a bypass?}
          - {id: traffic, kind: claim, text: A bypass takes lorries out of the high street.}
        links:
          - {id: l1, kind: supports, source: traffic, target: motion}
          - {id: l2, kind: supports, source: traffic, target: motion}
    """,
    fix="Merge the two links into one, keeping the notes and anchors of both.",
    fixed="""
        nodes:
          - {id: motion, kind: issue, text: Should the town build a bypass?}
          - {id: traffic, kind: claim, text: A bypass takes lorries out of the high street.}
        links:
          - {id: l1, kind: supports, source: traffic, target: motion}
    """,
)
def _duplicate_link(context: Context, this: Rule) -> Iterator[Finding]:
    # a link's key: its kind, its premises (any order) and its target, either way round when symmetric;
    # most links have one premise, whose key needs no set
    first: dict[tuple[str, str | frozenset[str], str], str] = {}
    for link in context.map.links:
        kind, source, target = link.kind, link.source, link.target
        key: tuple[str, str | frozenset[str], str]
        if type(source) is not str:
            key = (kind, frozenset(source), target)
        elif kind in SYMMETRIC_KINDS and target < source:
            key = (kind, target, source)
        else:
            key = (kind, source, target)
        earlier = first.setdefault(key, str(link.id))
        if earlier != link.id:
            yield this.finding(
                f"the {link.kind} link {link.id!r} repeats {earlier!r} (same kind, same nodes)",
                [str(link.id), earlier],
            )


@rule(
    "AM405",
    "undercut-of-non-support",
    "warning",
    summary="An undercut aimed at an attack or another undercut, not at a support.",
    explanation="""
        An undercut attacks the inference of a support: "A is true, but it is no
        reason for B". argmap also loads undercuts of attacks and of other
        undercuts (attacks on attacks, as in AIF), but in a debate map they are
        rare and often a mistaken target.
    """,
    example="""
        nodes:
          - {id: motion, kind: issue, text: Should the town build a bypass?}
          - {id: cost, kind: claim, text: The bypass costs too much.}
          - {id: grants, kind: counterclaim, text: Government grants pay for most of it.}
        links:
          - {id: x1, kind: attacks, source: cost, target: motion}
          - {id: u1, kind: undercuts, source: grants, target: x1}
    """,
    fix="Point the undercut at the support it questions, or make it an attack on a node.",
    fixed="""
        nodes:
          - {id: motion, kind: issue, text: Should the town build a bypass?}
          - {id: cost, kind: claim, text: The bypass costs too much.}
          - {id: grants, kind: counterclaim, text: Government grants pay for most of it.}
        links:
          - {id: x1, kind: attacks, source: cost, target: motion}
          - {id: x2, kind: attacks, source: grants, target: cost}
    """,
)
def _undercut_of_non_support(context: Context, this: Rule) -> Iterator[Finding]:
    for link in context.map.links:
        if link.kind == UNDERCUTS:
            target = context.map.link(link.target)
            if target.kind != SUPPORTS:
                yield this.finding(
                    f"undercut {link.id!r} questions {target.id!r}, which is {_KIND_NOUN[target.kind]},"
                    " not a support",
                    [*link.premises, str(link.id), str(target.id)],
                )
