"""Turn plain data into a model, reporting every problem at once, located.

This is argmap's one validation path. :func:`check_data` validates plain data
(as read from YAML or JSON) into any pydantic model class and translates
pydantic's errors into :class:`DataProblem` records that carry the path of
the offending value in the data and a message in plain words ("unknown field
'txt'; did you mean 'text'?"). :func:`locate_problems` adds the line and
column from the parsed file and names the element at fault (``claim 'c7'``).
Maps (:func:`validate`, :func:`validate_parsed`), exercise files, answer
files, :class:`~argmap.builder.MapBuilder` and
:func:`~argmap.io.networkx_.from_networkx` all go through these two functions, with one
limit on how many problems are reported (:data:`MAX_PROBLEMS`).

Examples:
    >>> validate({"id": "m", "title": "T", "nodes": [{"id": "a", "kind": "claim", "text": " "}]})
    Traceback (most recent call last):
    ...
    argmap.errors.MapError: claim 'a': text: must not be empty or blank
"""

from __future__ import annotations

import datetime
import difflib
import math
import re
import types
import typing
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ValidationError

from argmap import model as M
from argmap._perf import Forked, helpers_allowed, paused_gc
from argmap.errors import LoadError, MapError, Problem
from argmap.locations import Loc, Origin, Parsed, attach_origin
from argmap.references import fill_link_ids, find_reference_problems

__all__ = [
    "MAX_PROBLEMS",
    "DataProblem",
    "check_data",
    "describe_map_element",
    "locate_problems",
    "raise_problems",
    "validate",
    "validate_parsed",
]

MAX_PROBLEMS = 50

_GROUPS = {"nodes": "node", "links": "link", "sides": "side", "sources": "source"}

ModelT = TypeVar("ModelT", bound=BaseModel)
Describe = Callable[[Loc, Any], "str | None"]


@dataclass(frozen=True, slots=True)
class DataProblem:
    """A problem at a path into plain data, before it is located in a file.

    Attributes:
        loc: The path of keys and indexes to the offending value.
        message: What is wrong, in plain words.
        anchor: Where to point in the file: the value (None), its ``key``
            (an unknown field), or its ``parent`` (a missing field).
    """

    loc: Loc
    message: str
    anchor: Literal["key", "parent"] | None = None


def check_data(model: type[ModelT], data: Any) -> tuple[ModelT | None, list[DataProblem]]:
    """Validate ``data`` into ``model``: the value, or None and every problem found.

    Examples:
        >>> value, problems = check_data(M.Side, {"id": "s", "nmae": "S"})
        >>> value is None
        True
        >>> for p in problems:
        ...     print(p.loc, p.message)
        ('name',) missing required field 'name'
        ('nmae',) unknown field 'nmae'; did you mean 'name'?
    """
    try:
        with paused_gc():
            return model.model_validate(data), []
    except ValidationError as err:
        return None, _translate_all(model, err.errors(), data)


def locate_problems(
    problems: Sequence[DataProblem],
    data: Any,
    parsed: Parsed | None = None,
    path: str | None = None,
    *,
    describe: Describe | None = None,
) -> list[Problem]:
    """Turn data problems into :class:`~argmap.errors.Problem` records, sorted by position.

    ``parsed`` gives lines and columns (a problem without a position of its own
    takes that of the nearest enclosing value); ``describe`` names the element
    a path lies in (by default, a map's: ``claim 'c7'``). Duplicates are
    reported once.
    """
    describe = describe or describe_map_element
    found: dict[tuple[Any, ...], Problem] = {}
    for item in problems:
        line, column = _position(item, parsed) if parsed is not None else (None, None)
        problem = Problem(
            item.message, path=path, line=line, column=column, element=describe(item.loc, data), loc=item.loc
        )
        found.setdefault((line, column, problem.element, item.message), problem)
    return sorted(found.values(), key=lambda p: (p.line or 0, p.column or 0, p.message))


def raise_problems(problems: Sequence[Problem], error: type[MapError] = MapError) -> None:
    """Raise ``error`` with the first :data:`MAX_PROBLEMS` problems (and the count of the rest), if any."""
    if problems:
        raise error(problems[:MAX_PROBLEMS], omitted=max(0, len(problems) - MAX_PROBLEMS))


