"""Write an argument map in Python: add sides, nodes and links, then build.

Each ``add`` checks its element at once (an empty text or an unknown field
raises :class:`~argmap.errors.MapError` on the spot); references between
elements are checked by :meth:`MapBuilder.build`, so elements may be added
in any order.

Examples:
    >>> b = MapBuilder("uniforms", "School uniforms")
    >>> b.side("pro", "Proponents", stances={"q": "for"})
    'pro'
    >>> b.issue("q", "Should schools require uniforms?")
    'q'
    >>> b.claim("c1", "Uniforms reduce bullying.", held_by="pro")
    'c1'
    >>> b.supports("c1", "q")
    'c1--supports--q'
    >>> m = b.build()
    >>> m
    ArgumentMap(id='uniforms', nodes=2, links=1, sides=1)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from pydantic import BaseModel

from argmap.errors import MapError, Problem
from argmap.model import (
    LINK_CLASSES,
    LINK_KINDS,
    NODE_CLASSES,
    NODE_KINDS,
    AnyLink,
    AnyNode,
    ArgumentMap,
    LinkKind,
    NodeKind,
    Side,
    SourceDocument,
)
from argmap.model.fields import UNDERCUTS
from argmap.references import LinkIds
from argmap.validation import check_data, locate_problems, raise_problems, validate

__all__ = ["MapBuilder"]

ModelT = TypeVar("ModelT", bound=BaseModel)


class MapBuilder:
    """Collects the parts of an :class:`~argmap.model.ArgumentMap` and builds it.

    Args:
        id: The map's id (a slug).
        title: The map's title.
        **fields: Any other top-level field: ``description``, ``tags``,
            ``metadata``.
    """

    def __init__(self, id: str, title: str, **fields: Any) -> None:
        """Start an empty map with the given id, title and top-level fields."""
        self._top: dict[str, Any] = {"id": id, "title": title, **fields}
        self._sources: list[SourceDocument] = []
        self._sides: list[Side] = []
        self._nodes: list[AnyNode] = []
        self._links: list[AnyLink] = []
        self._ids: set[str] = set()

    @classmethod
    def from_map(cls, argument_map: ArgumentMap) -> MapBuilder:
        """Start from an existing map, to derive a changed copy of it.

        Examples:
            >>> b = MapBuilder("m", "T")
            >>> _ = b.claim("a", "A.")
            >>> b2 = MapBuilder.from_map(b.build())
            >>> _ = b2.claim("b", "B.")
            >>> [n.id for n in b2.build().nodes]
            ['a', 'b']
        """
        top = {name: getattr(argument_map, name) for name in ("description", "tags", "metadata")}
        builder = cls(argument_map.id, argument_map.title, **top)
        builder._sources = list(argument_map.sources)
        builder._sides = list(argument_map.sides)
        builder._nodes = list(argument_map.nodes)
        builder._links = list(argument_map.links)
        builder._ids = {n.id for n in argument_map.nodes} | {str(k.id) for k in argument_map.links}
        return builder

    def _make(self, model: type[ModelT], data: dict[str, Any], what: str) -> ModelT:
        value, problems = check_data(model, data)
        if value is None:
            element = f"{what} {data.get('id')!r}"
            raise_problems(locate_problems(problems, data, describe=lambda _loc, _data: element))
        assert value is not None
        return value

    def _claim_id(self, element_id: str, what: str) -> None:
        if element_id in self._ids:
            raise MapError([Problem(f"duplicate id {element_id!r}", element=f"{what} {element_id!r}")])
        self._ids.add(element_id)

    def source(self, id: str, title: str, **fields: Any) -> str:
        """Add a source document (``author``, ``url``, ``path``, ``sha256``, ``sections``...)."""
        doc = self._make(SourceDocument, {"id": id, "title": title, **fields}, "source")
        self._sources.append(doc)
        return id

    def side(self, id: str, name: str, **fields: Any) -> str:
        """Add a side (``description``, ``role``, ``stances``, ``opposes``)."""
        self._sides.append(self._make(Side, {"id": id, "name": name, **fields}, "side"))
        return id

    def node(self, kind: NodeKind, id: str, text: str, **fields: Any) -> str:
        """Add a node of any kind (``label``, ``held_by``, ``tags``, ``anchors``, ``note``, ``data``).

        Raises:
            MapError: the id is taken or a field is invalid.
        """
        if kind not in NODE_CLASSES:
            raise MapError([Problem(f"unknown kind {kind!r}; expected one of: {', '.join(NODE_KINDS)}")])
        data = {"id": id, "kind": kind, "text": text, **fields}
        node = self._make(NODE_CLASSES[kind], data, kind)
        self._claim_id(id, kind)
        self._nodes.append(node)
        return id

    def issue(self, id: str, text: str, **fields: Any) -> str:
        """Add a question or motion under debate."""
        return self.node("issue", id, text, **fields)

    def claim(self, id: str, text: str, **fields: Any) -> str:
        """Add a claim."""
        return self.node("claim", id, text, **fields)

    def counterclaim(self, id: str, text: str, **fields: Any) -> str:
        """Add a counterclaim."""
        return self.node("counterclaim", id, text, **fields)

    def principle(self, id: str, text: str, **fields: Any) -> str:
        """Add a principle (a value or norm that claims appeal to)."""
        return self.node("principle", id, text, **fields)

    def evidence(self, id: str, text: str, **fields: Any) -> str:
        """Add evidence (a fact, datum or cited source; ``citation`` optional)."""
        return self.node("evidence", id, text, **fields)

    def link(self, kind: LinkKind, source: str | Iterable[str], target: str, **fields: Any) -> str:
        """Add a stance link and return its id (generated when not given).

        Args:
            kind: ``supports``, ``attacks``, ``undercuts``, ``contradicts`` or
                ``equivalent``.
            source: One node id, or several for linked premises.
            target: A node id (a link id for ``undercuts``).
            **fields: ``id``, ``held_by``, ``concession``, ``strength``,
                ``note``, ``tags``, ``anchors``, ``data``.

        Raises:
            MapError: the id is taken or a field is invalid.
        """
        premises = [source] if isinstance(source, str) else list(source)
        if kind not in LINK_CLASSES:
            raise MapError([Problem(f"unknown kind {kind!r}; expected one of: {', '.join(LINK_KINDS)}")])
        link_id = fields.pop("id", None)
        if link_id is None:
            link_id = LinkIds(self._ids).new(kind, [str(p) for p in premises], target)
        data = {
            "id": link_id,
            "kind": kind,
            "target": target,
            **fields,
            "source": source if isinstance(source, str) else premises,
        }
        link = self._make(LINK_CLASSES[kind], data, f"{kind} link")
        self._claim_id(link_id, f"{kind} link")
        self._links.append(link)
        return str(link_id)

    def supports(self, source: str | Iterable[str], target: str, **fields: Any) -> str:
        """Add a ``supports`` link; several sources make linked premises."""
        return self.link("supports", source, target, **fields)

    def attacks(self, source: str | Iterable[str], target: str, **fields: Any) -> str:
        """Add an ``attacks`` link (the source rebuts the target node)."""
        return self.link("attacks", source, target, **fields)

    def undercuts(self, source: str | Iterable[str], target_link: str, **fields: Any) -> str:
        """Add an ``undercuts`` link against the inference of ``target_link``."""
        return self.link(UNDERCUTS, source, target_link, **fields)

    def contradicts(self, a: str, b: str, **fields: Any) -> str:
        """Add a symmetric ``contradicts`` link between two nodes."""
        return self.link("contradicts", a, b, **fields)

    def equivalent(self, a: str, b: str, **fields: Any) -> str:
        """Add a symmetric ``equivalent`` link between two nodes."""
        return self.link("equivalent", a, b, **fields)

    def build(self) -> ArgumentMap:
        """Check every reference and return the map.

        Raises:
            MapError: listing every dangling reference (e.g. a link to a node
                never added).

        Examples:
            >>> b = MapBuilder("m", "T")
            >>> _ = b.claim("a", "A.")
            >>> _ = b.attacks("a", "zzz")
            >>> b.build()
            Traceback (most recent call last):
            ...
            argmap.errors.MapError: attacks link 'a--attacks--zzz': target 'zzz' is not a node or
            link of this map
        """
        data = {
            **self._top,
            "sources": self._sources,
            "sides": self._sides,
            "nodes": self._nodes,
            "links": self._links,
        }
        plain = {k: [_dump(v) for v in val] if isinstance(val, list) else val for k, val in data.items()}
        return validate(plain)


def _dump(value: Any) -> Any:
    return value.model_dump(exclude_none=False) if isinstance(value, BaseModel) else value
