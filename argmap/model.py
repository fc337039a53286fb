"""The schema of an argument map: nodes, stance links, sides, sources and anchors.

Pydantic models, one class per kind of node and of link, joined in
discriminated unions on ``kind``, with the validation of each element on the
element. An :class:`ArgumentMap` is an immutable value; build one from data
with :func:`argmap.validate` or :func:`argmap.load` (which also fill link ids
and check references), or in code with :class:`argmap.MapBuilder`. Questions
about the map's structure are answered by :mod:`argmap.graph`; whole-graph
consistency (cycles, contradictory stances...) by :mod:`argmap.checks`: a map
with such problems loads, and the checker reports them.

Examples:
    >>> Claim(id="c1", text="Uniforms reduce bullying.").kind
    'claim'
    >>> Supports(id="l1", source=["a", "b"], target="c").premises
    ('a', 'b')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Annotated, Any, Literal, Self, TypeAlias, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    JsonValue,
    PrivateAttr,
    field_validator,
    model_validator,
)

from argmap.errors import UnknownElementError

__all__ = [
    "Anchor",
    "ArgumentMap",
    "Attacks",
    "CheckSettings",
    "Claim",
    "Contradicts",
    "Counterclaim",
    "Equivalent",
    "Evidence",
    "Issue",
    "Link",
    "LinkKind",
    "Node",
    "NodeKind",
    "Principle",
    "Section",
    "Side",
    "SourceDocument",
    "Stance",
    "Supports",
    "Undercuts",
    "LINK_KINDS",
    "NODE_KINDS",
    "STANCE_KINDS",
    "SYMMETRIC_KINDS",
    "AnyLink",
    "AnyNode",
    "StanceKind",
    "SymmetricKind",
]

ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:+-]*")
SHA256_RE = re.compile(r"[0-9a-f]{64}")

Stance: TypeAlias = Literal["for", "against", "mixed"]
NodeKind: TypeAlias = Literal["issue", "claim", "counterclaim", "principle", "evidence"]
LinkKind: TypeAlias = Literal["supports", "attacks", "undercuts", "contradicts", "equivalent"]
SideRole: TypeAlias = Literal["party", "speaker", "editorial"]

StanceKind: TypeAlias = Literal["supports", "attacks", "undercuts"]
SymmetricKind: TypeAlias = Literal["contradicts", "equivalent"]


def _check_id(value: str) -> str:
    if not ID_RE.fullmatch(value):
        raise ValueError(
            f"{value!r} is not a valid id: use ASCII letters, digits and - _ . : +,"
            " starting with a letter or digit"
        )
    return value


def _check_text(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty or blank")
    return value


def _check_sha256(value: str) -> str:
    if not SHA256_RE.fullmatch(value):
        raise ValueError("must be 64 lowercase hexadecimal digits (a SHA-256 of the text)")
    return value


Id = Annotated[str, AfterValidator(_check_id)]
Text = Annotated[str, AfterValidator(_check_text)]
Tags = tuple[Annotated[str, AfterValidator(_check_text)], ...]
Data = dict[str, JsonValue]
Offset = Annotated[int, Field(ge=0, strict=True)]
Strength = Annotated[float, Field(ge=0.0, le=1.0, strict=True)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Section(_Model):
    """A named part of a source document, as a span of character offsets.

    Examples:
        >>> Section(name="Debates", start=10, end=20).end
        20
    """

    name: Text
    start: Offset
    end: Offset

    @model_validator(mode="after")
    def _span(self) -> Section:
        if self.end <= self.start:
            raise ValueError(f"end ({self.end}) must be greater than start ({self.start})")
        return self


class Anchor(_Model):
    """Where a node or link comes from: a span of a source document's text.

    ``start`` and ``end`` are offsets in characters (Unicode code points) of
    the document's text decoded from UTF-8, half-open like Python slices.
    ``quote`` may repeat the passage, in maps whose authors own the text.

    Examples:
        >>> Anchor(source="article", start=0, end=5, quote="Hello").quote
        'Hello'
    """

    source: Id
    start: Offset
    end: Offset
    section: Text | None = None
    quote: str | None = None

    @model_validator(mode="after")
    def _span(self) -> Anchor:
        if self.end <= self.start:
            raise ValueError(f"end ({self.end}) must be greater than start ({self.start})")
        if self.quote is not None and len(self.quote) != self.end - self.start:
            raise ValueError(
                f"quote has {len(self.quote)} characters but the span"
                f" {self.start}..{self.end} has {self.end - self.start}"
            )
        return self


class SourceDocument(_Model):
    """A document a map was drawn from.

    ``sha256`` is the SHA-256 of the document's UTF-8 text, so that argmap can
    tell whether a text a user supplies is the one the anchors point into.
    ``path`` is where the text lies, relative to the map file, when it ships
    with the map.

    Examples:
        >>> SourceDocument(id="art", title="An article").title
        'An article'
    """

    id: Id
    title: Text
    author: str | None = None
    url: str | None = None
    path: str | None = None
    sha256: Annotated[str, AfterValidator(_check_sha256)] | None = None
    license: str | None = None
    sections: tuple[Section, ...] = ()
    note: str | None = None

    def section(self, name: str) -> Section:
        """Return the section called ``name``.

        Raises:
            UnknownElementError: no section has that name.

        Examples:
            >>> doc = SourceDocument(id="a", title="A",
            ...                      sections=[Section(name="Intro", start=0, end=9)])
            >>> doc.section("Intro").end
            9
        """
        for sec in self.sections:
            if sec.name == name:
                return sec
        raise UnknownElementError(name, f"section of source {self.id!r}")


class Side(_Model):
    """Who holds claims in the debate: a party, a named speaker, or the editorial voice.

    ``stances`` maps an issue id to the side's declared stance on it;
    ``opposes`` names the sides it argues against.

    Examples:
        >>> Side(id="critics", name="Critics", stances={"q1": "against"}).stances
        {'q1': 'against'}
    """

    id: Id
    name: Text
    description: str | None = None
    role: SideRole = "party"
    stances: dict[Id, Stance] = Field(default_factory=dict)
    opposes: tuple[Id, ...] = ()


RULE_CODE_RE = re.compile(r"AM\d{3}")


def _check_rule_code(value: str) -> str:
    if not RULE_CODE_RE.fullmatch(value):
        raise ValueError(f"{value!r} is not a rule code (AM followed by three digits, e.g. AM301)")
    return value


class CheckSettings(_Model):
    """How ``argmap check`` treats this map: rule codes it switches off for itself.

    Examples:
        >>> CheckSettings(ignore=["AM501"]).ignore
        ('AM501',)
    """

    ignore: tuple[Annotated[str, AfterValidator(_check_rule_code)], ...] = ()


def _require_reason(inferred: bool, note: str | None) -> None:
    """An element the map's authors inferred says why, in its note."""
    if inferred and (note is None or not note.strip()):
        raise ValueError(
            "inferred: true needs a note saying why the map's authors infer this"
            " (the source does not state it)"
        )


