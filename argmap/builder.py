"""Write an argument map in Python: add sides, nodes and links, then build.

Each method takes the fields of its element as keyword arguments (the
model's names and types), so that an editor completes them and mypy checks
them; the fields every node has, and those every link has, are written once,
as :class:`NodeFields` and :class:`LinkFields` (``**fields: Unpack[...]``,
PEP 692), and ``help()`` shows them spelled out. Each ``add`` checks its
element at once (an empty text, a bad value or an unknown keyword raises
:class:`~argmap.errors.MapError` on the spot, an unknown keyword with a "did
you mean"); references between elements are checked by
:meth:`MapBuilder.build`, so elements may be added in any order.

Examples:
    >>> b = MapBuilder("uniforms", "School uniforms")
    >>> b.side("pro", "Proponents", stances={"q": "for"})
    'pro'
    >>> b.issue("q", "Should schools require uniforms?")
    'q'
    >>> b.claim("c1", "Uniforms reduce bullying.", held_by="pro", tags="school")
    'c1'
    >>> b.supports("c1", "q")
    'c1--supports--q'
    >>> m = b.build()
    >>> m
    ArgumentMap(id='uniforms', nodes=2, links=1, sides=1)
    >>> b.claim("c2", "Uniforms cost money.", lable="Cost")
    Traceback (most recent call last):
    ...
    argmap.errors.MapError: claim 'c2': unknown field 'lable'; did you mean 'label'?
"""

from __future__ import annotations

import difflib
import functools
import inspect
import typing
from collections.abc import Callable, Iterable, Mapping
from typing import Any, ParamSpec, TypedDict, TypeVar, Unpack

from pydantic import BaseModel, JsonValue

from argmap.errors import MapError, Problem
from argmap.model import (
    LINK_CLASSES,
    LINK_KINDS,
    NODE_CLASSES,
    NODE_KINDS,
    Anchor,
    AnyLink,
    AnyNode,
    ArgumentMap,
    CheckSettings,
    LinkKind,
    NodeKind,
    Section,
    Side,
    SourceDocument,
    Stance,
)
from argmap.model.fields import UNDERCUTS, SideRole
from argmap.references import LinkIds
from argmap.validation import check_data, locate_problems, raise_problems, validate

__all__ = ["EvidenceFields", "LinkFields", "MapBuilder", "NodeFields"]

ModelT = TypeVar("ModelT", bound=BaseModel)
P = ParamSpec("P")
R = TypeVar("R")

Ids = str | Iterable[str]
Anchors = Iterable[Anchor | Mapping[str, Any]]
Data = Mapping[str, JsonValue]

# What an element is called in messages, by the method that adds it (links: by their kind).
_WHAT = {"__init__": "map", "source": "source", "side": "side"}


def _ids(value: Ids) -> tuple[str, ...]:
    """One id (or tag) as a string, or several."""
    return (value,) if isinstance(value, str) else tuple(value)


def _given(**values: Any) -> dict[str, Any]:
    """The fields given a value (None and empty collections leave the model's default)."""
    return {name: value for name, value in values.items() if value is not None and value != ()}


class NodeFields(TypedDict, total=False):
    """The keywords of every node method: the fields every node has besides its kind, id and text."""

    label: str | None
    held_by: str | None
    tags: Ids
    anchors: Anchors
    inferred: bool
    note: str | None
    data: Data | None


class EvidenceFields(NodeFields, total=False):
    """The keywords of :meth:`MapBuilder.evidence` and :meth:`MapBuilder.node`: a node's, and ``citation``."""

    citation: str | None


class LinkFields(TypedDict, total=False):
    """The keywords of every link method: the fields every link has besides its kind, source and target."""

    id: str | None
    held_by: str | None
    concession: bool
    strength: float | None
    note: str | None
    tags: Ids
    anchors: Anchors
    inferred: bool
    data: Data | None


# What a keyword left out stands for (None for the others), as help() shows it.
_LEFT_OUT: dict[str, Any] = {"tags": (), "anchors": (), "inferred": False, "concession": False}


