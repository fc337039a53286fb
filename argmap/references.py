"""Link ids and references: the whole-map part of validating a map's data.

Every link gets an id (:func:`fill_link_ids`, readable and stable:
``source--kind--target``), and every id a map's elements name must be defined
once (:func:`find_reference_problems`). Both work on raw, possibly malformed
data as read from a file, so that reference problems are reported together
with the file's other problems, and both run in time linear in the map.

Examples:
    >>> data = {"nodes": [{"id": "a"}, {"id": "b"}],
    ...         "links": [{"kind": "supports", "source": "a", "target": "b"},
    ...                   {"kind": "supports", "source": "a", "target": "b"}]}
    >>> [link["id"] for link in fill_link_ids(data)["links"]]
    ['a--supports--b', 'a--supports--b-2']
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping

from pydantic import BaseModel

from argmap.locations import Loc
from argmap.model import SYMMETRIC_KINDS
from argmap.model.fields import UNDERCUTS

# "Did you mean" hints for unknown ids: at most this many per map, and none
# when the ids to choose from are too many to compare quickly (a hostile map
# with thousands of dangling ids must still be reported in bounded time).
_MAX_HINTS = 20
_MAX_HINT_POOL = 20_000

__all__ = ["LinkIds", "fill_link_ids", "find_reference_problems", "generate_link_id"]


class LinkIds:
    """Hands out readable link ids that collide with no id already taken, in constant time each.

    Examples:
        >>> ids = LinkIds({"a--supports--b"})
        >>> ids.new("supports", ["a"], "b"), ids.new("supports", ["a"], "b")
        ('a--supports--b-2', 'a--supports--b-3')
        >>> ids.new("attacks", ["x", "y"], "b")
        'x+y--attacks--b'
    """

    def __init__(self, taken: Iterable[str] = ()) -> None:
        """Start with the ids in ``taken`` reserved."""
        self.taken = set(taken)
        self._next: dict[str, int] = {}

    def new(self, kind: str, premises: Iterable[str], target: str) -> str:
        """Reserve and return the id ``source--kind--target``, suffixed ``-2``, ``-3``... if taken."""
        base = f"{'+'.join(premises)}--{kind}--{target}"
        candidate, n = base, self._next.get(base, 1)
        if n > 1:
            candidate = f"{base}-{n}"
        while candidate in self.taken:
            n += 1
            candidate = f"{base}-{n}"
        self._next[base] = n + 1
        self.taken.add(candidate)
        return candidate


def generate_link_id(kind: str, premises: Iterable[str], target: str, taken: set[str]) -> str:
    """Return a readable, stable id for a link that was given none, and add it to ``taken``.

    For many ids at once use :class:`LinkIds`, which does not rescan suffixes.

    Examples:
        >>> taken = {"a--supports--b"}
        >>> generate_link_id("supports", ["a"], "b", taken)
        'a--supports--b-2'
    """
    ids = LinkIds()
    ids.taken = taken
    return ids.new(kind, premises, target)


def _a(noun: str) -> str:
    """``noun`` with its indefinite article: "an issue", "a claim"."""
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


def _get(obj: object, key: str, default: object = None) -> object:
    """Read ``key`` from raw data (a mapping) or from a model, tolerating anything (see :func:`_fields`)."""
    return _fields(obj).get(key, default)


def _seq(obj: object) -> list[object]:
    return list(obj) if isinstance(obj, list | tuple) else []


_NOTHING: Mapping[str, object] = {}


def _fields(obj: object) -> Mapping[str, object]:
    """``obj``'s fields as a mapping to read with ``.get``: raw data, a model's fields, or nothing."""
    if type(obj) is dict:
        return obj
    if isinstance(obj, BaseModel):
        return obj.__dict__  # a model's fields, read without an attribute lookup each
    return obj if isinstance(obj, Mapping) else _NOTHING


def _elements(obj: object) -> list[Mapping[str, object]]:
    """The items of a list of elements, each as :func:`_fields` gives it (this runs once per element)."""
    return [_fields(item) for item in _seq(obj)]


def fill_link_ids(data: object) -> object:
    """Give every link without an id its generated id (raw data or models alike).

    Data that is not a mapping with a list of links comes back unchanged.
    """
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
    ids = LinkIds(taken)
    filled: list[object] = []
    for link in links:
        if _get(link, "id") is None and (type(link) is dict or isinstance(link, Mapping | BaseModel)):
            source, target, kind = _get(link, "source"), _get(link, "target"), _get(link, "kind")
            premises = [source] if isinstance(source, str) else _seq(source)
            if (
                isinstance(kind, str)
                and isinstance(target, str)
                and all(isinstance(p, str) for p in premises)
            ):
                new_id = ids.new(kind, [str(p) for p in premises], target)
                if isinstance(link, BaseModel):
                    link = link.model_copy(update={"id": new_id})
                else:
                    link = {**link, "id": new_id}
        filled.append(link)
    return {**data, "links": filled}


def find_reference_problems(data: object) -> list[tuple[Loc, str]]:
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
    hints_left = [_MAX_HINTS]

    def near(value: str, candidates: Iterable[str]) -> str:
        """`` (did you mean 'x'?)`` for the closest candidate, within a budget (bounded time)."""
        if hints_left[0] <= 0:  # before reading the candidates: past the budget, no work per problem
            return ""
        pool = list(candidates)
        if len(pool) > _MAX_HINT_POOL:
            return ""
        hints_left[0] -= 1
        close = difflib.get_close_matches(value, pool, n=1)
        return f" (did you mean {close[0]!r}?)" if close else ""

    nodes, links = _elements(_get(data, "nodes")), _elements(_get(data, "links"))
    sides, sources = _elements(_get(data, "sides")), _elements(_get(data, "sources"))

    def index(items: list[Mapping[str, object]], group: str, what: str, seen: dict[str, str]) -> None:
        for i, item in enumerate(items):
            item_id = item.get("id")
            if not isinstance(item_id, str):
                continue
            if item_id in seen:
                problems.append(((group, i, "id"), f"duplicate id {item_id!r} (already {_a(seen[item_id])})"))
            else:
                kind = item.get("kind", what)
                seen[item_id] = what if what != "element" else (kind if isinstance(kind, str) else "node")

    side_ids: dict[str, str] = {}
    index(sides, "sides", "side", side_ids)
    source_ids: dict[str, str] = {}
    index(sources, "sources", "source", source_ids)
    element_kinds: dict[str, str] = {}
    index(nodes, "nodes", "element", element_kinds)
    link_seen: dict[str, str] = {}
    for i, link in enumerate(links):
        link_id = link.get("id")
        if not isinstance(link_id, str):
            continue
        if link_id in element_kinds:
            taken_by = _a(element_kinds[link_id])
            problems.append((("links", i, "id"), f"duplicate id {link_id!r} (already {taken_by})"))
        else:
            kind = link.get("kind")
            element_kinds[link_id] = f"{kind} link" if isinstance(kind, str) else "link"
            link_seen[link_id] = str(kind)

    sections: dict[str, set[str] | None] = {}
    section_spans: dict[tuple[str, str], tuple[int, int]] = {}
    for src in sources:
        src_id = src.get("id")
        if not isinstance(src_id, str):
            continue
        secs = _seq(src.get("sections"))
        names: set[str] = set()
        for sec in secs:
            name, start, end = _get(sec, "name"), _get(sec, "start"), _get(sec, "end")
            if isinstance(name, str):
                names.add(name)
                if isinstance(start, int) and isinstance(end, int):
                    section_spans[(src_id, name)] = (start, end)
        sections[src_id] = names if secs else None

    def check_side(loc: Loc, side: object) -> None:
        if isinstance(side, str) and side not in side_ids:
            problems.append((loc, f"side {side!r} is not defined in sides{near(side, side_ids)}"))

    def check_anchors(loc: Loc, anchors: object) -> None:
        for j, anchor in enumerate(_seq(anchors)):
            src = _get(anchor, "source")
            if isinstance(src, str) and src not in source_ids:
                message = f"source {src!r} is not defined in sources{near(src, source_ids)}"
                problems.append(((*loc, j, "source"), message))
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

    # below, an element without anchors (most of a large map) skips check_anchors: it would find none
    for i, node in enumerate(nodes):
        check_side(("nodes", i, "held_by"), node.get("held_by"))
        node_anchors = node.get("anchors")
        if node_anchors:
            check_anchors(("nodes", i, "anchors"), node_anchors)

    for i, side in enumerate(sides):
        stances = side.get("stances")
        if isinstance(stances, Mapping):
            for issue_id in stances:
                kind = element_kinds.get(issue_id)
                if kind != "issue":
                    issue_ids = (k for k, v in element_kinds.items() if v == "issue")
                    what = (
                        f"is not defined{near(issue_id, issue_ids)}"
                        if kind is None
                        else f"is {_a(kind)}, not an issue"
                    )
                    problems.append((("sides", i, "stances", issue_id), f"stance on {issue_id!r}: it {what}"))
        for j, other in enumerate(_seq(side.get("opposes"))):
            check_side(("sides", i, "opposes", j), other)

    # most links of a large map are plain: one source node, a node target, no side, no anchors;
    # they are passed over with a few lookups, the rest checked in full below
    plain_kinds = frozenset(("supports", "attacks", "contradicts", "equivalent"))
    for i, link in enumerate(links):
        link_kind = link.get("kind")
        source, target = link.get("source"), link.get("target")
        if (
            type(link_kind) is str
            and link_kind in plain_kinds
            and type(source) is str
            and type(target) is str
            and source in element_kinds
            and target in element_kinds
            and source not in link_seen
            and target not in link_seen
            and link.get("held_by") is None
            and not link.get("anchors")
        ):
            continue
        kind = link_kind if isinstance(link_kind, str) else None
        check_side(("links", i, "held_by"), link.get("held_by"))
        link_anchors = link.get("anchors")
        if link_anchors:
            check_anchors(("links", i, "anchors"), link_anchors)
        premises = (
            [(("links", i, "source"), source)]
            if isinstance(source, str)
            else [(("links", i, "source", j), p) for j, p in enumerate(_seq(source))]
        )
        for loc, premise in premises:
            if not isinstance(premise, str):
                continue
            if premise not in element_kinds:
                node_ids = (k for k in element_kinds if k not in link_seen)
                problems.append(
                    (loc, f"source {premise!r} is not a node of this map{near(premise, node_ids)}")
                )
            elif premise in link_seen:
                problems.append((loc, f"source {premise!r} is a link; a link's sources must be nodes"))
        if not isinstance(target, str) or not isinstance(kind, str):
            continue
        loc = ("links", i, "target")
        if target not in element_kinds:
            problems.append(
                (loc, f"target {target!r} is not a node or link of this map{near(target, element_kinds)}")
            )
        elif kind == UNDERCUTS:
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
