"""AM5xx: notes for teachers: features of the debate worth showing students."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks.context import Context
from argmap.checks.registry import Finding, Rule, rule
from argmap.model.fields import SUPPORTS

__all__: list[str] = []


@rule(
    "AM501",
    "one-sided-issue",
    "info",
    summary="An issue whose claims all come from one side.",
    explanation="""
        Counting the claims, counterclaims and evidence that bear on an issue
        (see AM402) and have a ``held_by`` side: when they all belong to one side
        (or none has a side), students see only one side of the question. That
        may be faithful to the source, but it is worth knowing before teaching
        from the map.
    """,
    example="""
        sides:
          - {id: pro, name: Supporters, opposes: [con], stances: {motion: for}}
          - {id: con, name: Opponents, stances: {motion: against}}
        nodes:
          - {id: motion, kind: issue, text: Should the city build a tram line?}
          - {id: faster, kind: claim, text: Trams are faster than buses., held_by: pro}
        links:
          - {id: s1, kind: supports, source: faster, target: motion}
    """,
    fix="Add the other side's claims, or tell students that the source presents one side.",
    fixed="""
        sides:
          - {id: pro, name: Supporters, opposes: [con], stances: {motion: for}}
          - {id: con, name: Opponents, stances: {motion: against}}
        nodes:
          - {id: motion, kind: issue, text: Should the city build a tram line?}
          - {id: faster, kind: claim, text: Trams are faster than buses., held_by: pro}
          - {id: cost, kind: claim, text: The tram costs twice as much as new buses., held_by: con}
        links:
          - {id: s1, kind: supports, source: faster, target: motion}
          - {id: x1, kind: attacks, source: cost, target: motion}
    """,
)
def _one_sided_issue(context: Context, this: Rule) -> Iterator[Finding]:
    pos, neg = context.stance_masks
    reach_sides: dict[int, set[str]] = {i: set() for i in context.issue_bits}
    bits = {bit: i for i, bit in context.issue_bits.items()}
    for x, node in enumerate(context.map.nodes):
        if node.held_by is None or node.kind not in ("claim", "counterclaim", "evidence"):
            continue
        mask = pos[x] | neg[x]
        while mask:
            low = mask & -mask
            reach_sides[bits[low.bit_length() - 1]].add(node.held_by)
            mask ^= low
    for issue, sides in reach_sides.items():
        if len(sides) <= 1:
            who = (
                f"has claims only from side {next(iter(sides))!r}" if sides else "has no claim held by a side"
            )
            yield this.finding(f"issue {context.ids[issue]!r} {who}", [context.ids[issue]])


@rule(
    "AM502",
    "shared-principle",
    "info",
    summary="A principle that opposing sides both appeal to.",
    explanation="""
        A principle that supports claims of two sides that oppose each other is
        common ground: both camps invoke the same value and disagree about what
        it requires. Such principles are good starting points for discussion.
    """,
    example="""
        sides:
          - {id: pro, name: Supporters, opposes: [con], stances: {motion: for}}
          - {id: con, name: Opponents, stances: {motion: against}}
        nodes:
          - {id: motion, kind: issue, text: Should the city build a tram line?}
          - {id: fairness, kind: principle, text: Public money should serve everyone.}
          - {id: reach, kind: claim, text: The tram serves the poorer east side., held_by: pro}
          - {id: cost, kind: claim, text: The tram money would buy buses for every district., held_by: con}
        links:
          - {id: s1, kind: supports, source: fairness, target: reach}
          - {id: s2, kind: supports, source: fairness, target: cost}
          - {id: s3, kind: supports, source: reach, target: motion}
          - {id: x1, kind: attacks, source: cost, target: motion}
    """,
    fix="Nothing to fix: show it to students as common ground.",
)
def _shared_principle(context: Context, this: Rule) -> Iterator[Finding]:
    for node in context.map.nodes:
        if node.kind != "principle":
            continue
        supported: list[tuple[str, str]] = []
        for link in context.map.links_from(node.id, SUPPORTS):
            side = context.map.node(link.target).held_by
            if side is not None:
                supported.append((side, link.target))
        pair = next(
            ((a, b) for a in supported for b in supported if context.is_opposed(a[0], b[0])),
            None,
        )
        if pair is not None:
            (side_a, claim_a), (side_b, claim_b) = pair
            yield this.finding(
                f"principle {node.id!r} is appealed to by opposing sides: {side_a!r} (in {claim_a!r})"
                f" and {side_b!r} (in {claim_b!r})",
                [node.id, claim_a, claim_b],
            )
