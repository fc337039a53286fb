r"""A fast reader for the plain subset of YAML that maps are mostly written in.

Most map files, argmap's own output included, use one small part of YAML:
block mappings and lists, keys that are plain words, plain or quoted
scalars (long ones wrapped onto indented lines) and ``[]`` or ``{}``. This
module reads exactly that part, a line at a time, several times faster than
the event stream of libyaml, and gives the same data that
:func:`argmap.io.yaml_.parse_yaml` gives, with the positions of the items of
the top-level lists (:attr:`~argmap.locations.Parsed.items`).

It never reports a problem: on anything outside that part (flow
collections, anchors, tags, block scalars, escapes, comments after a value,
a duplicate key, a tab, a limit reached...) it answers None and the full
reader reads the file, with its located messages. A scalar's type is
decided by the full reader's own rules (YAML 1.1's, as PyYAML resolves
them), so ``yes`` is true and ``1_000`` a thousand here too.

Examples:
    >>> def words(value):  # the full reader resolves scalars; here, a stand-in
    ...     return int(value) if value.isdigit() else value
    >>> read_block("a: 1\nb:\n  - x\n  - k: 'it''s'\n", words, max_depth=10)
    ({'a': 1, 'b': ['x', {'k': "it's"}]}, {'b': [3, 5, 4, 5]})
    >>> read_block("a: {x: 1}\n", words, max_depth=10) is None
    True
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from argmap._perf import Forked

__all__ = ["SPLIT_FROM_LINES", "read_block"]

# From this many lines, ``split=True`` reads the second half of the list at the file's middle in a
# helper process: below, forking and sending the items back cost about what they save.
SPLIT_FROM_LINES = 100_000

# A key: a plain word, then ':' and either the end of the line or a space and the value.
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_.\-]*):(?: +(.*))?$")
# What cannot start a plain scalar here (YAML's indicators), or makes the value something else.
_NOT_PLAIN_FIRST = frozenset("&*!|>%@`[]{},?:#'\"")


# What the line reader leaves to the event reader: control characters but the line feed (tabs and
# carriage returns too), YAML 1.1's other line breaks (U+0085, U+2028, U+2029), surrogates, the
# byte order mark and the non-characters U+FFFE and U+FFFF.
_UNUSUAL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")


class _Outside(Exception):
    """The text leaves the subset: the full reader must read it."""


def read_block(
    text: str, resolve: Callable[[str], Any], *, max_depth: int, split: bool = False
) -> tuple[Any, dict[str, list[int]]] | None:
    """The data of ``text`` and the flat (line, column) list of each top-level list's items, or None.

    Args:
        text: The YAML text.
        resolve: The value of a plain scalar (the full reader's rules); it
            raises ValueError for one the full reader would refuse.
        max_depth: The deepest nesting the full reader allows.
        split: Read the second half of a long file's middle list in a
            forked helper process while this one reads the rest (the
            caller says it is safe: :func:`argmap._perf.helpers_allowed`).
            The result is the same; a helper that fails leaves its part to
            this process.

    None means the text is not (only) in the subset this reader knows, or
    breaks a rule or limit: read it with the full reader, which says what
    is wrong, where.
    """
    try:
        return _Reader(text, resolve, max_depth).document(split)
    except (_Outside, ValueError):
        return None


class _Reader:
    __slots__ = ("contents", "helper", "indents", "items", "known", "max_depth", "n", "resolve", "split_at")

    def __init__(self, text: str, resolve: Callable[[str], Any], max_depth: int) -> None:
        if _UNUSUAL.search(text):
            raise _Outside  # tabs, other line ends, controls, byte order marks: the full reader's business
        lines = text.split("\n")
        # each line once: its text without the indentation (and without spaces at its end), its indentation
        contents = [line.lstrip(" ") for line in lines]
        self.indents = [len(line) - len(content) for line, content in zip(lines, contents, strict=True)]
        if " \n" in text or text.endswith(" "):
            contents = [content.rstrip(" ") for content in contents]
        self.contents = contents
        self.n = len(lines)
        self.resolve = resolve
        self.max_depth = max_depth
        self.items: dict[str, list[int]] = {}
        self.known: set[str] = set()  # keys found to be plain words
        self.split_at = -1  # the line from which a helper reads the rest of a list
        self.helper: Forked | None = None

    def next_line(self, i: int) -> int:
        """The index of the first line from ``i`` on that holds something (``n`` at the end)."""
        contents, n = self.contents, self.n
        while i < n:
            content = contents[i]
            if content and content[0] != "#":
                if content.startswith(("---", "...", "%")) and not self.indents[i]:
                    raise _Outside  # document markers and directives
                return i
            i += 1
        return i

    # -- structure ---------------------------------------------------------

    def document(self, split: bool = False) -> tuple[Any, dict[str, list[int]]]:
        i = self.next_line(0)
        if i == self.n or self.indents[i] != 0:
            raise _Outside
        content = self.contents[i]
        if content.startswith("- ") or content == "-":
            raise _Outside  # a map file is a mapping
        if split and self.n >= SPLIT_FROM_LINES:
            self.fork_rest()
        try:
            data, i = self.mapping(i, 0, content, 1, top=True)
        finally:
            if self.helper is not None:
                self.helper.cancel()  # its part was never reached (this process left the subset first)
        if self.next_line(i) != self.n:
            raise _Outside
        return data, self.items

    def fork_rest(self) -> None:
        """Start a helper on the second half of the top-level list that holds the middle line, if one does.

        The helper reads from an item's first line to the end of the list,
        exactly as :meth:`sequence` would here, and sends the items, their
        places and the line after the list.
        """
        contents, indents, n = self.contents, self.indents, self.n
        middle = n * 9 // 20  # a little before the middle: this process also takes in what the helper sends
        k = middle  # the top-level key above the middle
        while k >= 0 and (indents[k] or not contents[k] or contents[k][0] in "#-"):
            k -= 1
        match = _KEY.match(contents[k]) if k >= 0 else None
        if match is None or match.group(2):
            return
        first = self.next_line(k + 1)
        if first == n or not contents[first].startswith("- "):
            return
        indent, at = indents[first], max(middle, first + 1)
        while at < n:  # the first item that starts at or after the middle, in this list
            content = contents[at]
            if content and content[0] != "#":
                if indents[at] < indent or (indents[at] == indent and not content.startswith("- ")):
                    return  # the list ends before the middle
                if indents[at] == indent:
                    break
            at += 1
        if at == n:
            return
        key = match.group(1)

        def rest() -> tuple[list[Any], int, list[int]]:
            items, end = self.sequence(at, indent, 2, key)
            return items, end, self.items[key]

        helper = Forked(rest)  # forked before split_at is set: the helper reads its part to the end itself
        self.split_at, self.helper = at, helper

    def rest_of_list(self) -> tuple[list[Any], int, list[int]] | None:
        """The items the helper read, the line after them and their places; None if it failed."""
        assert self.helper is not None
        sent, self.helper, self.split_at = self.helper.result(), None, -1
        if sent is None:
            return None
        items, end, marks = sent
        return items, end, marks

    def mapping(
        self, i: int, indent: int, content: str, depth: int, top: bool = False
    ) -> tuple[dict[str, Any], int]:
        """The mapping whose first key is ``content`` on line ``i``, at column ``indent``."""
        if depth >= self.max_depth:
            raise _Outside
        out: dict[str, Any] = {}
        contents, indents, n, known = self.contents, self.indents, self.n, self.known
        key_match = _KEY.match
        while True:
            match = key_match(content)
            if match is None:
                raise _Outside
            key, rest = match.group(1, 2)
            if key not in known:
                if self.resolve(key) is not key:
                    raise _Outside  # a word YAML reads as something else (yes, null)
                known.add(key)
            if key in out:
                raise _Outside  # the full reader says where the duplicate is
            if rest:
                out[key], i = self.scalar(rest, i, indent, depth + 1)
            else:
                j = self.next_line(i + 1)
                below = indents[j] if j < n else -1
                if below > indent:
                    out[key], i = self.block(j, below, depth + 1, key if top else None)
                elif below == indent and contents[j].startswith("- "):
                    out[key], i = self.sequence(j, indent, depth + 1, key if top else None)
                else:
                    out[key], i = None, i + 1
            if i >= n or not contents[i] or contents[i][0] == "#":  # (usually the next line holds something)
                i = self.next_line(i)
                if i == n:
                    return out, i
            at = indents[i]
            if at < indent:
                return out, i
            if at > indent:
                raise _Outside
            content = contents[i]

    def block(self, i: int, indent: int, depth: int, top: str | None = None) -> tuple[Any, int]:
        """A mapping or list that starts on line ``i`` (a line of its own) at column ``indent``."""
        content = self.contents[i]
        if content.startswith("- ") or content == "-":
            return self.sequence(i, indent, depth, top)
        return self.mapping(i, indent, content, depth)

    def sequence(self, i: int, indent: int, depth: int, top: str | None) -> tuple[list[Any], int]:
        """The list whose first ``- `` is on line ``i`` at column ``indent``.

        ``top`` is the key of a top-level list, whose items' places are kept.
        """
        if depth >= self.max_depth:
            raise _Outside
        out: list[Any] = []
        marks: list[int] = []
        contents, indents, n = self.contents, self.indents, self.n
        key_match = _KEY.match
        while True:
            if i == self.split_at:
                sent = self.rest_of_list()
                if sent is not None:  # else this process reads on
                    items, i, places = sent
                    out.extend(items)
                    marks.extend(places)
                    break
            content = contents[i]
            if not content.startswith("- "):
                break  # a key at the list's own column: the list was its value
            rest = content[2:]
            if not rest or rest[0] == " " or rest.startswith("- ") or rest == "-":
                raise _Outside  # an item on the lines below, or a list in a list
            if top is not None:
                marks.append(i + 1)
                marks.append(indent + 3)
            if key_match(rest):
                item, i = self.mapping(i, indent + 2, rest, depth + 1)
            else:
                item, i = self.scalar(rest, i, indent, depth + 1)
            out.append(item)
            if i >= n or not contents[i] or contents[i][0] == "#":
                i = self.next_line(i)
                if i == n:
                    break
            if indents[i] < indent:
                break
            if indents[i] > indent:
                raise _Outside
        if top is not None:
            self.items[top] = marks
        return out, i

    # -- scalars -----------------------------------------------------------

    def scalar(self, first: str, i: int, indent: int, depth: int) -> tuple[Any, int]:
        """The scalar that starts with ``first`` on line ``i``, in a block at column ``indent``.

        Returns it and the index of the line after it. Its continuation lines
        are those indented past ``indent``.
        """
        if depth >= self.max_depth:
            raise _Outside
        head = first[0]
        if head in _NOT_PLAIN_FIRST:
            if head in "'\"":
                return self.quoted(first, i, indent)
            if first == "[]":
                return [], i + 1
            if first == "{}":
                return {}, i + 1
            raise _Outside
        if head == "-" and (first == "-" or first[1] == " "):
            raise _Outside
        if ": " in first or " #" in first or first[-1] == ":":
            raise _Outside  # a key, a comment, or a colon YAML would read otherwise
        i += 1
        contents, indents = self.contents, self.indents
        if i < self.n and indents[i] > indent and contents[i]:
            parts = [first]  # wrapped onto the lines below
            while i < self.n and indents[i] > indent and contents[i]:
                part = contents[i]
                if ": " in part or " #" in part or part[-1] == ":" or part[0] == "#":
                    raise _Outside
                parts.append(part)
                i += 1
            first = " ".join(parts)
        if i < self.n and not contents[i]:
            j = self.next_line(i)
            if j < self.n and indents[j] > indent:
                raise _Outside  # a blank line inside a wrapped value is a line break in it
        return self.resolve(first), i

    def quoted(self, first: str, i: int, indent: int) -> tuple[str, int]:
        """A quoted scalar (single quotes, or double quotes without escapes), over one line or more."""
        quote = first[0]
        text = first[1:]
        pieces: list[str] = []
        while True:
            end = _closing(text, quote)
            if end >= 0:
                if text[end + 1 :].strip(" "):
                    raise _Outside  # something after the closing quote (a comment, say)
                pieces.append(text[:end] if not pieces else text[:end].lstrip(" "))
                break
            pieces.append(text.rstrip(" ") if not pieces else text.strip(" "))
            i += 1
            if i == self.n or not self.contents[i] or self.indents[i] <= indent:
                raise _Outside  # a blank line (a line break in the text) or a badly indented one
            text = self.contents[i]
        value = " ".join(pieces)
        if quote == '"' and "\\" in value:
            raise _Outside  # escapes: the full reader decodes them
        return (value.replace("''", "'") if quote == "'" else value), i + 1


def _closing(text: str, quote: str) -> int:
    """The index of the quote that closes a quoted scalar in ``text``, or -1."""
    start = 0
    while True:
        at = text.find(quote, start)
        if at < 0:
            return -1
        if quote == "'" and text.startswith("''", at):
            start = at + 2
            continue
        return at
