"""AM3xx: derived stance toward issues, and whether it fits the sides' positions."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks.context import MAX_WITNESSES, Context
from argmap.checks.registry import Finding, Rule, rule
from argmap.graph import compiled, opponents
from argmap.model import AnyLink
from argmap.model.fields import ATTACKS, SUPPORTS

__all__: list[str] = []


@rule(
    "AM301",
    "conflicting-derived-stance",
    "warning",
    summary="A node argues both for and against an issue, along different chains of links.",
    explanation="""
        A chain of links from a node to an issue argues for the issue or
        against it: each attack along the chain turns it round, supports and
        equivalences keep its direction. So "A attacks B, B attacks the
        motion" puts A *for* the motion; this is the node's *derived stance*.
        A contradiction can only end a chain, turning a chain that argues for
        one end against the other (see AM202). Undercuts and concessions take
        no side and do not count. When one chain
        from a node comes out for the issue and another against, the node pulls
        both ways: often a link is the wrong way round, or the node makes two
        points. argmap reports the node where the two chains part (not every
        node before it), with the shortest chain each way. Nodes caught in a
        chain that argues against itself are left to AM202. Principles are not
        reported: a value invoked on both sides is common ground (AM502).
    """,
    example="""
        nodes:
          - {id: motion, kind: issue, text: Should the council close the town centre to cars?}
          - {id: study, kind: evidence, text: Car-free centres had cleaner air and fewer shoppers.}
          - {id: air, kind: claim, text: A car-free centre has cleaner air.}
          - {id: trade, kind: claim, text: Shops in a car-free centre lose trade.}
        links:
          - {id: s1, kind: supports, source: study, target: air}
          - {id: s2, kind: supports, source: air, target: motion}
          - {id: s3, kind: supports, source: study, target: trade}
          - {id: x1, kind: attacks, source: trade, target: motion}
    """,
    fix="Check the links on the two chains; if the node makes two points, one for and one against, split it.",
    fixed="""
        nodes:
          - {id: motion, kind: issue, text: Should the council close the town centre to cars?}
          - {id: study-air, kind: evidence, text: A study of car-free centres found cleaner air.}
          - {id: study-trade, kind: evidence, text: The same study found fewer shoppers.}
          - {id: air, kind: claim, text: A car-free centre has cleaner air.}
          - {id: trade, kind: claim, text: Shops in a car-free centre lose trade.}
        links:
          - {id: s1, kind: supports, source: study-air, target: air}
          - {id: s2, kind: supports, source: air, target: motion}
          - {id: s3, kind: supports, source: study-trade, target: trade}
          - {id: x1, kind: attacks, source: trade, target: motion}
    """,
)
def _conflicting_derived_stance(context: Context, this: Rule) -> Iterator[Finding]:
    pos, neg = context.stance_masks
    comp, members = context.components
    _, consistent = context.potentials
    issues = {bit: i for i, bit in context.issue_bits.items()}
    reported = 0
    done_components: set[int] = set()
    for x, node in enumerate(context.map.nodes):
        conflict = pos[x] & neg[x]
        if (
            not conflict
            or node.kind in ("issue", "principle")
            or not consistent[comp[x]]
            or comp[x] in done_components
        ):
            continue
        inherited = 0
        for e in context.out[x]:
            if comp[e.target] != comp[x]:
                inherited |= pos[e.target] & neg[e.target]
        own = conflict & ~inherited
        if not own:
            continue
        done_components.add(comp[x])
        bit = (own & -own).bit_length() - 1
        issue = issues[bit]

        def bears_on_issue(u: int, bit: int = bit) -> bool:
            return bool((pos[u] | neg[u]) >> bit & 1)

        for_path = context.signed_path(x, issue, 1, keep=bears_on_issue)
        against_path = context.signed_path(x, issue, -1, keep=bears_on_issue)
        if for_path is None or against_path is None:  # pragma: no cover - masks guarantee both
            continue
        yield this.finding(
            f"{node.id!r} argues both for {context.ids[issue]!r} ({context.chain(for_path)}) and against it"
            f" ({context.chain(against_path)})",
            [*for_path, *against_path[1:]],
        )
        reported += 1
        if reported >= MAX_WITNESSES:
            return


@rule(
    "AM302",
    "side-incoherence",
    "warning",
    summary="A side attacks its own claim, or supports a claim of a side it opposes.",
    explanation="""
        A link speaks for its ``held_by`` side, or else for the side of its
        (first) source node. It is incoherent for it to attack a node held by
        the same side, or to support a node held by a side it opposes (sides
        are opposed when either lists the other in ``opposes`` or they declare
        opposite stances on an issue). A link marked ``concession: true`` is a
        side knowingly granting a point, and is never reported.
    """,
    example="""
        sides:
          - {id: pro, name: Supporters, opposes: [con], stances: {motion: for}}
          - {id: con, name: Opponents, stances: {motion: against}}
        nodes:
          - {id: motion, kind: issue, text: Should the city build a tram line?}
          - {id: faster, kind: claim, text: Trams are faster than buses., held_by: pro}
          - {id: cleaner, kind: claim, text: Trams make no fumes in the street., held_by: pro}
        links:
          - {id: s1, kind: supports, source: faster, target: motion}
          - {id: s2, kind: supports, source: cleaner, target: motion}
          - {id: x1, kind: attacks, source: faster, target: cleaner}   # the source says: supports
    """,
    fix=(
        "Correct the link's kind or the side of one node; if the side really grants the point,"
        " mark the link concession: true."
    ),
    fixed="""
        sides:
          - {id: pro, name: Supporters, opposes: [con], stances: {motion: for}}
          - {id: con, name: Opponents, stances: {motion: against}}
        nodes:
          - {id: motion, kind: issue, text: Should the city build a tram line?}
          - {id: faster, kind: claim, text: Trams are faster than buses., held_by: pro}
          - {id: cleaner, kind: claim, text: Trams make no fumes in the street., held_by: pro}
        links:
          - {id: s1, kind: supports, source: faster, target: motion}
          - {id: s2, kind: supports, source: cleaner, target: motion}
          - {id: x1, kind: supports, source: faster, target: cleaner}
    """,
)
def _side_incoherence(context: Context, this: Rule) -> Iterator[Finding]:
    # on the compiled form's numbers, with the sides' opponents read once; words only for a finding
    fast = compiled(context.map)
    held_by = context.held_by
    against = opponents(context.map)
    for j, link in enumerate(context.map.links):
        kind = fast.link_kind[j]
        if (kind != SUPPORTS and kind != ATTACKS) or link.concession:
            continue
        side = link.held_by if link.held_by is not None else held_by[fast.link_premises[j][0]]
        target_side = held_by[fast.link_target[j]]
        if side is None or target_side is None:
            continue
        if kind == ATTACKS and side == target_side:
            elements, said = _said(context, link)
            yield this.finding(f"side {side!r} attacks its own claim {link.target!r}: {said}", elements)
        elif kind == SUPPORTS and target_side in against.get(side, ()):
            elements, said = _said(context, link)
            yield this.finding(
                f"side {side!r} supports {link.target!r}, a claim of {target_side!r}, a side it opposes:"
                f" {said}",
                elements,
            )


def _said(context: Context, link: AnyLink) -> tuple[list[str], str]:
    """A link's elements (premises, link, target) and the link in words, named by id when it has a twin."""
    elements = [*link.premises, str(link.id), link.target]
    said = f"{' and '.join(link.premises)} {link.kind} {link.target}"
    twins = [
        other
        for other in context.map.links_from(link.premises[0], link.kind)
        if other.target == link.target and other.premises == link.premises
    ]
    if len(twins) > 1:  # the same words would name several links: say which
        said += f" (link {str(link.id)!r})"
    return elements, said


