r"""Lines and blocks of an Argdown document: front matter, comments blanked out, blocks split at empty lines.

Examples:
    >>> blocks = list(_scan(["[A]: a // note", "", "/* gone */", "[B]: b"], 0))
    >>> [[line.text.rstrip() for line in block] for block in blocks]
    [['[A]: a'], ['', '[B]: b']]
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml

from argmap.errors import LoadError, Problem
from argmap.io.argdown.inline import _LINK_RE, _DataScan, _scan_data
from argmap.io.argdown.tree import _Syntax
from argmap.io.located import parse_yaml

__all__: list[str] = []

_FRONT_RE = re.compile(r"[ \t]*===+[ \t]*")
_JSON = json.JSONDecoder()
_SCAN_NEXT = re.compile(r"[\\/<\[{]")


@dataclass
class _Line:
    number: int
    text: str
    in_data: bool  # the line starts inside {...} data begun on an earlier line


def _scan(lines: list[str], first: int) -> Iterator[list[_Line]]:
    r"""Blank out comments and yield blocks of lines separated by empty lines.

    Each line is read in jumps from one character that may matter (``\\ / <
    [ {``) to the next; a line is copied only when a comment is blanked in it.
    """
    state = "text"  # or "block" (in /* */), "html" (in <!-- -->), "data" (in {...})
    data = _DataScan([])
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
        out: list[str] | None = None  # the line with comments blanked, once there is one
        i, size = 0, len(raw)
        while i < size:
            if state in ("block", "html"):
                end = "*/" if state == "block" else "-->"
                found = raw.find(end, i)
                stop = size if found < 0 else found + len(end)
                if out is None:
                    out = list(raw)
                out[i:stop] = " " * (stop - i)
                i = stop
                if found >= 0:
                    state = "text"
                continue
            if state == "data":
                closing = _scan_data(raw, i, data, doubled_quotes=False)
                if closing < 0:
                    break
                state, i = "text", closing + 1
                continue
            special = _SCAN_NEXT.search(raw, i)
            if special is None:
                break
            i = special.start()
            char = raw[i]
            if char == "\\":
                i += 2
                continue
            if raw.startswith("//", i):
                if out is None:
                    out = list(raw)
                out[i:] = " " * (size - i)
                break
            if raw.startswith("/*", i) or raw.startswith("<!--", i):
                state = "block" if char == "/" else "html"
                opened = (number, i + 1)
                width = 2 if char == "/" else 4
                if out is None:
                    out = list(raw)
                out[i : i + width] = " " * width
                i += width
                continue
            if char == "[":
                link = _LINK_RE.match(raw, i)
                if link:
                    i = link.end()
                    continue
            if char == "{":
                try:  # one-line JSON data, as argmap writes it, ends where the decoder stops
                    i = _JSON.raw_decode(raw, i)[1]
                    continue
                except (ValueError, RecursionError):
                    state, data = "data", _DataScan(["{"])
                    opened = (number, i + 1)
            i += 1
        block.append(_Line(number, raw if out is None else "".join(out), starts_in == "data"))
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
            except yaml.YAMLError as err:
                message = f"front matter is not valid YAML: {_yaml_reason(err)}"
                raise LoadError([Problem(message, path, first + 2, 1)]) from None
            if parsed.data is None:
                return {}, end + 1, (first + 1, 1)
            if not isinstance(parsed.data, dict):
                message = "front matter must be a YAML mapping (title: ..., author: ...)"
                raise LoadError([Problem(message, path, first + 2, 1)])
            return parsed.data, end + 1, (first + 1, 1)
    raise LoadError(
        [Problem("front matter opened with '===' is never closed with '==='", path, first + 1, 1)]
    )


def _yaml_reason(err: yaml.YAMLError) -> str:
    """A YAML error in one line of plain words."""
    if isinstance(err, yaml.reader.ReaderError):
        return f"character #x{err.character:04x} is not allowed"
    return " ".join(str(err).split())
