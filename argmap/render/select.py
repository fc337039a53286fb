"""Which nodes and links a diagram shows: filters, focus and hiding unconnected nodes.

A node that no drawn link touches is left out when the options say so
(``hide_unconnected=True``) and, by default, when the map's source leaves it
out: the Argdown tool draws no statement or argument that takes part in no
relation (:func:`argdown_leaves_out`), so the prose of an Argdown document
is not drawn as loose boxes.

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

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from argmap.errors import UnknownElementError
from argmap.graph import bears_on, drawn_links, issue_nodes, link_ends, neighbourhood, side_nodes
from argmap.model import AnyLink, AnyNode, ArgumentMap
from argmap.render.options import RenderOptions

__all__ = [
    "Selection",
    "argdown_kept_out",
    "argdown_leaves_out",
    "link_ends",
    "neighbourhood_nodes",
    "select",
]


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


def _mapping(value: Any, key: str) -> Mapping[str, Any]:
    """``value[key]`` when both are mappings, else an empty mapping (the data is the user's: anything)."""
    found = value.get(key) if isinstance(value, Mapping) else None
    return found if isinstance(found, Mapping) else {}


def argdown_leaves_out(m: ArgumentMap) -> frozenset[str]:
    r"""The nodes read from an Argdown document that the Argdown tool leaves out of its map when unconnected.

    The reader records under ``data["argdown"]`` where each node came from
    (docs/formats-argdown.md). The Argdown tool's map leaves out every
    statement and argument that takes part in no relation (its selection
    setting ``excludeDisconnected``): the document's prose, a titled
    statement nothing refers to. A document may keep them all (front matter
    ``selection: {excludeDisconnected: false}``, kept in the map's
    ``metadata["argdown"]["front_matter"]``) and an element may ask to be
    drawn (``{isInMap: true}`` in its data). Whether a node is unconnected is
    for :func:`select` to say: this is the set it may leave out.

    Examples:
        >>> import argmap
        >>> from argmap.io.argdown import read_argdown
        >>> m, _ = read_argdown("Some prose.\n\n[A]: One.\n  + [B]: Two.\n\n[C]: Three. {isInMap: true}\n")
        >>> sorted(argdown_leaves_out(m))
        ['A', 'B', 'untitled-1']
        >>> argdown_leaves_out(argmap.load_corpus("school-phones"))
        frozenset()
    """
    selection = _mapping(_mapping(_mapping(m.metadata, "argdown"), "front_matter"), "selection")
    if selection.get("excludeDisconnected") is False:
        return frozenset()
    return frozenset(node_id for node_id, in_map in _argdown_in_map(m) if in_map is not True)


def argdown_kept_out(m: ArgumentMap) -> frozenset[str]:
    r"""The nodes read from an Argdown document with ``{isInMap: false}``: never drawn, linked or not.

    Examples:
        >>> from argmap.io.argdown import read_argdown
        >>> m, _ = read_argdown("[A]: One. {isInMap: false}\n  + [B]: Two.\n")
        >>> sorted(argdown_kept_out(m))
        ['A']
    """
    return frozenset(node_id for node_id, in_map in _argdown_in_map(m) if in_map is False)


def _argdown_in_map(m: ArgumentMap) -> Iterator[tuple[str, object]]:
    """Each node read from an Argdown document (it carries ``data["argdown"]``), with its ``isInMap``."""
    for n in m.nodes:
        if isinstance(n.data.get("argdown"), Mapping):
            yield n.id, n.data.get("isInMap")


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
    if options.hide_unconnected is not False:
        kept -= argdown_kept_out(m) - {options.focus}
    links = tuple(drawn_links(m, kept))
    hidden = frozenset(kept) if options.hide_unconnected else frozenset()
    if options.hide_unconnected is None:
        hidden = argdown_leaves_out(m)
    if hidden:
        connected = {end for link in links for end in link_ends(m, link)}
        if options.focus is not None:
            connected.add(options.focus)  # the node a view is drawn around is drawn, linked or not
        kept -= hidden - connected
    return Selection(tuple(n for n in m.nodes if n.id in kept), links)