class _NodeBase(_Model):
    id: Id
    kind: NodeKind
    label: Text | None = None
    text: Text
    held_by: Id | None = None
    tags: Tags = ()
    anchors: tuple[Anchor, ...] = ()
    inferred: bool = False
    note: str | None = None
    data: Data = Field(default_factory=dict)

    @model_validator(mode="after")
    def _inferred_has_reason(self) -> Self:
        _require_reason(self.inferred, self.note)
        return self

    @property
    def title(self) -> str:
        """The short label when there is one, else the full text."""
        return self.label if self.label is not None else self.text


class Issue(_NodeBase):
    """A question or motion under debate."""

    kind: Literal["issue"] = "issue"


class Claim(_NodeBase):
    """A position advanced in the debate."""

    kind: Literal["claim"] = "claim"


class Counterclaim(_NodeBase):
    """A position advanced against another claim."""

    kind: Literal["counterclaim"] = "counterclaim"


class Principle(_NodeBase):
    """A value or norm that claims appeal to."""

    kind: Literal["principle"] = "principle"


class Evidence(_NodeBase):
    """A fact, datum or cited source; ``citation`` says where it comes from."""

    kind: Literal["evidence"] = "evidence"
    citation: str | None = None


Node = Annotated[Issue | Claim | Counterclaim | Principle | Evidence, Field(discriminator="kind")]


def _source_ids(value: Any) -> Any:
    """Accept one id, or a list of two or more distinct ids (linked premises)."""
    if isinstance(value, list | tuple):
        items = list(value)
        if len(items) < 2:
            raise ValueError(
                "a list of linked premises needs at least two ids; write a single source as a plain id"
            )
        if len(set(map(str, items))) != len(items):
            raise ValueError("a list of linked premises must not repeat an id")
        return tuple(items)
    return value


class _LinkBase(_Model):
    id: Id | None = None
    kind: LinkKind
    source: Annotated[Id | tuple[Id, ...], BeforeValidator(_source_ids)]
    target: Id
    held_by: Id | None = None
    concession: bool = False
    strength: Strength | None = None
    note: str | None = None
    tags: Tags = ()
    anchors: tuple[Anchor, ...] = ()
    inferred: bool = False
    data: Data = Field(default_factory=dict)

    @model_validator(mode="after")
    def _inferred_has_reason(self) -> Self:
        _require_reason(self.inferred, self.note)
        return self

    @property
    def premises(self) -> tuple[str, ...]:
        """The source ids as a tuple (one id unless the premises are linked)."""
        return (self.source,) if isinstance(self.source, str) else self.source

    @property
    def is_linked(self) -> bool:
        """Whether several premises support or attack only jointly."""
        return not isinstance(self.source, str)

    @property
    def is_symmetric(self) -> bool:
        """Whether the link reads the same in both directions."""
        return self.kind in SYMMETRIC_KINDS


class Supports(_LinkBase):
    """The source gives a reason for the target."""

    kind: Literal["supports"] = "supports"


class Attacks(_LinkBase):
    """The source rebuts the target node."""

    kind: Literal["attacks"] = "attacks"


class Undercuts(_LinkBase):
    """The source attacks the inference of another link; ``target`` is that link's id."""

    kind: Literal["undercuts"] = "undercuts"


