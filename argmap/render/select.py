"""Which nodes and links a diagram shows: filters, focus and hiding unconnected nodes.

The graph questions (what bears on an issue, what lies within k links, which
links join kept nodes) are answered by :mod:`argmap.graph`; this module only
combines the answers as the options ask.

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

from dataclasses import dataclass

from argmap.errors import UnknownElementError
from argmap.graph import bears_on, drawn_links, issue_nodes, link_ends, neighbourhood, side_nodes
from argmap.model import AnyLink, AnyNode, ArgumentMap
from argmap.render.options import RenderOptions

__all__ = ["Selection", "link_ends", "neighbourhood_nodes", "select"]


@dataclass(frozen=True)
class Selection:
    """The nodes and links to draw, each in map order."""

    nodes: tuple[AnyNode, ...]
    links: tuple[AnyLink, ...]


def neighbourhood_nodes(m: ArgumentMap, node_id: str, depth: int) -> tuple[AnyNode, ...]:
    """The node ``node_id`` and every node within ``depth`` links of it, in map order.

    The nodes of :func:`argmap.graph.neighbourhood`, which says how links are
    crossed.

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
    return tuple(m.node(node_id) for node_id in neighbourhood(m, node_id, depth))


def _check_known(m: ArgumentMap, options: RenderOptions) -> None:
    for side_id in options.sides:
        m.side(side_id)
    for element_id in sorted(options.highlight):
        if not m.has(element_id):
            raise UnknownElementError(element_id, "node or link", "in highlight")
    for node_id in options.evaluation:
        m.node(node_id)
    tags = {tag: None for n in m.nodes for tag in n.tags}
    for tag in options.tags:
        if tag not in tags:  # a filter that keeps nothing, most likely a typo
            raise UnknownElementError(tag, "tag", choices=sorted(tags))


def select(m: ArgumentMap, options: RenderOptions | None = None) -> Selection:
    """Apply the filters of ``options`` to ``m``: the nodes and links to draw.

    Raises:
        UnknownElementError: an issue, side, focus node, highlighted or
            evaluated element, or a tag the options name is not in the map.

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
        kept &= {node_id for issue in options.issues for node_id in issue_nodes(m, issue)}
    if options.sides:
        held = {node_id for side in options.sides for node_id in side_nodes(m, side)}
        # What the side's nodes bear on, up to the issues, and the ends of the links they undercut.
        ends = {end for node_id in held for link in m.links_from(node_id) for end in link_ends(m, link)}
        stated = {issue for side in options.sides for issue in m.side(side).stances}
        kept &= bears_on(m, held) | ends | stated
    if options.tags:
        kept &= {n.id for n in m.nodes if any(tag in options.tags for tag in n.tags)}
    if options.focus is not None:
        kept &= set(neighbourhood(m, options.focus, options.depth))
    links = tuple(drawn_links(m, kept))
    if options.hide_unconnected:
        kept = {end for link in links for end in link_ends(m, link)}
    return Selection(tuple(n for n in m.nodes if n.id in kept), links)