@rule(
    "AM303",
    "side-stance-mismatch",
    "warning",
    summary="A side declared for an issue holds a node whose chains argue against it (or the reverse).",
    explanation="""
        A side's ``stances`` declare it ``for``, ``against`` or ``mixed`` on each
        issue. A node held by the side whose chains of links to the issue all
        argue the other way (its derived stance, see AM301) argues against its
        own side's position. ``mixed`` stances are not checked, and nodes whose
        chains argue both ways are left to AM301.
    """,
    example="""
        sides:
          - {id: pro, name: Supporters, opposes: [con], stances: {motion: for}}
          - {id: con, name: Opponents, stances: {motion: against}}
        nodes:
          - {id: motion, kind: issue, text: Should the city build a tram line?}
          - {id: faster, kind: claim, text: Trams are faster than buses., held_by: pro}
        links:
          - {id: x1, kind: attacks, source: faster, target: motion}   # the source says: supports
    """,
    fix="Correct the link's kind, the node's side, or the side's declared stance.",
    fixed="""
        sides:
          - {id: pro, name: Supporters, opposes: [con], stances: {motion: for}}
          - {id: con, name: Opponents, stances: {motion: against}}
        nodes:
          - {id: motion, kind: issue, text: Should the city build a tram line?}
          - {id: faster, kind: claim, text: Trams are faster than buses., held_by: pro}
        links:
          - {id: x1, kind: supports, source: faster, target: motion}
    """,
)
def _side_stance_mismatch(context: Context, this: Rule) -> Iterator[Finding]:
    pos, neg = context.stance_masks
    bits = context.issue_bits
    stances = {side.id: side.stances for side in context.map.sides}
    reported = 0
    for x, node in enumerate(context.map.nodes):
        if node.held_by is None or node.kind == "issue":
            continue
        for issue_id, stance in stances.get(node.held_by, {}).items():
            issue = context.index[issue_id]
            bit = 1 << bits[issue]
            wrong, right = (neg[x], pos[x]) if stance == "for" else (pos[x], neg[x])
            if stance == "mixed" or not wrong & bit or right & bit:
                continue

            def bears_on_issue(u: int, bit: int = bit) -> bool:
                return bool((pos[u] | neg[u]) & bit)

            path = context.signed_path(x, issue, -1 if stance == "for" else 1, keep=bears_on_issue)
            if path is None:  # pragma: no cover - the mask guarantees a path
                continue
            actual = "against" if stance == "for" else "for"
            yield this.finding(
                f"side {node.held_by!r} is declared {stance} {issue_id!r}, but its {node.kind} {node.id!r}"
                f" argues {actual} it: {context.chain(path)}",
                path,
            )
            reported += 1
            if reported >= MAX_WITNESSES:
                return
