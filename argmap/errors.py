"""The one exception hierarchy of argmap, rooted at :class:`ArgmapError`.

Every error argmap raises on purpose is an :class:`ArgmapError`, so a caller
can catch them all with one ``except`` clause. Errors about a map's content
carry :class:`Problem` records: each names the element at fault and, when the
map came from a file, the line and column that hold it.

Examples:
    >>> p = Problem("text must not be empty", path="m.yaml", line=4,
    ...             column=11, element="claim 'c1'")
    >>> str(p)
    "m.yaml:4:11: claim 'c1': text must not be empty"
    >>> err = LoadError([p])
    >>> (err.path, err.line, err.column)
    ('m.yaml', 4, 11)
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "ArgmapError",
    "EngineNotFoundError",
    "ExerciseError",
    "FileError",
    "LoadError",
    "MapError",
    "PrintEngineNotFoundError",
    "Problem",
    "RenderError",
    "SearchLimitError",
    "SourceTextError",
    "UnknownElementError",
]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a map, located as precisely as argmap can.

    Attributes:
        message: What is wrong, in plain words.
        path: The file the map came from, when it came from one.
        line: 1-based line of the offending key or value, when known.
        column: 1-based column of the offending key or value, when known.
        element: The element at fault, e.g. ``"claim 'c7'"``, when known.
        loc: The path of keys and indexes to the offending value inside the
            map's data, e.g. ``("links", 3, "target")``.
    """

    message: str
    path: str | None = None
    line: int | None = None
    column: int | None = None
    element: str | None = None
    loc: tuple[str | int, ...] = ()

    def __str__(self) -> str:
        """Render as ``path:line:col: element: message``, skipping unknowns."""
        head = ""
        if self.path is not None:
            head = self.path
            if self.line is not None:
                head += f":{self.line}"
                if self.column is not None:
                    head += f":{self.column}"
            head += ": "
        if self.element:
            head += f"{self.element}: "
        return head + self.message


class ArgmapError(Exception):
    """Root of every error argmap raises on purpose."""


class MapError(ArgmapError, ValueError):
    """A map's content is invalid; :attr:`problems` lists every problem found.

    The attributes ``path``, ``line``, ``column`` and ``element`` repeat those
    of the first problem, for callers that only want one location.
    """

    def __init__(self, problems: Sequence[Problem], *, omitted: int = 0) -> None:
        """Collect ``problems`` (at least one); ``omitted`` counts the rest."""
        if not problems:
            raise ValueError("MapError needs at least one problem")
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.omitted = omitted
        first = self.problems[0]
        self.path = first.path
        self.line = first.line
        self.column = first.column
        self.element = first.element
        lines = [str(p) for p in self.problems]
        if omitted:
            lines.append(f"... and {omitted} more problem{'' if omitted == 1 else 's'} not shown")
        super().__init__("\n".join(lines))


class LoadError(MapError):
    """A file could not be read as a valid map (syntax, encoding or content)."""


class UnknownElementError(ArgmapError, LookupError):
    """An id names no node, link, side or source of the map.

    ``choices``, when given, are the ids that would have been valid: the
    message suggests the closest one, or lists them when there are few.

    Examples:
        >>> str(UnknownElementError("lunh", "issue", choices=["lunch", "homework"]))
        "no issue with id 'lunh' (did you mean 'lunch'?)"
        >>> str(UnknownElementError("zz", "node", choices=[f"n{i}" for i in range(20)]))
        "no node with id 'zz' (none is close; 20 to choose from, e.g. n0, n1, n2, n3, n4, n5, n6, n7)"
    """

    def __init__(
        self,
        element_id: str,
        what: str = "element",
        hint: str | None = None,
        *,
        choices: Sequence[str] = (),
    ) -> None:
        """Record the id that was not found, what it should name, and a hint."""
        self.element_id = element_id
        self.what = what
        self.choices = tuple(choices)
        message = f"no {what} with id {element_id!r}"
        if hint is None and self.choices:
            close = difflib.get_close_matches(element_id, self.choices, n=1)
            if close:
                hint = f"did you mean {close[0]!r}?"
            elif len(self.choices) <= 12:
                hint = "choose from " + ", ".join(self.choices)
            else:
                examples = ", ".join(self.choices[:8])
                hint = f"none is close; {len(self.choices)} to choose from, e.g. {examples}"
        super().__init__(f"{message} ({hint})" if hint else message)

    def __str__(self) -> str:
        """Plain message (LookupError would otherwise quote it)."""
        return str(self.args[0])


class FileError(ArgmapError):
    """A file could not be read or written; :attr:`path` names it.

    Examples:
        >>> err = FileError("out.svg: cannot write: Permission denied", path="out.svg")
        >>> err.path
        'out.svg'
    """

    def __init__(self, message: str, *, path: str | os.PathLike[str] | None = None) -> None:
        """Keep the message and the file's path (None when no single file is at fault)."""
        self.path = os.fspath(path) if path is not None else None
        super().__init__(message)


class SourceTextError(FileError):
    """A source document's text could not be read or does not match the map."""


class RenderError(ArgmapError):
    """A map could not be drawn: a bad option, a failed layout or an unwritable file."""


class EngineNotFoundError(RenderError):
    """No Graphviz layout engine is available (or not the one asked for)."""


class PrintEngineNotFoundError(EngineNotFoundError):
    """No browser is available to print a worksheet to PDF."""


class SearchLimitError(ArgmapError):
    """The semantics' labelling search gave up on a framework too hard for it (bounded time)."""


class ExerciseError(ArgmapError, ValueError):
    """An exercise cannot be made from a map (it lacks what the kind needs), or is misused."""
