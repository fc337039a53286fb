"""GraphML and networkx node-link JSON: the graph view of a map, for graph tools.

Both writers start from :func:`argmap.to_networkx` (one graph node per map
node, one edge per premise of each link, keyed by the link's id; an undercut
runs to the node its undercut link bears on and names that link in
``target_link``). GraphML holds only scalar attributes, so lists and
mappings (``tags``, ``anchors``, ``data``, a linked ``source``) are written as
JSON text and attributes left unset are left out. The node-link JSON keeps
every attribute as it is, except that a link's own ``source`` and ``target``
fields are renamed ``link_source`` and ``link_target`` there (node-link JSON
uses ``source`` and ``target`` for each edge's ends).
``networkx.read_graphml`` (with ``force_multigraph=True`` to keep the link
ids as edge keys) and ``networkx.node_link_graph(data, edges="edges")`` read
both back.

Examples:
    >>> from argmap.builder import MapBuilder
    >>> b = MapBuilder("m", "T")
    >>> _ = b.claim("a", "A.", tags=["x"])
    >>> _ = b.claim("b", "B.")
    >>> _ = b.supports("a", "b")
    >>> import io, networkx as nx
    >>> g = nx.read_graphml(io.StringIO(write_graphml(b.build())), force_multigraph=True)
    >>> g.nodes["a"]["tags"], list(g.edges(keys=True))
    ('["x"]', [('a', 'b', 'a--supports--b')])
"""

from __future__ import annotations

import json
from typing import Any

import networkx as nx

from argmap.graph import to_networkx
from argmap.model import ArgumentMap

__all__ = ["write_graphml", "write_node_link"]


def _scalar(value: Any) -> Any:
    if isinstance(value, bool | int | float | str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _flat(attrs: dict[str, Any]) -> dict[str, Any]:
    return {k: _scalar(v) for k, v in attrs.items() if v is not None}


def write_graphml(argument_map: ArgumentMap) -> str:
    """The map's graph view as GraphML text (UTF-8 XML), deterministic.

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> write_graphml(MapBuilder("m", "T").build()).startswith("<?xml")
        True
    """
    graph = to_networkx(argument_map)
    flat = nx.MultiDiGraph(**_flat(dict(graph.graph)))
    for node, attrs in graph.nodes(data=True):
        flat.add_node(node, **_flat(attrs))
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        flat.add_edge(u, v, key=key, **_flat(attrs))
    lines = nx.generate_graphml(flat, encoding="utf-8", prettyprint=True)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + "\n".join(lines) + "\n"


def write_node_link(argument_map: ArgumentMap) -> str:
    """The map's graph view as networkx node-link JSON (``node_link_data``), deterministic.

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> b = MapBuilder("m", "T")
        >>> _ = b.claim("a", "A.")
        >>> data = json.loads(write_node_link(b.build()))
        >>> data["multigraph"], [n["id"] for n in data["nodes"]]
        (True, ['a'])
    """
    graph = to_networkx(argument_map)
    for _, _, attrs in graph.edges(data=True):
        attrs["link_source"], attrs["link_target"] = attrs.pop("source"), attrs.pop("target")
    data = nx.node_link_data(graph, edges="edges")
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
