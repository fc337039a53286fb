"""AM1xx: links that contradict each other between the same two elements."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from argmap.checks.context import Context
from argmap.checks.registry import Finding, Rule, rule
from argmap.graph import compiled
from argmap.model.fields import ATTACKS, CONTRADICTS, SUPPORTS

__all__: list[str] = []


@rule(
    "AM101",
    "contradictory-stance",
    "error",
    summary="The same source both supports and attacks the same target.",
    explanation="""
        A node (or a set of linked premises) that both supports and attacks one
        target takes two opposite stances toward it at once. One of the two links
        is almost always a mistake in transcription, or the source mixes two
        different points that should be two nodes. Concessions count too: a side
        cannot grant and contest the very same point with the same premise.
    """,
    example="""
        nodes:
          - {id: motion, kind: issue, text: Should the town build a bypass?}
          - {id: traffic, kind: claim, text: A bypass takes lorries out of the high street.}
        links:
          - {id: s1, kind: supports, source: traffic, target: motion}
          - {id: x1, kind: attacks, source: traffic, target: motion}
    """,
    fix="Keep the link the source states and delete the other; if the node makes two points, split it.",
    fixed="""
        nodes:
          - {id: motion, kind: issue, text: Should the town build a bypass?}
          - {id: traffic, kind: claim, text: A bypass takes lorries out of the high street.}
        links:
          - {id: s1, kind: supports, source: traffic, target: motion}
    """,
)
def _contradictory_stance(context: Context, this: Rule) -> Iterator[Finding]:
    # on the compiled form's numbers: premises in the order of their ids, as the message lists them
    fast = compiled(context.map)
    ids = fast.ids
    seen: dict[tuple[tuple[int, ...], int], dict[str, str]] = defaultdict(dict)
    for j, kind in enumerate(fast.link_kind):
        if kind == SUPPORTS or kind == ATTACKS:
            numbers = fast.link_premises[j]
            if len(numbers) > 1:
                numbers = tuple(sorted(numbers, key=ids.__getitem__))
            seen[(numbers, fast.link_target[j])].setdefault(kind, fast.link_ids[j])
    for (numbers, number), kinds in seen.items():
        if len(kinds) == 2:
            premises, target = [ids[p] for p in numbers], ids[number]
            who = " and ".join(map(repr, premises))
            verbs = "both supports and attacks" if len(premises) == 1 else "together both support and attack"
            yield this.finding(
                f"{who} {verbs} {target!r}",
                [*premises, kinds[SUPPORTS], kinds[ATTACKS], target],
            )


@rule(
    "AM102",
    "support-and-contradiction",
    "error",
    summary="Two nodes both support and contradict each other.",
    explanation="""
        ``contradicts`` says two statements cannot both hold; ``supports`` says one
        is a reason for the other. Both between the same pair (in either
        direction) cannot be right.
    """,
    example="""
        nodes:
          - {id: safe, kind: claim, text: Cycling to school is safe.}
          - {id: lanes, kind: claim, text: The town has built cycle lanes to every school.}
        links:
          - {id: s1, kind: supports, source: lanes, target: safe}
          - {id: c1, kind: contradicts, source: safe, target: lanes}
    """,
    fix="Decide which relation the source states and delete the other link.",
    fixed="""
        nodes:
          - {id: safe, kind: claim, text: Cycling to school is safe.}
          - {id: lanes, kind: claim, text: The town has built cycle lanes to every school.}
        links:
          - {id: s1, kind: supports, source: lanes, target: safe}
    """,
)
def _support_and_contradiction(context: Context, this: Rule) -> Iterator[Finding]:
    fast = compiled(context.map)
    contradictions: dict[frozenset[int], str] = {}
    for j, kind in enumerate(fast.link_kind):
        if kind == CONTRADICTS:
            contradictions.setdefault(
                frozenset((fast.link_premises[j][0], fast.link_target[j])), fast.link_ids[j]
            )
    if not contradictions:
        return
    for j, link in enumerate(context.map.links):
        if fast.link_kind[j] != SUPPORTS:
            continue
        for premise in link.premises:
            other = contradictions.get(frozenset((context.index[premise], fast.link_target[j])))
            if other is not None and premise != link.target:
                yield this.finding(
                    f"{premise!r} supports {link.target!r} but the two are also said to contradict"
                    " each other",
                    [premise, str(link.id), link.target, other],
                )
