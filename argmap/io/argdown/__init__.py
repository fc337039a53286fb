r"""Argdown (``.argdown``): read it into an argument map, and write a map as Argdown.

Argdown is a plain-text syntax for argument maps (https://argdown.org).
:func:`read_argdown` parses it into an :class:`~argmap.model.ArgumentMap`
and returns the findings met on the way; :func:`write_argdown` writes a map
as Argdown that the Argdown tool reads back to the same statements and
relations. docs/formats-argdown.md says what maps onto what, and what is lost.

Examples:
    >>> from argmap.io.argdown import write_argdown
    >>> m, findings = read_argdown("[Uniforms]: Schools should require uniforms.\n"
    ...                            "  - <Cost>: Uniforms cost families money.\n")
    >>> [(n.id, n.kind) for n in m.nodes]
    [('Uniforms', 'issue'), ('Cost', 'claim')]
    >>> [link.id for link in m.links]
    ['Cost--attacks--Uniforms']
    >>> read_argdown(write_argdown(m))[0].links == m.links
    True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from argmap.errors import Problem
from argmap.io.argdown.reader import to_map
from argmap.io.argdown.syntax import parse
from argmap.model import ArgumentMap

if TYPE_CHECKING:
    from argmap.io.argdown.writer import write_argdown

__all__ = ["read_argdown", "write_argdown"]


def __getattr__(name: str) -> Any:
    """The writer is imported when first asked for: reading Argdown does not need it (start-up time)."""
    if name == "write_argdown":
        from argmap.io.argdown.writer import write_argdown

        return write_argdown
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def read_argdown(text: str, path: str = "<string>") -> tuple[ArgumentMap, list[Problem]]:
    r"""Read Argdown text into a validated map, with the non-fatal findings met while reading.

    Args:
        text: The Argdown document.
        path: The file it came from, for locating problems.

    Returns:
        The map, and findings such as a statement used but never given text,
        or a relation written twice, each located at ``path:line:column``.

    Raises:
        LoadError: a syntax error, or a map argmap cannot accept, located in the file.

    Examples:
        >>> m, findings = read_argdown("[A]: One.\n  + [B]: Two.\n  + [B]\n", "x.argdown")
        >>> [str(f) for f in findings]
        ['x.argdown:3:3: this relation is written twice (first at line 2, column 3)']
    """
    return to_map(parse(text, path), path)
