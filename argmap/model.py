"""The typed argument map: nodes, stance links, sides, sources and anchors.

An :class:`ArgumentMap` is an immutable value. Build one from data with
:func:`argmap.validate` or :func:`argmap.load`, or in code with
:class:`argmap.MapBuilder`; query it with the methods below. Whole-graph
consistency (cycles, contradictory stances...) is not checked here: a map with
such problems loads, and the checker reports them.

Examples:
    >>> m = ArgumentMap.model_validate({
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
    >>> m.attackers("c1")
    ('c2',)
    >>> [n.id for n in m.issue_nodes("q")]
    ['q', 'c1', 'c2']
"""

from __future__ import annotations

import re
from collections import defaultdict, deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Annotated, Any, Literal, Self, TypeAlias

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
    "Origin",
    "Principle",
    "Section",
    "Side",
    "SourceDocument",
    "Stance",
    "Supports",
    "Undercuts",
    "generate_link_id",
]

ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:+-]*")
SHA256_RE = re.compile(r"[0-9a-f]{64}")

Stance: TypeAlias = Literal["for", "against", "mixed"]
NodeKind: TypeAlias = Literal["issue", "claim", "counterclaim", "principle", "evidence"]
LinkKind: TypeAlias = Literal["supports", "attacks", "undercuts", "contradicts", "equivalent"]
SideRole: TypeAlias = Literal["party", "speaker", "editorial"]

NODE_KINDS: tuple[NodeKind, ...] = ("issue", "claim", "counterclaim", "principle", "evidence")
LINK_KINDS: tuple[LinkKind, ...] = ("supports", "attacks", "undercuts", "contradicts", "equivalent")
SYMMETRIC_KINDS: frozenset[str] = frozenset({"contradicts", "equivalent"})


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


def generate_link_id(kind: str, premises: Iterable[str], target: str, taken: set[str]) -> str:
    """Return a readable, stable id for a link that was given none, and reserve it.

    The id reads ``source--kind--target`` (linked premises joined with ``+``);
    a numeric suffix keeps it unique among the ids in ``taken``.

    Examples:
        >>> taken = {"a--supports--b"}
        >>> generate_link_id("supports", ["a"], "b", taken)
        'a--supports--b-2'
        >>> generate_link_id("attacks", ["x", "y"], "b", taken)
        'x+y--attacks--b'
    """
    base = f"{'+'.join(premises)}--{kind}--{target}"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate


def _a(noun: str) -> str:
    """``noun`` with its indefinite article: "an issue", "a claim"."""
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


def _get(obj: Any, key: str, default: Any = None) -> Any:
    """Read ``key`` from raw data (a mapping) or from a model, tolerating anything."""
    if isinstance(obj, Mapping):
        return obj.get(key, default)
    if isinstance(obj, BaseModel):
        return getattr(obj, key, default)
    return default


def _seq(obj: Any) -> list[Any]:
    return list(obj) if isinstance(obj, list | tuple) else []


def fill_link_ids(data: Any) -> Any:
    """Give every link without an id its generated id (raw data or models alike)."""
    if not isinstance(data, Mapping):
        return data
    links = data.get("links")
    if not isinstance(links, list | tuple):
        return data
    taken: set[str] = set()
    for element in [*_seq(data.get("nodes")), *links]:
        element_id = _get(element, "id")
        if isinstance(element_id, str):
            taken.add(element_id)
    filled: list[Any] = []
    for link in links:
        if _get(link, "id") is None and isinstance(link, Mapping | BaseModel):
            source, target, kind = _get(link, "source"), _get(link, "target"), _get(link, "kind")
            premises = [source] if isinstance(source, str) else _seq(source)
            if (
                isinstance(kind, str)
                and isinstance(target, str)
                and all(isinstance(p, str) for p in premises)
            ):
                new_id = generate_link_id(kind, premises, target, taken)
                if isinstance(link, BaseModel):
                    link = link.model_copy(update={"id": new_id})
                else:
                    link = {**link, "id": new_id}
        filled.append(link)
    return {**data, "links": filled}