def _element_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of a node or link given a value, as the model takes them (one tag as a tuple)."""
    found = dict(fields)
    if "tags" in found:
        found["tags"] = _ids(found["tags"])
    if "anchors" in found:
        found["anchors"] = tuple(found["anchors"])
    # False, like None and (), leaves the model's default (inferred, concession).
    return {name: value for name, value in _given(**found).items() if value is not False}


def _spelled_out(method: Callable[..., Any]) -> inspect.Signature:
    """``method``'s signature with its ``**fields: Unpack[...]``, if any, spelled out one keyword each."""
    signature = inspect.signature(method)
    parameters = []
    for p in signature.parameters.values():
        if p.kind is not inspect.Parameter.VAR_KEYWORD:
            parameters.append(p)
            continue
        (fields,) = typing.get_args(typing.get_type_hints(method)[p.name])
        for name, annotation in fields.__annotations__.items():
            shown = getattr(annotation, "__forward_arg__", annotation)  # as written, like the others
            default = _LEFT_OUT.get(name)
            parameters.append(inspect.Parameter(name, p.KEYWORD_ONLY, default=default, annotation=shown))
    return signature.replace(parameters=parameters)


def _unknown_field(name: str, method: str, parameters: list[str]) -> str:
    """Why a builder method refuses the keyword ``name``, with what to write instead.

    Examples:
        >>> _unknown_field("lable", "claim", ["id", "text", "label"])
        "unknown field 'lable'; did you mean 'label'?"
        >>> _unknown_field("kind", "claim", ["id", "text", "label"])
        "unknown field 'kind': claim() makes a claim; call the method of the kind you want, e.g. issue()"
    """
    if name == "kind":
        example = "attacks()" if method in LINK_KINDS else "issue()"
        made = f"a {method} link" if method in LINK_KINDS else f"a {method}"
        instead = f"call the method of the kind you want, e.g. {example}"
        return f"unknown field 'kind': {method}() makes {made}; {instead}"
    close = difflib.get_close_matches(name, parameters, n=1, cutoff=0.75)
    hint = f"; did you mean {close[0]!r}?" if close else f" (allowed: {', '.join(parameters)})"
    return f"unknown field {name!r}{hint}"


def _known_keywords(method: Callable[P, R]) -> Callable[P, R]:
    """Refuse an unknown keyword as the file loader refuses an unknown field: with a "did you mean".

    Without this, Python's TypeError would name the keyword but suggest
    nothing (and ``**fields`` would take any keyword). The wrapped method's
    signature spells out its fields, for ``help()`` and notebooks.
    """
    binder = _spelled_out(method)
    parameters = [name for name in binder.parameters if name != "self"]

    @functools.wraps(method)
    def checked(*args: P.args, **kwargs: P.kwargs) -> R:
        unknown = [name for name in kwargs if name not in parameters]
        if unknown:
            given = binder.bind_partial(*args).arguments
            kind = given.get("kind")
            what = kind if kind in NODE_KINDS else _WHAT.get(method.__name__, method.__name__)
            if kind in LINK_KINDS or what in LINK_KINDS:
                what = f"{kind or what} link"
            element_id = given.get("id", kwargs.get("id"))
            element = what if element_id is None else f"{what} {element_id!r}"
            raise MapError(
                [
                    Problem(_unknown_field(name, method.__name__, parameters), element=element)
                    for name in unknown
                ]
            )
        return method(*args, **kwargs)

    checked.__signature__ = binder  # type: ignore[attr-defined]
    return checked


