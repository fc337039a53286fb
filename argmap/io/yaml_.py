r"""YAML into plain data, safely, in bounded time and memory, with positions when asked.

The text is read as a stream of parser events (libyaml's C parser when it is
installed, PyYAML's own otherwise) and the data is built from them in one
iterative pass: no Python objects are constructed from tags, nesting cannot
exhaust the stack, and the limits of :mod:`argmap.io.limits` are kept while
reading. With ``positions=True`` the 1-based line and column of every value
(and of every mapping key) is kept; without, loading is faster and lighter:
only the items of the top-level lists (a map's elements) keep their line and
column, compactly (:attr:`~argmap.locations.Parsed.items`), and the other
positions can be had later by reading again.

Examples:
    >>> p = parse_yaml("a:\n  - 1\n  - b: yes\n", path="x.yaml")
    >>> p.data
    {'a': [1, {'b': True}]}
    >>> p.values[("a", 1, "b")]
    (3, 8)
    >>> parse_yaml("a: &x [1, 2]\nb: *x\n", path="x.yaml", positions=False).data
    {'a': [1, 2], 'b': [1, 2]}
    >>> parse_yaml("a:\n  - 1\n  - b: yes\n", path="x.yaml", positions=False).items["a"].tolist()
    [2, 5, 3, 5]
"""

from __future__ import annotations

import re
from array import array
from functools import partial
from typing import Any

import yaml
from yaml import events as ev
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode

from argmap._perf import helpers_allowed
from argmap.errors import LoadError, Problem
from argmap.io.limits import Limits, bad_character, get_limits
from argmap.io.yaml_block import read_block
from argmap.locations import Loc, Parsed, lines_and_columns

__all__ = ["parse_yaml"]

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVER: Any = yaml.resolver.Resolver()
_CONSTRUCTOR = SafeConstructor()
_SCALAR_TAGS = {
    "tag:yaml.org,2002:null": "construct_yaml_null",
    "tag:yaml.org,2002:bool": "construct_yaml_bool",
    "tag:yaml.org,2002:int": "construct_yaml_int",
    "tag:yaml.org,2002:float": "construct_yaml_float",
}
_STR = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_BREAKS = re.compile("[\x85\u2028\u2029]")
_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
_PLAIN_TAGS = {_STR, "tag:yaml.org,2002:timestamp"}
_NULL_TAG = "tag:yaml.org,2002:null"
_MAP_TAGS = {None, "!", "tag:yaml.org,2002:map"}
# PyYAML's implicit resolvers by a plain scalar's first character (its Resolver.resolve, without the calls)
_WILDCARD: list[tuple[str, Any]] = list(_RESOLVER.yaml_implicit_resolvers.get(None, []))
_BY_FIRST: dict[str, list[tuple[str, Any]]] = {
    first: [*found, *_WILDCARD]
    for first, found in _RESOLVER.yaml_implicit_resolvers.items()
    if first is not None
}
assert not _RESOLVER.yaml_path_resolvers  # else the tag could depend on the path too
_SEQ_TAGS = {None, "!", "tag:yaml.org,2002:seq"}
# A plain scalar that starts with a letter is typed only if it is one of YAML 1.1's words for
# true, false and null ("false" is the longest); test_yaml_block checks this against the resolvers.
_LONGEST_WORD = 5
_IMPLICIT = (True, False)  # how a plain scalar is marked: its type is to be resolved