class _Symmetric(_LinkBase):
    @field_validator("source", mode="before")
    @classmethod
    def _one_source(cls, value: Any) -> Any:
        if isinstance(value, list | tuple):
            raise ValueError("a symmetric link relates exactly two nodes: give one source id, not a list")
        return value


class Contradicts(_Symmetric):
    """Source and target cannot both be true (symmetric)."""

    kind: Literal["contradicts"] = "contradicts"


class Equivalent(_Symmetric):
    """Source and target say the same thing in other words (symmetric)."""

    kind: Literal["equivalent"] = "equivalent"


Link = Annotated[Supports | Attacks | Undercuts | Contradicts | Equivalent, Field(discriminator="kind")]
AnyNode: TypeAlias = Issue | Claim | Counterclaim | Principle | Evidence
AnyLink: TypeAlias = Supports | Attacks | Undercuts | Contradicts | Equivalent

# The kind sets every layer uses, derived from the Literals above (never restated).
NODE_KINDS: tuple[NodeKind, ...] = get_args(NodeKind)
LINK_KINDS: tuple[LinkKind, ...] = get_args(LinkKind)
STANCE_KINDS: frozenset[str] = frozenset(get_args(StanceKind))
SYMMETRIC_KINDS: frozenset[str] = frozenset(get_args(SymmetricKind))


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
        """The title and the counts, on one line."""
        return f"{self.title} ({self.id}: {len(self.nodes)} nodes, {len(self.links)} links)"

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
        content = (self.nodes, self.links, self.sides)
        memo = self._memo
        if memo is None or any(a is not b for a, b in zip(memo.content, content, strict=True)):
            memo = _Memo(content)
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
        return element_id in self._lookup().positions

    def position(self, element_id: str) -> tuple[str, int]:
        """Where an element sits in the map's data: ``("nodes", 3)`` or ``("links", 0)``.

        Raises:
            UnknownElementError: the map has no such node or link.
        """
        try:
            return self._lookup().positions[element_id]
        except KeyError:
            raise UnknownElementError(element_id, "node or link") from None

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

    # -- graph questions: kept until every caller asks argmap.graph ----------

    def supporters(self, node_id: str) -> tuple[str, ...]:
        """Deprecated: use :func:`argmap.graph.supporters`."""
        from argmap import graph

        return graph.supporters(self, node_id)

    def attackers(self, node_id: str) -> tuple[str, ...]:
        """Deprecated: use :func:`argmap.graph.attackers`."""
        from argmap import graph

        return graph.attackers(self, node_id)

    def final_target(self, link: AnyLink) -> str:
        """Deprecated: use :func:`argmap.graph.final_target`."""
        from argmap import graph

        return graph.final_target(self, link)

    def links_between(self, a: str, b: str) -> tuple[AnyLink, ...]:
        """Deprecated: use :func:`argmap.graph.links_between`."""
        from argmap import graph

        return graph.links_between(self, a, b)

    def issue_nodes(self, issue_id: str) -> tuple[AnyNode, ...]:
        """Deprecated: use :func:`argmap.graph.issue_nodes`."""
        from argmap import graph

        return tuple(self.node(i) for i in graph.issue_nodes(self, issue_id))

    def side_nodes(self, side_id: str) -> tuple[AnyNode, ...]:
        """Deprecated: use :func:`argmap.graph.side_nodes`."""
        from argmap import graph

        return tuple(self.node(i) for i in graph.side_nodes(self, side_id))

    def bearing_on(self, node_ids: Iterable[str]) -> set[str]:
        """Deprecated: use :func:`argmap.graph.bearing_on`."""
        from argmap import graph

        return graph.bearing_on(self, node_ids)

    def locate(self, element_id: str, *keys: str | int) -> tuple[str, int, int] | None:
        """Deprecated: use :func:`argmap.locations.locate`."""
        from argmap import locations

        return locations.locate(self, element_id, *keys)

    @property
    def origin(self) -> Any:
        """Deprecated: use :func:`argmap.locations.origin_of`."""
        return self._origin


class _Lookup:
    """Elements by id and links by end, for one map's content."""

    __slots__ = ("into", "links", "nodes", "out_of", "positions")

    def __init__(self) -> None:
        self.nodes: dict[str, AnyNode] = {}
        self.links: dict[str, AnyLink] = {}
        self.into: dict[str, list[AnyLink]] = {}
        self.out_of: dict[str, list[AnyLink]] = {}
        self.positions: dict[str, tuple[str, int]] = {}

    @classmethod
    def of(cls, m: ArgumentMap) -> _Lookup:
        lookup = cls()
        for i, n in enumerate(m.nodes):
            lookup.nodes[n.id] = n
            lookup.positions[n.id] = ("nodes", i)
        for i, k in enumerate(m.links):
            link_id = str(k.id)
            lookup.links[link_id] = k
            lookup.positions[link_id] = ("links", i)
            lookup.into.setdefault(k.target, []).append(k)
            for premise in k.premises:
                lookup.out_of.setdefault(premise, []).append(k)
        return lookup
