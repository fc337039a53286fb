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

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from argmap.errors import MapError, Problem
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


def from_networkx(graph: nx.DiGraph) -> ArgumentMap:
    """Rebuild a map from a graph made by :func:`to_networkx` (or shaped like one).

    The graph is directed: a :class:`networkx.MultiDiGraph` or a plain
    :class:`networkx.DiGraph`. Nodes keep the graph's node order; links follow
    their ``order`` attribute, then edge order. Edges that carry the same link
    ``id`` (an attribute, or a text key of a multigraph) are one link, as the
    premises of a linked support are; an edge with neither is a link of its
    own, whose id the map makes up.

    A map's ids are text. Whole-number node ids, which networkx graphs often
    have, are read as text (``1`` becomes ``"1"``), in the node ids and in
    the ``source``, ``target`` and ``target_link`` attributes alike, unless
    that would give two nodes one id; any other node id is refused. The map
    read back thus has text ids: ``to_networkx`` of it has nodes ``"1"``,
    ``"2"``...

    Raises:
        MapError: the graph is undirected, has a node id that is not text (or
            two that become one), or does not describe a valid map. A number
            (or ``True``) where text belongs is named by its graph node or
            edge and attribute: ``graph node 'a': attribute 'text': expected
            text (a str), got the number 5``.

    Examples:
        >>> import networkx as nx
        >>> g = nx.DiGraph(id="m", title="T")
        >>> g.add_node("a", kind="claim", text="A.")
        >>> g.add_node("q", kind="issue", text="Q?")
        >>> g.add_edge("a", "q", kind="supports")
        >>> [link.id for link in from_networkx(g).links]
        ['a--supports--q']
        >>> h = nx.DiGraph(id="m", title="T")
        >>> h.add_node(1, kind="claim", text="A.")
        >>> h.add_node(2, kind="issue", text="Q?")
        >>> h.add_edge(1, 2, kind="supports")
        >>> [link.id for link in from_networkx(h).links]
        ['1--supports--2']
        >>> h.nodes[1]["label"] = 7
        >>> from_networkx(h)
        Traceback (most recent call last):
        ...
        argmap.errors.MapError: graph node 1: attribute 'label': expected text (a str), got the number 7
    """
    if not graph.is_directed():
        raise MapError([Problem("the graph is undirected: a link runs from its source to its target")])
    _check_node_ids(graph)
    data: dict[str, Any] = {k: graph.graph[k] for k in _GRAPH_KEYS if k in graph.graph}
    data["nodes"] = [{**attrs, "id": _text_id(node_id)} for node_id, attrs in graph.nodes(data=True)]
    edges = (
        graph.edges(keys=True, data=True)
        if graph.is_multigraph()
        else ((u, v, None, a) for u, v, a in graph.edges(data=True))
    )
    links: dict[Any, dict[str, Any]] = {}
    edge_of: dict[Any, tuple[Any, Any, Any]] = {}
    for position, (u, v, key, attrs) in enumerate(edges):
        link_id = attrs.get("id", key if isinstance(key, str) else None)
        group = ("id", link_id) if link_id is not None else ("edge", position)
        if group in links:
            continue
        link = {k: v for k, v in attrs.items() if k not in ("order", "premise", "target_link")}
        if link_id is not None:
            link["id"] = link_id
        source = link.get("source", u)
        link["source"] = [_text_id(p) for p in source] if isinstance(source, list) else _text_id(source)
        link["target"] = _text_id(link.get("target", attrs.get("target_link", v)))
        order = attrs.get("order", position)
        if not isinstance(order, int) or isinstance(order, bool):
            order = position
        links[group] = {"_order": (order, position), **link}
        edge_of[group] = (u, v, key if graph.is_multigraph() else None)
    ordered = sorted(links.items(), key=lambda item: item[1]["_order"])
    data["links"] = [{k: v for k, v in item.items() if k != "_order"} for _, item in ordered]
    _check_stale_ends(graph, data["links"])
    try:
        return validate(data)
    except MapError as err:
        where = _Where(list(graph.nodes), [edge_of[group] for group, _ in ordered])
        problems = [_in_graph_words(problem, data, where) for problem in err.problems]
        if problems == list(err.problems):
            raise
        raise MapError(problems, omitted=err.omitted) from err


