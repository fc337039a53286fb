r"""Inline Argdown: the text of one statement or argument, its title, tags and ``{...}`` data.

Examples:
    >>> piece = _Piece()
    >>> piece.add(1, 1, "[A]: Some **bold** text. #tag {source: p3}")
    >>> element = _element(piece, "x.argdown", top_level=True, section=None)
    >>> (element.title, element.text, element.tags, element.data)
    ('A', 'Some bold text.', ['tag'], {'source': 'p3'})
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

import yaml

from argmap.errors import LoadError, Problem
from argmap.io.argdown.tree import Element, _shown, _Syntax
from argmap.io.located import parse_yaml

__all__ = ["parse_data"]

_LINK_RE = re.compile(r"\[([^\]\n]+?)\]\(([^)\n]+?)\)")
_TAG_RE = re.compile(r"#(?:\(([^)\n]+)\)|([A-Za-z0-9_\-\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]+))")
_STATEMENT_TITLE_RE = re.compile(r"\[([^\]\n]+)\](:?)")
_ARGUMENT_TITLE_RE = re.compile(r"<([^>\n]+)>(:?)")
_PUNCT = set(" \t)}_.,!?;:-*\"'")
_INLINE_SPECIAL = set("\\{[#")
_INLINE_NEXT = re.compile(r"[\\{\[#]")


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
        reason = (
            f"character #x{err.character:04x} is not allowed"
            if isinstance(err, yaml.reader.ReaderError)
            else " ".join(str(err).split())
        )
        raise LoadError(
            [Problem(f"data in {{...}} is not valid YAML: {reason}", path, line, column)]
        ) from None
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
        brackets = f"[{_shown(title)}]" if kind == "statement" else f"<{_shown(title)}>"
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