class MapBuilder:
    """Collects the parts of an :class:`~argmap.model.ArgumentMap` and builds it.

    Every node method takes the fields every node has: ``label`` (a short
    title), ``held_by`` (the id of the side that holds it), ``tags`` (one tag
    or several), ``anchors`` (spans of a source, as :class:`~argmap.Anchor`
    or mappings), ``inferred`` (the map's authors inferred it; ``note`` then
    says why), ``note`` and ``data`` (free-form JSON values). Every link
    method takes ``id`` (generated when not given), ``held_by``,
    ``concession``, ``strength`` (0 to 1), ``note``, ``tags``, ``anchors``,
    ``inferred`` and ``data``.

    Args:
        id: The map's id (a slug).
        title: The map's title.
        description: What the map covers.
        tags: One tag or several.
        metadata: Free-form JSON values about the map.
        checks: The map's own check settings (``{"ignore": ["AM501"]}``).

    Examples:
        >>> MapBuilder("m", "T", tags="demo").build().tags
        ('demo',)
    """

    @_known_keywords
    def __init__(
        self,
        id: str,
        title: str,
        *,
        description: str | None = None,
        tags: Ids = (),
        metadata: Data | None = None,
        checks: CheckSettings | Mapping[str, Any] | None = None,
    ) -> None:
        """Start an empty map with the given id, title and top-level fields."""
        self._top: dict[str, Any] = {
            "id": id,
            "title": title,
            **_given(description=description, tags=_ids(tags), metadata=metadata, checks=_dump(checks)),
        }
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
        builder = cls(
            argument_map.id,
            argument_map.title,
            description=argument_map.description,
            tags=argument_map.tags,
            metadata=argument_map.metadata,
            checks=argument_map.checks,
        )
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

    @_known_keywords
    def source(
        self,
        id: str,
        title: str,
        *,
        author: str | None = None,
        url: str | None = None,
        path: str | None = None,
        sha256: str | None = None,
        license: str | None = None,
        sections: Iterable[Section | Mapping[str, Any]] = (),
        note: str | None = None,
    ) -> str:
        """Add a source document; ``path`` is its text's file, relative to the map's.

        Examples:
            >>> MapBuilder("m", "T").source("art", "An article", url="https://example.org/a")
            'art'
        """
        fields = _given(
            author=author,
            url=url,
            path=path,
            sha256=sha256,
            license=license,
            sections=tuple(sections),
            note=note,
        )
        self._sources.append(self._make(SourceDocument, {"id": id, "title": title, **fields}, "source"))
        return id

    @_known_keywords
    def side(
        self,
        id: str,
        name: str,
        *,
        description: str | None = None,
        role: SideRole = "party",
        stances: Mapping[str, Stance] | None = None,
        opposes: Ids = (),
    ) -> str:
        """Add a side: its stance on issues (``{"q": "for"}``) and the sides it ``opposes``.

        Examples:
            >>> MapBuilder("m", "T").side("pro", "Proponents", opposes="con")
            'pro'
        """
        fields = _given(description=description, role=role, stances=stances, opposes=_ids(opposes))
        self._sides.append(self._make(Side, {"id": id, "name": name, **fields}, "side"))
        return id

    @_known_keywords
    def node(self, kind: NodeKind, id: str, text: str, **fields: Unpack[EvidenceFields]) -> str:
        """Add a node of any kind (``citation`` only for evidence).

        Raises:
            MapError: the id is taken or a field is invalid.

        Examples:
            >>> MapBuilder("m", "T").node("principle", "p", "Liberty.", label="Liberty")
            'p'
        """
        if kind not in NODE_CLASSES:
            raise MapError([Problem(f"unknown kind {kind!r}; expected one of: {', '.join(NODE_KINDS)}")])
        data = {"id": id, "kind": kind, "text": text, **_element_fields(fields)}
        node = self._make(NODE_CLASSES[kind], data, kind)
        self._claim_id(id, kind)
        self._nodes.append(node)
        return id

    @_known_keywords
    def issue(self, id: str, text: str, **fields: Unpack[NodeFields]) -> str:
        """Add a question or motion under debate.

        Examples:
            >>> MapBuilder("m", "T").issue("q", "Should schools ban phones?", label="Ban phones?")
            'q'
        """
        return self.node("issue", id, text, **fields)

    @_known_keywords
    def claim(self, id: str, text: str, **fields: Unpack[NodeFields]) -> str:
        """Add a claim: a position advanced in the debate.

        Examples:
            >>> MapBuilder("m", "T").claim("c", "Phones distract.", tags=["class", "focus"])
            'c'
        """
        return self.node("claim", id, text, **fields)

    @_known_keywords
    def counterclaim(self, id: str, text: str, **fields: Unpack[NodeFields]) -> str:
        """Add a counterclaim: a position advanced against another claim.

        Examples:
            >>> MapBuilder("m", "T").counterclaim("k", "Parents need contact.")
            'k'
        """
        return self.node("counterclaim", id, text, **fields)

    @_known_keywords
    def principle(self, id: str, text: str, **fields: Unpack[NodeFields]) -> str:
        """Add a principle: a value or norm that claims appeal to.

        Examples:
            >>> MapBuilder("m", "T").principle("p", "Children should be safe.")
            'p'
        """
        return self.node("principle", id, text, **fields)

    @_known_keywords
    def evidence(self, id: str, text: str, **fields: Unpack[EvidenceFields]) -> str:
        """Add evidence: a fact, datum or cited source; ``citation`` says where it comes from.

        Examples:
            >>> MapBuilder("m", "T").evidence("e", "Scores rose 6%.", citation="LSE study")
            'e'
        """
        return self.node("evidence", id, text, **fields)

    @_known_keywords
    def link(self, kind: LinkKind, source: Ids, target: str, **fields: Unpack[LinkFields]) -> str:
        """Add a stance link and return its id (generated when not given).

        Args:
            kind: ``supports``, ``attacks``, ``undercuts``, ``contradicts`` or
                ``equivalent``.
            source: One node id, or several for linked premises.
            target: A node id (a link id for ``undercuts``).
            **fields: The link's fields (:class:`LinkFields`):
                ``id``, by default ``source--kind--target``;
                ``held_by``, the side that draws the link, when not its source's;
                ``concession``, the link concedes a point to the other side;
                ``strength``, how strongly the source bears on the target, 0 to 1;
                ``note``, a remark (why, when ``inferred``);
                ``tags``, one tag or several;
                ``anchors``, spans of a source the link is read from;
                ``inferred``, the map's authors inferred the link;
                ``data``, free-form JSON values.

        Raises:
            MapError: the id is taken or a field is invalid.

        Examples:
            >>> b = MapBuilder("m", "T")
            >>> b.link("attacks", ["a", "b"], "c", note="jointly")
            'a+b--attacks--c'
        """
        premises = [source] if isinstance(source, str) else list(source)
        if kind not in LINK_CLASSES:
            raise MapError([Problem(f"unknown kind {kind!r}; expected one of: {', '.join(LINK_KINDS)}")])
        given = _element_fields(fields)
        link_id: str | None = given.pop("id", None)
        if link_id is None:
            link_id = LinkIds(self._ids).new(kind, premises, target)
        data = {
            "id": link_id,
            "kind": kind,
            "target": target,
            **given,
            "source": source if isinstance(source, str) else premises,
        }
        link = self._make(LINK_CLASSES[kind], data, f"{kind} link")
        self._claim_id(link_id, f"{kind} link")
        self._links.append(link)
        return link_id

    @_known_keywords
    def supports(self, source: Ids, target: str, **fields: Unpack[LinkFields]) -> str:
        """Add a ``supports`` link: the source gives a reason for the target (several: linked premises).

        Examples:
            >>> MapBuilder("m", "T").supports("a", "q", strength=0.8)
            'a--supports--q'
        """
        return self.link("supports", source, target, **fields)

    @_known_keywords
    def attacks(self, source: Ids, target: str, **fields: Unpack[LinkFields]) -> str:
        """Add an ``attacks`` link (the source rebuts the target node).

        Examples:
            >>> MapBuilder("m", "T").attacks("k", "a", concession=True)
            'k--attacks--a'
        """
        return self.link("attacks", source, target, **fields)

    @_known_keywords
    def undercuts(self, source: Ids, target_link: str, **fields: Unpack[LinkFields]) -> str:
        """Add an ``undercuts`` link against the inference of the link ``target_link``.

        Examples:
            >>> MapBuilder("m", "T").undercuts("x", "a--supports--q")
            'x--undercuts--a--supports--q'
        """
        return self.link(UNDERCUTS, source, target_link, **fields)

    @_known_keywords
    def contradicts(self, a: str, b: str, **fields: Unpack[LinkFields]) -> str:
        """Add a symmetric ``contradicts`` link: the two nodes cannot both be true.

        Examples:
            >>> MapBuilder("m", "T").contradicts("a", "b")
            'a--contradicts--b'
        """
        return self.link("contradicts", a, b, **fields)

    @_known_keywords
    def equivalent(self, a: str, b: str, **fields: Unpack[LinkFields]) -> str:
        """Add a symmetric ``equivalent`` link: the two nodes say the same in other words.

        Examples:
            >>> MapBuilder("m", "T").equivalent("a", "b")
            'a--equivalent--b'
        """
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
