"""The map itself: an immutable :class:`ArgumentMap` and its lookups by id.

Examples:
    >>> ArgumentMap(id="m", title="T")
    ArgumentMap(id='m', nodes=0, links=0, sides=0)
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Self

from pydantic import Field, PrivateAttr, model_validator

from argmap.errors import UnknownElementError
from argmap.model.documents import CheckSettings, Side, SourceDocument
from argmap.model.elements import AnyLink, AnyNode, Link, Node
from argmap.model.fields import Data, Id, LinkKind, NodeKind, Tags, Text, _Model

__all__ = ["ArgumentMap"]


class _Memo:
    """Structures derived from a map's content, valid while that content is the same objects."""

    __slots__ = ("content", "values")

    def __init__(self, content: tuple[object, ...]) -> None:
        self.content = content
        self.values: dict[str, Any] = {}


class ArgumentMap(_Model):
    """A debate as a typed graph: sides, nodes and the stance links between them.

    Instances are immutable; derive changed copies with
    :class:`argmap.MapBuilder` (``MapBuilder.from_map(m)``). Equality compares
    content only, not the file a map was loaded from. Build maps from data
    with :func:`argmap.validate`, which also fills link ids and checks that
    every reference names an element of the map; graph questions (who
    supports what, what bears on an issue) are answered by :mod:`argmap.graph`.

    Examples:
        >>> import argmap
        >>> m = argmap.validate({
        ...     "id": "uniforms", "title": "School uniforms",
        ...     "nodes": [
        ...         {"id": "q", "kind": "issue", "text": "Should schools require uniforms?"},
        ...         {"id": "c1", "kind": "claim", "text": "Uniforms reduce bullying."},
        ...         {"id": "c2", "kind": "counterclaim", "text": "Bullying moves elsewhere."},
        ...     ],
        ...     "links": [
        ...         {"kind": "supports", "source": "c1", "target": "q"},
        ...         {"kind": "attacks", "source": "c2", "target": "c1"},
        ...     ],
        ... })
        >>> [link.id for link in m.links]
        ['c1--supports--q', 'c2--attacks--c1']
        >>> m.node("c2").kind, [k.id for k in m.links_to("c1")]
        ('counterclaim', ['c2--attacks--c1'])
        >>> m
        ArgumentMap(id='uniforms', nodes=3, links=2, sides=0)
    """

    id: Id
    title: Text
    description: str | None = None
    sources: tuple[SourceDocument, ...] = ()
    sides: tuple[Side, ...] = ()
    nodes: tuple[Node, ...] = ()
    links: tuple[Link, ...] = ()
    tags: Tags = ()
    metadata: Data = Field(default_factory=dict)
    checks: CheckSettings = Field(default_factory=CheckSettings)

    # Where the map was read from (see argmap.locations); opaque to the model.
    _origin: object = PrivateAttr(default=None)
    _memo: _Memo | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _links_have_ids(self) -> Self:
        missing = [i for i, link in enumerate(self.links) if link.id is None]
        if missing:
            raise ValueError(
                f"links {missing[:5]} have no id; build maps from data with argmap.validate(),"
                " which gives every link an id"
            )
        return self

    def __eq__(self, other: object) -> bool:
        """Compare content: two maps are equal when all their fields are."""
        if not isinstance(other, ArgumentMap):
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in type(self).model_fields)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        """A short summary: the id and how many nodes, links and sides."""
        return (
            f"ArgumentMap(id={self.id!r}, nodes={len(self.nodes)}, links={len(self.links)},"
            f" sides={len(self.sides)})"
        )

    def __str__(self) -> str:
        """The title and the counts, on one line.

        Examples:
            >>> import argmap
            >>> b = argmap.MapBuilder("m", "Uniforms")
            >>> _ = b.claim("a", "A.")
            >>> str(b.build())
            'Uniforms (m: 1 node, 0 links)'
        """
        nodes = f"{len(self.nodes)} node{'' if len(self.nodes) == 1 else 's'}"
        links = f"{len(self.links)} link{'' if len(self.links) == 1 else 's'}"
        return f"{self.title} ({self.id}: {nodes}, {links})"

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """Copy the map; a copy with changed content drops its original's file and caches.

        Examples:
            >>> import argmap
            >>> m = argmap.load_corpus("school-phones")
            >>> m2 = m.model_copy(update={"nodes": m.nodes[1:], "links": ()})
            >>> m2.has(m.nodes[0].id), m.has(m.nodes[0].id)
            (False, True)
        """
        copy = super().model_copy(update=update, deep=deep)
        copy._memo = None
        if update:
            copy._origin = None
        return copy

    # -- derived structures -----------------------------------------------

    def derived(self) -> dict[str, Any]:
        """A cache for structures derived from this map's content (the graph layer uses it).

        The cache is tied to the content objects: a copy with other nodes,
        links or sides gets a fresh one, so a copy never answers for its
        original.
        """
        # The private slot is read directly: pydantic's attribute hook costs a microsecond a call,
        # and the checker and the graph layer ask for the cache hundreds of thousands of times.
        private = self.__pydantic_private__
        memo = private.get("_memo") if private is not None else None
        fields = self.__dict__
        if (
            memo is None
            or memo.content[0] is not fields["nodes"]
            or memo.content[1] is not fields["links"]
            or memo.content[2] is not fields["sides"]
        ):
            memo = _Memo((fields["nodes"], fields["links"], fields["sides"]))
            self._memo = memo
        return memo.values

    def _lookup(self) -> _Lookup:
        values = self.derived()
        found: _Lookup | None = values.get("model.lookup")
        if found is None:
            found = values["model.lookup"] = _Lookup.of(self)
        return found

    # -- lookup -------------------------------------------------------------

    def node(self, node_id: str) -> AnyNode:
        """Return the node with id ``node_id``.

        Raises:
            UnknownElementError: the map has no such node.
        """
        try:
            return self._lookup().nodes[node_id]
        except KeyError:
            raise UnknownElementError(node_id, "node", choices=list(self._lookup().nodes)) from None

    def link(self, link_id: str) -> AnyLink:
        """Return the link with id ``link_id``.

        Raises:
            UnknownElementError: the map has no such link.
        """
        try:
            return self._lookup().links[link_id]
        except KeyError:
            raise UnknownElementError(link_id, "link", choices=list(self._lookup().links)) from None

    def side(self, side_id: str) -> Side:
        """Return the side with id ``side_id``.

        Raises:
            UnknownElementError: the map has no such side.
        """
        for side in self.sides:
            if side.id == side_id:
                return side
        raise UnknownElementError(side_id, "side", choices=[s.id for s in self.sides])

    def document(self, source_id: str) -> SourceDocument:
        """Return the source document with id ``source_id``.

        Raises:
            UnknownElementError: the map has no such source.
        """
        for doc in self.sources:
            if doc.id == source_id:
                return doc
        raise UnknownElementError(source_id, "source", choices=[d.id for d in self.sources])

    def element(self, element_id: str) -> AnyNode | AnyLink:
        """Return the node or link with id ``element_id``.

        Raises:
            UnknownElementError: the map has no such node or link.
        """
        lookup = self._lookup()
        found = lookup.nodes.get(element_id) or lookup.links.get(element_id)
        if found is None:
            raise UnknownElementError(element_id, "node or link")
        return found

    def describe(self, element_id: str) -> str:
        """Name an element for messages: ``claim 'c1'``, ``supports link 'l1'``."""
        found = self.element(element_id)
        what = found.kind if element_id in self._lookup().nodes else f"{found.kind} link"
        return f"{what} {element_id!r}"

    def has(self, element_id: str) -> bool:
        """Whether ``element_id`` names a node or a link of the map."""
        lookup = self._lookup()
        return element_id in lookup.nodes or element_id in lookup.links

    def position(self, element_id: str) -> tuple[str, int]:
        """Where an element sits in the map's data: ``("nodes", 3)`` or ``("links", 0)``.

        Raises:
            UnknownElementError: the map has no such node or link.
        """
        try:
            return self._lookup().positions[element_id]
        except KeyError:
            raise UnknownElementError(element_id, "node or link") from None

    def positions(self) -> Mapping[str, tuple[str, int]]:
        """Where every element sits in the map's data, by id (as :meth:`position` gives one).

        Examples:
            >>> import argmap
            >>> m = argmap.load_corpus("school-phones")
            >>> m.positions()[m.links[0].id]
            ('links', 0)
        """
        return MappingProxyType(self._lookup().positions)

    def nodes_of_kind(self, kind: NodeKind) -> tuple[AnyNode, ...]:
        """The nodes of one kind, in map order."""
        return tuple(n for n in self.nodes if n.kind == kind)

    @property
    def issues(self) -> tuple[AnyNode, ...]:
        """The issue nodes, in map order."""
        return self.nodes_of_kind("issue")

    def links_to(self, element_id: str, kind: LinkKind | None = None) -> tuple[AnyLink, ...]:
        """The links whose target is ``element_id`` (a node, or a link for undercuts)."""
        found = self._lookup().into.get(element_id, ())
        return tuple(k for k in found if kind is None or k.kind == kind)

    def links_from(self, node_id: str, kind: LinkKind | None = None) -> tuple[AnyLink, ...]:
        """The links that ``node_id`` is a source (or one of the linked premises) of."""
        found = self._lookup().out_of.get(node_id, ())
        return tuple(k for k in found if kind is None or k.kind == kind)


