r"""JSON into plain data: strict (RFC 8259), bounded, with positions when asked.

Without positions, the standard library's C parser reads the text and argmap
only checks what it returns (duplicate keys, numbers, depth); the items of
the top-level lists (a map's elements) are read one by one, so that their
lines and columns are kept (:attr:`~argmap.locations.Parsed.items`). Whenever that
fast path finds anything wrong, or when positions are asked for, argmap's own
position-keeping parser reads the text again and reports each problem at its
line and column.

Examples:
    >>> p = parse_json('{"a": [1, {"b": true}]}', path="x.json")
    >>> p.data
    {'a': [1, {'b': True}]}
    >>> p.values[("a", 1, "b")]
    (1, 17)
    >>> parse_json('{"a": [1, {"b": true}]}', path="x.json", positions=False).items["a"].tolist()
    [1, 8, 1, 11]
    >>> parse_json('{"a": 1, "a": 2}', path="x.json", positions=False)
    Traceback (most recent call last):
    ...
    argmap.errors.LoadError: x.json:1:10: duplicate key 'a' in this object
"""

from __future__ import annotations

import bisect
import json
import json.scanner
import math
import re
from array import array
from collections.abc import Callable
from typing import Any

from argmap._perf import Forked, helpers_allowed
from argmap.errors import LoadError, Problem
from argmap.io.limits import Limits, bad_character, get_limits
from argmap.locations import Loc, Parsed, lines_and_columns

__all__ = ["SPLIT_FROM_CHARS", "parse_json"]

