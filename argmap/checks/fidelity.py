"""AM6xx: source fidelity: what a map drawn from a text says that the text does not."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks.context import Context
from argmap.checks.registry import Finding, Rule, rule
from argmap.model import AnyLink, ArgumentMap
from argmap.model.fields import UNDERCUTS

__all__: list[str] = []

# The positions of a debate. Links touching an issue, a principle or a piece of
# evidence are left out: they record how the map frames the debate, which the
# text rarely marks with words of its own.
CLAIM_KINDS = frozenset({"claim", "counterclaim"})


def _between_claims(argument_map: ArgumentMap, link: AnyLink) -> bool:
    """Whether every premise (and, unless the link is an undercut, the target) is a claim."""
    ends = list(link.premises)
    if link.kind != UNDERCUTS:
        # an undercut's target is a link: the relation it denies is between its premises' claim and that link
        ends.append(link.target)
    return all(argument_map.node(end).kind in CLAIM_KINDS for end in ends)


@rule(
    "AM601",
    "unsourced-link",
    "warning",
    summary="In a map with sources, a link between claims with no anchor and no inferred mark.",
    explanation="""
        When a map has sources, every relation between two positions should be
        either stated by the text (the link is anchored to its discourse marker,
        e.g. "critics reply that") or marked as the map authors' inference
        (``inferred: true``, with a note saying why). A link between claims with
        neither cannot be told apart from the text's own argument. Links between
        claims and counterclaims count (an undercut counts when its premises are
        claims); links that touch an issue, a principle or evidence are left out,
        and so are maps without sources.
    """,
    example="""
        sources: [{id: text, title: The town's bypass debate}]
        nodes:
          - {id: cost, kind: claim, text: The bypass costs too much.}
          - {id: grants, kind: counterclaim, text: Government grants pay for most of it.}
        links:
          - {id: x1, kind: attacks, source: grants, target: cost}   # no anchors, no inferred: true
    """,
    fix="Anchor the link on the words that state it, or mark it inferred: true with a note.",
    fixed="""
        sources: [{id: text, title: The town's bypass debate}]
        nodes:
          - {id: cost, kind: claim, text: The bypass costs too much.}
          - {id: grants, kind: counterclaim, text: Government grants pay for most of it.}
        links:
          - id: x1
            kind: attacks
            source: grants
            target: cost
            inferred: true
            note: The text sets the two views side by side; the reply is our reading.
    """,
)
def _unsourced_link(context: Context, this: Rule) -> Iterator[Finding]:
    argument_map = context.map
    if not argument_map.sources:
        return
    for link in argument_map.links:
        if link.anchors or link.inferred or not _between_claims(argument_map, link):
            continue
        between = " and ".join(repr(end) for end in (*link.premises, link.target))
        yield this.finding(
            f"{link.kind} link {link.id!r} between {between} has no anchor and is not marked inferred",
            [*link.premises, str(link.id), link.target],
        )