class _Lookup:
    """Elements by id, places in the map and links by end, for one map's content.

    Each part is built the first time it is asked for: checking a large map
    needs the elements by id, but not always the links by end.
    """

    __slots__ = ("_ends", "_places", "content", "links", "nodes")

    def __init__(self, content: tuple[tuple[AnyNode, ...], tuple[AnyLink, ...]]) -> None:
        nodes, links = content
        self.content = content
        self.nodes: dict[str, AnyNode] = {n.id: n for n in nodes}
        self.links: dict[str, AnyLink] = {str(k.id): k for k in links}
        self._places: dict[str, tuple[str, int]] | None = None
        self._ends: tuple[dict[str, list[AnyLink]], dict[str, list[AnyLink]]] | None = None

    @classmethod
    def of(cls, m: ArgumentMap) -> _Lookup:
        return cls((m.nodes, m.links))

    @property
    def positions(self) -> dict[str, tuple[str, int]]:
        """Where each element sits: ``("nodes", i)`` or ``("links", j)``."""
        if self._places is None:
            nodes, links = self.content
            places = {n.id: ("nodes", i) for i, n in enumerate(nodes)}
            places.update((str(k.id), ("links", j)) for j, k in enumerate(links))
            self._places = places
        return self._places

    @property
    def into(self) -> dict[str, list[AnyLink]]:
        """The links into each node (or link, for undercuts)."""
        return self._links_by_end()[0]

    @property
    def out_of(self) -> dict[str, list[AnyLink]]:
        """The links out of each node (each premise of a linked argument)."""
        return self._links_by_end()[1]

    def _links_by_end(self) -> tuple[dict[str, list[AnyLink]], dict[str, list[AnyLink]]]:
        if self._ends is None:
            into: dict[str, list[AnyLink]] = {}
            out_of: dict[str, list[AnyLink]] = {}
            for k in self.content[1]:
                into.setdefault(k.target, []).append(k)
                source = k.source
                if type(source) is str:
                    out_of.setdefault(source, []).append(k)
                else:
                    for premise in source:
                        out_of.setdefault(premise, []).append(k)
            self._ends = (into, out_of)
        return self._ends
