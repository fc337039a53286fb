"""Which nodes and links a diagram shows: filters, focus and hiding unconnected nodes.

Examples:
    >>> from argmap.builder import MapBuilder
    >>> b = MapBuilder("m", "T")
    >>> for n in ("q", "a", "b", "c"):
    ...     _ = b.claim(n, n.upper() + ".")
    >>> _ = b.supports("a", "q"); _ = b.attacks("b", "a")
    >>> m = b.build()
    >>> [n.id for n in neighbourhood_nodes(m, "q", 1)]
    ['q', 'a']
    >>> [n.id for n in select(m, RenderOptions(hide_unconnected=True)).nodes]
    ['q', 'a', 'b']
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass

from argmap.errors import UnknownElementError
from argmap.model import AnyLink, AnyNode, ArgumentMap
from argmap.render.options import RenderOptions

__all__ = ["Selection", "link_ends", "neighbourhood_nodes", "select"]


@dataclass(frozen=True)
class Selection:
    """The nodes and links to draw, each in map order."""

    nodes: tuple[AnyNode, ...]
    links: tuple[AnyLink, ...]


def link_ends(m: ArgumentMap, link: AnyLink) -> tuple[str, ...]:
    """The nodes a link joins: its premises and target, or for an undercut the ends of its link too.

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> b = MapBuilder("m", "T")
        >>> for n in ("a", "b", "c", "x"):
        ...     _ = b.claim(n, n.upper() + ".")
        >>> s = b.supports(["a", "b"], "c")
        >>> u = b.undercuts("x", s)
        >>> m = b.build()
        >>> link_ends(m, m.link(u))
        ('x', 'a', 'b', 'c')
    """
    ends: dict[str, None] = dict.fromkeys(link.premises)
    seen = {str(link.id)}
    while link.kind == "undercuts" and link.target not in seen:
        seen.add(link.target)
        link = m.link(link.target)
        ends.update(dict.fromkeys(link.premises))
    if link.kind != "undercuts":
        ends[link.target] = None
    return tuple(ends)


def _adjacency(m: ArgumentMap) -> dict[str, list[str]]:
    adjacent: dict[str, dict[str, None]] = {n.id: {} for n in m.nodes}
    for link in m.links:
        ends = link_ends(m, link)
        for end in ends:
            adjacent[end].update(dict.fromkeys(e for e in ends if e != end))
    return {node_id: list(others) for node_id, others in adjacent.items()}


def neighbourhood_nodes(m: ArgumentMap, node_id: str, depth: int) -> tuple[AnyNode, ...]:
    """The node ``node_id`` and every node within ``depth`` links of it, in map order.

    Links are crossed in either direction; a link joins all of its ends (see
    :func:`link_ends`), so linked premises are one hop from each other.

    Raises:
        UnknownElementError: the map has no node ``node_id``.

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> b = MapBuilder("m", "T")
        >>> for n in ("a", "b", "c", "d"):
        ...     _ = b.claim(n, n.upper() + ".")
        >>> _ = b.supports(["a", "b"], "c"); _ = b.attacks("d", "c")
        >>> [n.id for n in neighbourhood_nodes(b.build(), "a", 1)]
        ['a', 'b', 'c']
    """
    m.node(node_id)
    adjacent = _adjacency(m)
    distance = {node_id: 0}
    queue = deque([node_id])
    while queue:
        current = queue.popleft()
        if distance[current] == depth:
            continue
        for other in adjacent[current]:
            if other not in distance:
                distance[other] = distance[current] + 1
                queue.append(other)
    return tuple(n for n in m.nodes if n.id in distance)


def _check_known(m: ArgumentMap, options: RenderOptions) -> None:
    for side_id in options.sides:
        m.side(side_id)
    for element_id in sorted(options.highlight):
        if not m.has(element_id):
            raise UnknownElementError(element_id, "node or link", "in highlight")
    for node_id in options.evaluation:
        m.node(node_id)


def _drawn_links(m: ArgumentMap, kept: set[str]) -> Iterator[AnyLink]:
    """The links whose every end is kept; an undercut needs its link drawn."""
    drawn: dict[str, bool] = {}

    def is_drawn(link: AnyLink) -> bool:
        link_id = str(link.id)
        if link_id not in drawn:
            drawn[link_id] = True  # a cycle of undercuts is drawn when its premises are
            premises_kept = all(p in kept for p in link.premises)
            if link.kind == "undercuts":
                drawn[link_id] = premises_kept and is_drawn(m.link(link.target))
            else:
                drawn[link_id] = premises_kept and link.target in kept
        return drawn[link_id]

    return (link for link in m.links if is_drawn(link))


def select(m: ArgumentMap, options: RenderOptions | None = None) -> Selection:
    """Apply the filters of ``options`` to ``m``: the nodes and links to draw.

    Raises:
        UnknownElementError: an issue, side, focus node, highlighted or
            evaluated element the options name is not in the map.

    Examples:
        >>> import argmap
        >>> m = argmap.load_corpus("school-phones")
        >>> chosen = select(m, RenderOptions(issues=["lunch"]))
        >>> [n.id for n in chosen.nodes]
        ['lunch', 'pupil-wellbeing', 'class-not-device', 'lunch-scrolling']
        >>> len(chosen.links)
        3
    """
    options = options or RenderOptions()
    _check_known(m, options)
    kept = {n.id for n in m.nodes}
    if options.issues:
        kept &= {n.id for issue in options.issues for n in m.issue_nodes(issue)}
    if options.sides:
        kept &= {n.id for n in m.nodes if n.held_by in options.sides or n.kind == "issue"}
    if options.tags:
        kept &= {n.id for n in m.nodes if any(tag in options.tags for tag in n.tags)}
    if options.focus is not None:
        kept &= {n.id for n in neighbourhood_nodes(m, options.focus, options.depth)}
    links = tuple(_drawn_links(m, kept))
    if options.hide_unconnected:
        kept = {end for link in links for end in link_ends(m, link)}
    return Selection(tuple(n for n in m.nodes if n.id in kept), links)