def _position(item: DataProblem, parsed: Parsed) -> tuple[int | None, int | None]:
    position: tuple[int, int] | None = None
    if item.anchor == "key":
        position = parsed.keys.get(item.loc)
    probe = item.loc[:-1] if item.anchor == "parent" else item.loc
    while position is None and probe:
        position = parsed.values.get(probe)
        probe = probe[:-1]
    if position is None:
        position = parsed.values.get(())
    return position if position else (None, None)


# -- maps ---------------------------------------------------------------------


def validate(data: Any) -> M.ArgumentMap:
    """Validate plain data (as read from YAML or JSON) into a map.

    Fills the ids of links given none and checks that every reference names
    an element of the map.

    Raises:
        MapError: listing every problem found, each with its data path.

    Examples:
        >>> validate({"id": "m", "title": "A map"}).title
        'A map'
    """
    return _validate_map(Parsed(data=data), path=None, error=MapError)


def validate_parsed(parsed: Parsed, path: str) -> M.ArgumentMap:
    """Validate data parsed from the file ``path``; problems carry line and column.

    Raises:
        LoadError: listing every problem found, located in the file.
    """
    result = _validate_map(parsed, path=path, error=LoadError)
    return attach_origin(result, Origin(path=path, positions=parsed.values))


def _validate_map(parsed: Parsed, path: str | None, error: type[MapError]) -> M.ArgumentMap:
    data = parsed.data
    if data is None:
        raise error([Problem("the file is empty: expected a map with id and title", path, 1, 1)])
    if not isinstance(data, Mapping):
        kind = {list: "list", str: "string", int: "number", float: "number", bool: "boolean"}.get(
            type(data), type(data).__name__
        )
        raise error(
            [
                Problem(
                    f"the top level must be a mapping (id, title, nodes, ...), not a {kind}",
                    path,
                    *parsed.values.get((), (None, None)),
                )
            ]
        )
    filled = fill_link_ids(data)
    with _references_beside(filled) as references:
        result, problems = check_data(M.ArgumentMap, filled)
        found = references() if references is not None else None
    if found is None:
        found = find_reference_problems(result or filled)
    problems += [DataProblem(loc, msg) for loc, msg in found]
    if result is None or problems:
        raise_problems(locate_problems(problems, filled, parsed, path), error)
    assert result is not None
    return result


# From this many elements, a reader allowed helper processes checks a map's references in one
# while it validates the rest: below, forking costs about what it saves.
REFERENCES_BESIDE_FROM = 20_000


@contextmanager
def _references_beside(data: Any) -> Iterator[Callable[[], list[tuple[Loc, str]] | None] | None]:
    """Find the reference problems of a large map's raw data in a forked helper, where readers may fork one.

    Yields how to take the helper's problems (None if it failed), or None
    when no helper runs. The references of raw data and of the validated map
    are the same: validation changes no id.
    """
    elements = data.get("nodes"), data.get("links")
    size = sum(len(e) for e in elements if isinstance(e, list))
    if size < REFERENCES_BESIDE_FROM or not helpers_allowed():
        yield None
        return
    with Forked(lambda: find_reference_problems(data)) as helper:

        def taken() -> list[tuple[Loc, str]] | None:
            sent = helper.result()
            return [(tuple(loc), message) for loc, message in sent] if sent is not None else None

        yield taken


def _normalize(loc: tuple[Any, ...], data: Any) -> Loc:
    """Map pydantic's error location onto the path of the value in the data.

    Pydantic inserts discriminator tags and validator names into locations;
    they are dropped by walking the actual data alongside.
    """
    out: list[str | int] = []
    current = data
    for i, part in enumerate(loc):
        last = i == len(loc) - 1  # a missing or unknown key is the last part
        if isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            out.append(part)
            current = current[part]
        elif isinstance(current, Mapping) and isinstance(part, str):
            if part in current:
                out.append(part)
                current = current[part]
            elif last and current.get("kind") != part:
                out.append(part)
            # otherwise a discriminator tag or validator name: skip it
    return tuple(out)


