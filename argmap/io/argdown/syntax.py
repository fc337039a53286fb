r"""Argdown text -> a small syntax tree: headings, statements, arguments, relations, reconstructions.

The parser works line by line, in time linear in the size of the text. It
first blanks out comments (``//``, ``/* */``, ``<!-- -->``) while keeping
every column in place, then splits the text into blocks at empty lines and
reads each block by its first line: a heading (``# ...``), a premise-conclusion
structure (``(1) ...``), an argument (``<Title>``), a statement (``[Title]``
or plain text). Indented lines that start with a relation symbol hang a new
statement or argument under the one above them.

A syntax error raises :class:`~argmap.errors.LoadError` located at
``path:line:column``, in words a user understands.

Examples:
    >>> doc = parse("[A]: Apples are red. #fruit\n  + <Why>: Because.\n", "x.argdown")
    >>> top = doc.items[0]
    >>> (top.title, top.text, top.tags)
    ('A', 'Apples are red.', ['fruit'])
    >>> rel = top.relations[0]
    >>> (rel.kind, rel.parent_is_source, rel.child.kind, rel.child.title, rel.line, rel.column)
    ('support', False, 'argument', 'Why', 2, 3)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from argmap.errors import LoadError, Problem
from argmap.io.argdown.inline import _closing_brace, _element, _inline, _Piece, parse_data
from argmap.io.argdown.lexer import _front_matter, _Line, _scan
from argmap.io.argdown.tree import (
    Document,
    Element,
    Heading,
    Inference,
    Item,
    Pcs,
    PcsStatement,
    Relation,
    RelationKind,
    _shown,
    _Syntax,
)

__all__ = [
    "MAX_CHARS",
    "MAX_DEPTH",
    "Document",
    "Element",
    "Heading",
    "Inference",
    "Pcs",
    "PcsStatement",
    "Relation",
    "parse",
    "parse_data",
]

MAX_CHARS = 20_000_000
MAX_DEPTH = 64


# Relation symbols at the start of an indented line, longest first. The bool
# says whether the parent (the element above) is the relation's source.
_SYMBOLS: tuple[tuple[str, RelationKind, bool], ...] = (
    ("+>", "support", True),
    ("->", "attack", True),
    ("_>", "undercut", True),
    ("<+", "support", False),
    ("<-", "attack", False),
    ("<_", "undercut", False),
    ("><", "contradictory", True),
    ("+", "support", False),
    ("-", "attack", False),
)
_RELATION_RE = re.compile(r"([ \t]*)(\+>|->|_>|<\+|<-|<_|><|\+|-(?!-)|_(?=[ \t]))")
_NUMBER_RE = re.compile(r"[ \t]*\((\d+)\)")
# The key ``uses`` in an inference's data (quoted or not), for locating the notes about it.
_USES_KEY_RE = re.compile(r"""[{,]\s*(["']?)(uses)\1\s*:""")  # the word itself, inside any quotes
_INFERENCE_RE = re.compile(r"[ \t]*--")
_HEADING_RE = re.compile(r"(#+) ")


# -- blocks -------------------------------------------------------------------


@dataclass
class _Open:
    """An element being read: its text so far, its indentation and what it hangs under."""

    piece: _Piece | None
    indent: int
    relation: tuple[RelationKind, bool, str, int, int] | None = None
    parent: _Open | None = None
    fixed: Inference | None = None
    element: Element | None = None


def _relation_at(text: str) -> tuple[int, int, str] | None:
    """The relation symbol a line starts with: (indent, column of the symbol, symbol), or None."""
    found = _RELATION_RE.match(text)
    if not found:
        return None
    return len(found.group(1)), found.end(1) + 1, found.group(2)


def _kind_of(symbol: str) -> tuple[RelationKind, bool]:
    if symbol == "_":
        return "undercut", False
    for written, kind, parent_is_source in _SYMBOLS:
        if written == symbol:
            return kind, parent_is_source
    raise AssertionError(symbol)  # pragma: no cover - the regex only matches known symbols


def _indent_of(text: str) -> int:
    return len(text) - len(text.lstrip(" \t"))


class _Reader:
    """Reads the blocks of one document, numbering untitled elements as the Argdown tool does."""

    def __init__(self, path: str, *, remove_tags: bool = False) -> None:
        self.path = path
        self.remove_tags = remove_tags
        self.counter = 0
        self.section: str | None = None

    def untitled(self) -> str:
        self.counter += 1
        return f"Untitled {self.counter}"

    def tree(self, lines: list[_Line], index: int, root: _Open, *, top_level: bool, stop: Any) -> int:
        """Read ``root`` and the relation lines under it from ``lines[index]`` on; return the next index."""
        chain: list[_Open] = [root]
        opened: list[_Open] = [root]
        while index < len(lines):
            line = lines[index]
            if not line.text.strip():
                index += 1
                continue
            if not line.in_data and stop(line):
                break
            relation = None if line.in_data else _relation_at(line.text)
            if relation is None:
                indent = _indent_of(line.text)
                if not line.in_data and _INFERENCE_RE.match(line.text):
                    raise _Syntax(
                        "an inference line ('--') belongs in a premise-conclusion structure, after"
                        " numbered premises such as '(1) ...'",
                        line.number,
                        indent + 1,
                    )
                target = chain[-1].piece
                if target is None:
                    raise _Syntax("unexpected text after the inference line", line.number, indent + 1)
                target.add(line.number, indent + 1, line.text.strip(" \t"))
                index += 1
                continue
            indent, column, symbol = relation
            if not indent:
                raise _Syntax(
                    f"a relation line ('{symbol} ...') must be indented under the statement or argument"
                    " it relates to",
                    line.number,
                    column,
                )
            while len(chain) > 1 and chain[-1].indent >= indent:
                chain.pop()
            if len(chain) > MAX_DEPTH:
                raise _Syntax(f"relations are nested more than {MAX_DEPTH} levels deep", line.number, column)
            rest = line.text[column - 1 + len(symbol) :]
            content = rest.lstrip(" \t")
            if not content.strip():
                raise _Syntax(
                    f"'{symbol}' must be followed by a statement or an argument", line.number, column
                )
            piece = _Piece()
            piece.add(line.number, column + len(symbol) + len(rest) - len(content), content.rstrip(" \t"))
            kind, parent_is_source = _kind_of(symbol)
            item = _Open(piece, indent, (kind, parent_is_source, symbol, line.number, column), chain[-1])
            chain.append(item)
            opened.append(item)
            index += 1
        for item in opened:
            if item.piece is None:
                continue
            element = _element(
                item.piece,
                self.path,
                top_level=top_level and item is root,
                section=self.section,
                remove_tags=self.remove_tags,
            )
            if element.title is None:
                element.title, element.untitled = self.untitled(), True
            item.element = element
        for item in opened:
            if item.parent is None or item.relation is None or item.element is None:
                continue
            kind, parent_is_source, symbol, number, column = item.relation
            owner = item.parent.fixed or item.parent.element
            assert owner is not None
            owner.relations.append(Relation(kind, parent_is_source, item.element, symbol, number, column))
        return index

    def inference(self, lines: list[_Line], index: int) -> tuple[Inference, int]:
        """Read an inference line (possibly spanning lines) starting at ``lines[index]``."""
        line = lines[index]
        start = _indent_of(line.text)
        piece = _Piece()
        rest = line.text[start + 2 :]
        column = start + 3
        number = line.number
        while True:
            closing = rest.find("--")
            if closing >= 0:
                piece.add(number, column, rest[:closing])
                after = rest[closing:].lstrip("-")
                if after.strip():
                    where = column + len(rest) - len(after.lstrip(" \t"))
                    raise _Syntax("unexpected text after the inference line", number, where)
                break
            piece.add(number, column, rest)
            index += 1
            if index >= len(lines):
                raise _Syntax(
                    "inference line opened with '--' is never closed: end it with '--' (or write '----'"
                    " for an inference without rules)",
                    line.number,
                    start + 1,
                )
            number, rest, column = lines[index].number, lines[index].text, 1
        text = piece.text()
        data: dict[str, Any] = {}
        rules_text: list[str] = []
        uses_at: tuple[int, int] | None = None
        i = 0
        while i < len(text):
            if text[i] == "{":
                end = _closing_brace(text, i)
                if end < 0:
                    raise _Syntax("data opened with '{' is never closed with '}'", *piece.at(i))
                found = parse_data(text[i : end + 1], self.path, *piece.at(i))
                if "uses" in found:
                    key = _USES_KEY_RE.search(text, i, end)
                    uses_at = piece.at(key.start(2) if key else i)
                data.update(found)
                i = end + 1
                continue
            rules_text.append(text[i])
            i += 1
        rules = [" ".join(rule.split()) for rule in "".join(rules_text).split(",")]
        inference = Inference([rule for rule in rules if rule], data, line.number, start + 1)
        inference.uses_position = uses_at
        return inference, index + 1

    def pcs(self, lines: list[_Line], index: int, argument: Element | None) -> tuple[Pcs, int]:
        """Read a premise-conclusion structure from its first numbered line."""
        first = lines[index]
        title = argument.title if argument is not None and argument.title else self.untitled()
        pcs = Pcs(argument, title, [], first.number, _indent_of(first.text) + 1, self.section)
        pending: Inference | None = None

        def stop(line: _Line) -> bool:
            return bool(_NUMBER_RE.match(line.text) or _INFERENCE_RE.match(line.text))

        while index < len(lines):
            line = lines[index]
            if not line.text.strip():
                index += 1
                continue
            numbered = _NUMBER_RE.match(line.text)
            if numbered:
                text = line.text[numbered.end() :]
                content = text.lstrip(" \t")
                column = numbered.end() + len(text) - len(content) + 1
                if not content.strip():
                    raise _Syntax(
                        f"({numbered.group(1)}) must be followed by a statement",
                        line.number,
                        _indent_of(line.text) + 1,
                    )
                piece = _Piece()
                piece.add(line.number, column, content.rstrip(" \t"))
                root = _Open(piece, 0)
                index = self.tree(lines, index + 1, root, top_level=False, stop=stop)
                assert root.element is not None
                if root.element.kind == "argument":
                    raise _Syntax(
                        f"({numbered.group(1)}) must be a statement: an argument"
                        f" <{_shown(root.element.title or '')}> cannot be a premise or conclusion",
                        line.number,
                        column,
                    )
                pcs.statements.append(PcsStatement(int(numbered.group(1)), root.element, pending))
                pending = None
                continue
            if _INFERENCE_RE.match(line.text):
                column = _indent_of(line.text) + 1
                if not pcs.statements:
                    raise _Syntax(
                        "an inference line ('--') must follow at least one premise", line.number, column
                    )
                if pending is not None:
                    raise _Syntax(
                        "two inference lines in a row: a conclusion '(n) ...' must come between them",
                        line.number,
                        column,
                    )
                pending, index = self.inference(lines, index)
                index = self.tree(lines, index, _Open(None, 0, fixed=pending), top_level=False, stop=stop)
                continue
            raise _Syntax(  # pragma: no cover - tree() consumes every other line
                "expected a numbered statement '(n) ...' or an inference line '--'", line.number, 1
            )
        if pending is not None:
            raise _Syntax(
                "the inference line must be followed by its conclusion, a numbered statement '(n) ...'",
                pending.line,
                pending.column,
            )
        if pcs.statements[-1].inference is None:
            raise _Syntax(
                "a premise-conclusion structure must end with an inference line ('----') and its"
                " conclusion; this one ends with a premise",
                pcs.statements[-1].element.line,
                pcs.statements[-1].element.column,
            )
        return pcs, index

    def heading(self, block: list[_Line], level: int) -> Heading:
        first = block[0]
        piece = _Piece()
        piece.add(first.number, level + 2, first.text[level + 1 :].strip(" \t"))
        for line in block[1:]:
            if line.text.strip():
                piece.add(line.number, _indent_of(line.text) + 1, line.text.strip(" \t"))
        inline = _inline(piece, 0, self.path, remove_tags=True)
        if not inline.text:
            raise _Syntax("the heading has no title", first.number, 1)
        return Heading(level, inline.text, inline.data, first.number, 1)

    def document(self, lines: list[str], first: int) -> list[Item]:
        items: list[Item] = []
        attachable: Element | None = None
        for block in _scan(lines, first):
            content = [line for line in block if line.text.strip()]
            if not content:
                continue  # only comments: the Argdown tool ignores them too
            head = content[0]
            heading = _HEADING_RE.match(head.text)
            if heading and not head.in_data:
                found = self.heading(content, len(heading.group(1)))
                self.section = found.title
                items.append(found)
                attachable = None
                continue
            if _NUMBER_RE.match(head.text):
                pcs, _ = self.pcs(content, 0, attachable)
                items.append(pcs)
                attachable = None
                continue
            indent = _indent_of(head.text)
            if _INFERENCE_RE.match(head.text):
                raise _Syntax(
                    "an inference line ('--') must follow numbered premises '(1) ...'",
                    head.number,
                    indent + 1,
                )
            relation = _relation_at(head.text)
            if relation is not None:
                raise _Syntax(
                    f"a relation line ('{relation[2]} ...') must come right below the statement or argument"
                    " it relates to, without an empty line between",
                    head.number,
                    relation[1],
                )
            piece = _Piece()
            piece.add(head.number, indent + 1, head.text.strip(" \t"))
            root = _Open(piece, 0)
            index = self.tree(
                content, 1, root, top_level=True, stop=lambda line: bool(_NUMBER_RE.match(line.text))
            )
            element = root.element
            assert element is not None
            items.append(element)
            attachable = element if element.kind == "argument" else None
            if index < len(content):
                if element.kind != "argument":
                    line = content[index]
                    raise _Syntax(
                        "a numbered statement starts a premise-conclusion structure: put an empty line"
                        " before it, or an argument title '<Title>' above it",
                        line.number,
                        _indent_of(line.text) + 1,
                    )
                pcs, _ = self.pcs(content, index, element)
                items.append(pcs)
                attachable = None
        return items


def parse(text: str, path: str = "<string>") -> Document:
    r"""Parse Argdown text into a :class:`Document`.

    Raises:
        LoadError: a syntax error, located at ``path:line:column``.

    Examples:
        >>> doc = parse("<A>: Desc.\n\n(1) P.\n----\n(2) [C]: Conclusion.\n")
        >>> pcs = doc.items[1]
        >>> (pcs.title, [s.element.title for s in pcs.statements])
        ('A', ['Untitled 1', 'C'])
        >>> parse("[A]: text\n+ [B]", "bad.argdown")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        argmap.errors.LoadError: bad.argdown:2:1: a relation line ('+ ...') must be indented ...
    """
    if len(text) > MAX_CHARS:
        raise LoadError([Problem(f"the file is too large (over {MAX_CHARS:,} characters)", path, 1, 1)])
    lines = re.split(r"\r\n|\r|\n", text.removeprefix("\ufeff"))
    front, first, position = _front_matter(lines, path)
    try:
        settings = (front or {}).get("model")
        remove_tags = isinstance(settings, dict) and settings.get("removeTagsFromText") is True
        items = _Reader(path, remove_tags=remove_tags).document(lines, first)
    except _Syntax as err:
        raise LoadError([Problem(err.message, path, err.line, err.column)]) from None
    return Document(front, items, position)
