r"""Parse YAML and JSON into plain data while keeping the position of every value.

Both parsers return a :class:`Parsed`: the data (dicts, lists, str, int,
float, bool, None) and, for every path into it, the 1-based line and column
where the value starts (and, for mapping entries, where the key starts).
Syntax errors, duplicate keys and undecodable bytes become located
:class:`~argmap.errors.Problem` records raised in one
:class:`~argmap.errors.LoadError`.

Examples:
    >>> p = parse_json('{"a": [1, {"b": true}]}', path="x.json")
    >>> p.data
    {'a': [1, {'b': True}]}
    >>> p.values[("a", 1, "b")]
    (1, 17)
    >>> parse_yaml("a:\n  - 1\n  - b: yes\n", path="x.yaml").values[("a", 1, "b")]
    (3, 8)
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from argmap.errors import LoadError, Problem
from argmap.locations import Loc, Parsed

__all__ = ["Loc", "Parsed", "decode", "parse_json", "parse_yaml"]


def decode(raw: bytes, path: str) -> str:
    r"""Decode a file's bytes as UTF-8 (a leading BOM is dropped).

    Raises:
        LoadError: the bytes are not UTF-8, located at the first bad byte.

    Examples:
        >>> decode(b"ok\n\xff", "f.yaml")
        Traceback (most recent call last):
        ...
        argmap.errors.LoadError: f.yaml:2:1: file is not valid UTF-8 (byte 0xff)
    """
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        before = raw[: err.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        bad = raw[err.start : err.start + 1].hex()
        raise LoadError(
            [Problem(f"file is not valid UTF-8 (byte 0x{bad})", path=path, line=line, column=column)]
        ) from None


# -- YAML -------------------------------------------------------------------

_SCALAR_TAGS = {
    "tag:yaml.org,2002:null": "construct_yaml_null",
    "tag:yaml.org,2002:bool": "construct_yaml_bool",
    "tag:yaml.org,2002:int": "construct_yaml_int",
    "tag:yaml.org,2002:float": "construct_yaml_float",
}
_PLAIN_TAGS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"}
_NULL_TAG = "tag:yaml.org,2002:null"
_MAX_DEPTH = 200


def _mark(node: Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def parse_yaml(text: str, path: str, *, as_text: bool = False) -> Parsed:
    r"""Parse one YAML document safely (no arbitrary tags, no object construction).

    Timestamps stay strings; anchors and aliases are expanded; duplicate keys
    are errors.

    Args:
        text: The YAML text.
        path: The file's name, for problems.
        as_text: Keep every scalar, keys included, as the text written
            (``1:`` and ``yes`` stay ``'1'`` and ``'yes'``; a plain empty
            value is None), as a students' answers file wants.

    Raises:
        LoadError: a syntax error, several documents, an unsupported tag,
            a non-string key (a key that is a list or mapping, with
            ``as_text``) or a duplicate key.

    Examples:
        >>> parse_yaml("1: yes\n2:\n", "a.yaml", as_text=True).data
        {'1': 'yes', '2': None}
    """
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        what = err.problem or err.context or "invalid YAML"
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise LoadError(
            [Problem(f"YAML syntax error: {what}", path=path, line=line, column=column)]
        ) from None
    except yaml.YAMLError as err:
        raise LoadError([Problem(f"YAML error: {err}", path=path)]) from None
    parsed = Parsed(data=None)
    problems: list[Problem] = []
    constructor = SafeConstructor()

    def convert(node: Node, loc: Loc, depth: int) -> Any:
        parsed.values[loc] = _mark(node)
        if depth > _MAX_DEPTH:
            problems.append(Problem("nesting too deep (recursive alias?)", path, *_mark(node)))
            return None
        if isinstance(node, ScalarNode):
            if as_text:
                # A plain empty value (or ~, null) is "nothing"; a quoted one is text.
                return None if node.tag == _NULL_TAG and node.style is None else node.value
            if node.tag in _PLAIN_TAGS:
                return node.value
            method = _SCALAR_TAGS.get(node.tag)
            if method is None:
                problems.append(Problem(f"unsupported YAML tag {node.tag!r}", path, *_mark(node)))
                return node.value
            return getattr(constructor, method)(node)
        if isinstance(node, SequenceNode):
            return [convert(item, (*loc, i), depth + 1) for i, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, ScalarNode):
                    message = "a key must be a plain value, not a list or mapping"
                    problems.append(Problem(message, path, *_mark(key_node)))
                    continue
                if key_node.tag not in _PLAIN_TAGS and not as_text:
                    problems.append(Problem("mapping keys must be plain strings", path, *_mark(key_node)))
                    continue
                key = key_node.value
                if key in out:
                    problems.append(Problem(f"duplicate key {key!r} in this mapping", path, *_mark(key_node)))
                    continue
                parsed.keys[(*loc, key)] = _mark(key_node)
                out[key] = convert(value_node, (*loc, key), depth + 1)
            return out
        problems.append(Problem("unsupported YAML node", path, *_mark(node)))  # pragma: no cover
        return None

    if root is not None:
        parsed.data = convert(root, (), 0)
    if problems:
        raise LoadError(problems)
    return parsed


# -- JSON -------------------------------------------------------------------

_scanstring: Callable[[str, int, bool], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?")
_WS = re.compile(r"[ \t\n\r]*")


class _JsonSyntax(Exception):
    def __init__(self, message: str, pos: int) -> None:
        super().__init__(message)
        self.message, self.pos = message, pos


def parse_json(text: str, path: str) -> Parsed:
    """Parse strict JSON (RFC 8259), keeping positions; duplicate keys are errors.

    Raises:
        LoadError: a syntax error (located at the offending character) or a
            duplicate key.
    """
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
        if depth > _MAX_DEPTH:
            raise _JsonSyntax("nesting too deep", pos)
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
            number: Any = float(token) if match.group(1) or match.group(2) else int(token)
            return number, match.end()
        if not char:
            raise _JsonSyntax("unexpected end of file, expected a value", pos)
        raise _JsonSyntax(f"expected a value, found {char!r}", pos)

    def string(pos: int) -> tuple[str, int]:
        try:
            return _scanstring(text, pos + 1, True)
        except json.JSONDecodeError as err:
            raise _JsonSyntax(err.msg.lower(), err.pos) from None

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