Loc = tuple[str | int, ...]


def find_reference_problems(data: Any) -> list[tuple[Loc, str]]:
    """Find every broken reference and duplicate id in a map's data.

    Works on a validated :class:`ArgumentMap` and on raw, possibly malformed
    data alike (what it cannot read it skips), so that a file's reference
    problems can be reported together with its other problems.

    Returns:
        ``(loc, message)`` pairs, ``loc`` being the path to the offending value.

    Examples:
        >>> find_reference_problems({"nodes": [{"id": "a", "held_by": "nobody"}]})
        [(('nodes', 0, 'held_by'), "side 'nobody' is not defined in sides")]
    """
    problems: list[tuple[Loc, str]] = []
    nodes, links = _seq(_get(data, "nodes")), _seq(_get(data, "links"))
    sides, sources = _seq(_get(data, "sides")), _seq(_get(data, "sources"))

    def index(items: list[Any], group: str, what: str, seen: dict[str, str]) -> None:
        for i, item in enumerate(items):
            item_id = _get(item, "id")
            if not isinstance(item_id, str):
                continue
            if item_id in seen:
                problems.append(((group, i, "id"), f"duplicate id {item_id!r} (already {_a(seen[item_id])})"))
            else:
                seen[item_id] = what if what != "element" else str(_get(item, "kind", what))

    side_ids: dict[str, str] = {}
    index(sides, "sides", "side", side_ids)
    source_ids: dict[str, str] = {}
    index(sources, "sources", "source", source_ids)
    element_kinds: dict[str, str] = {}
    index(nodes, "nodes", "element", element_kinds)
    link_seen: dict[str, str] = {}
    for i, link in enumerate(links):
        link_id = _get(link, "id")
        if not isinstance(link_id, str):
            continue
        if link_id in element_kinds:
            taken_by = _a(element_kinds[link_id])
            problems.append((("links", i, "id"), f"duplicate id {link_id!r} (already {taken_by})"))
        else:
            element_kinds[link_id] = f"{_get(link, 'kind', 'link')} link"
            link_seen[link_id] = str(_get(link, "kind"))

    sections: dict[str, set[str] | None] = {}
    section_spans: dict[tuple[str, str], tuple[int, int]] = {}
    for src in sources:
        src_id = _get(src, "id")
        if not isinstance(src_id, str):
            continue
        secs = _seq(_get(src, "sections"))
        names: set[str] = set()
        for sec in secs:
            name, start, end = _get(sec, "name"), _get(sec, "start"), _get(sec, "end")
            if isinstance(name, str):
                names.add(name)
                if isinstance(start, int) and isinstance(end, int):
                    section_spans[(src_id, name)] = (start, end)
        sections[src_id] = names if secs else None

    def check_side(loc: Loc, side: Any) -> None:
        if isinstance(side, str) and side not in side_ids:
            problems.append((loc, f"side {side!r} is not defined in sides"))

    def check_anchors(loc: Loc, anchors: Any) -> None:
        for j, anchor in enumerate(_seq(anchors)):
            src = _get(anchor, "source")
            if isinstance(src, str) and src not in source_ids:
                problems.append(((*loc, j, "source"), f"source {src!r} is not defined in sources"))
                continue
            sec = _get(anchor, "section")
            names = sections.get(src) if isinstance(src, str) else None
            if not isinstance(sec, str) or names is None:
                continue
            if sec not in names:
                problems.append(((*loc, j, "section"), f"source {src!r} has no section {sec!r}"))
                continue
            start, end = _get(anchor, "start"), _get(anchor, "end")
            lo, hi = section_spans.get((str(src), sec), (0, 0))
            if isinstance(start, int) and isinstance(end, int) and not (lo <= start and end <= hi):
                problems.append(
                    ((*loc, j, "start"), f"span {start}..{end} lies outside section {sec!r} ({lo}..{hi})")
                )

    for i, node in enumerate(nodes):
        check_side(("nodes", i, "held_by"), _get(node, "held_by"))
        check_anchors(("nodes", i, "anchors"), _get(node, "anchors"))

    for i, side in enumerate(sides):
        stances = _get(side, "stances")
        if isinstance(stances, Mapping):
            for issue_id in stances:
                kind = element_kinds.get(issue_id)
                if kind != "issue":
                    what = "is not defined" if kind is None else f"is {_a(kind)}, not an issue"
                    problems.append((("sides", i, "stances", issue_id), f"stance on {issue_id!r}: it {what}"))
        for j, other in enumerate(_seq(_get(side, "opposes"))):
            check_side(("sides", i, "opposes", j), other)

    for i, link in enumerate(links):
        kind = _get(link, "kind")
        check_side(("links", i, "held_by"), _get(link, "held_by"))
        check_anchors(("links", i, "anchors"), _get(link, "anchors"))
        source = _get(link, "source")
        premises = (
            [(("links", i, "source"), source)]
            if isinstance(source, str)
            else [(("links", i, "source", j), p) for j, p in enumerate(_seq(source))]
        )
        for loc, premise in premises:
            if not isinstance(premise, str):
                continue
            if premise not in element_kinds:
                problems.append((loc, f"source {premise!r} is not a node of this map"))
            elif premise in link_seen:
                problems.append((loc, f"source {premise!r} is a link; a link's sources must be nodes"))
        target = _get(link, "target")
        if not isinstance(target, str) or not isinstance(kind, str):
            continue
        loc = ("links", i, "target")
        if target not in element_kinds:
            problems.append((loc, f"target {target!r} is not a node or link of this map"))
        elif kind == "undercuts":
            if target not in link_seen:
                found = _a(element_kinds[target])
                message = (
                    f"undercuts must target a link (the inference it attacks), but {target!r} is {found}"
                )
                problems.append((loc, message))
            elif link_seen[target] in SYMMETRIC_KINDS:
                found = _a(link_seen[target])
                message = f"undercuts must target a supports link, but {target!r} is {found} link"
                problems.append((loc, message + ", which has no inference to undercut"))
        elif target in link_seen:
            message = f"{kind} must target a node, but {target!r} is a link"
            problems.append((loc, message + "; to attack the inference of a link use kind: undercuts"))
    return problems