class _Stop(Exception):
    """A problem after which the rest of the file cannot be read sensibly."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


class _Frame:
    """An open mapping or sequence while its events arrive."""

    __slots__ = ("anchor", "container", "key", "key_mark", "loc", "mapping", "size", "skip", "start")

    def __init__(self, container: Any, loc: Loc, anchor: str | None, start: Any) -> None:
        self.start = start  # the event that opened it
        self.container = container
        self.loc = loc
        self.anchor = anchor
        self.mapping = isinstance(container, dict)
        self.key: Any = _NO_KEY
        self.key_mark: tuple[int, int] = (0, 0)
        self.size = 1
        self.skip = False  # the value of a key that was refused: read it, keep nothing


_NO_KEY = object()


def _mark(event: Any) -> tuple[int, int]:
    return (event.start_mark.line + 1, event.start_mark.column + 1)


def parse_yaml(
    text: str, path: str, *, as_text: bool = False, positions: bool = True, limits: Limits | None = None
) -> Parsed:
    r"""Parse one YAML document safely (no arbitrary tags, no object construction).

    Timestamps stay strings; anchors and aliases are expanded (within the
    limits); duplicate keys are errors.

    Args:
        text: The YAML text.
        path: The file's name, for problems.
        as_text: Keep every scalar, keys included, as the text written
            (``1:`` and ``yes`` stay ``'1'`` and ``'yes'``; a plain empty
            value is None), as a students' answers file wants.
        positions: Keep the line and column of every value and key.
        limits: The bounds to keep (the readers' default when None).

    Raises:
        LoadError: a syntax error, several documents, an unsupported tag,
            a non-string key (a key that is a list or mapping, with
            ``as_text``), a duplicate key, or a limit exceeded; located.

    Examples:
        >>> parse_yaml("1: yes\n2:\n", "a.yaml", as_text=True).data
        {'1': 'yes', '2': None}
        >>> parse_yaml("a: [1, 2]\na: 3\n", "a.yaml")
        Traceback (most recent call last):
        ...
        argmap.errors.LoadError: a.yaml:2:1: duplicate key 'a' in this mapping
    """
    limits = limits or get_limits()
    if not positions and not as_text and bad_character(text) is None:
        # most files are plain block YAML: read them a line at a time, else as events below
        fast = read_block(
            text,
            partial(_plain, limits.max_number_digits),
            max_depth=limits.max_depth,
            split=helpers_allowed(),
        )
        if fast is not None:
            data, marks = fast
            return Parsed(data=data, items={key: array("i", found) for key, found in marks.items()})
    parsed = Parsed(data=None)
    problems: list[Problem] = []
    try:
        try:
            _read(text, path, as_text, positions, limits, parsed, problems, _LOADER)
        except yaml.YAMLError as first:
            if _LOADER is yaml.SafeLoader:
                raise
            # PyYAML's own parser words syntax errors better than libyaml: read again with it
            parsed, problems = Parsed(data=None), []
            try:
                _read(text, path, as_text, positions, limits, parsed, problems, yaml.SafeLoader)
            except (ValueError, OverflowError):  # PyYAML's parser fails on some escapes libyaml reports
                raise first from None
    except _Stop as stop:
        problems.append(stop.problem)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        what = plain_syntax_error(err.problem or err.context or "invalid YAML")
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        if mark and _BREAKS.search(text, 0, mark.index):
            # YAML 1.1 counts U+0085, U+2028 and U+2029 as line breaks; an editor does not
            line, column = lines_and_columns(text, [mark.index])
        problems.append(Problem(f"YAML syntax error: {what}", path=path, line=line, column=column))
    except yaml.reader.ReaderError as err:  # a character YAML does not allow, at a character offset
        line, column = lines_and_columns(text, [err.position]) if isinstance(text, str) else (None, None)
        code = err.character if isinstance(err.character, int) else ord(err.character)
        problems.append(
            Problem(
                f"character U+{code:04X} is not allowed in a YAML file (is it a text file?)",
                path=path,
                line=line,
                column=column,
            )
        )
    except yaml.YAMLError as err:
        problems.append(Problem(f"YAML error: {err}", path=path))
    except UnicodeEncodeError as err:  # a lone surrogate, which libyaml cannot take in
        line, column = lines_and_columns(text, [err.start])
        code = ord(text[err.start])
        message = f"the text holds a lone surrogate U+{code:04X}, which argmap cannot write out"
        problems.append(Problem(message, path=path, line=line, column=column))
    if problems:
        raise LoadError(problems)
    return parsed


def _resolve(value: str, implicit: tuple[bool, bool]) -> str:
    """The tag of an untagged scalar, as PyYAML's resolver gives it."""
    first = value[:1]
    # a plain word longer than any of YAML's typed words is text: no resolver to ask
    if implicit[0] and not (first.isalpha() and len(value) > _LONGEST_WORD):
        for tag, regexp in _BY_FIRST.get(first, _WILDCARD):
            if regexp.match(value):
                return tag
    return _STR


def _plain(max_digits: int, value: str) -> Any:
    """The value of an untagged plain scalar, as :func:`_scalar` gives it.

    Raises:
        ValueError: a scalar the event reader refuses (a number too long, or
            a tag it does not support): that reader reports it, located.
    """
    tag = _resolve(value, _IMPLICIT)
    if tag in _PLAIN_TAGS:
        return value
    method = _SCALAR_TAGS.get(tag)
    if method is None or (tag in _NUMBER_TAGS and len(value) > max_digits):
        raise ValueError(value)
    return getattr(_CONSTRUCTOR, method)(ScalarNode(tag, value))


def _scalar(
    event: Any, as_text: bool, limits: Limits, path: str, problems: list[Problem], check_all: bool
) -> Any:
    """The value of a scalar event.

    Its text is checked for characters no output can carry when ``check_all``
    (the file holds such a character) or when escapes could have made one
    (double quotes).
    """
    value: str = event.value
    if as_text:
        # A plain empty value (or ~, null) is "nothing"; a quoted one is text.
        if not event.style and event.tag in (None, "!", _NULL_TAG):
            if _resolve(value, event.implicit) == _NULL_TAG:
                return None
        return _checked_text(value, event, path) if check_all or event.style == '"' else value
    tag = event.tag
    if tag is None or tag == "!":
        tag = _STR if tag == "!" else _resolve(value, event.implicit)
    if tag in _PLAIN_TAGS:
        return _checked_text(value, event, path) if check_all or event.style == '"' else value
    method = _SCALAR_TAGS.get(tag)
    if method is None:
        unsupported = (
            "a merge key (<<) is not supported here: write the keys out"
            if tag == _MERGE_TAG
            else f"unsupported YAML tag {tag!r}"
        )
        problems.append(Problem(unsupported, path, *_mark(event)))
        return value
    if tag in _NUMBER_TAGS and len(value) > limits.max_number_digits:
        raise _Stop(
            Problem(
                f"a number of {len(value)} characters is longer than the limit of {limits.max_number_digits}",
                path,
                *_mark(event),
            )
        )
    return getattr(_CONSTRUCTOR, method)(ScalarNode(tag, value))


def _checked_text(value: str, event: Any, path: str) -> str:
    bad = bad_character(value)
    if bad is not None:
        raise _Stop(Problem(f"the text holds a {bad}, which argmap cannot write out", path, *_mark(event)))
    return value


def _read(
    text: str,
    path: str,
    as_text: bool,
    positions: bool,
    limits: Limits,
    parsed: Parsed,
    problems: list[Problem],
    loader: Any,
) -> None:
    stack: list[_Frame] = []
    anchors: dict[str, tuple[Any, int] | None] = {}
    added = 0  # values added by aliases
    documents = 0
    values, keys, items = parsed.values, parsed.keys, parsed.items
    # Only double-quoted escapes can make a character that the text does not hold.
    check_all = bad_character(text) is not None

    def place(value: Any, event: Any, size: int) -> None:
        """Put a finished value where it belongs: the document root, a list, or a mapping's key or value."""
        if not stack:
            parsed.data = value
            return
        frame = stack[-1]
        frame.size += size
        if not frame.mapping:
            if positions:
                values[(*frame.loc, len(frame.container))] = _mark(event)
            elif len(stack) == 2 and len(frame.loc) == 1 and isinstance(frame.loc[0], str):
                # an item of a top-level list (a map's element): keep its position, compactly
                marks = items.get(frame.loc[0])
                if marks is None:
                    marks = items[frame.loc[0]] = array("i")
                mark = event.start_mark
                marks.append(mark.line + 1)
                marks.append(mark.column + 1)
            frame.container.append(value)
            return
        if frame.key is _NO_KEY:  # this value is a key
            if not isinstance(event, ev.ScalarEvent) or (not as_text and isinstance(value, dict | list)):
                problems.append(
                    Problem("a key must be a plain value, not a list or mapping", path, *_mark(event))
                )
                frame.key, frame.skip = None, True
            elif not as_text and not isinstance(value, str):
                problems.append(Problem("mapping keys must be plain strings", path, *_mark(event)))
                frame.key, frame.skip = None, True
            elif (event.value if as_text else value) in frame.container:
                problems.append(Problem(f"duplicate key {value!r} in this mapping", path, *_mark(event)))
                frame.key, frame.skip = None, True
            else:
                frame.key = event.value if as_text else value
                if positions:
                    frame.key_mark = _mark(event)
            return
        if not frame.skip:
            loc = (*frame.loc, frame.key)
            if positions:
                keys[loc] = frame.key_mark
                values[loc] = _mark(event)
            frame.container[frame.key] = value
        frame.key, frame.skip = _NO_KEY, False

    def child_loc() -> Loc:
        if not stack:
            return ()
        frame = stack[-1]
        if not frame.mapping:
            return (*frame.loc, len(frame.container))
        return (*frame.loc, frame.key) if frame.key is not _NO_KEY and frame.key is not None else frame.loc

    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, ev.ScalarEvent):
            value = _scalar(event, as_text, limits, path, problems, check_all)
            if event.anchor:
                anchors[event.anchor] = (value, 1)
            if not stack and positions:
                values[()] = _mark(event)
            place(value, event, 1)
        elif isinstance(event, ev.MappingStartEvent | ev.SequenceStartEvent):
            mapping = isinstance(event, ev.MappingStartEvent)
            if event.tag not in (_MAP_TAGS if mapping else _SEQ_TAGS):
                problems.append(Problem(f"unsupported YAML tag {event.tag!r}", path, *_mark(event)))
            if len(stack) >= limits.max_depth:
                raise _Stop(Problem(f"nesting deeper than {limits.max_depth} levels", path, *_mark(event)))
            loc = child_loc()
            if not stack and positions:
                values[()] = _mark(event)
            if event.anchor:
                anchors[event.anchor] = None  # open: an alias to it now would be recursive
            stack.append(_Frame({} if mapping else [], loc, event.anchor, event))
        elif isinstance(event, ev.MappingEndEvent | ev.SequenceEndEvent):
            frame = stack.pop()
            if frame.anchor:
                anchors[frame.anchor] = (frame.container, frame.size)
            place(frame.container, frame.start, frame.size)
        elif isinstance(event, ev.AliasEvent):
            if event.anchor not in anchors:
                raise _Stop(Problem(f"alias *{event.anchor} names no anchor", path, *_mark(event)))
            target = anchors[event.anchor]
            if target is None:
                raise _Stop(
                    Problem(f"alias *{event.anchor} refers to the value that holds it", path, *_mark(event))
                )
            value, size = target
            added += size
            if added > limits.max_alias_values:
                message = f"aliases expand to more than {limits.max_alias_values} values (the limit)"
                raise _Stop(Problem(message, path, *_mark(event)))
            place(value, event, size)
        elif isinstance(event, ev.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise _Stop(
                    Problem(
                        "the file holds several YAML documents; put one map per file", path, *_mark(event)
                    )
                )


# PyYAML's words for the commonest syntax errors, and what they mean to someone writing a map.
_PLAIN_SYNTAX = (
    (
        "expected <block end>, but found",
        "this line is indented differently from the lines above it at its level",
    ),
    (
        "mapping values are not allowed here",
        "a ':' where no key can start (quote a text that holds ': ', or indent less)",
    ),
    ("found unexpected end of stream", "the file ends inside a quoted text or an open bracket"),
    ("expected the node content, but found '<stream end>'", "the file ends where a value was expected"),
    (
        "that cannot start any token",
        "a tab or another character that cannot start a value (YAML indents with spaces)",
    ),
    (
        "could not find expected ':'",
        "a key without ':' after it (or an unquoted text that runs over several lines)",
    ),
    ("did not find expected key", "a line that is neither a key nor a list item at its level"),
    ("did not find expected '-' indicator", "a list item not lined up with the items above it"),
    (
        "found unknown escape character",
        "an unknown backslash escape in a double-quoted text (write \\\\ or use single quotes)",
    ),
    ("found undefined alias", "an alias (*name) with no anchor (&name) before it"),
)


def plain_syntax_error(problem: str) -> str:
    """PyYAML's description of a syntax error, in words a map's author understands.

    Examples:
        >>> plain_syntax_error("mapping values are not allowed here")
        "a ':' where no key can start (quote a text that holds ': ', or indent less)"
        >>> plain_syntax_error("something rare")
        'something rare'
    """
    for words, plain in _PLAIN_SYNTAX:
        if words in problem:
            return plain
    return problem