def _resolve(annotation: Any, data: Any) -> Any:
    """The model class (or container annotation) an annotation stands for, given the data there."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(annotation) if a is not type(None)]
            models = [m for m in members if isinstance(m, type) and issubclass(m, BaseModel)]
            kind = data.get("kind") if isinstance(data, Mapping) else None
            chosen = next(
                (m for m in models if m.model_fields.get("kind") and m.model_fields["kind"].default == kind),
                None,
            )
            annotation = chosen or (models[0] if models else members[0] if members else Any)
            if chosen is None and not models:
                return annotation
        else:
            return annotation


def _allowed_fields(model: type[BaseModel], loc: Loc, data: Any) -> list[str]:
    """The fields the mapping at ``loc`` may have, for "did you mean" hints (walks the model)."""
    current: Any = model
    value = data
    for part in loc[:-1]:
        current = _resolve(current, value)
        value = value[part] if isinstance(value, Mapping | list) and _has(value, part) else None  # type: ignore[index]
        if isinstance(current, type) and issubclass(current, BaseModel) and isinstance(part, str):
            field = current.model_fields.get(part)
            if field is None:
                return []
            current = field.annotation
        else:
            args = [a for a in typing.get_args(current) if a is not Ellipsis]
            if not args:
                return []
            current = args[-1]  # tuple[X, ...], list[X], dict[K, X]
    current = _resolve(current, value)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _has(container: Any, part: str | int) -> bool:
    if isinstance(container, list):
        return isinstance(part, int) and 0 <= part < len(container)
    return part in container


def _element_data(loc: Loc, data: Any) -> Any:
    if len(loc) >= 2 and loc[0] in _GROUPS and isinstance(loc[1], int):
        items = data.get(loc[0]) if isinstance(data, Mapping) else None
        if isinstance(items, list) and 0 <= loc[1] < len(items):
            return items[loc[1]]
    return None


def _translate_all(model: type[BaseModel], items: Sequence[Any], data: Any) -> list[DataProblem]:
    """Pydantic's errors in plain words.

    A value that fits no member of a union (an id or a list of ids) gets one
    problem: if some member took the value's shape and failed inside it (a
    list holding a number), only that member's errors; else one "expected an
    id or a list of ids, got ...".
    """
    problems: list[DataProblem | tuple[Loc, list[str]]] = []
    unions: dict[Loc, dict[str, list[Any]]] = {}
    for item in items:
        raw = tuple(item["loc"])
        at = _union_branch(raw, data)
        if at is None:
            problems.append(_translate(model, item, data))
            continue
        where = _normalize(raw[:at], data)
        if where not in unions:
            unions[where] = {}
            problems.append((where, []))  # a place holder, filled in below, in order
        unions[where].setdefault(raw[at], []).append(item)
    out: list[DataProblem] = []
    for problem in problems:
        if isinstance(problem, DataProblem):
            out.append(problem)
            continue
        where = problem[0]
        branches = unions[where]
        inside = [
            item
            for found in branches.values()
            if all(len(item["loc"]) > _union_branch_end(tuple(item["loc"]), data) for item in found)
            for item in found
        ]
        if inside:
            out += [_translate(model, item, data) for item in inside]
            continue
        wanted = " or ".join(
            dict.fromkeys(
                _expected(model, tuple(found[0]["loc"]), data, found[0]["type"])
                for found in branches.values()
            )
        )
        out.append(_labelled(where, f"expected {wanted}, got {_what(_value_at(data, where))}"))
    return out


def _union_branch(raw_loc: tuple[Any, ...], data: Any) -> int | None:
    """The index in pydantic's location of the first union member it names (not a key of the data), if any."""
    current = data
    for i, part in enumerate(raw_loc):
        if isinstance(current, Mapping) and part in current:
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            current = current[part]
        elif isinstance(current, Mapping) and current.get("kind") == part:
            continue  # a discriminator tag: its own errors are the element's
        elif _is_member_name(part):
            return i
        else:
            return None
    return None


def _union_branch_end(raw_loc: tuple[Any, ...], data: Any) -> int:
    at = _union_branch(raw_loc, data)
    return len(raw_loc) if at is None else at + 1


