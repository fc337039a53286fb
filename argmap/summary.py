"""A plain-text summary of a map: counts by kind, sides and issues.

Examples:
    >>> from argmap.builder import MapBuilder
    >>> b = MapBuilder("m", "Tiny debate")
    >>> _ = b.side("pro", "Proponents")
    >>> _ = b.issue("q", "Should we?", label="Should we")
    >>> _ = b.claim("c", "Yes.", held_by="pro")
    >>> _ = b.supports("c", "q")
    >>> print(format_summary(b.build()))
    Tiny debate (m)
      nodes: 2 (issue 1, claim 1)
      links: 1 (supports 1)
      sides: 1
        pro: Proponents (1 node)
      issues: 1
        q: Should we (2 nodes)
"""

from __future__ import annotations

from collections import Counter

from argmap.graph import issue_nodes, side_nodes
from argmap.model import LINK_KINDS, NODE_KINDS, ArgumentMap

__all__ = ["count_kinds", "format_summary"]


def count_kinds(argument_map: ArgumentMap) -> tuple[dict[str, int], dict[str, int]]:
    """Count nodes by kind and links by kind, in the canonical kind order.

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> count_kinds(MapBuilder("m", "T").build())
        ({}, {})
    """
    nodes = Counter(n.kind for n in argument_map.nodes)
    links = Counter(k.kind for k in argument_map.links)
    return ({k: nodes[k] for k in NODE_KINDS if nodes[k]}, {k: links[k] for k in LINK_KINDS if links[k]})


def _counts(total: int, by_kind: dict[str, int]) -> str:
    if not by_kind:
        return str(total)
    return f"{total} ({', '.join(f'{k} {n}' for k, n in by_kind.items())})"


def format_summary(argument_map: ArgumentMap) -> str:
    """Describe a map in a few lines: title, counts by kind, sides and issues."""
    nodes, links = count_kinds(argument_map)
    lines = [
        f"{argument_map.title} ({argument_map.id})",
        f"  nodes: {_counts(len(argument_map.nodes), nodes)}",
        f"  links: {_counts(len(argument_map.links), links)}",
        f"  sides: {len(argument_map.sides)}",
    ]
    for side in argument_map.sides:
        held = len(side_nodes(argument_map, side.id))
        lines.append(f"    {side.id}: {side.name} ({held} node{'s' if held != 1 else ''})")
    issues = argument_map.issues
    lines.append(f"  issues: {len(issues)}")
    for issue in issues:
        size = len(issue_nodes(argument_map, issue.id))
        lines.append(f"    {issue.id}: {issue.title} ({size} node{'s' if size != 1 else ''})")
    return "\n".join(lines)