class ReferenceProblems(ValueError):
    """Raised inside validation with every reference problem of a map."""

    def __init__(self, problems: list[tuple[Loc, str]]) -> None:
        """Keep ``problems`` for the caller that turns them into located errors."""
        self.problems = problems
        super().__init__("; ".join(f"{'.'.join(map(str, loc))}: {msg}" for loc, msg in problems))


@dataclass(frozen=True)
class Origin:
    """Where a map was loaded from: its file and the position of every value in it.

    ``positions`` maps a data path such as ``("links", 3, "target")`` to the
    1-based ``(line, column)`` of that value in the file.
    """

    path: str
    positions: Mapping[Loc, tuple[int, int]] = field(repr=False)


@dataclass
class _Index:
    nodes: dict[str, AnyNode]
    links: dict[str, AnyLink]
    into: dict[str, list[AnyLink]]
    out_of: dict[str, list[AnyLink]]
    positions: dict[str, tuple[str, int]]


class ArgumentMap(_Model):
    """A debate as a typed graph: sides, nodes and the stance links between them.

    Instances are immutable; derive changed copies with
    :class:`argmap.MapBuilder` (``MapBuilder.from_map(m)``). Equality compares
    content only, not the file a map was loaded from.
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

    _origin: Origin | None = PrivateAttr(default=None)

    @model_validator(mode="before")
    @classmethod
    def _fill_link_ids(cls, data: Any) -> Any:
        return fill_link_ids(data)

    @model_validator(mode="after")
    def _references(self) -> ArgumentMap:
        problems = find_reference_problems(self)
        if problems:
            raise ReferenceProblems(problems)
        return self

    def __eq__(self, other: object) -> bool:
        """Compare content: two maps are equal when all their fields are."""
        if not isinstance(other, ArgumentMap):
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in type(self).model_fields)

    __hash__ = None  # type: ignore[assignment]

    def _repr_svg_(self) -> str | None:
        """Jupyter shows a map as its diagram (None when no layout engine is found)."""
        from argmap.render import repr_svg  # lazily: the model does not depend on rendering

        return repr_svg(self)

    # -- lookup ---------------------------------------------------------

    @cached_property
    def _index(self) -> _Index:
        into: dict[str, list[AnyLink]] = defaultdict(list)
        out_of: dict[str, list[AnyLink]] = defaultdict(list)
        for link in self.links:
            into[link.target].append(link)
            for premise in link.premises:
                out_of[premise].append(link)
        positions = {n.id: ("nodes", i) for i, n in enumerate(self.nodes)}
        positions.update({str(k.id): ("links", i) for i, k in enumerate(self.links)})
        return _Index(
            nodes={n.id: n for n in self.nodes},
            links={str(k.id): k for k in self.links},
            into=dict(into),
            out_of=dict(out_of),
            positions=positions,
        )

    @property
    def origin(self) -> Origin | None:
        """The file this map was loaded from, or None for a map built in code."""
        return self._origin

    def node(self, node_id: str) -> AnyNode:
        """Return the node with id ``node_id``.

        Raises:
            UnknownElementError: the map has no such node.
        """
        try:
            return self._index.nodes[node_id]
        except KeyError:
            raise UnknownElementError(node_id, "node") from None

    def link(self, link_id: str) -> AnyLink:
        """Return the link with id ``link_id``.

        Raises:
            UnknownElementError: the map has no such link.
        """
        try:
            return self._index.links[link_id]
        except KeyError:
            raise UnknownElementError(link_id, "link") from None

    def side(self, side_id: str) -> Side:
        """Return the side with id ``side_id``.

        Raises:
            UnknownElementError: the map has no such side.
        """
        for side in self.sides:
            if side.id == side_id:
                return side
        raise UnknownElementError(side_id, "side")

    def document(self, source_id: str) -> SourceDocument:
        """Return the source document with id ``source_id``.

        Raises:
            UnknownElementError: the map has no such source.
        """
        for doc in self.sources:
            if doc.id == source_id:
                return doc
        raise UnknownElementError(source_id, "source")

    def element(self, element_id: str) -> AnyNode | AnyLink:
        """Return the node or link with id ``element_id``.

        Raises:
            UnknownElementError: the map has no such node or link.
        """
        index = self._index
        found = index.nodes.get(element_id) or index.links.get(element_id)
        if found is None:
            raise UnknownElementError(element_id, "node or link")
        return found

    def describe(self, element_id: str) -> str:
        """Name an element for messages: ``claim 'c1'``, ``supports link 'l1'``."""
        found = self.element(element_id)
        what = found.kind if element_id in self._index.nodes else f"{found.kind} link"
        return f"{what} {element_id!r}"

    def has(self, element_id: str) -> bool:
        """Whether ``element_id`` names a node or a link of the map."""
        return element_id in self._index.positions

    def locate(self, element_id: str, *keys: str | int) -> tuple[str, int, int] | None:
        """Return ``(path, line, column)`` of an element (or one of its keys) in its file.

        Returns None when the map was not loaded from a file or the element
        is unknown.
        """
        origin, where = self._origin, self._index.positions.get(element_id)
        if origin is None or where is None:
            return None
        loc: Loc = (*where, *keys)
        while loc:
            pos = origin.positions.get(loc)
            if pos is not None:
                return (origin.path, *pos)
            loc = loc[:-1]
        return None

    # -- queries --------------------------------------------------------

    def nodes_of_kind(self, kind: NodeKind) -> tuple[AnyNode, ...]:
        """The nodes of one kind, in map order."""
        return tuple(n for n in self.nodes if n.kind == kind)

    @property
    def issues(self) -> tuple[AnyNode, ...]:
        """The issue nodes, in map order."""
        return self.nodes_of_kind("issue")

    def links_to(self, element_id: str, kind: LinkKind | None = None) -> tuple[AnyLink, ...]:
        """The links whose target is ``element_id`` (a node, or a link for undercuts)."""
        found = self._index.into.get(element_id, [])
        return tuple(k for k in found if kind is None or k.kind == kind)

    def links_from(self, node_id: str, kind: LinkKind | None = None) -> tuple[AnyLink, ...]:
        """The links that ``node_id`` is a source (or one of the linked premises) of."""
        found = self._index.out_of.get(node_id, [])
        return tuple(k for k in found if kind is None or k.kind == kind)

    def links_between(self, a: str, b: str) -> tuple[AnyLink, ...]:
        """The links from ``a`` to ``b`` or from ``b`` to ``a``, in map order."""
        return tuple(
            k
            for k in self.links
            if (k.target == b and a in k.premises) or (k.target == a and b in k.premises)
        )

    def _premises_into(self, node_id: str, kind: LinkKind) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for link in self.links_to(node_id, kind):
            seen.update(dict.fromkeys(link.premises))
        return tuple(seen)

    def supporters(self, node_id: str) -> tuple[str, ...]:
        """Ids of the nodes that support ``node_id`` (linked premises included)."""
        return self._premises_into(node_id, "supports")

    def attackers(self, node_id: str) -> tuple[str, ...]:
        """Ids of the nodes that attack ``node_id``."""
        return self._premises_into(node_id, "attacks")

    def undercutters(self, link_id: str) -> tuple[str, ...]:
        """Ids of the nodes that undercut the link ``link_id``."""
        return self._premises_into(link_id, "undercuts")

    def final_target(self, link: AnyLink) -> str:
        """The node a link bears on: its target, or for an undercut the node its link bears on."""
        seen = set()
        while link.target in self._index.links and link.target not in seen:
            seen.add(link.target)
            link = self._index.links[link.target]
        return link.target

    def issue_nodes(self, issue_id: str) -> tuple[AnyNode, ...]:
        """The issue and every node that bears on it through a chain of stance links.

        A node bears on an issue when a path of links leads from it to the
        issue: an undercut leads to the node its undercut link bears on, and
        symmetric links (contradicts, equivalent) lead both ways.

        Raises:
            UnknownElementError: ``issue_id`` is not an issue of the map.
        """
        if self.node(issue_id).kind != "issue":
            raise UnknownElementError(issue_id, "issue")
        reached = self.bearing_on([issue_id])
        return tuple(n for n in self.nodes if n.id in reached)

    @cached_property
    def _feeders(self) -> dict[str, list[str]]:
        """For each node, the nodes one link away that bear on it (see :meth:`bearing_on`)."""
        feeders: dict[str, list[str]] = defaultdict(list)
        for link in self.links:
            end = self.final_target(link)
            feeders[end].extend(link.premises)
            if link.is_symmetric:
                feeders[link.premises[0]].append(end)
        return dict(feeders)

    def bearing_on(self, node_ids: Iterable[str]) -> set[str]:
        """Ids of the given nodes and of every node that bears on one of them.

        A node bears on another when a path of links leads from it to the
        other: an undercut leads to the node its undercut link bears on, and
        symmetric links (contradicts, equivalent) lead both ways.

        Examples:
            >>> m = ArgumentMap.model_validate({"id": "m", "title": "T", "nodes": [
            ...     {"id": "a", "kind": "claim", "text": "A"}, {"id": "b", "kind": "claim", "text": "B"}],
            ...     "links": [{"kind": "attacks", "source": "a", "target": "b"}]})
            >>> sorted(m.bearing_on(["b"])), sorted(m.bearing_on(["a"]))
            (['a', 'b'], ['a'])
        """
        reached = set(node_ids)
        queue = deque(reached)
        feeders = self._feeders
        while queue:
            for other in feeders.get(queue.popleft(), ()):
                if other not in reached:
                    reached.add(other)
                    queue.append(other)
        return reached

    def side_nodes(self, side_id: str) -> tuple[AnyNode, ...]:
        """The nodes held by the side ``side_id``, in map order.

        Raises:
            UnknownElementError: the map has no such side.
        """
        self.side(side_id)
        return tuple(n for n in self.nodes if n.held_by == side_id)