def _translate(model: type[BaseModel], item: Any, data: Any) -> DataProblem:
    """One pydantic error as a :class:`DataProblem` in plain words."""
    kind = item["type"]
    raw_loc = tuple(item["loc"])
    loc = _normalize(raw_loc, data)
    ctx = item.get("ctx") or {}
    value = item.get("input")
    if kind == "missing":
        return DataProblem(loc, f"missing required field {loc[-1]!r}", "parent")
    if kind == "extra_forbidden":
        allowed = _allowed_fields(model, loc, data)
        hint = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        extra = f"; did you mean {hint[0]!r}?" if hint else f" (allowed: {', '.join(allowed)})"
        return DataProblem(loc, f"unknown field {loc[-1]!r}{extra}", "key")
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        expected = str(ctx.get("expected_tags", "")).replace("'", "")
        if kind == "union_tag_not_found":
            if not expected and loc and loc[0] in ("nodes", "links"):
                expected = ", ".join(M.NODE_KINDS if loc[0] == "nodes" else M.LINK_KINDS)
            return DataProblem(loc, f"missing required field 'kind' (one of: {expected or 'see the schema'})")
        return DataProblem((*loc, "kind"), f"unknown kind {ctx.get('tag')!r}; expected one of: {expected}")
    if raw_loc and raw_loc[-1] == "[key]":
        return _labelled(
            loc[:-1], f"keys must be text, got {_what(raw_loc[-2] if len(raw_loc) > 1 else None)}"
        )
    message = _plain(kind, str(item["msg"]), ctx, value, _expected(model, raw_loc, data, kind))
    if kind in ("model_type", "model_attributes_type", "dict_type") and not loc:
        return DataProblem(loc, message)
    return _labelled(loc, message)


def _labelled(loc: Loc, message: str) -> DataProblem:
    label = _field_label(loc)
    return DataProblem(loc, f"{label}: {message}" if label else message)


# Error types that say "this value is not of the type expected here".
_EXPECTED = frozenset(
    {
        "string_type",
        "tuple_type",
        "list_type",
        "set_type",
        "frozen_set_type",
        "dict_type",
        "model_type",
        "model_attributes_type",
        "int_type",
        "int_parsing",
        "int_from_float",
        "float_type",
        "float_parsing",
        "bool_type",
        "bool_parsing",
        "literal_error",
        "none_required",
        "is_instance_of",
    }
)


def _plain(kind: str, msg: str, ctx: Mapping[str, Any], value: Any, expected: str) -> str:
    """What pydantic said in ``msg``, in plain words (never pydantic's own wording)."""
    got = _what(value)
    if kind == "literal_error":
        words = _literal_words(ctx)
        hint = difflib.get_close_matches(value, words, n=1) if isinstance(value, str) else []
        suggestion = f"; did you mean {hint[0]!r}?" if hint else ""
        return f"expected {expected or 'one of: ' + ', '.join(words)}, got {got}{suggestion}"
    if kind in _EXPECTED:
        advice = ""
        if kind == "string_type" and isinstance(value, bool):
            advice = " (YAML reads yes, no, on and off as true or false: put it in quotes to make it text)"
        elif kind == "string_type" and isinstance(value, int | float):
            advice = " (put it in quotes to make it text)"
        return f"expected {expected}, got {got}{advice}"
    if kind in ("value_error", "assertion_error"):
        return msg.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    bounds = {
        "greater_than_equal": ("at least", "ge"),
        "greater_than": ("more than", "gt"),
        "less_than_equal": ("at most", "le"),
        "less_than": ("less than", "lt"),
    }
    if kind in bounds:
        relation, key = bounds[kind]
        return f"must be {relation} {_number(ctx.get(key))}, got {got}"
    if kind == "finite_number":
        return f"expected a finite number, got {got}"
    if kind == "int_parsing_size":
        return "the number is too large"
    if kind == "string_too_short":
        least = ctx.get("min_length", 1)
        return "must not be empty" if least == 1 else f"must have at least {least} characters"
    if kind == "string_too_long":
        return f"must have at most {ctx.get('max_length')} characters, got {_count(value)}"
    if kind == "too_short":
        return f"must have at least {_entries(ctx.get('min_length'))}, got {_count(value)}"
    if kind == "too_long":
        return f"must have at most {_entries(ctx.get('max_length'))}, got {_count(value)}"
    if kind == "string_pattern_mismatch":
        return f"{got} does not have the form expected here ({ctx.get('pattern')})"
    if kind in ("invalid-json-value", "json_type"):
        return f"expected plain data (text, numbers, true or false, lists and mappings of them), got {got}"
    if kind == "string_unicode":
        return f"expected text, got {got} that is not valid Unicode"
    if kind == "recursion_loop":
        return "the value contains itself"
    return f"{got} is not allowed here"


