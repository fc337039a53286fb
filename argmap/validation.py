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

import difflib
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ValidationError

from argmap import model as M
from argmap._perf import paused_gc
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
        return None, [_translate(model, item, data) for item in err.errors()]


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
    result, problems = check_data(M.ArgumentMap, filled)
    problems += [DataProblem(loc, msg) for loc, msg in find_reference_problems(result or filled)]
    if result is None or problems:
        raise_problems(locate_problems(problems, filled, parsed, path), error)
    assert result is not None
    return result


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
            elif last:
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


def _translate(model: type[BaseModel], item: Any, data: Any) -> DataProblem:
    """One pydantic error as a :class:`DataProblem` in plain words."""
    kind = item["type"]
    loc = _normalize(tuple(item["loc"]), data)
    message = str(item["msg"]).removeprefix("Value error, ")
    if kind == "missing":
        return DataProblem(loc, f"missing required field {loc[-1]!r}", "parent")
    if kind == "extra_forbidden":
        allowed = _allowed_fields(model, loc, data)
        hint = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        extra = f"; did you mean {hint[0]!r}?" if hint else f" (allowed: {', '.join(allowed)})"
        return DataProblem(loc, f"unknown field {loc[-1]!r}{extra}", "key")
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        ctx = item.get("ctx") or {}
        expected = str(ctx.get("expected_tags", "")).replace("'", "")
        if kind == "union_tag_not_found":
            return DataProblem(loc, f"missing required field 'kind' (one of: {expected or 'see the schema'})")
        return DataProblem((*loc, "kind"), f"unknown kind {ctx.get('tag')!r}; expected one of: {expected}")
    if kind in ("model_type", "dict_type") and not loc:
        return DataProblem(loc, message)
    label = _field_label(loc)
    if label:
        message = f"{label}: {message}"
    return DataProblem(loc, message)


def _field_label(loc: Loc) -> str:
    """The path inside an element, for messages: ``anchors[0].end``, ``stances.q``."""
    inner = loc[2:] if len(loc) >= 2 and loc[0] in _GROUPS and isinstance(loc[1], int) else loc
    label = ""
    for part in inner:
        label += f"[{part}]" if isinstance(part, int) else (f".{part}" if label else part)
    return label


def describe_map_element(loc: Loc, data: Any) -> str | None:
    """Name the map element a data path lies in, e.g. ``claim 'c7'`` (None outside elements)."""
    element = _element_data(loc, data)
    if not isinstance(element, Mapping):
        if len(loc) >= 2 and loc[0] in _GROUPS:
            return f"{_GROUPS[str(loc[0])]} #{loc[1]}"
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
    return f"{what} #{loc[1]}"