@dataclass(frozen=True)
class _Where:
    """The graph's own names for the map's elements: node ids as networkx has them, each link's first edge."""

    nodes: list[Any]
    edges: list[tuple[Any, Any, Any]]

    def element(self, loc: tuple[str | int, ...]) -> tuple[str, tuple[str | int, ...]] | None:
        """The graph node, edge or graph attribute a data path points into, and the path within it."""
        if loc[:1] == ("nodes",) and len(loc) > 2 and isinstance(loc[1], int) and loc[1] < len(self.nodes):
            return f"graph node {self.nodes[loc[1]]!r}", loc[2:]
        if loc[:1] == ("links",) and len(loc) > 2 and isinstance(loc[1], int) and loc[1] < len(self.edges):
            u, v, key = self.edges[loc[1]]
            return f"graph edge {u!r} -> {v!r}" + ("" if key is None else f" (key {key!r})"), loc[2:]
        if loc and loc[0] not in ("nodes", "links"):
            return "the graph", loc
        return None


def _in_graph_words(problem: Problem, data: Any, where: _Where) -> Problem:
    """A validation problem about a value that should be a string, said of the graph rather than of a file.

    Validation advises putting a number in quotes, as a YAML file needs;
    a networkx attribute keeps its Python type, so say which node or edge,
    which attribute, and that a ``str`` was expected. Every other problem is
    kept as it is.
    """
    value = _value_at(data, problem.loc)
    wanted = next((what for words, what in _EXPECTED if words in problem.message), None)
    if not isinstance(value, int | float) or wanted is None:
        return problem
    found = where.element(problem.loc)
    if found is None:
        return problem
    element, (attribute, *inner) = found
    named = f"attribute {attribute!r}" + "".join(
        f", entry {part + 1}" if isinstance(part, int) else f", key {part!r}" for part in inner
    )
    got = f"{value!r}, a truth value" if isinstance(value, bool) else f"the number {value!r}"
    return Problem(f"{named}: expected {wanted} (a str), got {got}", element=element, loc=problem.loc)


# Validation's words for a value that should be a string, and what the graph's attribute should hold.
_EXPECTED = (("expected text", "text"), ("expected an id", "an id"), ("unknown kind", "a kind"))


def _value_at(data: Any, loc: tuple[str | int, ...]) -> Any:
    """The value at a data path, or None when the path leads nowhere."""
    for part in loc:
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return None
    return data


def _check_stale_ends(graph: nx.DiGraph, links: list[dict[str, Any]]) -> None:
    """Refuse links whose ``source``/``target`` attributes name no node, when the nodes look relabelled.

    The attributes win over an edge's ends (they carry linked premises and
    undercut targets), so a graph whose nodes were renamed (e.g. by
    ``networkx.convert_node_labels_to_integers``) keeps the old names there:
    say so, rather than "not a node of this map" once per link.
    """
    nodes = {_text_id(n) for n in graph.nodes}
    links_ids = {link.get("id") for link in links}
    stale = sorted(
        {
            str(end)
            for link in links
            for end in [
                *(link["source"] if isinstance(link["source"], list) else [link["source"]]),
                link["target"],
            ]
            if isinstance(end, str) and end not in nodes and end not in links_ids
        }
    )
    if stale and all(isinstance(n, int) for n in graph.nodes):
        shown = ", ".join(repr(s) for s in stale[:3]) + (
            f" and {len(stale) - 3} more" if len(stale) > 3 else ""
        )
        raise MapError(
            [
                Problem(
                    f"the edges' source and target attributes name {shown}, which are not nodes of the graph:"
                    " were its nodes renumbered (e.g. by networkx.convert_node_labels_to_integers)? Update or"
                    " drop those attributes, or keep the original node names"
                )
            ]
        )


def _text_id(value: Any) -> Any:
    """A whole-number id as text (networkx graphs often number their nodes); any other value as it is."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _check_node_ids(graph: nx.DiGraph) -> None:
    """Refuse node ids that are neither text nor whole numbers, and numbers whose text another node has."""
    problems: list[Problem] = []
    seen: dict[str, Any] = {}
    for node_id in graph.nodes:
        text = _text_id(node_id)
        if not isinstance(text, str):
            problems.append(
                Problem(
                    f"graph node {node_id!r}: a node id must be text (or a whole number, read as text);"
                    " relabel the graph first, e.g. networkx.relabel_nodes(g, str)"
                )
            )
        elif text in seen:
            problems.append(
                Problem(
                    f"graph nodes {seen[text]!r} and {node_id!r} would both have the id {text!r}:"
                    " relabel the graph so that its node ids are distinct text"
                )
            )
        else:
            seen[text] = node_id
    if problems:
        raise MapError(problems)
