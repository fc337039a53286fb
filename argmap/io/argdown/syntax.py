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
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal, TypeAlias

import yaml

from argmap.errors import LoadError, Problem
from argmap.io.located import parse_yaml

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

RelationKind: TypeAlias = Literal["support", "attack", "undercut", "contradictory"]

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
_INFERENCE_RE = re.compile(r"[ \t]*--")
_HEADING_RE = re.compile(r"(#+) ")
_FRONT_RE = re.compile(r"[ \t]*===+[ \t]*")
_LINK_RE = re.compile(r"\[([^\]\n]+?)\]\(([^)\n]+?)\)")
_TAG_RE = re.compile(r"#(?:\(([^)\n]+)\)|([A-Za-z0-9_\-\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]+))")
_STATEMENT_TITLE_RE = re.compile(r"\[([^\]\n]+)\](:?)")
_ARGUMENT_TITLE_RE = re.compile(r"<([^>\n]+)>(:?)")
_PUNCT = set(" \t)}_.,!?;:-*\"'")
_SCAN_SPECIAL = set("\\/<[{")
_SCAN_NEXT = re.compile(r"[\\/<\[{]")
_INLINE_SPECIAL = set("\\{[#")
_INLINE_NEXT = re.compile(r"[\\{\[#]")


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
    """An inference line (``----`` or ``-- rules {data} --``) inside a reconstruction."""

    rules: list[str]
    data: dict[str, Any]
    line: int
    column: int
    relations: list[Relation] = field(default_factory=list)


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
    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


# -- inline text --------------------------------------------------------------


@dataclass
class _Piece:
    """Text gathered from one or more lines, with the position each character came from."""

    chars: list[str] = field(default_factory=list)
    where: list[tuple[int, int]] = field(default_factory=list)

    def add(self, line: int, column: int, text: str) -> None:
        if self.chars:
            self.chars.append(" ")
            self.where.append((line, column))
        for i, char in enumerate(text):
            self.chars.append(char)
            self.where.append((line, column + i))

    def text(self) -> str:
        return "".join(self.chars)

    def at(self, offset: int) -> tuple[int, int]:
        if not self.where:
            return (1, 1)
        return self.where[min(offset, len(self.where) - 1)]


def _bracket(stack: list[str], char: str) -> bool:
    """Track ``{[`` and ``]}`` in data; return True when the outermost ``{`` closes."""
    if char in "{[":
        stack.append(char)
    elif char == "]" and stack and stack[-1] == "[":
        stack.pop()
    elif char == "}":
        while stack and stack.pop() != "{":
            pass  # a '[' left open: YAML will say so
    return not stack


def _closing_brace(text: str, start: int) -> int:
    """Index of the ``}`` that closes the ``{`` at ``start``, or -1 (quotes are respected)."""
    stack: list[str] = []
    i, quote, last = start, "", ""
    while i < len(text):
        char = text[i]
        if quote:
            if char == "\\" and quote == '"':
                i += 2
                continue
            if char == quote:
                if quote == "'" and text[i + 1 : i + 2] == "'":
                    i += 2
                    continue
                quote = ""
        elif char in "\"'" and last in "{[,:":
            quote = char
        elif char in "{[]}" and _bracket(stack, char):
            return i
        if not char.isspace():
            last = char
        i += 1
    return -1


