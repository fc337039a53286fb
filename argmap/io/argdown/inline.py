r"""Inline Argdown: the text of one statement or argument, its title, tags and ``{...}`` data.

Examples:
    >>> piece = _Piece()
    >>> piece.add(1, 1, "[A]: Some **bold** text. #tag {source: p3}")
    >>> element = _element(piece, "x.argdown", top_level=True, section=None)
    >>> (element.title, element.text, element.tags, element.data)
    ('A', 'Some bold text.', ['tag'], {'source': 'p3'})
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any, Literal

import yaml

from argmap.errors import LoadError, Problem
from argmap.io.argdown.tree import Element, _shown, _Syntax
from argmap.io.limits import get_limits
from argmap.io.located import parse_yaml

__all__ = ["parse_data"]

_LINK_RE = re.compile(r"\[([^\]\n]+?)\]\(([^)\n]+?)\)")
_TAG_RE = re.compile(r"#(?:\(([^)\n]+)\)|([A-Za-z0-9_\-\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]+))")
_STATEMENT_TITLE_RE = re.compile(r"\[([^\]\n]+)\](:?)")
_ARGUMENT_TITLE_RE = re.compile(r"<([^>\n]+)>(:?)")
_PUNCT = set(" \t)}_.,!?;:-*\"'")
_INLINE_NEXT = re.compile(r"[\\{\[#]")
_BLANKS_RE = re.compile(r"[ \t]+")
# Printable ASCII without a backslash: JSON written with these reads the same as YAML (no escapes,
# no line breaks, no characters YAML treats differently).
_PLAIN_JSON_RE = re.compile(r"[\x20-\x5b\x5d-\x7e]*")


class _Piece:
    """Text gathered from one or more lines (joined by a space), with the position each character came from.

    Each added line is one segment: its offset in the text and the line and
    column of its first character; the joining space takes the position of
    the line after it.

    Examples:
        >>> piece = _Piece()
        >>> piece.add(3, 5, "ab")
        >>> piece.add(4, 1, "cd")
        >>> piece.text(), [piece.at(i) for i in range(6)]
        ('ab cd', [(3, 5), (3, 6), (4, 1), (4, 1), (4, 2), (4, 2)])
    """

    __slots__ = ("_joined", "parts", "segments", "size")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.segments: list[tuple[int, int, int, int]] = []  # (offset, line, column, step)
        self.size = 0
        self._joined: str | None = None

    def add(self, line: int, column: int, text: str) -> None:
        self._joined = None
        if self.size:
            self.segments.append((self.size, line, column, 0))  # the joining space
            self.parts.append(" ")
            self.size += 1
        if text:
            self.segments.append((self.size, line, column, 1))
            self.parts.append(text)
            self.size += len(text)

    def text(self) -> str:
        if self._joined is None:
            self._joined = "".join(self.parts)
        return self._joined

    def at(self, offset: int) -> tuple[int, int]:
        if not self.size:
            return (1, 1)
        offset = min(offset, self.size - 1)
        index = bisect_right(self.segments, (offset, _LAST)) - 1
        start, line, column, step = self.segments[index]
        return (line, column + (offset - start) * step)


_LAST = 1 << 62  # sorts after any line number, for bisecting on an offset


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


_DATA_NEXT = re.compile(r"[\"'{}\[\]]")
_DOUBLE_QUOTED_NEXT = re.compile(r'["\\]')


@dataclass
class _DataScan:
    """Where a scan of ``{...}`` data stands: open brackets, the open quote, the last character seen."""

    stack: list[str]
    quote: str = ""
    last: str = "{"


def _scan_data(text: str, i: int, scan: _DataScan, *, doubled_quotes: bool) -> int:
    """Read ``{...}`` data in ``text`` from ``i``; return the index of the ``}`` that closes it, or -1.

    Quotes are respected (a quote opens a string only after ``{[,:``); in a
    double-quoted string a backslash escapes the next character, and with
    ``doubled_quotes`` a single-quoted string holds ``''``. The scan jumps
    from one quote or bracket to the next; ``scan`` keeps its state for a
    text that goes on (the next line of the file).
    """
    size = len(text)
    while i < size:
        if scan.quote == '"':
            found = _DOUBLE_QUOTED_NEXT.search(text, i)
            if found is None:
                return -1
            i = found.start()
            if text[i] == "\\":
                i += 2
                continue
        elif scan.quote:
            i = text.find("'", i)
            if i < 0:
                return -1
            if doubled_quotes and text[i + 1 : i + 2] == "'":
                i += 2
                continue
        if scan.quote:
            scan.last, scan.quote = scan.quote, ""
            i += 1
            continue
        found = _DATA_NEXT.search(text, i)
        run = text[i : found.start() if found else size].rstrip()
        if run:
            scan.last = run[-1]
        if found is None:
            return -1
        i = found.start()
        char = text[i]
        if char in "\"'":
            if scan.last in "{[,:":
                scan.quote = char
        elif _bracket(scan.stack, char):
            scan.last = char
            return i
        scan.last = char
        i += 1
    return -1


def _closing_brace(text: str, start: int) -> int:
    """Index of the ``}`` that closes the ``{`` at ``start``, or -1 (quotes are respected).

    Examples:
        >>> _closing_brace("a {b: '}', c: [{}]} d", 2)
        18
    """
    return _scan_data(text, start + 1, _DataScan(["{"]), doubled_quotes=True)


class _NotPlain(Exception):
    """JSON that YAML might read differently (a float, a duplicate key...): YAML must read it."""


def _refuse(_text: str) -> Any:
    raise _NotPlain


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        raise _NotPlain  # YAML reports the duplicate key
    return found


def _integer(text: str) -> int:
    if len(text) > get_limits().max_number_digits:
        raise _NotPlain  # YAML reports the number as too long
    return int(text)


_PLAIN_DECODER = json.JSONDecoder(
    parse_float=_refuse, parse_int=_integer, parse_constant=_refuse, object_pairs_hook=_unique
)


def _plain_json_at(text: str, start: int) -> tuple[dict[str, Any], int] | None:
    """The data of the JSON object at ``text[start]`` and the index after it, when it is plain JSON.

    Plain JSON is JSON whose meaning YAML shares (see :func:`_plain_json`);
    for it, the ``}`` that ends the object is the one the scan of ``{...}``
    data finds, so a caller may take the object and go on after it.

    Examples:
        >>> _plain_json_at('[A]: a {"k": [1, 2]} #t', 7)
        ({'k': [1, 2]}, 20)
        >>> _plain_json_at("[A]: a {k: 1}", 7) is None
        True
    """
    try:
        data, end = _PLAIN_DECODER.raw_decode(text, start)
    except (ValueError, RecursionError, _NotPlain):
        return None
    source = text[start:end]
    if (
        not isinstance(data, dict)
        or not _PLAIN_JSON_RE.fullmatch(source)
        or source.count("{") + source.count("[") > get_limits().max_depth
    ):
        return None
    return data, end


def _plain_json(source: str) -> dict[str, Any] | None:
    """The data of ``source`` when it is plain JSON that YAML reads the same way, else None.

    Files argmap writes hold their data as JSON; reading it with the standard
    library's C parser skips the YAML parser. Only JSON whose meaning YAML
    shares is taken: printable ASCII without escapes, integers within the
    digit limit, no floats (YAML 1.1 reads ``1e3`` as text), no duplicate
    keys, nesting within the depth limit. Anything else goes to YAML, which
    gives the same data or the located error.

    Examples:
        >>> _plain_json('{"argmap": {"id": "s0", "n": [1, true, null]}}')
        {'argmap': {'id': 's0', 'n': [1, True, None]}}
        >>> _plain_json('{"a": 1e3}') is None, _plain_json('{"a": 1, "a": 2}') is None
        (True, True)
    """
    found = _plain_json_at(source, 0)
    return found[0] if found is not None and found[1] == len(source) else None


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
    plain = _plain_json(source)
    if plain is not None:
        return plain
    try:
        for event in yaml.parse(source, Loader=yaml.SafeLoader):  # PyYAML's parser words errors best
            if isinstance(event, yaml.AliasEvent):
                raise _Syntax("data in {...} must not use YAML aliases (*name)", line, column)
        parsed = parse_yaml(source, path, positions=False)
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
    The text is read in runs between special characters; a run is
    ``protected`` when it came from an escape, a link or a tag, so that no
    emphasis marker is looked for in it.
    """
    text = piece.text()
    runs: list[str] = []
    protected: list[bool] = []
    tags: list[str] = []
    spans: list[int] = []  # the runs that are tags
    data: dict[str, Any] = {}
    data_position: tuple[int, int] | None = None
    i, size = start, len(text)
    while i < size:
        special = _INLINE_NEXT.search(text, i)
        end = special.start() if special else size
        if end > i:
            runs.append(text[i:end])
            protected.append(False)
            i = end
            continue
        char = text[i]
        if char == "\\" and i + 1 < size:
            runs.append(text[i + 1])
            protected.append(True)
            i += 2
            continue
        if char == "{":
            plain = _plain_json_at(text, i)
            if plain is not None:  # data as argmap writes it: no scan, no YAML
                data.update(plain[0])
                data_position = data_position or piece.at(i)
                i = plain[1]
                continue
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
                runs.append(link.group(1))
                protected.append(True)
                i = link.end()
                continue
        if char == "#":
            tag = _TAG_RE.match(text, i)
            if tag:
                name = (tag.group(1) or tag.group(2)).strip()
                if name and name not in tags:
                    tags.append(name)
                spans.append(len(runs))
                runs.append(tag.group(0))
                protected.append(True)
                i = tag.end()
                continue
        runs.append(char)
        protected.append(False)
        i += 1
    boundary = len(runs)
    for index in reversed(spans):
        after = "".join(runs[index + 1 : boundary])
        if remove_tags or not after or after.isspace():
            runs[index] = ""
            boundary = index
        else:
            break
    if any(not kept and ("*" in run or "_" in run) for run, kept in zip(runs, protected, strict=True)):
        chars = [char for run in runs for char in run]
        flags = [kept for run, kept in zip(runs, protected, strict=True) for _ in run]
        joined = _strip_markers(chars, flags)
    else:
        joined = "".join(runs)  # no emphasis marker: nothing to strip
    return _Inline(_BLANKS_RE.sub(" ", joined).strip(), tags, data, data_position)


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