def _literal_words(ctx: Mapping[str, Any]) -> list[str]:
    return [w.strip().strip("'") for w in str(ctx.get("expected", "")).replace(" or ", ", ").split(", ")]


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _entries(n: Any) -> str:
    return f"{n} entry" if n == 1 else f"{n} entries"


def _count(value: Any) -> str:
    try:
        return str(len(value))
    except TypeError:
        return _what(value)


def _what(value: Any) -> str:
    """A value as a message names it: ``the number 3``, ``the text 'abc'``, ``a list``.

    Examples:
        >>> _what(3), _what("abc"), _what([1]), _what(None), _what(True)
        ('the number 3', "the text 'abc'", 'a list', 'nothing', 'true')
    """
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return f"the number {value}" if value.bit_length() < 64 else "a very large number"
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN (not a number)"
        if math.isinf(value):
            return "infinity" if value > 0 else "minus infinity"
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text {shown!r}" if value.strip() else "blank text" if value else "empty text"
    if isinstance(value, list | tuple):
        return "a list" if value else "an empty list"
    if isinstance(value, Mapping):
        return "a mapping" if value else "an empty mapping"
    if isinstance(value, datetime.datetime):
        return "a date and time (put it in quotes to keep it as text)"
    if isinstance(value, datetime.date):
        return "a date (put it in quotes to keep it as text)"
    if isinstance(value, set | frozenset):
        return "a set"
    return f"a value of type {type(value).__name__}"


def _value_at(data: Any, loc: Loc) -> Any:
    current = data
    for part in loc:
        if isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            current = current[part]
        elif isinstance(current, Mapping) and part in current:
            current = current[part]
        else:
            return None
    return current


# -- what a place in the data expects, in words ------------------------------------


def _expected(model: type[BaseModel], raw_loc: tuple[Any, ...], data: Any, kind: str) -> str:
    """What the schema expects at pydantic's location ``raw_loc``: ``a list of ids``, ``text``."""
    found = _annotation_at(model, raw_loc, data)
    if found is not None:
        noun = _noun(*found)
        if noun:
            return noun
    return _FALLBACK.get(kind, "another kind of value")


_FALLBACK = {
    "string_type": "text",
    "tuple_type": "a list",
    "list_type": "a list",
    "set_type": "a list",
    "frozen_set_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "none_required": "nothing",
}


def _annotation_at(
    model: type[BaseModel], raw_loc: tuple[Any, ...], data: Any
) -> tuple[Any, tuple[Any, ...]] | None:
    """The annotation (and its field's metadata) at a pydantic location, or None when unsure."""
    current: Any = model
    metadata: tuple[Any, ...] = ()
    value = data
    for part in raw_loc:
        bare = typing.get_args(current)[0] if typing.get_origin(current) is typing.Annotated else current
        if typing.get_origin(bare) in (typing.Union, types.UnionType) and _is_member_name(part):
            members = [a for a in typing.get_args(bare) if _is_named(a, part)]
            if not members:
                return None
            current, metadata = members[0], ()
            continue
        current = _resolve(current, value)
        if isinstance(current, type) and issubclass(current, BaseModel):
            if not isinstance(part, str):
                return None
            field = current.model_fields.get(part)
            if field is None:
                if isinstance(value, Mapping) and value.get("kind") == part:
                    continue  # the discriminator tag pydantic puts in the location
                return None
            current, metadata = field.annotation, tuple(field.metadata)
            value = value.get(part) if isinstance(value, Mapping) else None
            continue
        args = [a for a in typing.get_args(current) if a is not Ellipsis]
        if not args:
            return None
        if _is_member_name(part):
            continue
        current, metadata = args[-1], ()  # tuple[X, ...], list[X], dict[K, X]
        value = value[part] if isinstance(value, Mapping | list) and _has(value, part) else None
    return current, metadata


def _is_member_name(part: Any) -> bool:
    return isinstance(part, str) and ("[" in part or part in ("str", "int", "float", "bool", "none"))