def parse_data(source: str, path: str, line: int, column: int) -> dict[str, Any]:
    """Parse Argdown ``{...}`` data (a YAML flow mapping); problems are located in the file.

    Raises:
        LoadError: the text is not YAML, uses aliases, or is not a mapping.

    Examples:
        >>> parse_data("{source: C1a, uses: [1, 2]}", "x.argdown", 3, 10)
        {'source': 'C1a', 'uses': [1, 2]}
        >>> parse_data("{a: [}", "x.argdown", 3, 10)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        argmap.errors.LoadError: x.argdown:3:15: data in {...} is not valid YAML: ...
    """
    try:
        for event in yaml.parse(source, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent):
                raise _Syntax("data in {...} must not use YAML aliases (*name)", line, column)
        parsed = parse_yaml(source, path)
    except _Syntax as err:
        raise LoadError([Problem(err.message, path, err.line, err.column)]) from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark
        offset = mark.column if mark is not None and mark.line == 0 else 0
        what = err.problem or "invalid YAML"
        message = f"data in {{...}} is not valid YAML: {what}"
        raise LoadError([Problem(message, path, line, column + offset)]) from None
    except LoadError as err:
        first = err.problems[0]
        offset = (first.column or 1) - 1 if first.line == 1 else 0
        message = first.message.replace("YAML syntax error", "data in {...} is not valid YAML")
        raise LoadError([Problem(message, path, line, column + offset)]) from None
    except yaml.YAMLError as err:
        raise LoadError([Problem(f"data in {{...}} is not valid YAML: {err}", path, line, column)]) from None
    if not isinstance(parsed.data, dict):
        raise LoadError([Problem("data in {...} must be a mapping such as {key: value}", path, line, column)])
    return parsed.data


@dataclass
class _Inline:
    text: str
    tags: list[str]
    data: dict[str, Any]
    data_position: tuple[int, int] | None


def _strip_markers(chars: list[str], protected: list[bool]) -> str:
    """Drop Markdown bold and italic markers (``**``, ``__``, ``*``, ``_``) that open and close a span."""
    n = len(chars)
    drop = [False] * n
    openers: list[tuple[str, int]] = []
    i = 0
    while i < n:
        char = chars[i]
        if protected[i] or char not in "*_":
            i += 1
            continue
        marker = char * 2 if i + 1 < n and chars[i + 1] == char and not protected[i + 1] else char
        after = chars[i + len(marker)] if i + len(marker) < n else ""
        before = chars[i - 1] if i > 0 else ""
        is_open = openers and openers[-1][0] == marker
        if is_open and before and not before.isspace() and (not after or after.isspace() or after in _PUNCT):
            start = openers.pop()[1]
            for j in range(len(marker)):
                drop[start + j] = True
                drop[i + j] = True
        elif after and not after.isspace() and (not before or before.isspace() or before in "([{\"'"):
            openers.append((marker, i))
        i += len(marker)
    return "".join(c for c, dropped in zip(chars, drop, strict=True) if not dropped)


def _inline(piece: _Piece, start: int, path: str, *, remove_tags: bool = False) -> _Inline:
    """Read statement text from ``piece`` (from offset ``start``): escapes, links, tags, data, emphasis.

    Tags at the end of the text are taken out of it (all of them with
    ``remove_tags``); a tag inside a sentence stays in the text as written.
    """
    text = piece.text()
    chars: list[str] = []
    protected: list[bool] = []
    tags: list[str] = []
    spans: list[tuple[int, int]] = []
    data: dict[str, Any] = {}
    data_position: tuple[int, int] | None = None
    i = start
    while i < len(text):
        char = text[i]
        if char not in _INLINE_SPECIAL:
            special = _INLINE_NEXT.search(text, i)
            end = special.start() if special else len(text)
            chars.extend(text[i:end])
            protected.extend([False] * (end - i))
            i = end
            continue
        if char == "\\" and i + 1 < len(text):
            chars.append(text[i + 1])
            protected.append(True)
            i += 2
            continue
        if char == "{":
            end = _closing_brace(text, i)
            if end < 0:
                raise _Syntax("data opened with '{' is never closed with '}'", *piece.at(i))
            data.update(parse_data(text[i : end + 1], path, *piece.at(i)))
            data_position = data_position or piece.at(i)
            i = end + 1
            continue
        if char == "[":
            link = _LINK_RE.match(text, i)
            if link:
                chars.extend(link.group(1))
                protected.extend([True] * len(link.group(1)))
                i = link.end()
                continue
        if char == "#":
            tag = _TAG_RE.match(text, i)
            if tag:
                name = (tag.group(1) or tag.group(2)).strip()
                if name and name not in tags:
                    tags.append(name)
                spans.append((len(chars), len(chars) + len(tag.group(0))))
                chars.extend(tag.group(0))
                protected.extend([True] * len(tag.group(0)))
                i = tag.end()
                continue
        chars.append(char)
        protected.append(False)
        i += 1
    keep = [True] * len(chars)
    boundary = len(chars)
    for low, high in reversed(spans):
        if remove_tags or all(chars[k].isspace() for k in range(high, boundary)):
            keep[low:high] = [False] * (high - low)
            boundary = low
        elif not remove_tags:
            break
    chars = [c for c, kept in zip(chars, keep, strict=True) if kept]
    protected = [p for p, kept in zip(protected, keep, strict=True) if kept]
    cleaned = " ".join(_strip_markers(chars, protected).split(" "))
    return _Inline(re.sub(r"[ \t]+", " ", cleaned).strip(), tags, data, data_position)


