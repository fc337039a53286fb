"""The argument map as a networkx graph, and back (networkx is imported only here).

:func:`to_networkx` gives a :class:`networkx.MultiDiGraph` with one graph node
per map node and one edge per (premise, link): an ordinary link is one edge
``source -> target`` keyed by the link's id; linked premises are one edge per
premise, all with the same key and the full ``source`` list; an undercut is an
edge from the undercutter to the node the undercut link bears on, with
``target_link`` naming the link it attacks. Every field of every element is
kept as an attribute, so :func:`from_networkx` rebuilds the same map.

Examples:
    >>> from argmap.builder import MapBuilder
    >>> b = MapBuilder("m", "T")
    >>> for n in ("a", "b", "c"):
    ...     _ = b.claim(n, n.upper() + ".")
    >>> s = b.supports(["a", "b"], "c")
    >>> _ = b.undercuts("c", s, id="u")
    >>> g = to_networkx(b.build())
    >>> sorted((u, v, k) for u, v, k in g.edges(keys=True))
    [('a', 'c', 'a+b--supports--c'), ('b', 'c', 'a+b--supports--c'), ('c', 'c', 'u')]
    >>> g.edges["c", "c", "u"]["target_link"]
    'a+b--supports--c'
    >>> from_networkx(g) == b.build()
    True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from argmap.graph import final_target
from argmap.io.native import to_data
from argmap.model import ArgumentMap
from argmap.validation import validate

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["from_networkx", "to_networkx"]

_GRAPH_KEYS = ("id", "title", "description", "sources", "sides", "tags", "metadata")


def to_networkx(argument_map: ArgumentMap) -> nx.MultiDiGraph:
    """Return the map as a MultiDiGraph carrying every field as an attribute.

    Node attributes: the node's fields (``kind``, ``text``, ``held_by``...).
    Edge attributes: the link's fields (``kind``, ``source``, ``target``,
    ``held_by``...) plus ``order`` (its position in the map), ``premise`` (the
    premise this edge stands for) and, for undercuts, ``target_link``.
    Graph attributes: the map's top-level fields.
    """
    import networkx as nx  # here, not at import: loading networkx costs start-up time

    data = to_data(argument_map)
    graph = nx.MultiDiGraph(**{k: data[k] for k in _GRAPH_KEYS if k in data})
    for node in data.get("nodes", []):
        graph.add_node(node["id"], **{k: v for k, v in node.items() if k != "id"})
    for order, (link, raw) in enumerate(zip(argument_map.links, data.get("links", []), strict=True)):
        end = final_target(argument_map, link)
        extra: dict[str, Any] = {"order": order}
        if link.target != end:
            extra["target_link"] = link.target
        for premise in link.premises:
            graph.add_edge(premise, end, key=link.id, premise=premise, **raw, **extra)
    return graph


def from_networkx(graph: nx.MultiDiGraph) -> ArgumentMap:
    """Rebuild a map from a graph made by :func:`to_networkx` (or shaped like one).

    Nodes keep the graph's node order; links follow their ``order``
    attribute, then edge order. Edges that share a key are one link.

    Raises:
        MapError: the graph does not describe a valid map.
    """
    data: dict[str, Any] = {k: graph.graph[k] for k in _GRAPH_KEYS if k in graph.graph}
    data["nodes"] = [{"id": node_id, **attrs} for node_id, attrs in graph.nodes(data=True)]
    links: dict[Any, dict[str, Any]] = {}
    for position, (u, v, key, attrs) in enumerate(graph.edges(keys=True, data=True)):
        if key in links:
            continue
        link = {k: v for k, v in attrs.items() if k not in ("order", "premise", "target_link")}
        link.setdefault("id", key)
        link.setdefault("source", u)
        link.setdefault("target", attrs.get("target_link", v))
        links[key] = {"_order": (attrs.get("order", position),), **link}
    ordered = sorted(links.values(), key=lambda item: item["_order"])
    data["links"] = [{k: v for k, v in item.items() if k != "_order"} for item in ordered]
    return validate(data)
