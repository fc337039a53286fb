"""GraphML and networkx node-link JSON: the graph view of a map, for graph tools.

Both writers start from :func:`argmap.to_networkx` (one graph node per map
node, one edge per premise of each link, keyed by the link's id; an undercut
runs to the node its undercut link bears on and names that link in
``target_link``). GraphML holds only scalar attributes, so lists and
mappings (``tags``, ``anchors``, ``data``, a linked ``source``) are written as
JSON text, attributes left unset are left out, the map's id is repeated as
the graph attribute ``map_id``, and the few control characters XML 1.0
cannot hold at all are replaced by U+FFFD. The node-link JSON keeps
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

import io
import json
import re
from typing import Any

from argmap.io.networkx_ import to_networkx
from argmap.model import ArgumentMap

__all__ = ["write_graphml", "write_node_link"]


# Characters XML 1.0 cannot hold at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _scalar(value: Any) -> Any:
    """A value GraphML can hold: scalars as they are, anything else as JSON text."""
    if isinstance(value, bool | int | float):
        return value
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)
    return _NOT_XML.sub("\ufffd", text)


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
    # networkx writes a graph's "id" as the <graph> element's id, which its reader drops: repeat it.
    import networkx as nx  # here, not at import: loading networkx costs start-up time

    flat = nx.MultiDiGraph(**_flat(dict(graph.graph)), map_id=argument_map.id)
    for node, attrs in graph.nodes(data=True):
        flat.add_node(node, **_flat(attrs))
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        flat.add_edge(u, v, key=key, **_flat(attrs))
    buffer = io.BytesIO()
    nx.write_graphml_xml(flat, buffer, encoding="utf-8", prettyprint=True)
    # A carriage return must be written as a reference, or XML parsers turn it into a line feed.
    return buffer.getvalue().decode("utf-8").replace("\r", "&#13;") + "\n"


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
    import networkx as nx

    data = nx.node_link_data(graph, edges="edges")
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