def _element(
    piece: _Piece, path: str, *, top_level: bool, section: str | None, remove_tags: bool = False
) -> Element:
    """Read one statement or argument (its title, then its text) from ``piece``."""
    text = piece.text()
    line, column = piece.at(0)
    kind: Literal["statement", "argument"] = "statement"
    title: str | None = None
    is_reference = False
    start = 0
    if not _LINK_RE.match(text):
        found = _STATEMENT_TITLE_RE.match(text) or _ARGUMENT_TITLE_RE.match(text)
        if found:
            kind = "statement" if text.startswith("[") else "argument"
            title = found.group(1).strip()
            if not title:
                raise _Syntax(f"the {kind} has an empty title", line, column)
            is_reference = not found.group(2)
            start = found.end()
    inline = _inline(piece, start, path, remove_tags=remove_tags)
    if title is not None and is_reference and inline.text:
        brackets = f"[{title}]" if kind == "statement" else f"<{title}>"
        raise _Syntax(
            f"{brackets} is followed by text: write '{brackets}: text' to give the {kind} its text",
            *piece.at(start),
        )
    if title is None and not inline.text:
        raise _Syntax("expected a statement or an argument here, found no text", line, column)
    return Element(
        kind=kind,
        title=title,
        text=inline.text,
        is_reference=is_reference or not inline.text,
        line=line,
        column=column,
        tags=inline.tags,
        data=inline.data,
        data_position=inline.data_position,
        section=section,
        top_level=top_level,
    )


# -- comments and blocks ------------------------------------------------------


@dataclass
class _Line:
    number: int
    text: str
    in_data: bool  # the line starts inside {...} data begun on an earlier line