def _is_named(annotation: Any, part: str) -> bool:
    """Whether ``part`` is the name pydantic gives this union member in locations.

    ``str``, ``function-after[_check_id(), str]``, ``tuple[...]``, ``list[...]``.
    """
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base = typing.get_args(annotation)[0]
        return part.startswith("function-") and part.endswith(f", {getattr(base, '__name__', '?')}]")
    if origin is not None:
        return part.startswith(f"{getattr(origin, '__name__', '?')}[")
    return part == getattr(annotation, "__name__", None)


def _noun(annotation: Any, metadata: tuple[Any, ...] = ()) -> str:
    """An annotation in words, with its article: ``an id``, ``a list of sides``, ``text``."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        return _noun(base, (*metadata, *extra))
    if origin in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(annotation) if a is not type(None)]
        models = [m for m in members if isinstance(m, type) and issubclass(m, BaseModel)]
        if models and len(models) == len(members):
            return _article(_model_noun(models))
        return " or ".join(dict.fromkeys(n for n in (_noun(m) for m in members) if n))
    if origin is typing.Literal:
        return "one of: " + ", ".join(str(a) for a in typing.get_args(annotation))
    if origin in (tuple, list, set, frozenset):
        items = [a for a in typing.get_args(annotation) if a is not Ellipsis]
        inner = _noun(items[0]) if len(items) == 1 else ""
        return f"a list of {_plural(inner)}" if inner else "a list"
    if origin in (dict, Mapping) or annotation is dict:
        return "a mapping"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _article(_model_noun([annotation]))
    if annotation is str:
        checks = {getattr(m, "func", None) for m in metadata}
        return "an id" if M.fields._check_id in checks else "text"
    return {int: "a whole number", float: "a number", bool: "true or false"}.get(annotation, "")


def _model_noun(models: list[type[BaseModel]]) -> str:
    """The words for a model class, or the base the classes of a union share (``node``, ``side``)."""
    common = next(
        (c for c in models[0].__mro__ if all(issubclass(m, c) for m in models) and c.__name__ != "_Model"),
        models[0],
    )
    name = common.__name__.strip("_").removesuffix("Base")
    return re.sub(r"(?<!^)(?=[A-Z])", " ", name).lower()


def _article(noun: str) -> str:
    if noun.endswith("settings"):
        return noun
    return f"an {noun}" if noun[:1] in "aeiou" else f"a {noun}"


def _plural(noun: str) -> str:
    """``an id`` -> ``ids``, ``text`` -> ``texts``, ``a source document`` -> ``source documents``."""
    bare = noun.removeprefix("a ").removeprefix("an ")
    if " or " in bare or bare.startswith("list of") or bare.startswith("one of"):
        return f"values ({noun})"
    if bare == "true or false":
        return "true or false values"
    return bare + "s"


def _field_label(loc: Loc) -> str:
    """The path inside an element, for messages: ``anchors[0].end``, ``stances.q``."""
    inner = loc[2:] if len(loc) >= 2 and loc[0] in _GROUPS and isinstance(loc[1], int) else loc
    label = ""
    for part in inner:
        label += f"[{part}]" if isinstance(part, int) else (f".{part}" if label else part)
    return label


def _ordinal(index: object) -> object:
    """A list index as people count (from 1), for messages: the first node is node number 1."""
    return index + 1 if isinstance(index, int) else index


def describe_map_element(loc: Loc, data: Any) -> str | None:
    """Name the map element a data path lies in, e.g. ``claim 'c7'`` (None outside elements)."""
    element = _element_data(loc, data)
    if not isinstance(element, Mapping):
        if len(loc) >= 2 and loc[0] in _GROUPS:
            return f"{_GROUPS[str(loc[0])]} number {_ordinal(loc[1])}"
        return None
    element_id = element.get("id")
    what = _GROUPS[str(loc[0])]
    kind = element.get("kind")
    if loc[0] == "nodes" and isinstance(kind, str) and kind in M.NODE_CLASSES:
        what = kind
    elif loc[0] == "links" and isinstance(kind, str) and kind in M.LINK_CLASSES:
        what = f"{kind} link"
    if isinstance(element_id, str):
        return f"{what} {element_id!r}"
    return f"{what} number {_ordinal(loc[1])}"
