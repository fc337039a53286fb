"""The syntax tree of an Argdown document: what the parser gives the reader.

Examples:
    >>> element = Element("statement", "A", "Apples are red.", False, 1, 1)
    >>> (element.kind, element.title, element.relations)
    ('statement', 'A', [])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, TypeAlias

__all__ = [
    "Document",
    "Element",
    "Heading",
    "Inference",
    "Item",
    "Pcs",
    "PcsStatement",
    "Relation",
    "RelationKind",
]

RelationKind: TypeAlias = Literal["support", "attack", "undercut", "contradictory"]


@dataclass
class Relation:
    """A relation written on an indented line, between the element above and ``child``."""

    kind: RelationKind
    parent_is_source: bool
    child: Element
    symbol: str
    line: int
    column: int


@dataclass
class Element:
    """A statement or an argument as written once (a definition, a reference or plain text)."""

    kind: Literal["statement", "argument"]
    title: str | None
    text: str
    is_reference: bool
    line: int
    column: int
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    data_position: tuple[int, int] | None = None
    relations: list[Relation] = field(default_factory=list)
    section: str | None = None
    top_level: bool = False
    untitled: bool = False


@dataclass
class Inference:
    """An inference line (``----`` or ``-- rules {data} --``) inside a reconstruction.

    ``uses_position`` is where its data names ``uses`` (which may be on a line
    of its own between the two ``--``), for the notes about it.
    """

    rules: list[str]
    data: dict[str, Any]
    line: int
    column: int
    relations: list[Relation] = field(default_factory=list)
    uses_position: tuple[int, int] | None = None


@dataclass
class PcsStatement:
    """A numbered statement ``(n)`` of a premise-conclusion structure."""

    number: int
    element: Element
    inference: Inference | None


@dataclass
class Pcs:
    """A premise-conclusion structure and the argument it reconstructs."""

    argument: Element | None
    title: str
    statements: list[PcsStatement]
    line: int
    column: int
    section: str | None = None


@dataclass
class Heading:
    """A heading: it opens a section that holds the elements below it."""

    level: int
    title: str
    data: dict[str, Any]
    line: int
    column: int


@dataclass
class Document:
    """A parsed Argdown document."""

    front_matter: dict[str, Any] | None
    items: list[Element | Pcs | Heading]
    front_matter_position: tuple[int, int] | None = None


Item: TypeAlias = Element | Pcs | Heading


class _Syntax(Exception):
    """A syntax error at a line and column; :func:`~argmap.io.argdown.syntax.parse` makes it a LoadError."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


def _shown(text: str, limit: int = 80) -> str:
    r"""Text from the file as it may appear in a message: control characters escaped, long text cut.

    Examples:
        >>> _shown("a\x1b[31mb")
        'a\\x1b[31mb'
    """
    out = "".join(f"\\x{ord(c):02x}" if ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F else c for c in text)
    return out if len(out) <= limit else out[: limit - 1] + "…"