_scanstring: Callable[[str, int, bool], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?")
_WS = re.compile(r"[ \t\n\r]*")


class _JsonSyntax(Exception):
    def __init__(self, message: str, pos: int) -> None:
        super().__init__(message)
        self.message, self.pos = message, pos


class _Fallback(Exception):
    """The fast path met something only the located parser can report well."""


# An escape that may decode to a control character or a lone surrogate: the located parser checks it.
_SUSPECT_ESCAPE = re.compile(r"\\u(?:00[01]|007[fF]|[dD][89a-fA-F])")


# From this many characters, ``split=True`` reads the list items after the middle of the text in a
# helper process: below, forking and sending the items back cost about what they save.
SPLIT_FROM_CHARS = 4_000_000
# Where an item of a list may start, in JSON written with one item a line or more: a brace that opens
# a line (JSON strings hold no line breaks, so this is never inside one).
_ITEM_START = re.compile(r"\n[ \t]*\{")


class _Split:
    """A helper reading, from offset ``at``, the items of a list up to its end, in a forked process.

    Where ``at`` really is the start of an item of a top-level list, the
    items from there are what :func:`_items_from` reads; where it is not (a
    brace inside an item), the reader passes it by and the helper is killed.
    """

    def __init__(self, text: str, at: int, scan: Any) -> None:
        self.at = at
        self.helper: Forked | None = Forked(lambda: _items_from(text, at, scan))

    def take(self) -> tuple[list[Any], int, list[int]] | None:
        """The helper's items, the offset after the list and the items' offsets; None if it failed."""
        helper, self.helper = self.helper, None
        sent = helper.result() if helper is not None else None
        if sent is None:
            return None
        items, end, offsets = sent
        return items, end, offsets

    def cancel(self) -> None:
        """Kill the helper if its items were not taken."""
        if self.helper is not None:
            self.helper.cancel()
            self.helper = None


def _fast(text: str, limits: Limits, items: dict[str, array[int]], split: bool = False) -> Any:
    # The scanner shares equal keys within one call only; items are read one call each, so share them here.
    shared: dict[str, str] = {}

    def pairs(pairs_: list[tuple[str, Any]]) -> dict[str, Any]:
        out = {shared.setdefault(key, key): value for key, value in pairs_}
        if len(out) != len(pairs_):
            raise _Fallback
        return out

    def number(token: str) -> Any:
        if len(token) > limits.max_number_digits:
            raise _Fallback
        value = float(token)
        if not math.isfinite(value):
            raise _Fallback
        return value

    def integer(token: str) -> int:
        if len(token) > limits.max_number_digits:
            raise _Fallback
        return int(token)

    def constant(_token: str) -> Any:
        raise _Fallback

    if _SUSPECT_ESCAPE.search(text):
        raise _Fallback
    decoder = json.JSONDecoder(
        object_pairs_hook=pairs, parse_float=number, parse_int=integer, parse_constant=constant
    )
    scan = json.scanner.make_scanner(decoder)  # type: ignore[arg-type]
    helper: _Split | None = None
    try:
        start = _WS.match(text).end()  # type: ignore[union-attr]
        if text.startswith("{", start):
            if split and len(text) >= SPLIT_FROM_CHARS:
                # a little before the middle: this process also takes in what the helper sends
                found = _ITEM_START.search(text, len(text) * 9 // 20)
                helper = _Split(text, found.end() - 1, scan) if found else None
            data = _top_object(text, start, scan, items, helper)
        else:
            data = decoder.decode(text)
    except (ValueError, RecursionError, StopIteration):
        raise _Fallback from None
    finally:
        if helper is not None:
            helper.cancel()
    if _depth(data) > limits.max_depth:
        raise _Fallback
    return data


def _top_object(
    text: str, pos: int, scan: Any, items: dict[str, array[int]], helper: _Split | None = None
) -> dict[str, Any]:
    """Read the top-level object at ``text[pos]`` (a ``{``) as ``json.loads`` would, at C speed.

    Each value is read by the standard library's scanner, except a list,
    whose items are read one by one so that each one's offset is known: the
    line and column of each go into ``items`` under the list's key. Anything
    not well-formed raises, for the located parser to report. A ``helper``
    reads the items from its offset on, when a list has an item there.
    """
    out: dict[str, Any] = {}
    offsets: dict[str, list[int]] = {}
    pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
    if text.startswith("}", pos):
        return _end(text, pos + 1, out)
    while True:
        if not text.startswith('"', pos):
            raise ValueError("expected a key")
        key, pos = _scanstring(text, pos + 1, True)
        pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
        if not text.startswith(":", pos):
            raise ValueError("expected ':'")
        pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
        if key in out:
            raise ValueError("duplicate key")
        if text.startswith("[", pos):
            out[key], pos, offsets[key] = _list(text, pos, scan, helper)
        else:
            out[key], pos = scan(text, pos)
        pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
        if text.startswith("}", pos):
            break
        if not text.startswith(",", pos):
            raise ValueError("expected ',' or '}'")
        pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
    _end(text, pos + 1, out)
    for key, found in offsets.items():
        items[key] = lines_and_columns(text, found)
    return out


def _list(text: str, pos: int, scan: Any, helper: _Split | None = None) -> tuple[list[Any], int, list[int]]:
    """Read the list at ``text[pos]`` (a ``[``): its items, the offset after it, and each item's offset."""
    pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
    if text.startswith("]", pos):
        return [], pos + 1, []
    return _items_from(text, pos, scan, helper)


def _items_from(
    text: str, pos: int, scan: Any, helper: _Split | None = None
) -> tuple[list[Any], int, list[int]]:
    """The items of a list from the one at ``text[pos]`` on, the offset after the list, the items' offsets."""
    out: list[Any] = []
    offsets: list[int] = []
    while True:
        if helper is not None and helper.helper is not None and pos >= helper.at:
            if pos == helper.at:
                sent = helper.take()
                if sent is not None:  # else this process reads on
                    rest, end, places = sent
                    out.extend(rest)
                    offsets.extend(places)
                    return out, end, offsets
            else:
                helper.cancel()  # the helper's offset was inside an item: no use
        offsets.append(pos)
        item, pos = scan(text, pos)
        out.append(item)
        pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
        if text.startswith("]", pos):
            return out, pos + 1, offsets
        if not text.startswith(",", pos):
            raise ValueError("expected ',' or ']'")
        pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]


def _end(text: str, pos: int, out: dict[str, Any]) -> dict[str, Any]:
    if _WS.match(text, pos).end() != len(text):  # type: ignore[union-attr]
        raise ValueError("extra data")
    return out


def _depth(data: Any) -> int:
    """The nesting depth of plain data (the top value's is 0), a level at a time, without recursion."""
    level, depth = ([data] if type(data) in _NESTED else []), -1
    while level:
        depth += 1
        deeper: list[Any] = []
        for value in level:
            deeper.extend(
                [v for v in (value.values() if type(value) is dict else value) if type(v) in _NESTED]
            )
        level = deeper
    return max(depth, 0)


_NESTED = (dict, list)


def parse_json(text: str, path: str, *, positions: bool = True, limits: Limits | None = None) -> Parsed:
    """Parse strict JSON (RFC 8259); duplicate keys are errors.

    Args:
        text: The JSON text.
        path: The file's name, for problems.
        positions: Keep the line and column of every value and key.
        limits: The bounds to keep (the readers' default when None).

    Raises:
        LoadError: a syntax error (located at the offending character), a
            duplicate key, or a limit exceeded (nesting, a number's length,
            a number too large, a character no output can carry).
    """
    limits = limits or get_limits()
    if not positions:
        items: dict[str, array[int]] = {}
        try:
            data = _fast(text, limits, items, split=helpers_allowed()) if text.strip() else None
            return Parsed(data=data, items=items)
        except _Fallback:
            pass  # read again below, to report the problem where it lies
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def where(pos: int) -> tuple[int, int]:
        line = bisect.bisect_right(line_starts, pos)
        return (line, pos - line_starts[line - 1] + 1)

    parsed = Parsed(data=None)
    problems: list[Problem] = []

    def skip(pos: int) -> int:
        match = _WS.match(text, pos)
        return match.end() if match else pos

    def value(pos: int, loc: Loc, depth: int) -> tuple[Any, int]:
        pos = skip(pos)
        parsed.values[loc] = where(pos)
        if depth > limits.max_depth:
            raise _JsonSyntax(f"nesting deeper than {limits.max_depth} levels", pos)
        char = text[pos : pos + 1]
        if char == "{":
            return obj(pos + 1, loc, depth)
        if char == "[":
            return arr(pos + 1, loc, depth)
        if char == '"':
            return string(pos)
        for literal, result in (("true", True), ("false", False), ("null", None)):
            if text.startswith(literal, pos):
                return result, pos + len(literal)
        match = _NUMBER.match(text, pos)
        if match and match.end() > pos:
            token = match.group()
            if len(token) > limits.max_number_digits:
                too_long = f"a number of {len(token)} characters is longer than the limit"
                raise _JsonSyntax(f"{too_long} of {limits.max_number_digits}", pos)
            number: Any = float(token) if match.group(1) or match.group(2) else int(token)
            if isinstance(number, float) and not math.isfinite(number):
                raise _JsonSyntax("a number too large to represent", pos)
            return number, match.end()
        if not char:
            raise _JsonSyntax("unexpected end of file, expected a value", pos)
        raise _JsonSyntax(f"expected a value, found {char!r}", pos)

    def string(pos: int) -> tuple[str, int]:
        try:
            found, end = _scanstring(text, pos + 1, True)
        except json.JSONDecodeError as err:
            raise _JsonSyntax(err.msg.lower(), err.pos) from None
        bad = bad_character(found)
        if bad is not None:
            raise _JsonSyntax(f"the text holds a {bad}, which argmap cannot write out", pos)
        return found, end

    def obj(pos: int, loc: Loc, depth: int) -> tuple[dict[str, Any], int]:
        out: dict[str, Any] = {}
        pos = skip(pos)
        if text[pos : pos + 1] == "}":
            return out, pos + 1
        while True:
            pos = skip(pos)
            if text[pos : pos + 1] != '"':
                raise _JsonSyntax("expected a key in double quotes", pos)
            key_pos = pos
            key, pos = string(pos)
            pos = skip(pos)
            if text[pos : pos + 1] != ":":
                raise _JsonSyntax("expected ':' after the key", pos)
            item, pos = value(pos + 1, (*loc, key), depth + 1)
            if key in out:
                problems.append(Problem(f"duplicate key {key!r} in this object", path, *where(key_pos)))
            else:
                parsed.keys[(*loc, key)] = where(key_pos)
                out[key] = item
            pos = skip(pos)
            char = text[pos : pos + 1]
            if char == "}":
                return out, pos + 1
            if char != ",":
                raise _JsonSyntax("expected ',' or '}' after a value in an object", pos)
            pos += 1

    def arr(pos: int, loc: Loc, depth: int) -> tuple[list[Any], int]:
        out: list[Any] = []
        pos = skip(pos)
        if text[pos : pos + 1] == "]":
            return out, pos + 1
        while True:
            item, pos = value(pos, (*loc, len(out)), depth + 1)
            out.append(item)
            pos = skip(pos)
            char = text[pos : pos + 1]
            if char == "]":
                return out, pos + 1
            if char != ",":
                raise _JsonSyntax("expected ',' or ']' after a value in an array", pos)
            pos += 1

    try:
        if not text.strip():
            parsed.data = None
            return parsed
        parsed.data, end = value(0, (), 0)
        end = skip(end)
        if end != len(text):
            raise _JsonSyntax("extra data after the top-level value", end)
    except _JsonSyntax as err:
        problems.insert(0, Problem(f"JSON syntax error: {err.message}", path, *where(err.pos)))
    if problems:
        raise LoadError(problems)
    return parsed
