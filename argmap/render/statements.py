"""DOT statements: small pure functions that each write one line of DOT.

Nothing here knows about argument maps: these functions quote ids, write
attribute lists and emit node, edge, default-attribute and subgraph lines, the
same way for every diagram. :mod:`argmap.render.dot` assembles a diagram from
them.

Examples:
    >>> print(edge_stmt("a", "b", [("style", "dashed"), ("label", Html("<B>+</B>"))]))
      "a" -> "b" [style="dashed" label=<<B>+</B>>]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, TypeAlias

__all__ = [
    "INDENT",
    "AttrValue",
    "Attrs",
    "Html",
    "attr_list",
    "attr_stmt",
    "edge_stmt",
    "format_value",
    "copy_id",
    "junction_id",
    "node_stmt",
    "quote",
    "same_rank",
    "subgraph_end",
    "subgraph_start",
]

INDENT = "  "


class Html(str):
    """An attribute value that is an HTML-like label, written between ``<`` and ``>``.

    The text must already be escaped (see :mod:`argmap.render.labels`).
    """

    __slots__ = ()


AttrValue: TypeAlias = str | float | bool | Html
Attrs: TypeAlias = Sequence[tuple[str, AttrValue]]


def quote(value: str) -> str:
    r"""Quote a DOT id or string value: backslashes and double quotes are escaped.

    Examples:
        >>> print(quote('ev:iss+2.x-"y"'))
        "ev:iss+2.x-\"y\""
    """
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def format_value(value: AttrValue) -> str:
    """Write one attribute value: HTML between angle brackets, numbers bare, strings quoted.

    Examples:
        >>> format_value(Html("<B>x</B>")), format_value(0.5), format_value(False), format_value("a b")
        ('<<B>x</B>>', '0.5', 'false', '"a b"')
    """
    if type(value) is str:  # the commonest first: this runs for every attribute of every element
        return quote(value)
    if isinstance(value, Html):
        return f"<{value}>"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"{value:g}"
    return quote(value)


def attr_list(attrs: Attrs) -> str:
    """Write ``attrs`` as a DOT attribute list (with a leading space), or nothing when empty.

    Examples:
        >>> attr_list([("shape", "box"), ("penwidth", 2.0)])
        ' [shape="box" penwidth=2]'
        >>> attr_list([])
        ''
    """
    if not attrs:
        return ""
    return " [" + " ".join(f"{name}={format_value(value)}" for name, value in attrs) + "]"


def node_stmt(node_id: str, attrs: Attrs = (), depth: int = 1) -> str:
    """One node statement.

    Examples:
        >>> node_stmt("p:1", [("shape", "point")])
        '  "p:1" [shape="point"]'
    """
    return f"{INDENT * depth}{quote(node_id)}{attr_list(attrs)}"


def edge_stmt(tail: str, head: str, attrs: Attrs = (), depth: int = 1) -> str:
    """One edge statement.

    Examples:
        >>> edge_stmt("a", "b", [("style", "dashed")])
        '  "a" -> "b" [style="dashed"]'
    """
    return f"{INDENT * depth}{quote(tail)} -> {quote(head)}{attr_list(attrs)}"


def attr_stmt(kind: Literal["graph", "node", "edge"], attrs: Attrs, depth: int = 1) -> str:
    """A default-attributes statement for the graph, its nodes or its edges.

    Examples:
        >>> attr_stmt("graph", [("rankdir", "LR")])
        '  graph [rankdir="LR"]'
    """
    return f"{INDENT * depth}{kind}{attr_list(attrs)}"


def subgraph_start(name: str, depth: int = 1) -> str:
    """The opening line of a subgraph (a cluster when ``name`` starts with ``cluster``).

    Examples:
        >>> subgraph_start("cluster_q")
        '  subgraph "cluster_q" {'
    """
    return f"{INDENT * depth}subgraph {quote(name)} {{"


def subgraph_end(depth: int = 1) -> str:
    """The closing line of a subgraph.

    Examples:
        >>> subgraph_end()
        '  }'
    """
    return f"{INDENT * depth}}}"


def same_rank(node_ids: Sequence[str], depth: int = 1) -> str:
    """An anonymous subgraph that puts ``node_ids`` on one rank.

    Examples:
        >>> same_rank(["a", "b"])
        '  { rank=same; "a"; "b"; }'
    """
    return f"{INDENT * depth}{{ rank=same; " + " ".join(f"{quote(node_id)};" for node_id in node_ids) + " }"


def junction_id(link_id: str) -> str:
    """The id of the point where a link's premises meet (or an undercut lands).

    ``#`` cannot occur in a map's ids, so this never names a map node.

    Examples:
        >>> junction_id("a+b--supports--c")
        'a+b--supports--c#junction'
    """
    return f"{link_id}#junction"


def copy_id(node_id: str, issue_id: str) -> str:
    """The id of the copy of a node drawn in the cluster of another issue.

    ``#`` cannot occur in a map's ids, so this never names a map node.

    Examples:
        >>> copy_id("p-merit", "speed")
        'p-merit#in#speed'
    """
    return f"{node_id}#in#{issue_id}"
