r"""Where a map's values lie in the file it was read from.

Readers keep, for every path into the data (``("links", 3, "target")``), the
1-based line and column of the value; :func:`locate` turns an element id into
that position, for messages and findings. A map built in code has no origin.

Examples:
    >>> import argmap
    >>> m = argmap.loads("id: m\ntitle: T\nnodes:\n  - {id: a, kind: claim, text: A}\n", path="m.yaml")
    >>> locate(m, "a")
    ('m.yaml', 4, 5)
    >>> locate(m, "a", "text")
    ('m.yaml', 4, 32)
    >>> origin_of(argmap.MapBuilder("m", "T").build()) is None
    True
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from argmap.model import ArgumentMap

__all__ = [
    "Loc",
    "Origin",
    "Parsed",
    "attach_origin",
    "lines_and_columns",
    "locate",
    "locate_all",
    "origin_of",
]

Loc = tuple[str | int, ...]


@dataclass
class Parsed:
    """Plain data plus where each value (and each mapping key) starts in the file.

    A reader asked for no positions may still keep ``items``: for each list
    under a top-level key (``nodes``, ``links``...), the line and column of
    each of its items, flat in one compact array (``line0, column0, line1,
    ...``). They are the same positions that ``values`` would hold for
    ``("nodes", 0)``, ``("nodes", 1)``..., at a small part of the cost, and
    they are what messages and findings about elements need.
    """

    data: Any
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    items: dict[str, array[int]] = field(default_factory=dict)


class Origin:
    """Where a map was loaded from: its file and the position of every value in it.

    ``positions`` maps a data path such as ``("links", 3, "target")`` to the
    1-based ``(line, column)`` of that value in the file. A reader that did
    not keep positions gives ``reparse`` instead: it is called once, the first
    time a position is asked for (for a message or a finding), so that a
    valid file loads at the speed of its parser and positions cost nothing
    until used.

    ``items`` (see :class:`Parsed`) answers for the items of the top-level
    lists, the elements of a map, without reading the file again.

    Examples:
        >>> calls = []
        >>> o = Origin("m.yaml", reparse=lambda: calls.append(1) or {("id",): (1, 5)})
        >>> o.positions[("id",)], o.positions[("id",)], len(calls)
        ((1, 5), (1, 5), 1)
        >>> o = Origin("m.yaml", reparse=lambda: calls.append(1) or {}, items={"nodes": array("i", [4, 5])})
        >>> o.position(("nodes", 0)), len(calls)
        ((4, 5), 1)
    """

    __slots__ = ("_items", "_positions", "_reparse", "path")

    def __init__(
        self,
        path: str,
        positions: Mapping[Loc, tuple[int, int]] | None = None,
        *,
        reparse: Callable[[], Mapping[Loc, tuple[int, int]]] | None = None,
        items: Mapping[str, array[int]] | None = None,
    ) -> None:
        """Record the file's path and its positions, or how to find them when needed."""
        self.path = path
        self._positions = positions
        self._reparse = reparse
        self._items = items or {}

    def position(self, loc: Loc) -> tuple[int, int] | None:
        """The ``(line, column)`` of the value at ``loc``, or None when the file has none there."""
        if len(loc) == 2 and isinstance(loc[0], str) and isinstance(loc[1], int):
            found, index = self._items.get(loc[0]), loc[1]
            if found is not None and 0 <= 2 * index < len(found):
                return (found[2 * index], found[2 * index + 1])
        return self.positions.get(loc)

    @property
    def positions(self) -> Mapping[Loc, tuple[int, int]]:
        """The position of every value, read again from the file's text the first time if needed."""
        if self._positions is None:
            self._positions = self._reparse() if self._reparse is not None else {}
            self._reparse = None
        return self._positions

    def __repr__(self) -> str:
        """``Origin('m.yaml')``."""
        return f"Origin({self.path!r})"


def attach_origin(m: ArgumentMap, origin: Origin) -> ArgumentMap:
    """Record that ``m`` was read from ``origin`` (readers call this); returns ``m``."""
    m._origin = origin
    return m


def origin_of(m: ArgumentMap) -> Origin | None:
    """The file ``m`` was loaded from, or None for a map built in code."""
    # The private slot is read directly: pydantic's attribute hook costs a microsecond a call.
    private = m.__pydantic_private__
    found = private.get("_origin") if private is not None else None
    return found if isinstance(found, Origin) else None


def locate(m: ArgumentMap, element_id: str, *keys: str | int) -> tuple[str, int, int] | None:
    """Return ``(path, line, column)`` of an element (or one of its keys) in its file.

    Returns None when the map was not loaded from a file or the element is
    unknown. A key without a position of its own falls back to its element's.
    """
    origin = origin_of(m)
    if origin is None or not m.has(element_id):
        return None
    return _locate(origin, (*m.position(element_id), *keys))


def locate_all(m: ArgumentMap, element_ids: Iterable[str]) -> dict[str, tuple[str, int, int]]:
    r"""Return ``(path, line, column)`` for each of ``element_ids`` that has one (as :func:`locate`).

    One call for many elements: the map's origin is looked up once, and the
    file is read again at most once, only if an element's position is not
    already known.

    Examples:
        >>> import argmap
        >>> m = argmap.loads("id: m\ntitle: T\nnodes:\n  - {id: a, kind: claim, text: A}\n", path="m.yaml")
        >>> locate_all(m, ["a", "zz"])
        {'a': ('m.yaml', 4, 5)}
    """
    origin = origin_of(m)
    if origin is None:
        return {}
    found: dict[str, tuple[str, int, int]] = {}
    places = m.positions()
    path, items = origin.path, origin._items
    for element_id in dict.fromkeys(element_ids):  # each once, in order
        loc = places.get(element_id)
        if loc is None:
            continue
        marks = items.get(loc[0])  # an element's own place: read from its list's marks when kept
        if marks is not None and 2 * loc[1] + 1 < len(marks):
            found[element_id] = (path, marks[2 * loc[1]], marks[2 * loc[1] + 1])
            continue
        where = _locate(origin, loc)
        if where is not None:
            found[element_id] = where
    return found


def _locate(origin: Origin, loc: Loc) -> tuple[str, int, int] | None:
    while loc:
        pos = origin.position(loc)
        if pos is not None:
            return (origin.path, *pos)
        loc = loc[:-1]
    return None


def lines_and_columns(text: str, offsets: list[int]) -> array[int]:
    r"""The 1-based line and column of each of ``offsets`` (ascending), flat: one pass over the text.

    Examples:
        >>> list(lines_and_columns("ab\ncd", [0, 4]))
        [1, 1, 2, 2]
    """
    marks = array("i")
    line, counted, line_start = 1, 0, 0
    for offset in offsets:
        newlines = text.count("\n", counted, offset)
        if newlines:
            # look back only over the text just counted: on a file of one long line (minified
            # JSON) a search back to the start for every value made locating quadratic
            line += newlines
            line_start = text.rfind("\n", counted, offset) + 1
        counted = offset
        marks.append(line)
        marks.append(offset - line_start + 1)
    return marks
