"""One mistake, one finding: findings that share a link are grouped under the most telling one.

A single misplaced link usually breaks several rules at once. Turn a support
into an attack and the node may now argue against what it supports (AM202),
its chains to the issue disagree (AM301), its side supports an opponent's
claim (AM302) and a loop of links has an odd number of attacks (AM203): four
findings, one mistake. :func:`relate` keeps the first of them as the finding
and attaches the others to it as ``related``.

**Suspects.** The links a finding names in its elements are the links that
may be wrong (AM401 names the supports of an idle counterclaim, and AM403
the attacks of an idle principle, for that reason). Two findings that name a
common link are likely one mistake.

**Precedence.** :data:`PRECEDENCE` orders the rules that take part, the most
telling first: errors before warnings (a warning never hides an error), and
within each level the rule that points at the fewest links first, so that
the finding a person reads names the mistake most closely:

1. AM101 contradictory-stance and AM102 support-and-contradiction: a pair of
   links between two nodes;
2. AM201 circular-support, then AM202 self-undermining: a chain of links;
3. AM302 side-incoherence: one link;
4. AM303 side-stance-mismatch and AM301 conflicting-derived-stance: one or
   two chains toward an issue;
5. AM203 unbalanced-stance-cycle: a loop anywhere in the debate;
6. AM401 idle-counterclaim, AM403 idle-principle and AM405
   undercut-of-non-support: a node or an undercut left without its proper
   link, often by a link of the wrong kind named above.

Findings are taken in that order (then in file order). A finding that shares
a link with a finding already kept is attached to the first such one;
otherwise it is kept. Grouping is one level deep and a finding is attached
only to a kept finding it shares a link with, never by a chain of overlaps,
so that two separate mistakes stay two findings. Rules outside
:data:`PRECEDENCE` (unconnected elements, duplicate links, notes for
teachers) are never grouped.

Examples:
    >>> from argmap.builder import MapBuilder
    >>> from argmap.checks import check
    >>> b = MapBuilder("m", "T")
    >>> for node in ("motion", "a", "b"):
    ...     _ = b.node("issue" if node == "motion" else "claim", node, node + ".")
    >>> _ = b.supports("a", "motion", id="s1")
    >>> _ = b.supports("b", "motion", id="s2")
    >>> _ = b.attacks("a", "b", id="x")    # meant: supports
    >>> [(f.code, [r.code for r in f.related]) for f in check(b.build(), min_severity="warning")]
    [('AM202', ['AM301', 'AM203'])]
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from argmap.checks.registry import Finding
from argmap.graph import compiled
from argmap.model import ArgumentMap

__all__ = ["PRECEDENCE", "relate"]

PRECEDENCE: tuple[str, ...] = (
    "AM101",
    "AM102",
    "AM201",
    "AM202",
    "AM302",
    "AM303",
    "AM301",
    "AM203",
    "AM401",
    "AM403",
    "AM405",
)


def relate(argument_map: ArgumentMap, findings: Sequence[Finding]) -> list[Finding]:
    """The findings with those one mistake explains attached to it as ``related``.

    ``findings`` come in the order to report them; the result keeps that
    order for the findings that stay. See the module docstring for the rules.

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> b = MapBuilder("m", "T")
        >>> _ = b.claim("a", "A.")
        >>> _ = b.claim("b", "B.")
        >>> _ = b.supports("a", "b", id="s")
        >>> cause = Finding("AM101", "error", "...", ("a", "s", "b"))
        >>> effect = Finding("AM203", "warning", "...", ("b", "s", "a"))
        >>> [(f.code, len(f.related)) for f in relate(b.build(), [effect, cause])]
        [('AM101', 1)]
    """
    rank = {code: i for i, code in enumerate(PRECEDENCE)}
    link_ids = compiled(argument_map).link_index
    taking_part = sorted((rank[f.code], i) for i, f in enumerate(findings) if f.code in rank)
    suspects = {i: [e for e in findings[i].elements if e in link_ids] for _, i in taking_part}
    # the first kept finding naming each link, as (position among the kept, index)
    owner: dict[str, tuple[int, int]] = {}
    attached: dict[int, list[int]] = {}
    for _, i in taking_part:
        if not suspects[i]:
            continue
        causes = [owner[link] for link in suspects[i] if link in owner]
        if causes:
            attached[min(causes)[1]].append(i)
            continue
        attached[i] = []
        for link in suspects[i]:
            owner[link] = (len(attached) - 1, i)
    explained = {i for group in attached.values() for i in group}
    return [
        dataclasses.replace(f, related=tuple(findings[j] for j in attached[i])) if attached.get(i) else f
        for i, f in enumerate(findings)
        if i not in explained
    ]