def _scan(lines: list[str], first: int) -> Iterator[list[_Line]]:
    """Blank out comments and yield blocks of lines separated by empty lines."""
    state, quote, last = "text", "", ""
    stack: list[str] = []
    opened = (0, 0)
    block: list[_Line] = []
    for index in range(first, len(lines)):
        raw = lines[index]
        number = index + 1
        starts_in = state
        if state == "text" and not raw.strip():
            if block:
                yield block
                block = []
            continue
        out = list(raw)
        i = 0
        while i < len(raw):
            char = raw[i]
            if state == "block" or state == "html":
                end = "*/" if state == "block" else "-->"
                if raw.startswith(end, i):
                    for j in range(i, i + len(end)):
                        out[j] = " "
                    i += len(end)
                    state = "text"
                    continue
                out[i] = " "
                i += 1
                continue
            if state == "data":
                if quote:
                    if char == "\\" and quote == '"':
                        i += 2
                        continue
                    if char == quote:
                        quote = ""
                elif char in "\"'" and last in "{[,:":
                    quote = char
                elif char in "{[]}" and _bracket(stack, char):
                    state = "text"
                if not char.isspace():
                    last = char
                i += 1
                continue
            if char not in _SCAN_SPECIAL:
                found = _SCAN_NEXT.search(raw, i)
                i = found.start() if found else len(raw)
                continue
            if char == "\\":
                i += 2
                continue
            if raw.startswith("//", i):
                for j in range(i, len(raw)):
                    out[j] = " "
                break
            if raw.startswith("/*", i) or raw.startswith("<!--", i):
                state = "block" if char == "/" else "html"
                opened = (number, i + 1)
                size = 2 if char == "/" else 4
                for j in range(i, i + size):
                    out[j] = " "
                i += size
                continue
            if char == "[":
                link = _LINK_RE.match(raw, i)
                if link:
                    i = link.end()
                    continue
            if char == "{":
                state, stack, quote, last = "data", ["{"], "", "{"
                opened = (number, i + 1)
            i += 1
        block.append(_Line(number, "".join(out), starts_in == "data"))
    if state in ("block", "html"):
        what = "/*" if state == "block" else "<!--"
        closer = "*/" if state == "block" else "-->"
        raise _Syntax(f"comment opened with '{what}' is never closed with '{closer}'", *opened)
    if state == "data":
        raise _Syntax("data opened with '{' is never closed with '}'", *opened)
    if block:
        yield block


def _front_matter(lines: list[str], path: str) -> tuple[dict[str, Any] | None, int, tuple[int, int] | None]:
    """Read YAML front matter between ``===`` lines at the top; return it and the first line after it."""
    first = 0
    while first < len(lines) and not lines[first].strip():
        first += 1
    if first >= len(lines) or not _FRONT_RE.fullmatch(lines[first]):
        return None, 0, None
    for end in range(first + 1, len(lines)):
        if _FRONT_RE.fullmatch(lines[end]):
            source = "\n".join(lines[first + 1 : end])
            try:
                for event in yaml.parse(source, Loader=yaml.SafeLoader):
                    if isinstance(event, yaml.AliasEvent):
                        raise LoadError(
                            [Problem("front matter must not use YAML aliases (*name)", path, first + 1, 1)]
                        )
                parsed = parse_yaml(source, path)
            except yaml.MarkedYAMLError as err:
                mark = err.problem_mark
                line = first + 2 + (mark.line if mark else 0)
                column = mark.column + 1 if mark else 1
                message = f"front matter is not valid YAML: {err.problem or 'invalid YAML'}"
                raise LoadError([Problem(message, path, line, column)]) from None
            except LoadError as err:
                problem = err.problems[0]
                line = first + 1 + (problem.line or 1)
                message = problem.message.replace("YAML syntax error", "front matter is not valid YAML")
                raise LoadError([Problem(message, path, line, problem.column)]) from None
            if parsed.data is None:
                return {}, end + 1, (first + 1, 1)
            if not isinstance(parsed.data, dict):
                message = "front matter must be a YAML mapping (title: ..., author: ...)"
                raise LoadError([Problem(message, path, first + 2, 1)])
            return parsed.data, end + 1, (first + 1, 1)
    raise LoadError(
        [Problem("front matter opened with '===' is never closed with '==='", path, first + 1, 1)]
    )


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
        i = 0
        while i < len(text):
            if text[i] == "{":
                end = _closing_brace(text, i)
                if end < 0:
                    raise _Syntax("data opened with '{' is never closed with '}'", *piece.at(i))
                data.update(parse_data(text[i : end + 1], self.path, *piece.at(i)))
                i = end + 1
                continue
            rules_text.append(text[i])
            i += 1
        rules = [" ".join(rule.split()) for rule in "".join(rules_text).split(",")]
        return Inference([rule for rule in rules if rule], data, line.number, start + 1), index + 1

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
                        f"({numbered.group(1)}) must be a statement: an argument <{root.element.title}>"
                        " cannot be a premise or conclusion",
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
