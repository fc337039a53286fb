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

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from argmap.model import ArgumentMap

__all__ = ["Loc", "Origin", "Parsed", "attach_origin", "locate", "origin_of"]

Loc = tuple[str | int, ...]


@dataclass
class Parsed:
    """Plain data plus where each value (and each mapping key) starts in the file."""

    data: Any
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)


class Origin:
    """Where a map was loaded from: its file and the position of every value in it.

    ``positions`` maps a data path such as ``("links", 3, "target")`` to the
    1-based ``(line, column)`` of that value in the file. A reader that did
    not keep positions gives ``reparse`` instead: it is called once, the first
    time a position is asked for (for a message or a finding), so that a
    valid file loads at the speed of its parser and positions cost nothing
    until used.

    Examples:
        >>> calls = []
        >>> o = Origin("m.yaml", reparse=lambda: calls.append(1) or {("id",): (1, 5)})
        >>> o.positions[("id",)], o.positions[("id",)], len(calls)
        ((1, 5), (1, 5), 1)
    """

    __slots__ = ("_positions", "_reparse", "path")

    def __init__(
        self,
        path: str,
        positions: Mapping[Loc, tuple[int, int]] | None = None,
        *,
        reparse: Callable[[], Mapping[Loc, tuple[int, int]]] | None = None,
    ) -> None:
        """Record the file's path and its positions, or how to find them when needed."""
        self.path = path
        self._positions = positions
        self._reparse = reparse

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
    found = m._origin
    return found if isinstance(found, Origin) else None


def locate(m: ArgumentMap, element_id: str, *keys: str | int) -> tuple[str, int, int] | None:
    """Return ``(path, line, column)`` of an element (or one of its keys) in its file.

    Returns None when the map was not loaded from a file or the element is
    unknown. A key without a position of its own falls back to its element's.
    """
    origin = origin_of(m)
    if origin is None or not m.has(element_id):
        return None
    loc: Loc = (*m.position(element_id), *keys)
    while loc:
        pos = origin.positions.get(loc)
        if pos is not None:
            return (origin.path, *pos)
        loc = loc[:-1]
    return None
